package answers

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/kljensen/snowball/english"
)

// shorthand reads chat shorthand ("rn", "whats", "didnt") as the words it
// stands for.
type shorthand struct {
	re    *regexp.Regexp
	words map[string]string
	// shorts are, for a word a shorthand word stands for alone, those
	// shorthand words ("january": "jan"), sorted.
	shorts map[string][]string
	// joins are the shorthand words that join two words ("n" for
	// "and"), read so only after a word that is no stop word.
	joins map[string]bool
}

// compileShorthand compiles general.yaml's shorthand: each key one word
// of letters and digits, in lower case, or a contraction the word splitter
// would misread ("won't" is no "won"), matched with either apostrophe.
func compileShorthand(m map[string]string, joins []string) (*shorthand, error) {
	if len(m) == 0 {
		return nil, nil
	}
	for _, j := range joins {
		if _, ok := m[j]; !ok {
			return nil, fmt.Errorf("shorthand_joins %q: not a shorthand word", j)
		}
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		bare := strings.Replace(k, "'", "", 1)
		if bare == "" || k != strings.ToLower(k) || strings.HasPrefix(k, "'") || strings.HasSuffix(k, "'") || strings.IndexFunc(bare, func(c rune) bool { return !isWordRune(c) || c > unicode.MaxASCII }) >= 0 {
			return nil, fmt.Errorf("shorthand %q: want one lower-case word of letters and digits, or a contraction", k)
		}
		keys = append(keys, strings.Replace(regexp.QuoteMeta(k), "'", "['’]", 1))
	}
	slices.Sort(keys)
	re, err := regexp.Compile(`(?i)\b(?:` + strings.Join(keys, "|") + `)\b`)
	if err != nil {
		return nil, fmt.Errorf("shorthand: %w", err)
	}
	shorts := map[string][]string{}
	for k, long := range m {
		if !strings.Contains(k, "'") && long != "" && !strings.Contains(long, " ") {
			shorts[long] = append(shorts[long], k)
		}
	}
	for _, ks := range shorts {
		slices.Sort(ks)
	}
	return &shorthand{re: re, words: m, shorts: shorts, joins: wordSet(joins)}, nil
}

// expand rewrites text's shorthand words and joins the spaces a dropped
// word leaves. A word counts only as typed in lower case (or capitalised
// as the text's first) and standing alone: "Ur" is a city, and the "U"
// of "U.S." or "u-boat" no "you".
func (s *shorthand) expand(text string) string {
	if s == nil {
		return text
	}
	var b strings.Builder
	last, dropped := 0, false
	for _, m := range s.re.FindAllStringIndex(text, -1) {
		w := text[m[0]:m[1]]
		if !alone(text, m[0], m[1]) || w != strings.ToLower(w) && (m[0] > 0 || w[1:] != strings.ToLower(w[1:])) || len(w) == 1 && (inParens(text, m[0], m[1]) || s.joins[strings.ToLower(w)] && !joinsAfter(text, m[0])) {
			continue
		}
		r := s.words[strings.ReplaceAll(strings.ToLower(w), "’", "'")]
		dropped = dropped || r == ""
		b.WriteString(text[last:m[0]])
		b.WriteString(r)
		last = m[1]
	}
	if last == 0 {
		return text
	}
	b.WriteString(text[last:])
	out := b.String()
	if dropped {
		out = strings.Join(strings.Fields(out), " ")
	}
	return out
}

// shortFor is the stems of the shorthand words that stand for the folded
// word w alone and that uses says the articles write ("jan" for
// "january", "govt" for "government"): an article may write in shorthand
// too.
func (s *shorthand) shortFor(w string, uses func(string) bool) []string {
	if s == nil {
		return nil
	}
	var out []string
	for _, k := range s.shorts[w] {
		if uses(k) && !slices.Contains(out, stem(k)) {
			out = append(out, stem(k))
		}
	}
	return out
}

// joinsAfter reports whether the word before text[a:] can be one side of
// a joining shorthand word, chat's "n" for "and": a word that is no
// English stop word ("orrin n ada"). Not the question's first word ("n
// whens …" leads in), nor after a verb or preposition ("a message with n
// recipients" counts).
func joinsAfter(text string, a int) bool {
	before := strings.TrimRight(text[:a], " \t,")
	i := strings.LastIndexFunc(before, func(r rune) bool { return !isWordRune(r) })
	w := strings.ToLower(before[i+1:])
	return w != "" && !english.IsStopWord(w)
}

// inParens reports whether text[a:b] stands right inside parentheses:
// "DTIME(n)" writes a variable, not chat's "n" for "and".
func inParens(text string, a, b int) bool {
	return a > 0 && text[a-1] == '(' || b < len(text) && text[b] == ')'
}

// alone reports whether text[a:b] stands alone: space, the text's ends or
// a comma, colon or closing mark on either side; a full stop only where
// a space or the end follows it.
func alone(text string, a, b int) bool {
	if a > 0 && !strings.ContainsRune(" \t\n,;:(\"“‘", rune(text[a-1])) {
		return false
	}
	if b == len(text) {
		return true
	}
	switch c := text[b]; {
	case strings.ContainsRune(" \t\n,;:?!)\"”’", rune(c)):
		return true
	case c == '.':
		return b+1 == len(text) || text[b+1] == ' '
	}
	return false
}
