package answers

import "strings"

// carriedCredit is how much a term a follow-up took from the last
// question's topic counts, in ranking, against one the follow-up says
// itself: "Which was dropped?" read as "Which architecture was dropped in
// Release 4.0" asks first what was dropped, and the release's title line,
// which holds every carried word but not "dropped", is not its answer.
const carriedCredit = 0.5

// carriedWords are what a follow-up carried, as ranking reads it: the
// terms it says itself when it took the last question's topic (the others
// then count at carriedCredit), and the terms of each name a pronoun for
// one person stood for.
type carriedWords struct {
	own      map[string]bool
	discount bool
	persons  [][]string
	// filled: a pronoun was filled in, for a person or a thing.
	filled bool
	// last is where the last answer's first quote stands (lastQuoted),
	// or the zero value.
	last quoteAt
}

// quoteAt is where a quote stands: its article's id and its sentence
// number in the article, from 1. refused: the last question was
// refused, and the sentence is the best it found (Turn.Refused).
type quoteAt struct {
	article  string
	sentence int
	refused  bool
}

// lastQuoted is where prev's answer was quoted, for a follow-up that
// leans on it: a follow-up is most often about the same passage. Not for
// a question that names someone or something itself ("When did Orrin
// Vell arrive?"): what it names, not the last passage, says where its
// answer is (r.named). The zero value when there is none.
func lastQuoted(prev *Turn, r reading) quoteAt {
	if prev == nil || prev.Article == "" || prev.Sentence < 1 || r.named {
		return quoteAt{}
	}
	return quoteAt{article: prev.Article, sentence: prev.Sentence, refused: prev.Refused}
}

// nearLast adds to cw where the last answer was quoted (last), even when
// the follow-up carried nothing else.
func nearLast(last quoteAt, cw *carriedWords) *carriedWords {
	if last.article == "" {
		return cw
	}
	if cw == nil {
		cw = &carriedWords{}
	}
	cw.last = last
	return cw
}

// carriedBy is what the reading r of question carried, for ranking: nil
// when it carried nothing that ranking weighs. Words a pronoun stood for
// count whole ("When did he leave?" is about him), and a sentence that
// goes on about that person as "he" holds them.
func (e *Engine) carriedBy(ix *index, question string, r reading) *carriedWords {
	var cw carriedWords
	if r.added || r.filled {
		cw.own = map[string]bool{}
		for _, t := range e.analyse(ix, Normalize(question)).terms {
			cw.own[t.term] = true
		}
		cw.discount = r.added
		cw.filled = r.filled
	}
	for _, p := range r.persons {
		var terms []string
		for _, t := range e.analyse(ix, Normalize(p)).terms {
			terms = append(terms, t.term)
		}
		cw.persons = append(cw.persons, terms)
	}
	if cw.own == nil && cw.persons == nil {
		return nil
	}
	return &cw
}

// readCarried reads into q what its follow-up reading carried (cw, nil
// for none): it weighs down the terms taken from the last question's
// topic, and notes the names pronouns stood for.
func readCarried(cw *carriedWords, q *query) {
	if cw == nil {
		return
	}
	q.last = cw.last
	for k := range q.terms {
		if cw.discount && !cw.own[q.terms[k].term] {
			q.terms[k].weight *= carriedCredit
		}
	}
	for _, p := range cw.persons {
		var name []int
		for _, st := range p {
			for k := range q.terms {
				if q.terms[k].term == st {
					name = append(name, k)
				}
			}
		}
		if len(name) > 0 {
			q.pronounNames = append(q.pronounNames, name)
		}
	}
}

// holdsNoOwnWord reports whether s holds none of the words a follow-up
// whose pronoun stood for a person (cw) says itself, when it says some:
// "Which channel does he work for?" read with "he" as Ann Ames is not
// answered by a sentence that only names Ames.
func holdsNoOwnWord(cw *carriedWords, q *query, s *sentence) bool {
	if cw == nil || len(cw.persons) == 0 {
		return false
	}
	return ownShare(cw, q, s) == 0
}

