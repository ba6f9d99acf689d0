package answers

import "strings"

// saysCondition reports whether s opens a clause with a condition word the
// question does not use ("If a plan is put on paper, it will …"): when a
// future thing will happen.
func (e *Engine) saysCondition(q *query, s *sentence) bool {
	for _, t := range s.toks {
		if e.rules.condition[t.word] && !q.words[t.word] {
			return true
		}
	}
	return false
}

// saysTime reports whether s says when with no date, in words q does
// not say: a clause opened by a time word ("till actually married") or by
// the end the question asks ("until" of "Until when?"), or a time of day
// after "at" or "by" ("at low tide").
func (e *Engine) saysTime(q *query, s *sentence) bool {
	for i, t := range s.toks {
		// "Until when?": "until the harbour reopens" says the end.
		bound := q.bound != "" && t.word == q.bound
		// The question's own "when" asks; the sentence's opens a clause.
		if q.words[t.word] && !bound && !e.rules.questionWord[t.word] || i+1 >= len(s.toks) {
			continue
		}
		if e.rules.timeClause[t.word] && e.rules.questionWord[t.word] && (namesAsked(q, s, i+1) || !e.saysAskedBefore(q, s, i)) {
			// "when Henry sent an officer" for "When did Henry send
			// his officer?": the question's event, not its time; and
			// a clause of a sentence that says nothing the question
			// does before it is the time of something else.
			continue
		}
		if e.rules.timeClause[t.word] || bound {
			for j := i + 1; j < len(s.toks) && j <= i+3; j++ {
				if !q.words[s.toks[j].word] {
					return true // a clause of words the question does not say
				}
			}
		}
		if t.word == "at" || t.word == "by" {
			if e.timePointAt(q, s, i) {
				return true
			}
			for j := i + 1; j < len(s.toks) && j <= i+3; j++ {
				if e.rules.timeOfDay[s.toks[j].word] {
					return true
				}
			}
		}
	}
	return false
}

// timePointAt reports whether the "at" or "by" at s.toks[i] opens a
// point of a thing's course ("at the end of a hand", "by the close of
// trading") of a thing q does not name.
func (e *Engine) timePointAt(q *query, s *sentence, i int) bool {
	if i+4 >= len(s.toks) {
		return false
	}
	if s.toks[i+1].word != "the" || !e.rules.timePoint[s.toks[i+2].word] || s.toks[i+3].word != "of" || q.words[s.toks[i+2].word] {
		return false
	}
	for j := i + 4; j < len(s.toks) && j <= i+6; j++ {
		if !q.words[s.toks[j].word] && !e.stopword(s.toks[j].word) {
			return true
		}
	}
	return false
}

// namesAsked reports whether the clause of s from toks[from] to the
// next break names a name q says.
func namesAsked(q *query, s *sentence, from int) bool {
	for j := from; j < len(s.toks); j++ {
		if j > from && clauseBreak(s, j) {
			return false
		}
		if t := s.toks[j]; isCapitalised(t.raw) && q.words[t.word] {
			return true
		}
	}
	return false
}

// saysAskedBefore reports whether s says a word of q, no stop word,
// before s.toks[end].
func (e *Engine) saysAskedBefore(q *query, s *sentence, end int) bool {
	for _, t := range s.toks[:end] {
		if q.words[t.word] && !e.stopword(t.word) {
			return true
		}
	}
	return false
}

// saysClock reports whether s says a time of day the question does not
// ("at noon", "10 a.m."): what "What time …?" asks.
func (e *Engine) saysClock(q *query, s *sentence) bool {
	for _, t := range s.toks {
		if !q.words[t.word] && e.rules.timeOfDay[t.word] {
			return true
		}
	}
	return e.rules.clockTime.MatchString(s.Text)
}

// ordinalTime reports whether s places something in time by an ordinal
// the question does not say before a unit of time: "on the fifteenth day
// of the month", "in the second year of his reign" answer when.
func (e *Engine) ordinalTime(q *query, s *sentence) bool {
	for i := 0; i+1 < len(s.toks); i++ {
		t := s.toks[i]
		if !e.rules.ordinal(t.word) || q.words[t.word] {
			continue
		}
		for _, u := range e.rules.units[s.toks[i+1].word] {
			if e.rules.durations[u] {
				return true
			}
		}
	}
	return false
}

// bareDuration reports whether q asks how long and s gives a length of
// time with no number ("Russia took decades to recover").
func (e *Engine) bareDuration(q *query, s *sentence) bool {
	if !q.words["long"] {
		return false
	}
	for i, t := range s.toks {
		if !strings.HasSuffix(t.word, "s") || i > 0 && (isNumber(s.toks[i-1].word) || e.rules.numberWord[s.toks[i-1].word]) {
			continue
		}
		for _, u := range e.rules.units[t.word] {
			if e.rules.durations[u] {
				return true
			}
		}
	}
	return false
}

func newDates(q *query, s *sentence) []string {
	var out []string
	for _, d := range s.facts.dates {
		inQ := true
		for _, w := range foldWords(d.Object) {
			// "s" is a possessive's ("Friday’s session"): the date the
			// question says, owning something.
			if !q.words[w] && w != "on" && w != "late" && w != "early" && w != "this" && w != "last" && w != "s" {
				inQ = false
			}
		}
		if !inQ && (q.bound == "" || boundBefore(s.Text, d.Object, q.bound)) {
			out = append(out, d.Object)
		}
	}
	return out
}

// boundBefore reports whether text says date right after the word bound
// ("until March 1996").
func boundBefore(text, date, bound string) bool {
	for i := 0; ; {
		k := strings.Index(text[i:], date)
		if k < 0 {
			return false
		}
		k += i
		ws := foldWords(text[:k])
		if len(ws) > 0 && ws[len(ws)-1] == bound {
			return true
		}
		i = k + 1
	}
}
