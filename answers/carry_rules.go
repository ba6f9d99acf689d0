package answers

import (
	_ "embed"
	"fmt"
	"regexp"
	"sync"
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
	ClauseOpeners      []string   `yaml:"clause_openers"`
	Subordinators      []string   `yaml:"subordinators"`
	LeadingClauses     []string   `yaml:"leading_clauses"`
	NounModifiers      []string   `yaml:"noun_modifiers"`
	ClauseJoins        []string   `yaml:"clause_joins"`
	TimePrepositions   []string   `yaml:"time_prepositions"`
	WhichWords         []string   `yaml:"which_words"`
	ContrastNouns      []string   `yaml:"contrast_nouns"`
	Existential        []string   `yaml:"existential"`
	DoSupport          []string   `yaml:"do_support"`
	Perfect            []string   `yaml:"perfect"`
	Stranded           []string   `yaml:"stranded"`
	Predicative        []string   `yaml:"predicative"`
	PlacePrepositions  []string   `yaml:"place_prepositions"`
	ObjectPrepositions []string   `yaml:"object_prepositions"`
	ObjectPronouns     []string   `yaml:"object_pronouns"`
	Supposing          []string   `yaml:"supposing"`
	QuestionWords      []string   `yaml:"question_words"`
	WhWords            []string   `yaml:"wh_words"`
	Auxiliaries        []string   `yaml:"auxiliaries"`
	Ellipsis           []string   `yaml:"ellipsis"`
	TopicFirst         []string   `yaml:"topic_first"`
	Fillers            []string   `yaml:"fillers"`
	SwapPrepositions   []string   `yaml:"swap_prepositions"`
	OpposedPreps       [][]string `yaml:"opposed_prepositions"`
	Leaning            []string   `yaml:"leaning"`
	GoingOn            []string   `yaml:"going_on"`
	Conjunctions       []string   `yaml:"conjunctions"`
	Compared           []string   `yaml:"compared"`
	Contrast           []string   `yaml:"contrast"`
	EventIdioms        []string   `yaml:"event_idioms"`
	Emphatic           []string   `yaml:"emphatic"`
	BareWords          int        `yaml:"bare_words"`
	LeaningWords       int        `yaml:"leaning_words"`
	TopicWords         int        `yaml:"topic_words"`
	LongReading        int        `yaml:"long_reading"`
	OwnerWords         int        `yaml:"owner_words"`
	TypedMargin        float64    `yaml:"typed_margin"`
	AnswerWords        int        `yaml:"answer_words"`
	PersonNouns        []string   `yaml:"person_nouns"`
	PhrasePreps        []string   `yaml:"phrase_prepositions"`
	Determiners        []string   `yaml:"determiners"`
	VerbEndings        []string   `yaml:"verb_endings"`
	EventQuestions     []string   `yaml:"event_question_words"`
	ObjectAux          []string   `yaml:"object_auxiliaries"`
	ScaleEnds          [][]string `yaml:"scale_ends"`
	Expletive          []string   `yaml:"expletive"`
	ExpletiveVerbs     []string   `yaml:"expletive_verbs"`
	PeopleEndings      []string   `yaml:"people_endings"`
	PluralOpeners      []string   `yaml:"plural_openers"`
}

