package answers

import (
	"slices"
	"strings"

	"github.com/kljensen/snowball/english"
)

// turnRead is the previous turn as carry reads it: its question's names
// and topic, its class, and the names of its answer.
type turnRead struct {
	question string
	class    string
	// askedWhich: the question asked which thing ("Which vendor …?"),
	// so the thing its answer named is what "it" stands for next.
	askedWhich bool
	qnames     []named
	// asked is the byte span of the question past a source phrase it
	// opens or ends with ("In the Bayton Gazette's story, …"): a name
	// there other than a person's (the outlet) is where the question was
	// told, no one a pronoun stands for. A person there ("according to
	// Orrin") is one who told it.
	asked  [2]int
	answer []Name
	// answerText is the last answer when it was short, phrase the noun
	// phrase a which question asked about ("the provision of the plan"):
	// what "it" stands for after a question asking which.
	answerText, phrase string
	// date is the short answer of a question asking when ("on
	// Thursday"): the time "then" stands for next.
	date string
	// group is the short answer of a who question that names a body of
	// people ("the inhabitants of Halir"): whom "they" stands for next.
	group     string
	phraseEnd int // where phrase ends in question: names before it are part of it
	// pluralWhich: the question asked which of several, or was answered
	// with several ("Alpha and SPARC"): no "it" stands for that answer.
	pluralWhich bool
	// personWhich: the question asked which person ("Which envoy …?",
	// "… married to which of Dorn's daughters?"): "he" or "she" is the
	// person answered.
	personWhich bool
	// leadThing is the noun phrase the question set out before asking
	// and called "it" there (Engine.leadThing): what "it" stands for
	// next too.
	leadThing string
	topic     string
	// thingTopic is the topic as "it" reads it: without a preposition
	// it strands at its end and the words saying something of the noun
	// phrase before it ("a lauter tun used for" → "a lauter tun").
	thingTopic string
	// event is what "that" stands for: the topic, with the people a who
	// question was answered with ("Who met Ames?" — "Brandt" — "When was
	// that?" asks when Brandt met Ames).
	event string
	// unnamed is the topic without the names in it, for "what other …".
	unnamed string
	// passive is what a question asking about something passive was
	// about: its subject, before the participle ("Where is thorium found
	// in Brazil?" → "thorium"); "" when it asked no such thing.
	passive string
	// namedFirst: read "it" as a thing the question named before what
	// its answer named (the second reading, carryNamed).
	namedFirst bool
	// besides is the person a pronoun before in the same question stood
	// for: "her" in "What did he hand her?" is another.
	besides string
	// ownNamed: the follow-up names someone itself, so no pronoun in it
	// is read as the last question's subject.
	ownNamed bool
	// noun is the noun phrase a topic that is a clause speaks of
	// (topicNoun): what "it" stands for when nothing else does.
	noun string
	// subject is the subject between the question's auxiliary and its
	// verb ("the harbour crane", after "Which berths can … move to?"):
	// what "it" stands for before any phrase of the topic.
	subject string
	// person is the one the turn spoke of by what they are, not by name
	// (personPhrase): whom "he" or "she" stands for when no name does.
	person string
}

