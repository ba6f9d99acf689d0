package answers

import (
	"math"
	"slices"
	"strings"
	"unicode"

	"github.com/kljensen/snowball/english"
)

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
				(end == k || !commaBefore(s, end)) {
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

// wherePhrase is a phrase of s that sets a thing in or on something the
// question does not name ("on the bar", "in the main configuration
// file", "to a free list", "loaded into flash"), after a word the
// question asks of that is no function word ("used" counts, though the
// ranking stops it) nor a word of going ("going through each point" is
// no place): a preposition of general.yaml's where_prepositions, not
// after a word of where_not_after ("similar to"), then a determiner of
// where_determiners and, within three words, a word q does not say that
// says no time (where_not) nor names a medium ("in a statement": where
// something was said, which placeSpan reads); or a preposition of
// where_bare right before such a word, lower-case and no stop word
// (whereBareWord). "" for none.
func (e *Engine) wherePhrase(q *query, s *sentence) string {
	asked := func(t token) bool {
		return !english.IsStopWord(t.word) && !e.rules.destCue[t.word] && !e.rules.destCue[t.stem]
	}
	for i := 0; i+1 < len(s.toks); i++ {
		if !e.rules.wherePreposition[s.toks[i].word] || i > 0 && e.rules.whereNotAfter[s.toks[i-1].word] || !e.askedBefore(q, s, i, 4, asked) {
			continue
		}
		first := i + 2
		if !e.rules.whereDeterminer[s.toks[i+1].word] {
			if !e.rules.whereBare[s.toks[i].word] || !e.whereBareWord(s.toks[i+1]) {
				continue
			}
			first = i + 1
		}
		for j := first; j < len(s.toks) && j <= i+4; j++ {
			t := s.toks[j]
			if e.stopword(t.word) || !isLetters(t.word) {
				continue
			}
			if q.words[t.word] || q.words[t.stem] || e.rules.whereNot[t.word] || e.timeClass(t.word) != "" || isNumber(t.word) || e.rules.saidMedium[t.word] {
				break
			}
			return s.Text[s.toks[i].start:t.end]
		}
	}
	return ""
}

// whereBareWord reports whether t may follow a preposition of where_bare
// in a where phrase with no determiner: a lower-case word of letters that
// is no stop word and does not end as where_bare's not_suffixes do.
func (e *Engine) whereBareWord(t token) bool {
	return isLetters(t.word) && !e.stopword(t.word) && !isCapitalised(t.raw) && !endsWithAny(t.word, e.rules.whereBareNot)
}

// wherePhraseAnswers reports whether s answers q's where with a phrase
// (wherePhrase): "Where is a hit checker put?", "placed on the bar". Not
// when q names the kind of place it wants ("which country", "in what
// town"), which a name of that kind answers, nor when it asks where
// someone was heading, which only a destination answers: for those the
// evidence counts a phrase as half the type.
func (e *Engine) wherePhraseAnswers(q *query, s *sentence) bool {
	return !q.heading && !q.placeKind && e.wherePhrase(q, s) != ""
}

// originSpan is, for a question asking where something comes from
// ("Where does the wool come from?", "where did he get it from"), the
// phrase of s from its "from" to the first word after it the question
// does not say and the noun's words after that, when a word the question
// asks of stands just before ("wool from a sheep farm", "energy from
// glycolysis"): a source need be no place. "" for none.
func (e *Engine) originSpan(q *query, s *sentence) string {
	if !q.words["from"] {
		return ""
	}
	for i := 0; i+1 < len(s.toks); i++ {
		if s.toks[i].word != "from" || !e.askedBefore(q, s, i, 4, func(t token) bool { return !e.stopword(t.word) }) {
			continue
		}
		for j := i + 1; j < len(s.toks) && j <= i+4; j++ {
			t := s.toks[j]
			if e.stopword(t.word) || !isLetters(t.word) {
				continue
			}
			if q.words[t.word] || q.words[t.stem] || e.timeClass(t.word) != "" {
				break
			}
			// The noun's words after it: "from whale blubber".
			for j+1 < len(s.toks) && isLetters(s.toks[j+1].word) && !e.stopword(s.toks[j+1].word) && !clauseBreak(s, j+1) {
				j++
			}
			return s.Text[s.toks[i].start:s.toks[j].end]
		}
	}
	return ""
}

// askedBefore reports whether one of the n words of s before its i-th is
// a word of q's that counts as what the question asks of.
func (e *Engine) askedBefore(q *query, s *sentence, i, n int, counts func(token) bool) bool {
	for j := max(0, i-n); j < i; j++ {
		if t := s.toks[j]; counts(t) && (q.words[t.word] || q.words[t.stem]) {
			return true
		}
	}
	return false
}

// saysReference reports whether s points to where more is told, in a word
// of general.yaml's reference_words the question does not say: "see the
// section on tides", "the harbour page".
func (e *Engine) saysReference(q *query, s *sentence) bool {
	for _, t := range s.toks {
		if e.rules.referenceWord[t.word] && !q.words[t.word] && !q.words[t.stem] {
			return true
		}
	}
	return false
}
