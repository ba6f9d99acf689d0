package clean

import (
	"errors"
	"strings"
	"unicode"
	"unicode/utf8"
)

// abbreviationData is the shape of abbreviations.yaml.
type abbreviationData struct {
	Never   []string `yaml:"never"`
	Maybe   []string `yaml:"maybe"`
	Openers []string `yaml:"openers"`
}

// abbreviations decides whether a period after a word ends a sentence; see
// abbreviations.yaml.
type abbreviations struct {
	never   map[string]bool
	maybe   map[string]bool
	openers map[string]bool
}

// loadAbbreviations parses abbreviations.yaml.
func loadAbbreviations(data []byte) (abbreviations, error) {
	var d abbreviationData
	if err := decodeStrict(data, &d); err != nil {
		return abbreviations{}, err
	}
	if len(d.Never) == 0 || len(d.Maybe) == 0 || len(d.Openers) == 0 {
		return abbreviations{}, errors.New("want never, maybe and openers")
	}
	for _, w := range append(d.Never, d.Maybe...) {
		if !strings.HasSuffix(w, ".") {
			return abbreviations{}, errors.New("abbreviation " + w + " does not end in a period")
		}
	}
	return abbreviations{never: set(d.Never), maybe: set(d.Maybe), openers: set(d.Openers)}, nil
}

// Sentences splits one cleaned paragraph into sentences, in order.
//
// A sentence ends at '.', '!', '?' or an ellipsis that is followed by
// whitespace and then a capital letter or digit (optionally behind an
// opening quote or bracket). Closing quotes and brackets right after the
// punctuation belong to the sentence they close, as does a lone closing
// quote after a space ("… to do. »"). A period after an abbreviation from
// abbreviations.yaml, or after initials, ends a sentence only when the next
// word typically opens one ("in the U.S. The next day"). Colons, dashes and
// semicolons never split, and a paragraph with no terminal punctuation, such
// as a headline, is one sentence.
//
// Every sentence is a trimmed substring of paragraph, so joining them loses
// nothing but whitespace. The result is nil for a blank paragraph.
func Sentences(paragraph string) []string {
	var out []string
	start := 0
	for i := 0; i < len(paragraph); {
		r, size := utf8.DecodeRuneInString(paragraph[i:])
		if !isTerminal(r) {
			i += size
			continue
		}
		runStart := i
		runEnd := skip(paragraph, i, isTerminal)
		end := skip(paragraph, runEnd, isCloser)
		if end < len(paragraph) && !startsWithSpace(paragraph[end:]) {
			i = end // "2.5", "U.S.-brokered", "Fla.,": not a boundary
			continue
		}
		next := skip(paragraph, end, unicode.IsSpace)
		// A closing quote or bracket standing alone after the space belongs
		// to this sentence: "… work to do. »".
		if tok := token(paragraph[next:]); tok != "" && strings.IndexFunc(tok, notCloser) < 0 {
			end = next + len(tok)
			next = skip(paragraph, end, unicode.IsSpace)
		}
		if next >= len(paragraph) {
			break
		}
		if rules.abbreviations.boundary(paragraph[start:runStart], paragraph[runStart:runEnd], end > runEnd, token(paragraph[next:])) {
			out = appendTrimmed(out, paragraph[start:end])
			start = next
		}
		i = end
	}
	return appendTrimmed(out, paragraph[start:])
}

// boundary reports whether the terminal punctuation term ends a sentence.
// before is the sentence so far, up to term; closed reports whether closing
// quotes or brackets follow term directly; next is the following token.
func (a abbreviations) boundary(before, term string, closed bool, next string) bool {
	opener := strings.TrimLeftFunc(next, isOpener)
	first, _ := utf8.DecodeRuneInString(opener)
	if !startsSentence(first) {
		return false // "U.S. and", "… ending this war": lower case goes on
	}
	word := before[strings.LastIndexFunc(before, unicode.IsSpace)+1:]
	word = strings.TrimLeftFunc(word, isOpener)
	if strings.ContainsAny(term, "…") || strings.Contains(term, "..") {
		// An ellipsis standing alone marks an elision mid-quote; one
		// attached to a word ends the sentence.
		return word != ""
	}
	if term != "." || closed {
		return true // "!", "?", ".”": the writer ended it
	}
	abbr := word + term
	switch {
	case a.never[abbr]:
		return false
	case a.maybe[abbr]:
		return a.openers[leadingWord(opener)]
	case initials(word):
		if spacedLowerInitials(before, word) {
			// "(a. k. a. The Night Clerk)": lower-case letters, each
			// dotted, spell an abbreviation, which ends nothing.
			return false
		}
		if letterAfterLowercase(before, word) && !isInitial(opener) {
			// "a post on X. Topics…": a lone capital after a lower-case
			// word is a word of its own, not a middle initial.
			return true
		}
		return a.openers[leadingWord(opener)]
	}
	return true
}

