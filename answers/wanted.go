package answers

import (
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"

	"github.com/parley-bot/parley/store"
)

// agentStarts are the token positions in s just after a "from" or "by"
// that follows, within three words, a word of the question's verb: where
// the doer of "who <verb>…" is named ("criticism from Eastgate", "owned by
// Ames’s company"). In sentence order; none without a verb.
func agentStarts(q *query, s *sentence) []int {
	if len(q.verb) == 0 {
		return nil
	}
	var out []int
	for i, t := range s.toks {
		if !contains(q.verb, t.stem) {
			continue
		}
		for j := i + 1; j < len(s.toks) && j <= i+3; j++ {
			if w := s.toks[j].word; w == "from" || w == "by" {
				out = append(out, j+1)
			}
		}
	}
	return out
}

// phraseEnd extends a phrase that ends before token end to the word
// before the next actor_ends word (lexicon.yaml) or clause punctuation.
func (r *rules) phraseEnd(s *sentence, end int) int {
	for end < len(s.toks) && !r.lex.actorEnds[s.toks[end].word] && !clauseBreak(s, end) {
		end++
	}
	return end
}

// clauseBreak reports whether punctuation between s.toks[end-1] and
// s.toks[end] ends a phrase: a comma, a semicolon, a colon or a full
// stop, but not the stop of an initial ("W.L. officials").
func clauseBreak(s *sentence, end int) bool {
	gap := s.Text[s.toks[end-1].end:s.toks[end].start]
	if strings.ContainsAny(gap, ",;:") {
		return true
	}
	return strings.Contains(gap, ".") && utf8.RuneCountInString(s.toks[end-1].raw) > 1
}

// lastRoleNoun is the position in toks of the last word naming people
// by their role, one or several ("officials"), or -1.
func (r *rules) lastRoleNoun(toks []token) int {
	for i := len(toks) - 1; i >= 0; i-- {
		if w := toks[i].word; r.lex.roleNouns[w] || r.lex.roleNouns[strings.TrimSuffix(w, "s")] {
			return i
		}
	}
	return -1
}

// actor is, for "who <verb>…", a place or body named right after "from"
// or "by" just after the verb in s, as the sentence words it: "That
// earlier proposal faced criticism from Eastgate and several European
// capitals for…" → "Eastgate and several European capitals". "" if none.
func (e *Engine) actor(q *query, s *sentence) string {
	for _, k := range agentStarts(q, s) {
		if k < len(s.toks) && s.toks[k].word == "the" {
			k++
		}
		for _, m := range s.ments {
			ent := e.rules.entities[m.entity]
			if m.from != k || q.entities[m.entity] || ent.Kind == "person" {
				continue
			}
			end := e.rules.phraseEnd(s, m.to)
			if ent.Kind == "place" && ent.Generic {
				// "Westland" alone is no doer; "W.L. and Eastgate
				// officials" are, up to the people named.
				n := e.rules.lastRoleNoun(s.toks[m.to:end])
				if n < 0 {
					continue
				}
				end = m.to + n + 1
			}
			return s.Text[s.toks[k].start:s.toks[end-1].end]
		}
	}
	return ""
}

// passiveAgents are, for "who <verb>…", the names s gives right after
// "by" just after the verb, up to the phrase's end, less those the
// question names itself, as the sentence words each: "co-written by
// Westland and Eastgate" answers "Who co-wrote the proposal with
// Westland?" with "Eastgate". "" when s names none there, or only the
// question's.
func (e *Engine) passiveAgents(q *query, s *sentence) string {
	for _, k := range agentStarts(q, s) {
		if k < 1 || s.toks[k-1].word != "by" {
			continue
		}
		end := e.rules.phraseEnd(s, k)
		var names []string
		for _, m := range s.ments {
			if m.from < k || m.to > end || q.entities[m.entity] {
				continue
			}
			if m.to < len(s.toks) && s.toks[m.to].word == "s" {
				return "" // "by Ames’s company": ownedActor's
			}
			if sp := e.mentionSpan(m.entity, s); sp != "" && !contains(names, sp) {
				names = append(names, sp)
			}
		}
		if len(names) > 0 {
			return joinAnd(names)
		}
	}
	return ""
}

