package answers

import (
	_ "embed"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"sync"

	"github.com/kljensen/snowball/english"
)

//go:embed followup.yaml
var followupYAML []byte

// followupFile is the shape of followup.yaml.
type followupFile struct {
	Pronouns struct {
		Person           []string `yaml:"person"`
		PersonPossessive []string `yaml:"person_possessive"`
		PersonEither     []string `yaml:"person_either"`
		Group            []string `yaml:"group"`
		GroupPossessive  []string `yaml:"group_possessive"`
		Thing            []string `yaml:"thing"`
		ThingPossessive  []string `yaml:"thing_possessive"`
		Event            []string `yaml:"event"`
		Place            []string `yaml:"place"`
		Time             []string `yaml:"time"`
	} `yaml:"pronouns"`
	ClauseOpeners     []string   `yaml:"clause_openers"`
	ClauseJoins       []string   `yaml:"clause_joins"`
	TimePrepositions  []string   `yaml:"time_prepositions"`
	WhichWords        []string   `yaml:"which_words"`
	ContrastNouns     []string   `yaml:"contrast_nouns"`
	Existential       []string   `yaml:"existential"`
	PlacePrepositions []string   `yaml:"place_prepositions"`
	QuestionWords     []string   `yaml:"question_words"`
	Auxiliaries       []string   `yaml:"auxiliaries"`
	Ellipsis          []string   `yaml:"ellipsis"`
	Fillers           []string   `yaml:"fillers"`
	SwapPrepositions  []string   `yaml:"swap_prepositions"`
	OpposedPreps      [][]string `yaml:"opposed_prepositions"`
	Leaning           []string   `yaml:"leaning"`
	Contrast          []string   `yaml:"contrast"`
	BareWords         int        `yaml:"bare_words"`
	AnswerWords       int        `yaml:"answer_words"`
	PhrasePreps       []string   `yaml:"phrase_prepositions"`
	Determiners       []string   `yaml:"determiners"`
	VerbEndings       []string   `yaml:"verb_endings"`
	EventQuestions    []string   `yaml:"event_question_words"`
	ObjectAux         []string   `yaml:"object_auxiliaries"`
	ScaleEnds         [][]string `yaml:"scale_ends"`
	Expletive         []string   `yaml:"expletive"`
	PeopleEndings     []string   `yaml:"people_endings"`
}

// What a pronoun stands for.
const (
	refPerson = "person"
	refGroup  = "group"
	refThing  = "thing"
	refThings = "things" // "they" when no people fit: a thing, or several
	refEvent  = "event"
	refPlace  = "place"
	refTime   = "time"
)

// pronoun is how a pronoun is filled in: what it stands for, whether it
// is possessive ("his" → "Brandt's"), and for "her" whether that depends
// on the next word.
type pronoun struct {
	ref        string
	possessive bool
	either     bool
}

// carryRules is followup.yaml compiled.
type carryRules struct {
	pronouns                   map[string]pronoun
	existential, placePrep     map[string]bool
	expletive                  map[string]bool
	peopleEndings              []string
	questionWords, auxiliary   map[string]bool
	ellipsis                   []*regexp.Regexp
	fillers, swapPrep, leaning map[string]bool
	// opposedPrep maps a preposition to its opposite ("after": "before").
	opposedPrep               map[string]string
	contrast                  map[string]bool
	clauseOpeners, timePrep   map[string]bool
	clauseJoins               map[string]bool
	whichWords, contrastNouns map[string]bool
	bareWords                 int
	// which: how a pronoun after a question asking which is read.
	which whichRules
}

// loadCarryRules compiles the embedded followup.yaml once; it is tested,
// so an error is a build mistake, reported by every follow-up.
var loadCarryRules = sync.OnceValues(func() (*carryRules, error) { return compileCarry(followupYAML) })

