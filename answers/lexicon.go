package answers

import (
	_ "embed"
	"fmt"
	"regexp"
	"slices"

	"gopkg.in/yaml.v3"
)

//go:embed lexicon.yaml
var lexiconYAML []byte

// lexiconFile is the shape of lexicon.yaml.
type lexiconFile struct {
	ActorEnds          []string   `yaml:"actor_ends"`
	SpeechVerbs        []string   `yaml:"speech_verbs"`
	StanceVerbs        []string   `yaml:"stance_verbs"`
	StanceAsks         []string   `yaml:"stance_asks"`
	RoleNouns          []string   `yaml:"role_nouns"`
	RoleGlue           []string   `yaml:"role_glue"`
	LeadWords          []string   `yaml:"lead_words"`
	AgentStop          []string   `yaml:"agent_stop"`
	Numbers            wordValues `yaml:"numbers"`
	Ordinals           wordValues `yaml:"ordinals"`
	FractionNumerators []string   `yaml:"fraction_numerators"`
	FractionParts      []string   `yaml:"fraction_parts"`
	Weekdays           []string   `yaml:"weekdays"`
	Months             []string   `yaml:"months"`
	MonthAbbreviations []string   `yaml:"month_abbreviations"`
	Centuries          []string   `yaml:"centuries"`
	DayPhrases         []string   `yaml:"day_phrases"`
	OrgWords           []string   `yaml:"org_words"`
	PlaceWords         []string   `yaml:"place_words"`
	PlaceModifiers     []string   `yaml:"place_modifiers"`
	PlaceEvents        []string   `yaml:"place_events"`
	TitleWords         []string   `yaml:"title_words"`
	PersonTitles       []string   `yaml:"person_titles"`
	Anaphors           []string   `yaml:"anaphors"`
	Cataphors          []string   `yaml:"cataphors"`
	CorefPronouns      []string   `yaml:"coref_pronouns"`
	SubjectPronouns    []string   `yaml:"subject_pronouns"`
	Connectives        []string   `yaml:"connectives"`
	NamingAfter        []string   `yaml:"naming_after"`
	VerbEndings        []string   `yaml:"verb_endings"`
	NonVerbEndings     []string   `yaml:"non_verb_endings"`
	ThingSubjects      []string   `yaml:"thing_subjects"`
	ExpletiveIt        []string   `yaml:"expletive_it"`
	NameJoins          []string   `yaml:"name_joins"`
	FirstPerson        []string   `yaml:"first_person"`
	MeetWords          []string   `yaml:"meet_words"`
	Scales             []string   `yaml:"scales"`
	UnitSkips          []string   `yaml:"unit_skips"`
	RateWords          []string   `yaml:"rate_words"`
	YearLeads          []string   `yaml:"year_leads"`
	EarlyYearLeads     []string   `yaml:"early_year_leads"`
	YearDeterminers    []string   `yaml:"year_determiners"`
	CountLeads         []string   `yaml:"count_leads"`
	PeriodWords        []string   `yaml:"period_words"`
	AliasCues          []string   `yaml:"alias_cues"`
	ExpansionCues      []string   `yaml:"expansion_cues"`
	ClauseBreaks       []string   `yaml:"clause_breaks"`
	DigestStop         []string   `yaml:"digest_stop"`
	DigestCues         []cueFile  `yaml:"digest_cues"`
	DigestBreaks       []string   `yaml:"digest_breaks"`
}

// wordValues are words with the numbers they stand for, in file order
// (the order a pattern tries them in).
type wordValues []wordValue

type wordValue struct {
	word  string
	value int
}

// UnmarshalYAML reads a mapping of words to whole numbers, keeping its
// order.
func (v *wordValues) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.MappingNode {
		return fmt.Errorf("line %d: want a mapping of words to numbers", n.Line)
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		var value int
		if err := n.Content[i+1].Decode(&value); err != nil {
			return fmt.Errorf("line %d: %s: want a whole number, not %q", n.Content[i].Line, n.Content[i].Value, n.Content[i+1].Value)
		}
		*v = append(*v, wordValue{n.Content[i].Value, value})
	}
	return nil
}