// turnOf reads prev for carrying.
func (e *Engine) turnOf(ix *index, prev *Turn) turnRead {
	c, _ := loadCarryRules()
	// Whole names: "it" after "Debian 3.0 Woody" is the release, not "Woody".
	qnames := joinNumbered(prev.Question, e.namesIn(ix, prev.Question), ix.learnedKind)
	p := turnRead{question: prev.Question, class: prev.Class, qnames: qnames, answer: prev.Names}
	toks := tokenize(prev.Question)
	if p.class == "when" {
		p.date = shortAnswer(prev.Answer)
	}
	if a := shortAnswer(prev.Answer); p.class == "who" && a != "" {
		switch ws := foldWords(a); {
		case len(ws) > 1 && ws[0] == "the" && e.rules.groupNoun[ws[1]] && strings.HasPrefix(a, "The "):
			p.group = "the" + a[len("The"):] // read mid-sentence
		case len(ws) > 1 && ws[0] == "the" && e.rules.groupNoun[ws[1]], len(ws) > 0 && e.rules.groupNoun[ws[0]]:
			p.group = a
		}
	}
	// "What's the name of X?" answered "Uuries" asked which name: "it"
	// is then the name.
	// So did "Under whose rule …?" answered "the Crown of Wesnoth".
	p.askedWhich = e.asksWhich(prev.Question) || (p.class == "naming" || asksWhose(toks)) && shortAnswer(prev.Answer) != ""
	if p.askedWhich {
		p.answerText = shortAnswer(prev.Answer)
		p.phrase, p.phraseEnd = e.whPhrase(c, prev.Question)
		p.pluralWhich = c.which.plural(p.phrase, p.answerText)
		p.personWhich = e.personHead(c, p.phrase)
		if p.phrase == "" && p.class == "naming" {
			// "What's the name of the keeper's daughter?": "she" is
			// the daughter named.
			p.personWhich = e.personHead(c, e.namedHead(toks))
		}
	}
	p.personWhich = p.personWhich || e.asksWhichPerson(c, toks) || p.class == "naming" && e.personHead(c, e.namedHead(toks))
	p.person = e.personPhrase(c, prev, toks)
	i := 0
	// A source phrase the question opens or ends with ("In the Bayton
	// story, who …?", "…, per the Northport piece") is no part of what it
	// asks about.
	from, to := e.rules.sourceEnds(prev.Question)
	p.asked = [2]int{from, to}
	p.leadThing = e.leadThing(c, prev.Question, toks, from)
	// So is a clause or phrase leading up to the asking ("While a patch
	// runs, how does …?", "In the hand format, which axes …?").
	lead := ""
	if j := e.rules.askingAfter(prev.Question, toks, true); j > 0 && toks[j].start > from {
		if e.rules.phraseLead[toks[0].word] && !e.rules.clauseLead[toks[0].word] && from == 0 && !e.rules.opensWithSource(prev.Question) {
			// A phrase's setting stays with the topic, after it: "In
			// England, what kind of healer is an apothecary?" is about
			// the kind of healer an apothecary is in England.
			lead = strings.TrimRight(prev.Question[toks[0].start:toks[j].start], " ,;:")
			lead = strings.ToLower(toks[0].raw) + lead[len(toks[0].raw):] // "in England", mid-sentence
		}
		from = toks[j].start
	}
	for i < len(toks) && toks[i].start < from {
		i++
	}
	// The question words, and the "s" of a verb contracted onto them
	// ("What's the point …?", "when's the group …"), are no words of the
	// topic.
	for i < len(toks) && (c.questionWords[toks[i].word] || c.auxiliary[toks[i].word] || e.askingWord(c, toks, i) || apostropheS(prev.Question, toks, i)) {
		i++
	}
	if i < len(toks) && toks[i].start < to {
		p.topic = strings.TrimRight(prev.Question[toks[i].start:to], " ?!.,;:–—-")
		p.thingTopic = e.unstranded(ix, c, p.topic)
		if lead != "" {
			p.topic += " " + lead
			p.thingTopic += " " + lead
		}
		// "How many species of rhea are there?" asks about the species
		// of rhea: "are there" ends no topic.
		if n := len(toks); n-i > 2 && toks[n-1].word == "there" && c.auxiliary[toks[n-2].word] {
			p.topic = strings.TrimRight(prev.Question[toks[i].start:toks[n-2].start], " ")
			p.thingTopic = p.topic
		}
		var kept []string
		for _, t := range toks[i:] {
			if !e.inName(p.qnames, t) && !c.auxiliary[t.word] {
				kept = append(kept, t.raw)
			}
		}
		p.unnamed = strings.Join(kept, " ")
		if i > 0 && c.existential[toks[i-1].word] {
			p.passive = e.passiveSubject(c, p.topic)
		}
		p.noun = e.topicNoun(c, p.topic)
		if aux := toks[max(i-1, 0)].word; p.noun == "" && i > 0 && (c.doSupport[aux] || c.perfect[aux]) {
			p.subject = e.doSubject(ix, c, p.topic, c.perfect[aux])
			if c.perfect[aux] && slices.ContainsFunc(foldWords(p.subject), func(w string) bool { return e.personWord(c, w) }) {
				// "Had the writer ever seen …?": "it" next is no person.
				p.subject = ""
			}
			p.noun = p.subject
		}
	}
	// The place a where question was answered with is part of what it
	// was about: "Where did Ames meet Brandt?" — "Northport" — "When?"
	// asks when they met in Northport. (A who question's answer is what
	// its pronouns stand for, not its topic.)
	if p.topic != "" && p.class == "where" {
		have := e.rules.stemSet(p.topic)
		var add []string
		for _, n := range prev.Names {
			if n.Kind == "person" {
				continue
			}
			fresh := false
			for st := range e.rules.stemSet(n.Text) {
				fresh = fresh || !have[st]
			}
			if fresh {
				add = append(add, n.Text)
			}
		}
		if len(add) > 0 {
			p.topic += " in " + joinAnd(add)
			p.thingTopic += " in " + joinAnd(add)
		}
	}
	p.event = p.topic
	if p.askedWhich && p.answerText != "" && p.phrase != "" && !p.pluralWhich {
		// "When?" after "Which version introduced XCF?" — "Version
		// 0.99" — asks when Version 0.99 introduced it.
		head := strings.TrimPrefix(p.phrase, "the ")
		if rest, ok := strings.CutPrefix(p.topic, head); ok && rest != "" {
			p.event = p.answerText + rest
		}
	}
	if p.topic != "" && p.class == "who" {
		var who []string
		for _, n := range prev.Names {
			if n.Kind == "person" || n.Kind == "" {
				who = append(who, n.Text)
			}
		}
		if len(who) > 0 {
			p.event = e.whoEvent(c, p, joinAnd(who))
		}
	}
	return p
}

