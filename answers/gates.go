package answers

import (
	"fmt"
	"strings"

	"github.com/kljensen/snowball/english"
)

// unsupported reports why the best sentence, although it matches the
// question's words, does not answer it ("" when nothing is wrong): a
// wrong answer with a citation is worse than an honest "I don't know".
// The named-object check holds for owner questions only ("who owns X"),
// where the owned thing is the object; elsewhere a sentence may rightly
// leave the question's place unsaid.
func (e *Engine) unsupported(q *query, s *sentence) string {
	r := e.rules
	asksOutcome, asksCalendar := false, false
	for _, t := range q.toks {
		asksOutcome = asksOutcome || r.outcomeWord[t.word]
		asksCalendar = asksCalendar || r.calendarAsk[t.word]
	}
	if asksOutcome && !q.future && e.onlyAnnounces(s) {
		return "the best sentence only announces the event the question asks the outcome of"
	}
	if asksCalendar && q.class.wants == wantDate && !e.hasCalendarDate(q, s) {
		return "the question asks for a date and the best sentence gives none on the calendar"
	}
	if e.verbOnlyInfinitive(q, s) {
		return "the best sentence never asserts the question's verb of anyone"
	}
	if !q.option && e.verbMissing(q, s) {
		// "Did X speak late Monday or late Friday?" takes the speaking
		// as given and asks when.
		return "the best sentence never says the question's verb, so it cannot say yes or no"
	}
	if id := e.missingObject(q, s); id != "" && e.asksOwner(q) {
		return fmt.Sprintf("the best sentence never names %s, which the question asks about", r.entities[id].Name)
	}
	return ""
}

// onlyAnnounces reports whether s speaks of an event as planned and says
// nothing of an outcome.
func (e *Engine) onlyAnnounces(s *sentence) bool {
	planned := false
	for _, t := range s.toks {
		if e.rules.outcomeWord[t.word] {
			return false
		}
		planned = planned || e.rules.plannedCue[t.word]
	}
	return planned
}

// hasCalendarDate reports whether s gives a date the question does not
// state that holds a digit or a calendar word.
func (e *Engine) hasCalendarDate(q *query, s *sentence) bool {
	for _, d := range newDates(q, s) {
		if strings.ContainsAny(d, "0123456789") {
			return true
		}
		for _, w := range foldWords(d) {
			if e.rules.calendarWord[w] {
				return true
			}
		}
	}
	return false
}

// missingObject returns a specific (non-generic) entity the question
// names when s names none of the question's entities nor any entity that
// stands in for them: "Who owns the Citadel?" is not answered by a
// sentence about the Harbour Club.
func (e *Engine) missingObject(q *query, s *sentence) string {
	specific := ""
	for _, m := range q.mentions {
		if !e.rules.entities[m.entity].Generic {
			specific = m.entity
			break
		}
	}
	if specific == "" {
		return ""
	}
	for _, m := range s.ments {
		if q.entities[m.entity] {
			return ""
		}
		for _, rel := range e.rules.synonyms["@"+m.entity] {
			if q.entities[strings.TrimPrefix(rel, "@")] {
				return ""
			}
		}
	}
	for id := range q.entities {
		if e.names(s, id) {
			return ""
		}
	}
	return specific
}

// verbMissing reports whether a yes/no question of the form "<auxiliary>
// <entity> <verb> …" asks about a verb s does not hold in any form, nor a
// word for it or its opposite: "Did Westland sign the deal?" is not
// answered by a sentence on what was agreed.
func (e *Engine) verbMissing(q *query, s *sentence) bool {
	r := e.rules
	if q.class.name != "yesno" || len(q.mentions) == 0 || q.mentions[0].from != 1 || q.mentions[0].to >= len(q.toks) {
		return false
	}
	verb := q.toks[q.mentions[0].to]
	if r.stop[verb.word] || r.auxiliary[verb.word] || r.opinion[verb.word] || english.IsStopWord(verb.word) {
		return false
	}
	if r.copula[q.toks[0].word] && !participle(verb.word) {
		// "Is Dorn open to the changes?": after "is" an adjective, no
		// verb, which a sentence may say in other words.
		return false
	}
	if s.hasStem(verb.stem) {
		return false
	}
	for _, t := range q.terms {
		if t.term == verb.stem && s.matches(t.term, t.alts) {
			return false
		}
	}
	for _, o := range r.opposites[verb.stem] {
		if s.hasStem(o) {
			return false
		}
	}
	return true
}

// participle reports whether a word ends as a verb's participle does
// ("meeting", "signed"): after "is" it is a verb, not an adjective.
func participle(w string) bool {
	return strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "ed")
}

// verbOnlyInfinitive reports whether a yes/no question of the form
// "<auxiliary> <entity> <verb> …" has its verb in s only after an
// infinitive marker ("not to sign"): advice or intent, not a deed.
func (e *Engine) verbOnlyInfinitive(q *query, s *sentence) bool {
	r := e.rules
	if q.class.name != "yesno" || len(q.mentions) == 0 || q.mentions[0].from != 1 || q.mentions[0].to >= len(q.toks) {
		return false
	}
	verb := q.toks[q.mentions[0].to]
	if r.stop[verb.word] || r.auxiliary[verb.word] {
		return false
	}
	seen := false
	for i, t := range s.toks {
		if t.stem != verb.stem {
			continue
		}
		if i == 0 || !r.infinitive[s.toks[i-1].word] {
			return false
		}
		seen = true
	}
	return seen
}