// compileCarry decodes followup rules strictly: an unknown key or a bad
// pattern is an error naming it.
func compileCarry(data []byte) (*carryRules, error) {
	var f followupFile
	var err error
	if err = decodeStrict(data, &f); err != nil {
		return nil, fmt.Errorf("parse rules: followup.yaml: %w", err)
	}
	c := &carryRules{
		pronouns:      map[string]pronoun{},
		existential:   wordSet(foldAll(f.Existential)),
		expletive:     wordSet(foldAll(f.Expletive)),
		peopleEndings: foldAll(f.PeopleEndings),
		placePrep:     wordSet(foldAll(f.PlacePrepositions)),
		questionWords: wordSet(foldAll(f.QuestionWords)),
		auxiliary:     wordSet(foldAll(f.Auxiliaries)),
		fillers:       wordSet(foldAll(f.Fillers)),
		swapPrep:      wordSet(foldAll(f.SwapPrepositions)),
		leaning:       wordSet(foldAll(f.Leaning)),
		contrast:      wordSet(foldAll(f.Contrast)),
		bareWords:     f.BareWords,
		clauseOpeners: wordSet(foldAll(f.ClauseOpeners)),
		clauseJoins:   wordSet(foldAll(f.ClauseJoins)),
		timePrep:      wordSet(foldAll(f.TimePrepositions)),
		whichWords:    wordSet(foldAll(f.WhichWords)),
		contrastNouns: wordSet(foldAll(f.ContrastNouns)),
	}
	c.opposedPrep = map[string]string{}
	for _, pair := range f.OpposedPreps {
		if len(pair) != 2 {
			return nil, fmt.Errorf("parse rules: followup.yaml: opposed_prepositions: want pairs, got %v", pair)
		}
		a, b := fold(pair[0]), fold(pair[1])
		c.opposedPrep[a], c.opposedPrep[b] = b, a
	}
	p := f.Pronouns
	for _, g := range []struct {
		words []string
		pr    pronoun
	}{
		{p.Person, pronoun{ref: refPerson}},
		{p.PersonPossessive, pronoun{ref: refPerson, possessive: true}},
		{p.PersonEither, pronoun{ref: refPerson, either: true}},
		{p.Group, pronoun{ref: refGroup}},
		{p.GroupPossessive, pronoun{ref: refGroup, possessive: true}},
		{p.Thing, pronoun{ref: refThing}},
		{p.ThingPossessive, pronoun{ref: refThing, possessive: true}},
		{p.Event, pronoun{ref: refEvent}},
		{p.Place, pronoun{ref: refPlace}},
		{p.Time, pronoun{ref: refTime}},
	} {
		for _, w := range g.words {
			w = fold(w)
			if _, dup := c.pronouns[w]; dup {
				return nil, fmt.Errorf("parse rules: followup.yaml: pronoun %q listed twice", w)
			}
			c.pronouns[w] = g.pr
		}
	}
	for _, pat := range f.Ellipsis {
		re, err := regexp.Compile(pat)
		if err != nil {
			return nil, fmt.Errorf("parse rules: followup.yaml: ellipsis %q: %w", pat, err)
		}
		if re.SubexpIndex("rest") < 0 {
			return nil, fmt.Errorf("parse rules: followup.yaml: ellipsis %q has no group named rest", pat)
		}
		c.ellipsis = append(c.ellipsis, re)
	}
	if c.which, err = compileWhich(f); err != nil {
		return nil, fmt.Errorf("parse rules: followup.yaml: %w", err)
	}
	if c.bareWords < 0 {
		return nil, fmt.Errorf("parse rules: followup.yaml: bare_words %d is negative", c.bareWords)
	}
	return c, nil
}

func foldAll(ws []string) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = fold(w)
	}
	return out
}

// Name is a person, place or thing a question or an answer names: as
// written, with its kind (person, place, org) when the domain pack or the
// articles say it, else "".
type Name struct {
	Text string `json:"text"`
	Kind string `json:"kind,omitempty"`
}