// lexicon is lexicon.yaml compiled: its word sets and phrase lists, and
// the extractors' patterns built from its lists.
type lexicon struct {
	actorEnds, speechVerbs, roleNouns, roleGlue map[string]bool
	stanceVerbs, stanceAsks                     map[string]bool
	// weekdays and months, folded: a question's day or month the best
	// sentence says otherwise is a detail changed.
	weekdays, months                                  map[string]bool
	leadWords, agentStop                              map[string]bool
	orgWords, placeWords, titleWords                  map[string]bool
	placeModifiers, placeEvents                       map[string]bool
	personTitles, anaphors, cataphors, digestStop     map[string]bool
	corefPronouns, firstPerson                        map[string]bool
	subjectPronouns, nameJoins, connectives           map[string]bool
	namingAfter                                       map[string]bool
	thingSubjects, expletiveIt                        map[string]bool
	unitSkips, rateWords, yearDeterminers, countLeads map[string]bool
	// clauseBreaks and digestBreaks are joins as written, spaces
	// included: where a clause turns, where a digest line may be cut.
	clauseBreaks, digestBreaks []string
	// verbEndings end a word that reads as a verb after a subject
	// ("solves", "replaced"), unless it ends in one of nonVerbEndings
	// ("class", "analysis").
	verbEndings, nonVerbEndings []string
	digestCues                  []digestCue
	// meetStems: stems of the words that say people met.
	meetStems map[string]bool
	// yearLeads: words, each with a space after it, cut from the front of
	// a date of any era before its year.
	yearLeads []string
	// numbers and ordinals: words to the numbers they stand for.
	numbers, ordinals map[string]int
	// countRe, ordinalRe and fractionRe find counts ("19 key points",
	// "a third day", "one-fifth"); dateRe finds dates of the news
	// ("late Monday", "March 3", "next week"), eraDateRe dates of any era;
	// scaleRe continues a number with its scale or unit (" million", "m",
	// "%", " percent").
	countRe, ordinalRe, fractionRe, dateRe, eraDateRe, scaleRe *regexp.Regexp
	// earlyYearRe is a year of three digits after an early_year_leads
	// word; earlyYears keeps those no content word follows.
	earlyYearRe *regexp.Regexp
	// ageRe is an age given without a unit: "at the age of seven",
	// "aged 30".
	ageRe *regexp.Regexp
	// periodRe is a named period: capitalised words and a period_words
	// word ("the Ptolemaic period", "Roman times").
	periodRe *regexp.Regexp
	// akaRe finds a name given another ("the Nordvik (a.k.a. Northwick)",
	// "Aba, better known as Guara").
	akaRe *regexp.Regexp
	// expandRe finds, right after a short form, the words that spell it
	// out (", which is short for “parallax arcsecond”").
	expandRe *regexp.Regexp
}

