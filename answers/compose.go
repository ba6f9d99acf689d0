package answers

import (
	"fmt"
	"math"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
	"github.com/parley-bot/parley/store"
)

const (
	// relevantShare is how close to the best score another sentence must
	// come to corroborate it or to stand as the other side of a conflict.
	relevantShare = 0.75
	// conflictShare is how close to the best score a sentence stating
	// another figure must come to be shown as the other side.
	conflictShare = 0.6
	// maxCorroborations bounds the extra quotes of one answer.
	maxCorroborations = 2
)

// compose builds the answer from the ranked candidates: a short direct
// answer drawn from the best sentence, its quote, and either quotes that
// corroborate it or, where the articles disagree, the other side.
func (e *Engine) compose(ix *index, q *query, ranked []scored) Answer {
	best := ranked[0]
	var relevant []scored
	for _, c := range ranked[1:] {
		if c.score >= relevantShare*best.score && c.conf >= e.threshold {
			relevant = append(relevant, c)
		}
	}
	if q.class.wants == wantRole {
		if nb := e.bestRole(q, best, relevant); nb.s != best.s {
			for i := range relevant {
				if relevant[i].s == nb.s {
					relevant[i] = best
				}
			}
			best = nb
		}
	}
	a := Answer{Answered: true, Quotes: []Quote{quoteOf(best.s)}, Confidence: round3(math.Min(1, best.conf))}
	if side, ok := e.conflict(ix, q, best, ranked); ok {
		a.Conflict = true
		parts := []string{fmt.Sprintf("%s (%s)", side[0].label, sourceName(best.s.article))}
		for _, o := range side[1:] {
			a.Quotes = append(a.Quotes, quoteOf(o.s))
			parts = append(parts, fmt.Sprintf("%s (%s)", o.label, sourceName(o.s.article)))
		}
		a.Answer = "The articles disagree: " + strings.Join(parts, "; ") + "."
		return a
	}
	a.Answer = e.direct(q, best)
	seen := map[string]bool{best.s.ArticleID: true}
	var also []string
	for _, c := range relevant {
		if len(also) == maxCorroborations {
			break
		}
		if seen[c.s.ArticleID] || !e.agrees(q, best, c) {
			continue
		}
		seen[c.s.ArticleID] = true
		a.Quotes = append(a.Quotes, quoteOf(c.s))
		also = append(also, sourceName(c.s.article))
	}
	if len(also) > 0 {
		a.Answer += " Also reported by " + joinAnd(also) + "."
	}
	return a
}

// side is one value of a disputed fact and the sentence that states it.
type side struct {
	label string
	s     *sentence
}

// conflict finds articles that disagree on the figure the question asks
// for: a different count of the same thing, on the same side (original
// or revised) when the question names one. Places are not compared: the
// articles name the same venue at different precision (Florida, Miami,
// Hallandale Beach) and name other venues for other meetings.
func (e *Engine) conflict(ix *index, q *query, best scored, ranked []scored) ([]side, bool) {
	var relevant []scored
	for _, c := range ranked[1:] {
		if c.typeMatch && c.score >= conflictShare*best.score && c.conf >= e.threshold && sameSubject(ix, q, best.s, c.s) {
			relevant = append(relevant, c)
		}
	}
	switch q.class.wants {
	case wantNumber:
		counts := e.newCounts(q, best.s)
		if len(counts) == 0 {
			return nil, false
		}
		first := counts[0]
		sides := []side{{label: "“" + first.text + "”", s: best.s}}
		values := map[string]bool{first.value: true}
		for _, c := range relevant {
			for _, n := range e.newCounts(q, c.s) {
				if n.unit != first.unit || n.ordinal != first.ordinal || values[n.value] || c.s.ArticleID == best.s.ArticleID {
					continue
				}
				values[n.value] = true
				sides = append(sides, side{label: "“" + n.text + "”", s: c.s})
			}
		}
		return sides, len(sides) > 1
	}
	return nil, false
}

// sameSubject reports whether b is about what a is, as far as the
// question goes: every question term a holds, in the sentence or
// elsewhere in its article, b's sentence or article holds too. Six hours
// of talks in Geneva do not contradict five hours of talks in Moscow.
func sameSubject(ix *index, q *query, a, b *sentence) bool {
	for _, t := range q.terms {
		if a.matches(t.term, t.alts) || ix.articleMatches(a.ArticleID, t.term, t.alts) {
			if !b.matches(t.term, t.alts) && !ix.articleMatches(b.ArticleID, t.term, t.alts) {
				return false
			}
		}
	}
	return true
}

// specific is the most specific of places: the one the most others
// contain.
func (e *Engine) specific(places []string) string {
	best, depth := "", -1
	for _, p := range places {
		d := 0
		for x := e.rules.entities[p].Within; x != "" && d < 8; x = e.rules.entities[x].Within {
			d++
		}
		if d > depth {
			best, depth = p, d
		}
	}
	return best
}

