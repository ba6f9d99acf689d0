package answers

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/parley-bot/parley/store"
)

// Fact kinds the extractors produce.
const (
	factPerson = "person" // Subject: entity id; Object: the words naming it
	factPlace  = "place"  // Subject: entity id; Object: the words naming it
	factRole   = "role"   // Subject: entity id; Object: the role as written
	factSaid   = "said"   // Subject: speaker entity id; Object: the quoted words, if any
	factCount  = "count"  // Subject: unit; Predicate: old|new|ordinal|""; Object: as written; Value: the number
	factDate   = "date"   // Object: as written; Value: folded
	factMet    = "met"    // Subject: the people, comma-separated; Value: the place id, if any
	factAgent  = "agent"  // Object: a name or "by the …" agent the rules do not know
	// factQuantity is a number as written: Subject the stem of the noun
	// it counts ("men", "km"), Object the phrase, Value the number.
	factQuantity = "quantity"
	// factEntity is a name learned from the text: Subject its id ("~"
	// and the folded name), Predicate its kind (person, org, place or
	// name), Object the name as written.
	factEntity = "entity"
	// factAlias is another name for a learned entity: Subject its id,
	// Object the alias (a surname, an acronym), Value the full name.
	factAlias = "alias"
)

// factsVersion marks facts made by this version of the extractors. Bump
// it whenever an extractor, general.yaml or lexicon.yaml changes what
// facts come out: stores re-analyse articles whose facts another version
// made.
const factsVersion = "30"

// Analyzer reads facts off an article's sentences at ingest, with the
// general rules and a domain pack. It implements store.Analyzer, so a
// store opened with it writes each article's facts in the transaction
// that writes the article.
type Analyzer struct {
	r       *rules
	version string
}

// NewAnalyzer returns the analyzer for pack (nil for none).
func NewAnalyzer(pack *Pack) (*Analyzer, error) {
	r, err := compileRules(pack)
	if err != nil {
		return nil, fmt.Errorf("new analyzer: %w", err)
	}
	return &Analyzer{r: r, version: analyzerVersion(pack)}, nil
}

// analyzerVersion names the extractors' version, the index's (stored.go)
// and the pack they use.
func analyzerVersion(pack *Pack) string {
	v := "facts@" + factsVersion + "+index@" + indexVersion
	if pack != nil {
		v += "+pack@" + pack.hash
	}
	return v
}

// Version names the extractors and the pack: facts another version made
// are made again.
func (a *Analyzer) Version() string { return a.version }

// Analyze returns the facts of one article's sentences (in position
// order); it never fails.
func (a *Analyzer) Analyze(sents []store.Sentence) []store.Fact { return a.r.extract(sents) }

// quoteRe finds quoted words (an open quote runs to the end of the text).
var quoteRe = regexp.MustCompile(`[“"«]([^”"»]{3,})(?:[”"»]|$)`)

// sentenceFacts are one sentence's facts, read back for answering.
type sentenceFacts struct {
	persons, places []string // entity ids, in order, once each
	roles           []store.Fact
	saids           []store.Fact
	counts          []store.Fact
	dates           []store.Fact
	quantities      []store.Fact
	// learnedPlaces are places the text marks as such ("in Canberra")
	// that no pack entity names, as written.
	learnedPlaces []string
	agents        []string // unknown names and "by the …" agents, as written
	// learned are the names learned from the text, by kind ("Laszlo
	// Babai" → person), as written.
	learned map[string]string
	// roleStems holds, per person, the stems and entities of each role
	// the sentence gives them, for matching against questions.
	roleStems map[string][]map[string]bool
}

