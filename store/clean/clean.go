// Package clean turns a scraped article into the paragraphs and sentences
// Parley quotes from.
//
// The contract is that cleaning never rewrites the article: words and
// punctuation come through byte for byte, only whitespace changes, and the
// only things removed are whole lines of page furniture (navigation labels,
// comment widgets, copyright and photo credits). The one exception is a
// space put back between two words that scraping glued together
// ("Norwayand" becomes "Norway and"). That keeps every sentence quotable
// verbatim against its source.
//
// What counts as furniture, which words glue, and which abbreviations do not
// end a sentence are data, embedded from furniture.yaml, glue.yaml and
// abbreviations.yaml, so that teaching the cleaner a new case is a one-line
// change beside its own test example.
package clean

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// piece is one non-blank line of an article after cleaning: a paragraph, or
// a furniture line that was dropped and why. Golden tests show both.
type piece struct {
	text string
	rule *furnitureRule // the entry that dropped it, saying why; nil for a paragraph
}

// Credit is what an article's byline, dropped with the page furniture,
// says of who wrote it and where it ran.
type Credit struct {
	Byline string // "Jane Doe"
	Outlet string // "The Harbour Gazette"
}

// Article cleans raw article text as Paragraphs does, and also returns the
// writer and outlet the first furniture line naming them gives ("Jane Doe,
// The Harbour Gazette on"): what the store keeps as the article's byline
// and outlet when its source gives none. Each of the two is taken from the
// first line that names it.
func Article(raw string) ([]string, Credit) {
	var out []string
	var c Credit
	for _, p := range clean(raw) {
		if p.rule == nil {
			out = append(out, p.text)
			continue
		}
		if c.Byline != "" && c.Outlet != "" {
			continue
		}
		got := p.rule.credit(p.text)
		if c.Byline == "" {
			c.Byline = got.Byline
		}
		if c.Outlet == "" {
			c.Outlet = got.Outlet
		}
	}
	return out, c
}

// Paragraphs cleans raw article text and returns its paragraphs in order.
//
// Each non-blank line of raw is one paragraph, whether the article separates
// paragraphs with blank lines or single newlines. Runs of whitespace
// (including non-breaking spaces) become one space and are trimmed at the
// ends; furniture lines are dropped; glued words are split. Invalid UTF-8 is
// passed through untouched. The result is nil when nothing is left.
func Paragraphs(raw string) []string {
	out, _ := Article(raw)
	return out
}

// clean does the work of Paragraphs and also reports the dropped lines.
func clean(raw string) []piece {
	raw = strings.TrimPrefix(raw, "\ufeff")
	lines := strings.FieldsFunc(raw, isLineBreak)
	pieces := make([]piece, 0, len(lines))
	for _, line := range lines {
		line = squash(line)
		if line == "" {
			continue
		}
		pieces = append(pieces, piece{text: line, rule: rules.furniture.rule(line)})
	}
	rules.glue.apply(pieces)
	return pieces
}

// isLineBreak reports whether r ends a line, and so a paragraph.
func isLineBreak(r rune) bool {
	switch r {
	case '\n', '\r', '\v', '\f', '\u0085', '\u2028', '\u2029':
		return true
	}
	return false
}

// squash collapses each run of whitespace in s to one space and trims both
// ends. Bytes that are not whitespace, valid UTF-8 or not, are kept as is.
func squash(s string) string {
	if squashed(s) {
		return s
	}
	var b strings.Builder
	pending := false // a space is owed before the next non-space
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			pending = b.Len() > 0
			i += size
			continue
		}
		if pending {
			b.WriteByte(' ')
			pending = false
		}
		b.WriteString(s[i : i+size])
		i += size
	}
	return b.String()
}

// squashed reports whether squash would return s unchanged: no whitespace
// but single ASCII spaces between other characters. It lets the common
// case skip the copy.
func squashed(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return s == ""
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if (c == ' ' && s[i+1] == ' ') || (c != ' ' && unicode.IsSpace(rune(c))) {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			return false
		}
		i += size
	}
	return true
}
