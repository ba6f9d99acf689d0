package answers

import (
	"fmt"
	"slices"
	"sort"
	"strings"
)

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
	return e.namesAt(ix, text, true)
}

// namesInSpan are the names of text cut from the middle of a sentence (a
// short answer): a capital at its start is the name's own ("New York
// City"), not the capital a question starts with.
func (e *Engine) namesInSpan(ix *index, text string) []named {
	return e.namesAt(ix, text, false)
}

// namesAt are the names of text; opens says whether text opens a sentence
// of its own, so that its first word is capitalised for that.
func (e *Engine) namesAt(ix *index, text string, opens bool) []named {
	r := e.rules
	toks := tokenize(text)
	for i, t := range toks {
		// A name's possessive typed without its apostrophe
		// ("zelenskyys"), as the question's analysis reads it.
		if r.aliases[t.word] == nil && ix.wordCount(t.word) == 0 && !isEnglish(t.word) {
			if base, ok := ix.barePossessive(t.word); ok {
				toks[i].word, toks[i].stem = base, stem(base)
			}
		}
	}
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
		for len(ws) > 0 && (a == 0 && (opens && (isEnglish(fold(ws[0])) || r.leadIn(ws[0])) || e.stopword(fold(ws[0]))) || len(ws) > 1 && sentenceOpener(ws[0])) {
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
		// months are dates, not names; "US" in capitals is no "us".
		if len(ws) == 1 && (a == 0 && opens && isEnglish(fold(ws[0])) && !isAcronym(ws[0]) || r.calendarWord[fold(ws[0])] || e.stopword(fold(ws[0])) && !isAcronym(ws[0])) {
			continue
		}
		kind := e.personCued(text, a, b)
		if kind == "" {
			kind = ix.learnedKind(text[a:b])
		}
		learned = append(learned, named{Name: Name{Text: text[a:b], Kind: kind}, start: a, end: b})
	}
	out = append(out, joinTitled(text, learned, r.lex.titleWords)...)
	out = append(out, e.lowerNames(ix, text, toks, covered)...)
	sort.Slice(out, func(i, j int) bool { return out[i].start < out[j].start })
	return out
}

// lowerNames are the names a question writes in lower case, as chat does
// ("which theory did lavoisier disprove"): runs of words no English word
// list holds that the articles write only capitalised, each run not yet
// covered by a name found otherwise.
func (e *Engine) lowerNames(ix *index, text string, toks []token, covered func(a, b int) bool) []named {
	var out []named
	// A word in lower case, or a name's possessive typed without its
	// apostrophe ("linds", read as "lind"); after the first word of a
	// name, an English word too ("orrin lind").
	isName := func(t token, inside bool) bool {
		return (t.raw == t.word || t.raw == t.word+"s") && len(t.word) > 2 && (inside || !isEnglish(t.word)) && !e.stopword(t.word) && !e.rules.calendarWord[t.word] &&
			!covered(t.start, t.end) && ix.writtenAsName(t.word)
	}
	for i := 0; i < len(toks); i++ {
		if !isName(toks[i], false) {
			continue
		}
		j := i + 1
		for j < len(toks) && toks[j].start == toks[j-1].end+1 && toks[j-1].raw == toks[j-1].word && isName(toks[j], true) {
			j++
		}
		// Between an article and a noun the name qualifies the noun
		// ("the chu shogi piece"): the thing is the noun's, not the name.
		if i > 0 && e.rules.determiner[toks[i-1].word] && j < len(toks) && !e.stopword(toks[j].word) && toks[j].start == toks[j-1].end+1 {
			i = j - 1
			continue
		}
		a, b := toks[i].start, toks[j-1].start+len(toks[j-1].word)
		kind := e.personCued(text, a, b)
		if kind == "" {
			kind = ix.learnedKind(text[a:b])
		}
		out = append(out, named{Name: Name{Text: text[a:b], Kind: kind}, start: a, end: b})
		i = j - 1
	}
	return out
}