// extract runs every extractor over sents (in article and position
// order, as the store returns them).
func (r *rules) extract(sents []store.Sentence) []store.Fact {
	var out []store.Fact
	lastSpeaker := map[string]string{}   // article -> last speaker
	lastPerson := map[string]string{}    // article -> who "he" most likely is in the next sentence
	pending := map[string][]store.Fact{} // quote-only sentences of the paragraph so far, awaiting a speaker
	pendingKey := ""
	flush := func(speaker string) {
		for _, f := range pending[pendingKey] {
			f.Subject = speaker
			out = append(out, f)
		}
		delete(pending, pendingKey)
	}
	for _, s := range sents {
		key := s.ArticleID + "/" + strconv.Itoa(s.Paragraph)
		if key != pendingKey {
			// A quote left without a speaker at a paragraph's end takes
			// the last speaker of the article.
			flush(lastSpeaker[strings.SplitN(pendingKey, "/", 2)[0]])
			pendingKey = key
		}
		if s.Heading {
			continue
		}
		toks := tokenize(s.Text)
		ms := r.mentions(toks)
		fact := func(kind, subj, pred, obj, val, ext string) store.Fact {
			return newFact(s, kind, subj, pred, obj, val, ext)
		}
		sf, persons := r.sentenceFacts(s, toks, ms)
		out = append(out, sf...)
		// Who said it: a person named shortly before a speech verb, or a
		// pronoun standing for the last speaker.
		quoted := quotedText(s.Text)
		speaker, verb := r.speakerOf(toks, ms, lastSpeaker[s.ArticleID], lastPerson[s.ArticleID])
		switch {
		case speaker != "":
			out = append(out, fact(factSaid, speaker, verb, quoted, "", "speech-verb"))
			lastSpeaker[s.ArticleID] = speaker
			flush(speaker)
		case quoted != "" && (strings.HasPrefix(s.Text, "“") || strings.HasPrefix(s.Text, "\"")):
			pending[pendingKey] = append(pending[pendingKey], fact(factSaid, "", "quote", quoted, "", "quote-continues"))
		case quoted == "" && strings.HasSuffix(strings.TrimSpace(s.Text), "”") && !strings.Contains(s.Text, "“"):
			// The last sentence of a quote opened earlier in the
			// paragraph: “These are big concessions. They’re stopping
			// the fighting and not taking any more land.”
			pending[pendingKey] = append(pending[pendingKey], fact(factSaid, "", "quote", strings.TrimSuffix(strings.TrimSpace(s.Text), "”"), "", "quote-continues"))
		}
		switch {
		case speaker != "" && r.entities[speaker].Kind == "person":
			lastPerson[s.ArticleID] = speaker
		case len(persons) > 0:
			lastPerson[s.ArticleID] = persons[0]
		default:
			lastPerson[s.ArticleID] = ""
		}
	}
	flush("")
	return stampFacts(out)
}

// newFact is a fact of sentence s, found by extractor ext.
func newFact(s store.Sentence, kind, subj, pred, obj, val, ext string) store.Fact {
	return store.Fact{SentenceID: s.ID, Kind: kind, Subject: subj, Predicate: pred, Object: obj, Value: val, Extractor: ext}
}

// sentenceFacts are the facts s holds by itself (tokens toks, mentions
// ms): a mention of each person and place, roles, counts, agents, dates,
// learned names, and a meeting of two persons or more. It returns the
// persons s mentions too, in order.
func (r *rules) sentenceFacts(s store.Sentence, toks []token, ms []mention) ([]store.Fact, []string) {
	var out []store.Fact
	fact := func(kind, subj, pred, obj, val, ext string) store.Fact {
		return newFact(s, kind, subj, pred, obj, val, ext)
	}
	var persons []string
	seen := map[string]bool{}
	for _, m := range ms {
		e := r.entities[m.entity]
		kind := factPlace
		if e.Kind == "person" {
			kind = factPerson
		} else if e.Kind != "place" {
			continue
		}
		if !seen[m.entity] {
			seen[m.entity] = true
			out = append(out, fact(kind, m.entity, "", s.Text[toks[m.from].start:toks[m.to-1].end], "", "mention"))
			if kind == factPerson {
				persons = append(persons, m.entity)
			}
		}
	}
	out = append(out, r.roleFacts(s, toks, ms)...)
	out = append(out, r.countFacts(s, toks)...)
	for _, a := range r.agents(s.Text, toks, ms) {
		out = append(out, fact(factAgent, "", "", a, "", "agent"))
	}
	known := func(start, end int) bool {
		for _, m := range ms {
			if toks[m.from].start < end && toks[m.to-1].end > start {
				return true
			}
		}
		return false
	}
	out = append(out, mergeDates(r.lex.dateRe.FindAllStringIndex(s.Text, -1), r.learnFacts(s, toks, known), s)...)
	out = append(out, r.learnNames(s, toks, known)...)
	if len(persons) >= 2 && r.hasMeetWord(toks) {
		place := ""
		for _, m := range ms {
			if e := r.entities[m.entity]; e.Kind == "place" && !e.Generic {
				place = m.entity
				break
			}
		}
		out = append(out, fact(factMet, strings.Join(persons, ","), "met", "", place, "met"))
	}
	return out, persons
}

// stampFacts drops the quote facts that found no speaker and stamps the
// rest with the extractors' version.
func stampFacts(out []store.Fact) []store.Fact {
	// Drop quote facts that found no speaker; stamp the rest.
	kept := out[:0]
	for _, f := range out {
		if f.Kind == factSaid && f.Subject == "" {
			continue
		}
		f.Extractor += "@" + factsVersion
		kept = append(kept, f)
	}
	return kept
}