// What a pronoun stands for.
const (
	refPerson = "person"
	refGroup  = "group"
	refThing  = "thing"
	refThings = "things" // "they" when no people fit: a thing, or several
	refPeople = "people" // "they" in a question naming something of its own: people only
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
	pronouns               map[string]pronoun
	topicFirst             []*regexp.Regexp
	existential, placePrep map[string]bool
	doSupport              map[string]bool
	perfect                map[string]bool
	// stranded are prepositions a question may end with, their object
	// the thing asked for ("What is it used for?"); predicative are
	// adjectives that say something of a noun phrase before such a
	// preposition ("short for", "similar to").
	stranded, predicative      map[string]bool
	objectPrep                 map[string]bool
	objectPronoun              map[string]bool
	supposing                  map[string]bool
	expletive                  map[string]bool
	expletiveVerbs             map[string]bool
	peopleEndings              []string
	questionWords, auxiliary   map[string]bool
	whWords                    map[string]bool
	ellipsis                   []*regexp.Regexp
	fillers, swapPrep, leaning map[string]bool
	compared                   map[string]bool
	// goingOn open a question that goes on from the last one ("and …").
	goingOn map[string]bool
	// conjunctions join two nouns into one phrase for several.
	conjunctions map[string]bool
	// opposedPrep maps a preposition to its opposite ("after": "before").
	opposedPrep             map[string]string
	contrast                map[string]bool
	clauseOpeners, timePrep map[string]bool
	// eventIdioms: an event pronoun right after one of them ("more than
	// that", "for all that") stands for nothing the last turn asked.
	eventIdioms map[string]bool
	// emphatic: a pronoun that, right after a pronoun or a name, says
	// the same one again ("he himself").
	emphatic map[string]bool
	// subordinators open a clause after the question's main one.
	subordinators map[string]bool
	// leadingClauses open a clause before the question's main one.
	leadingClauses            map[string]bool
	nounModifiers             map[string]bool
	clauseJoins               map[string]bool
	whichWords, contrastNouns map[string]bool
	// pluralOpeners open a plural noun phrase with no determiner ("more
	// meetings").
	pluralOpeners    map[string]bool
	bareWords        int
	leaningWords     int
	topicWords       int
	longReadingWords int
	ownerWords       int
	typedMargin      float64
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
		pronouns:         map[string]pronoun{},
		existential:      wordSet(foldAll(f.Existential)),
		doSupport:        wordSet(foldAll(f.DoSupport)),
		perfect:          wordSet(foldAll(f.Perfect)),
		stranded:         wordSet(foldAll(f.Stranded)),
		predicative:      wordSet(foldAll(f.Predicative)),
		expletive:        wordSet(foldAll(f.Expletive)),
		expletiveVerbs:   wordSet(foldAll(f.ExpletiveVerbs)),
		peopleEndings:    foldAll(f.PeopleEndings),
		placePrep:        wordSet(foldAll(f.PlacePrepositions)),
		objectPrep:       wordSet(foldAll(f.ObjectPrepositions)),
		objectPronoun:    wordSet(foldAll(f.ObjectPronouns)),
		supposing:        wordSet(foldAll(f.Supposing)),
		questionWords:    wordSet(foldAll(f.QuestionWords)),
		whWords:          wordSet(foldAll(f.WhWords)),
		auxiliary:        wordSet(foldAll(f.Auxiliaries)),
		fillers:          wordSet(foldAll(f.Fillers)),
		swapPrep:         wordSet(foldAll(f.SwapPrepositions)),
		leaning:          wordSet(foldAll(f.Leaning)),
		compared:         wordSet(foldAll(f.Compared)),
		goingOn:          wordSet(foldAll(f.GoingOn)),
		conjunctions:     wordSet(foldAll(f.Conjunctions)),
		contrast:         wordSet(foldAll(f.Contrast)),
		bareWords:        f.BareWords,
		leaningWords:     f.LeaningWords,
		topicWords:       f.TopicWords,
		longReadingWords: f.LongReading,
		ownerWords:       f.OwnerWords,
		typedMargin:      f.TypedMargin,
		clauseOpeners:    wordSet(foldAll(f.ClauseOpeners)),
		subordinators:    wordSet(foldAll(f.Subordinators)),
		leadingClauses:   wordSet(foldAll(f.LeadingClauses)),
		nounModifiers:    wordSet(foldAll(f.NounModifiers)),
		clauseJoins:      wordSet(foldAll(f.ClauseJoins)),
		timePrep:         wordSet(foldAll(f.TimePrepositions)),
		whichWords:       wordSet(foldAll(f.WhichWords)),
		contrastNouns:    wordSet(foldAll(f.ContrastNouns)),
		pluralOpeners:    wordSet(foldAll(f.PluralOpeners)),
		eventIdioms:      wordSet(foldAll(f.EventIdioms)),
		emphatic:         wordSet(foldAll(f.Emphatic)),
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
	for _, pat := range f.TopicFirst {
		re, err := regexp.Compile(pat)
		if err != nil {
			return nil, fmt.Errorf("parse rules: followup.yaml: topic_first %q: %w", pat, err)
		}
		if re.SubexpIndex("topic") < 0 || re.SubexpIndex("question") < 0 {
			return nil, fmt.Errorf("parse rules: followup.yaml: topic_first %q: want the groups topic and question", pat)
		}
		c.topicFirst = append(c.topicFirst, re)
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
	for _, b := range []struct {
		key string
		n   int
	}{{"owner_words", c.ownerWords}, {"long_reading", c.longReadingWords}, {"topic_words", c.topicWords}, {"leaning_words", c.leaningWords}} {
		if b.n < 1 {
			return nil, fmt.Errorf("parse rules: followup.yaml: %s %d is below 1", b.key, b.n)
		}
	}
	if c.typedMargin < 0 || c.typedMargin >= 1 {
		return nil, fmt.Errorf("parse rules: followup.yaml: typed_margin %v is outside [0, 1)", c.typedMargin)
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

// ownerFits reports whether fill may stand for a possessive pronoun
// ("their" → "the Westland board’s"): at most owner_words words and no
// clause join ("the view that simply ending hostilities" owns nothing).
func (c *carryRules) ownerFits(fill string) bool {
	n := 0
	for _, w := range foldWords(fill) {
		if c.clauseJoins[w] {
			return false
		}
		if !c.which.determiners[w] && w != "s" {
			n++ // "the world's largest telescope" is three words
		}
	}
	return n <= c.ownerWords
}

// ownerHead is the noun phrase fill opens with, up to its first clause
// join or preposition ("a wind force scale in 1805-1807 to …" → "a wind
// force scale"), when that fits an owner (ownerFits) and holds a word
// past its determiners; else "".
func (c *carryRules) ownerHead(fill string) string {
	toks := tokenize(fill)
	end := len(toks)
	for k, t := range toks {
		if k > 0 && (c.clauseJoins[t.word] || c.swapPrep[t.word]) {
			end = k
			break
		}
	}
	if end == 0 || c.which.determiners[toks[end-1].word] {
		return ""
	}
	head := fill[toks[0].start:toks[end-1].end]
	if !c.ownerFits(head) {
		return ""
	}
	return head
}
