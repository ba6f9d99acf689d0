package answers

import (
	_ "embed"
	"fmt"
	"hash/fnv"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
)

//go:embed general.yaml
var generalYAML []byte

// Answer types a question class can want.
const (
	wantPerson      = "person"
	wantPlace       = "place"
	wantDate        = "date"
	wantNumber      = "number"
	wantQuote       = "quote"
	wantReason      = "reason"
	wantRole        = "role"
	wantDescription = "description"
)

// generalFile is the shape of general.yaml.
type generalFile struct {
	Classes []struct {
		Name     string   `yaml:"name"`
		Wants    string   `yaml:"wants"`
		Patterns []string `yaml:"patterns"`
	} `yaml:"classes"`
	RoleClass struct {
		Name  string `yaml:"name"`
		Wants string `yaml:"wants"`
	} `yaml:"role_class"`
	Synonyms   [][]string          `yaml:"synonyms"`
	Stopwords  []string            `yaml:"stopwords"`
	Qualifiers map[string][]string `yaml:"qualifiers"`
	Units      map[string][]string `yaml:"units"`
	OutOfScope []string            `yaml:"out_of_scope"`
	ReasonCues []string            `yaml:"reason_cues"`
	ReasonBest []string            `yaml:"reason_strong"`
	Future     struct {
		Question []string `yaml:"question"`
		Markers  []string `yaml:"markers"`
	} `yaml:"future"`
	Self []string `yaml:"self"`
	// Locatives, Opposites and Auxiliaries: see general.yaml.
	Locatives    []string `yaml:"locatives"`
	Destinations struct {
		Words []string `yaml:"words"`
		Cues  []string `yaml:"cues"`
	} `yaml:"destinations"`
	Opposites   [][]string `yaml:"opposites"`
	Auxiliaries []string   `yaml:"auxiliaries"`
	OwnerWords  []string   `yaml:"owner_words"`
	LeadIns     []string   `yaml:"lead_ins"`
	// Outcome and Calendar: see general.yaml.
	Outcome struct {
		Words   []string `yaml:"words"`
		Planned []string `yaml:"planned"`
	} `yaml:"outcome"`
	Infinitive []string `yaml:"infinitive"`
	// Negations and Antonyms let the gate see a question that turns what
	// the best sentence says around; Gate weighs the evidence.
	Negations []string `yaml:"negations"`
	// Spellings are British word endings and their American forms (read
	// by stem through spellingRules).
	Spellings [][]string `yaml:"spellings"`
	// NegativePrefixes turn a word into its opposite ("informal").
	NegativePrefixes []string `yaml:"negative_prefixes"`
	// Reversals are verbs that turn the words after them around ("avoid
	// ending").
	Reversals []string `yaml:"reversals"`
	// NumberWords are numbers written as words.
	NumberWords []string `yaml:"number_words"`
	// QuestionWords ask, and say nothing of what is asked about.
	QuestionWords []string   `yaml:"question_words"`
	Antonyms      [][]string `yaml:"antonyms"`
	Gate          gateFile   `yaml:"gate"`
	// Furniture: lines of a page that read like sentences but are not
	// article text; the digest never quotes them.
	Furniture []string `yaml:"furniture"`
	Calendar  struct {
		Asks  []string `yaml:"asks"`
		Words []string `yaml:"words"`
	} `yaml:"calendar"`
}

// gateFile is the gate's calibration: a logistic weighing of the evidence
// features (evidenceNames) and the confidence below which to refuse.
type gateFile struct {
	Threshold float64            `yaml:"threshold"`
	Bias      float64            `yaml:"bias"`
	Weights   map[string]float64 `yaml:"weights"`
}

// gate is gateFile compiled.
type gate struct {
	threshold, bias float64
	weights         [nEv]float64
}

// entityRule is one entity of a domain pack.
type entityRule struct {
	ID      string   `yaml:"id"`
	Name    string   `yaml:"name"`
	Kind    string   `yaml:"kind"`
	Role    string   `yaml:"role"`
	Within  string   `yaml:"within"`
	Generic bool     `yaml:"generic"`
	Aliases []string `yaml:"aliases"`
	Cased   []string `yaml:"cased"`
}

// questionClass is a compiled class: the first whose pattern matches a
// question names what kind of answer it wants.
type questionClass struct {
	name     string
	wants    string
	patterns []*regexp.Regexp
}

// alias is one way of naming an entity, as a word sequence.
type alias struct {
	entity string
	words  []string // folded words, or the exact words when cased
	cased  bool
}