// mergeDates keeps the learned facts, with each news-style date (weekdays,
// "last month") that no learned date overlaps added as a date fact; where
// two dates overlap the longer stands.
func mergeDates(news [][]int, learned []store.Fact, s store.Sentence) []store.Fact {
	var out []store.Fact
	type span struct{ a, b int }
	var spans []span
	for _, f := range learned {
		if f.Kind != factDate {
			out = append(out, f)
			continue
		}
		if i := strings.Index(s.Text, f.Object); i >= 0 {
			spans = append(spans, span{i, i + len(f.Object)})
		}
	}
	dates := append([]span(nil), spans...)
	for _, n := range news {
		dates = append(dates, span{n[0], n[1]})
	}
	for i, d := range dates {
		keep := true
		for j, o := range dates {
			if i != j && d.a < o.b && o.a < d.b && (o.b-o.a > d.b-d.a || (o.b-o.a == d.b-d.a && j < i)) {
				keep = false
			}
		}
		if keep {
			text := s.Text[d.a:d.b]
			out = append(out, store.Fact{SentenceID: s.ID, Kind: factDate, Object: text, Value: fold(text), Extractor: "date"})
		}
	}
	return out
}

// quotedText is the words inside quotation marks in text, joined.
func quotedText(text string) string {
	var parts []string
	for _, m := range quoteRe.FindAllStringSubmatch(text, -1) {
		parts = append(parts, strings.TrimSpace(m[1]))
	}
	return strings.Join(parts, " … ")
}

func (r *rules) hasMeetWord(toks []token) bool {
	for _, t := range toks {
		if r.lex.meetStems[t.stem] {
			return true
		}
	}
	return false
}

// speakerOf finds who speaks in a sentence and with which verb.
func (r *rules) speakerOf(toks []token, ms []mention, lastSpeaker, lastPerson string) (string, string) {
	for i, t := range toks {
		if !r.lex.speechVerbs[t.word] {
			continue
		}
		// The nearest person named before the verb, within a clause's reach.
		best := ""
		for _, m := range ms {
			if m.to <= i && i-m.to <= 20 && r.entities[m.entity].Kind == "person" {
				best = m.entity
			}
		}
		if best != "" {
			return best, t.word
		}
		// No person: an institution or country just before the verb
		// ("the Citadel did not immediately comment", "the US said").
		for _, m := range ms {
			if m.to <= i && i-m.to <= 4 && r.entities[m.entity].Kind != "person" {
				best = m.entity
			}
		}
		if best != "" {
			return best, t.word
		}
		if i > 0 && i-1 < len(toks) {
			for j := max(0, i-3); j < i; j++ {
				switch toks[j].word {
				case "he", "she":
					if lastPerson != "" {
						return lastPerson, t.word
					}
					if lastSpeaker != "" {
						return lastSpeaker, t.word
					}
				}
			}
		}
		// "…,” Ulm said" puts the speaker after the quote but before
		// the verb, handled above; "said Ames" puts it after.
		for _, m := range ms {
			if m.from == i+1 && r.entities[m.entity].Kind == "person" {
				return m.entity, t.word
			}
		}
	}
	return "", ""
}

