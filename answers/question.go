package answers

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
)

// query is a question as the engine reads it.
type query struct {
	text     string
	class    questionClass
	toks     []token
	mentions []mention
	entities map[string]bool
	persons  []string
	// bound is the word asking for one end of a time ("until" in "until
	// when"), or "".
	bound string
	// described are the persons the question describes to ask who they
	// are ("Which harbour journalist …?"): a sentence naming one of them
	// answers.
	described []string
	terms     []qterm
	// outlets are the terms naming a candidate article's outlet, taken
	// out of terms by creditOutlets.
	outlets     []qterm
	words       map[string]bool // folded words and stems of the question
	units       map[string]bool
	side        string
	corrections []string
	unknown     []string
	// defined is the term a question asks the definition of, as stems
	// (definedTerm), or nil.
	defined  []string
	offTopic string
	speaker  string // for "what did X say": X
	future   bool   // the question asks about what will happen
	clock    bool   // the question asks the time of day ("what time …")
	// conditional: the question asks when a thing happens as a rule
	// ("When can a rook castle?"): a condition answers it.
	conditional bool
	// sum, price, share: the question asks for a sum ("how much"), a
	// price ("how much did they pay?") or a share ("what percentage");
	// readAmount.
	sum, price, share bool
	// reference: the question asks where a thing is told more ("Where
	// can I read more on the tides?"): a pointer answers it ("see the
	// tide tables", "the harbour page").
	reference bool
	// last is where the conversation's last answer was quoted, for a
	// follow-up (carriedWords.last).
	last quoteAt
	// place: the question names the first or last sentence or
	// paragraph of a piece of writing (writingPlace).
	place          writingPlace
	placeParagraph bool
	option         bool // one option of a choice: its verb is taken as given, the option is asked
	ordinal        bool // the question asks which one ("which day", "third")
	rank           bool // the question asks for a place in an order ("where does it rank")
	roleWords      []string
	content        int // content words other than entities
	// saying says the question holds a word of saying (said_verbs): a
	// where question is then answered by the medium too.
	saying bool
	// stance: the question asks where someone stands (lexicon.yaml's
	// stance_asks: "position", "view").
	stance bool
	// lowerPlaces marks the places written in lower case (lowerPlace):
	// names, as if capitalised.
	lowerPlaces map[int]bool
	// phrased marks the words that follow a phrase's first word
	// ("one" in "number one"): no words of their own.
	phrased []bool
	// verb is, for "who <verb>…", the stems a sentence must hold for a
	// person in it to be the one who did it (the verb and its synonyms,
	// or the object of a light verb: "took a photo" → photo).
	verb   []string
	active bool
	// subject is, for a yes/no question, the entity it asks about.
	subject string
	// going says the question asks where someone went ("returning
	// to", "visit"): "to Eastgate" then answers it.
	going bool
	// heading says it asks where someone went, not where they went to do
	// something ("Where was Dorn heading…?", not "Where did Ames go
	// to meet Dorn?"): only a destination ("a visit to Indra") answers.
	heading bool
	// placeKind says it names the kind of place it wants ("which
	// country", "in what town"): a name of that kind answers it, a phrase
	// setting a thing on something only by half (wherePhraseAnswers).
	placeKind bool
	// besides says it asks for others than those it names ("who
	// else", "besides Dorn").
	besides bool
	// locations are the places the question says as locations ("meet
	// in Palmshire", "at the Palmshire talks"), not as actors or names.
	locations []string
	// pairs are the stems of its adjacent content words, in order: what
	// the bigram feature looks for.
	pairs [][2]string
	// seq is the stems of its words but the question words ("what",
	// "when"), in order, and plain its content words as written (folded):
	// what the run and exact-word features look for.
	seq, plain []string
	// pronounNames are, for a follow-up, the terms (as indexes into
	// terms) of each name it read a pronoun for one person as: a
	// sentence that goes on about that person as "he" holds them too.
	pronounNames [][]int
}