// personPhrase is the person a turn spoke of by what they are, when it
// named no person: the short answer of a who question headed by a person
// noun, a title or a role ("the second officer"), else the first noun
// phrase of the question so headed, with "of" and a name after it ("the
// king of Halir", "a player"); "" when there is none.
func (e *Engine) personPhrase(c *carryRules, prev *Turn, toks []token) string {
	for _, n := range prev.Names {
		if n.Kind == "person" {
			return ""
		}
	}
	if a := shortAnswer(prev.Answer); prev.Class == "who" && a != "" && e.personHead(c, a) {
		if rest, ok := strings.CutPrefix(a, "The "); ok {
			a = "the " + rest // read mid-sentence
		}
		return a
	}
	for i, t := range toks {
		if !c.which.determiners[t.word] {
			continue
		}
		for j := i + 1; j < len(toks) && j <= i+3; j++ {
			w := toks[j].word
			if e.personWord(c, w) && !e.stopword(w) {
				end := toks[j].end
				if j+2 < len(toks) && toks[j+1].word == "of" && isCapitalised(toks[j+2].raw) {
					end = toks[j+2].end
				}
				return prev.Question[t.start:end]
			}
			if e.stopword(w) || c.questionWords[w] || c.auxiliary[w] {
				break
			}
		}
	}
	return ""
}

// passiveSubject is the words of topic before its participle ("thorium
// found in Brazil" → "thorium", "GIMP 0.54 released" → "GIMP 0.54"), when
// they open with no determiner (topicThing reads those) and hold no
// auxiliary; "" when it has no participle after a first word.
func (e *Engine) passiveSubject(c *carryRules, topic string) string {
	toks := tokenize(topic)
	if len(toks) < 2 || c.which.determiners[toks[0].word] {
		return ""
	}
	for k := 1; k < len(toks); k++ {
		t := toks[k]
		if c.auxiliary[t.word] || c.which.determiners[t.word] {
			return ""
		}
		if isCapitalised(t.raw) {
			continue
		}
		if c.which.verbForm(t.word) || len(e.rules.forms[t.stem]) > 0 || adverb(t.word) && k+1 < len(toks) {
			// "decoction mashing traditionally used with": an adverb
			// before the participle ends the subject as well.
			return strings.TrimSpace(topic[:t.start])
		}
	}
	return ""
}

// adverb reports whether word is an adverb made of an English adjective
// with "ly" ("traditionally", "frequently"), not a noun that ends so
// ("family", "assembly").
func adverb(word string) bool {
	return len(word) >= 6 && strings.HasSuffix(word, "ly") && isEnglish(word[:len(word)-2])
}

// topicNoun is the noun phrase a topic that is a clause speaks of: the
// subject after an auxiliary near its start ("back can dwarf rootstocks
// for pear trees be traced" → "dwarf rootstocks for pear trees"), or what
// the verb it opens with acts on ("made tally sticks no longer needed" →
// "tally sticks"). The phrase runs to the next auxiliary, verb form, comma
// or stop word ("of" aside), without a modifier left at its end ("the
// genome first sequenced" → "the genome"). "" when the topic is neither,
// or the phrase holds no content word.
func (e *Engine) topicNoun(c *carryRules, topic string) string {
	toks := tokenize(topic)
	// A word ending in "s" is taken for a plural noun ("sticks"), even
	// when an irregular verb shares its stem.
	verb := func(t token) bool {
		return !isCapitalised(t.raw) && (c.which.verbForm(t.word) || len(e.rules.forms[t.stem]) > 0 && !strings.HasSuffix(t.word, "s"))
	}
	start := -1
	for k := 0; k < min(3, len(toks)); k++ {
		if c.auxiliary[toks[k].word] {
			start = k + 1
			break
		}
	}
	// A general verb the rules count as a stop word ("made", "gave")
	// opens a clause as well as any.
	if start < 0 && len(toks) > 1 && (verb(toks[0]) || e.rules.stop[toks[0].word] && !english.IsStopWord(toks[0].word)) {
		start = 1
	}
	if start < 0 || start >= len(toks) {
		return ""
	}
	from := start
	for from < len(toks) && c.which.determiners[toks[from].word] {
		from++
	}
	if from < len(toks) && e.stopword(toks[from].word) {
		return ""
	}
	end := from
	for end < len(toks) {
		t := toks[end]
		if c.auxiliary[t.word] || verb(t) || e.stopword(t.word) && !c.which.phrasePrep[t.word] ||
			end > from && strings.Contains(topic[toks[end-1].end:t.start], ",") {
			break
		}
		end++
	}
	for end > from && (c.nounModifiers[toks[end-1].word] || c.which.phrasePrep[toks[end-1].word]) {
		end--
	}
	if end == from {
		return ""
	}
	return topic[toks[start].start:toks[end-1].end]
}