// roleFacts reads roles written next to a person's name: "special envoy
// Ann Ames", "Carl Umber, the main Westland negotiator,",
// "Dorn's top foreign policy aide, Ulf Ulm".
func (r *rules) roleFacts(s store.Sentence, toks []token, ms []mention) []store.Fact {
	var out []store.Fact
	add := func(ent string, from, to int) {
		if from >= to {
			return
		}
		phrase := strings.TrimSpace(s.Text[toks[from].start:toks[to-1].end])
		if !r.hasRoleNoun(toks[from:to]) {
			return
		}
		for _, f := range out {
			if f.Subject == ent && f.Object == phrase {
				return
			}
		}
		out = append(out, store.Fact{SentenceID: s.ID, Kind: factRole, Subject: ent, Predicate: "is", Object: phrase, Extractor: "role"})
	}
	for mi, m := range ms {
		if r.entities[m.entity].Kind != "person" {
			continue
		}
		// A role alias ("the special envoy") is itself the role.
		if name := foldWords(r.entities[m.entity].Name); !sameWords(toks[m.from:m.to], name) && r.hasRoleNoun(toks[m.from:m.to]) {
			add(m.entity, m.from, m.to)
		}
		// Before the name: a run of title words, joined by spaces only
		// (or a comma when the run ends the role: "…'s top aide, Ulf").
		j := m.from
		for j > 0 {
			gap := s.Text[toks[j-1].end:toks[j].start]
			if gap != " " && gap != "’" && gap != "'" && gap != "-" && !(j == m.from && gap == ", ") {
				break
			}
			w := toks[j-1]
			capital := w.raw != "" && strings.ToUpper(w.raw[:1]) == w.raw[:1]
			if !(r.lex.roleNouns[w.word] || r.lex.roleGlue[w.word] || (capital && w.word != "the")) {
				break
			}
			if w.word == "of" || w.word == "and" {
				break
			}
			j--
		}
		if mi > 0 && ms[mi-1].to > j {
			j = ms[mi-1].to // stop at the previous entity unless it is part of the title
			if r.entities[ms[mi-1].entity].Kind != "person" && ms[mi-1].to == m.from {
				j = ms[mi-1].from
			}
		}
		add(m.entity, j, m.from)
		// After the name: ", the main Westland negotiator,".
		if m.to < len(toks) {
			rest := s.Text[toks[m.to-1].end:]
			if strings.HasPrefix(rest, ", ") {
				k := m.to
				for k < len(toks) && k-m.to < 10 {
					if k > m.to && s.Text[toks[k-1].end:toks[k].start] != " " && s.Text[toks[k-1].end:toks[k].start] != "’" && s.Text[toks[k-1].end:toks[k].start] != "-" && s.Text[toks[k-1].end:toks[k].start] != "'" {
						break
					}
					if toks[k].word == "who" || toks[k].word == "which" || r.lex.speechVerbs[toks[k].word] {
						k = m.to
						break
					}
					if startsPerson(ms, k, r) {
						// ", top Westland negotiator Carl Umber" is a list of
						// people, not a role of the one before.
						k = m.to
						break
					}
					k++
				}
				add(m.entity, m.to, k)
			}
		}
	}
	return out
}

func sameWords(toks []token, ws []string) bool {
	if len(toks) != len(ws) {
		return false
	}
	for i := range ws {
		if toks[i].word != ws[i] {
			return false
		}
	}
	return true
}

func (r *rules) hasRoleNoun(toks []token) bool {
	for i, t := range toks {
		if r.lex.roleNouns[t.word] && !(t.word == "law" && i == 0) {
			return true
		}
	}
	return false
}

// countFacts reads counts: "28-point", "19 key points", "five hours",
// "at the age of seven", "a third day", "one-fifth".
func (r *rules) countFacts(s store.Sentence, toks []token) []store.Fact {
	var out []store.Fact
	for _, m := range r.lex.countRe.FindAllStringSubmatchIndex(s.Text, -1) {
		num := fold(s.Text[m[2]:m[3]])
		n, err := strconv.Atoi(strings.ReplaceAll(num, ",", ""))
		if err != nil {
			n = r.lex.numbers[num]
		}
		unitWord := fold(s.Text[m[4]:m[5]])
		if r.stopword(unitWord) || (num == "one" && m[3] < len(s.Text) && s.Text[m[3]] != '-') {
			continue // "two to tango", "one provision that…"
		}
		unit := stem(unitWord)
		if us := r.units[unitWord]; len(us) > 0 {
			unit = us[0]
		}
		out = append(out, store.Fact{SentenceID: s.ID, Kind: factCount, Subject: unit, Predicate: r.sideOf(s.Text, toks, m[0]),
			Object: s.Text[m[0]:m[1]], Value: strconv.Itoa(n), Extractor: "count"})
	}
	for _, m := range r.lex.ageRe.FindAllStringSubmatchIndex(s.Text, -1) {
		num := fold(s.Text[m[2]:m[3]])
		n, err := strconv.Atoi(num)
		if err != nil {
			n = r.lex.numbers[num]
		}
		out = append(out, store.Fact{SentenceID: s.ID, Kind: factCount, Subject: "age", Object: s.Text[m[0]:m[1]], Value: strconv.Itoa(n), Extractor: "age"})
	}
	for _, m := range r.lex.ordinalRe.FindAllStringSubmatchIndex(s.Text, -1) {
		out = append(out, store.Fact{SentenceID: s.ID, Kind: factCount, Subject: fold(s.Text[m[4]:m[5]]), Predicate: "ordinal",
			Object: s.Text[m[0]:m[1]], Value: strconv.Itoa(r.lex.ordinals[fold(s.Text[m[2]:m[3]])]), Extractor: "ordinal"})
	}
	for _, m := range r.lex.fractionRe.FindAllStringIndex(s.Text, -1) {
		out = append(out, store.Fact{SentenceID: s.ID, Kind: factCount, Subject: "share", Object: s.Text[m[0]:m[1]],
			Value: fold(s.Text[m[0]:m[1]]), Extractor: "fraction"})
	}
	return out
}

