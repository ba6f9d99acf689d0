package answers

import (
	"math"
	"slices"
	"sort"
	"strings"
)

const (
	// synonymCredit is how much a synonym counts against the word itself.
	synonymCredit = 0.7
	// weakCredit is how much a WordNet synonym of a word the articles
	// use counts against the word (qterm.weak).
	weakCredit = 0.5
	// missingTypeFactor scales the confidence of a sentence that lacks
	// the kind of answer the question wants (a place for "where").
	missingTypeFactor = 0.5
	// missingEntityFactor scales the confidence of a sentence for each
	// named entity of the question it does not mention.
	missingEntityFactor = 0.75
	// pastFactor scales the confidence of a sentence that does not speak
	// of the future, for a question that asks about it.
	pastFactor = 0.7
	// headingCredit is how much a word of the paragraph's title line
	// counts for the paragraph's other sentences.
	headingCredit = 0.8
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
	// placeCredit is what a sentence gains for standing where the
	// question says in its writing ("the closing line"): as much as the
	// answer type weighs.
	placeCredit = 4.5
)

// scored is a candidate sentence with its scores.
type scored struct {
	s        *sentence
	score    float64
	coverage float64
	// named is the share of the question's weight its source phrase's
	// words give s by naming s's article, not said in s: the ranking
	// counts it with coverage, the confidence does not.
	named     float64
	bm25      float64
	prox      float64
	conf      float64
	typeMatch bool
	strongCue bool
	ownWords  bool
	// typeFar: the answer of the type wanted stands far from the
	// question's words (textsNear).
	typeFar bool
	// pronounHeld: it speaks of a person a follow-up's pronoun stood for
	// as "he", or as "I" inside their quotation (pronounHeld).
	pronounHeld bool
	bigram      float64
	para        float64
	feat        [nFeat]float64
}

// Ranking features of a candidate sentence.
const (
	fCov     = iota // IDF-weighted share of the question's terms it holds
	fBM             // BM25, over the best candidate's
	fProx           // how close together the matched words are
	fType           // it holds the wanted type of answer
	fBigram         // share of the question's word pairs it holds in order
	fPara           // share of the question's terms its paragraph holds
	fNbr            // share held only by the sentence before it
	fNbrAna         // the same, when it opens with a pronoun ("It…")
	fCue            // a stated reason ("because") for a why-question
	fOwn            // the speaker's own words for a what-did-X-say question
	fFit            // a person whose role fits a who-question
	fSubj           // its subject is the yes/no question's subject
	fExact          // share of the question's content words it holds as written
	fRun2           // share of the question's two-word runs (stems, stop words too) it holds
	fRun3           // share of its three-word runs
	fRun            // longest run of the question's words it holds in order, up to runCap
	fRare           // it holds the question's rarest known term
	fCov2           // coverage with squared IDF weights: rare words count more
	fCount          // share of the question's terms it holds, unweighted
	fArt            // share of the question's terms its article holds
	fNext           // share held only by the sentence after it
	fNegMiss        // the question negates and the sentence does not
	fAnyNum         // a how-many question, and the sentence holds a number it does not
	fCaps           // share of the question's capitalised words it holds
	fLead           // share held only by its paragraph's first sentence, further back
	fNegYes         // a yes/no question that negates nothing, and a sentence that negates: its answer may be no
	fModal          // a yes/no question opening with a modal, and a sentence saying a word that answers it ("can", "may")
	fNear           // a follow-up, and the sentence stands near the last answer's quote (rankContext.near)
	fTried          // the same, near the best sentence of the last question, refused
	nFeat
)

// featureNames name the ranking features in general.yaml's rank
// weights.
var featureNames = [nFeat]string{"coverage", "bm25", "proximity", "type", "bigram", "paragraph", "neighbour", "neighbour_pronoun",
	"cue", "own_words", "fit", "subject", "exact", "run2", "run3", "run", "rare", "coverage2", "count", "article", "next",
	"negation_missing", "any_number", "capitals", "lead", "negation_said", "modal", "near_last", "near_tried"}

// phraseFeatures are the features read last, for the candidates that can
// still matter (rules.phraseBonus is the most they can add to a score).
var phraseFeatures = [...]int{fBigram, fExact, fRun2, fRun3, fRun}