// analyse reads a normalised question: its mentions of entities, its
// words and their terms, its word sequence, its class, and what the class
// asks of them.
func (e *Engine) analyse(ix *index, text string) *query {
	r := e.rules
	text = r.trimLeadIns(text)
	q := &query{text: text, entities: map[string]bool{}, words: map[string]bool{}, units: map[string]bool{}, lowerPlaces: map[int]bool{}}
	toks := tokenize(text)
	// Correct typos first, so "Amess" can still name Ann Ames.
	toks, q.corrections = joinSplitWords(ix, toks)
	q.corrections = append(q.corrections, e.correctTypos(ix, toks)...)
	q.toks = toks
	q.mentions = r.mentions(toks)
	folded := make([]string, len(toks))
	for i, t := range toks {
		folded[i] = t.word
	}
	// The class first: its frame words are no terms.
	asking := strings.Join(folded[r.askingFrom(text, toks):], " ")
	q.class = r.classify(asking)
	inMention := e.readMentions(ix, q)
	e.readWords(ix, q, inMention)
	if q.class.wants == wantDescription {
		if term := r.definedTerm(r.withoutSource(text, asking)); term != nil {
			q.defined = term
			for k := range q.terms {
				if !slices.Contains(term, q.terms[k].term) {
					// "In typography, what is a glyph?": the setting
					// counts less than the term.
					q.terms[k].weight *= settingCredit
				}
			}
		}
	}
	r.creditSources(q)
	e.readSequence(q)
	q.bound = r.dateBoundOf(toks)
	e.readClass(q, folded, asking, inMention)
	if q.reference {
		r.dropReferenceFrame(q)
	}
	if q.class.name == r.roleClass.name && !r.asksOfPerson(q) {
		// "What does the sluice command do?", "What role does the gate
		// play?": naming no person, a role question asks what a thing
		// does, as any what-question does.
		q.class = r.whatClass()
	}
	if q.class.wants == wantQuote && !r.asksOfSpeaker(q) {
		// "How does the manual describe the gate?", "What did version
		// 2 add?": naming no one who speaks, a question asks what the
		// text says, as any what-question does.
		q.class = r.whatClass()
	}
	e.readWants(q, inMention)
	return q
}

// dropReferenceFrame takes out of q's terms and plain words those it asks
// for more with (general.yaml's reference_frame: "read", "details"), so
// long as a term is left: "Where can I read more on the tides?" looks for
// the tides.
func (r *rules) dropReferenceFrame(q *query) {
	frame := func(w string) bool { return r.referenceFrame[stem(w)] }
	kept := slices.DeleteFunc(slices.Clone(q.terms), func(t qterm) bool { return frame(t.term) })
	if len(kept) == 0 {
		return
	}
	q.terms = kept
	q.plain = slices.DeleteFunc(q.plain, frame)
}

// asksOfPerson reports whether q names a person: one the pack knows, or a
// run of capitalised words with a person's shape (nameKind).
func (r *rules) asksOfPerson(q *query) bool {
	return len(q.persons)+len(q.described) > 0 || slices.Contains(r.namedKinds(q), kindPerson)
}

// asksOfSpeaker reports whether q names someone who speaks or what they
// spoke in: a name the pack knows, a capitalised name of a person or a
// body, a pronoun for a person, a noun for people, or a medium ("the
// statement").
func (r *rules) asksOfSpeaker(q *query) bool {
	// The pack's persons and described people are among its mentions.
	if len(q.mentions) > 0 || slices.ContainsFunc(r.namedKinds(q), func(k string) bool { return k == kindPerson || k == kindOrg }) {
		return true
	}
	for _, t := range q.toks {
		if r.personPronoun[t.word] || r.personNoun[t.word] || r.groupNoun[t.word] || r.saidMedium[t.word] {
			return true
		}
	}
	return false
}

