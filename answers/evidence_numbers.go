package answers

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// numberEvidence reads a number of q's that s (with prev and the lead)
// does not say or says otherwise, and a negation or reversal of q's that s
// does not share.
func (e *Engine) numberEvidence(x *[nEv]float64, ix *index, q *query, s, prev, lead *sentence) {
	for i, t := range q.toks {
		if i < len(q.phrased) && q.phrased[i] {
			continue // "number one" counts nothing
		}
		if i > 0 && i+1 < len(q.toks) && e.rules.questionWord[q.toks[i-1].word] {
			continue // "which 3 cities" counts the answer, not what it says
		}
		if (isNumber(t.word) || isOrdinal(t.word)) && !e.saysNumber(s, t.word) && !e.saysNumber(prev, t.word) && !e.saysNumber(lead, t.word) && !e.titleSaysNumber(ix, s, t.word) {
			x[evNumber] = 1
		}
	}
	if e.numberSwapped(q, s) || e.quantifierAdded(q, s, prev, lead) || e.rankAdded(q, s) || numberUnsaid(q.text, s, prev, lead) || versionSwapped(q, s, prev, lead) || e.calendarSwapped(q, s, prev, lead) {
		x[evNumber] = 1
	}
	if e.negates(q.toks) && (!e.negates(s.toks) || e.affirmsNegated(q, s)) && !e.saysAgainst(q, s) && !e.negationPrefixed(q, s) {
		x[evNegation] = 1
	}
	for i, t := range q.toks {
		// "helped BSkyB to avoid ending…" turns "ending" around as "not"
		// does; "a failed project" turns nothing, nor does a name that
		// stems like a reversal ("Denis" like "deny"); a sentence that
		// negates may say it ("lacks" as "do not have").
		if e.rules.reversal[t.stem] && !s.hasStem(t.stem) && !qualifies(q.toks, i) && (t.start == 0 || !isCapitalised(t.raw)) && !e.negates(s.toks) {
			x[evNegation] = 1
		}
	}
	if q.class.name != "yesno" && !e.negates(q.toks) && !e.asksAgainst(q) && e.negatesQuestionWord(q, s) {
		x[evNegated] = 1
	}
}

// inQuantifierIdiom marks the words of toks inside an idiom that holds a
// quantifier and restricts nothing ("all the way").
func (e *Engine) inQuantifierIdiom(toks []token) map[int]bool {
	out := map[int]bool{}
	for _, idiom := range e.rules.quantifierIdioms {
		for i := 0; i+len(idiom) <= len(toks); i++ {
			k := 0
			for k < len(idiom) && toks[i+k].word == idiom[k] {
				k++
			}
			if k == len(idiom) {
				for j := i; j < i+k; j++ {
					out[j] = true
				}
			}
		}
	}
	return out
}

// quantifierAdded reports whether q says a restricting word ("only",
// "all", "always") that s, prev and lead say in no form: "When was the
// only satellite launched?" against "Sky Digital was launched in 1998
// on the Astra 2A satellite". A question that offers a quantifier as a
// choice ("… or only …") adds none, nor does a yes/no question.
func (e *Engine) quantifierAdded(q *query, s, prev, lead *sentence) bool {
	if q.class.name == "yesno" {
		// "Did he say every one of the proposals was fine?": the
		// question asks whether the restriction holds, and asserts none.
		return false
	}
	says := func(x *sentence, w string) bool { return x != nil && x.hasWord(w) }
	for i := 0; i+1 < len(q.toks); i++ {
		if _, ok := e.rules.quantifier[q.toks[i+1].word]; ok && q.toks[i].word == "or" {
			// "every detail, or only the basic block?": the question
			// asks which degree holds, and asserts none.
			return false
		}
	}
	idiom := e.inQuantifierIdiom(q.toks)
	for i, t := range q.toks {
		same, ok := e.rules.quantifier[t.word]
		if !ok || idiom[i] || e.timing(q.toks, i) {
			continue
		}
		said := false
		for _, w := range same {
			said = said || says(s, w) || says(prev, w) || says(lead, w)
		}
		if !said {
			return true
		}
	}
	return false
}

// timing reports whether the quantifier at toks[i] says when, not how
// many: a timing_quantifiers word before a verb in the past ("only
// ended") or a word opening a time ("only after", "only when").
func (e *Engine) timing(toks []token, i int) bool {
	if !e.rules.timingQuantifier[toks[i].word] || i+1 >= len(toks) {
		return false
	}
	next := toks[i+1].word
	return strings.HasSuffix(next, "ed") && e.verbAfter(next) || e.rules.condition[next]
}