// named is a Name found in a text, with where.
type named struct {
	Name
	canon      string // the pack entity's own name ("Ada Brandt" for "the chief negotiator"); "" for learned names
	generic    bool   // a pack entity marked generic (a country named in passing)
	start, end int    // byte span in the text
}

// fill is how a pronoun standing for n is filled in: the entity's own
// name, else the name as written.
func (n named) fill() string {
	if n.canon != "" {
		return n.canon
	}
	return n.Text
}

// namesIn finds what text names: the domain pack's entities, then runs of
// capitalised words that are not a question's first word, an English
// word alone or a day or month, with the kind the articles give them.
func (e *Engine) namesIn(ix *index, text string) []named {
	r := e.rules
	toks := tokenize(text)
	var out []named
	for _, m := range r.mentions(toks) {
		ent := r.entities[m.entity]
		a, b := toks[m.from].start, toks[m.to-1].end
		out = append(out, named{Name: Name{Text: text[a:b], Kind: ent.Kind}, canon: ent.Name, generic: ent.Generic, start: a, end: b})
	}
	covered := func(a, b int) bool {
		for _, n := range out {
			if a < n.end && b > n.start {
				return true
			}
		}
		return false
	}
	var learned []named
	for _, loc := range learnedNames(text) {
		a, b := loc[0], loc[1]
		s := strings.TrimSuffix(strings.TrimSuffix(text[a:b], "'s"), "’s")
		s = strings.TrimRight(s, ".’'-")
		ws := strings.Fields(s)
		// The question's first word is capitalised for starting it, and
		// a function word after a colon ("Trivia: When Pope Gregory …")
		// for starting a sentence of its own.
		for len(ws) > 0 && (a == 0 && (isEnglish(fold(ws[0])) || r.leadIn(ws[0])) || len(ws) > 1 && sentenceOpener(ws[0])) {
			a += len(ws[0]) + 1
			ws = ws[1:]
		}
		if len(ws) == 0 {
			continue
		}
		b = a + len(strings.Join(ws, " "))
		if b > len(text) || covered(a, b) {
			continue
		}
		// A capitalised word alone is a name mid-question ("Sky", "Macron");
		// at the start, only when it is not English ("Such"). Days and
		// months are dates, not names.
		if len(ws) == 1 && (a == 0 && isEnglish(fold(ws[0])) && !isAcronym(ws[0]) || r.calendarWord[fold(ws[0])] || e.stopword(fold(ws[0]))) {
			continue
		}
		learned = append(learned, named{Name: Name{Text: text[a:b], Kind: ix.learnedKind(text[a:b])}, start: a, end: b})
	}
	out = append(out, learned...)
	sort.Slice(out, func(i, j int) bool { return out[i].start < out[j].start })
	return out
}

// learnedKind is the kind the articles give a learned name (person,
// place, org), or "" when they give none.
func (ix *index) learnedKind(name string) string {
	if ix.over != nil {
		return ix.over.learnedKind(name)
	}
	ws := foldWords(name)
	if len(ws) == 0 {
		return ""
	}
	want := fold(name)
	posts := ix.postings[stem(ws[0])]
	for i, p := range posts {
		if i == 500 {
			break
		}
		f := ix.sents[p].facts
		if f == nil {
			continue
		}
		for n, kind := range f.learned {
			if fold(n) == want && kind != kindName {
				return kind
			}
		}
	}
	return ""
}

// fits reports whether a name of kind can stand for what ref asks:
// unknown kinds fit anything but a place.
func fits(ref, kind string) bool {
	switch ref {
	case refPerson:
		return kind == "person" || kind == ""
	case refPlace:
		return kind == "place"
	case refThing, refThings:
		return kind != "person"
	}
	return true
}