// namedKinds are the kinds nameKind gives the runs of capitalised words q
// writes, its first word left out when it is a stop word ("What"). They
// are read from the question alone, so a lazy index reads them as a full
// one does.
func (r *rules) namedKinds(q *query) []string {
	var out []string
	for _, run := range capitalRuns(q.text, q.toks) {
		from := run[0]
		if from == 0 && r.stopword(q.toks[0].word) {
			from++
		}
		if from >= run[1] {
			continue
		}
		ws := make([]string, 0, run[1]-from)
		for _, t := range q.toks[from:run[1]] {
			ws = append(ws, t.raw)
		}
		out = append(out, r.nameKind(q.text, q.toks[from].start, ws))
	}
	return out
}

// readMentions adds a term for each entity the question mentions, once,
// and notes the persons among them; it returns which tokens fall inside a
// mention.
func (e *Engine) readMentions(ix *index, q *query) []bool {
	r, toks := e.rules, q.toks
	inMention := make([]bool, len(toks))
	for _, m := range q.mentions {
		for i := m.from; i < m.to; i++ {
			inMention[i] = true
		}
		if r.asksWhoIs(toks, m) || r.asksIdentity(q, m) {
			// "Which Westland journalist …?" asks who the description
			// is: a sentence naming the person answers; the question
			// does not name them.
			q.addTerm(ix, "@"+m.entity, r.synonyms["@"+m.entity], true)
			q.described = append(q.described, m.entity)
			continue
		}
		if !q.entities[m.entity] {
			q.entities[m.entity] = true
			if r.entities[m.entity].Kind == "person" {
				q.persons = append(q.persons, m.entity)
			}
			q.addTerm(ix, "@"+m.entity, r.synonyms["@"+m.entity], true)
		}
	}
	return inMention
}

// dateBoundOf is the word before "when" that asks for one end of a time
// ("until when"), or "".
func (r *rules) dateBoundOf(toks []token) string {
	for i := 0; i+1 < len(toks); i++ {
		if toks[i+1].word == "when" && r.dateBound[toks[i].word] {
			return toks[i].word
		}
	}
	return ""
}

// asksWhoIs reports whether mention m describes a person the question
// asks for — words of the pack's aliases that are no part of the
// person's name ("Westland journalist"), after "which" or "what".
func (r *rules) asksWhoIs(toks []token, m mention) bool {
	return r.describes(toks, m) && m.from > 0 && (toks[m.from-1].word == "which" || toks[m.from-1].word == "what")
}

// describes reports whether mention m is of a person by words of the
// pack's aliases that are no part of the person's name ("Westland
// journalist"), not by the name.
func (r *rules) describes(toks []token, m mention) bool {
	ent := r.entities[m.entity]
	if ent.Kind != "person" {
		return false
	}
	name := foldWords(ent.Name)
	described := false
	for _, t := range toks[m.from:m.to] {
		if contains(name, t.word) {
			return false
		}
		described = described || isEnglish(t.word) && !english.IsStopWord(t.word)
	}
	return described // not "Witkof": a name misspelt, not a description
}

// asksIdentity reports whether mention m describes, without naming, the
// person a "who is" question asks for: only "the", a possessive and other
// mentions stand between the copula and it ("Who is Eastland's top
// foreign policy aide?", "Who was the US special envoy at the talks?").
func (r *rules) asksIdentity(q *query, m mention) bool {
	toks := q.toks
	if m.from < 2 || toks[0].word != "who" || !r.copula[toks[1].word] || !r.describes(toks, m) {
		return false
	}
	for i := 2; i < m.from; i++ {
		if toks[i].word == "the" || toks[i].word == "s" && i > 2 {
			continue
		}
		inOther := false
		for _, o := range q.mentions {
			inOther = inOther || o.from <= i && i < o.to && o != m
		}
		if !inOther {
			return false
		}
	}
	return true
}

