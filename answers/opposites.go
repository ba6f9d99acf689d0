package answers

import "strings"

// The signals of a question turned around: a negation one side says and
// the other does not, a verb that turns what follows around, a negative
// prefix ("informal", "de-escalation"), an antonym.

// hyphenOpposite reports whether text a says a word only after a
// negative prefix and a hyphen ("de-escalation") that text b says only
// without it ("escalation").
func (e *Engine) hyphenOpposite(a string, at []token, b string, bt []token) bool {
	for i := 1; i < len(at); i++ {
		p, w := at[i-1], at[i]
		if !e.rules.hyphenPrefix[p.word] || a[p.end:w.start] != "-" || len(w.word) < 4 {
			continue
		}
		bareA, _ := e.prefixedForms(a, at, p.word, w.stem)
		bareB, prefB := e.prefixedForms(b, bt, p.word, w.stem)
		if !bareA && bareB && !prefB {
			return true
		}
	}
	return false
}

// prefixedForms reports whether toks (of text) say the stem st without
// the prefix p and a hyphen before it (bare), and with them or a negation
// before it (prefixed): "not a commercial entity" says "non-commercial".
func (e *Engine) prefixedForms(text string, toks []token, p, st string) (bare, prefixed bool) {
	for j, u := range toks {
		if u.stem != st {
			continue
		}
		if j > 0 && toks[j-1].word == p && text[toks[j-1].end:u.start] == "-" || e.negatedTok(toks, j) {
			prefixed = true
		} else {
			bare = true
		}
	}
	return bare, prefixed
}

// negates reports whether toks hold a negation ("not", "never", "isn’t");
// "whether or not" and a closing "… or no" ask both ways and negate
// nothing.
func (e *Engine) negates(toks []token) bool {
	for i, t := range toks {
		if e.rules.negation[t.word] {
			if (t.word == "not" || t.word == "no") && i > 0 && toks[i-1].word == "or" {
				continue
			}
			return true
		}
		if contracted(toks, i) {
			return true
		}
	}
	return false
}

// contracted reports whether toks[i] is the "t" of a contracted negation
// ("isn’t", "hasn't").
func contracted(toks []token, i int) bool {
	return toks[i].word == "t" && i > 0 && strings.HasSuffix(toks[i-1].word, "n")
}

// affirmsNegated reports whether s says, with no negation before it, the
// word the question negates: "do not need to be discussed" against "…,
// but they need to be discussed", though s negates something else ("has
// not yet been found"). A question asking both ways ("can and cannot",
// "whether or not"), a bare "why not" and a negated name ("is not the
// Debian 1.0 release") negate no word.
func (e *Engine) affirmsNegated(q *query, s *sentence) bool {
	for i, t := range q.toks {
		if !e.rules.negation[t.word] || i > 0 && (q.toks[i-1].word == "or" || q.toks[i-1].word == "and" || i == 1 && e.rules.questionWord[q.toks[0].word]) {
			continue
		}
		if i <= 3 && e.rules.questionWord[q.toks[0].word] && e.negatesAfterSubject(q, s, i) {
			// "Why can't a pawn go further?": the negation is the
			// auxiliary's, before the subject; "it cannot move
			// further" negates the verb after it.
			continue
		}
		for j := i + 1; j < len(q.toks) && j <= i+3; j++ {
			w := q.toks[j]
			if strings.ContainsAny(q.text[q.toks[j-1].end:w.start], ",;:") {
				break // "but not both, which one": another clause
			}
			if e.stopword(w.word) {
				continue
			}
			if isCapitalised(w.raw) || isNumber(w.word) {
				break
			}
			for k, u := range s.toks {
				// "no compromise had been reached" is said by "a
				// compromise has not been found": "no" before a noun
				// negates its clause's verb.
				if u.stem == w.stem && !e.negatedAt(s, k) && !(t.word == "no" && e.clauseNegatedAfter(s, k)) {
					return true
				}
			}
			break
		}
	}
	return false
}

// negatesAfterSubject reports whether s negates one of the content words
// of the clause after the question's negation at q.toks[i].
func (e *Engine) negatesAfterSubject(q *query, s *sentence, i int) bool {
	for j := i + 1; j < len(q.toks); j++ {
		w := q.toks[j]
		if strings.ContainsAny(q.text[q.toks[j-1].end:w.start], ",;:") {
			return false
		}
		if e.stopword(w.word) {
			continue
		}
		for k, u := range s.toks {
			if u.stem == w.stem && e.negatedAt(s, k) {
				return true
			}
		}
	}
	return false
}

// clauseNegatedAfter reports whether a negation follows s.toks[i] within
// six words of its clause ("a compromise option has not yet been found",
// "a settlement for the harbour hasn't been found").
func (e *Engine) clauseNegatedAfter(s *sentence, i int) bool {
	for j := i + 1; j < len(s.toks) && j <= i+6; j++ {
		if commaBefore(s, j) {
			return false
		}
		if e.rules.negation[s.toks[j].word] || contracted(s.toks, j) {
			return true
		}
	}
	return false
}

