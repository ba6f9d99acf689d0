package answers

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"
)

// shorthand reads chat shorthand ("rn", "whats", "didnt") as the words it
// stands for.
type shorthand struct {
	re    *regexp.Regexp
	words map[string]string
}

// compileShorthand compiles general.yaml's shorthand: each key one word
// of letters and digits, in lower case.
func compileShorthand(m map[string]string) (*shorthand, error) {
	if len(m) == 0 {
		return nil, nil
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		if k == "" || k != strings.ToLower(k) || strings.IndexFunc(k, func(c rune) bool { return !isWordRune(c) || c > unicode.MaxASCII }) >= 0 {
			return nil, fmt.Errorf("shorthand %q: want one lower-case word of letters and digits", k)
		}
		keys = append(keys, regexp.QuoteMeta(k))
	}
	slices.Sort(keys)
	re, err := regexp.Compile(`(?i)\b(?:` + strings.Join(keys, "|") + `)\b`)
	if err != nil {
		return nil, fmt.Errorf("shorthand: %w", err)
	}
	return &shorthand{re: re, words: m}, nil
}

// expand rewrites text's shorthand words, whatever their case, and joins
// the spaces a dropped word leaves.
func (s *shorthand) expand(text string) string {
	if s == nil {
		return text
	}
	dropped := false
	out := s.re.ReplaceAllStringFunc(text, func(w string) string {
		r := s.words[strings.ToLower(w)]
		dropped = dropped || r == ""
		return r
	})
	if dropped {
		out = strings.Join(strings.Fields(out), " ")
	}
	return out
}