// readWords reads the question's words: the words and units it uses, a
// destination cue, a qualifier, an off-topic word, and a term (with its
// synonyms, WordNet alternatives and learned aliases) for each content
// word outside mentions but the class's frame words ("stand" in "what
// does HPA stand for").
func (e *Engine) readWords(ix *index, q *query, inMention []bool) {
	r, toks := e.rules, q.toks
	frame := q.class.frame
	means, inPhrase := r.readPhrases(toks, inMention)
	q.phrased = inPhrase
	excluded := e.besidesPhrase(q)
	initials := e.initialsWritten(ix, toks, inMention)
	for i, t := range toks {
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
		if r.questionWord[t.word] && i+1 < len(toks) && r.placeNoun[toks[i+1].word] {
			q.placeKind = true
		}
		q.besides = q.besides || r.besides[t.word]
		q.saying = q.saying || r.saidVerb[t.word]
		q.stance = q.stance || r.lex.stanceAsks[t.word]
		if s := r.qualifier[t.stem]; s != "" {
			q.side = s
		}
		// Out of scope with an "s" too: "chinas" in chat is "China's",
		// "films" are films; not in an idiom that names no topic ("a
		// plan Bayton can live with"). A word the articles use, in any form
		// general.yaml lists ("win", "won"; "you" for "your"), is never
		// off-topic.
		outOfScope := (r.outOfScope[t.word] || r.outOfScope[strings.TrimSuffix(t.word, "s")]) && (i+1 >= len(toks) || !r.scopeIdiom[t.word][toks[i+1].word])
		if outOfScope && q.offTopic == "" && !ix.usesWord(t.word) && !ix.knowsAny(t.stem, r.synonyms[t.stem]) && !slices.ContainsFunc(r.synonyms[t.stem], ix.usesWord) {
			q.offTopic = t.word
		}
		stop := r.stopword(t.word) && means[i] == nil
		// Chat's "n" for "and" where the shorthand read kept it (after
		// a stop word: "the us n ukrainian officials"), when no article
		// writes it as a word of its own, a variable ("n recipients").
		stop = stop || r.shorthand != nil && r.shorthand.joins[t.word] && !ix.usesWord(t.word)
		if inMention[i] || inPhrase[i] || stop || frame[t.word] || e.answerHead(toks, i, inMention) {
			continue
		}
		q.content++
		q.plain = append(q.plain, t.word)
		alts := r.synonyms[t.stem]
		if m := means[i]; m != nil {
			// "come out": "released" says it too.
			alts = append(append([]string(nil), alts...), m...)
		}
		var weak []string
		if (i == 0 || !isCapitalised(t.raw)) && !ix.knowsAny(t.stem, alts) {
			// A word no article uses may be a paraphrase of one they
			// do ("photo", "photograph"); a name is not ("Sky").
			alts = e.wordnetAlts(alts, t.stem)
			if !ix.knowsAny(t.stem, alts) {
				// Or of a word derived from it ("created", "creators").
				alts = e.derivedAlts(alts, t.stem)
			}
			if !ix.knowsAny(t.stem, alts) {
				// Or of the word with a suffix more or less
				// ("threat", "threatened"; "owner", "owns").
				alts = e.suffixAlts(ix, alts, t.word)
			}
		} else if !ix.knowsAny(t.stem, alts) {
			// A name's adjective no article uses: "Mexican" for "Mexico".
			alts = e.pertainymAlts(alts, t.stem)
		} else if i == 0 || !isCapitalised(t.raw) {
			// A word they use may be said another way by the sentence
			// that answers ("governed", "were ruled"): its WordNet
			// synonyms match too, below it.
			weak = e.wordnetAlts(nil, t.stem)
			weak = slices.DeleteFunc(weak, func(w string) bool { return w == t.stem || contains(alts, w) })
		}
		if ss := r.shorthand.shortFor(t.word, ix.usesWord); len(ss) > 0 {
			// "January" where the article writes "Jan 1999", as
			// notes and tables do.
			alts = append(append([]string(nil), alts...), ss...)
		}
		if ys := shortYears(t.word, ix.usesWord); len(ys) > 0 {
			// "in 74" for 1974, as chat writes it.
			alts = append(append([]string(nil), alts...), ys...)
		}
		if vs := zeroForms(t.word, ix.usesWord); len(vs) > 0 {
			// "version 3" for "3.0".
			alts = append(append([]string(nil), alts...), vs...)
		}
		if a := initials[i]; a != "" {
			// "daylight saving time" where the articles write "DST".
			alts = append(append([]string(nil), alts...), a)
		}
		if full := ix.aliasesOf(t.word); len(full) > 0 {
			// A learned alias ("CMI", "Babai") also matches the name it
			// stands for.
			alts = append(append([]string(nil), alts...), full...)
		}
		lower := e.lowerPlace(ix, toks, i)
		if lower {
			q.lowerPlaces[i] = true
		}
		n := len(q.terms)
		q.addTerm(ix, t.stem, alts, i > 0 && isCapitalised(t.raw) || lower)
		if len(q.terms) > n {
			q.terms[n].weak = weak
		}
		if excluded[i] && len(q.terms) > n {
			// Set aside: it helps find the sentence, which need not say
			// it. (A word the question says again keeps its weight.)
			q.terms[n].weight *= besidesCredit
		}
	}
}

