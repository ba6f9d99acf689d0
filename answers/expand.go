package answers

import (
	"math"
	"strings"

	"github.com/kljensen/snowball/english"
)

// qterm is one term to match, with its weight and synonyms.
type qterm struct {
	term   string
	weight float64
	alts   []string
	known  bool
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
		// "14th" is a number, "libc5" a version, not "libc6".
		if r.stop[t.word] || r.known[t.word] || english.IsStopWord(t.word) || ix.wordCount(t.word) > 0 || r.aliases[t.word] != nil || strings.ContainsAny(t.word, "0123456789") || isEnglish(t.word) {
			continue
		}
		c := ix.correct(t.word)
		if c == "" && (t.start == 0 || !isCapitalised(t.raw)) {
			// No word of the articles is near: the English word it
			// misspells, read as any word ("tryng" is "trying", which
			// the articles say as "tries"). A name is no misspelling.
			c = englishCorrection(t.word)
		}
		if c != "" {
			out = append(out, t.word+"→"+c)
			toks[i].word, toks[i].stem = c, stem(c)
		}
	}
	return out
}