// reading is a follow-up as carry read it.
type reading struct {
	// read is the question with what it leans on filled in; why the
	// reasons, nil when it leans on nothing.
	read string
	why  []string
	// added: the reading adds words of the last question beyond what the
	// follow-up's pronouns stand for (its topic, for "When?" or "And
	// Dorn?"): those are context, not what the follow-up asks about.
	added bool
	// persons are the names filled in for pronouns of one person ("he"
	// → "Tom Ames"): a sentence may go on about them as "he" too.
	persons []string
}

// carry reads question as a follow-up to prev: the question with what it
// leans on filled in, and the reasons, or the question unchanged and no
// reasons when it leans on nothing (or there is no prev). It is a pure
// function of the turn, the question and the rules.
func (e *Engine) carry(ix *index, prev *Turn, question string) reading {
	return e.carryAs(ix, prev, question, false)
}

// carryNamed is the second reading of a follow-up: "it" after a question
// asking which stands for a thing that question named, not for what its
// answer named ("When was it released?" after "Which architecture was
// added in Release 4.0?" asks about Release 4.0). It is question when
// nothing reads otherwise.
func (e *Engine) carryNamed(ix *index, prev *Turn, question string) reading {
	return e.carryAs(ix, prev, question, true)
}

func (e *Engine) carryAs(ix *index, prev *Turn, question string, namedFirst bool) reading {
	c, err := loadCarryRules()
	if err != nil || prev == nil || prev.Empty() {
		return reading{read: question}
	}
	text := e.rules.trimLeadIns(Normalize(question))
	p := e.turnOf(ix, prev)
	p.namedFirst = namedFirst
	if read, why, ok := e.ellipsis(ix, c, p, text); ok {
		return reading{read: read, why: why, added: true}
	}
	toks := tokenize(text)
	own := e.namesIn(ix, text)
	if read, why, persons, ok := e.fillPronouns(c, p, text, toks, own); ok {
		return reading{read: read, why: why, persons: persons}
	}
	if len(own) > 0 || p.topic == "" {
		return reading{read: question}
	}
	read, why := e.carryTopic(ix, c, p, question, text, toks)
	return reading{read: read, why: why, added: why != nil}
}

// fillPronouns reads the pronouns of a follow-up (text, toks) for what
// they stand for in the turn before (p), never over a name the question
// gives itself (own); ok when it filled any. persons are the names it
// filled in for pronouns of one person.
func (e *Engine) fillPronouns(c *carryRules, p turnRead, text string, toks []token, own []named) (string, []string, []string, bool) {
	type edit struct {
		start, end int
		with       string
	}
	var edits []edit
	var why, persons []string
	filledThing := false
	for i, t := range toks {
		pr, ok := c.pronouns[t.word]
		if !ok || e.inName(own, t) {
			continue
		}
		next := ""
		if i+1 < len(toks) {
			next = toks[i+1].word
		}
		if pr.either {
			pr.possessive = next != "" && !e.stopword(next) && !c.questionWords[next]
		}
		if pr.ref == refTime && i > 0 && c.timePrep[toks[i-1].word] {
			pr.ref = refEvent // "since then": since what was asked about
		}
		switch pr.ref {
		case refEvent:
			if next != "" && (!e.stopword(next) || c.clauseOpeners[next]) {
				continue // "that plan", "that Northport…", "explains that the …": not a pronoun
			}
		case refThing:
			if filledThing {
				continue // "What did it call it?": the second is another thing
			}
			if !pr.possessive && c.dummyIt(toks, i) {
				continue // "Was it too soon to tell?": "it" stands for nothing
			}
		case refPlace:
			if i > 0 && c.existential[toks[i-1].word] || c.existential[next] {
				continue // "is there", "are there"
			}
		}
		if e.namesBefore(own, t.start, pr.ref) {
			continue // "What did Ames say his team wanted?": "his" is Ames
		}
		ref := pr.ref
		if ref == refEvent && !c.which.eventQuestion[toks[0].word] {
			if fill, _ := p.whichAnswer(refThing); fill != "" || p.phrase != "" {
				ref = refThing // "Who proposed that?" after "Which provision …?": the provision
			}
		}
		fill, rule := p.resolve(c, ref)
		if fill == "" {
			continue
		}
		if ref == refThing {
			filledThing = true
		}
		if ref == refPerson {
			persons = append(persons, fill)
		}
		if pr.possessive {
			fill += "’s"
		}
		if pr.ref == refPlace && (i == 0 || !c.placePrep[toks[i-1].word]) {
			fill = "in " + fill
		}
		edits = append(edits, edit{t.start, t.end, fill})
		why = append(why, fmt.Sprintf("%q → %q: %s", t.raw, fill, rule))
	}
	if len(edits) > 0 {
		var b strings.Builder
		at := 0
		for _, ed := range edits {
			b.WriteString(text[at:ed.start])
			b.WriteString(ed.with)
			at = ed.end
		}
		b.WriteString(text[at:])
		return b.String(), why, persons, true
	}
	return "", nil, nil, false
}