// readPhrases finds the phrases of general.yaml the question uses outside
// mentions: what each first word means, by its index, and which words
// follow a first word within its phrase (no terms of their own).
func (r *rules) readPhrases(toks []token, inMention []bool) (map[int][]string, []bool) {
	means := map[int][]string{}
	inPhrase := make([]bool, len(toks))
	for i := 0; i < len(toks); i++ {
		if inMention[i] {
			continue
		}
		p, n := r.phraseAt(toks, i)
		if p == nil || slices.Contains(inMention[i+1:i+1+n], true) {
			continue
		}
		means[i] = p.means
		for j := i + 1; j <= i+n; j++ {
			inPhrase[j] = true
		}
		i += n
	}
	return means, inPhrase
}

// answerHead reports whether toks[i] names the kind of answer wanted
// rather than its topic: an answer-head noun with only stop words and
// names between it and a question word or the question's start ("which
// city", "what is Ulm's role", "Umber role"; other heads and counts too,
// "in what month and year", "which two people"), or a count of the
// answers asked for ("what are two factors", "name three"). "Polynomial
// time" and "two integers" are topics.
func (e *Engine) answerHead(toks []token, i int, inMention []bool) bool {
	r := e.rules
	w := toks[i].word
	count := i > 0 && (r.numberWord[w] || isNumber(w))
	if !r.answerHead[w] && !count {
		return false
	}
	if i+1 < len(toks) && isCapitalised(toks[i].raw) && isCapitalised(toks[i+1].raw) {
		return false // a name: "Century City"
	}
	for j := i - 1; j >= 0; j-- {
		w := toks[j].word
		if r.questionWord[w] {
			return true
		}
		if count && (inMention[j] || isCapitalised(toks[j].raw) && j > 0) {
			return false
		}
		if !inMention[j] && !r.stop[w] && !english.IsStopWord(w) && !isCapitalised(toks[j].raw) && (count || !r.answerHead[w] && !r.numberWord[w] && !isNumber(w)) {
			return false
		}
	}
	return true
}

// readSequence notes the stems in order, for the run and exact-word
// features, and the pairs of adjacent content stems, for the bigram one.
func (e *Engine) readSequence(q *query) {
	r, toks := e.rules, q.toks
	var seq []string
	for _, t := range toks {
		if !english.IsStopWord(t.word) {
			seq = append(seq, t.stem)
		}
		if !r.questionWord[t.word] {
			q.seq = append(q.seq, t.stem)
		}
	}
	for k := 0; k+1 < len(seq); k++ {
		q.pairs = append(q.pairs, [2]string{seq[k], seq[k+1]})
	}
}