// ownedActor is, for "who <verb>…", a person's possessive phrase named
// right after "by" or "from" just after the verb ("owned by Ames’s real
// estate development company"), as the sentence words it, and whether
// there is one: the deed is the owned thing's, not the person's.
func (e *Engine) ownedActor(q *query, s *sentence) (string, bool) {
	for _, k := range agentStarts(q, s) {
		for _, m := range s.ments {
			if m.from != k || e.rules.entities[m.entity].Kind != "person" || m.to+1 >= len(s.toks) || s.toks[m.to].word != "s" {
				continue
			}
			return s.Text[s.toks[k].start:s.toks[e.rules.phraseEnd(s, m.to+1)-1].end], true
		}
	}
	return "", false
}

// newPersons are the people s names that q does not, keeping to the
// clauses of s that share words with q when some do: in "Brandt and
// Ames met Dorn, and as Fenn has ratcheted up pressure…", the
// people who met Dorn are Brandt and Ames.
//
// For a who-question it also leaves out: a person named only as the
// owner of another's title ("Mr. Fenn’s daughter Iris"); the reporter
// of the sentence, named after the matched words ("…was criticized by
// some, Mr. Fenn told reporters"); and, when the question names a place
// the sentence names too, anyone outside the clauses naming it ("The
// meetings in Palmshire come after Brandt and Ames met … Dorn").
func (e *Engine) newPersons(q *query, s *sentence) []string {
	var all, near, byVerb []string
	clauses := clausesWithMatches(q, s)
	who := q.class.wants == wantPerson
	var placeClauses map[int]bool
	if who {
		placeClauses = e.placeClauses(q, s)
	}
	first := firstMatch(q, s)
	for k, m := range s.ments {
		p := m.entity
		if e.rules.entities[p].Kind != "person" || q.entities[p] || contains(all, p) {
			continue
		}
		if who {
			if m.to < len(s.toks) && s.toks[m.to].word == "s" && (e.personAfter(s, k) || !e.asksOwner(q)) {
				continue
			}
			if m.from > first && e.speaker(s, p) && !speechVerb(q) {
				continue
			}
			if placeClauses != nil && !placeClauses[clauseAt(s, m.from)] {
				continue
			}
		}
		all = append(all, p)
		if clauses[clauseAt(s, m.from)] {
			near = append(near, p)
		}
		if who && len(q.verb) > 0 && nearVerb(q, s, m) && !contains(byVerb, p) {
			if a, ok := relativeAntecedent(s, m); ok {
				// "Brandt, who is married to … Iris, served as …":
				// Iris is next to the verb, Brandt does it.
				if a != "" && e.rules.entities[a].Kind == "person" && !q.entities[a] && !contains(byVerb, a) {
					byVerb = append(byVerb, a)
				}
				continue
			}
			byVerb = append(byVerb, p)
		}
	}
	// "Brandt, who is married to Mr. Fenn’s daughter Iris, served as
	// an adviser to Mr. Fenn": the people next to the question's verb.
	if len(byVerb) > 0 {
		return e.coordinated(s, byVerb, all)
	}
	if len(near) > 0 {
		return near
	}
	return all
}

// coordinated adds to people the candidates joined to one of them by "and"
// with only titles between ("Ann Ames and President Fenn’s son-in-law Ben
// Brandt attend a meeting"): the verb is theirs together. candidates are
// the people the sentence may name in the answer, in order.
func (e *Engine) coordinated(s *sentence, people, candidates []string) []string {
	out := append([]string(nil), people...)
	for k := 0; k+1 < len(s.ments); k++ {
		a := s.ments[k]
		if e.rules.entities[a.entity].Kind != "person" {
			continue
		}
		// The next person mention that is not an owner's ("Fenn’s").
		for j := k + 1; j < len(s.ments); j++ {
			b := s.ments[j]
			if e.rules.entities[b.entity].Kind != "person" || b.entity == a.entity {
				continue
			}
			if b.to < len(s.toks) && s.toks[b.to].word == "s" {
				continue
			}
			if !e.rules.joinedByAnd(s, a.to, b.from) {
				break
			}
			in, other := contains(out, a.entity), contains(out, b.entity)
			if in != other {
				for _, p := range []string{a.entity, b.entity} {
					if !contains(out, p) && contains(candidates, p) {
						out = append(out, p)
					}
				}
			}
			break
		}
	}
	return out
}