// doSubject is the subject of a topic that follows a do-support or
// modal auxiliary ("the harbour talks focus on", after "What did"; "the
// king move to", after "Which squares can"; "the docking bays of the
// port open onto"): a determiner and at most six words, "of" and
// determiners among them, or a bare noun of at most three lower-case
// words ("land-use zoning receive"), to a plural noun or a word before
// the verb's bare form, when a lower-case word that is no stop word
// follows it; "" otherwise. After an auxiliary of the perfect, the verb
// is a participle ("the harbour board turned down", after "What has"), or
// "been" ("the board been weighing").
func (e *Engine) doSubject(ix *index, c *carryRules, topic string, perfect bool) string {
	toks := tokenize(topic)
	if len(toks) < 2 {
		return ""
	}
	from, upto := 1, 7
	if !c.which.determiners[toks[0].word] {
		// A bare noun ("land-use zoning receive legal approval"): in
		// lower case, no stop word, and at most three words.
		if _, pron := c.pronouns[toks[0].word]; pron || isCapitalised(toks[0].raw) || e.stopword(toks[0].word) || ix.writtenAsName(toks[0].word) {
			return "" // "where does trump come down": a name in lower case
		}
		from, upto = 0, 3
	}
	for k := from; k < min(upto, len(toks)-1); k++ {
		t, next := toks[k], toks[k+1]
		if perfect && !e.stopword(t.word) && !isCapitalised(next.raw) && e.participle(c, next.word) {
			return topic[:t.end]
		}
		if e.stopword(t.word) {
			if from > 0 && (c.which.phrasePrep[t.word] || c.which.determiners[t.word]) {
				continue // "the docking bays of the port"
			}
			return ""
		}
		if isCapitalised(next.raw) || e.stopword(next.word) || !isLetters(next.word) {
			continue
		}
		if pluralWord(t.word) || e.bareVerb(ix, next.word) {
			return topic[:t.end]
		}
	}
	return ""
}

// participle reports whether the folded word w may be a participle after
// an auxiliary of the perfect: a word with a verb ending ("turned"), an
// irregular verb's form ("taken") or a form of "be" ("been").
func (e *Engine) participle(c *carryRules, w string) bool {
	return c.which.verbForm(w) || len(e.rules.forms[stem(w)]) > 0 || c.existential[w]
}

// bareVerb reports whether the folded word w is a verb's bare form the
// articles use in another form ("move": "moved", "moving"; "open":
// "opening"): after a do-support or modal auxiliary's subject, the verb.
func (e *Engine) bareVerb(ix *index, w string) bool {
	if strings.HasSuffix(w, "s") || len(w) < 3 {
		return false
	}
	if len(e.rules.forms[stem(w)]) > 0 {
		return true
	}
	base := strings.TrimSuffix(w, "e")
	for _, f := range []string{w + "ed", w + "d", base + "ing", w + "ing"} {
		if ix.usesWord(f) {
			return true
		}
	}
	return false
}

// ownedThing is the thing question names n the owner of ("Ada Ames's
// book"), as written, or "".
func ownedThing(question string, n named) string {
	if end := ownedEnd(question, n.end); end > 0 {
		return question[n.start:end]
	}
	return ""
}

// ownedEnd is where the word ends that text says a name ending at end
// owns ("Ada Ames" in "Ada Ames's book": after "book"), or -1.
func ownedEnd(text string, end int) int {
	for _, s := range []string{"'s ", "’s "} {
		if after, ok := strings.CutPrefix(text[end:], s); ok {
			toks := tokenize(after)
			if len(toks) == 0 || toks[0].start != 0 {
				return -1
			}
			return end + len(s) + toks[0].end
		}
	}
	return -1
}

