package answers

import (
	"context"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
)

// Scoring weights. Coverage (how much of the question a sentence holds,
// weighted by rarity) leads; BM25, proximity and the wanted answer type
// break ties and order near-equals.
var (
	wCoverage  = 0.55
	wBM25      = 0.12
	wProximity = 0.08
	wType      = 0.25
)

const (
	// wOwnWords favours a speaker's quoted words over a report of them.
	wOwnWords = 0.06
	// synonymCredit is how much a synonym counts against the word itself.
	synonymCredit = 0.7
	// missingTypeFactor scales the confidence of a sentence that lacks
	// the kind of answer the question wants (a place for "where").
	missingTypeFactor = 0.5
	// missingEntityFactor scales the confidence of a sentence for each
	// named entity of the question it does not mention.
	missingEntityFactor = 0.75
	// pastFactor scales the confidence of a sentence that does not speak
	// of the future, for a question that asks about it.
	pastFactor = 0.7
	// contextCredit is how much an entity named elsewhere in the
	// sentence's article counts.
	contextCredit = 0.5
	// unknownWeight is the weight, against the rarest corpus word, of a
	// question word the articles never use; a capitalised one (a name)
	// weighs more than the rarest word.
	unknownWeight = 0.6
	// maxScored is how many candidates, by a cheap first pass, get the
	// full score.
	maxScored = 200
)

// query is a question as the engine reads it.
type query struct {
	text        string
	class       questionClass
	toks        []token
	mentions    []mention
	entities    map[string]bool
	persons     []string
	terms       []qterm
	words       map[string]bool // folded words and stems of the question
	units       map[string]bool
	side        string
	corrections []string
	unknown     []string
	offTopic    string
	speaker     string // for "what did X say": X
	future      bool   // the question asks about what will happen
	ordinal     bool   // the question asks which one ("which day", "third")
	roleWords   []string
	content     int // content words other than entities
	// verb is, for "who <verb>…", the stems a sentence must hold for a
	// person in it to be the one who did it (the verb and its synonyms,
	// or the object of a light verb: "took a photo" → photo).
	verb   []string
	active bool
	// subject is, for a yes/no question, the entity it asks about.
	subject string
	// going says the question asks where someone went ("returning
	// to", "visit"): "to Kyiv" then answers it.
	going bool
	// heading says it asks where someone went, not where they went to do
	// something ("Where was Putin heading…?", not "Where did Witkoff go
	// to meet Putin?"): only a destination ("a visit to India") answers.
	heading bool
	// locations are the places the question says as locations ("meet
	// in Florida", "at the Florida talks"), not as actors or names.
	locations []string
}

// qterm is one term to match, with its weight and synonyms.
type qterm struct {
	term   string
	weight float64
	alts   []string
	known  bool
}

// scored is a candidate sentence with its scores.
type scored struct {
	s         *sentence
	score     float64
	coverage  float64
	bm25      float64
	prox      float64
	conf      float64
	typeMatch bool
	strongCue bool
	ownWords  bool
	bigram    float64
	para      float64
	feat      [nFeat]float64
}

// Ranking features of a candidate sentence.
const (
	fCov    = iota // IDF-weighted share of the question's terms it holds
	fBM            // BM25, over the best candidate's
	fProx          // how close together the matched words are
	fType          // it holds the wanted type of answer
	fBigram        // share of the question's word pairs it holds in order
	fPara          // share of the question's terms its paragraph holds
	fNbr           // share held only by the sentence before it
	fNbrAna        // the same, when it opens with a pronoun ("It…")
	fCue           // a stated reason ("because") for a why-question
	fOwn           // the speaker's own words for a what-did-X-say question
	fFit           // a person whose role fits a who-question
	fSubj          // its subject is the yes/no question's subject
	nFeat
)

// rankWeights weigh the features into a candidate's score.
var rankWeights = [nFeat]float64{fCov: 0.55, fBM: 0.12, fProx: 0.08, fType: 0.25, fBigram: 0.2, fPara: 0.4, fNbr: 0, fNbrAna: 0.5, fCue: 0.125, fOwn: 0.06, fFit: 0.125, fSubj: 0.125}

var noTypo bool

var keepWords = map[string]bool{}

var tuneNbr, tuneBigram, tunePara, tuneAna = 0.0, 0.0, 0.0, 0.0

var anaphors = map[string]bool{"it": true, "its": true, "this": true, "these": true, "they": true, "their": true, "such": true, "he": true, "she": true, "his": true, "her": true, "there": true, "that": true, "those": true, "them": true}

// bigrams is the share of the question's adjacent content-word pairs that
// s holds in order within three words.
func bigrams(q *query, s *sentence) float64 {
	var seq []string
	for _, t := range q.toks {
		if t.word == "" || english.IsStopWord(t.word) {
			continue
		}
		seq = append(seq, t.stem)
	}
	if len(seq) < 2 {
		return 0
	}
	pos := map[string][]int{}
	for i, t := range s.toks {
		pos[t.stem] = append(pos[t.stem], i)
	}
	n := 0
	for k := 0; k+1 < len(seq); k++ {
		found := false
		for _, a := range pos[seq[k]] {
			for _, b := range pos[seq[k+1]] {
				if b > a && b-a <= 3 {
					found = true
				}
			}
		}
		if found {
			n++
		}
	}
	return float64(n) / float64(len(seq)-1)
}