// joinedByAnd reports whether tokens [from, to) of s hold "and" and
// otherwise only title words, names and possessives, with no clause
// punctuation but commas.
func (r *rules) joinedByAnd(s *sentence, from, to int) bool {
	if from >= to || to-from > 8 {
		return false
	}
	and := false
	for i := from; i < to; i++ {
		t := s.toks[i]
		switch {
		case t.word == "and":
			and = true
		case t.word == "s" || r.lex.roleNouns[t.word] || r.lex.roleGlue[t.word] || isCapitalised(t.raw):
		default:
			return false
		}
	}
	return and && !strings.ContainsAny(s.Text[s.toks[from].start:s.toks[to-1].end], ";:—")
}

// asksOwner reports whether q asks about an owner ("whose…", "who owns…"),
// the only kind of "who" a possessive owner in a sentence answers. "Own"
// after a possessive ("his own talks") asks about no owner.
func (e *Engine) asksOwner(q *query) bool {
	r := e.rules
	for i, t := range q.toks {
		if r.owner[t.word] && !(r.ownIntensified[t.word] && i > 0 && r.ownAfter[q.toks[i-1].word]) {
			return true
		}
	}
	return false
}

// relativeAntecedent reports whether mention m of s lies inside a
// relative clause set off by commas (", who is married to … Iris,"),
// and the entity the clause is about, named right before it ("" when
// none is).
func relativeAntecedent(s *sentence, m mention) (string, bool) {
	comma := func(k int) bool { return k > 0 && strings.Contains(s.Text[s.toks[k-1].end:s.toks[k].start], ",") }
	for j := m.from; j >= 0; j-- {
		if j < m.from && comma(j+1) {
			return "", false // a comma between: no clause opens before m
		}
		switch s.toks[j].word {
		case "who", "whom", "whose":
		default:
			continue
		}
		if !comma(j) {
			return "", false
		}
		for k := m.to; k < len(s.toks); k++ {
			if comma(k) {
				for _, a := range s.ments {
					if a.to == j {
						return a.entity, true
					}
				}
				return "", true
			}
		}
		return "", false
	}
	return "", false
}

// verbReach is how far from the question's verb its doer or object may be.
const verbReach = 6

// nearVerb reports whether mention m of s lies within verbReach words of
// the question's verb.
func nearVerb(q *query, s *sentence, m mention) bool {
	for i, t := range s.toks {
		if contains(q.verb, t.stem) && i >= m.from-verbReach && i < m.to+verbReach {
			return true
		}
	}
	return false
}

// placeClauses are the clauses of s naming a (non-generic) place of q,
// or nil when q names none or s names none of them.
func (e *Engine) placeClauses(q *query, s *sentence) map[int]bool {
	var out map[int]bool
	for _, m := range s.ments {
		ent := e.rules.entities[m.entity]
		if ent.Kind != "place" || ent.Generic {
			continue
		}
		for _, id := range q.locations {
			if id == m.entity || e.rules.within(m.entity, id) {
				if out == nil {
					out = map[int]bool{}
				}
				out[clauseAt(s, m.from)] = true
			}
		}
	}
	return out
}

// personAfter reports whether another person follows mention k of s in
// its clause: "Fenn’s daughter Iris".
func (e *Engine) personAfter(s *sentence, k int) bool {
	c := clauseAt(s, s.ments[k].from)
	for _, m := range s.ments[k+1:] {
		if clauseAt(s, m.from) != c {
			return false
		}
		if m.entity != s.ments[k].entity && e.rules.entities[m.entity].Kind == "person" {
			return true
		}
	}
	return false
}

// speaker reports whether s reports p's words.
func (e *Engine) speaker(s *sentence, p string) bool {
	for _, f := range s.facts.saids {
		if f.Subject == p {
			return true
		}
	}
	return false
}

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
			for j := i + 1; j < len(s.toks) && j <= i+3; j++ {
				if e.rules.timeOfDay[s.toks[j].word] {
					return true
				}
			}
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