// askingWord reports whether toks[i] belongs to the question's asking
// rather than its topic: a preposition before a question word ("In what
// year did …"), or the answer head after one ("what year"), or the noun
// after "what" or "which" that the verb follows ("what name are …").
func (e *Engine) askingWord(c *carryRules, toks []token, i int) bool {
	if i+1 < len(toks) && c.questionWords[toks[i+1].word] && english.IsStopWord(toks[i].word) {
		return true
	}
	if i == 0 || !c.questionWords[toks[i-1].word] {
		return false
	}
	// "By what name are the provinces known?", "Which race is …?": the
	// noun a which word asks for, before the verb, is the asking too.
	return e.rules.answerHead[toks[i].word] || c.whichWords[toks[i-1].word] && i+1 < len(toks) && c.auxiliary[toks[i+1].word] && !english.IsStopWord(toks[i].word)
}

// resolve names what a pronoun of ref stands for in the turn, and the rule
// that chose it; "" when the turn holds nothing of the kind.
func (p turnRead) resolve(c *carryRules, ref string) (string, string) {
	tn := p.namesFor(ref)
	switch ref {
	case refPerson:
		return p.resolvePerson(c, tn)
	case refGroup, refPeople:
		return p.resolveGroup(c, ref, tn)
	case refThing, refThings:
		return p.resolveThing(c, ref, tn)
	case refTime:
		return p.resolveTime(c, tn)
	case refEvent:
		return p.resolveEvent(c)
	case refPlace:
		return p.resolvePlace(c, tn)
	}
	return "", ""
}

// turnNames are the names of a turn that a pronoun of one kind may stand
// for: those its answer gave, and those its question said, by kind.
type turnNames struct {
	askedWho                                    bool
	answered, things, places, persons, unkinded []string
	notPlaces                                   int
}

// namesFor sorts the turn's names for a pronoun of ref.
func (p turnRead) namesFor(ref string) turnNames {
	askedWho := p.class == "who"
	var answered []string
	for _, n := range p.answer {
		if fits(ref, n.Kind) {
			answered = append(answered, n.Text)
		}
	}
	var things, places, persons, unkinded []string
	notPlaces := 0
	for _, n := range p.qnames {
		if (n.end <= p.asked[0] || n.start >= p.asked[1]) && n.Kind != "person" {
			continue
		}
		if n.Kind == "" {
			unkinded = append(unkinded, n.fill())
		}
		if n.Kind != "place" {
			notPlaces++
		}
		switch {
		case n.Kind == "person":
			persons = append(persons, n.fill())
		case n.Kind == "place" && !n.generic:
			places = append(places, n.fill())
		case n.Kind != "place" && (p.phrase == "" || n.start >= p.phraseEnd):
			// A name inside the phrase a which question asked about
			// ("Which CD vendor …?") is part of it, not the thing; an
			// owner's thing is the thing ("Ada Ames's book").
			if o := ownedThing(p.question, n); o != "" {
				things = append(things, o)
			} else {
				things = append(things, n.fill())
			}
		}
	}
	return turnNames{askedWho: askedWho, answered: answered, things: things, places: places, persons: persons, unkinded: unkinded, notPlaces: notPlaces}
}