// analyse reads a normalised question.
func (e *Engine) analyse(ix *index, text string) *query {
	r := e.rules
	text = r.trimLeadIns(text)
	q := &query{text: text, entities: map[string]bool{}, words: map[string]bool{}, units: map[string]bool{}}
	toks := tokenize(text)
	// Correct typos first, so "Witkof" can still name Steve Witkoff.
	for i, t := range toks {
		// Only a word that is neither the articles' nor English, nor a
		// number, is a typo: "flee" and "regulated" are words, "14th" is
		// a number.
		if r.stop[t.word] || r.known[t.word] || english.IsStopWord(t.word) || ix.vocab[t.word] > 0 || r.aliases[t.word] != nil || isNumber(t.word) || isOrdinal(t.word) || isEnglish(t.word) {
			continue
		}
		if c := ix.correct(t.word); c != "" {
			q.corrections = append(q.corrections, t.word+"→"+c)
			toks[i].word, toks[i].stem = c, stem(c)
		}
	}
	q.toks = toks
	q.mentions = r.mentions(toks)
	inMention := make([]bool, len(toks))
	for _, m := range q.mentions {
		for i := m.from; i < m.to; i++ {
			inMention[i] = true
		}
		if !q.entities[m.entity] {
			q.entities[m.entity] = true
			if r.entities[m.entity].Kind == "person" {
				q.persons = append(q.persons, m.entity)
			}
			q.addTerm(ix, "@"+m.entity, r.synonyms["@"+m.entity], true)
		}
	}
	var folded []string
	for i, t := range toks {
		folded = append(folded, t.word)
		q.words[t.word] = true
		q.words[t.stem] = true
		for _, u := range r.units[t.word] {
			q.units[u] = true
		}
		if r.destCue[t.word] {
			q.going = true
			// "heading", "travel" (not "go to meet", a purpose): only
			// a place someone goes to answers.
			if !r.destination[t.word] && (i+1 >= len(toks) || !r.destination[toks[i+1].word]) {
				q.heading = true
			}
		}
		if s := r.qualifier[t.stem]; s != "" {
			q.side = s
		}
		if r.outOfScope[t.word] && q.offTopic == "" {
			q.offTopic = t.word
		}
		if inMention[i] || r.stop[t.word] || (english.IsStopWord(t.word) && !keepWords[t.word]) {
			continue
		}
		q.content++
		q.addTerm(ix, t.stem, r.synonyms[t.stem], i > 0 && isCapitalised(t.raw))
	}
	joined := strings.Join(folded, " ")
	q.class = r.classify(joined)
	for _, w := range folded {
		if _, ok := ordinalWords[w]; ok || w == "which" {
			q.ordinal = true
		}
	}
	for _, re := range r.future {
		q.future = q.future || re.MatchString(joined)
	}
	for i, t := range toks {
		if !inMention[i] && roleNouns[t.word] {
			q.roleWords = append(q.roleWords, t.word)
		}
	}
	if q.class.wants == wantQuote && len(q.mentions) > 0 {
		// The speaker is the first entity named: "what did Ushakov say
		// about Kushner" asks for Ushakov's words.
		q.speaker = q.mentions[0].entity
	}
	if q.class.name == "who" && len(q.persons) == 1 && len(q.mentions) == 1 && q.content == 0 {
		q.class = r.roleClass
	}
	if q.class.wants == wantNumber {
		// "How long … lasted" asks for a duration, which the wanted type
		// checks; as topic words they would match "last week". A unit
		// the question names ("hours") stays.
		long := stem("long")
		kept := q.terms[:0]
		for _, t := range q.terms {
			if t.term != long && (!contains(t.alts, long) || len(r.units[t.term]) > 0) {
				kept = append(kept, t)
			}
		}
		if len(kept) > 0 {
			q.terms = kept
		}
	}
	if q.class.wants == wantPerson {
		q.verb, q.active = e.whoVerb(toks, inMention)
		for _, m := range q.mentions {
			ent := r.entities[m.entity]
			if ent.Kind == "place" && !ent.Generic && e.locative(toks, m, false) {
				q.locations = append(q.locations, m.entity)
			}
		}
	}
	if q.class.name == "yesno" {
		if len(q.mentions) > 0 {
			q.subject = q.mentions[0].entity
		}
		// "Did Russia accept…" is answered as well by "…rejected…".
		for i := range q.terms {
			for _, o := range r.opposites[q.terms[i].term] {
				if !contains(q.terms[i].alts, o) {
					q.terms[i].alts = append(q.terms[i].alts, o)
				}
			}
		}
	}
	return q
}