// asksSpeaker reports whether q asks who said something ("Who said …?",
// "Who told reporters …?").
func (e *Engine) asksSpeaker(q *query) bool {
	return len(q.toks) > 1 && q.toks[0].word == "who" && e.rules.lex.speechVerbs[q.toks[1].word]
}

// quotesNew reports whether s quotes a person the question does not name.
func (e *Engine) quotesNew(q *query, s *sentence) bool {
	for _, f := range s.facts.saids {
		if f.Subject != "" && !q.entities[f.Subject] && e.rules.entities[f.Subject].Kind == "person" {
			return true
		}
	}
	return false
}

// speechVerb reports whether a who-question asks who said something.
func speechVerb(q *query) bool {
	for _, v := range q.verb {
		if v == "said" || v == "say" || v == "told" || v == "tell" {
			return true
		}
	}
	return false
}

// newPlaces are the specific places of s that q does not name. For a
// where-question only places said as locations count ("talks in Bayton",
// "the Bayton negotiations", not "the Citadel did not comment"), near the
// words of the question when the sentence holds some: in "Dorn, who
// paid a state visit to Indra, said his five-hour talks…", Indra is not
// where the talks were.
func (e *Engine) newPlaces(q *query, s *sentence) []string {
	var out []string
	if q.class.wants == wantPlace {
		var dist []int
		pos := e.matchPositions(q, s)
		// The place must lie in the clause that holds most of the
		// question: in "The meetings in Palmshire come after Brandt and
		// Ames met … Dorn", Palmshire is not where they met Dorn.
		hits := map[int]int{}
		for _, p := range pos {
			hits[clauseAt(s, p)]++
		}
		for _, p := range qMentionsIn(q, s) {
			hits[clauseAt(s, p)]++
		}
		top := 0
		for _, n := range hits {
			top = max(top, n)
		}
		for _, m := range s.ments {
			if len(hits) > 1 && hits[clauseAt(s, m.from)] < top {
				continue
			}
			p := m.entity
			ent := e.rules.entities[p]
			if ent.Kind != "place" || q.entities[p] || ent.Generic || contains(out, p) {
				continue
			}
			if q.words["where"] && q.heading && !e.destinationAt(s.toks, m) {
				continue
			}
			if q.words["where"] && !e.locative(s.toks, m, q.going) {
				// "Which city…" asks for a place by name; "where" for
				// where something happened.
				continue
			}
			if !near(pos, m, placeReach) {
				continue
			}
			out = append(out, p)
			dist = append(dist, distance(pos, m))
		}
		return e.nearestPlaces(out, dist)
	}
	for _, p := range s.facts.places {
		if q.entities[p] || e.rules.entities[p].Generic {
			continue
		}
		out = append(out, p)
	}
	return out
}

// nearestPlaces keeps, of places found at the given distances from the
// question's words, those nearest to them and the places that hold or lie
// in one of those: in "the delegation in Palmshire wanted to hear … on the
// negotiations in the Citadel", the negotiations were in the Citadel, and
// the answer does not add Palmshire.
func (e *Engine) nearestPlaces(places []string, dist []int) []string {
	if len(places) < 2 {
		return places
	}
	low := slices.Min(dist)
	var nearest []string
	for i, p := range places {
		if dist[i] == low {
			nearest = append(nearest, p)
		}
	}
	var out []string
	for _, p := range places {
		keep := false
		for _, n := range nearest {
			keep = keep || e.rules.within(p, n) || e.rules.within(n, p)
		}
		if keep {
			out = append(out, p)
		}
	}
	return out
}

// distance is how many words lie between m and the nearest position of
// pos (0 when there are none).
func distance(pos []int, m mention) int {
	if len(pos) == 0 {
		return 0
	}
	d := math.MaxInt
	for _, p := range pos {
		switch {
		case p < m.from:
			d = min(d, m.from-p)
		case p >= m.to:
			d = min(d, p-m.to+1)
		default:
			d = 0
		}
	}
	return d
}

// placeReach is how many words from a word of the question a place may
// be and still be where it happened.
const placeReach = 8