// rankAdded reports whether s puts an ordinal before a superlative the
// question says with none ("the fifth longest river" for "the longest
// river", "second-busiest", "second most populous"): another rank.
func (e *Engine) rankAdded(q *query, s *sentence) bool {
	ordinal := func(w string) bool {
		if v, ok := e.rules.lex.ordinals[w]; ok {
			return v > 1
		}
		return ordinalNumber(w) > 1
	}
	for _, t := range q.toks {
		if e.rules.rankWord[t.word] {
			return false // "Where do dwarves rank among the oldest …?" asks the rank
		}
	}
	for i, t := range q.toks {
		if !superlative(t.word) || i > 0 && ordinal(q.toks[i-1].word) {
			continue
		}
		for k := 1; k < len(s.toks); k++ {
			if s.toks[k].word == t.word && ordinal(s.toks[k-1].word) {
				return true
			}
		}
	}
	return false
}

// superlative reports whether w is "most", "least" or an adjective's
// superlative, one whose comparative is a word too ("longest", "busiest",
// "biggest"; not "forest" nor "interest").
func superlative(w string) bool {
	if w == "most" || w == "least" {
		return true
	}
	base, ok := strings.CutSuffix(w, "est")
	return ok && len(base) >= 2 && isEnglish(w) && isEnglish(base+"er")
}

// ordinalNumber is the value of an ordinal in digits ("5th" → 5), or 0.
func ordinalNumber(w string) int {
	n := 0
	i := 0
	for i < len(w) && w[i] >= '0' && w[i] <= '9' {
		n = n*10 + int(w[i]-'0')
		i++
	}
	switch w[i:] {
	case "st", "nd", "rd", "th":
		if i > 0 {
			return n
		}
	}
	return 0
}

// calendarSwapped reports whether q names a weekday or month that s, prev
// and lead leave unsaid while s names another ("in his video speech on
// Tuesday evening" against "in a video speech Thursday evening"). A
// month that is also an English word ("may", "march") counts only as a
// name. A question asking for a date may name another day than the one
// that answers it ("Which day of talks will the Saturday meeting be?").
func (e *Engine) calendarSwapped(q *query, s, prev, lead *sentence) bool {
	if q.class.wants == wantDate {
		return false
	}
	l := e.rules.lex
	says := func(x *sentence, w string) bool { return x != nil && x.hasWord(w) }
	for _, t := range q.toks {
		for _, set := range []map[string]bool{l.weekdays, l.months} {
			if !set[t.word] || !isCapitalised(t.raw) && isEnglish(t.word) || says(s, t.word) || says(prev, t.word) || says(lead, t.word) {
				continue
			}
			for _, o := range s.toks {
				if set[o.word] && o.word != t.word && isCapitalised(o.raw) {
					return true
				}
			}
		}
	}
	return false
}

// numberSwapped reports whether the question counts something ("three
// numbers") that s counts differently ("two numbers").
func (e *Engine) numberSwapped(q *query, s *sentence) bool {
	// Counts, not shares or scales: "what percent of the launches" is
	// not "70% of the launches" changed.
	isNum := func(w string) bool { return isNumber(w) || e.rules.lex.numbers[w] > 0 || e.rules.lex.ordinals[w] > 0 }
	for i := 0; i+1 < len(q.toks); i++ {
		n, what := q.toks[i], q.toks[i+1]
		if i < len(q.phrased) && q.phrased[i] {
			continue
		}
		if isNumber(n.word) && e.rules.numberWord[what.word] && s.hasWord(n.word) && magnitudeSwapped(s, n.word, what.word, e.rules.numberWord) {
			// "$20 million" against "$20 billion".
			return true
		}
		if !isNum(n.word) {
			continue
		}
		// Before a content word the count is bound to it: "one of the
		// 10 megaregions" against "one of the 11 megaregions" is a
		// change though the sentence says "10-county" too. Before a
		// stop word it is not, and the sentence must not say it at all.
		bound := !e.stopword(what.word) && isLetters(what.word)
		if !bound && e.saysNumber(s, n.word) {
			continue
		}
		other, same := false, false
		for j := 0; j+1 < len(s.toks); j++ {
			if isNum(s.toks[j].word) && s.toks[j+1].stem == what.stem {
				if e.sameNumber(n.word, s.toks[j].word) {
					same = true
				} else {
					other = true
				}
			}
		}
		if other && !same {
			return true
		}
	}
	return false
}

// asksExactUnit reports whether q counts a unit only a count of it
// answers ("how old").
func (e *Engine) asksExactUnit(q *query) bool {
	for u := range q.units {
		if e.rules.exactUnit[u] {
			return true
		}
	}
	return false
}