// rules is general.yaml and a domain pack compiled for matching.
type rules struct {
	// leadIns: greetings, chatter and "do the reports say" wrappers cut
	// from a question before it is read.
	leadIns    []*regexp.Regexp
	classes    []questionClass
	roleClass  questionClass
	entities   map[string]entityRule
	aliases    map[string][]alias // by first word, longest first
	synonyms   map[string][]string
	stop       map[string]bool
	qualifier  map[string]string   // stem -> side
	units      map[string][]string // word -> units it can mean
	outOfScope map[string]bool
	self       map[string]bool
	reasonCues map[string]bool
	reasonBest map[string]bool
	future     []*regexp.Regexp
	futureCue  map[string]bool
	// outcomeWord: question words asking how something ended;
	// plannedCue: sentence words that only announce an event.
	outcomeWord, plannedCue map[string]bool
	// calendarAsk: question words asking for a calendar date;
	// calendarWord: the words (weekdays, months) that make a date one.
	calendarAsk, calendarWord map[string]bool
	// infinitive: words before a verb that make it unasserted ("advised
	// Eastgate not to sign").
	infinitive map[string]bool
	// known are the words the rules themselves use: never "corrected"
	// into a corpus word.
	known map[string]bool
	// locative: words before a place that make it where something is.
	locative map[string]bool
	// destination: words before a place that make it where someone
	// went, and destCue: question words that ask about going.
	destination, destCue map[string]bool
	// opposites: per stem, the stems that answer it the other way.
	opposites map[string][]string
	// auxiliary: verbs after "who" that ask for no action of their own.
	auxiliary map[string]bool
	// owner: question words that ask about a possessive owner.
	owner map[string]bool
	// durations are the units "how long" asks for.
	durations map[string]bool
	// furniture: substrings that mark a line as page furniture.
	furniture []string
	// negation: words that negate; antonyms: per stem, its opposites.
	negation map[string]bool
	antonyms map[string][]string
	// questionWord: "what", "when", …: left out of the runs of words a
	// sentence is looked for by.
	questionWord map[string]bool
	// negPrefixes: "un", "in", …: "informal" is the opposite of "formal".
	negPrefixes []string
	// numberWord: "three", "thousand", "half": a count in words.
	numberWord map[string]bool
	// reversal: stems of verbs that say the opposite of what follows.
	reversal map[string]bool
	gate     gate
	// roleStems holds each entity's role from the rules as stems.
	roleStems map[string]map[string]bool
}

// loadRules compiles the general rules with no domain pack; the embedded
// file is tested, so an error here is a build mistake, reported rather
// than panicked on.
func loadRules() (*rules, error) { return compileRules(nil) }