// locative reports whether mention m in toks is said as a location: after
// a locative word (skipping "the" and other places: "in Sandhaven
// Beach, Pal."), or before a meeting word ("the Palmshire talks").
func (e *Engine) locative(toks []token, m mention, going bool) bool {
	i := m.from - 1
	for i >= 0 && (toks[i].word == "the" || e.placeAt(toks, i)) {
		i--
	}
	if i >= 0 && (e.rules.locative[toks[i].word] || (going && e.rules.destination[toks[i].word])) {
		return true
	}
	if m.to < len(toks) {
		st := toks[m.to].stem
		if st == "talk" || contains(e.rules.synonyms["talk"], st) {
			return true
		}
	}
	return false
}

// destinationAt reports whether place mention m of toks is where someone
// went: right after a destination word ("a visit to Indra", "returning
// to the Citadel").
func (e *Engine) destinationAt(toks []token, m mention) bool {
	i := m.from - 1
	for i >= 0 && (toks[i].word == "the" || e.placeAt(toks, i)) {
		i--
	}
	return i >= 0 && e.rules.destination[toks[i].word]
}

// destinationName is the name s gives where the going a where question
// asks about went ("moved from HP to i-Connect.Net" for "Where did the
// hosting move?"): a capitalised run after a destination word ("to",
// "into") that follows, within destinationReach words, the question's
// own going verb in any form, and that the question does not name, else
// the noun phrase after its "the" ("went into the palace garden"); "".
func (e *Engine) destinationName(q *query, s *sentence) string {
	if !q.going || !q.words["where"] {
		return ""
	}
	for i, t := range s.toks {
		if !e.rules.destination[t.word] {
			continue
		}
		cued := false
		for j := i - 1; j >= 0 && j >= i-destinationReach; j-- {
			w := s.toks[j]
			cued = cued || e.rules.destCue[w.word] && (q.words[w.word] || q.words[w.stem] || slices.ContainsFunc(e.rules.forms[w.stem], func(f string) bool { return q.words[f] }))
		}
		k := i + 1
		if k < len(s.toks) && s.toks[k].word == "the" {
			k++
		}
		// The name's words are capitalised, or written on to one that is
		// ("i-Connect.Net").
		end, upper := k, false
		for end < len(s.toks) && !q.words[s.toks[end].word] {
			tk := s.toks[end]
			up := strings.IndexFunc(tk.raw, unicode.IsUpper) >= 0
			joinedNext := end+1 < len(s.toks) && !strings.ContainsRune(s.Text[tk.end:s.toks[end+1].start], ' ')
			joinedPrev := end > k && !strings.ContainsRune(s.Text[s.toks[end-1].end:tk.start], ' ')
			if !up && !joinedPrev && !joinedNext || end > k && !joinedPrev && tk.start-s.toks[end-1].end > 1 {
				break
			}
			upper = upper || up
			end++
		}
		if cued && upper {
			return s.Text[s.toks[k].start:s.toks[end-1].end]
		}
		if cued && k > i+1 {
			// "went into the palace garden": the noun phrase after "the".
			end = k
			for end < len(s.toks) && end < k+3 && !e.stopword(s.toks[end].word) && !q.words[s.toks[end].word] && isLetters(s.toks[end].word) &&
				(end == k || !strings.ContainsAny(s.Text[s.toks[end-1].end:s.toks[end].start], ",;:")) {
				end++
			}
			if end > k {
				return s.Text[s.toks[k-1].start:s.toks[end-1].end]
			}
		}
	}
	return ""
}

// destinationReach is how many words before "to" a going verb may stand.
const destinationReach = 4

// placeAt reports whether token i is part of a place's name.
func (e *Engine) placeAt(toks []token, i int) bool {
	for _, a := range e.rules.aliases[toks[i].word] {
		if e.rules.entities[a.entity].Kind == "place" && !e.rules.entities[a.entity].Generic {
			return true
		}
	}
	return false
}