// asksDuration reports whether q asks how long: a unit it asks for is a
// length of time (units, durations).
func (e *Engine) asksDuration(q *query) bool {
	for u := range q.units {
		if e.rules.durations[u] {
			return true
		}
	}
	return false
}

// dateForDuration reports whether q asks how long and the only numbers s
// holds are one date's ("around 1000 CE" is when, not how long), with no
// word bounding a time ("since 1995" says how long) and no unit of time.
func (e *Engine) dateForDuration(q *query, s *sentence) bool {
	if !e.asksDuration(q) || s.facts == nil || len(s.facts.dates) != 1 {
		return false
	}
	date := s.facts.dates[0].Object
	for _, t := range s.toks {
		if q.words[t.word] {
			continue
		}
		if e.rules.dateBound[t.word] {
			return false
		}
		for _, u := range e.rules.units[t.word] {
			if e.rules.durations[u] && t.word != "long" {
				return false
			}
		}
		if (e.rules.numberWord[t.word] || strings.ContainsAny(t.word, "0123456789")) && !strings.Contains(date, t.raw) {
			return false
		}
	}
	return true
}

// anyNumber reports whether s holds a number the question does not: a
// word with a digit or a number word ("thousand", "half"). A name with a
// digit in it ("LZMA2", "v6") is no number, and a date ("in 1241", "the
// 9th century") counts nothing a question asks to count, unless it asks
// how long or how old.
func (e *Engine) anyNumber(q *query, s *sentence) bool {
	timed := e.asksDuration(q) || e.asksExactUnit(q)
	for _, t := range s.toks {
		if q.words[t.word] {
			continue
		}
		if e.rules.numberWord[t.word] || strings.ContainsAny(t.word, "0123456789") {
			if namedWithDigit(t.word) || !timed && e.inDate(s, t) {
				continue
			}
			return true
		}
		// "how long": "a little more than a year".
		for _, u := range e.rules.units[t.word] {
			if e.rules.durations[u] && q.units[u] && t.word != "long" {
				return true
			}
		}
	}
	return false
}

// titleSaysNumber reports whether the title of s's article says the
// number n: a title is said of every sentence under it ("The Commune of
// 1871" dates its election "in 1871").
func (e *Engine) titleSaysNumber(ix *index, s *sentence, n string) bool {
	for st := range ix.titleStems(s.ArticleID) {
		if e.sameNumber(n, st) {
			return true
		}
	}
	return false
}

// countedUnsaid reports whether q asks how many of something ("How many
// full time rebels …?") whose head noun s and the sentences beside it
// never say in any form, while the articles use it: a noun no article
// uses may be the sentence's own in other words ("cops", "policemen"),
// and weighs as an unknown word. The noun phrase runs from "many" to the
// first stop word or verb ("How many miners died …": miners); a head
// that names the kind of answer ("how many people", "how many times")
// counts nothing in particular.
func (e *Engine) countedUnsaid(ix *index, q *query, s, prev, next *sentence) bool {
	r := e.rules
	generic := func(t token) bool { return r.answerHead[t.word] || r.answerHead[t.stem] }
	for i := 1; i < len(q.toks); i++ {
		if q.toks[i].word != "many" || q.toks[i-1].word != "how" {
			continue
		}
		if i+1 < len(q.toks) && generic(q.toks[i+1]) {
			return false
		}
		head := -1
		for j := i + 1; j < len(q.toks); j++ {
			w := q.toks[j].word
			if r.stopword(w) || strings.HasSuffix(w, "ed") || r.forms[q.toks[j].stem] != nil {
				break
			}
			head = j
		}
		if head < 0 || generic(q.toks[head]) {
			return false
		}
		for _, t := range q.terms {
			if _, used := ix.idfOf(t.term); t.term == q.toks[head].stem && used {
				return !s.matches(t.term, t.alts) && (prev == nil || !prev.matches(t.term, t.alts)) && (next == nil || !next.matches(t.term, t.alts))
			}
		}
	}
	return false
}

// namedWithDigit reports whether w is a name with a digit in it, a letter
// first ("lzma2", "bsim3", "v6"), not a number with its unit ("10pt").
func namedWithDigit(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLetter(r) && strings.ContainsAny(w, "0123456789")
}

// inDate reports whether t is a word of one of s's dates ("1241",
// "9th" of "the 9th century").
func (e *Engine) inDate(s *sentence, t token) bool {
	if s.facts == nil {
		return false
	}
	for _, d := range s.facts.dates {
		if saysAsWord(d.Object, t.raw) {
			return true
		}
	}
	return false
}