// compileRules compiles general.yaml with pack (nil for none).
func compileRules(pack *Pack) (*rules, error) {
	var f generalFile
	if err := decodeStrict(generalYAML, &f); err != nil {
		return nil, fmt.Errorf("parse rules: general.yaml: %w", err)
	}
	if pack == nil {
		pack = &Pack{}
	}
	f.Synonyms = append(f.Synonyms, pack.Synonyms...)
	f.Stopwords = append(f.Stopwords, pack.Stopwords...)
	f.OutOfScope = append(f.OutOfScope, pack.OutOfScope...)
	if f.Units == nil {
		f.Units = map[string][]string{}
	}
	for u, ws := range pack.Units {
		f.Units[u] = append(f.Units[u], ws...)
	}
	r := &rules{
		entities:   map[string]entityRule{},
		aliases:    map[string][]alias{},
		synonyms:   map[string][]string{},
		stop:       map[string]bool{},
		qualifier:  map[string]string{},
		units:      map[string][]string{},
		outOfScope: map[string]bool{},
		self:       map[string]bool{},
		reasonCues: map[string]bool{},
		reasonBest: map[string]bool{},
		futureCue:  map[string]bool{},
	}
	for _, p := range f.Future.Question {
		re, err := regexp.Compile(p)
		if err != nil {
			return nil, fmt.Errorf("parse rules: future: %w", err)
		}
		r.future = append(r.future, re)
	}
	for _, w := range f.Future.Markers {
		r.futureCue[fold(w)] = true
	}
	for _, c := range f.Classes {
		qc := questionClass{name: c.Name, wants: c.Wants}
		for _, p := range c.Patterns {
			re, err := regexp.Compile(p)
			if err != nil {
				return nil, fmt.Errorf("parse rules: class %s: %w", c.Name, err)
			}
			qc.patterns = append(qc.patterns, re)
		}
		r.classes = append(r.classes, qc)
	}
	r.roleClass = questionClass{name: f.RoleClass.Name, wants: f.RoleClass.Wants}
	for _, e := range pack.Entities {
		if e.ID == "" || e.Name == "" {
			return nil, fmt.Errorf("parse rules: entity without id or name: %+v", e)
		}
		switch e.Kind {
		case "person", "place", "org":
		default:
			return nil, fmt.Errorf("parse rules: entity %s: kind %q is not person, place or org", e.ID, e.Kind)
		}
		if _, dup := r.entities[e.ID]; dup {
			return nil, fmt.Errorf("parse rules: entity %s twice", e.ID)
		}
		r.entities[e.ID] = e
		for _, a := range e.Aliases {
			ws := foldWords(a)
			if len(ws) == 0 {
				continue
			}
			r.aliases[ws[0]] = append(r.aliases[ws[0]], alias{entity: e.ID, words: ws})
		}
		for _, a := range e.Cased {
			ws := rawWords(a)
			if len(ws) == 0 {
				continue
			}
			k := "\x00" + ws[0]
			r.aliases[k] = append(r.aliases[k], alias{entity: e.ID, words: ws, cased: true})
		}
	}
	for _, e := range r.entities {
		if e.Within != "" {
			if _, ok := r.entities[e.Within]; !ok {
				return nil, fmt.Errorf("parse rules: %s is within unknown %s", e.ID, e.Within)
			}
		}
	}
	for k, as := range r.aliases {
		// Longest alias first, so "westland s president" beats "westland".
		for i := 1; i < len(as); i++ {
			for j := i; j > 0 && len(as[j].words) > len(as[j-1].words); j-- {
				as[j], as[j-1] = as[j-1], as[j]
			}
		}
		r.aliases[k] = as
	}
	for id, rel := range pack.Related {
		if _, ok := r.entities[id]; !ok {
			return nil, fmt.Errorf("parse rules: related names unknown entity %s", id)
		}
		for _, o := range rel {
			if _, ok := r.entities[o]; !ok {
				return nil, fmt.Errorf("parse rules: %s is related to unknown %s", id, o)
			}
			r.synonyms["@"+id] = append(r.synonyms["@"+id], "@"+o)
		}
	}
	for _, g := range f.Synonyms {
		var stems []string
		for _, w := range g {
			stems = append(stems, stem(fold(w)))
		}
		for _, s := range stems {
			for _, o := range stems {
				if o != s && !contains(r.synonyms[s], o) {
					r.synonyms[s] = append(r.synonyms[s], o)
				}
			}
		}
	}
	for _, w := range f.Stopwords {
		r.stop[fold(w)] = true
	}
	for side, ws := range f.Qualifiers {
		for _, w := range ws {
			r.qualifier[stem(fold(w))] = side
		}
	}
	for unit, ws := range f.Units {
		for _, w := range ws {
			r.units[fold(w)] = append(r.units[fold(w)], unit)
		}
	}
	for _, us := range r.units {
		sort.Strings(us)
	}
	r.durations = map[string]bool{}
	for _, u := range r.units["long"] {
		r.durations[u] = true
	}
	for _, w := range f.OutOfScope {
		r.outOfScope[fold(w)] = true
	}
	for _, w := range f.ReasonCues {
		r.reasonCues[fold(w)] = true
	}
	for _, w := range f.ReasonBest {
		r.reasonBest[fold(w)] = true
	}
	for _, w := range f.Self {
		r.self[fold(w)] = true
	}
	r.locative, r.auxiliary, r.opposites = map[string]bool{}, map[string]bool{}, map[string][]string{}
	for _, w := range f.Locatives {
		r.locative[fold(w)] = true
	}
	r.destination, r.destCue = map[string]bool{}, map[string]bool{}
	for _, w := range f.Destinations.Words {
		r.destination[fold(w)] = true
	}
	for _, w := range f.Destinations.Cues {
		r.destCue[fold(w)] = true
	}
	for _, p := range f.LeadIns {
		re, err := regexp.Compile("(?i)" + p)
		if err != nil {
			return nil, fmt.Errorf("parse rules: lead-in %q: %w", p, err)
		}
		r.leadIns = append(r.leadIns, re)
	}
	r.outcomeWord, r.plannedCue = wordSet(f.Outcome.Words), wordSet(f.Outcome.Planned)
	r.calendarAsk, r.calendarWord = wordSet(f.Calendar.Asks), wordSet(f.Calendar.Words)
	r.infinitive = wordSet(f.Infinitive)
	r.furniture = f.Furniture
	r.negation = wordSet(f.Negations)
	r.questionWord = wordSet(f.QuestionWords)
	r.negPrefixes = f.NegativePrefixes
	for _, sp := range f.Spellings {
		if len(sp) != 2 || sp[0] == "" || sp[1] == "" {
			return nil, fmt.Errorf("parse rules: spellings need a British and an American ending: %v", sp)
		}
	}
	r.numberWord = wordSet(f.NumberWords)
	r.reversal = map[string]bool{}
	for _, w := range f.Reversals {
		r.reversal[stem(fold(w))] = true
	}
	r.antonyms = map[string][]string{}
	for _, g := range f.Antonyms {
		if len(g) != 2 {
			return nil, fmt.Errorf("parse rules: antonyms need two words: %v", g)
		}
		a, b := stem(fold(g[0])), stem(fold(g[1]))
		r.antonyms[a] = append(r.antonyms[a], b)
		r.antonyms[b] = append(r.antonyms[b], a)
	}
	wn, err := parseAntonyms(antonymsTxt)
	if err != nil {
		return nil, fmt.Errorf("parse rules: %w", err)
	}
	for _, g := range wn {
		a, b := stem(g[0]), stem(g[1])
		if a == b || contains(r.antonyms[a], b) {
			continue
		}
		r.antonyms[a] = append(r.antonyms[a], b)
		r.antonyms[b] = append(r.antonyms[b], a)
	}
	r.gate = gate{threshold: f.Gate.Threshold, bias: f.Gate.Bias}
	for name, w := range f.Gate.Weights {
		k := slices.Index(evidenceNames[:], name)
		if k < 0 {
			return nil, fmt.Errorf("parse rules: gate weight %q is not one of %v", name, evidenceNames)
		}
		r.gate.weights[k] = w
	}
	r.owner = map[string]bool{}
	for _, w := range f.OwnerWords {
		r.owner[fold(w)] = true
	}
	for _, w := range f.Auxiliaries {
		r.auxiliary[fold(w)] = true
	}
	for _, g := range f.Opposites {
		if len(g) != 2 {
			return nil, fmt.Errorf("parse rules: opposites need two sides: %v", g)
		}
		for _, a := range strings.Fields(g[0]) {
			for _, b := range strings.Fields(g[1]) {
				sa, sb := stem(fold(a)), stem(fold(b))
				r.opposites[sa] = append(r.opposites[sa], sb)
				r.opposites[sb] = append(r.opposites[sb], sa)
			}
		}
	}
	r.known = map[string]bool{}
	for _, ws := range [][]string{f.Stopwords, f.ReasonCues, f.Future.Markers, f.OutOfScope, f.Self} {
		for _, w := range ws {
			r.known[fold(w)] = true
		}
	}
	for _, g := range f.Synonyms {
		for _, w := range g {
			r.known[fold(w)] = true
		}
	}
	for w := range r.units {
		r.known[w] = true
	}
	for _, ws := range f.Qualifiers {
		for _, w := range ws {
			r.known[fold(w)] = true
		}
	}
	r.roleStems = map[string]map[string]bool{}
	for id, e := range r.entities {
		r.roleStems[id] = r.stemSet(e.Role)
	}
	if len(r.classes) == 0 {
		return nil, fmt.Errorf("parse rules: no question classes")
	}
	return r, nil
}