// agrees reports whether c says the same as best for the question: the
// same count, person, place or speaker, or for descriptions much the same
// words.
func (e *Engine) agrees(q *query, best, c scored) bool {
	switch q.class.wants {
	case wantNumber:
		bc, cc := e.newCounts(q, best.s), e.newCounts(q, c.s)
		return len(bc) > 0 && len(cc) > 0 && bc[0].value == cc[0].value && bc[0].unit == cc[0].unit
	case wantPerson:
		return overlap(e.newPersons(q, best.s), e.newPersons(q, c.s))
	case wantPlace:
		bp, cp := e.specific(e.newPlaces(q, best.s)), e.specific(e.newPlaces(q, c.s))
		return bp != "" && cp != "" && (e.rules.within(bp, cp) || e.rules.within(cp, bp))
	}
	return jaccard(best.s, c.s) >= 0.3
}

func overlap(a, b []string) bool {
	for _, x := range a {
		if contains(b, x) {
			return true
		}
	}
	return false
}

func jaccard(a, b *sentence) float64 {
	inter := 0
	for t := range a.terms {
		if _, ok := b.terms[t]; ok {
			inter++
		}
	}
	union := len(a.terms) + len(b.terms) - inter
	if union == 0 {
		return 0
	}
	return float64(inter) / float64(union)
}

// direct is the short answer drawn from the best sentence: the people,
// place, date, number, role or words the question asks for.
func (e *Engine) direct(q *query, best scored) string {
	s := best.s
	r := e.rules
	switch q.class.wants {
	case wantPerson:
		// "owned by Witkoff’s real estate development company": the doer
		// is what the person owns, and the answer keeps that qualifier.
		if a, owned := e.ownedActor(q, s); owned {
			return capitalise(a) + "."
		}
		var names []string
		// The people whose role fits the question, else everyone new.
		people := e.closestFit(q, s, e.fittingPersons(q, s))
		if len(people) == 0 {
			people = e.newPersons(q, s)
		}
		for _, p := range people {
			if len(names) == 4 {
				break
			}
			names = append(names, e.personWithRole(p, s))
		}
		if a := e.actor(q, s); len(names) == 0 && a != "" {
			return capitalise(a) + "."
		}
		if len(names) == 0 && len(s.facts.persons) == 0 {
			names = newAgents(q, s)
			if len(names) > 0 {
				names[0] = capitalise(names[0])
			}
		}
		if len(names) > 0 {
			// A statement only when the sentence itself says the
			// question's verb (not a synonym: "the Ukrainian delegation"
			// does not say who represented Ukraine); else the names alone, so the answer
			// never puts someone to a deed the quote does not give them.
			if q.active && hasStem(s, q.verb[0]) {
				return statement(q.text, joinAnd(names))
			}
			return joinAnd(names) + "."
		}
	case wantRole:
		qs := e.questionStems(q)
		for _, p := range q.persons {
			if f, ok := e.fittestRole(qs, p, s); ok {
				return r.entities[p].Name + ": " + f + "."
			}
		}
	case wantPlace:
		places := e.newPlaces(q, s)
		if p := e.specific(places); p != "" {
			out := []string{r.entities[p].Name}
			for x := r.entities[p].Within; x != ""; x = r.entities[x].Within {
				out = append(out, r.entities[x].Name)
			}
			for _, o := range places {
				if !contains(out, r.entities[o].Name) && !r.within(p, o) {
					out = append(out, r.entities[o].Name)
				}
			}
			return capitalise(strings.Join(out, ", ")) + "."
		}
	case wantDate:
		if ds := newDates(q, s); len(ds) > 0 {
			return capitalise(strings.Join(ds, ", ")) + "."
		}
	case wantNumber:
		if cs := e.newCounts(q, s); len(cs) > 0 {
			return capitalise(withNoun(s.Text, cs[0].text)) + "."
		}
	case wantQuote:
		for _, f := range s.facts.saids {
			if (q.speaker == "" || f.Subject == q.speaker) && f.Object != "" {
				return capitalise(r.entities[f.Subject].Name) + " said: “" + strings.Trim(f.Object, "“”\" ,") + "”"
			}
		}
	}
	return s.Text
}

// questionStems are the stems of the question's content words, role
// words inside an alias included ("Ukraine's top negotiator" → top,
// negotiator): what a role phrase is matched against.
func (e *Engine) questionStems(q *query) map[string]bool {
	out := map[string]bool{}
	for _, t := range q.toks {
		if !e.rules.stop[t.word] && !english.IsStopWord(t.word) {
			out[t.stem] = true
		}
	}
	return out
}

