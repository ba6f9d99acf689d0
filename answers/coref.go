package answers

import "strings"

// corefCredit is how much a name counts for a sentence that speaks of
// its person by a pronoun, against naming them.
const corefCredit = 1.0

// corefReach is how many sentences back a pronoun's person may have
// been named, within the paragraph.
const corefReach = 3

// refersBack reports whether sentence i (its paragraph starting at lo)
// speaks of the person whose name's terms are name by a pronoun: it
// holds none of them, one of the corefReach sentences before it in its
// paragraph holds them all, and it says "he"/"she"/"his"/…, or "I"/"my"
// inside a quotation opened before it ("He reports that "… I uploaded
// …""). A follow-up's "he" is then answered by what such a sentence says.
func (ix *index) refersBack(lex *lexicon, i, lo int32, name []qterm) bool {
	if len(name) == 0 {
		return false
	}
	s := &ix.sents[i]
	for _, t := range name {
		if s.matches(t.term, t.alts) {
			return false
		}
	}
	named := int32(-1)
	for j := i - 1; j >= lo && j >= i-corefReach; j-- {
		all := true
		for _, t := range name {
			all = all && ix.sents[j].matches(t.term, t.alts)
		}
		if all {
			named = j
			break
		}
	}
	if named < 0 {
		return false
	}
	quoted := openQuote(ix, named, i)
	for _, t := range s.toks {
		if lex.corefPronouns[t.word] || quoted && lex.firstPerson[t.word] {
			return true
		}
	}
	return false
}

// openQuote reports whether a quotation opened in sentences from..to-1
// is still open at sentence to.
func openQuote(ix *index, from, to int32) bool {
	n := 0
	for j := from; j < to; j++ {
		text := ix.sents[j].Text
		n += strings.Count(text, "\"") + strings.Count(text, "“") - strings.Count(text, "”")
	}
	return n%2 == 1
}

// pronounHeld is, for sentence i (its paragraph starting at lo), which of
// the question's terms it holds by a pronoun: the terms of a name a
// follow-up's pronoun stood for, when the sentence speaks of that person
// as "he" (refersBack). nil when none.
func (rc *rankContext) pronounHeld(i, lo int32) map[int]bool {
	var out map[int]bool
	for _, name := range rc.q.pronounNames {
		terms := make([]qterm, len(name))
		for k, n := range name {
			terms[k] = rc.q.terms[n]
		}
		if !rc.ix.refersBack(rc.lex, i, lo, terms) {
			continue
		}
		if out == nil {
			out = map[int]bool{}
		}
		for _, n := range name {
			out[n] = true
		}
	}
	return out
}