// near reports whether m lies within reach words of a position of pos
// (true when there are none).
func near(pos []int, m mention, reach int) bool {
	if len(pos) == 0 {
		return true
	}
	for _, p := range pos {
		if p >= m.from-reach && p < m.to+reach {
			return true
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

// newLearnedPlaces are the places s marks as such ("in Canberra") that no
// pack entity names and whose words q does not use.
func newLearnedPlaces(q *query, s *sentence) []string {
	var out []string
	for _, p := range s.facts.learnedPlaces {
		fresh := false
		for _, w := range foldWords(p) {
			if !q.words[w] && !q.words[stem(w)] {
				fresh = true
			}
		}
		if fresh {
			out = append(out, p)
		}
	}
	return out
}

// answeringQuantities are the quantities of s that answer a how many or
// how much question: where s counts nothing, its new quantities; where it
// counts things, only a sum of money, for "how much" ("Sky bid £4.2bn for
// 120 games").
func (e *Engine) answeringQuantities(q *query, s *sentence) []string {
	if len(s.facts.counts) == 0 {
		return newQuantities(q, s)
	}
	return e.sums(q, s)
}

// sums are the sums of money s gives that the question does not, when it
// asks for a sum ("how much"; sum_words).
func (e *Engine) sums(q *query, s *sentence) []string {
	asks := false
	for _, t := range q.toks {
		asks = asks || e.rules.sumWord[t.word]
	}
	if !asks {
		return nil
	}
	var out []string
	for _, f := range s.facts.quantities {
		if money(f.Value) && !saysAsWord(q.text, f.Value) {
			out = append(out, f.Object)
		}
	}
	return out
}

// asksShare reports whether q asks for a share (share_words).
func (e *Engine) asksShare(q *query) bool {
	for _, t := range q.toks {
		if e.rules.shareWord[t.word] {
			return true
		}
	}
	return false
}

// shares are the shares s gives that q does not: percentages ("more
// than 60%", "12 per cent") and fractions, as written.
func shares(q *query, s *sentence) []string {
	var out []string
	for _, f := range s.facts.quantities {
		if isShare(f.Value) || isShare(f.Object) {
			if !saysAsWord(q.text, f.Value) {
				out = append(out, f.Object)
			}
		}
	}
	for _, c := range s.facts.counts {
		if c.Subject == "share" && !saysAsWord(q.text, c.Object) {
			out = append(out, c.Object)
		}
	}
	return out
}

// isShare reports whether a quantity as written is a percentage.
func isShare(v string) bool {
	return strings.Contains(v, "%") || strings.Contains(v, "percent") || strings.Contains(v, "per cent")
}

// money reports whether a quantity as written is a sum of money: it holds
// a currency sign, as the quantity pattern reads them (currencySigns).
func money(v string) bool { return strings.ContainsAny(v, currencySigns) }

// newQuantities are the numbers s states (as written: "30,000 men",
// "1.2 million") that q does not: those counting a noun q uses first,
// else all of them.
func newQuantities(q *query, s *sentence) []string {
	var fit, other []string
	for _, f := range s.facts.quantities {
		if q.words[fold(f.Value)] || q.words[strings.ReplaceAll(fold(f.Value), ",", "")] || saysAsWord(q.text, f.Value) {
			continue
		}
		if f.Subject != "" && (q.words[f.Subject] || q.units[f.Subject]) {
			fit = append(fit, f.Object)
		} else if !versionLabel(s.Text, f.Value) {
			other = append(other, f.Object)
		}
	}
	if len(fit) > 0 {
		return fit
	}
	return other
}

// versionLabel reports whether v, a quantity of text as written, is a
// version or a label rather than an amount: a decimal of digits alone
// right after a word ("kit 0.6", "Release 4.0"), counting nothing.
func versionLabel(text, v string) bool {
	if !strings.Contains(v, ".") || strings.Trim(v, "0123456789.") != "" {
		return false
	}
	i := strings.Index(text, " "+v)
	if i <= 0 {
		return false
	}
	before := strings.Fields(text[:i])
	if len(before) == 0 {
		return false
	}
	w := before[len(before)-1]
	last, _ := utf8.DecodeLastRuneInString(w)
	return unicode.IsLetter(last) && !english.IsStopWord(fold(w))
}

// newOrdinal reports whether s says an ordinal ("second", "4th") the
// question does not: a place in an order, for a question asking it.
func (e *Engine) newOrdinal(q *query, s *sentence) bool {
	for _, t := range s.toks {
		if e.rules.ordinal(t.word) && !q.words[t.word] {
			return true
		}
	}
	return false
}

// saysAsWord reports whether text holds v whole, not inside a longer
// word or number: the question's own "1.1" ("Release 1.1") is no answer.
func saysAsWord(text, v string) bool {
	if v == "" {
		return false
	}
	edge := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	for i := 0; ; {
		k := strings.Index(text[i:], v)
		if k < 0 {
			return false
		}
		k += i
		before, _ := utf8.DecodeLastRuneInString(text[:k])
		after, _ := utf8.DecodeRuneInString(text[k+len(v):])
		if !edge(before) && !edge(after) {
			return true
		}
		i = k + 1
	}
}

// newCounts are the counts in s that fit the question's unit and side
// and that the question does not already state.
func (e *Engine) newCounts(q *query, s *sentence) []countFact {
	var out []countFact
	for _, c := range s.facts.counts {
		// The count must be of what the question counts: a unit it
		// names ("points", "how long") or a noun it uses ("countries").
		if !q.units[c.Subject] && !q.words[c.Subject] && !e.ageCount(q, s, c) {
			continue
		}
		if q.side != "" && c.Predicate != "" && c.Predicate != "ordinal" && c.Predicate != q.side {
			continue
		}
		if q.words[fold(c.Value)] {
			continue
		}
		// "A third day of talks" does not say how many days there were.
		if c.Predicate == "ordinal" && !q.ordinal {
			continue
		}
		// A duration must be of what the question times: "how long has
		// the war lasted" is not answered by "convened for two days".
		if e.rules.durations[c.Subject] && !e.durationOf(q, s, c.Object) {
			continue
		}
		out = append(out, countFact{unit: c.Subject, value: c.Value, text: c.Object, ordinal: c.Predicate == "ordinal"})
	}
	return out
}

// ageCount reports whether count c of s is an age a question asking one
// ("how old") wants: a duration followed by a word asking it ("some 5500
// years old").
func (e *Engine) ageCount(q *query, s *sentence, c store.Fact) bool {
	if !e.rules.durations[c.Subject] {
		return false
	}
	var asks string
	for u := range q.units {
		if e.rules.exactUnit[u] {
			asks = u
		}
	}
	if asks == "" {
		return false
	}
	_, to, ok := s.phraseSpan(c.Object)
	return ok && to < len(s.toks) && contains(e.rules.units[s.toks[to].word], asks)
}

// durationReach is how many words from a duration the thing it times
// may be ("nearly four years of war", "his five-hour talks").
const durationReach = 4

// durationOf reports whether the count phrase in s lies near a word of
// the question other than the ones asking "how long" (true when the
// question has none).
func (e *Engine) durationOf(q *query, s *sentence, phrase string) bool {
	long := stem("long")
	var subject []qterm
	for _, t := range q.terms {
		if t.term[0] == '@' || t.term == long || contains(t.alts, long) || len(e.rules.units[t.term]) > 0 {
			continue
		}
		subject = append(subject, t)
	}
	if len(subject) == 0 {
		return true
	}
	from, to, ok := s.phraseSpan(phrase)
	if !ok {
		return true
	}
	for i, t := range s.toks {
		if i < from-durationReach || i >= to+durationReach {
			continue
		}
		for _, qt := range subject {
			if t.stem == qt.term || contains(qt.alts, t.stem) {
				return true
			}
		}
	}
	return false
}

type countFact struct {
	unit, value, text string
	ordinal           bool
}

// names reports whether s calls entity id by its proper name (its last
// name at least), not only by a title standing for it.
func (e *Engine) names(s *sentence, id string) bool {
	ws := foldWords(e.rules.entities[id].Name)
	if len(ws) == 0 {
		return false
	}
	last := ws[len(ws)-1]
	for _, t := range s.toks {
		if t.word == last {
			return true
		}
	}
	return false
}

// persons are the people of s the rules know, whether or not q names them.
func (e *Engine) persons(q *query, s *sentence) []string { return s.facts.persons }

// newAgents are the unknown names and agents of s whose words q does not
// already use, less the "by the …" phrases that name no people
// (doerPhrase).
func newAgents(q *query, s *sentence) []string {
	var out []string
	for _, a := range s.facts.agents {
		if !doerPhrase(a) {
			continue
		}
		fresh := false
		for _, w := range foldWords(a) {
			if w != "the" && !q.words[w] {
				fresh = true
			}
		}
		if fresh {
			out = append(out, a)
		}
	}
	return out
}