// personCued is "person" when the question's own words make the name at
// text[a:b] a person's, whatever the articles make of it: a title opens
// it ("Mr. Bingley"), a word for a person or a title comes right before
// it ("sister Isabella", "poet Ann Ames"), or it owns a word for a person
// ("Emma's sister"); else "".
func (e *Engine) personCued(text string, a, b int) string {
	c, err := loadCarryRules()
	if err != nil {
		return ""
	}
	if ws := foldWords(text[a:b]); len(ws) > 1 && e.rules.lex.titleWords[ws[0]] {
		return "person"
	}
	if before := foldWords(text[:a]); len(before) > 0 && e.personWord(c, before[len(before)-1]) {
		return "person"
	}
	rest := text[b:]
	for _, poss := range []string{"'s ", "’s "} {
		if strings.HasPrefix(rest, poss) {
			if after := foldWords(rest[len(poss):]); len(after) > 0 && c.which.personNouns[after[0]] {
				return "person"
			}
		}
	}
	return ""
}

// learnedKind is the kind the articles give a learned name (person,
// place, org), or "" when they give none: the kind most of its first
// kindReach sentences give it, unless more of them give it none ("used
// by Aspell internally" makes no person of a program the other sentences
// only name).
func (ix *index) learnedKind(name string) string {
	if ix.over != nil {
		return ix.over.learnedKind(name)
	}
	ws := foldWords(name)
	if len(ws) == 0 {
		return ""
	}
	votes := kindVotes{want: fold(name)}
	for i, p := range ix.postings[stem(ws[0])] {
		if i == kindReach {
			break
		}
		votes.add(&ix.sents[p])
	}
	return votes.kind()
}

// kindReach is how many sentences holding a name learnedKind reads.
const kindReach = 500

// kindVotes counts the kinds the sentences holding a name give it.
type kindVotes struct {
	want   string
	counts map[string]int
}

// add counts the kind s gives the name, if it names it.
func (v *kindVotes) add(s *sentence) {
	if s.facts == nil {
		return
	}
	for n, k := range s.facts.learned {
		if fold(n) == v.want {
			if v.counts == nil {
				v.counts = map[string]int{}
			}
			v.counts[k]++
		}
	}
}

// kindOrder breaks ties between kinds given as often.
var kindOrder = [...]string{kindPerson, kindOrg, kindPlace}

// kind is the kind given most, ties to the first in kindOrder, or ""
// when no sentence gives one, or more give the name no kind at all.
func (v *kindVotes) kind() string {
	best := ""
	for _, k := range kindOrder {
		if v.counts[k] > v.counts[best] {
			best = k
		}
	}
	if best == "" || v.counts[best] < v.counts[kindName] {
		return ""
	}
	return best
}

// writtenAsName reports whether the articles write the folded word w,
// wherever they use it, capitalised, and at least once mid-sentence: a
// name ("Lavoisier"), not a word that opens a sentence.
func (ix *index) writtenAsName(w string) bool {
	seen, only := false, true
	check := func(s *sentence) bool {
		for i, t := range s.toks {
			if t.word != w {
				continue
			}
			if !isCapitalised(t.raw) {
				only = false
				return false
			}
			seen = seen || i > 0
		}
		return true
	}
	if ix.over != nil {
		ix.over.eachHolding(stem(w), 200, check)
		return seen && only
	}
	for i, p := range ix.postings[stem(w)] {
		if i == 200 || !check(&ix.sents[p]) {
			break
		}
	}
	return seen && only
}