// resolvePerson names the one person "he" or "she" stands for.
func (p turnRead) resolvePerson(c *carryRules, tn turnNames) (string, string) {
	// The first person the last question named but the one this question
	// names itself (besides), or -1.
	other := slices.IndexFunc(tn.persons, func(n string) bool { return n != p.besides })
	switch {
	case tn.askedWho && len(tn.answered) == 1:
		return tn.answered[0], "a pronoun for one person: the person the last answer named"
	case p.personWhich && len(tn.answered) == 1:
		return tn.answered[0], "a pronoun for one person after a question asking which person: the person the last answer named"
	case other == 0:
		return tn.persons[0], "a pronoun for one person: the first person the last question named"
	case other > 0:
		// "who did Ames ask him to pair up with?" after a question
		// naming Ames first: the first person named but Ames.
		return tn.persons[other], "a pronoun for one person: the first person the last question named but the one this question names"
	case len(tn.answered) == 1 && p.class != "where" && p.class != "when":
		// Not after a where or when question: its answer is a
		// place or a time ("New York City"), whatever kind its
		// name was read as.
		return tn.answered[0], "a pronoun for one person: the person the last answer named"
	case p.person != "" && len(tn.answered) == 0 && !p.ownNamed && phraseHolds(p.person, tn.unkinded):
		// "What did the king of Halir order?" — "Where did he send
		// his heralds?": the king, not Halir.
		return p.person, personRule
	case (len(tn.answered) == 0 || p.class == "where" || p.class == "when") && len(tn.unkinded) == 1 && tn.notPlaces == 1 && !p.theGroup(tn.unkinded[0]):
		// "What did Orrin make in 1879?" — "When was he born?":
		// the one name the last question said, of no kind the
		// articles tell, is the person; a place it said too ("When
		// did Orrin return to Westland?") is none, nor is where
		// or when a question was answered with.
		return tn.unkinded[0], "a pronoun for one person: the one name the last question said"
	case len(tn.answered) == 0 && len(tn.unkinded) >= 2 && !p.ownNamed:
		// "What did Boaz tell Ruth to do?" — "What did he hand
		// her?": of two names no article tells the kind of, the
		// one the question asked about as its subject.
		n, ok := p.subjectName(c)
		if !ok || n.Kind != "" {
			break
		}
		if p.besides != n.fill() {
			return n.fill(), "a pronoun for one person: the name the last question had as its subject"
		}
		// "… hand her": the one "he" did not take.
		for _, u := range tn.unkinded {
			if u != p.besides {
				return u, "a pronoun for another person: the name the last question said besides its subject"
			}
		}
	}
	if p.person != "" && len(tn.answered) == 0 && !p.ownNamed {
		// "Who came up at noon?" — "the second officer" — "Did he
		// understand the language?".
		return p.person, personRule
	}
	return "", ""
}

// theGroup reports whether the last question said name, a plural, after
// "the" ("the Americans who feel …"): many people, whom "he" or "she"
// does not stand for.
func (p turnRead) theGroup(name string) bool {
	return pluralName(name) && strings.Contains(strings.ToLower(p.question), "the "+strings.ToLower(name))
}

// personRule says why "he" or "she" stood for a person named by what
// they are (turnRead.person).
const personRule = "a pronoun for one person: the one the last question or answer spoke of by what they are"

// phraseHolds reports whether phrase holds every one of names ("the king of
// Halir" holds "Halir").
func phraseHolds(phrase string, names []string) bool {
	for _, n := range names {
		if !strings.Contains(phrase, n) {
			return false
		}
	}
	return true
}

// resolveGroup names the several people "they" stands for, else (but for
// refPeople) the things.
func (p turnRead) resolveGroup(c *carryRules, ref string, tn turnNames) (string, string) {
	switch {
	case tn.askedWho && p.group != "":
		return p.group, "a pronoun for several: the body of people the last answer named"
	case tn.askedWho && len(tn.answered) >= 2:
		return joinAnd(tn.answered), "a pronoun for several: the people the last answer named"
	case tn.askedWho && len(tn.answered) == 1 && p.answeredBody():
		// "When did they start drafting it?" after "Who co-wrote
		// the proposal with Westland?" — "Eastgate": a country or a
		// body acts as "they".
		return tn.answered[0], "a pronoun for several: the country or body the last answer named"
	case tn.askedWho && len(tn.answered) == 1 && pluralName(tn.answered[0]):
		// "who beat them in the end" after "Who did Brebeuf
		// befriend?" — "Huron Indians": the people answered.
		return tn.answered[0], "a pronoun for several: the people the last answer named"
	case len(tn.persons) >= 2:
		return joinAnd(tn.persons), "a pronoun for several: the people the last question named"
	case tn.askedWho && len(tn.answered) == 0 && p.phrase == "":
		// "What did they object to?" after "Who criticized the
		// draft?" asks of the critics, whom no answer named: not
		// of the draft.
		return "", ""
	}
	if ref == refPeople {
		return "", ""
	}
	return p.resolve(c, refThings)
}