// dummyIt reports whether the "it" at toks[i] stands for nothing: next to
// "is" or "was" (either side), with "to" or "that" within the seven words
// after it ("was it too soon to tell", "is it likely that …", "it's
// essential for the world to act").
func (c *carryRules) dummyIt(toks []token, i int) bool {
	if !(i > 0 && c.existential[toks[i-1].word] || i+1 < len(toks) && c.existential[toks[i+1].word]) {
		return false
	}
	for j := i + 1; j < len(toks) && j <= i+7; j++ {
		if c.expletive[toks[j].word] {
			return true
		}
	}
	return false
}

// carryTopic reads a follow-up that names nothing of its own and has no
// pronoun to fill: "the rest", "what other …", a bare "When?", a question
// that leans on the last one ("afterwards"): the last question's topic
// (p) added as each calls for.
func (e *Engine) carryTopic(ix *index, c *carryRules, p turnRead, question, text string, toks []token) (string, []string) {
	content, leaning, contrast := 0, "", ""
	standsAlone := false // "the rest" with no content word after
	for i, t := range toks {
		if c.contrastNouns[t.word] {
			standsAlone = true
			for _, u := range toks[i+1:] {
				if !e.stopword(u.word) && !c.fillers[u.word] {
					standsAlone = false
				}
			}
		}
		if c.leaning[t.word] && leaning == "" {
			leaning = t.raw
		}
		if c.contrast[t.word] && contrast == "" {
			contrast = t.raw
		}
		if !e.stopword(t.word) && !c.questionWords[t.word] && !c.auxiliary[t.word] && !c.fillers[t.word] {
			content++
		}
	}
	if contrast != "" {
		if p.unnamed == "" || !standsAlone && content-countContent(e, toks, c.contrast) >= 1 {
			// "What other faults are there?" says what it asks about.
			return question, nil
		}
		if standsAlone {
			// "Who picked up the rest?": the rest of what the last
			// question asked about, names and all: of the whole it
			// counted a part of, when it did.
			if whole := e.partWhole(c, p.topic); whole != "" {
				read := strings.TrimRight(text, " ?!.") + " of " + whole
				return read, []string{fmt.Sprintf("%q stands for the rest of the whole the last question counted a part of: %q", contrast, whole)}
			}
			read := strings.TrimRight(text, " ?!.") + " " + p.topic
			return read, []string{fmt.Sprintf("%q stands for the rest of what the last question asked about: its topic, %q, added", contrast, p.topic)}
		}
		read := strings.TrimRight(text, " ?!.") + " " + p.unnamed
		return read, []string{fmt.Sprintf("%q asks past what the last question named: its topic without the names, %q, added", contrast, p.unnamed)}
	}
	read := strings.TrimRight(text, " ?!.") + " " + p.event
	if content <= c.bareWords {
		if r, ok := e.whichAgain(ix, c, p, toks, text); ok {
			return r, []string{fmt.Sprintf("asks which again, of what the last question asked which of: its noun and where it asked, in %q", r)}
		}
		if r, why, ok := e.scaleAgain(c, p, toks, text); ok {
			return r, []string{why}
		}
	}
	switch {
	case content <= c.bareWords:
		return read, []string{fmt.Sprintf("no subject of its own: what the last question asked about, %q, added", p.event)}
	case leaning != "":
		return read, []string{fmt.Sprintf("%q leans on the last question, and nothing is named: what it asked about, %q, added", leaning, p.event)}
	}
	return question, nil
}