// compileLexicon compiles the lexicon in data: every list is required.
func compileLexicon(data []byte) (*lexicon, error) {
	var f lexiconFile
	if err := decodeStrict(data, &f); err != nil {
		return nil, fmt.Errorf("lexicon.yaml: %w", err)
	}
	l := &lexicon{}
	for _, s := range []struct {
		key   string
		words []string
		set   *map[string]bool
	}{
		{"actor_ends", f.ActorEnds, &l.actorEnds}, {"speech_verbs", f.SpeechVerbs, &l.speechVerbs}, {"stance_verbs", f.StanceVerbs, &l.stanceVerbs}, {"stance_asks", f.StanceAsks, &l.stanceAsks},
		{"role_nouns", f.RoleNouns, &l.roleNouns}, {"role_glue", f.RoleGlue, &l.roleGlue},
		{"lead_words", f.LeadWords, &l.leadWords}, {"agent_stop", f.AgentStop, &l.agentStop},
		{"org_words", f.OrgWords, &l.orgWords}, {"place_words", f.PlaceWords, &l.placeWords}, {"place_modifiers", f.PlaceModifiers, &l.placeModifiers},
		{"place_events", f.PlaceEvents, &l.placeEvents},
		{"title_words", f.TitleWords, &l.titleWords}, {"person_titles", f.PersonTitles, &l.personTitles},
		{"anaphors", f.Anaphors, &l.anaphors}, {"cataphors", f.Cataphors, &l.cataphors}, {"digest_stop", f.DigestStop, &l.digestStop},
		{"coref_pronouns", f.CorefPronouns, &l.corefPronouns}, {"subject_pronouns", f.SubjectPronouns, &l.subjectPronouns}, {"connectives", f.Connectives, &l.connectives}, {"naming_after", f.NamingAfter, &l.namingAfter}, {"thing_subjects", f.ThingSubjects, &l.thingSubjects}, {"expletive_it", f.ExpletiveIt, &l.expletiveIt}, {"name_joins", f.NameJoins, &l.nameJoins}, {"first_person", f.FirstPerson, &l.firstPerson},
		{"unit_skips", f.UnitSkips, &l.unitSkips}, {"rate_words", f.RateWords, &l.rateWords},
		{"year_determiners", f.YearDeterminers, &l.yearDeterminers}, {"count_leads", f.CountLeads, &l.countLeads},
		// Lists compiled below, or read only by the patterns.
		{"fraction_numerators", f.FractionNumerators, nil}, {"fraction_parts", f.FractionParts, nil},
		{"weekdays", f.Weekdays, &l.weekdays}, {"months", f.Months, &l.months},
		{"month_abbreviations", f.MonthAbbreviations, nil}, {"centuries", f.Centuries, nil}, {"day_phrases", f.DayPhrases, nil},
		{"meet_words", f.MeetWords, nil}, {"year_leads", f.YearLeads, nil}, {"early_year_leads", f.EarlyYearLeads, nil}, {"period_words", f.PeriodWords, nil}, {"alias_cues", f.AliasCues, nil}, {"expansion_cues", f.ExpansionCues, nil}, {"scales", f.Scales, nil},
	} {
		if len(s.words) == 0 || slices.Contains(s.words, "") {
			return nil, fmt.Errorf("lexicon.yaml: %s: empty, or holds an empty word", s.key)
		}
		if s.set != nil {
			*s.set = wordSet(s.words)
		}
	}
	l.meetStems = map[string]bool{}
	for _, w := range f.MeetWords {
		l.meetStems[stem(fold(w))] = true
	}
	for _, w := range f.YearLeads {
		l.yearLeads = append(l.yearLeads, w+" ")
	}
	for _, p := range []struct {
		key     string
		phrases []string
		list    *[]string
	}{{"clause_breaks", f.ClauseBreaks, &l.clauseBreaks}, {"digest_breaks", f.DigestBreaks, &l.digestBreaks},
		{"verb_endings", f.VerbEndings, &l.verbEndings}, {"non_verb_endings", f.NonVerbEndings, &l.nonVerbEndings}} {
		if len(p.phrases) == 0 || slices.Contains(p.phrases, "") {
			return nil, fmt.Errorf("lexicon.yaml: %s: empty, or holds an empty phrase", p.key)
		}
		*p.list = p.phrases
	}
	var err error
	if l.digestCues, err = compileCues(f.DigestCues); err != nil {
		return nil, fmt.Errorf("lexicon.yaml: digest_cues: %w", err)
	}
	if l.numbers, err = valueMap("numbers", f.Numbers); err != nil {
		return nil, err
	}
	if l.ordinals, err = valueMap("ordinals", f.Ordinals); err != nil {
		return nil, err
	}
	if err := l.compilePatterns(&f); err != nil {
		return nil, fmt.Errorf("lexicon.yaml: %w", err)
	}
	return l, nil
}

// valueMap maps the folded words of vs to their values.
func valueMap(key string, vs wordValues) (map[string]int, error) {
	if len(vs) == 0 {
		return nil, fmt.Errorf("lexicon.yaml: %s: empty", key)
	}
	m := make(map[string]int, len(vs))
	for _, v := range vs {
		w := fold(v.word)
		if w == "" {
			return nil, fmt.Errorf("lexicon.yaml: %s: an empty word", key)
		}
		if _, dup := m[w]; dup {
			return nil, fmt.Errorf("lexicon.yaml: %s: %s twice", key, w)
		}
		m[w] = v.value
	}
	return m, nil
}

// words is the words of vs, in order.
func (vs wordValues) words() []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = v.word
	}
	return out
}

// expletiveSoon reports whether toks, opening with "it", hold an
// expletive_it word within the six words after it: the "it" stands for
// nothing ("It is believed that …").
func (l *lexicon) expletiveSoon(toks []token) bool {
	for j := 1; j < len(toks) && j <= 6; j++ {
		if l.expletiveIt[toks[j].word] {
			return true
		}
	}
	return false
}