// readClass notes, beside the class analyse read from the folded words'
// asking (asking, as analyse joined it), an ordinal, a future tense, the
// time of day, a place in the writing, a rule's condition, a pointer to
// more, the amount asked, and the role nouns it uses outside mentions.
func (e *Engine) readClass(q *query, folded []string, asking string, inMention []bool) {
	r, toks := e.rules, q.toks
	joined := strings.Join(folded, " ")
	for _, w := range folded {
		if _, ok := r.lex.ordinals[w]; ok || w == "which" {
			q.ordinal = true
		}
		q.rank = q.rank || r.rankWord[w] && q.class.wants == wantNumber
	}
	q.future = matchesAny(r.future, joined)
	// "Because …, at what time did …?" asks the clock in its asking.
	q.clock = matchesAny(r.clock, joined) || len(asking) < len(joined) && matchesAny(r.clock, asking)
	for _, p := range []struct {
		re    *regexp.Regexp
		place writingPlace
	}{{r.firstPlace, placeFirst}, {r.lastPlace, placeLast}} {
		if m := p.re.FindString(joined); m != "" && q.place == placeNone {
			q.place, q.placeParagraph = p.place, strings.Contains(m, "paragraph")
		}
	}
	q.conditional = matchesAny(r.conditionAsks, joined)
	q.reference = matchesAny(r.referenceAsks, joined)
	r.readAmount(q)
	for i, t := range toks {
		if !inMention[i] && r.lex.roleNouns[t.word] {
			q.roleWords = append(q.roleWords, t.word)
		}
	}
}

// readWants refines the query by what its class wants: a quote's speaker,
// a role question, a number's terms, a person's verb and locations, a
// yes/no question's subject and opposite words.
func (e *Engine) readWants(q *query, inMention []bool) {
	r, toks := e.rules, q.toks
	if q.class.wants == wantQuote && len(q.mentions) > 0 {
		// The speaker is the first entity named: "what did Ulm say
		// about Brandt" asks for Ulm's words. A person right after its
		// owner speaks for it: "what did Westland's top envoy say"
		// asks for the envoy's words.
		q.speaker = q.mentions[0].entity
		if m := q.mentions[0]; len(q.mentions) > 1 && m.to < len(toks) && toks[m.to].word == "s" {
			if n := q.mentions[1]; n.from > m.to && n.from <= m.to+4 && r.entities[n.entity].Kind == "person" {
				q.speaker = n.entity
			}
		}
	}
	if q.class.name == "who" && len(q.persons)+len(q.described) == 1 && q.content == 0 {
		// "Who is Westland's top negotiator?": one person, whatever
		// places go with the description.
		q.class = r.roleClass
		for _, p := range q.described {
			q.persons = append(q.persons, p)
			q.entities[p] = true
		}
		q.described = nil
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
		// "Did Eastland accept…" is answered as well by "…rejected…".
		for i := range q.terms {
			for _, o := range r.opposites[q.terms[i].term] {
				if !contains(q.terms[i].alts, o) {
					q.terms[i].alts = append(q.terms[i].alts, o)
				}
			}
		}
	}
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
			// "Who is Ben Brandt married to?": the participle after
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
		if !aux && !light && r.adverb(t.word) && i+1 < len(toks) && !inMention[i+1] {
			continue // "Who first proposed …": the verb comes next
		}
		if r.stopword(t.word) {
			// A light verb ("took a photo"): look at its object; the
			// object alone does not make "<names> took …" true.
			light = light || i == 1
			continue
		}
		if aux && !strings.HasSuffix(t.word, "ed") && !strings.HasSuffix(t.word, "ing") {
			return nil, false
		}
		// Its derived nouns too: "who reacted" is answered by
		// "reactions from …"; and a verb's WordNet synonyms, "who
		// sorted" by "… classified …" (not a light verb's object's: a
		// photograph is not taken by whoever distributed it).
		alts := append([]string{t.stem}, r.synonyms[t.stem]...)
		if p, _ := r.phraseAt(toks, i); p != nil {
			// "Who came up with …": "… devised …" names them too.
			alts = append(alts, p.means...)
		}
		alts = e.derivedAlts(alts, t.stem)
		if !light {
			alts = e.wordnetAlts(alts, t.stem)
		}
		if !light {
			// An irregular form reads through its verb's words too:
			// "who came to an understanding" is whoever "reached" it.
			for _, f := range r.forms[t.stem] {
				for _, a := range r.synonyms[f] {
					if !contains(alts, a) {
						alts = append(alts, a)
					}
				}
				alts = e.wordnetAlts(alts, f)
			}
		}
		if r.supportVerb[t.stem] {
			// "Who provided a definition of …": the object says what
			// was done, so "Myhill's definition of …" names who did.
			if o := objectAfter(r, toks, i); o != "" {
				alts = e.derivedAlts(append(alts, o), o)
			}
		}
		return alts, !aux && !light
	}
	return nil, false
}

