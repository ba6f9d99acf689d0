package answers

import (
	"strings"
	"unicode/utf8"
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
	if commaBefore(s, end) {
		return true
	}
	gap := s.Text[s.toks[end-1].end:s.toks[end].start]
	return strings.Contains(gap, ".") && utf8.RuneCountInString(s.toks[end-1].raw) > 1
}

// commaBefore reports whether a comma, a semicolon or a colon stands
// between s.toks[j-1] and s.toks[j]: a clause or a phrase ends there.
func commaBefore(s *sentence, j int) bool {
	return strings.ContainsAny(s.Text[s.toks[j-1].end:s.toks[j].start], ",;:")
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
			if m.from > first && e.speaker(s, p) && !e.speechVerb(q) && !e.asksSpeaker(q) {
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

// asksSpeaker reports whether q asks who said or thought something
// ("Who said …?", "Who told reporters …?", "Who reckoned …?", "Who has
// claimed …?"): a speech verb or an opinion verb after "who" and at most
// one auxiliary.
func (e *Engine) asksSpeaker(q *query) bool {
	if len(q.toks) < 2 || q.toks[0].word != "who" {
		return false
	}
	t := q.toks[1]
	if e.rules.auxiliary[t.word] && len(q.toks) > 2 {
		t = q.toks[2]
	}
	return e.rules.lex.speechVerbs[t.word] || e.rules.opinionStem[t.stem] || e.rules.saidStem[t.stem]
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

// speechVerb reports whether a who-question's verb, or one of its
// synonyms, is a verb of saying (general.yaml's said_verbs).
func (e *Engine) speechVerb(q *query) bool {
	for _, v := range q.verb {
		if e.rules.saidStem[v] {
			return true
		}
	}
	return false
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
