package answers

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
)

// compilePatterns compiles general.yaml's regular expressions: the
// future's questions, the question classes, the lead-ins and the clock.
func (r *rules) compilePatterns(f *generalFile) error {
	var err error
	if r.future, err = compileEach("future", f.Future.Question); err != nil {
		return err
	}
	for _, w := range f.Future.Markers {
		r.futureCue[fold(w)] = true
	}
	for _, c := range f.Classes {
		if !slices.Contains(knownWants, c.Wants) {
			return fmt.Errorf("class %s: wants %q: not one of %s", c.Name, c.Wants, strings.Join(knownWants, ", "))
		}
		qc := questionClass{name: c.Name, wants: c.Wants, frame: wordSet(c.Frame)}
		if qc.patterns, err = compileEach("class "+c.Name, c.Patterns); err != nil {
			return err
		}
		r.classes = append(r.classes, qc)
	}
	r.roleClass = questionClass{name: f.RoleClass.Name, wants: f.RoleClass.Wants}
	for _, p := range f.SourcePhrases {
		re, err := regexp.Compile("(?i)" + p)
		if err != nil {
			return fmt.Errorf("source phrase %q: %w", p, err)
		}
		r.sourcePhrases = append(r.sourcePhrases, re)
	}
	r.sourceDocument = wordSet(f.SourceDocuments)
	r.rateWords = wordSet(f.RateWords)
	r.documentStem, r.particleStem, r.authorship = stemSet(f.SourceDocuments), stemSet(f.Particles), stemSet(f.Authorship)
	for _, p := range f.LeadIns {
		re, err := regexp.Compile("(?i)" + p)
		if err != nil {
			return fmt.Errorf("lead-in %q: %w", p, err)
		}
		r.leadIns = append(r.leadIns, re)
	}
	if err := r.compileClock(f); err != nil {
		return err
	}
	if err := r.compileAsks(f); err != nil {
		return err
	}
	return r.compileAddresses(f)
}

// compileAsks compiles the patterns that read what a question asks
// beyond its class: when a thing happens as a rule, a place in the
// writing, and where a thing is told more; a missing place pattern is an
// error.
func (r *rules) compileAsks(f *generalFile) error {
	var err error
	if r.conditionAsks, err = compileEach("condition_questions", f.ConditionQuestions); err != nil {
		return err
	}
	if r.firstPlace, err = compileRequired("writing_places: first", f.WritingPlaces.First); err != nil {
		return err
	}
	if r.lastPlace, err = compileRequired("writing_places: last", f.WritingPlaces.Last); err != nil {
		return err
	}
	r.referenceWord = wordSet(f.ReferenceWords)
	r.referenceFrame = stemSet(f.ReferenceFrame)
	r.referenceAsks, err = compileEach("reference_questions", f.ReferenceQuestions)
	return err
}

// compileClock compiles the questions that ask the time of day and the
// pattern of a clock time; a missing pattern is an error, not one that
// matches everything.
func (r *rules) compileClock(f *generalFile) error {
	var err error
	if r.clock, err = compileEach("clock_questions", f.ClockQuestions); err != nil {
		return err
	}
	r.clockTime, err = compileRequired("clock_times", f.ClockTimes)
	return err
}

// compileEach compiles each of patterns, general.yaml's key; an error
// names the key.
func compileEach(key string, patterns []string) ([]*regexp.Regexp, error) {
	out := make([]*regexp.Regexp, 0, len(patterns))
	for _, p := range patterns {
		re, err := regexp.Compile(p)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", key, err)
		}
		out = append(out, re)
	}
	return out, nil
}

// compileRequired compiles the one pattern general.yaml's key must give:
// a missing pattern is an error, not one that matches everything.
func compileRequired(key, pattern string) (*regexp.Regexp, error) {
	if pattern == "" {
		return nil, fmt.Errorf("%s: no pattern", key)
	}
	re, err := regexp.Compile(pattern)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", key, err)
	}
	return re, nil
}

// compileAddresses reads the pattern of web addresses and files' paths and
// the marks one of which every address holds.
func (r *rules) compileAddresses(f *generalFile) error {
	re, err := compileRequired("addresses", f.Addresses)
	if err != nil {
		return err
	}
	if len(f.AddressMarks) == 0 {
		return fmt.Errorf("address_marks: none")
	}
	r.addresses, r.addressMarks = re, f.AddressMarks
	return nil
}