// wordsNextTo are the folded words some sentence writes capitalised right
// before the capitalised b (before) or right after it: "premier" before
// "League".
func (ix *index) wordsNextTo(b string, before bool) map[string]bool {
	out := map[string]bool{}
	check := func(s *sentence) bool {
		for k := 0; k+1 < len(s.toks); k++ {
			x, y := s.toks[k], s.toks[k+1]
			if !before {
				x, y = y, x
			}
			if y.word == b && isCapitalised(x.raw) && isCapitalised(y.raw) {
				out[x.word] = true
			}
		}
		return true
	}
	if ix.over != nil {
		ix.over.eachHolding(stem(b), 500, check)
		return out
	}
	for i, p := range ix.postings[stem(b)] {
		if i == 500 {
			break
		}
		check(&ix.sents[p])
	}
	return out
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
	// filled: some pronoun was filled in ("its" → "the Great Stupa's").
	filled bool
	// named: the question as typed, its lead-ins aside, names someone or
	// something itself.
	named bool
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
	if prev == nil {
		return reading{read: question}
	}
	text := e.rules.trimLeadIns(Normalize(question))
	own := e.namesIn(ix, text)
	c, err := loadCarryRules()
	if err != nil || prev.Empty() {
		return reading{read: question, named: len(own) > 0}
	}
	p := e.turnOf(ix, prev)
	p.namedFirst = namedFirst
	var r reading
	if q, why, ok := e.topicFirst(ix, c, text); ok {
		// "what about the ledger, who keeps that": the question after
		// the topic, with the topic in, read as any other.
		r = e.carryText(ix, c, p, q, q, e.namesIn(ix, q))
		r.why = append([]string{why}, r.why...)
	} else {
		r = e.carryText(ix, c, p, question, text, own)
	}
	r.named = len(own) > 0
	return r
}

// carryText reads text, the follow-up question with its lead-ins
// trimmed, after the last turn p; own are the names text says.
func (e *Engine) carryText(ix *index, c *carryRules, p turnRead, question, text string, own []named) reading {
	if read, why, ok := e.ellipsis(ix, c, p, text); ok {
		return reading{read: read, why: why, added: true}
	}
	toks := tokenize(text)
	if read, why, persons, ok := e.fillPronouns(c, p, text, toks, own); ok {
		if noun := countedNoun(c, p.question, read); noun != "" {
			read, why = noun, append(why, "\"how many\" with no noun counts what the last question counted")
		}
		return reading{read: read, why: why, persons: persons, filled: true}
	}
	if len(own) > 0 || p.topic == "" {
		return reading{read: question}
	}
	if phrase, ok := e.demonstrativeOfPrev(c, p, text, toks); ok {
		// "what city did those meetings take place in" after a question
		// on the meetings of Ames and Brandt: those, with the names the
		// last question gave as context.
		var ns []string
		for _, n := range p.qnames {
			ns = append(ns, n.fill())
		}
		if len(ns) > 0 {
			read := strings.TrimRight(text, " ?!.") + " " + strings.Join(ns, " ")
			return reading{read: read, why: []string{fmt.Sprintf("%q points back to the last question, which says it: its names added", phrase)}, added: true}
		}
	}
	read, why := e.carryTopic(ix, c, p, question, text, toks)
	return reading{read: read, why: why, added: why != nil}
}