// whoVerb is what "who <verb>…" asks was done: the verb's stem and its
// synonyms; for a light verb ("took", "made") the next content word.
// Nil when the question asks for no action ("who is…", "who did X
// meet?"). active says the verb follows "who" itself, so "<names> <verb>
// …" reads as English.
func (e *Engine) whoVerb(toks []token, inMention []bool) ([]string, bool) {
	r := e.rules
	if len(toks) < 2 || (toks[0].word != "who" && toks[0].word != "whom") {
		return nil, false
	}
	aux, light := false, false
	for i := 1; i < len(toks); i++ {
		t := toks[i]
		if i == 1 && r.auxiliary[t.word] {
			// "Who is Jared Kushner married to?": the participle after
			// the subject, if any ("who is the special envoy" has none).
			aux = true
			continue
		}
		if inMention[i] {
			if aux || light {
				continue
			}
			return nil, false
		}
		if r.stop[t.word] || english.IsStopWord(t.word) {
			// A light verb ("took a photo"): look at its object; the
			// object alone does not make "<names> took …" true.
			light = light || i == 1
			continue
		}
		if aux && !strings.HasSuffix(t.word, "ed") && !strings.HasSuffix(t.word, "ing") {
			return nil, false
		}
		return append([]string{t.stem}, r.synonyms[t.stem]...), !aux && !light
	}
	return nil, false
}

// subjectIs reports whether the sentence is about what entity id (or one
// standing for it) did or said: the entity named before the matched words
// in their clause, else its speaker, else the first entity it names.
func (e *Engine) subjectIs(q *query, s *sentence, id string) bool {
	first := ""
	// The doer of the matched words: the first entity named before them
	// in their clause ("…, though the Kremlin is yet to fully endorse").
	if at := firstMatch(q, s); at < len(s.toks) {
		for _, m := range s.ments {
			if m.from < at && clauseAt(s, m.from) == clauseAt(s, at) {
				first = m.entity
				break
			}
		}
	}
	if first != "" {
	} else if len(s.facts.saids) > 0 {
		first = s.facts.saids[0].Subject
	} else if len(s.ments) > 0 {
		first = s.ments[0].entity
	}
	if first == "" {
		return false
	}
	if first == id {
		return true
	}
	for _, r := range e.rules.synonyms["@"+id] {
		if r == "@"+first {
			return true
		}
		for _, r2 := range e.rules.synonyms[r] {
			if r2 == "@"+first {
				return true
			}
		}
	}
	return false
}

// actorEnds are the words that end an actor's phrase.
var actorEnds = map[string]bool{"for": true, "to": true, "in": true, "on": true, "with": true, "as": true, "over": true, "after": true, "because": true, "that": true, "who": true, "which": true}

// agentStarts are the token positions in s just after a "from" or "by"
// that follows, within three words, a word of the question's verb: where
// the doer of "who <verb>…" is named ("criticism from Kyiv", "owned by
// Witkoff’s company"). In sentence order; none without a verb.
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
// before the next actorEnds word or clause punctuation.
func phraseEnd(s *sentence, end int) int {
	for end < len(s.toks) && !actorEnds[s.toks[end].word] && !strings.ContainsAny(s.Text[s.toks[end-1].end:s.toks[end].start], ",;.:") {
		end++
	}
	return end
}

// actor is, for "who <verb>…", a place or body named right after "from"
// or "by" just after the verb in s, as the sentence words it: "That
// earlier proposal faced criticism from Kyiv and several European
// capitals for…" → "Kyiv and several European capitals". "" if none.
func (e *Engine) actor(q *query, s *sentence) string {
	for _, k := range agentStarts(q, s) {
		if k < len(s.toks) && s.toks[k].word == "the" {
			k++
		}
		for _, m := range s.ments {
			ent := e.rules.entities[m.entity]
			if m.from != k || q.entities[m.entity] || ent.Kind == "person" || (ent.Kind == "place" && ent.Generic) {
				continue
			}
			return s.Text[s.toks[k].start:s.toks[phraseEnd(s, m.to)-1].end]
		}
	}
	return ""
}

// ownedActor is, for "who <verb>…", a person's possessive phrase named
// right after "by" or "from" just after the verb ("owned by Witkoff’s real
// estate development company"), as the sentence words it, and whether
// there is one: the deed is the owned thing's, not the person's.
func (e *Engine) ownedActor(q *query, s *sentence) (string, bool) {
	for _, k := range agentStarts(q, s) {
		for _, m := range s.ments {
			if m.from != k || e.rules.entities[m.entity].Kind != "person" || m.to+1 >= len(s.toks) || s.toks[m.to].word != "s" {
				continue
			}
			return s.Text[s.toks[k].start:s.toks[phraseEnd(s, m.to+1)-1].end], true
		}
	}
	return "", false
}

// doesVerb reports whether s holds what a who-question asks was done.
func doesVerb(q *query, s *sentence) bool {
	if len(q.verb) == 0 {
		return true
	}
	for _, v := range q.verb {
		if _, ok := s.terms[v]; ok {
			return true
		}
	}
	return false
}

func (q *query) addTerm(ix *index, term string, alts []string, named bool) {
	for _, t := range q.terms {
		if t.term == term {
			return
		}
	}
	w, ok := ix.idf[term]
	known := ok
	for _, a := range alts {
		if _, ok := ix.idf[a]; ok {
			known = true
			if !ok || ix.idf[a] > w {
				w = math.Max(w, ix.idf[a]*synonymCredit)
			}
		}
	}
	if !known {
		q.unknown = append(q.unknown, strings.TrimPrefix(term, "@"))
		w = ix.maxIDF * unknownWeight
		if named {
			// A name the articles never use is the surest sign they do
			// not cover the question.
			w = ix.maxIDF + 1
		}
	}
	q.terms = append(q.terms, qterm{term: term, weight: math.Max(w, 0.1), alts: alts, known: known})
}