// letterAfterLowercase reports whether word is a single letter and the
// word before it in before starts with a lower-case letter ("on X").
func letterAfterLowercase(before, word string) bool {
	if utf8.RuneCountInString(word) != 1 {
		return false
	}
	rest := strings.TrimRightFunc(before[:len(before)-len(word)], func(r rune) bool { return isOpener(r) || unicode.IsSpace(r) })
	prev := strings.TrimLeftFunc(rest[strings.LastIndexFunc(rest, unicode.IsSpace)+1:], func(r rune) bool { return !unicode.IsLetter(r) })
	first, _ := utf8.DecodeRuneInString(prev)
	return unicode.IsLower(first)
}

// spacedLowerInitials reports whether word is one lower-case letter and
// the word before it in before is one too, dotted ("k. a"): the letters of
// an abbreviation written with spaces ("a. k. a.", "e. g.").
func spacedLowerInitials(before, word string) bool {
	r, _ := utf8.DecodeRuneInString(word)
	if utf8.RuneCountInString(word) != 1 || !unicode.IsLower(r) {
		return false
	}
	rest := strings.TrimRightFunc(before[:len(before)-len(word)], unicode.IsSpace)
	prev := rest[strings.LastIndexFunc(rest, unicode.IsSpace)+1:]
	p, _ := utf8.DecodeRuneInString(prev)
	return utf8.RuneCountInString(prev) == 2 && strings.HasSuffix(prev, ".") && unicode.IsLower(p)
}

// isInitial reports whether tok is one dotted initial, such as "D.".
func isInitial(tok string) bool {
	w, ok := strings.CutSuffix(tok, ".")
	return ok && utf8.RuneCountInString(w) == 1 && initials(w)
}

// initials reports whether word, taken before its final period, is dotted
// initials such as "J", "U.N" or "a.m".
func initials(word string) bool {
	parts := strings.Split(word, ".")
	for _, p := range parts {
		if utf8.RuneCountInString(p) != 1 {
			return false
		}
		if r, _ := utf8.DecodeRuneInString(p); !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// startsSentence reports whether a sentence may begin with r.
func startsSentence(r rune) bool {
	switch {
	case unicode.IsLower(r):
		return false
	case unicode.IsLetter(r) && r != utf8.RuneError, unicode.IsDigit(r), unicode.Is(unicode.Sc, r):
		return true
	}
	return false
}

// leadingWord returns the letters at the start of s: "It" for "It’s".
func leadingWord(s string) string {
	if i := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }); i >= 0 {
		return s[:i]
	}
	return s
}

// isTerminal reports whether r can end a sentence.
func isTerminal(r rune) bool {
	switch r {
	case '.', '!', '?', '…', '‽':
		return true
	}
	return false
}

// isCloser reports whether r closes a quotation or bracket, and so stays
// with the sentence before it.
func isCloser(r rune) bool {
	switch r {
	case '"', '\'', '’', '”', '»', '›', ')', ']', '}':
		return true
	}
	return false
}

// notCloser is the negation of isCloser, for strings.IndexFunc.
func notCloser(r rune) bool { return !isCloser(r) }

// isOpener reports whether r opens a quotation or bracket that may come
// before the first word of a sentence.
func isOpener(r rune) bool {
	switch r {
	case '"', '\'', '‘', '“', '«', '‹', '(', '[', '{', '„':
		return true
	}
	return false
}

// skip returns the first offset at or after i where s holds a rune that
// does not satisfy keep.
func skip(s string, i int, keep func(rune) bool) int {
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !keep(r) || (r == utf8.RuneError && size == 1) {
			return i
		}
		i += size
	}
	return i
}

// startsWithSpace reports whether s begins with whitespace.
func startsWithSpace(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsSpace(r)
}

// token returns s up to its first whitespace.
func token(s string) string {
	if i := strings.IndexFunc(s, unicode.IsSpace); i >= 0 {
		return s[:i]
	}
	return s
}

// appendTrimmed appends s to out, trimmed, unless it is blank.
func appendTrimmed(out []string, s string) []string {
	if s = strings.TrimSpace(s); s != "" {
		out = append(out, s)
	}
	return out
}

// maxHeadingWords is the most words a heading has: a longer line with no
// full stop at its end is prose that lacks one (a glossary's entry, a
// paragraph cut short), not a headline.
const maxHeadingWords = 24

// IsHeading reports whether paragraph reads as a headline or section
// heading: one line, one sentence of at most maxHeadingWords words, with
// letters in it and no terminal punctuation (nor a colon, semicolon or
// comma) at its end, ignoring closing quotes and brackets. Callers use it
// to avoid quoting a headline as if it were a statement.
func IsHeading(paragraph string) bool {
	p := strings.TrimSpace(paragraph)
	if p == "" || strings.ContainsFunc(p, isLineBreak) || !strings.ContainsFunc(p, unicode.IsLetter) || len(strings.Fields(p)) > maxHeadingWords {
		return false
	}
	tail := strings.TrimRightFunc(p, func(r rune) bool { return isCloser(r) || unicode.IsSpace(r) })
	last, _ := utf8.DecodeLastRuneInString(tail)
	if isTerminal(last) || strings.ContainsRune(":;,", last) {
		return false
	}
	return len(Sentences(p)) == 1
}