// sideOf says whether the number at byte offset at is qualified as the
// old or the new version: by a qualifier among the three words before it,
// else by the sentence when it names only one side.
func (r *rules) sideOf(text string, toks []token, at int) string {
	idx := 0
	for idx < len(toks) && toks[idx].start < at {
		idx++
	}
	for j := idx - 1; j >= 0 && j >= idx-3; j-- {
		if side := r.qualifier[toks[j].stem]; side != "" {
			return side
		}
	}
	sides := map[string]bool{}
	for _, t := range toks {
		if side := r.qualifier[t.stem]; side != "" {
			sides[side] = true
		}
	}
	if len(sides) == 1 {
		for s := range sides {
			return s
		}
	}
	return ""
}

// annotate groups facts by sentence for answering.
func annotate(facts []store.Fact) map[int64]*sentenceFacts {
	out := map[int64]*sentenceFacts{}
	for _, f := range facts {
		sf := out[f.SentenceID]
		if sf == nil {
			sf = &sentenceFacts{}
			out[f.SentenceID] = sf
		}
		switch f.Kind {
		case factPerson:
			sf.persons = append(sf.persons, f.Subject)
		case factPlace:
			if strings.HasPrefix(f.Subject, "~") {
				sf.learnedPlaces = append(sf.learnedPlaces, f.Object)
			} else {
				sf.places = append(sf.places, f.Subject)
			}
		case factQuantity:
			sf.quantities = append(sf.quantities, f)
		case factEntity:
			if sf.learned == nil {
				sf.learned = map[string]string{}
			}
			sf.learned[f.Object] = f.Predicate
			// A learned person or name is a doer "who" can name.
			if (f.Predicate == kindPerson || f.Predicate == kindName) && !contains(sf.agents, f.Object) {
				sf.agents = append(sf.agents, f.Object)
			}
		case factRole:
			sf.roles = append(sf.roles, f)
		case factSaid:
			sf.saids = append(sf.saids, f)
		case factCount:
			sf.counts = append(sf.counts, f)
		case factDate:
			sf.dates = append(sf.dates, f)
		case factAgent:
			sf.agents = append(sf.agents, f.Object)
		}
	}
	return out
}

// startsPerson reports whether a person mention starts at token k.
func startsPerson(ms []mention, k int, r *rules) bool {
	for _, m := range ms {
		if m.from == k && r.entities[m.entity].Kind == "person" {
			return true
		}
	}
	return false
}

var (
	// nameRe finds runs of two or more capitalised words: a name the rules
	// may not know ("Maria Oksanen", "Harbour Commission").
	nameRe = regexp.MustCompile(`\b[A-Z][a-z]+(?:[ -](?:[A-Z][a-z]+|de|van|von|al|bin))+\b`)
	// agentRe finds the doer of a passive verb: "signed by the harbour
	// commission", up to a comma, stop or preposition.
	agentRe = regexp.MustCompile(`\bby (the [a-z]+(?: [a-z]+){0,3})`)
)

// agents reads doers the entity rules do not know: capitalised names and
// "by the …" agents, so that "who" questions about newly ingested
// articles can be answered.
func (r *rules) agents(text string, toks []token, ms []mention) []string {
	known := func(start, end int) bool {
		for _, m := range ms {
			if toks[m.from].start < end && toks[m.to-1].end > start {
				return true
			}
		}
		return false
	}
	var out []string
	for _, loc := range nameRe.FindAllStringIndex(text, -1) {
		name := text[loc[0]:loc[1]]
		ws := strings.Fields(strings.ReplaceAll(name, "-", " "))
		for len(ws) > 0 && (r.lex.leadWords[fold(ws[0])] || loc[0] == 0 && sentenceOpener(ws[0])) {
			loc[0] += len(ws[0]) + 1
			ws = ws[1:]
		}
		if len(ws) < 2 || known(loc[0], loc[1]) {
			continue
		}
		out = append(out, text[loc[0]:loc[1]])
	}
	for _, m := range agentRe.FindAllStringSubmatchIndex(text, -1) {
		ws := strings.Fields(text[m[2]:m[3]])
		n := 1
		for n < len(ws) && !r.lex.agentStop[ws[n]] {
			n++
		}
		if n < 2 || n == 2 && !agentNoun(ws[1]) {
			// "the" and at least two words, or a word for people
			// ("charged by the lender"; not "by the time")
			continue
		}
		phrase := strings.Join(ws[:n], " ")
		if known(m[2], m[2]+len(phrase)) {
			continue
		}
		out = append(out, phrase)
	}
	return out
}