// roleOverlap counts the plain words of a role phrase that the question
// also says, leaving out the person's own name.
func (e *Engine) roleOverlap(qs map[string]bool, p, role string) int {
	name := e.rules.stemSet(e.rules.entities[p].Name)
	n := 0
	for st := range e.rules.stemSet(role) {
		if st[0] != '@' && qs[st] && !name[st] {
			n++
		}
	}
	return n
}

// fittestRole is the role s gives p that shares the most words with the
// question, the first one on a tie: for "Ukraine's top negotiator",
// "top Ukrainian negotiator" rather than "top security official".
func (e *Engine) fittestRole(qs map[string]bool, p string, s *sentence) (string, bool) {
	best, bestN, ok := "", -1, false
	for _, f := range s.facts.roles {
		if f.Subject != p {
			continue
		}
		if n := e.roleOverlap(qs, p, f.Object); n > bestN {
			best, bestN, ok = f.Object, n, true
		}
	}
	return best, ok
}

// bestRole swaps in, for a role question that names role words, the
// relevant sentence whose role phrase for the person matches more of them
// than the top sentence's does: the question's words choose which of the
// person's titles to show.
func (e *Engine) bestRole(q *query, best scored, relevant []scored) scored {
	qs := e.questionStems(q)
	fit := func(c scored) int {
		n := 0
		for _, p := range q.persons {
			if !e.names(c.s, p) {
				continue
			}
			if f, ok := e.fittestRole(qs, p, c.s); ok {
				n = max(n, e.roleOverlap(qs, p, f))
			}
		}
		return n
	}
	top := fit(best)
	for _, c := range relevant {
		if n := fit(c); n > top {
			best, top = c, n
		}
	}
	return best
}

// closestFit keeps, of the people whose role fits the question, those
// whose role shares the most words with it: "which Ukrainian general"
// is Hnatov (Ukrainian, general), not also Umerov (Ukrainian).
func (e *Engine) closestFit(q *query, s *sentence, people []string) []string {
	if len(people) < 2 {
		return people
	}
	qs := e.questionStems(q)
	score := func(p string) int {
		n := e.roleOverlap(qs, p, e.rules.entities[p].Role)
		for _, f := range s.facts.roles {
			if f.Subject == p {
				n = max(n, e.roleOverlap(qs, p, f.Object))
			}
		}
		return n
	}
	top := 0
	for _, p := range people {
		top = max(top, score(p))
	}
	var out []string
	for _, p := range people {
		if score(p) == top {
			out = append(out, p)
		}
	}
	return out
}

// hasStem reports whether s holds a word of stem st.
func hasStem(s *sentence, st string) bool {
	_, ok := s.terms[st]
	return ok
}

// personWithRole names a person, with the role the sentence gives them.
func (e *Engine) personWithRole(p string, s *sentence) string {
	name := e.rules.entities[p].Name
	for _, f := range s.facts.roles {
		if f.Subject == p && !strings.Contains(fold(f.Object), fold(name)) {
			return name + " (" + f.Object + ")"
		}
	}
	return name
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

func quoteOf(s *sentence) Quote {
	return Quote{Text: s.Text, Sentence: s.Position + 1, Citation: CitationOf(*s.article)}
}

// sourceName is how an answer names an article: its outlet, else its
// title, shortened.
func sourceName(a *store.Article) string {
	if a.Outlet != "" {
		return a.Outlet
	}
	t := a.Title
	if t == "" {
		return "article " + a.ID
	}
	if r := []rune(t); len(r) > 60 {
		t = strings.TrimSpace(string(r[:57])) + "…"
	}
	return "“" + t + "”"
}

// withNoun extends a hyphenated count ("five-hour") with the word it
// qualifies in text ("five-hour talks"), so the answer reads whole.
func withNoun(text, count string) string {
	i := strings.Index(text, count)
	if i < 0 || !strings.Contains(count, "-") {
		return count
	}
	rest := text[i+len(count):]
	toks := tokenize(rest)
	if len(toks) == 0 || toks[0].start != 1 || rest[0] != ' ' || english.IsStopWord(toks[0].word) {
		// "one-fifth of" is not a noun phrase: the count stands alone.
		return count
	}
	return count + " " + toks[0].raw
}

// whoRe reads "Who met with Putin in Moscow?" as its verb and the rest.
var whoRe = regexp.MustCompile(`(?i)^\s*who\s+(\S+)\s+(.*?)[\s?!.]*$`)

// statement turns a "who" question and its answer into a sentence:
// "Who met with Putin in Moscow?" + "Steve Witkoff" → "Steve Witkoff met
// with Putin in Moscow." Questions it cannot turn ("Who did Ushakov
// praise?") give the names alone.
func statement(question, names string) string {
	m := whoRe.FindStringSubmatch(question)
	if m == nil || m[2] == "" {
		return names + "."
	}
	switch strings.ToLower(m[1]) {
	case "did", "does", "do", "whom", "else":
		return names + "."
	}
	return names + " " + neutralize(m[1]+" "+m[2]) + "."
}