// negatesQuestionWord reports whether s says "not" (or "never", …) within
// three words before a word of the question, and never says that word
// otherwise: "Microsoft will not appeal" does not answer "When did
// Microsoft decide to appeal?", but "the King does not count, the Rook
// and Bishop count 5 points" answers what a rook counts.
func (e *Engine) negatesQuestionWord(q *query, s *sentence) bool {
	negated := map[int]bool{}
	for i, t := range s.toks {
		neg := e.rules.negation[t.word] || contracted(s.toks, i)
		if !neg || e.prefixNegates(q, s, i) || e.inCondition(s, i) {
			continue
		}
		for j := i + 1; j < len(s.toks) && j <= i+3; j++ {
			if commaBefore(s, j) {
				break // "he could not stop, became New York": another clause
			}
			if w := s.toks[j]; !e.rules.stop[w.word] && q.words[w.stem] {
				negated[j] = true
			}
		}
	}
	if len(negated) == 0 {
		return false
	}
	said := map[string]bool{} // stems the sentence says unnegated
	for j, w := range s.toks {
		if !negated[j] {
			said[w.stem] = true
		}
	}
	for j := range negated {
		// "not a commercial entity" says what "non-commercial" asks.
		if st := s.toks[j].stem; !said[st] && !e.hyphenNegated(q.text, q.toks, st) {
			return true
		}
	}
	return false
}

// inCondition reports whether s.toks[i] stands in a clause that sets a
// condition, its lead (general.yaml's conditions: "if", "when", "once" …)
// at most three words back with no comma between: "If no sign is given,
// the value is assumed positive" negates nothing the sentence asserts.
func (e *Engine) inCondition(s *sentence, i int) bool {
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		if commaBefore(s, j+1) {
			return false
		}
		if e.rules.condition[s.toks[j].word] {
			return true
		}
	}
	return false
}

// prefixOpposite reports whether the question word w, which s lacks, is a
// word of s with a negative prefix ("informal" for "formal") or s holds w
// with one ("unlimited" for "limited") — unless s negates it itself
// ("not solved" is "unsolved").
func (e *Engine) prefixOpposite(w string, s *sentence) bool {
	if len(w) < 4 || e.rules.stop[w] {
		return false
	}
	for _, p := range e.rules.negPrefixes {
		if base, ok := strings.CutPrefix(w, p); ok && len(base) >= 4 {
			if i := s.wordAt(base); i >= 0 && !e.negatedAt(s, i) {
				return true
			}
		}
		if s.wordAt(p+w) >= 0 {
			return true
		}
	}
	return false
}

// prefixNegates reports whether the negation at s.toks[i] is one the
// question says with a negative prefix: "not handle the return" is what
// "mishandle the return" asks, so the question's other words after it are
// not turned around.
func (e *Engine) prefixNegates(q *query, s *sentence, i int) bool {
	for j := i + 1; j < len(s.toks) && j <= i+2; j++ {
		w := s.toks[j]
		if e.rules.stop[w.word] {
			continue
		}
		for _, t := range q.toks {
			for _, p := range e.rules.negPrefixes {
				if base, ok := strings.CutPrefix(t.word, p); ok && len(base) >= 4 && (base == w.word || stem(base) == w.stem) {
					return true
				}
			}
		}
		return false
	}
	return false
}

// negatedAt reports whether a negation stands within two words before
// token i of s.
func (e *Engine) negatedAt(s *sentence, i int) bool {
	return e.negatedTok(s.toks, i)
}

// negatedTok reports whether a negation stands before toks[i], a
// contracted one ("didn't") as well, with at most one other content word
// between and stop words passed over, five words back at most: "don't
// have any resources" negates "resources".
func (e *Engine) negatedTok(toks []token, i int) bool {
	content := 0
	for j := i - 1; j >= 0 && j >= i-negationReach; j-- {
		if e.rules.negation[toks[j].word] || contracted(toks, j) {
			return true
		}
		if !e.stopword(toks[j].word) {
			if content++; content == 2 {
				return false
			}
		}
	}
	return false
}

// negationReach is how many words back negatedTok looks for a negation.
const negationReach = 5

// hyphenNegated reports whether toks (of text) say the stem st right
// after a hyphen prefix that turns it around ("non-square").
func (e *Engine) hyphenNegated(text string, toks []token, st string) bool {
	for j := 1; j < len(toks); j++ {
		if toks[j].stem == st && e.rules.hyphenPrefix[toks[j-1].word] && text[toks[j-1].end:toks[j].start] == "-" {
			return true
		}
	}
	return false
}

// negationPrefixed reports whether s says with a hyphen prefix a word q
// negates: "grids that are not square" against "non-square grids".
func (e *Engine) negationPrefixed(q *query, s *sentence) bool {
	for i, t := range q.toks {
		if !e.rules.negation[t.word] {
			continue
		}
		for j := i + 1; j < len(q.toks) && j <= i+3; j++ {
			if strings.ContainsAny(q.text[q.toks[j-1].end:q.toks[j].start], ",;:") {
				break
			}
			if w := q.toks[j]; !e.stopword(w.word) {
				if e.hyphenNegated(s.Text, s.toks, w.stem) {
					return true
				}
				break
			}
		}
	}
	return false
}

// saysOpposite reports whether s holds an antonym of the stem st.
func (e *Engine) saysOpposite(st string, s *sentence) bool {
	for _, o := range e.rules.antonyms[st] {
		if s.hasStem(o) {
			return true
		}
	}
	return false
}

// qualifies reports whether the reversal verb at toks[i] stands as an
// adjective after an article ("a failed project"), turning nothing.
func qualifies(toks []token, i int) bool {
	if i == 0 {
		return false
	}
	switch toks[i-1].word {
	case "a", "an", "the":
		return true
	}
	return false
}