// compileEntities reads the pack's entities, their aliases (longest
// first) and the names related to each.
func (r *rules) compileEntities(pack *Pack) error {
	for _, e := range pack.Entities {
		if e.ID == "" || e.Name == "" {
			return fmt.Errorf("entity without id or name: %+v", e)
		}
		switch e.Kind {
		case "person", "place", "org":
		default:
			return fmt.Errorf("entity %s: kind %q is not person, place or org", e.ID, e.Kind)
		}
		if _, dup := r.entities[e.ID]; dup {
			return fmt.Errorf("entity %s twice", e.ID)
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
				return fmt.Errorf("%s is within unknown %s", e.ID, e.Within)
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
			return fmt.Errorf("related names unknown entity %s", id)
		}
		for _, o := range rel {
			if _, ok := r.entities[o]; !ok {
				return fmt.Errorf("%s is related to unknown %s", id, o)
			}
			r.synonyms["@"+id] = append(r.synonyms["@"+id], "@"+o)
		}
	}
	return nil
}

// compileWords reads general.yaml's word lists: synonyms, stop words,
// qualifiers, units and the sets of cue words.
func (r *rules) compileWords(f *generalFile) error {
	r.forms = map[string][]string{}
	groupStems(r.forms, f.VerbForms)
	groupStems(r.synonyms, f.VerbForms)
	groupStems(r.synonyms, f.Synonyms)
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
	r.scopeIdiom = map[string]map[string]bool{}
	for _, p := range f.ScopeIdioms {
		ws := strings.Fields(fold(p))
		if len(ws) != 2 {
			return fmt.Errorf("scope_idioms: %q is not two words", p)
		}
		if r.scopeIdiom[ws[0]] == nil {
			r.scopeIdiom[ws[0]] = map[string]bool{}
		}
		r.scopeIdiom[ws[0]][ws[1]] = true
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
	r.locative, r.auxiliary, r.opinion = wordSet(f.Locatives), wordSet(f.Auxiliaries), wordSet(f.OpinionVerbs)
	r.opinionStem = stemSet(f.OpinionVerbs)
	r.wherePreposition, r.whereDeterminer, r.whereNot = wordSet(f.WherePrepositions), wordSet(f.WhereDeterminers), wordSet(f.WhereNot)
	r.whereNotAfter = wordSet(f.WhereNotAfter)
	r.whereBare, r.whereBareNot = wordSet(f.WhereBare.Prepositions), f.WhereBare.NotSuffixes
	r.passiveBe, r.passiveBy = wordSet(f.Passive.Be), wordSet(f.Passive.By)
	r.groupNoun, r.placeNoun, r.besides = wordSet(f.GroupNouns), wordSet(f.PlaceNouns), wordSet(f.Besides)
	r.personNoun = wordSet(f.PersonNouns)
	r.describedPeople = wordSet(f.DescribedPeople)
	r.saidVerb, r.saidMedium, r.saidStem = wordSet(f.SaidVerbs), wordSet(f.SaidMedia), stemSet(f.SaidVerbs)
	r.personPronoun = wordSet(f.PersonPronouns)
	r.rankWord = wordSet(f.RankWords)
	r.supportVerb = stemSet(f.SupportVerbs)
	r.destination, r.destCue = wordSet(f.Destinations.Words), wordSet(f.Destinations.Cues)
	r.owner = wordSet(f.OwnerWords)
	r.namingNoun, r.namingLink, r.namingThrough = wordSet(f.NamingPhrase.Nouns), wordSet(f.NamingPhrase.Links), wordSet(f.NamingPhrase.Through)
	r.properNoun, r.properLink = wordSet(f.NamingPhrase.ProperNouns), wordSet(f.NamingPhrase.ProperLinks)
	r.suffixes = f.DerivationalSuffixes
	r.suffixSwaps = f.SuffixSwaps
	r.sumWord = wordSet(f.SumWords)
	r.priceWord, r.currency = wordSet(f.PriceWords), map[string]bool{}
	for _, w := range f.CurrencyWords {
		r.currency[stem(w)] = true
	}
	r.shareWord = wordSet(f.ShareWords)
	r.degreeAnswer = map[string]map[string]bool{}
	for how, ws := range f.DegreeAnswers {
		r.degreeAnswer[how] = wordSet(ws)
	}
	r.ownIntensified, r.ownAfter = wordSet(f.OwnerIntensified.Words), wordSet(f.OwnerIntensified.After)
	r.outcomeWord, r.plannedCue = wordSet(f.Outcome.Words), wordSet(f.Outcome.Planned)
	r.calendarAsk, r.calendarWord = wordSet(f.Calendar.Asks), wordSet(f.Calendar.Words)
	r.infinitive = wordSet(f.Infinitive)
	r.copula = wordSet(f.Copulas)
	r.condition = wordSet(f.Conditions)
	r.timeClause = wordSet(f.TimeClauses)
	r.timeOfDay = wordSet(f.TimesOfDay)
	r.timePoint = wordSet(f.TimePoints)
	r.determiner = wordSet(f.Determiners)
	r.furniture = f.Furniture
	r.negation = wordSet(f.Negations)
	r.against = wordSet(f.Against)
	r.questionWord = wordSet(f.QuestionWords)
	r.clauseLead = wordSet(f.ClauseLeads)
	r.askingPrep = wordSet(f.AskingPrepositions)
	r.phraseLead = wordSet(f.PhraseLeads)
	r.verbAdverb = wordSet(f.VerbAdverbs)
	r.exactUnit = wordSet(f.ExactUnits)
	r.dateBound = wordSet(f.DateBounds)
	r.modalAnswer = map[string]map[string]bool{}
	for m, ws := range f.ModalAnswers {
		r.modalAnswer[m] = wordSet(ws)
	}
	r.answerHead = wordSet(f.AnswerHeads)
	r.negPrefixes = f.NegativePrefixes
	r.hyphenPrefix = wordSet(f.HyphenPrefixes)
	for _, sp := range f.Spellings {
		if len(sp) != 2 || sp[0] == "" || sp[1] == "" {
			return fmt.Errorf("spellings need a British and an American ending: %v", sp)
		}
	}
	r.numberWord = wordSet(f.NumberWords)
	r.vague = wordSet(foldAll(f.Vague))
	r.stranded = wordSet(foldAll(f.StrandedPrepositions))
	r.quantifier = map[string][]string{}
	for w, same := range f.Quantifiers {
		r.quantifier[fold(w)] = append([]string{fold(w)}, foldAll(same)...)
	}
	for _, idiom := range f.QuantifierIdioms {
		r.quantifierIdioms = append(r.quantifierIdioms, strings.Fields(fold(idiom)))
	}
	r.timingQuantifier = wordSet(foldAll(f.TimingQuantifiers))
	r.reversal = stemSet(f.Reversals)
	if err := r.compileRank(f.Rank.Weights); err != nil {
		return err
	}
	if err := r.compileDefinitions(f); err != nil {
		return err
	}
	r.gate = gate{threshold: f.Gate.Threshold, bias: f.Gate.Bias}
	for name, w := range f.Gate.Weights {
		k := slices.Index(evidenceNames[:], name)
		if k < 0 {
			return fmt.Errorf("gate weight %q is not one of %v", name, evidenceNames)
		}
		r.gate.weights[k] = w
	}
	return nil
}

// compilePairs reads the word pairs that answer the other way: antonyms
// (general.yaml's and WordNet's) and opposites.
func (r *rules) compilePairs(f *generalFile) error {
	r.antonyms = map[string][]string{}
	for _, g := range f.Antonyms {
		if len(g) != 2 {
			return fmt.Errorf("antonyms need two words: %v", g)
		}
		a, b := stem(fold(g[0])), stem(fold(g[1]))
		r.antonyms[a] = append(r.antonyms[a], b)
		r.antonyms[b] = append(r.antonyms[b], a)
	}
	wn, err := parseAntonyms(antonymsTxt)
	if err != nil {
		return err
	}
	for _, g := range wn {
		a, b := stem(g[0]), stem(g[1])
		if a == b || contains(r.antonyms[a], b) {
			continue
		}
		r.antonyms[a] = append(r.antonyms[a], b)
		r.antonyms[b] = append(r.antonyms[b], a)
	}
	r.opposites = map[string][]string{}
	for _, g := range f.Opposites {
		if len(g) != 2 {
			return fmt.Errorf("opposites need two sides: %v", g)
		}
		for _, a := range strings.Fields(g[0]) {
			for _, b := range strings.Fields(g[1]) {
				sa, sb := stem(fold(a)), stem(fold(b))
				r.opposites[sa] = append(r.opposites[sa], sb)
				r.opposites[sb] = append(r.opposites[sb], sa)
			}
		}
	}
	return nil
}

// groupStems adds to m, for the stem of every word of each group, the
// stems of the group's other words.
func groupStems(m map[string][]string, groups [][]string) {
	for _, g := range groups {
		var stems []string
		for _, w := range g {
			stems = append(stems, stem(fold(w)))
		}
		for _, s := range stems {
			for _, o := range stems {
				if o != s && !contains(m[s], o) {
					m[s] = append(m[s], o)
				}
			}
		}
	}
}

// compileKnown collects the words the rules themselves know, which typo
// correction leaves alone.
func (r *rules) compileKnown(f *generalFile) {
	r.known = map[string]bool{}
	for _, ws := range [][]string{f.Stopwords, f.AnswerHeads, f.ReasonCues, f.Future.Markers, f.OutOfScope, f.Self} {
		for _, w := range ws {
			r.known[fold(w)] = true
		}
	}
	for _, g := range slices.Concat(f.VerbForms, f.Synonyms) {
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
}