// classify names the class of a folded question.
func (r *rules) classify(folded string) questionClass {
	for _, c := range r.classes {
		for _, p := range c.patterns {
			if p.MatchString(folded) {
				return c
			}
		}
	}
	return r.classes[len(r.classes)-1]
}

// trimLeadIns cuts the lead-ins from a question, in file order, as long
// as something is left (a group named keep stays: "tell me who" reads
// "who"): "hey, quick question: where were the talks
// held?" is read as "where were the talks held?".
func (r *rules) trimLeadIns(text string) string {
	for _, re := range r.leadIns {
		if t := strings.TrimSpace(re.ReplaceAllString(text, "${keep}")); t != "" {
			text = t
		}
	}
	return text
}

// within reports whether place a lies inside place b (or is b).
func (r *rules) within(a, b string) bool {
	for i := 0; a != "" && i < 8; i++ {
		if a == b {
			return true
		}
		a = r.entities[a].Within
	}
	return false
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// joinAnd joins names as English does: "a, b and c".
func joinAnd(ns []string) string {
	switch len(ns) {
	case 0:
		return ""
	case 1:
		return ns[0]
	default:
		return strings.Join(ns[:len(ns)-1], ", ") + " and " + ns[len(ns)-1]
	}
}

// stemSet is the set of stems and entity terms ("@umber") of text.
func (r *rules) stemSet(text string) map[string]bool {
	toks := tokenize(text)
	out := map[string]bool{}
	for _, t := range toks {
		out[t.stem] = true
	}
	for _, m := range r.nestedMentions(toks) {
		out["@"+m.entity] = true
	}
	return out
}

// contentHash is a short hash of data, to tell versions of a file apart.
func contentHash(data []byte) string {
	h := fnv.New64a()
	h.Write(data)
	return strconv.FormatUint(h.Sum64(), 36)
}

// wordSet folds words into a set.
func wordSet(words []string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[fold(w)] = true
	}
	return m
}
