package clean

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// minGluePrefix is the shortest capitalised word the glue rule will split
// off; shorter ones ("Chad" = "C"+"had") are too often the start of a name.
const minGluePrefix = 3

// glueData is the shape of glue.yaml.
type glueData struct {
	Suffixes []string `yaml:"suffixes"`
	Calendar []string `yaml:"calendar"`
	Keep     []string `yaml:"keep"`
}

// glue splits words that scraping glued together; see glue.yaml.
type glue struct {
	suffixes []string
	calendar map[string]bool
	keep     map[string]bool
}

// loadGlue parses glue.yaml.
func loadGlue(data []byte) (glue, error) {
	var d glueData
	if err := decodeStrict(data, &d); err != nil {
		return glue{}, err
	}
	if len(d.Suffixes) == 0 {
		return glue{}, errors.New("no suffixes")
	}
	for _, s := range d.Suffixes {
		if s == "" || strings.ToLower(s) != s || strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }) >= 0 {
			return glue{}, fmt.Errorf("suffix %q: want a lowercase word", s)
		}
	}
	return glue{suffixes: d.Suffixes, calendar: set(d.Calendar), keep: set(d.Keep)}, nil
}

// apply splits glued words in the paragraphs among pieces, in place.
// Furniture pieces are neither changed nor counted as evidence.
func (g glue) apply(pieces []piece) {
	// Only capitalised words can be glued words or their prefixes, so only
	// they are counted; and most articles have no candidate at all.
	counts := make(map[string]int)
	candidates := false
	for _, p := range pieces {
		if p.rule != nil {
			continue
		}
		eachWord(p.text, func(_, _ int, w string) {
			if capitalised(w) {
				counts[w]++
				candidates = candidates || g.suffixed(w)
			}
		})
	}
	if !candidates {
		return
	}
	for i, p := range pieces {
		if p.rule != nil {
			continue
		}
		var b strings.Builder
		last := 0
		eachWord(p.text, func(start, _ int, w string) {
			cut := g.split(w, counts)
			if cut == 0 {
				return
			}
			b.WriteString(p.text[last : start+cut])
			b.WriteByte(' ')
			last = start + cut
		})
		if last > 0 {
			b.WriteString(p.text[last:])
			pieces[i].text = b.String()
		}
	}
}

// suffixed reports whether w ends in one of the glue suffixes.
func (g glue) suffixed(w string) bool {
	for _, s := range g.suffixes {
		if len(w) > len(s) && strings.HasSuffix(w, s) {
			return true
		}
	}
	return false
}

// split returns the byte offset at which to put a space into word, or 0 to
// leave it alone. counts holds how often each word occurs in the article.
func (g glue) split(word string, counts map[string]int) int {
	if counts[word] != 1 || g.keep[word] {
		return 0
	}
	for _, s := range g.suffixes {
		prefix, ok := strings.CutSuffix(word, s)
		if !ok || !capitalised(prefix) || utf8.RuneCountInString(prefix) < minGluePrefix {
			continue
		}
		if g.calendar[prefix] || counts[prefix] > 0 {
			return len(prefix)
		}
	}
	return 0
}

// capitalised reports whether w is an upper-case letter followed only by
// lower-case letters, like "Norway" but not "USA" or "McCain".
func capitalised(w string) bool {
	for i, r := range w {
		if (i == 0 && !unicode.IsUpper(r)) || (i > 0 && !unicode.IsLower(r)) {
			return false
		}
	}
	return w != ""
}

// eachWord calls fn with the byte range and text of each maximal run of
// letters in s.
func eachWord(s string, fn func(start, end int, w string)) {
	start := -1
	for i := 0; i < len(s); {
		var letter bool
		size := 1
		if c := s[i]; c < utf8.RuneSelf {
			letter = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			letter = unicode.IsLetter(r) && !(r == utf8.RuneError && size == 1)
		}
		switch {
		case letter && start < 0:
			start = i
		case !letter && start >= 0:
			fn(start, i, s[start:i])
			start = -1
		}
		i += size
	}
	if start >= 0 {
		fn(start, len(s), s[start:])
	}
}
