package answers

import (
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
)

// qterm is one term to match, with its weight and synonyms.
type qterm struct {
	term   string
	weight float64
	alts   []string
	// weak are WordNet synonyms of a word the articles use, which a
	// sentence may say for it: matched below the other alts.
	weak  []string
	known bool
	// source: the question says it only in a phrase saying where the
	// fact is told ("according to Bloomberg"): no word the answer's
	// sentence need say, nor one whose absence from the articles tells.
	source bool
	// names: said only in a source phrase that names a piece of writing
	// ("deadlock piece - …", "in the Bayton story, …"): a word telling
	// which article, which each of its sentences holds alike.
	names bool
}

// sourceOnly reports whether q says term only in a phrase saying where
// the fact is told.
func (q *query) sourceOnly(term string) bool {
	return slices.ContainsFunc(q.terms, func(t qterm) bool { return t.term == term && t.source })
}

func (q *query) addTerm(ix *index, term string, alts []string, named bool) {
	for _, t := range q.terms {
		if t.term == term {
			return
		}
	}
	w, ok := ix.idfOf(term)
	known := ok
	for _, a := range alts {
		if v, ok := ix.idfOf(a); ok {
			known = true
			if !ok || v > w {
				w = math.Max(w, v*synonymCredit)
			}
		}
	}
	if !known {
		q.unknown = append(q.unknown, strings.TrimPrefix(term, "@"))
		w = ix.maxIDF * unknownWeight
		if named {
			// A name the articles never use is the surest sign they do
			// not cover the question.
			w = ix.maxIDF + 1
		}
	}
	q.terms = append(q.terms, qterm{term: term, weight: math.Max(w, 0.1), alts: alts, known: known})
}

// joinSplitWords joins two adjacent words the articles write as one
// ("Sky Drive" for "SkyDrive", "data base" for "database") when one of
// the two is a word the articles never use, and lists the joins ("sky
// drive→skydrive").
func joinSplitWords(ix *index, toks []token) ([]token, []string) {
	var out []string
	for i := 0; i+1 < len(toks); i++ {
		a, b := toks[i], toks[i+1]
		if !isLetters(a.word) || !isLetters(b.word) || (ix.wordCount(a.word) > 0 && ix.wordCount(b.word) > 0) {
			continue
		}
		joined := a.word + b.word
		if ix.wordCount(joined) == 0 {
			continue
		}
		out = append(out, a.word+" "+b.word+"→"+joined)
		toks[i] = token{raw: a.raw + b.raw, word: joined, stem: stem(joined), start: a.start, end: b.end}
		toks = slices.Delete(toks, i+1, i+2)
	}
	return toks, out
}

// nameTypo is the corpus word the capitalised toks[i] misspells inside a
// name (two letters off at most, its length within one): the one word
// the articles write, capitalised, next to the capitalised word beside it
// in the question; "" when there is none, or more than one. A name typed
// in lower case ("sir walter eliot") is read the same way when lower is
// set: the caller knows the word is a proper name and no English word.
func nameTypo(ix *index, toks []token, i int, lower bool) string {
	t := toks[i]
	capital := t.start > 0 && isCapitalised(t.raw)
	if !capital && (!lower || isCapitalised(t.raw)) {
		return ""
	}
	for _, j := range []int{i + 1, i - 1} {
		if j < 0 || j >= len(toks) || capital && (toks[j].start == 0 && j < i || !isCapitalised(toks[j].raw)) {
			continue
		}
		best := ""
		for v := range ix.wordsNextTo(toks[j].word, j > i) {
			if v == t.word || lengthGap(v, t.word) > 1 || editDistance(t.word, v, 2) > 2 {
				continue
			}
			if best != "" {
				return ""
			}
			best = v
		}
		if best != "" {
			return best
		}
	}
	return ""
}

// lengthGap is how many letters longer one of a and b is.
func lengthGap(a, b string) int {
	n, m := utf8.RuneCountInString(a), utf8.RuneCountInString(b)
	return max(n-m, m-n)
}

// endsWithAny reports whether w ends as one of endings does.
func endsWithAny(w string, endings []string) bool {
	return slices.ContainsFunc(endings, func(end string) bool { return strings.HasSuffix(w, end) })
}

// isLetters reports whether w is letters only.
func isLetters(w string) bool {
	if w == "" {
		return false
	}
	for _, r := range w {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// correctTypos rewrites, in place, each word of toks that is neither the
// articles' nor English, nor a number, nor a name the pack knows, into
// the nearest word the articles use, and lists the corrections
// ("amess→ames").
func (e *Engine) correctTypos(ix *index, toks []token) []string {
	r := e.rules
	var out []string
	for i, t := range toks {
		// Only a word that is neither the articles' nor English, nor
		// holds a digit, is a typo: "flee" and "regulated" are words,
		// "14th" is a number, "libc5" a version, not "libc6". A proper
		// name is another name ("jane" is no "june"), but for a name's
		// adjective ("alaskan"), which finds the name it pertains to.
		if r.stop[t.word] || r.known[t.word] || english.IsStopWord(t.word) || ix.wordCount(t.word) > 0 || r.aliases[t.word] != nil || strings.ContainsAny(t.word, "0123456789") {
			continue
		}
		// Two words written as one ("payback") are a word too, but for a
		// name the articles use with an "s" ("putins"), and for a word one
		// letter off a word of six letters or more the articles use twice or
		// more ("intrest", "int" and "rest", for "interest"; not
		// "payback" for a "playback" said once).
		english := isEnglish(t.word)
		compound := !english && isCompound(t.word) && ix.wordCount(strings.TrimSuffix(t.word, "s")) == 0 && !ix.oneOff(t.word)
		if english || compound || isProperName(t.word) && len(wordnetPertainyms()[t.stem]) == 0 {
			// A word, or a name, is no typo, but inside a name the
			// articles write with one word off ("Primer League" for
			// "Premier League", "Sand Bernardino").
			if c := nameTypo(ix, toks, i, !english); c != "" {
				out = append(out, t.word+"→"+c)
				toks[i].word, toks[i].stem = c, stem(c)
			}
			continue
		}
		c, ok := ix.barePossessive(t.word)
		if !ok {
			c = ix.correct(t.word)
		}
		if c != "" && t.start > 0 && isCapitalised(t.raw) && lengthGap(c, t.word) > 1 {
			// A name two letters longer or shorter than the articles'
			// is another name ("Austrian", "Australian"), not a typo.
			c = ""
		}
		if c == "" && (t.start == 0 || !isCapitalised(t.raw)) && !isProperName(t.word) {
			// No word of the articles is near: the English word it
			// misspells, read as any word ("tryng" is "trying", which
			// the articles say as "tries"). A name is no misspelling,
			// written in lower case too ("hungary" is no "hungry").
			c = englishCorrection(t.word)
		}
		if c != "" {
			out = append(out, t.word+"→"+c)
			toks[i].word, toks[i].stem = c, stem(c)
		}
	}
	return out
}

// barePossessive is the name w is the possessive of, typed without its
// apostrophe ("russias"): the name, not a word one letter off
// ("russians"). It reports whether w is one.
func (ix *index) barePossessive(w string) (string, bool) {
	base, ok := strings.CutSuffix(w, "s")
	return base, ok && len(base) > 2 && ix.writtenAsName(base)
}

// oneOff reports whether w is one edit from the word of six letters or
// more the articles use most near it, used twice or more.
func (ix *index) oneOff(w string) bool {
	c := ix.correct(w)
	return len([]rune(c)) >= 6 && ix.wordCount(c) >= 2 && editDistance(c, w, 1) == 1
}
