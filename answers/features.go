package answers

import (
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// rankContext is what rank reads off the question once, for every
// candidate sentence.
type rankContext struct {
	ix *index
	q  *query
	// total and total2 are the sum of the terms' weights and of their
	// squares.
	total, total2 float64
	// rarest is the index of the rarest known term, or -1.
	rarest int
	// exact is the terms as the question has them, for BM25.
	exact []string
	// negates is whether the question negates.
	negates bool
	// modal is, for a yes/no question opening with a modal, the words
	// a sentence answering it says (general.yaml's modal_answers).
	modal map[string]bool
	// caps are the stems of the question's capitalised words past its
	// first, question words aside.
	caps []string
	// artShare caches each article's share of the question.
	artShare map[*segment]float64
	// lex holds the word lists ranking reads: anaphors, pronouns for a
	// person named before (lexicon.yaml).
	lex *lexicon
	// last is the place in ix.sents of the sentence the conversation's
	// last answer quoted (q.last), or -1.
	last int32
}

// near reports whether sentence i, of the paragraph sents[lo:hi],
// stands near the last answer's quote: in its paragraph, or just after
// it in its article, opening the next paragraph (the passage goes on).
// Not the quote itself, as a follow-up asks what the last answer did not
// say, nor the sentence just before it across a break, which closes
// another passage.
func (rc *rankContext) near(i, lo, hi int32) bool {
	switch last := rc.last; {
	case last < 0 || last == i:
		return false
	case last >= lo && last < hi:
		return true
	default:
		return i == last+1 && rc.ix.sents[last].ArticleID == rc.ix.sents[i].ArticleID
	}
}

// nearFeature is the feature a sentence near the last answer's quote
// takes: near_last, or near_tried when the last question was refused
// and the "quote" is only where its best sentence stood.
func (rc *rankContext) nearFeature() int {
	if rc.q.last.refused {
		return fTried
	}
	return fNear
}

func (e *Engine) newRankContext(ix *index, q *query) *rankContext {
	rc := &rankContext{ix: ix, q: q, rarest: -1, exact: make([]string, len(q.terms)), artShare: map[*segment]float64{}, lex: e.rules.lex, last: ix.sentenceAt(q.last)}
	for k, t := range q.terms {
		rc.total += t.weight
		rc.total2 += t.weight * t.weight
		if !t.names {
			rc.exact[k] = t.term // a word naming the article names no sentence of it
		}
		if t.known && (rc.rarest < 0 || t.weight > q.terms[rc.rarest].weight) {
			rc.rarest = k
		}
	}
	rc.negates = e.negates(q.toks)
	if q.class.name == "yesno" {
		rc.modal = e.rules.modalAnswer[q.firstWord()]
	}
	for _, t := range q.toks {
		if t.start > 0 && isCapitalised(t.raw) && !e.rules.questionWord[t.word] {
			rc.caps = append(rc.caps, t.stem)
		}
	}
	return rc
}

// features reads the features of sentence i that do not depend on the
// other candidates; weigh and addPhrases complete its score.
func (e *Engine) features(rc *rankContext, i int32) scored {
	q, s := rc.q, &rc.ix.sents[i]
	c := scored{s: s, conf: 1}
	// s's paragraph is sents[lo:hi].
	lo, hi := rc.ix.paragraphAt(i)
	matched, pos := e.termMatches(rc, &c, i, lo)
	c.para = rc.paragraphShare(lo, hi)
	rc.neighbourShares(i, lo, hi, &c)
	if rc.near(i, lo, hi) && !s.title {
		// Not the paragraph's title line, which only names the topic.
		c.feat[rc.nearFeature()] = 1
	}
	c.feat[fArt] = rc.articleShare(s)
	if rc.negates && !e.negates(s.toks) {
		c.feat[fNegMiss] = 1
	}
	if !rc.negates && q.class.name == "yesno" && e.negates(s.toks) {
		// "Did Ames bow to the mayor?" — "But Ames bowed not": a
		// yes/no question is often answered no.
		c.feat[fNegYes] = 1
	}
	if rc.modal != nil && slices.ContainsFunc(s.toks, func(t token) bool { return rc.modal[t.word] }) {
		// "Can the toolbar be changed?" — "Its content can be edited."
		c.feat[fModal] = 1
	}
	if q.class.wants == wantNumber && e.anyNumber(q, s) {
		c.feat[fAnyNum] = 1
	}
	if len(rc.caps) > 0 {
		n := 0
		for _, st := range rc.caps {
			if s.hasStem(st) {
				n++
			}
		}
		c.feat[fCaps] = float64(n) / float64(len(rc.caps))
	}
	c.coverage = matched / rc.total
	c.named /= rc.total
	c.bm25 = rc.ix.bm25(s, rc.exact)
	if i > lo && continuesQuote(&rc.ix.sents[i-1], s) {
		// One quotation over two sentences is one utterance: the
		// words of its opening sentence are its closing one's too
		// ("“The harbour matters most. … ,” she said on Monday.").
		c.coverage += c.feat[fNbr] + c.feat[fNbrAna]
		c.bm25 = math.Max(c.bm25, rc.ix.bm25(&rc.ix.sents[i-1], rc.exact))
	}
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
	if c.typeMatch && len(pos) > 0 {
		var texts []string
		switch q.class.wants {
		case wantDate:
			texts = newDates(q, s)
		case wantNumber:
			for _, n := range e.newCounts(q, s) {
				texts = append(texts, n.text)
			}
			texts = append(texts, newQuantities(q, s)...)
		}
		c.typeFar = len(texts) > 0 && !textsNear(s, texts, pos, typeReach)
	}
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
	return c
}

// termMatches credits c with the question's terms its sentence holds (a
// synonym at synonymCredit; an entity only its article names at
// contextCredit, one the article never names lowers c.conf) and returns
// the weight matched and the positions of the words that matched.
func (e *Engine) termMatches(rc *rankContext, c *scored, i, lo int32) (float64, []int) {
	s := c.s
	byPronoun := rc.pronounHeld(i, lo)
	c.pronounHeld = len(byPronoun) > 0
	matched := 0.0
	var pos []int
	held, held2 := 0, 0.0
	// h is the paragraph's title line ("Release 2.1 (March 1999): …")
	// when s is another sentence of it. A title line's own name counts
	// for it as for the paragraph's other sentences: the name alone does
	// not make it the answer.
	var h *sentence
	titleEnd := -1
	if lead := &rc.ix.sents[lo]; lead.title && lead != s {
		h = lead
	} else if lead == s && s.title {
		if titleEnd = strings.IndexByte(s.Text, ':'); titleEnd < 0 {
			titleEnd = len(s.Text) // a name and its dates: all heading
		}
	}
	hold := func(k int, t qterm) {
		held++
		held2 += t.weight * t.weight
		if k == rc.rarest {
			c.feat[fRare] = 1
		}
	}
	for k, t := range rc.q.terms {
		if t.names && rc.articleNamed(s, t) {
			// A word said only in a source phrase naming a piece of
			// writing names the article ("deadlock piece - who …"):
			// for the ranking each of its sentences holds it alike,
			// the one that says it no more than the others. The
			// confidence still counts it only where the sentence
			// says it.
			if _, ok := s.terms[t.term]; ok {
				matched += t.weight
			} else {
				c.named += t.weight
			}
			hold(k, t)
			continue
		}
		if p, ok := s.terms[t.term]; ok {
			if titleEnd >= 0 && s.toks[p].start < titleEnd {
				matched += t.weight * headingCredit
			} else {
				matched += t.weight
			}
			pos = append(pos, p)
			hold(k, t)
			continue
		}
		// A synonym, else a known word's WordNet synonym ("How were
		// the villages governed?" — "… were ruled by …").
		p, found := s.firstHeld(t.alts)
		credit := synonymCredit
		if !found {
			p, found = s.firstHeld(t.weak)
			credit = weakCredit
		}
		if found {
			matched += t.weight * credit
			pos = append(pos, p)
			hold(k, t)
		}
		if !found && (byPronoun[k] || rc.subjectHeld(i, lo, t)) {
			// "Later he started …" after a sentence naming the
			// person the follow-up's "he" stands for; "They were
			// based in …" after one naming the question's name.
			matched += t.weight * corefCredit
			hold(k, t)
			continue
		}
		if !found && h != nil && h.matches(t.term, t.alts) {
			// The paragraph's title line names what its sentences are
			// about ("Release 2.1 (March 1999): …. With Ann Lee as
			// leader, this release …").
			matched += t.weight * headingCredit
			hold(k, t)
			continue
		}
		if found || t.term[0] != '@' || !t.known {
			continue
		}
		// An entity the sentence leaves out but its article names
		// is likely the sentence's context ("two days of meetings"
		// in an article on the Bayton talks); one the article never
		// names means the sentence is about something else.
		if rc.ix.articleHas(s.ArticleID, t.term) {
			matched += t.weight * contextCredit
		} else if !e.rules.entities[t.term[1:]].Generic {
			c.conf *= missingEntityFactor
		}
	}
	c.feat[fCount] = float64(held) / float64(len(rc.q.terms))
	c.feat[fCov2] = held2 / rc.total2
	return matched, pos
}

// articleNamed reports whether s's article holds t, a term said only in
// a source phrase naming a piece of writing: a name it names, or a word
// one of its sentences says.
func (rc *rankContext) articleNamed(s *sentence, t qterm) bool {
	if t.term[0] == '@' {
		return rc.ix.articleHas(s.ArticleID, t.term)
	}
	return s.seg.holds(t.term, t.alts)
}

// subjectHeld reports whether sentence i (its paragraph starting at lo)
// holds t, a name the question writes capitalised, as its subject by a
// pronoun: it opens with "They", "It", "Its" … (subject_pronouns) and
// the sentence before it in its paragraph names t. "They were based in
// upstate New York" after "The Iroquois Confederacy … was a group of
// nations" speaks of the Confederacy.
func (rc *rankContext) subjectHeld(i, lo int32, t qterm) bool {
	s := &rc.ix.sents[i]
	if i <= lo || len(s.toks) == 0 || !rc.lex.subjectPronouns[s.toks[0].word] {
		return false
	}
	if !contains(rc.caps, t.term) && (!rc.lex.thingSubjects[s.toks[0].word] || rc.lex.expletiveSoon(s.toks)) {
		// "He", "they": a person or a people, which the question
		// names; "It has been shown that …": nothing.
		return false
	}
	return rc.ix.sents[i-1].matches(t.term, t.alts)
}

// paragraphShare is the share of the question that the paragraph
// sents[lo:hi] holds: a question written about a paragraph uses words of
// its other sentences too.
func (rc *rankContext) paragraphShare(lo, hi int32) float64 {
	sents := rc.ix.sents
	pm := 0.0
	for _, t := range rc.q.terms {
		if t.names && rc.articleNamed(&sents[lo], t) {
			pm += t.weight // the article's, every paragraph's alike
			continue
		}
		for j := lo; j < hi; j++ {
			if sents[j].matches(t.term, t.alts) {
				pm += t.weight
				break
			}
		}
	}
	return pm / rc.total
}

// neighbourShares sets the shares of the question held only by the
// sentence before i in its paragraph sents[lo:hi] (fNbrAna when i opens
// with a word pointing back to it, fNbr otherwise), only by the one after
// (fNext) and only by the paragraph's first sentence when that is further
// back (fLead: "Release 1.1 (June 1996): …. This release contained …").
func (rc *rankContext) neighbourShares(i, lo, hi int32, c *scored) {
	sents, s := rc.ix.sents, c.s
	// only is the share held by o and not by s.
	only := func(o *sentence) float64 {
		m := 0.0
		for _, t := range rc.q.terms {
			if !s.matches(t.term, t.alts) && o.matches(t.term, t.alts) {
				m += t.weight
			}
		}
		return m / rc.total
	}
	if lo < i-1 {
		c.feat[fLead] = only(&sents[lo])
	}
	if i > lo {
		if len(s.toks) > 0 && rc.lex.anaphors[s.toks[0].word] || rc.lex.pointsAhead(&sents[i-1]) {
			c.feat[fNbrAna] = only(&sents[i-1])
		} else {
			c.feat[fNbr] = only(&sents[i-1])
		}
	}
	if i+1 < hi {
		c.feat[fNext] = only(&sents[i+1])
	}
}

// aheadFirst puts, when the best of ranked ends pointing to the sentence
// after it ("An example of a decision problem is the following."), that
// sentence first if it is a candidate: the example is what answers, not
// its announcement.
func (e *Engine) aheadFirst(ix *index, ranked []scored) []scored {
	if len(ranked) < 2 || !e.rules.lex.pointsAhead(ranked[0].s) {
		return ranked
	}
	return nextFirst(ix, ranked)
}

// nextFirst puts the sentence after the best of ranked first when it is
// a candidate; ranked as it is otherwise.
func nextFirst(ix *index, ranked []scored) []scored {
	n := ix.next(ranked[0].s)
	if n == nil {
		return ranked
	}
	if i := slices.IndexFunc(ranked[1:], func(c scored) bool { return c.s == n }); i >= 0 {
		return toFront(ranked, i+1)
	}
	return ranked
}

// echoFirst puts, when the best of ranked says nothing the question does
// not — each of its words a stop word, a letter or a word of the question
// ("MONARCH, n." for "How is a monarch defined?") — the sentence after it
// first if it is a candidate: an answer is what the question does not
// say. Not after a heading that names the answer ("Ben Dorn (1790–1850).
// First pilot to sail the Marsh channel."), nor for a yes/no question,
// which a sentence saying back its words answers, nor for a choice, whose
// answer is one of its words ("small stuff or big?" answered "These are
// big concessions."), nor for "how big" or the like answered by a word
// saying how big ("How large are the repairs?" answered "These are big
// repairs.", though "big" is a synonym of "large").
func (e *Engine) echoFirst(ix *index, q *query, ranked []scored) []scored {
	if len(ranked) < 2 || q.option || q.class.name == "yesno" || q.words["or"] || e.afterHeading(ix, ranked[0].s) || !e.echoes(q, ranked[0].s) || e.degreeSaid(q, ranked[0].s) {
		return ranked
	}
	return nextFirst(ix, ranked)
}

// afterHeading reports whether the sentence before s is its paragraph's
// heading: a name and its dates, or a title and a colon.
func (e *Engine) afterHeading(ix *index, s *sentence) bool {
	p := ix.previous(s)
	return p != nil && e.rules.lex.titleLine(p.Text, p.toks)
}

// echoes reports whether s says no word of its own beside q's: each word
// a stop word, a single Latin letter or one q says. A number q does not
// say is s's own ("The "east" pattern has 8 strokes."), and so is a
// character of a script that writes a word in one. A question in the
// text is read like any sentence: it may hold the answer ("In what sense
// could he be called "the son of Heli"?").
func (e *Engine) echoes(q *query, s *sentence) bool {
	for _, t := range s.toks {
		if !latinLetter(t.word) && !e.stopword(t.word) && !q.words[t.word] && !q.words[t.stem] && !q.hasTerm(t.stem) {
			return false
		}
	}
	return true
}

// latinLetter reports whether w is one letter of the Latin script ("n",
// "é").
func latinLetter(w string) bool {
	r, size := utf8.DecodeRuneInString(w)
	return size == len(w) && unicode.Is(unicode.Latin, r)
}

// hasTerm reports whether the stem st is one of q's terms or of their
// other forms.
func (q *query) hasTerm(st string) bool {
	return slices.ContainsFunc(q.terms, func(t qterm) bool { return t.term == st || slices.Contains(t.alts, st) })
}

// continuationFirst puts, when the sentence after the best of ranked
// opens with a pronoun for it ("Initially Harbourcorp provided Westland
// Travel to the service." — "However, this was replaced by Westland
// Three …") and says a word of the question the best does not, that
// sentence first: the best names what is asked about, the next says it.
// Only when it ranks second or third, within continuationShare of the
// best's score, and the question wants no type the best already gives.
func (e *Engine) continuationFirst(ix *index, q *query, ranked []scored) []scored {
	if len(ranked) < 2 || q.class.wants != wantDescription && ranked[0].typeMatch {
		return ranked
	}
	n := ix.next(ranked[0].s)
	if n == nil || !e.pointsBack(n) {
		return ranked
	}
	i := slices.IndexFunc(ranked[1:], func(c scored) bool { return c.s == n })
	if i < 0 || i > 1 || ranked[i+1].score < continuationShare*ranked[0].score {
		return ranked
	}
	for _, t := range q.terms {
		if n.matches(t.term, t.alts) && !ranked[0].s.matches(t.term, t.alts) {
			return toFront(ranked, i+1)
		}
	}
	return ranked
}

// continuationShare is the least share of the best's score the sentence
// after it needs to be put first.
const continuationShare = 0.8

// pointsBack reports whether s opens, past a connective ("However,"),
// with a pronoun for its subject ("It is …", "this was replaced …").
func (e *Engine) pointsBack(s *sentence) bool {
	i := 0
	if len(s.toks) > 2 && e.rules.lex.connectives[s.toks[0].word] {
		i = 1
	}
	if i >= len(s.toks) {
		return false
	}
	w := s.toks[i].word
	if w == "this" {
		// "this was replaced", not "This type forms …"
		return i+1 < len(s.toks) && e.verbAfter(s.toks[i+1].word)
	}
	return e.rules.lex.subjectPronouns[w] && !(w == "it" && e.rules.lex.expletiveSoon(s.toks[i:]))
}

// verbAfter reports whether w, after a subject, reads as its verb: an
// auxiliary ("was", "has") or a word of five letters or more ending as a
// verb in the third person or the past does (lexicon.yaml's
// verb_endings: "solves", "replaced"; not its non_verb_endings: "class",
// "analysis").
func (e *Engine) verbAfter(w string) bool {
	if e.rules.copula[w] || e.rules.auxiliary[w] {
		return true
	}
	l := e.rules.lex
	return len(w) > 4 && endsWithAny(w, l.verbEndings) && !endsWithAny(w, l.nonVerbEndings)
}

// toFront is ranked with its i-th candidate put first, the others in
// their order, in a new slice.
func toFront(ranked []scored, i int) []scored {
	out := make([]scored, 0, len(ranked))
	out = append(out, ranked[i])
	out = append(out, ranked[:i]...)
	return append(out, ranked[i+1:]...)
}

// pointsAhead reports whether s ends pointing to the sentence after it:
// with a colon, or with a cataphor ("… is the following.").
func (l *lexicon) pointsAhead(s *sentence) bool {
	text := strings.TrimSpace(s.Text)
	if strings.HasSuffix(text, ":") {
		return true
	}
	return len(s.toks) > 0 && l.cataphors[s.toks[len(s.toks)-1].word]
}

// articleShare is the share of the question that s's article holds,
// read once per article.
func (rc *rankContext) articleShare(s *sentence) float64 {
	if a, ok := rc.artShare[s.seg]; ok {
		return a
	}
	am := 0.0
	for _, t := range rc.q.terms {
		if s.seg.holds(t.term, t.alts) {
			am += t.weight
		}
	}
	rc.artShare[s.seg] = am / rc.total
	return am / rc.total
}

// titleLine reports whether text (tokens toks) opens with a name and a
// colon, a paragraph's title: "Release 1.1 Buzz (June 17th, 1996): This
// was …". Before the colon every word is capitalised or a number, at most
// ten of them.
func (l *lexicon) titleLine(text string, toks []token) bool {
	c := strings.IndexByte(text, ':')
	if c <= 0 || c > 80 {
		return l.nameLine(text, toks)
	}
	n := 0
	for _, t := range toks {
		if t.start >= c {
			break
		}
		if n++; n > 10 || !isCapitalised(t.raw) && !isNumber(t.word) && !isOrdinal(t.word) {
			return false
		}
	}
	return n > 0
}

// nameLine reports whether text is a name and its dates alone, a
// paragraph's heading: "Hernando de Soto (1496-1542)." — capitalised
// words (and the lower-case words names hold, name_joins), then a bracket
// holding a number, and nothing after it but a full stop.
func (l *lexicon) nameLine(text string, toks []token) bool {
	open := strings.IndexByte(text, '(')
	if open <= 0 || open > 80 || !strings.HasSuffix(strings.TrimRight(text, ". "), ")") {
		return false
	}
	n, digits := 0, false
	for _, t := range toks {
		if t.start < open {
			if !isCapitalised(t.raw) && !l.nameJoins[t.word] {
				return false
			}
			n++
		} else {
			digits = digits || isNumber(t.word)
		}
	}
	return n > 0 && n <= 6 && digits
}

// continuesQuote reports whether s closes a quotation prev opened and
// left open.
func continuesQuote(prev, s *sentence) bool {
	open := strings.Count(prev.Text, "“") - strings.Count(prev.Text, "”")
	if open <= 0 {
		return false
	}
	c, o := strings.Index(s.Text, "”"), strings.Index(s.Text, "“")
	return c >= 0 && (o < 0 || c < o)
}

// typeReach is how many words from the question's words in a sentence
// the date a when question wants, or the count a how-many question does,
// may stand and count whole for it.
const typeReach = 5

// textsNear reports whether one of texts (the dates or counts of s a
// question wants) stands within reach words of one of the positions pos
// of its matched words: in "… in Palmshire, with Ames, … follow the
// talks Tuesday between Dorn and …" Tuesday is the talks', not the
// meeting's.
func textsNear(s *sentence, texts []string, pos []int, reach int) bool {
	for _, d := range texts {
		at := strings.Index(s.Text, d)
		if at < 0 {
			return true // written otherwise: nothing to measure
		}
		for k, t := range s.toks {
			if t.end <= at || t.start >= at+len(d) {
				continue
			}
			for _, p := range pos {
				if max(p-k, k-p) <= reach {
					return true
				}
			}
		}
	}
	return false
}