// bigrams is the share of the question's adjacent content-word pairs
// (q.pairs) that s holds in order within three words.
func bigrams(q *query, s *sentence) float64 {
	if len(q.pairs) == 0 {
		return 0
	}
	n := 0
	for _, p := range q.pairs {
	pair:
		for i, t := range s.toks {
			if t.stem != p[0] {
				continue
			}
			for j := i + 1; j < len(s.toks) && j <= i+3; j++ {
				if s.toks[j].stem == p[1] {
					n++
					break pair
				}
			}
		}
	}
	return float64(n) / float64(len(q.pairs))
}

// rank scores the candidate sentences for q, best first. Once the
// candidates are picked, the terms naming one's outlet are set aside in
// q.outlets (creditOutlets): the ranking does not look for them.
func (e *Engine) rank(ix *index, q *query) []scored {
	if len(q.terms) == 0 || len(ix.sents) == 0 {
		return nil
	}
	top := e.retrieve(ix, q)
	e.creditOutlets(ix, q, top)
	rc := e.newRankContext(ix, q)
	out := make([]scored, 0, len(top))
	maxBM := 0.0
	for _, i := range top {
		if ix.sents[i].Heading {
			continue
		}
		c := e.features(rc, i)
		maxBM = math.Max(maxBM, c.bm25)
		out = append(out, c)
	}
	for i := range out {
		e.weigh(q, &out[i], maxBM)
		if q.place != placeNone && ix.atPlace(out[i].s, q.place, q.placeParagraph) {
			out[i].score += placeCredit
		}
	}
	e.addPhrases(q, out)
	sort.SliceStable(out, func(a, b int) bool {
		if out[a].score != out[b].score {
			return out[a].score > out[b].score
		}
		return out[a].s.ID < out[b].s.ID
	})
	return out
}