func isNumber(w string) bool {
	for _, r := range w {
		if r < '0' || r > '9' {
			return false
		}
	}
	return w != ""
}

// scratch is a question's working memory in rank, reused across
// questions: a score slot per sentence and the list of slots touched.
type scratch struct {
	acc     []float32
	touched []int32
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// selectiveDF is the posting-list length up to which a term always
// takes part in the first pass, whatever the corpus size.
const selectiveDF = 1000

// topByScore returns the k entries of ids with the highest acc, best
// first, ties to the lower id — without sorting them all, so a common
// word in a large corpus costs a pass, not a sort.
func topByScore(ids []int32, acc []float32, k int) []int32 {
	less := func(a, b int32) bool { // a ranks below b
		if acc[a] != acc[b] {
			return acc[a] < acc[b]
		}
		return a > b
	}
	h := make([]int32, 0, min(k, len(ids)))
	down := func(i int) {
		for {
			l, m := 2*i+1, i
			if l < len(h) && less(h[l], h[m]) {
				m = l
			}
			if r := l + 1; r < len(h) && less(h[r], h[m]) {
				m = r
			}
			if m == i {
				return
			}
			h[i], h[m] = h[m], h[i]
			i = m
		}
	}
	for _, id := range ids {
		switch {
		case len(h) < k:
			h = append(h, id)
			for i := len(h) - 1; i > 0; {
				p := (i - 1) / 2
				if !less(h[i], h[p]) {
					break
				}
				h[i], h[p] = h[p], h[i]
				i = p
			}
		case less(h[0], id):
			h[0] = id
			down(0)
		}
	}
	sort.Slice(h, func(a, b int) bool { return less(h[b], h[a]) })
	return h
}

// rank scores the candidate sentences for q, best first.
func (e *Engine) rank(ix *index, q *query) []scored {
	if len(q.terms) == 0 || len(ix.sents) == 0 {
		return nil
	}
	total := 0.0
	for _, t := range q.terms {
		total += t.weight
	}
	// First pass: accumulate each sentence's coverage from the postings
	// of the selective terms; a word in nearly every sentence of a large
	// corpus adds the same to all and only costs time, so it is left to
	// the full score unless nothing else matches.
	sc := scratchPool.Get().(*scratch)
	defer scratchPool.Put(sc)
	if cap(sc.acc) < len(ix.sents) {
		sc.acc = make([]float32, len(ix.sents))
	}
	acc := sc.acc[:len(ix.sents)]
	touched := sc.touched[:0]
	defer func() { sc.touched = touched[:0] }()
	common := max(selectiveDF, len(ix.sents)/20)
	seenTerm := map[string]bool{}
	for pass := 0; pass < 2 && (pass == 0 || len(touched) == 0); pass++ {
		for _, t := range q.terms {
			add := func(term string, w float64) {
				p := ix.postings[term]
				if seenTerm[term] || (pass == 0 && len(p) > common) {
					return
				}
				seenTerm[term] = true
				for _, i := range p {
					if acc[i] == 0 {
						touched = append(touched, i)
					}
					acc[i] += float32(w)
				}
			}
			add(t.term, t.weight)
			for _, a := range t.alts {
				add(a, t.weight*synonymCredit)
			}
		}
	}
	top := topByScore(touched, acc, maxScored)
	out := make([]scored, 0, len(top))
	exact := make([]string, len(q.terms))
	for i, t := range q.terms {
		exact[i] = t.term
	}
	maxBM := 0.0
	for _, i := range top {
		s := &ix.sents[i]
		if s.Heading {
			continue
		}
		c := scored{s: s}
		matched := 0.0
		var pos []int
		c.conf = 1
		for _, t := range q.terms {
			if p, ok := s.terms[t.term]; ok {
				matched += t.weight
				pos = append(pos, p)
				continue
			}
			found := false
			for _, a := range t.alts {
				if p, ok := s.terms[a]; ok {
					matched += t.weight * synonymCredit
					pos = append(pos, p)
					found = true
					break
				}
			}
			if found || t.term[0] != '@' || !t.known {
				continue
			}
			// An entity the sentence leaves out but its article names
			// is likely the sentence's context ("two days of meetings"
			// in an article on the Miami talks); one the article never
			// names means the sentence is about something else.
			if ix.articleHas(s.ArticleID, t.term) {
				matched += t.weight * contextCredit
			} else if !e.rules.entities[t.term[1:]].Generic {
				c.conf *= missingEntityFactor
			}
		}
		if tunePara > 0 {
			lo, hi := int(i), int(i)
			for lo > 0 && ix.sents[lo-1].ArticleID == s.ArticleID && ix.sents[lo-1].Paragraph == s.Paragraph {
				lo--
			}
			for hi+1 < len(ix.sents) && ix.sents[hi+1].ArticleID == s.ArticleID && ix.sents[hi+1].Paragraph == s.Paragraph {
				hi++
			}
			pm := 0.0
			for _, t := range q.terms {
				for j := lo; j <= hi; j++ {
					if ix.sents[j].matches(t.term, t.alts) {
						pm += t.weight
						break
					}
				}
			}
			c.para = pm / total
		}
		ana := len(s.toks) > 0 && anaphors[s.toks[0].word]
		if i > 0 {
			prev := &ix.sents[i-1]
			if prev.ArticleID == s.ArticleID && prev.Paragraph == s.Paragraph {
				nm := 0.0
				for _, t := range q.terms {
					if s.matches(t.term, t.alts) {
						continue
					}
					if prev.matches(t.term, t.alts) {
						nm += t.weight
					}
				}
				if ana {
					c.feat[fNbrAna] = nm / total
				} else {
					c.feat[fNbr] = nm / total
				}
			}
		}
		c.coverage = matched / total
		c.bigram = bigrams(q, s)
		c.bm25 = ix.bm25(s, exact)
		maxBM = math.Max(maxBM, c.bm25)
		if len(pos) > 1 {
			lo, hi := pos[0], pos[0]
			for _, p := range pos {
				lo, hi = min(lo, p), max(hi, p)
			}
			c.prox = math.Min(1, float64(len(pos))/float64(hi-lo+1)*2)
		} else if len(pos) == 1 {
			c.prox = 0.5
		}
		c.typeMatch = e.hasWanted(q, s)
		if q.class.wants == wantReason {
			c.typeMatch, c.strongCue = e.reasonAfter(q, s, pos)
		}
		if q.class.wants == wantQuote {
			// Their own words beat a report of them, other things equal.
			for _, sd := range s.facts.saids {
				if (q.speaker == "" || sd.Subject == q.speaker) && sd.Object != "" {
					c.ownWords = true
				}
			}
		}
		out = append(out, c)
	}
	for i := range out {
		c := &out[i]
		bm := 0.0
		if maxBM > 0 {
			bm = c.bm25 / maxBM
		}
		t := 0.0
		if c.typeMatch {
			t = 1
		}
		c.feat[fCov], c.feat[fBM], c.feat[fProx], c.feat[fType], c.feat[fBigram], c.feat[fPara] = c.coverage, bm, c.prox, t, c.bigram, c.para
		if c.strongCue {
			c.feat[fCue] = 1
		}
		if c.ownWords {
			c.feat[fOwn] = 1
		}
		if q.class.wants == wantPerson && len(e.fittingPersons(q, c.s)) > 0 {
			c.feat[fFit] = 1
		}
		if q.subject != "" && e.subjectIs(q, c.s, q.subject) {
			// "Did Russia accept…" is about what Russia did: a sentence
			// whose subject is Russia (or the Kremlin, or Putin) beats one
			// where Russia is pushed to do it.
			c.feat[fSubj] = 1
		}
		c.score = 0
		for k, w := range rankWeights {
			c.score += w * c.feat[k]
		}
		c.conf *= c.coverage
		if !c.typeMatch && q.class.wants != wantDescription && q.class.wants != wantReason {
			// A reason can be given without a cue word; a person, a
			// place, a date or a number cannot be missing.
			c.conf *= missingTypeFactor
		}
		if q.future && !e.speaksOfFuture(c.s) {
			c.conf *= pastFactor
		}
	}
	for _, i := range touched {
		acc[i] = 0
	}
	sort.SliceStable(out, func(a, b int) bool {
		if out[a].score != out[b].score {
			return out[a].score > out[b].score
		}
		return out[a].s.ID < out[b].s.ID
	})
	return out
}

// hasWanted reports whether s holds an answer of the type q wants that
// the question does not already give.
func (e *Engine) hasWanted(q *query, s *sentence) bool {
	f := s.facts
	switch q.class.wants {
	case wantPerson:
		// "Who took a photo…": a sentence that says nothing of a photo
		// names no one who took it.
		if !doesVerb(q, s) {
			return false
		}
		// "Which general…": someone the sentence gives that title.
		for _, p := range e.newPersons(q, s) {
			if e.holdsRole(p, s, q.roleWords) {
				return true
			}
		}
		// Else a doer the rules do not know, when no title is asked for,
		// or a place or body acting ("criticism from Kyiv and…").
		if len(q.roleWords) == 0 && len(e.persons(q, s)) == 0 && len(newAgents(q, s)) > 0 {
			return true
		}
		return len(q.roleWords) == 0 && e.actor(q, s) != ""
	case wantRole:
		// The sentence must name the person, not only stand in for them
		// ("the Russian leader"), and give their role.
		for _, r := range f.roles {
			if q.entities[r.Subject] && e.names(s, r.Subject) {
				return true
			}
		}
		return false
	case wantPlace:
		return len(e.newPlaces(q, s)) > 0 || len(newLearnedPlaces(q, s)) > 0
	case wantDate:
		return len(newDates(q, s)) > 0
	case wantNumber:
		// Counts (side-aware, unit-aware) first; a bare quantity only
		// where the sentence has none.
		return len(e.newCounts(q, s)) > 0 || (len(s.facts.counts) == 0 && len(newQuantities(q, s)) > 0)
	case wantQuote:
		for _, sd := range f.saids {
			if q.speaker == "" || sd.Subject == q.speaker || contains(e.rules.synonyms["@"+q.speaker], "@"+sd.Subject) {
				return true
			}
		}
		return false
	case wantReason:
		for _, t := range s.toks {
			if e.rules.reasonCues[t.word] && !q.words[t.word] {
				return true
			}
		}
		return false
	}
	return true
}

// newPersons are the people s names that q does not, keeping to the
// clauses of s that share words with q when some do: in "Kushner and
// Witkoff met Putin, and as Trump has ratcheted up pressure…", the
// people who met Putin are Kushner and Witkoff.
//
// For a who-question it also leaves out: a person named only as the
// owner of another's title ("Mr. Trump’s daughter Ivanka"); the reporter
// of the sentence, named after the matched words ("…was criticized by
// some, Mr. Trump told reporters"); and, when the question names a place
// the sentence names too, anyone outside the clauses naming it ("The
// meetings in Florida come after Kushner and Witkoff met … Putin").
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
			byVerb = append(byVerb, p)
		}
	}
	// "Kushner, who is married to Mr. Trump’s daughter Ivanka, served as
	// an adviser to Mr. Trump": the people next to the question's verb.
	if len(byVerb) > 0 {
		return byVerb
	}
	if len(near) > 0 {
		return near
	}
	return all
}