// countedNoun is read with the noun the last question (prev) counted put
// after its "how many" or "how much" when read counts with no noun of its
// own ("how many does Westland have now?" after "How many seats was
// Westland given?" is "how many seats does …"); "" when it has one, or
// prev counted nothing.
func countedNoun(c *carryRules, prev, read string) string {
	counted := func(text string) (int, string) {
		toks := tokenize(text)
		for i := 0; i+2 < len(toks); i++ {
			if toks[i].word != "how" || toks[i+1].word != "many" && toks[i+1].word != "much" {
				continue
			}
			j := i + 2
			for j < len(toks) && !c.auxiliary[toks[j].word] && !c.questionWords[toks[j].word] {
				if _, ok := c.pronouns[toks[j].word]; ok {
					break
				}
				j++
			}
			switch {
			case j == i+2:
				return toks[i+1].end, "" // "how many does it have"
			case j == len(toks):
				// "How many developers worked on it?": a noun, whose
				// end no auxiliary marks.
				return toks[i+1].end, text[toks[i+2].start:toks[i+2].end]
			}
			return toks[i+1].end, text[toks[i+2].start:toks[j-1].end]
		}
		return -1, ""
	}
	at, noun := counted(read)
	if at < 0 || noun != "" {
		return ""
	}
	if _, pnoun := counted(prev); pnoun != "" {
		return read[:at] + " " + pnoun + read[at:]
	}
	return ""
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
	// A question that names someone itself ("… his magicians did
	// Nebuchadnezzar find …") leaves the last question's subject be.
	p.ownNamed = len(own) > 0
	for i, t := range toks {
		pr, ok := c.pronouns[t.word]
		if !ok || e.inName(own, t) {
			continue
		}
		if c.emphatic[t.word] && i > 0 {
			if _, again := c.pronouns[toks[i-1].word]; again || isCapitalised(toks[i-1].raw) {
				continue // "where was he himself": the one just named, again
			}
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
			if saidBefore(c, text, toks[:i]) {
				continue // "Orrin says he took the quay. Does Bayton accept that?"
			}
			if i > 0 && c.eventIdioms[toks[i-1].word] {
				continue // "is he after more than that?", "for all that, …"
			}
			if e.clauseBefore(text, toks, i) {
				continue // "When the trust says few are left, what is that taken to mean?"
			}
			if e.topicBefore(c, text, toks, i, false) {
				continue // "Could a letter be written in it, or are there simpler programs for that?"
			}
			if next != "" && !e.stopword(next) && !c.clauseOpeners[next] && !c.nounModifiers[next] && (i == 0 || !c.clauseOpeners[toks[i-1].word]) {
				// "What is that company called?" after "Which company
				// owns the club?": the company the last answer named.
				if fill, rule := p.demonstrative(toks[i+1].stem); fill != "" {
					edits = append(edits, edit{t.start, toks[i+1].end, fill})
					why = append(why, fmt.Sprintf("%q → %q: %s", text[t.start:toks[i+1].end], fill, rule))
				}
			}
			if next != "" && (!e.stopword(next) || c.clauseOpeners[next] || c.nounModifiers[next] || e.rules.sourceDocument[next]) {
				continue // "that plan", "that same day", "explains that the …", "that article": not a pronoun
			}
			if i > 0 && (c.auxiliary[next] || next != "" && apostropheS(text, toks, i+1)) && !e.stopword(toks[i-1].word) && !c.questionWords[toks[i-1].word] {
				continue // "a drink … in Jamaica that is essentially wort", "a disk that's old": a clause
			}
		case refThing:
			if filledThing {
				continue // "What did it call it?": the second is another thing
			}
			if !pr.possessive && c.dummyIt(toks, i) {
				continue // "Was it too soon to tell?": "it" stands for nothing
			}
			if !pr.possessive && e.topicBefore(c, text, toks, i, true) {
				// "Orrin says a truce isn't enough for peace - what
				// else does it need?": "it" is in the question.
				continue
			}
		case refGroup:
			if !pr.possessive && !c.goingOn[toks[0].word] && e.topicBefore(c, text, toks, i, true) {
				// "In the note pleading for the pilots, who is asked to
				// help them?": "them" is in the question.
				continue
			}
			if pr.possessive && e.clauseBefore(text, toks, i) && slices.ContainsFunc(toks[:i], func(t token) bool { return !e.stopword(t.word) && pluralWord(t.word) }) {
				// "When you add slack variables to the model, what goes
				// wrong if their costs are too big?": the clause before
				// the asking names whose.
				continue
			}
		case refPlace:
			if i > 0 && c.existential[toks[i-1].word] || c.existential[next] {
				continue // "is there", "are there"
			}
		}
		if pr.ref == refPerson && namesAfterLead(c, text, toks, i, own) {
			continue // "As the Gazette quotes him, did Orrin Vell …?": "him" is Orrin
		}
		if e.namesBefore(own, t.start, pr.ref) && !(pr.ref == refThing && !pr.possessive && i > 0 && c.objectPrep[toks[i-1].word]) && !e.objectOfName(c, own, toks, i, pr) {
			continue // "What did Ames say his team wanted?": "his" is Ames
		}
		if j := e.subjectAt(c, toks, i); j >= 0 && (pr.possessive && (pr.ref == refGroup || pr.ref == refThing) || t.word == "they" || pr.ref == refPerson && agentNoun(toks[j].word)) {
			// "do yellow-billed cuckoos build their own nests": theirs;
			// "what do people mean when they say …": the people; "How
			// much does a player pay if he refuses …?": the player.
			continue
		}
		ref := pr.ref
		if ref == refGroup && t.word == "they" && len(own) > 0 {
			// "What drink do they make in Jamaica …?" names its own
			// subject; "they" stands for people the last turn named, or
			// for anyone, not for its things.
			ref = refPeople
		}
		if ref == refEvent && !c.which.eventQuestion[toks[0].word] {
			if fill, _ := p.whichAnswer(refThing); fill != "" || p.phrase != "" {
				ref = refThing // "Who proposed that?" after "Which provision …?": the provision
			}
		}
		fill, rule := p.resolve(c, ref)
		if ref == refThing && slices.ContainsFunc(edits, func(ed edit) bool { return strings.TrimSuffix(ed.with, "’s") == fill }) {
			// "When did they start drafting it?": "they" took the
			// answer; "it" is the thing the last question named.
			q := p
			q.namedFirst = true
			if fill, rule = q.resolve(c, ref); slices.Contains(persons, fill) {
				// "what bill does he want passed for that": "that"
				// is no person "he" took.
				fill = ""
			}
		}
		if ref == refPerson && e.namedAlready(own, fill) {
			// "how did he talk Brandt up" after a question naming
			// Brandt first: "he" is someone else.
			q := p
			q.besides = fill
			if fill, rule = q.resolve(c, ref); e.namedAlready(own, fill) {
				fill = ""
			}
		}
		if ref == refPerson && !pr.possessive && slices.Contains(persons, fill) {
			q := p
			q.besides = fill
			if other, why := q.resolve(c, ref); other != fill {
				fill, rule = other, why
			}
		}
		if fill == "" {
			continue
		}
		if ref == refThing {
			filledThing = true
		}
		if ref == refPerson {
			persons = append(persons, fill)
		}
		if pr.possessive && !c.ownerFits(fill) {
			// "its numbers" after a question on "a wind force scale in
			// 1805-1807 to categorize …" are the scale's; "his shared
			// list" is no "the view that simply ending hostilities’s".
			if fill = c.ownerHead(fill); fill == "" {
				continue
			}
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

// objectOfName reports whether the person pronoun at i of toks is the
// object of a verb right after a name the question says ("Orrin wants
// him"): it does not stand for that name.
func (e *Engine) objectOfName(c *carryRules, own []named, toks []token, i int, pr pronoun) bool {
	return pr.ref == refPerson && !pr.possessive && c.objectPronoun[toks[i].word] && i >= 2 && !e.stopword(toks[i-1].word) && e.inName(own, toks[i-2])
}

// subjectAt is where the question (toks) gives the clause of the pronoun
// at i a subject of its own, or -1: the first word after its auxiliary,
// past determiners, when it is a content word, not a pronoun ("do
// american cuckoos build their own nests", not "did he measure his …" nor
// "how wide is its …"), or the noun a question asks which of, right
// before its auxiliary ("which oceans had their …").
func (e *Engine) subjectAt(c *carryRules, toks []token, i int) int {
	k := -1
	for j := 0; j < i; j++ {
		if c.auxiliary[toks[j].word] {
			k = j
			break
		}
	}
	if k < 0 {
		return -1
	}
	for j := k + 1; j < i; j++ {
		w := toks[j].word
		if _, ok := c.pronouns[w]; ok {
			return -1
		}
		if !e.stopword(w) && !c.questionWords[w] && !c.fillers[w] {
			return j
		}
	}
	if pr := c.pronouns[toks[i].word]; k == 2 && pr.possessive && !pr.either && c.whichWords[toks[0].word] && !e.stopword(toks[1].word) {
		// "which oceans had their southern parts …": the noun asked
		// which of is the subject.
		return 1
	}
	return -1
}

// dummyIt reports whether the "it" at toks[i] stands for nothing: next to
// "is" or "was" (either side), with "to" or "that" within the ten words
// after it ("was it too soon to tell", "is it likely that …", "it's
// essential for the world to act", "was it in a guide, a letter or a talk
// that …"), or with a verb of saying or thinking right after both and a
// clause opening after it ("was it agreed a kiloton …", "it is said the
// …").
func (c *carryRules) dummyIt(toks []token, i int) bool {
	before := i > 0 && c.existential[toks[i-1].word]
	after := i+1 < len(toks) && c.existential[toks[i+1].word]
	if !before && !after {
		return false
	}
	v := i + 1 // the verb: "was it agreed", "it was agreed"
	if after {
		v++
	}
	if v+1 < len(toks) && c.expletiveVerbs[toks[v].word] && c.clauseOpeners[toks[v+1].word] {
		return true
	}
	for j := i + 1; j < len(toks) && j <= i+10; j++ {
		if c.expletive[toks[j].word] {
			return true
		}
	}
	return false
}

// clauseBefore reports whether the question opens, past a source phrase,
// with a clause before its asking, and toks[i] comes after that asking:
// "In the Bayton piece, when the harbour board says few berths are left, what
// is that taken to signal?" asks of what the clause says, and its "that"
// stands for nothing the last question asked.
func (e *Engine) clauseBefore(text string, toks []token, i int) bool {
	from, _ := e.rules.sourceEnds(text)
	k := slices.IndexFunc(toks, func(t token) bool { return t.start >= from })
	if k < 0 || k >= i || !e.rules.clauseLead[toks[k].word] {
		return false
	}
	j := e.rules.askingFrom(text, toks[k:])
	return j > 0 && k+j <= i
}

// topicBefore reports whether the question sets out a topic of its own
// before the pronoun at toks[i]: a part closed by a comma, a colon, a
// semicolon or a dash, or a main clause before a subordinate one ("…
// the parrot once you make it talk"), that holds a word neither a stop
// word nor a name. "in Bayton, what did it include?" sets out none; a
// hyphen inside a word ("son-in-law") closes nothing. With clauses
// false, only punctuation closes a part: "that" in "who was he talking
// to when he said that" is what the last question asked about.
func (e *Engine) topicBefore(c *carryRules, text string, toks []token, i int, clauses bool) bool {
	for k := i; k > 0; k-- {
		gap := text[toks[k-1].end:toks[k].start]
		if !strings.ContainsAny(gap, ",;:–—") && !strings.Contains(gap, " -") && !strings.Contains(gap, "- ") && !(clauses && c.subordinators[toks[k].word]) {
			continue
		}
		for _, t := range toks[:k] {
			if !e.stopword(t.word) && !isCapitalised(t.raw) && !isNumber(t.word) {
				return true
			}
		}
		return false
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
	compared := false    // "both … and …": a leaning word after compares those
	for i, t := range toks {
		compared = compared || c.compared[t.word]
		if c.contrastNouns[t.word] {
			standsAlone = true
			for _, u := range toks[i+1:] {
				if !e.stopword(u.word) && !c.fillers[u.word] {
					standsAlone = false
				}
			}
		}
		if c.leaning[t.word] && leaning == "" && !compared {
			leaning = t.raw
		}
		if c.contrast[t.word] && contrast == "" {
			contrast = t.raw
		}
		if e.contentWord(c, t.word) {
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
	case leaning != "" && content <= c.leaningWords:
		return read, []string{fmt.Sprintf("%q leans on the last question, and nothing is named: what it asked about, %q, added", leaning, p.event)}
	}
	return question, nil
}

// contentWord reports whether a folded word of a follow-up says what it
// asks about: no stop word, question word, auxiliary or filler.
func (e *Engine) contentWord(c *carryRules, w string) bool {
	return !e.stopword(w) && !c.questionWords[w] && !c.auxiliary[w] && !c.fillers[w]
}

// stopword reports whether a folded word says nothing a sentence must
// hold.
func (e *Engine) stopword(w string) bool { return e.rules.stopword(w) }

// inName reports whether t lies inside one of ns.
func (e *Engine) inName(ns []named, t token) bool {
	for _, n := range ns {
		if t.start >= n.start && t.end <= n.end {
			return true
		}
	}
	return false
}

// namesAfterLead reports whether toks[i], a pronoun for a person, stands
// in a clause the question opens with (leading_clauses) and the question
// names a person after the comma that closes it: the pronoun points
// ahead to that person.
func namesAfterLead(c *carryRules, text string, toks []token, i int, own []named) bool {
	if !c.leadingClauses[toks[0].word] {
		return false
	}
	for k := i + 1; k < len(toks); k++ {
		if strings.Contains(text[toks[k-1].end:toks[k].start], ",") {
			return slices.ContainsFunc(own, func(n named) bool { return n.start >= toks[k].start && fits(refPerson, n.Kind) })
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

// demonstrativeOfPrev finds a demonstrative before a noun the last
// question says ("those meetings", "that proposal" after a question on
// the proposal), past the modifiers between ("that same plan"): the
// phrase, and whether there is one.
func (e *Engine) demonstrativeOfPrev(c *carryRules, p turnRead, text string, toks []token) (string, bool) {
	var said map[string]bool // the last question's stems, read at the first demonstrative
	for i := 0; i+1 < len(toks); i++ {
		pr, ok := c.pronouns[toks[i].word]
		if !ok || pr.ref != refEvent {
			continue
		}
		j := i + 1
		for j < len(toks) && c.nounModifiers[toks[j].word] {
			j++
		}
		if j == len(toks) || e.stopword(toks[j].word) || c.clauseOpeners[toks[j].word] {
			continue
		}
		if said == nil {
			said = e.rules.stemSet(p.question)
		}
		if said[toks[j].stem] {
			return text[toks[i].start:toks[j].end], true
		}
	}
	return "", false
}

// namedAlready reports whether fill is a person the follow-up names
// itself (own), whole or by a word of the name ("brandt" for "Ada
// Brandt"): no pronoun of it stands for that person.
func (e *Engine) namedAlready(own []named, fill string) bool {
	if fill == "" {
		return false
	}
	words := map[string]bool{}
	for _, w := range foldWords(fill) {
		words[w] = true
	}
	for _, n := range own {
		for _, w := range foldWords(n.fill()) {
			if words[w] && !e.stopword(w) {
				return true
			}
		}
	}
	return false
}

// saidBefore reports whether text says a sentence of its own in toks,
// its tokens before a pronoun: at least four words ending in "."
// or "!" after a lower-case word, then a capital ("Orrin says he took the
// quay. Does Bayton accept that?"), or ending in a semicolon when text
// opens as a statement, not a question ("Orrin says he took the quay;
// when did that happen?"). "that" after it stands for that sentence, not
// for the last question. ("Mr. Ames", "U.S. officials" end no sentence.)
func saidBefore(c *carryRules, text string, toks []token) bool {
	if len(toks) == 0 {
		return false
	}
	statement := !c.questionWords[toks[0].word] && !c.auxiliary[toks[0].word]
	for k := 3; k+1 < len(toks); k++ {
		gap := text[toks[k].end:toks[k+1].start]
		if (strings.HasPrefix(gap, ". ") || strings.HasPrefix(gap, "! ")) && !isCapitalised(toks[k].raw) && isCapitalised(toks[k+1].raw) {
			return true
		}
		if statement && strings.HasPrefix(gap, "; ") {
			return true
		}
	}
	return false
}

// joinTitled joins a title abbreviated with a full stop ("Mr.", "Dr.") to
// the name after it ("Mr. Walters"): the stop ends no name. A name so
// joined is a person's.
func joinTitled(text string, ns []named, titles map[string]bool) []named {
	var out []named
	for i := 0; i < len(ns); i++ {
		n := ns[i]
		if i+1 < len(ns) && titles[fold(n.Text)] && !strings.Contains(n.Text, " ") && ns[i+1].start == n.end+2 && text[n.end:ns[i+1].start] == ". " {
			next := ns[i+1]
			n.Text, n.end, n.Kind = text[n.start:next.end], next.end, "person"
			i++
		}
		out = append(out, n)
	}
	return out
}