// ownWordsFirst puts, for a follow-up whose pronoun was filled in (cw),
// the candidates holding its own words before those that only name what
// the pronoun stood for, in their order: "where did his mapping turn out
// to be important" read with "his" as Coronado's is answered by the
// sentence on his mapping, not by the heading "Francisco de Coronado
// (1510-1554)."; "What was its nucleus like?" by "Its nucleus was …". For
// a person any of its words will do; for a thing, the candidate must also
// speak of the thing (name it, or say "it", "its", "they" …) and score
// within ownWordsShare of the best. ranked as it is when the best holds
// some, or none holds enough.
func ownWordsFirst(cw *carriedWords, q *query, ranked []scored) []scored {
	if cw == nil || !cw.filled || len(ranked) == 0 || ownShare(cw, q, ranked[0].s) != 0 {
		return ranked
	}
	first := func(c scored) bool {
		if ownShare(cw, q, c.s) == 0 {
			return false
		}
		// A person's sentence may speak of them as "he" (pronounHeld).
		return len(cw.persons) > 0 || c.score >= ownWordsShare*ranked[0].score && speaksOfFill(cw, q, c.s)
	}
	var own, other []scored
	for _, c := range ranked {
		if first(c) {
			own = append(own, c)
		} else {
			other = append(other, c)
		}
	}
	if len(own) == 0 || ranked[0].typeMatch && q.class.wants != wantDescription && !anyTyped(own) {
		// "When did he live?" after "Who wrote the Declaration?": the
		// heading "Thomas Jefferson (1743-1826)." gives the date asked
		// for, and no sentence holding "live" gives any.
		return ranked
	}
	return append(own, other...)
}

// anyTyped reports whether a candidate of cs gives the kind of answer
// its question wants.
func anyTyped(cs []scored) bool {
	for _, c := range cs {
		if c.typeMatch {
			return true
		}
	}
	return false
}

// ownWordsShare is how close to the best a candidate holding a follow-up's
// own words must score to go before it when the pronoun stood for a thing.
const ownWordsShare = 0.6

// speaksOfFill reports whether s names something of what the follow-up
// (cw) did not say itself, or says a pronoun for a thing or several.
func speaksOfFill(cw *carriedWords, q *query, s *sentence) bool {
	for _, t := range q.terms {
		if !cw.own[t.term] && s.matches(t.term, t.alts) {
			return true
		}
	}
	c, err := loadCarryRules()
	if err != nil {
		return false
	}
	for _, t := range s.toks {
		if pr, ok := c.pronouns[t.word]; ok && (pr.ref == refThing || pr.ref == refThings || pr.ref == refGroup) {
			return true
		}
	}
	return false
}

// ownShare is the share of the weight of the words the follow-up (cw) says
// itself that s holds; 1 when it says none.
func ownShare(cw *carriedWords, q *query, s *sentence) float64 {
	total, held := 0.0, 0.0
	for _, t := range q.terms {
		if !cw.own[t.term] {
			continue
		}
		total += t.weight
		if s.matches(t.term, t.alts) {
			held += t.weight
		}
	}
	if total == 0 {
		return 1
	}
	return held / total
}

// personFirst puts first, for a follow-up whose pronoun stood for a
// person (cw), the best candidate that names that person and holds a word
// the follow-up says itself, when the best speaks of no such person (by
// name or pronoun) and it scores within personShare of it: "And when did
// she talk to reporters?" after a question about Anna Berg is answered by
// what Berg told reporters, not by another man's words to them.
func personFirst(cw *carriedWords, q *query, ranked []scored) []scored {
	if cw == nil || len(cw.persons) == 0 || len(ranked) < 2 || namesPerson(cw, ranked[0].s, false) || ranked[0].pronounHeld {
		return ranked
	}
	for i := 1; i < len(ranked); i++ {
		c := ranked[i]
		if c.score < personShare*ranked[0].score {
			break
		}
		if namesPerson(cw, c.s, true) && holdsOwnWord(cw, q, c.s) {
			return toFront(ranked, i)
		}
	}
	return ranked
}

// personShare is how close to the best a candidate naming the person a
// follow-up's pronoun stood for must score to go before it.
const personShare = 0.8

// namesPerson reports whether s says a word of a name a follow-up's
// pronoun stood for (cw), or with surname its last word ("Berg" for Anna
// Berg).
func namesPerson(cw *carriedWords, s *sentence, surname bool) bool {
	for _, p := range cw.persons {
		if surname {
			if len(p) > 0 && s.matches(p[len(p)-1], nil) {
				return true
			}
			continue
		}
		for _, t := range p {
			if s.matches(t, nil) {
				return true
			}
		}
	}
	return false
}

// holdsOwnWord reports whether s holds a word, not a name, that the
// follow-up (cw) says itself.
func holdsOwnWord(cw *carriedWords, q *query, s *sentence) bool {
	for _, t := range q.terms {
		if cw.own[t.term] && !strings.HasPrefix(t.term, "@") && s.matches(t.term, t.alts) {
			return true
		}
	}
	return false
}