// asksOwner reports whether q asks about an owner ("whose…", "who owns…"),
// the only kind of "who" a possessive owner in a sentence answers.
func (e *Engine) asksOwner(q *query) bool {
	for w := range q.words {
		if e.rules.owner[w] {
			return true
		}
	}
	return false
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
// its clause: "Trump’s daughter Ivanka".
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

// speechVerb reports whether a who-question asks who said something.
func speechVerb(q *query) bool {
	for _, v := range q.verb {
		if v == "said" || v == "say" || v == "told" || v == "tell" {
			return true
		}
	}
	return false
}

// firstMatch is the position of the first word of s (not an entity)
// that the question uses, or len(s.toks).
func firstMatch(q *query, s *sentence) int {
	first := len(s.toks)
	for _, t := range q.terms {
		if t.term[0] == '@' {
			continue
		}
		if p, ok := s.terms[t.term]; ok {
			first = min(first, p)
		}
		for _, a := range t.alts {
			if p, ok := s.terms[a]; ok {
				first = min(first, p)
			}
		}
	}
	return first
}

// clauseBreaks are the joins at which a sentence turns to another matter.
var clauseBreaks = []string{"; ", " — ", " – ", ", and ", ", but ", ", while ", ", as ", ", though ", ", although ", ", even as ", " after ", " before ", " follow ", " follows "}

// clauses numbers the clause each token of text lies in.
func clauses(text string, toks []token) []int {
	var breaks []int
	var all []string
	for _, b := range clauseBreaks {
		all = append(all, b)
		if strings.HasPrefix(b, ",") {
			// A closing quote may sit between the comma and the join:
			// "…make a deal,” though the Kremlin…".
			all = append(all, ",”"+b[1:], ",\""+b[1:])
		}
	}
	for _, b := range all {
		for off := 0; ; {
			k := strings.Index(text[off:], b)
			if k < 0 {
				break
			}
			breaks = append(breaks, off+k)
			off += k + len(b)
		}
	}
	out := make([]int, len(toks))
	for i, t := range toks {
		for _, b := range breaks {
			if b < t.start {
				out[i]++
			}
		}
	}
	return out
}

func clauseAt(s *sentence, i int) int {
	if i >= len(s.clause) {
		return 0
	}
	return s.clause[i]
}

// clausesWithMatches marks the clauses of s holding a word or entity of q.
func clausesWithMatches(q *query, s *sentence) map[int]bool {
	want := map[string]bool{}
	for _, t := range q.terms {
		if t.term[0] == '@' {
			continue
		}
		want[t.term] = true
		for _, a := range t.alts {
			want[a] = true
		}
	}
	out := map[int]bool{}
	for i, t := range s.toks {
		if want[t.stem] {
			out[clauseAt(s, i)] = true
		}
	}
	for _, m := range qMentionsIn(q, s) {
		out[clauseAt(s, m)] = true
	}
	return out
}

// qMentionsIn are the token positions in s naming an entity of q.
func qMentionsIn(q *query, s *sentence) []int {
	var out []int
	for i, t := range s.toks {
		for _, m := range q.mentions {
			if len(q.toks) > m.from && q.toks[m.from].word == t.word {
				out = append(out, i)
			}
		}
	}
	return out
}

// newPlaces are the specific places of s that q does not name. For a
// where-question only places said as locations count ("talks in Miami",
// "the Miami negotiations", not "the Kremlin did not comment"), near the
// words of the question when the sentence holds some: in "Putin, who
// paid a state visit to India, said his five-hour talks…", India is not
// where the talks were.
func (e *Engine) newPlaces(q *query, s *sentence) []string {
	var out []string
	if q.class.wants == wantPlace {
		var dist []int
		pos := e.matchPositions(q, s)
		// The place must lie in the clause that holds most of the
		// question: in "The meetings in Florida come after Kushner and
		// Witkoff met … Putin", Florida is not where they met Putin.
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
// in one of those: in "the delegation in Florida wanted to hear … on the
// negotiations in the Kremlin", the negotiations were in the Kremlin, and
// the answer does not add Florida.
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
// a locative word (skipping "the" and other places: "in Hallandale
// Beach, Fla."), or before a meeting word ("the Florida talks").
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
// went: right after a destination word ("a visit to India", "returning
// to the Kremlin").
func (e *Engine) destinationAt(toks []token, m mention) bool {
	i := m.from - 1
	for i >= 0 && (toks[i].word == "the" || e.placeAt(toks, i)) {
		i--
	}
	return i >= 0 && e.rules.destination[toks[i].word]
}

// placeAt reports whether token i is part of a place's name.
func (e *Engine) placeAt(toks []token, i int) bool {
	for _, a := range e.rules.aliases[toks[i].word] {
		if e.rules.entities[a.entity].Kind == "place" && !e.rules.entities[a.entity].Generic {
			return true
		}
	}
	return false
}

// matchPositions are the positions in s of the words (not entities) q
// uses; for a where-question, of words saying where too ("took place",
// "held").
func (e *Engine) matchPositions(q *query, s *sentence) []int {
	var out []int
	venue := stem("venue")
	venueWords := e.rules.synonyms[venue]
	for i, t := range s.toks {
		if q.class.wants == wantPlace && (t.stem == venue || contains(venueWords, t.stem)) {
			out = append(out, i)
			continue
		}
		for _, qt := range q.terms {
			if qt.term[0] == '@' {
				continue
			}
			if t.stem == qt.term || contains(qt.alts, t.stem) {
				out = append(out, i)
				break
			}
		}
	}
	return out
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
			if !q.words[w] && w != "on" && w != "late" && w != "early" && w != "this" && w != "last" {
				inQ = false
			}
		}
		if !inQ {
			out = append(out, d.Object)
		}
	}
	return out
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

// newQuantities are the numbers s states (as written: "30,000 men",
// "1.2 million") that q does not: those counting a noun q uses first,
// else all of them.
func newQuantities(q *query, s *sentence) []string {
	var fit, other []string
	for _, f := range s.facts.quantities {
		if q.words[fold(f.Value)] || q.words[strings.ReplaceAll(fold(f.Value), ",", "")] {
			continue
		}
		if f.Subject != "" && (q.words[f.Subject] || q.units[f.Subject]) {
			fit = append(fit, f.Object)
		} else {
			other = append(other, f.Object)
		}
	}
	if len(fit) > 0 {
		return fit
	}
	return other
}

// newCounts are the counts in s that fit the question's unit and side
// and that the question does not already state.
func (e *Engine) newCounts(q *query, s *sentence) []countFact {
	var out []countFact
	for _, c := range s.facts.counts {
		// The count must be of what the question counts: a unit it
		// names ("points", "how long") or a noun it uses ("countries").
		if !q.units[c.Subject] && !q.words[c.Subject] {
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
	at := strings.Index(s.Text, phrase)
	if at < 0 {
		return true
	}
	var from, to int = -1, -1
	for i, t := range s.toks {
		if t.start >= at && t.start < at+len(phrase) {
			if from < 0 {
				from = i
			}
			to = i + 1
		}
	}
	if from < 0 {
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

// answer runs the whole pipeline.
func (e *Engine) answer(ctx context.Context, question string, explain bool) (Answer, []scored, error) {
	text := Normalize(question)
	echo := neutralize(text)
	ix, err := e.current(ctx)
	if err != nil {
		return Answer{}, nil, fmt.Errorf("answer: %w", err)
	}
	refuse := func() Answer {
		return Answer{Question: echo, Answer: RefusalPrefix + " " + ix.hint, Quotes: []Quote{}}
	}
	q := e.analyse(ix, text)
	var ex *Explanation
	if explain {
		ex = &Explanation{Class: q.class.name, Wants: q.class.wants, Threshold: e.threshold, Candidates: []Candidate{}, Corrections: q.corrections, Unknown: q.unknown}
		for _, t := range q.terms {
			ex.Terms = append(ex.Terms, t.term)
		}
		for id := range q.entities {
			ex.Entities = append(ex.Entities, id)
		}
		sort.Strings(ex.Entities)
	}
	done := func(a Answer, decision string, ranked []scored) (Answer, []scored, error) {
		if ex != nil {
			ex.Decision = decision
			a.Explain = ex
		}
		return a, ranked, nil
	}
	if len(q.terms) == 0 {
		return done(refuse(), "refused: the question has no words to look for", nil)
	}
	if q.offTopic != "" {
		return done(refuse(), fmt.Sprintf("refused: %q marks a topic the articles do not cover", q.offTopic), nil)
	}
	if q.speaker != "" && e.rules.entities[q.speaker].Kind == "person" && !ix.speakers[q.speaker] {
		return done(refuse(), fmt.Sprintf("refused: the articles quote no words of %s", e.rules.entities[q.speaker].Name), nil)
	}
	ranked := e.rank(ix, q)
	if ex != nil {
		for i, c := range ranked {
			if i == 8 {
				break
			}
			ex.Candidates = append(ex.Candidates, e.candidate(c))
		}
	}
	if len(ranked) == 0 {
		return done(refuse(), "refused: no sentence shares a word with the question", nil)
	}
	x := e.evidence(ix, q, ranked)
	conf := round3(e.confidence(x))
	if ex != nil {
		ex.Evidence = map[string]float64{}
		for i, v := range x {
			ex.Evidence[evidenceNames[i]] = round3(v)
		}
	}
	refuseWith := func(why string) (Answer, []scored, error) {
		a := refuse()
		a.Confidence = conf
		return done(a, "refused: "+why, ranked)
	}
	if conf < e.threshold {
		return refuseWith(fmt.Sprintf("confidence %.2f of the best sentence is below %.2f", conf, e.threshold))
	}
	if why := e.unsupported(q, ranked[0].s); why != "" {
		return refuseWith(why)
	}
	a := e.compose(ix, q, ranked)
	a.Question = echo
	a.Confidence = conf
	return done(a, fmt.Sprintf("answered: confidence %.2f ≥ %.2f", conf, e.threshold), ranked)
}

func (e *Engine) candidate(c scored) Candidate {
	var facts []string
	f := c.s.facts
	for _, r := range f.roles {
		facts = append(facts, "role "+r.Subject+": "+r.Object)
	}
	for _, sd := range f.saids {
		facts = append(facts, "said by "+sd.Subject)
	}
	for _, n := range f.counts {
		facts = append(facts, fmt.Sprintf("count %s=%s (%s) %s", n.Subject, n.Value, n.Object, n.Predicate))
	}
	for _, d := range f.dates {
		facts = append(facts, "date "+d.Object)
	}
	for _, n := range f.quantities {
		facts = append(facts, "quantity "+n.Object)
	}
	for _, p := range f.learnedPlaces {
		facts = append(facts, "learned place "+p)
	}
	for _, p := range f.places {
		facts = append(facts, "place "+p)
	}
	for _, p := range f.persons {
		facts = append(facts, "person "+p)
	}
	for _, a := range f.agents {
		facts = append(facts, "agent "+a)
	}
	return Candidate{Article: c.s.ArticleID, Sentence: c.s.ID, Text: c.s.Text, Score: round3(c.score), Coverage: round3(c.coverage),
		BM25: round3(c.bm25), Proximity: round3(c.prox), TypeMatch: c.typeMatch, Facts: facts}
}

func round3(f float64) float64 { return math.Round(f*1000) / 1000 }

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

func isCapitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// speaksOfFuture reports whether s talks about what is to come.
func (e *Engine) speaksOfFuture(s *sentence) bool {
	for _, t := range s.toks {
		if e.rules.futureCue[t.word] {
			return true
		}
	}
	return false
}

// holdsRole reports whether s gives person p a role holding every one of
// words (true when there are none).
func (e *Engine) holdsRole(p string, s *sentence, words []string) bool {
	if len(words) == 0 {
		return true
	}
	for _, f := range s.facts.roles {
		if f.Subject != p {
			continue
		}
		all := true
		for _, w := range words {
			all = all && strings.Contains(" "+strings.Join(foldWords(f.Object), " ")+" ", " "+w+" ")
		}
		if all {
			return true
		}
	}
	return false
}

// fittingPersons are the people of s, not named in q, whose role (as s
// gives it, or as the rules know it) shares a word with the question:
// for "who led the Ukrainian delegation", Ukraine's negotiators rather
// than the Americans they met.
func (e *Engine) fittingPersons(q *query, s *sentence) []string {
	var out []string
	for _, p := range e.newPersons(q, s) {
		fits := e.roleFits(q, e.rules.roleStems[p])
		for _, set := range s.facts.roleStems[p] {
			fits = fits || e.roleFits(q, set)
		}
		if fits {
			out = append(out, p)
		}
	}
	return out
}

func (e *Engine) roleFits(q *query, stems map[string]bool) bool {
	for _, t := range q.terms {
		// A named person in the question (Putin) says nothing of which
		// side the answer is on; a country (Ukraine) does.
		if !t.known || (t.term[0] == '@' && !e.rules.entities[t.term[1:]].Generic) {
			continue
		}
		if stems[t.term] {
			return true
		}
	}
	return false
}

// reasonAfter reports whether s gives a reason after the first word it
// shares with the question ("…depends on Russia’s readiness to show…"),
// and whether that reason is stated outright ("because").
func (e *Engine) reasonAfter(q *query, s *sentence, pos []int) (cue, strong bool) {
	first := len(s.toks)
	for _, p := range pos {
		first = min(first, p)
	}
	for i, t := range s.toks {
		if i <= first || q.words[t.word] {
			continue
		}
		if e.rules.reasonCues[t.word] {
			cue = true
		}
		if e.rules.reasonBest[t.word] {
			cue, strong = true, true
		}
	}
	return cue, strong
}

// persons are the people of s the rules know, whether or not q names them.
func (e *Engine) persons(q *query, s *sentence) []string { return s.facts.persons }

// newAgents are the unknown names and agents of s whose words q does not
// already use.
func newAgents(q *query, s *sentence) []string {
	var out []string
	for _, a := range s.facts.agents {
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