// stopword reports whether a folded word says nothing a sentence must
// hold.
func (e *Engine) stopword(w string) bool { return e.rules.stop[w] || english.IsStopWord(w) }

// inName reports whether t lies inside one of ns.
func (e *Engine) inName(ns []named, t token) bool {
	for _, n := range ns {
		if t.start >= n.start && t.end <= n.end {
			return true
		}
	}
	return false
}

// namesBefore reports whether ns holds, before byte offset at, a name that
// ref could stand for: then a pronoun of that kind refers to it.
func (e *Engine) namesBefore(ns []named, at int, ref string) bool {
	if ref == refEvent || ref == refTime {
		return false // "that" stands for what was asked, never for a name
	}
	for _, n := range ns {
		if n.end <= at && (ref == refGroup || fits(ref, n.Kind)) {
			return true
		}
	}
	return false
}

// turnRead is the previous turn as carry reads it: its question's names
// and topic, its class, and the names of its answer.
type turnRead struct {
	question string
	class    string
	// askedWhich: the question asked which thing ("Which vendor …?"),
	// so the thing its answer named is what "it" stands for next.
	askedWhich bool
	qnames     []named
	answer     []Name
	// answerText is the last answer when it was short, phrase the noun
	// phrase a which question asked about ("the provision of the plan"):
	// what "it" stands for after a question asking which.
	answerText, phrase string
	phraseEnd          int // where phrase ends in question: names before it are part of it
	// pluralWhich: the question asked which of several, or was answered
	// with several ("Alpha and SPARC"): no "it" stands for that answer.
	pluralWhich bool
	topic       string
	// event is what "that" stands for: the topic, with the people a who
	// question was answered with ("Who met Ames?" — "Brandt" — "When was
	// that?" asks when Brandt met Ames).
	event string
	// unnamed is the topic without the names in it, for "what other …".
	unnamed string
	// namedFirst: read "it" as a thing the question named before what
	// its answer named (the second reading, carryNamed).
	namedFirst bool
}