// weigh turns c's features into its score and its confidence, with BM25
// read against the best candidate's (maxBM).
func (e *Engine) weigh(q *query, c *scored, maxBM float64) {
	bm := 0.0
	if maxBM > 0 {
		bm = c.bm25 / maxBM
	}
	t := 0.0
	if c.typeMatch {
		t = 1
		if c.typeFar {
			t = farTypeCredit
		}
	}
	c.feat[fCov], c.feat[fBM], c.feat[fProx], c.feat[fType], c.feat[fPara] = c.coverage+c.named, bm, c.prox, t, c.para
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
		// "Did Eastland accept…" is about what Eastland did: a sentence
		// whose subject is Eastland (or the Citadel, or Dorn) beats one
		// where Eastland is pushed to do it.
		c.feat[fSubj] = 1
	}
	c.score = 0
	for k, w := range e.rules.rankWeights {
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

// addPhrases adds the phrase features, which cost most, to the scores of
// the candidates that could still come within conflictShare of the best
// with them, so every score compose compares is the same as reading them
// all.
func (e *Engine) addPhrases(q *query, out []scored) {
	bestPartial := 0.0
	for i := range out {
		bestPartial = math.Max(bestPartial, out[i].score)
	}
	floor := min(conflictShare, relevantShare)*bestPartial - e.rules.phraseBonus
	runBuf := make([]int, 0, 64)
	for i := range out {
		c := &out[i]
		if c.score < floor {
			continue
		}
		c.bigram = bigrams(q, c.s)
		c.feat[fBigram] = c.bigram
		c.feat[fExact] = exactShare(q.plain, c.s)
		var longest int
		c.feat[fRun2], c.feat[fRun3], longest = runs(q.seq, c.s, runBuf)
		c.feat[fRun] = float64(longest) / runCap
		for _, k := range phraseFeatures {
			c.score += e.rules.rankWeights[k] * c.feat[k]
		}
	}
}

// hasWanted reports whether s holds an answer of the type q wants that
// the question does not already give.
func (e *Engine) hasWanted(q *query, s *sentence) bool {
	f := s.facts
	switch q.class.wants {
	case wantPerson:
		if len(q.described) > 0 {
			// "Who is Westland's top security official?": the
			// sentence must give the name.
			for _, p := range q.described {
				if e.names(s, p) {
					return true
				}
			}
			return false
		}
		// "Who said the territorial issue is the most important?": a
		// quote whose speaker another sentence of it names.
		if e.asksSpeaker(q) && e.quotesNew(q, s) {
			return true
		}
		// "Who took a photo…": a sentence that says nothing of a photo
		// names no one who took it.
		if !doesVerb(q, s) {
			return e.byNameNew(q, s)
		}
		if e.strandedName(q, s) {
			return true
		}
		// "Which general…": someone the sentence gives that title, or
		// else its article or the pack ("Dorn asked Ames …" and
		// "adviser Ann Ames" elsewhere).
		for _, p := range e.newPersons(q, s) {
			if e.holdsRole(p, s, q.roleWords) || roleHolds(e.knownRoles(s, p), q.roleWords) {
				return true
			}
		}
		// Else a doer the rules do not know, when no title is asked for,
		// or a place or body acting ("criticism from Eastgate and…").
		if len(q.roleWords) == 0 && len(e.persons(q, s)) == 0 && len(newAgents(q, s)) > 0 {
			return true
		}
		// A name the rules do not know beside the title asked for ("with
		// Ann Berg as leader").
		if len(q.roleWords) > 0 && len(newAgents(q, s)) > 0 && holdsAll(s, q.roleWords) {
			return true
		}
		return len(q.roleWords) == 0 && (e.actor(q, s) != "" || e.groupNew(q, s) || e.personNounNew(q, s))
	case wantRole:
		// The sentence must name the person, not only stand in for them
		// ("the Eastland leader"), and give their role.
		for _, r := range f.roles {
			if q.entities[r.Subject] && e.names(s, r.Subject) {
				return true
			}
		}
		return false
	case wantPlace:
		return len(e.newPlaces(q, s)) > 0 || q.reference && e.saysReference(q, s) || len(newLearnedPlaces(q, s)) > 0 || e.placePhrase(q, s) || e.destinationName(q, s) != "" || e.headedPlace(q, s) != "" || e.addressSpan(q, s) != "" || e.originSpan(q, s) != "" || e.wherePhraseAnswers(q, s)
	case wantDate:
		if q.clock {
			return e.saysClock(q, s)
		}
		return len(newDates(q, s)) > 0 || (q.future || q.conditional) && e.saysCondition(q, s) || !q.future && (e.saysTime(q, s) || e.ordinalTime(q, s))
	case wantNumber:
		// Counts (side-aware, unit-aware) first, then quantities that
		// answer.
		// A question asking for a place in an order takes an ordinal.
		if q.share {
			return len(shares(q, s)) > 0
		}
		if q.price {
			return len(e.prices(q, s)) > 0
		}
		return len(e.newCounts(q, s)) > 0 || len(e.answeringQuantities(q, s)) > 0 || q.rank && e.newOrdinal(q, s) || e.bareDuration(q, s) || e.degreeSaid(q, s)
	case wantQuote:
		for _, sd := range f.saids {
			if q.speaker == "" || sd.Subject == q.speaker || contains(e.rules.synonyms["@"+q.speaker], "@"+sd.Subject) {
				return true
			}
		}
		// A speaker no pack lists is no entity, so no said fact names
		// them ("Northwind claimed that …"): with no speaker the rules
		// know asked about, a speech verb or quoted words will do.
		if q.stance && e.takesStance(s) && (q.speaker == "" || e.names(s, q.speaker)) {
			// "What is Westland's position on the plan?": "Westland
			// firmly opposes the plan."
			return true
		}
		return q.speaker == "" && e.speaks(s)
	case wantExpansion:
		return e.expansion(q, s) != ""
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

// speaks reports whether s reports speech: a speech verb, or quoted
// words.
func (e *Engine) speaks(s *sentence) bool {
	for _, t := range s.toks {
		if e.rules.lex.speechVerbs[t.word] {
			return true
		}
	}
	return quotedText(s.Text) != ""
}

// takesStance reports whether s says where someone stands with a stance
// verb (lexicon.yaml's stance_verbs: "opposes", "backed").
func (e *Engine) takesStance(s *sentence) bool {
	return slices.ContainsFunc(s.toks, func(t token) bool { return e.rules.lex.stanceVerbs[t.word] })
}

// subjectIs reports whether the sentence is about what entity id (or one
// standing for it) did or said: the entity named before the matched words
// in their clause, else its speaker, else the first entity it names.
func (e *Engine) subjectIs(q *query, s *sentence, id string) bool {
	first := ""
	// The doer of the matched words: the first entity named before them
	// in their clause ("…, though the Citadel is yet to fully endorse").
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

// speaksOfFuture reports whether s talks about what is to come.
func (e *Engine) speaksOfFuture(s *sentence) bool {
	for _, t := range s.toks {
		if e.rules.futureCue[t.word] {
			return true
		}
	}
	return false
}

// strandedName reports whether q ends with a preposition
// (stranded_prepositions: "Who does Harbourcorp have its licence from?")
// and s names, right after the same preposition, something the question
// does not ("… its licence from Ofcom").
func (e *Engine) strandedName(q *query, s *sentence) bool {
	if len(q.toks) < 3 || !e.rules.stranded[q.toks[len(q.toks)-1].word] {
		return false
	}
	p := q.toks[len(q.toks)-1].word
	for i := 0; i+1 < len(s.toks); i++ {
		n := s.toks[i+1]
		if s.toks[i].word == p && isCapitalised(n.raw) && !e.stopword(n.word) && !q.words[n.word] && !q.words[n.stem] {
			return true
		}
	}
	return false
}

// holdsAll reports whether s says every one of words.
func holdsAll(s *sentence, words []string) bool {
	for _, w := range words {
		if !s.hasWord(w) {
			return false
		}
	}
	return true
}

// holdsRole reports whether s gives person p a role holding every one of
// words (true when there are none).
func (e *Engine) holdsRole(p string, s *sentence, words []string) bool {
	if len(words) == 0 {
		return true
	}
	var roles []string
	for _, f := range s.facts.roles {
		if f.Subject == p {
			roles = append(roles, f.Object)
		}
	}
	return roleHolds(roles, words)
}

// knownRoles are the roles of person p that s's article gives anywhere,
// and the pack's.
func (e *Engine) knownRoles(s *sentence, p string) []string {
	var roles []string
	if s.seg != nil {
		roles = append(roles, s.seg.roles[p]...)
	}
	if r := e.rules.entities[p].Role; r != "" {
		roles = append(roles, r)
	}
	return roles
}

// roleHolds reports whether one of roles holds every one of words.
func roleHolds(roles, words []string) bool {
	for _, role := range roles {
		all := true
		for _, w := range words {
			all = all && strings.Contains(" "+strings.Join(foldWords(role), " ")+" ", " "+w+" ")
		}
		if all {
			return true
		}
	}
	return false
}

// fittingPersons are the people of s, not named in q, whose role (as s
// gives it, or as the rules know it) shares a word with the question:
// for "who led the Westland delegation", Westland's negotiators rather
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
		// A named person in the question (Dorn) says nothing of which
		// side the answer is on; a country (Westland) does.
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
// shares with the question ("…depends on Eastland’s readiness to show…"),
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

// doesVerb reports whether s holds what a who-question asks was done.
func doesVerb(q *query, s *sentence) bool {
	if len(q.verb) == 0 {
		return true
	}
	for _, t := range q.terms {
		if t.term == q.verb[0] && !t.known {
			// No article says the verb in any form: a sentence can only
			// say it in other words.
			return true
		}
	}
	for _, v := range q.verb {
		if _, ok := s.terms[v]; ok {
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

// groupNew reports whether s holds a noun for people as a body (a team,
// officials, the premier) that q does not say: for a who-question with
// no name to give, the body that did it answers ("members of the
// negotiation team").
func (e *Engine) groupNew(q *query, s *sentence) bool {
	for _, t := range s.toks {
		if e.rules.groupNoun[t.word] && !q.words[t.word] && !q.words[t.stem] {
			return true
		}
	}
	return false
}

// personNounNew reports whether s speaks of one person by what they are
// (personNounSpan): who that is answers a who-question no name answers.
func (e *Engine) personNounNew(q *query, s *sentence) bool {
	return e.personNounSpan(q, s) != ""
}

// personNounSpan is the first phrase of s naming one person by a noun q
// does not say, from a determiner up to three words before it ("the
// second officer", "a player"), or people by a pronoun and what the
// clause after its "who" says of them ("anyone who wants to help");
// "".
func (e *Engine) personNounSpan(q *query, s *sentence) string {
	for i, t := range s.toks {
		if e.rules.describedPeople[t.word] && i+1 < len(s.toks) && s.toks[i+1].word == "who" && !clauseBreak(s, i+1) {
			// "a must read for anyone who'd like to contribute": the
			// people the clause after "who" describes.
			end := i + 2
			for end < len(s.toks) && !clauseBreak(s, end) {
				end++
			}
			return s.Text[t.start:s.toks[end-1].end]
		}
		if !e.rules.personNoun[t.word] || q.words[t.word] || q.words[t.stem] {
			continue
		}
		for j := i - 1; j >= 0 && j >= i-3; j-- {
			if e.rules.determiner[s.toks[j].word] {
				return s.Text[s.toks[j].start:t.end]
			}
		}
	}
	return ""
}

// placePhrase reports whether s sets something in a place its words name
// ("in mountainous areas", "in my basement") that q does not say.
func (e *Engine) placePhrase(q *query, s *sentence) bool {
	return e.placeSpan(q, s) != ""
}

// addressSpan is the first web address or file's path s says that q
// does not (general.yaml's addresses), without the punctuation that
// closes its sentence: where a thing is found or kept. "" for none.
func (e *Engine) addressSpan(q *query, s *sentence) string {
	if !slices.ContainsFunc(e.rules.addressMarks, func(m string) bool { return strings.Contains(s.Text, m) }) {
		return ""
	}
	asked := strings.ToLower(q.text)
	for _, m := range e.rules.addresses.FindAllString(s.Text, -1) {
		m = strings.TrimRight(strings.TrimLeft(m, " \t\n("), ".,;:!?")
		if m != "" && !strings.Contains(asked, strings.ToLower(m)) {
			return m
		}
	}
	return ""
}

// placeSpan is the phrase of s placePhrase finds, from its locative to
// its noun ("in the northeast"), or for a question asking where something
// was said, the medium with the name it is on ("in a post on X"); "".
func (e *Engine) placeSpan(q *query, s *sentence) string {
	for i, t := range s.toks {
		medium := q.saying && e.rules.saidMedium[t.word]
		if !e.rules.placeNoun[t.word] && !medium || q.words[t.word] || q.words[t.stem] {
			continue
		}
		for j := i - 1; j >= 0 && j >= i-3; j-- {
			if !e.rules.locative[s.toks[j].word] {
				continue
			}
			end := t.end
			if k := i + 1; medium && k+1 < len(s.toks) && s.toks[k].word == "on" && isCapitalised(s.toks[k+1].raw) {
				end = s.toks[k+1].end // "in a post on X"
			}
			return s.Text[s.toks[j].start:end]
		}
	}
	return ""
}

// farTypeCredit is what the date or count a when or how-many question
// wants counts for when it stands far from the question's words
// (typeFar), against one near them.
const farTypeCredit = 0.75

// passiveReach is how many words before its doer a passive verb's form
// of "be" may stand ("was originally contributed …, and subsequently
// enhanced … by").
const passiveReach = 12

// byNameNew reports whether s names, after "by", someone the question
// does not, as the doer of a passive verb whose subject the question
// names ("Bayton was later enhanced by Ann Ames" for "Who extended
// Bayton?"): "a photograph distributed by Northport Agency" names no
// doer of another verb.
func (e *Engine) byNameNew(q *query, s *sentence) bool {
	asked := func(st string) bool { return slices.ContainsFunc(q.terms, func(t qterm) bool { return t.term == st }) }
	for i := 0; i+1 < len(s.toks); i++ {
		if !e.rules.passiveBy[s.toks[i].word] || !isCapitalised(s.toks[i+1].raw) || q.words[s.toks[i+1].word] {
			continue
		}
		for j := i - 1; j >= 0 && j >= i-passiveReach; j-- {
			if !e.rules.passiveBe[s.toks[j].word] {
				continue
			}
			for k := 0; k < j; k++ {
				if asked(s.toks[k].stem) {
					return true
				}
			}
			break
		}
	}
	return false
}

// degreeSaid reports whether q asks "how often", "how big" or the like
// and s says a word that answers it with no number (general.yaml's
// degree_answers: "weekly", "big"), one q does not say but to ask.
func (e *Engine) degreeSaid(q *query, s *sentence) bool {
	for i := 0; i+1 < len(q.toks); i++ {
		if q.toks[i].word != "how" {
			continue
		}
		asked := q.toks[i+1].word
		words := e.rules.degreeAnswer[asked]
		if words == nil {
			return false
		}
		for _, t := range s.toks {
			// "How big …?" is answered "big", a word it says only to ask.
			if words[t.word] && (t.word == asked || !q.words[t.word]) {
				return true
			}
		}
		return false
	}
	return false
}
