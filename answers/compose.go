package answers

import (
	"fmt"
	"math"
	"strings"

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
	// supportConf is how well (coverage, less penalties) another sentence
	// must hold the question to corroborate or oppose the best.
	supportConf = 0.55
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
		if c.score >= relevantShare*best.score && c.conf >= supportConf {
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
	a := Answer{Answered: true, Quotes: []Quote{quoteOf(best.s)}}
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
	// Other articles that say the same are further quotes; naming them
	// ("also reported by …") is the renderers' job, not the answer's.
	seen := map[string]bool{best.s.ArticleID: true}
	for _, c := range relevant {
		if len(a.Quotes) == 1+maxCorroborations {
			break
		}
		if seen[c.s.ArticleID] || !e.agrees(q, best, c) {
			continue
		}
		seen[c.s.ArticleID] = true
		a.Quotes = append(a.Quotes, quoteOf(c.s))
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
// articles name the same venue at different precision (Palmshire, Bayton,
// Sandhaven) and name other venues for other meetings.
func (e *Engine) conflict(ix *index, q *query, best scored, ranked []scored) ([]side, bool) {
	var relevant []scored
	for _, c := range ranked[1:] {
		if c.typeMatch && c.score >= conflictShare*best.score && c.conf >= supportConf && sameSubject(ix, q, best.s, c.s) {
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
// of talks in Southport do not contradict five hours of talks in Northport.
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

// firstBefore reports whether span stands in text before every one of
// names that text holds, and names no one itself: no name follows it as
// its apposition ("the harbour master Ann Berg" is Ann Berg).
func firstBefore(text, span string, names []string) bool {
	at := strings.Index(text, span)
	if at < 0 {
		return false
	}
	end := at + len(span)
	for _, n := range names {
		i := strings.Index(text, n)
		if i >= 0 && i < at || i >= end && strings.Trim(text[end:i], " ,") == "" {
			return false
		}
	}
	return true
}

// joinedWith is pick and the names of names text joins to it by "and"
// ("Peter Mattis and Spencer Kimball"), in text order.
func joinedWith(text string, names []string, pick string) []string {
	out := []string{pick}
	for grew := true; grew; {
		grew = false
		for _, n := range names {
			if contains(out, n) {
				continue
			}
			first, last := out[0], out[len(out)-1]
			switch {
			case strings.Contains(text, last+" and "+n):
				out, grew = append(out, n), true
			case strings.Contains(text, n+" and "+first):
				out, grew = append([]string{n}, out...), true
			}
		}
	}
	return out
}

// trimPossessive is name without a closing possessive ("Brenner's",
// "Brenner’s", "the Vosses'"): still a span of the sentence it came from.
func trimPossessive(name string) string {
	for _, suffix := range []string{"'s", "’s", "'", "’"} {
		if n, ok := strings.CutSuffix(name, suffix); ok && n != "" {
			return n
		}
	}
	return name
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
// place, date, number, role or words the question asks for, as verbatim
// spans of the sentence (joined by ", " or " and "), or "" when no span
// answers and the quote speaks alone. It never rebuilds a sentence.
func (e *Engine) direct(q *query, best scored) string {
	s := best.s
	if q.class.name == "naming" {
		return e.appositiveName(q, s)
	}
	if n := e.inSituWhichName(q, s); n != "" {
		return n
	}
	if q.class.wants == wantDescription {
		if n := e.whichThingName(q, s); n != "" {
			return n
		}
	}
	// "Under whose rule …?" — "under the rule of the Crown of Wesnoth":
	// the owner the sentence names after "of".
	if o := whoseOwner(q, s); o != "" {
		return o
	}
	switch q.class.wants {
	case wantPerson:
		// "owned by Ames’s real estate development company": the doer
		// is what the person owns, and the answer keeps that qualifier.
		if a, owned := e.ownedActor(q, s); owned {
			return a
		}
		// "the proposal co-written by Westland and Eastgate": who
		// co-wrote it with Westland is Eastgate.
		if a := e.passiveAgents(q, s); a != "" {
			return a
		}
		// "Who is Westland's top aide?": the aide, when s names them.
		if names := e.describedIn(q, s); len(names) > 0 {
			return joinAnd(names)
		}
		// The people whose role fits the question, else everyone new.
		people := e.closestFit(q, s, e.fittingPersons(q, s))
		if len(people) == 0 {
			people = e.newPersons(q, s)
		}
		var names []string
		for _, p := range people {
			if len(names) == 4 {
				break
			}
			if sp := e.personSpan(p, s); sp != "" && !contains(names, sp) {
				names = append(names, sp)
			}
		}
		if a := e.actor(q, s); len(names) == 0 && a != "" {
			return a
		}
		if len(names) == 0 && len(s.facts.persons) == 0 {
			agents := newAgents(q, s)
			if sp := e.personNounSpan(q, s); sp != "" && firstBefore(s.Text, sp, agents) {
				// "The President shall be Commander in Chief … of
				// Westland": the one the sentence speaks of by what
				// they are, before any name.
				return sp
			}
			names = preferPersons(agents, s.facts.learned)
			if len(names) > 1 {
				// Of several names, the one next to the question's words:
				// "William, the Duke of Normandy".
				names = []string{e.nearest(q, s, names)}
			}
			if len(names) == 1 {
				// "Peter Mattis and Spencer Kimball" did it together.
				names = joinedWith(s.Text, agents, names[0])
			}
			for i, n := range names {
				// "Ada Brenner's definition": the doer is Ada Brenner.
				names[i] = e.groupOf(s.Text, trimPossessive(n))
			}
		}
		if len(names) == 0 {
			// "At noon the second officer came up": no name, the one
			// the sentence speaks of by what they are.
			return e.personNounSpan(q, s)
		}
		return joinAnd(names)
	case wantRole:
		qs := e.questionStems(q)
		for _, p := range q.persons {
			if f, ok := e.fittestRole(qs, p, s); ok {
				if sp := e.personSpan(p, s); sp != "" && !strings.Contains(f, sp) && !strings.Contains(sp, f) {
					return sp + ", " + f
				}
				return f
			}
		}
	case wantPlace:
		if h := e.headedPlace(q, s); h != "" {
			return h // "Which county …?": "Wayne County"
		}
		places := e.newPlaces(q, s)
		if p := e.specific(places); p != "" {
			var out []string
			add := func(id string) {
				if sp := e.mentionSpan(id, s); sp != "" && !contains(out, sp) {
					out = append(out, sp)
				}
			}
			add(p)
			for _, o := range places {
				if !e.rules.within(p, o) {
					add(o)
				}
			}
			for _, o := range places {
				add(o)
			}
			return strings.Join(out, ", ")
		}
		if lp := newLearnedPlaces(q, s); len(lp) > 0 {
			// The one next to the question's words, with those "and"
			// joins to it: "along with Pakistan and Lebanon".
			return joinAnd(joinedWith(s.Text, lp, e.nearest(q, s, lp)))
		}
		if q.saying {
			// Where it was said: "in a post on X".
			return e.placeSpan(q, s)
		}
		if d := e.destinationName(q, s); d != "" {
			return d
		}
		if a := e.addressSpan(q, s); a != "" {
			return a // "https://example.org/why.html"
		}
		if o := e.originSpan(q, s); o != "" {
			return o // "from whale blubber"
		}
	case wantDate:
		if ds := newDates(q, s); len(ds) > 0 {
			return e.nearest(q, s, ds)
		}
	case wantNumber:
		if q.share {
			// "What percentage …?": the share, or nothing.
			if sh := shares(q, s); len(sh) > 0 {
				return e.nearest(q, s, sh)
			}
			return ""
		}
		if q.price {
			// "How much did they pay?": a sum of money, or nothing.
			if ps := e.prices(q, s); len(ps) > 0 {
				return e.nearest(q, s, ps)
			}
			return ""
		}
		// "How much did they bid for the berths?": the sum, not the
		// berths.
		if ms := e.sums(q, s); len(ms) > 0 {
			return e.nearest(q, s, ms)
		}
		if cs := e.newCounts(q, s); len(cs) > 0 {
			var texts []string
			for _, c := range cs {
				texts = append(texts, c.text)
			}
			return withNoun(s.Text, e.nearest(q, s, texts))
		}
		if ns := newQuantities(q, s); len(ns) > 0 && len(s.facts.counts) == 0 {
			return e.nearest(q, s, ns)
		}
	case wantExpansion:
		return e.expansion(q, s)
	case wantQuote:
		for _, f := range s.facts.saids {
			if (q.speaker == "" || f.Subject == q.speaker) && f.Object != "" {
				if w := firstQuoted(s.Text); w != "" {
					return w
				}
			}
		}
	}
	return ""
}

// groupOf widens a name to the body of people of it that text names as
// the doer ("The inhabitants of Halir refused …": the inhabitants, not
// the place), as written; else it is name.
func (e *Engine) groupOf(text, name string) string {
	i := strings.Index(text, name)
	if i < 0 {
		return name
	}
	before, ok := strings.CutSuffix(text[:i], " of ")
	if !ok {
		return name
	}
	ws := strings.Fields(before)
	if len(ws) == 0 || !e.rules.groupNoun[fold(ws[len(ws)-1])] {
		return name
	}
	from := len(before) - len(ws[len(ws)-1])
	if len(ws) > 1 && fold(ws[len(ws)-2]) == "the" {
		from -= len(ws[len(ws)-2]) + 1
	}
	return text[from : i+len(name)]
}

// whoseOwner is, for a question asking "whose X", the name s gives after
// "X of" ("the rule of the Crown of Wesnoth"), as written; "".
func whoseOwner(q *query, s *sentence) string {
	for i := 0; i+1 < len(q.toks); i++ {
		if q.toks[i].word != "whose" {
			continue
		}
		owned := q.toks[i+1].stem
		for j := 0; j+2 < len(s.toks); j++ {
			if s.toks[j].stem != owned || s.toks[j+1].word != "of" {
				continue
			}
			rest := s.Text[s.toks[j+1].end:]
			lead := len(rest) - len(strings.TrimLeft(rest, " "))
			if strings.HasPrefix(rest[lead:], "the ") {
				lead += len("the ")
			}
			if loc := learnedNameRe.FindStringIndex(rest[lead:]); loc != nil && loc[0] == 0 {
				from := s.toks[j+2].start
				return strings.TrimRight(s.Text[from:s.toks[j+1].end+lead+loc[1]], ".,;:’'")
			}
		}
	}
	return ""
}

// describedIn are the spans of the persons the question describes
// without naming them that s names.
func (e *Engine) describedIn(q *query, s *sentence) []string {
	var names []string
	for _, p := range q.described {
		if sp := e.personSpan(p, s); sp != "" && !contains(names, sp) {
			names = append(names, sp)
		}
	}
	return names
}

// nearest is the phrase of s, of phrases, closest to the words of q it
// holds: for "How many men did Harold have?", the number next to Harold.
// The first wins a tie.
func (e *Engine) nearest(q *query, s *sentence, phrases []string) string {
	pos := append(e.matchPositions(q, s), qMentionsIn(q, s)...)
	for i, t := range s.toks {
		for _, qt := range q.toks {
			if qt.start > 0 && isCapitalised(qt.raw) && t.word == qt.word {
				pos = append(pos, i)
			}
		}
	}
	best, bestN, bestD := phrases[0], -1, math.MaxInt
	for _, p := range phrases {
		from, to, ok := s.phraseSpan(p)
		if !ok {
			continue
		}
		var outside []int
		for _, p := range pos {
			if p < from || p >= to {
				outside = append(outside, p)
			}
		}
		// The question's words said right beside the phrase, wherever
		// the sentence says them ("Iraq joined the alliance along with
		// Pakistan" after an earlier "in Iraq"), then the nearest.
		n := 0
		for i := max(0, from-nearWindow); i < min(len(s.toks), to+nearWindow); i++ {
			if (i < from || i >= to) && !e.stopword(s.toks[i].word) && (q.words[s.toks[i].word] || q.words[s.toks[i].stem]) {
				n++
			}
		}
		if d := distance(outside, mention{from: from, to: to}); n > bestN || n == bestN && d < bestD {
			best, bestN, bestD = p, n, d
		}
	}
	return best
}

// nearWindow is how many words on either side of a phrase count as
// beside it.
const nearWindow = 4

// preferPersons keeps, of names, those learned as people when there are
// any: "who" asks for a person before an organisation or a place.
func preferPersons(names []string, kinds map[string]string) []string {
	var people []string
	for _, n := range names {
		if kinds[n] == kindPerson {
			people = append(people, n)
		}
	}
	if len(people) > 0 {
		return people
	}
	return names
}

// firstQuoted is the words of the first quotation in text, as written
// (without the marks and a trailing comma), or "".
func firstQuoted(text string) string {
	m := quoteRe.FindStringSubmatch(text)
	if m == nil {
		return ""
	}
	return strings.TrimRight(strings.TrimSpace(m[1]), " ,")
}

// mentionSpan is how s itself names entity id: its first mention that
// holds the entity's name (the last word of it), else its first mention,
// else "".
func (e *Engine) mentionSpan(id string, s *sentence) string {
	first := ""
	last := lastName(e.rules.entities[id].Name)
	for _, m := range s.ments {
		if m.entity != id {
			continue
		}
		sp := s.Text[s.toks[m.from].start:s.toks[m.to-1].end]
		for _, t := range s.toks[m.from:m.to] {
			if t.word == last {
				return sp
			}
		}
		if first == "" {
			first = sp
		}
	}
	return first
}

// personSpan names person p as s does: by name when s gives it, else by
// the title s calls them by.
func (e *Engine) personSpan(p string, s *sentence) string { return e.mentionSpan(p, s) }

// lastName is the last folded word of a name.
func lastName(name string) string {
	ws := foldWords(name)
	if len(ws) == 0 {
		return ""
	}
	return ws[len(ws)-1]
}

// questionStems are the stems of the question's content words, role
// words inside an alias included ("Westland's top negotiator" → top,
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
// question, the first one on a tie: for "Westland's top negotiator",
// "top Westland negotiator" rather than "top security official".
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
// whose role shares the most words with it: "which Westland general"
// is Hale (Westland, general), not also Umber (Westland).
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

func quoteOf(s *sentence) Quote {
	return Quote{Text: s.Text, Sentence: s.Position + 1, Citation: CitationOf(*s.article)}
}

// sourceName is how a conflict's answer names an article: its outlet,
// else its title (shortened, unquoted: only the sides' spans are quoted),
// else its id.
func sourceName(a *store.Article) string {
	if a.Outlet != "" {
		return a.Outlet
	}
	t := a.Title
	if t == "" {
		return "article " + a.ID
	}
	return shorten(t, 60)
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