// turnOf reads prev for carrying.
func (e *Engine) turnOf(ix *index, prev *Turn) turnRead {
	c, _ := loadCarryRules()
	// Whole names: "it" after "Debian 3.0 Woody" is the release, not "Woody".
	qnames := joinNumbered(prev.Question, e.namesIn(ix, prev.Question), ix.learnedKind)
	p := turnRead{question: prev.Question, class: prev.Class, qnames: qnames, answer: prev.Names}
	toks := tokenize(prev.Question)
	p.askedWhich = e.asksWhich(prev.Question)
	if p.askedWhich {
		p.answerText = shortAnswer(prev.Answer)
		p.phrase, p.phraseEnd = e.whPhrase(c, prev.Question)
		p.pluralWhich = c.which.plural(p.phrase, p.answerText)
	}
	i := 0
	for i < len(toks) && (c.questionWords[toks[i].word] || c.auxiliary[toks[i].word] || e.askingWord(c, toks, i)) {
		i++
	}
	if i < len(toks) {
		p.topic = strings.TrimRight(prev.Question[toks[i].start:], " ?!.")
		var kept []string
		for _, t := range toks[i:] {
			if !e.inName(p.qnames, t) && !c.auxiliary[t.word] {
				kept = append(kept, t.raw)
			}
		}
		p.unnamed = strings.Join(kept, " ")
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
		}
	}
	p.event = p.topic
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
	askedWho := p.class == "who"
	var answered []string
	for _, n := range p.answer {
		if fits(ref, n.Kind) {
			answered = append(answered, n.Text)
		}
	}
	var things, places, persons []string
	for _, n := range p.qnames {
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
	switch ref {
	case refPerson:
		switch {
		case askedWho && len(answered) == 1:
			return answered[0], "a pronoun for one person: the person the last answer named"
		case len(persons) > 0:
			return persons[0], "a pronoun for one person: the first person the last question named"
		case len(answered) == 1:
			return answered[0], "a pronoun for one person: the person the last answer named"
		}
	case refGroup:
		switch {
		case askedWho && len(answered) >= 2:
			return joinAnd(answered), "a pronoun for several: the people the last answer named"
		case len(persons) >= 2:
			return joinAnd(persons), "a pronoun for several: the people the last question named"
		}
		return p.resolve(c, refThings)
	case refThing, refThings:
		// "it" is one thing: not the answer or phrase of a question
		// asking which of several ("Which architectures …?").
		one := ref == refThing && p.pluralWhich
		var group string // "they": the plural noun phrase the topic opens with
		if ref == refThings {
			group = c.topicGroup(p.topic)
		}
		switch {
		case askedWho && len(answered) == 1 && ref == refThing:
			// "they" is no one person: "Who translated Ames's books?"
			// — "Fenn" — "What are they called?" asks of the books.
			return answered[0], "a pronoun for a thing: what the last answer named"
		case ref == refThings && group != "" && p.phrase != "" && !p.pluralWhich && len(things) == 0:
			// "them" after "What age did the oldest orcs reach?" is
			// the orcs, not the one age it asked for.
			return group, "a pronoun for several: the plural noun phrase the last question's topic opens with, not the one thing it asked which of"
		case p.askedWhich && !one && !(p.namedFirst && len(things) > 0):
			if fill, rule := p.whichAnswer(ref); fill != "" {
				return fill, rule
			}
		}
		switch {
		case len(things) > 0:
			return things[0], "a pronoun for a thing: the first thing (not a person or place) the last question named"
		case p.phrase != "" && !one:
			return p.phrase, phraseRule
		case group != "":
			return group, "a pronoun for several: the plural noun phrase the last question's topic opens with"
		case p.topic != "":
			if np := c.topicThing(p.topic); np != p.topic {
				return np, "a pronoun for a thing the last question asked about: the noun phrase of its topic"
			}
			return p.topic, "a pronoun for a thing the last question asked about: its topic"
		case len(places) > 0:
			return places[0], "a pronoun for a thing: the place the last question named"
		}
	case refTime:
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
	case refEvent:
		switch {
		case p.event != p.topic:
			return p.event, "a pronoun for what the last question asked about: its topic, with whom it was answered"
		case p.topic != "":
			return p.topic, "a pronoun for what the last question asked about: its topic"
		}
	case refPlace:
		switch {
		case len(places) > 0:
			return places[len(places)-1], "a pronoun for a place: the place the last question named"
		case p.class == "where" && len(answered) > 0:
			return answered[0], "a pronoun for a place: the place the last answer named"
		case p.class != "where" && len(answered) == 0 && c.topicOfName(p.topic) != "":
			// (After a question answered with a place, "there" may be it.)
			return c.topicOfName(p.topic), "a pronoun for a place: the named noun phrase the last question's topic opens with"
		}
	}
	return "", ""
}

// countContent counts the tokens in set that are not stop words (and so
// were counted as content).
func countContent(e *Engine, toks []token, set map[string]bool) int {
	n := 0
	for _, t := range toks {
		if set[t.word] && !e.stopword(t.word) {
			n++
		}
	}
	return n
}