// resolveThing names the thing "it" stands for, or for refThings the
// things "they" or "them" stand for.
func (p turnRead) resolveThing(c *carryRules, ref string, tn turnNames) (string, string) {
	// "it" is one thing: not the answer or phrase of a question
	// asking which of several ("Which architectures …?").
	one := ref == refThing && p.pluralWhich
	if ref == refThing && p.leadThing != "" {
		return p.leadThing, "a pronoun for a thing: the noun phrase the last question set out before asking, which it called \"it\""
	}
	var group string // "they": the plural noun phrase the topic opens with
	if ref == refThings {
		group = c.topicGroup(p.topic)
	}
	switch {
	case tn.askedWho && len(tn.answered) == 1 && ref == refThing && !p.namedFirst:
		// "they" is no one person: "Who translated Ames's books?"
		// — "Fenn" — "What are they called?" asks of the books.
		return tn.answered[0], "a pronoun for a thing: what the last answer named"
	case ref == refThings && group != "" && p.phrase != "" && !p.pluralWhich && len(tn.things) == 0:
		// "them" after "What age did the oldest orcs reach?" is
		// the orcs, not the one age it asked for.
		return group, "a pronoun for several: the plural noun phrase the last question's topic opens with, not the one thing it asked which of"
	case p.askedWhich && !one && !(p.namedFirst && len(tn.things) > 0):
		if fill, rule := p.whichAnswer(ref); fill != "" {
			return fill, rule
		}
	}
	if ref == refThings && (len(tn.things) == 0 || !pluralName(tn.things[0])) {
		// "What did he make of them?" after "Who took part in the
		// Palmshire talks for the Harbour Board?": the talks, not
		// the board.
		switch np := c.pluralPhrase(p.topic); {
		case np != "" && np == group:
			return group, "a pronoun for several: the plural noun phrase the last question's topic opens with"
		case np != "":
			return np, "a pronoun for several: the first plural noun phrase of the last question's topic"
		}
	}
	switch {
	case len(tn.things) > 0:
		return tn.things[0], "a pronoun for a thing: the first thing (not a person or place) the last question named"
	case p.phrase != "" && !one:
		return p.phrase, phraseRule
	case group != "":
		return group, "a pronoun for several: the plural noun phrase the last question's topic opens with"
	case len(tn.places) > 0 && strings.HasPrefix(p.topic, tn.places[0]+" "):
		// "When did Mexico become independent of Spain?" — "it" is
		// Mexico, the place the topic opens with.
		return tn.places[0], "a pronoun for a thing: the place the last question's topic opens with"
	case p.passive != "":
		return p.passive, "a pronoun for a thing the last question asked about: the subject of its passive verb"
	case p.subject != "" && !p.pluralSubjectBesidePlace(ref, tn):
		return p.subject, "a pronoun for a thing the last question asked about: the subject between its auxiliary and its verb"
	case p.topic != "":
		topic := p.thingTopic
		if np := c.topicThing(topic); np != topic {
			return np, "a pronoun for a thing the last question asked about: the noun phrase of its topic"
		}
		if p.noun != "" && !(p.noun == p.subject && p.pluralSubjectBesidePlace(ref, tn)) {
			return p.noun, "a pronoun for a thing the last question asked about: the noun phrase its clause speaks of"
		}
		if len(strings.Fields(p.topic)) > c.topicWords || c.asks(topic) {
			return "", ""
		}
		if topic != p.topic {
			return topic, "a pronoun for a thing the last question asked about: its topic, without the preposition it ends with and what it says of the thing"
		}
		return topic, "a pronoun for a thing the last question asked about: its topic"
	case len(tn.places) > 0:
		return tn.places[0], "a pronoun for a thing: the place the last question named"
	}
	return "", ""
}

// resolveTime names the time "then" stands for.
func (p turnRead) resolveTime(c *carryRules, tn turnNames) (string, string) {
	if p.date != "" {
		fill := p.date
		if w := foldWords(fill); len(w) > 0 && !english.IsStopWord(w[0]) {
			fill = "in " + fill // "1993", "late Sunday": "in" reads it as a time
		}
		return fill, "a pronoun for a time: the time the last answer gave"
	}
	var names []string
	for _, n := range joinNumbered(p.question, append([]named(nil), p.qnames...), func(string) string { return "" }) {
		if n.Kind != "person" && !n.generic {
			names = append(names, n.fill())
		}
	}
	if len(names) > 0 {
		return "in " + joinAnd(names), "a pronoun for a time: the time of what the last question named"
	}
	return p.resolve(c, refEvent)
}

// resolveEvent names what "that" stands for: what the last question
// asked about. A topic that still asks ("orrin vell was ready to talk about
// what", a question typed as a statement) is a question of its own, no
// event "that" stands for.
func (p turnRead) resolveEvent(c *carryRules) (string, string) {
	switch {
	case p.event != p.topic:
		return p.event, "a pronoun for what the last question asked about: its topic, with whom it was answered"
	case p.topic != "" && !c.asks(p.topic):
		return p.topic, "a pronoun for what the last question asked about: its topic"
	}
	return "", ""
}

// resolvePlace names the place "there" stands for.
func (p turnRead) resolvePlace(c *carryRules, tn turnNames) (string, string) {
	switch {
	case len(tn.places) > 0:
		return tn.places[len(tn.places)-1], "a pronoun for a place: the place the last question named"
	case p.class == "where" && len(tn.answered) > 0:
		return tn.answered[0], "a pronoun for a place: the place the last answer named"
	}
	// After a question answered with a place, "there" may be it.
	if p.class != "where" && len(tn.answered) == 0 {
		if np := c.topicOfName(p.topic); np != "" {
			return np, "a pronoun for a place: the named noun phrase the last question's topic opens with"
		}
	}
	return "", ""
}