// objectAfter is the stem of the first content word within three words
// after toks[i], past stop words ("a definition"), or "".
func objectAfter(r *rules, toks []token, i int) string {
	for j := i + 1; j < len(toks) && j <= i+3; j++ {
		if w := toks[j].word; !r.stop[w] && !english.IsStopWord(w) {
			return toks[j].stem
		}
	}
	return ""
}

// isNumber reports whether w is digits, with "." or "," only between
// two of them ("2025", "3.0", "30,000").
func isNumber(w string) bool {
	for i := 0; i < len(w); i++ {
		if !isDigit(w[i]) && !inNumber(w, i) {
			return false
		}
	}
	return w != ""
}

func isCapitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// unnamedSubject is the pronoun a question asks about as its subject
// ("When did he join the club?") when it names no one at all, not even
// through the question before it: "" otherwise. Answering it would
// guess who is meant.
func (e *Engine) unnamedSubject(ix *index, q *query) string {
	for i := 1; i < len(q.toks); i++ {
		if !e.rules.personPronoun[q.toks[i].word] || !e.rules.auxiliary[q.toks[i-1].word] {
			continue
		}
		// A place or a body named ("join MIT") is no one "he" could be;
		// a person, or a name of no known kind, may be.
		for _, n := range e.namesIn(ix, q.text) {
			if n.Kind != "place" && n.Kind != kindOrg {
				return ""
			}
		}
		return q.toks[i].raw
	}
	return ""
}

// lowerPlace reports whether toks[i], written in lower case, is a place
// the question names as chat does ("after the berlin talks", "his visit
// to turkey"): a place name of the list (places.txt.gz) no article uses
// but as a name (capitalised wherever they write it), and when it is an
// English word too ("turkey", "china"), after a locative or "to".
func (e *Engine) lowerPlace(ix *index, toks []token, i int) bool {
	t := toks[i]
	if i == 0 || isCapitalised(t.raw) || len(t.word) < 4 || !placeNames()[t.word] || ix.usesWord(t.word) && !ix.writtenAsName(t.word) {
		return false // "ok" is no Oklahoma
	}
	w := toks[i-1].word
	return !isEnglish(t.word) || e.rules.locative[w] || e.rules.destination[w]
}

// besidesCredit is what a word a question sets aside weighs, of its weight:
// at 0.5 held-out 25 lost "Apart from halting the fighting, what else …?",
// whose answer says the words set aside too.
const besidesCredit = 0.75

// besidesPhrase marks the words of a question opening with what it sets
// aside, up to the comma ("Besides the fight over land, what other
// issue …?", "apart from the land question, …"): what is asked is
// something else, so a sentence need not say them.
func (e *Engine) besidesPhrase(q *query) []bool {
	out := make([]bool, len(q.toks))
	if len(q.toks) == 0 || !e.rules.besides[q.toks[0].word] {
		return out
	}
	for i := 1; i < len(q.toks) && i <= 8; i++ {
		if strings.Contains(q.text[q.toks[i-1].end:q.toks[i].start], ",") {
			for j := 1; j < i; j++ {
				out[j] = true
			}
			return out
		}
	}
	return out
}

// matchesAny reports whether any of res matches text.
func matchesAny(res []*regexp.Regexp, text string) bool {
	return slices.ContainsFunc(res, func(re *regexp.Regexp) bool { return re.MatchString(text) })
}

// firstWord is the question's first word, folded ("" for none).
func (q *query) firstWord() string {
	if len(q.toks) == 0 {
		return ""
	}
	return q.toks[0].word
}