// asksWhose reports whether a question asks whose something is.
func asksWhose(toks []token) bool {
	for _, t := range toks {
		if t.word == "whose" {
			return true
		}
	}
	return false
}

// pluralName reports whether a name ends in a plural word ("Huron
// Indians", "the Saxons"), not in "ss" ("Ross").
func pluralName(name string) bool {
	ws := foldWords(name)
	if len(ws) == 0 {
		return false
	}
	return pluralWord(ws[len(ws)-1])
}

// pluralWord reports whether the folded word w looks plural: longer than
// three letters, ending in "s" but not "ss", nor in "is" or "us", the
// endings of Latin singulars ("canadensis", "status").
func pluralWord(w string) bool {
	return len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") &&
		!strings.HasSuffix(w, "is") && !strings.HasSuffix(w, "us")
}

// answeredBody reports whether the last answer named one place or
// organisation and no person.
func (p turnRead) answeredBody() bool {
	if len(p.answer) != 1 {
		return false
	}
	k := p.answer[0].Kind
	return k == "place" || k == "org"
}

// subjectName is the name the question has as its subject: the one
// right after its auxiliary, itself after a question word or opening the
// question ("What did Boaz tell Ruth …?", "Did Boaz …?").
func (p turnRead) subjectName(c *carryRules) (named, bool) {
	toks := tokenize(p.question)
	for _, n := range p.qnames {
		i := 0
		for i < len(toks) && toks[i].end <= n.start {
			i++
		}
		if i == 0 || i >= len(toks) || toks[i].start != n.start || !c.auxiliary[toks[i-1].word] {
			continue
		}
		if i == 1 || c.questionWords[toks[i-2].word] {
			return n, true
		}
	}
	return named{}, false
}

// asks reports whether text holds a word that asks ("how", "which"): a
// question of its own, no thing or event a pronoun stands for.
func (c *carryRules) asks(text string) bool {
	return slices.ContainsFunc(tokenize(text), func(t token) bool { return c.whWords[t.word] })
}

// pluralSubjectBesidePlace reports whether "it" (ref) should pass over
// the last question's subject: a plural one ("sea temperatures vary")
// when the question names a place ("in the Quiet Sea"). "they" may stand
// for it, and so may "it" otherwise ("the harbour talks").
func (p turnRead) pluralSubjectBesidePlace(ref string, tn turnNames) bool {
	return ref == refThing && pluralName(subjectHead(p.subject)) && len(tn.places) > 0
}

// subjectHead is a subject up to its first "of" ("the ministers" of "the
// ministers of the Harbour League").
func subjectHead(subject string) string {
	if i := strings.Index(subject, " of "); i > 0 {
		return subject[:i]
	}
	return subject
}

// leadThing is the noun phrase a question sets out before a comma or a
// dash and then asks about as "it" ("the original plan, when did it first
// come out?", "Bayton quay - does Northport accept it?"), past a source
// named before a dash of its own ("gazette - the flood, when did it
// start"): what "it" stands for in the next question too. The phrase has
// at most seven words, none a question word or an auxiliary, and opens
// with no clause's or phrase's lead word; "" when there is none.
func (e *Engine) leadThing(c *carryRules, text string, toks []token, from int) string {
	start := slices.IndexFunc(toks, func(t token) bool { return t.start >= from })
	if start < 0 {
		return ""
	}
	for j := start + 1; j < len(toks) && j <= start+10; j++ {
		gap := text[toks[j-1].end:toks[j].start]
		dash := dashGap(gap)
		if !dash && !strings.Contains(gap, ",") {
			continue
		}
		if !c.questionWords[toks[j].word] && !e.rules.asksYesNo(toks[j].word) {
			if dash {
				start = j // a source before the phrase
				continue
			}
			return ""
		}
		lead := toks[start:j]
		if len(lead) > 7 || e.rules.clauseLead[lead[0].word] || e.rules.phraseLead[lead[0].word] {
			return ""
		}
		for _, t := range lead {
			if c.questionWords[t.word] || c.auxiliary[t.word] || e.rules.personPronoun[t.word] {
				return ""
			}
		}
		phrase := text[lead[0].start:lead[len(lead)-1].end]
		if e.rules.namesDocument(phrase) || !slices.ContainsFunc(toks[j:], func(t token) bool { return c.pronouns[t.word].ref == refThing }) {
			return ""
		}
		return phrase
	}
	return ""
}
