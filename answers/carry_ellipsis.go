package answers

import (
	"fmt"
	"slices"
	"strings"
)

// ellipsis reads a fragment ("and the revised one?", "what about
// Ames?") as the last question with one thing changed: a name of the same
// kind, a side ("original" for "revised"), a preposition's object, else
// the fragment's words added. A fragment with its own question word
// ("and when?") takes the last question's topic.
func (e *Engine) ellipsis(ix *index, c *carryRules, p turnRead, text string) (string, []string, bool) {
	folded := strings.Join(foldWords(text), " ")
	rest := ""
	for _, re := range c.ellipsis {
		if m := re.FindStringSubmatch(folded); m != nil {
			rest = m[re.SubexpIndex("rest")]
			break
		}
	}
	if rest == "" {
		return "", nil, false
	}
	// The fragment as written: the same words at the end of text.
	ftoks := tokenize(text)
	n := len(strings.Fields(rest))
	if n > len(ftoks) {
		return "", nil, false
	}
	ftoks = ftoks[len(ftoks)-n:]
	frag := strings.TrimRight(text[ftoks[0].start:], " ?!.")
	// A preposition may open the question word ("and from when was …").
	from := 0
	if len(ftoks) > 1 && e.stopword(ftoks[0].word) && !c.questionWords[ftoks[0].word] && c.questionWords[ftoks[1].word] {
		from = 1
	}
	k := from
	for k < len(ftoks) && c.questionWords[ftoks[k].word] {
		k++
	}
	if k > from && k+1 < len(ftoks) && (c.auxiliary[ftoks[k].word] || apostropheS(text, ftoks, k)) {
		// "And when did he speak to reporters?", "and how many does
		// it have now?", "and from when was it …?", "and what's his
		// post?" are whole questions after "and", no fragments: their
		// pronouns are read as any question's.
		return "", nil, false
	}
	if k > from && k+2 < len(ftoks) && !e.stopword(ftoks[k].word) && slices.ContainsFunc(ftoks[k+1:], func(t token) bool { _, ok := c.pronouns[t.word]; return ok }) {
		// "and who drew it up?": a question word, a verb and a pronoun
		// after it, with a word more, make a whole question, whose
		// pronoun is read as any question's. Shorter, "and who
		// rediscovered it" may be the fragment it was read as before.
		return "", nil, false
	}
	if k == from && len(ftoks) >= 4 && c.auxiliary[ftoks[from].word] {
		// "And did his aide say the session got them anywhere?": a
		// yes/no question of its own after "and".
		return "", nil, false
	}
	if k == from && len(ftoks) >= 4 && askedLater(c, text, ftoks[from:]) {
		// "and now Orrin wants him doing what": a question word later
		// in words of its own asks a whole question.
		return "", nil, false
	}
	if !c.supposing[ftoks[0].word] && clauseThenQuestion(c, text, ftoks) {
		// "and when a crucial point comes up, how should the keeper
		// act?", "and of all the questions, which did he put first?":
		// a clause or a phrase, then a whole question of its own. Not
		// after "if": "and if they don't, how …" supposes what the last
		// question asked, which a fragment's reading carries.
		return "", nil, false
	}
	if k > from && e.askedNounThenClause(c, ftoks, k) {
		// "and which two methods should the wrapper class have", "and
		// how much of it is water": a noun phrase asked about, then a
		// clause with a subject of its own, is a whole question too.
		return "", nil, false
	}
	if c.questionWords[ftoks[0].word] {
		if p.topic == "" {
			return "", nil, false
		}
		read := frag + " " + p.topic
		return read, []string{fmt.Sprintf("%q is a fragment with a question word of its own: the last question's topic %q added", frag, p.topic)}, true
	}
	prev := p.question
	// Whole names: "Debian 2.1 Slink" swaps for "Debian 2.0 Hamm", not
	// "Debian" for "Debian".
	fnames := joinNumbered(frag, e.namesIn(ix, frag), ix.learnedKind)
	pnames := joinNumbered(prev, e.namesIn(ix, prev), ix.learnedKind)
	// A name for a name of its kind; a place’s people ("the Westlandians")
	// for the person who acts, when the last question names one.
	for _, fn := range fnames {
		if c.peopleOf(fn) {
			for _, pn := range pnames {
				if pn.Kind == "person" {
					read := prev[:pn.start] + fn.Text + prev[pn.end:]
					return read, []string{fmt.Sprintf("%q is a fragment: the last question %q with %q, a people, for %q", frag, prev, fn.Text, pn.Text)}, true
				}
			}
		}
		for _, pn := range pnames {
			if pn.Kind != fn.Kind && pn.Kind != "" && fn.Kind != "" || pn.Text == fn.Text {
				continue
			}
			read := prev[:pn.start] + fn.Text + prev[pn.end:]
			read = addWords(e, c, read, frag, fn)
			return read, []string{fmt.Sprintf("%q is a fragment: the last question %q with %q for %q", frag, prev, fn.Text, pn.Text)}, true
		}
	}
	ptoks := tokenize(prev)
	// A number for a number of its shape: "and 1.2.0?" after "When was
	// Ferrydesk 1.0 released?", "and 1998?" after "… in 1997?".
	for _, ft := range ftoks {
		if !isNumber(ft.word) {
			continue
		}
		for _, pt := range ptoks {
			if isNumber(pt.word) && pt.word != ft.word && sameShape(pt.word, ft.word) {
				read := prev[:pt.start] + ft.raw + prev[pt.end:]
				return read, []string{fmt.Sprintf("%q is a fragment: the last question %q with %q for %q", frag, prev, ft.raw, pt.raw)}, true
			}
		}
	}
	// A side for a side.
	for _, ft := range ftoks {
		if e.rules.qualifier[ft.stem] == "" {
			continue
		}
		for _, pt := range ptoks {
			if e.rules.qualifier[pt.stem] != "" {
				read := prev[:pt.start] + ft.raw + prev[pt.end:]
				return read, []string{fmt.Sprintf("%q is a fragment: the last question %q with %q for %q", frag, prev, ft.raw, pt.raw)}, true
			}
		}
	}
	if read, mods, noun, ok := e.onesFor(c, prev, ptoks, frag, ftoks); ok {
		return read, []string{fmt.Sprintf("%q is a fragment: the last question %q with %q for the %q it says", frag, prev, mods, noun)}, true
	}
	// A preposition for its opposite, the object kept or a pronoun for
	// it: "and after it?" after "… came before the Han?".
	if opp := c.opposedPrep[ftoks[0].word]; opp != "" && c.pronounsOnly(ftoks[1:]) {
		for _, pt := range ptoks {
			if pt.word == opp {
				read := prev[:pt.start] + ftoks[0].raw + prev[pt.end:]
				return read, []string{fmt.Sprintf("%q is a fragment: the last question %q with %q for %q", frag, prev, ftoks[0].raw, pt.raw)}, true
			}
		}
	}
	// A preposition's object for another.
	if len(ftoks) >= 2 && c.swapPrep[ftoks[0].word] {
		for i := len(ptoks) - 2; i >= 0; i-- {
			if ptoks[i].word != ftoks[0].word {
				continue
			}
			j := i + 1
			for j < len(ptoks) && !e.stopword(ptoks[j].word) {
				j++
			}
			if j == i+1 {
				break
			}
			obj := frag[ftoks[1].start-ftoks[0].start:]
			read := prev[:ptoks[i+1].start] + obj + prev[ptoks[j-1].end:]
			return read, []string{fmt.Sprintf("%q is a fragment: the last question %q with %q for %q", frag, prev, obj, prev[ptoks[i+1].start:ptoks[j-1].end])}, true
		}
	}
	if read, was, ok := e.phraseFor(c, prev, ptoks, frag, ftoks); ok {
		return read, []string{fmt.Sprintf("%q is a fragment: the last question %q with %q for %q", frag, prev, frag, was)}, true
	}
	read := addWords(e, c, prev, frag, named{start: -1, end: -1})
	if read == prev {
		return "", nil, false
	}
	return read, []string{fmt.Sprintf("%q is a fragment: its words added to the last question %q", frag, prev)}, true
}

// phraseFor reads a fragment that is a noun phrase after a determiner
// ("and the flesh inside?") as the last question (prev, ptoks) with it for
// the first such phrase the last question asks about ("What colours can
// the skin of a ripe apple be?" reads "What colours can the flesh inside
// of a ripe apple be?"): the phrase runs from its determiner to the next
// stop word, auxiliary or name. It returns the reading and the phrase replaced; not ok when
// the fragment holds a stop word past its determiner, a filler ("the
// second one"), a word for the others ("the rest"), a name, or a word of
// the phrase, or prev has no phrase.
func (e *Engine) phraseFor(c *carryRules, prev string, ptoks []token, frag string, ftoks []token) (string, string, bool) {
	if len(ftoks) < 2 || !c.which.determiners[ftoks[0].word] {
		return "", "", false
	}
	words := map[string]bool{}
	for _, t := range ftoks[1:] {
		if e.stopword(t.word) || c.fillers[t.word] || c.contrastNouns[t.word] || isCapitalised(t.raw) {
			return "", "", false // "the second one" swaps its words as addWords does
		}
		words[t.stem] = true
	}
	for i := 1; i+1 < len(ptoks); i++ {
		if !c.which.determiners[ptoks[i].word] {
			continue
		}
		j := i + 1
		for j < len(ptoks) && !e.stopword(ptoks[j].word) && !c.auxiliary[ptoks[j].word] && !isCapitalised(ptoks[j].raw) {
			if words[ptoks[j].stem] {
				return "", "", false
			}
			j++
		}
		if j == i+1 {
			return "", "", false
		}
		was := prev[ptoks[i].start:ptoks[j-1].end]
		return prev[:ptoks[i].start] + frag + prev[ptoks[j-1].end:], was, true
	}
	return "", "", false
}

// topicFirst reads a question that sets out its topic before it asks
// ("what about the ledger, who keeps that", followup.yaml's topic_first):
// the question after the topic, with the topic for its first pronoun for
// a thing, an event or a place ("that", "that one", "there"), or after it
// when it has none. A topic that names someone or something goes before
// the question, where a pronoun of its kind stands for it as in any
// question ("and what about Orrin, is he for it" reads "Orrin, is he for
// it"). It returns the reading and why.
func (e *Engine) topicFirst(ix *index, c *carryRules, text string) (string, string, bool) {
	for _, re := range c.topicFirst {
		m := re.FindStringSubmatch(text)
		if m == nil {
			continue
		}
		topic, q := m[re.SubexpIndex("topic")], m[re.SubexpIndex("question")]
		toks := tokenize(q)
		if len(toks) < 3 || !c.opensQuestion(toks[0].word) {
			return "", "", false
		}
		if len(e.namesIn(ix, topic)) > 0 {
			return topic + ", " + q, fmt.Sprintf("%q is the topic set out before the question, a name: the question's own", topic), true
		}
		for i, t := range toks {
			pr, ok := c.pronouns[t.word]
			if !ok || pr.possessive || pr.ref != refThing && pr.ref != refEvent && pr.ref != refPlace {
				continue
			}
			end := t.end
			if i+1 < len(toks) && (toks[i+1].word == "one" || toks[i+1].word == "ones") && pr.ref == refEvent {
				end = toks[i+1].end // "that one"
			} else if i+1 < len(toks) && pr.ref == refEvent && !e.stopword(toks[i+1].word) {
				continue // "that run": a determiner
			}
			read := q[:t.start] + topic + q[end:]
			return read, fmt.Sprintf("%q is the topic set out before the question: it stands for %q", topic, q[t.start:end]), true
		}
		read := strings.TrimRight(q, " ?!.") + " " + topic
		return read, fmt.Sprintf("%q is the topic set out before the question: added to it", topic), true
	}
	return "", "", false
}

// opensQuestion reports whether a folded word opens a question: a
// question word or an auxiliary, or a question word with "s" for "is"
// ("whats").
func (c *carryRules) opensQuestion(w string) bool {
	if c.questionWords[w] || c.auxiliary[w] {
		return true
	}
	return strings.HasSuffix(w, "s") && c.whWords[strings.TrimSuffix(w, "s")]
}

// askedNounThenClause reports whether the words of a fragment from k,
// after its question words, are a short noun phrase ("two methods", "kind
// of signals") and then an auxiliary and a clause opener ("should the
// wrapper …", "did he …"), or a phrase with a pronoun and then an
// auxiliary ("of it is water"): a question with its own subject.
func (e *Engine) askedNounThenClause(c *carryRules, ftoks []token, k int) bool {
	j, pronoun := k, false
	// A stop word before a phrase's preposition ("sort of", "kind of")
	// heads the phrase all the same.
	heads := func(j int) bool { return j+1 < len(ftoks) && c.which.phrasePrep[ftoks[j+1].word] }
	// A determiner after the phrase's preposition ("of the group").
	determined := func(j int) bool {
		return j > k && c.which.phrasePrep[ftoks[j-1].word] && c.which.determiners[ftoks[j].word]
	}
	for j < len(ftoks) && j-k < 6 && !c.auxiliary[ftoks[j].word] && (!e.stopword(ftoks[j].word) || c.which.phrasePrep[ftoks[j].word] || heads(j) || determined(j) || c.pronouns[ftoks[j].word].ref != "") {
		pronoun = pronoun || c.pronouns[ftoks[j].word].ref != ""
		j++
	}
	if j == k || j+1 >= len(ftoks) || !c.auxiliary[ftoks[j].word] {
		return false
	}
	// "of it is water": the pronoun is the subject; "should the
	// keeper carry", "did Orrin sail": the clause opens with one or
	// with a name; "is left in it": a pronoun in it leans on the last
	// question for what it says.
	if pronoun || j+2 < len(ftoks) && (c.clauseOpeners[ftoks[j+1].word] || isCapitalised(ftoks[j+1].raw)) {
		return true
	}
	for _, t := range ftoks[j+1:] {
		if pr, ok := c.pronouns[t.word]; ok && !pr.possessive && pr.ref != refTime && pr.ref != refPlace {
			return true
		}
	}
	return false
}

// askedLater reports whether ftoks (of text) hold a question word past
// their first word with no comma, dash or colon before it: "now Orrin
// wants him doing what", not "if they don't, how …", which leans on the
// last question for what "if" supposes, nor "his own people - what …".
func askedLater(c *carryRules, text string, ftoks []token) bool {
	for i := 1; i < len(ftoks); i++ {
		if strings.ContainsAny(text[ftoks[i-1].end:ftoks[i].start], ",-–—:;") {
			return false
		}
		if c.questionWords[ftoks[i].word] {
			return true
		}
	}
	return false
}

// clauseThenQuestion reports whether the fragment ftoks (of text) holds,
// after a comma, a question word and then an auxiliary (or its "'s"),
// three words or more with a question word past the first ("…, it should
// be the base for what"), or an auxiliary and three words or more: "when
// a crucial point comes up, how should the keeper act" and "when they
// meet again, what's on the table" are a clause before a whole question,
// no fragment, and so is "according to the pilots, is much of the rota
// left in it".
func clauseThenQuestion(c *carryRules, text string, ftoks []token) bool {
	for i := 1; i+1 < len(ftoks); i++ {
		if !strings.Contains(text[ftoks[i-1].end:ftoks[i].start], ",") {
			continue
		}
		if c.auxiliary[ftoks[i].word] && i+3 < len(ftoks) && !c.questionWords[ftoks[i-1].word] {
			// A yes/no question after the comma: "according to the
			// pilots, is much of the rota left in it?".
			return true
		}
		if i+2 < len(ftoks) && !c.questionWords[ftoks[i].word] && askedLater(c, text, ftoks[i:]) {
			// A clause of its own that asks further on: "…, it should
			// be the base for what sort of future", "…, those came
			// when".
			return true
		}
		if !c.questionWords[ftoks[i].word] {
			continue
		}
		// The question words ("how many") may ask of a noun phrase of
		// up to four words ("which territory did he …", "how many days
		// had they …", "what kind of race are they").
		q := i
		for q+1 < len(ftoks) && c.questionWords[ftoks[q+1].word] {
			q++
		}
		for j := q + 1; j < len(ftoks) && j <= q+4; j++ {
			if c.auxiliary[ftoks[j].word] || apostropheS(text, ftoks, j) {
				return true
			}
			if w := ftoks[j].word; c.questionWords[w] || len(w) < 2 {
				break
			}
		}
	}
	return false
}

// onesFor reads a fragment of words before "ones" ("and full frame
// ones?") as the last question with those words for the ones it puts
// before its first plural noun ("How far can compact cameras be stopped
// down?" reads "How far can full frame cameras be stopped down?"). It
// returns the reading, the fragment's words and the noun.
func (e *Engine) onesFor(c *carryRules, prev string, ptoks []token, frag string, ftoks []token) (string, string, string, bool) {
	k := 0
	for k < len(ftoks) && c.fillers[ftoks[k].word] && ftoks[k].word != "ones" {
		k++
	}
	last := len(ftoks) - 1
	if last < 1 || ftoks[last].word != "ones" || k >= last {
		return "", "", "", false
	}
	base := ftoks[0].start
	mods := frag[ftoks[k].start-base : ftoks[last-1].end-base]
	modifies := func(t token) bool {
		return !e.stopword(t.word) && !c.questionWords[t.word] && !c.auxiliary[t.word] && !isCapitalised(t.raw) && !isNumber(t.word)
	}
	for i := 1; i < len(ptoks); i++ {
		if !pluralWord(ptoks[i].word) || e.stopword(ptoks[i].word) {
			continue
		}
		j := i
		for j > 0 && modifies(ptoks[j-1]) {
			j--
		}
		if j == i || j == 0 {
			return "", "", "", false
		}
		return prev[:ptoks[j].start] + mods + prev[ptoks[i-1].end:], mods, ptoks[i].raw, true
	}
	return "", "", "", false
}

// pronounsOnly reports whether toks are pronouns alone, or none.
func (c *carryRules) pronounsOnly(toks []token) bool {
	for _, t := range toks {
		if _, ok := c.pronouns[t.word]; !ok {
			return false
		}
	}
	return true
}

// peopleOf reports whether n names a place's people: a place written with
// a people’s ending ("Westlandians", "Nordese").
func (c *carryRules) peopleOf(n named) bool {
	if n.Kind != "place" {
		return false
	}
	return endsWithAny(fold(n.Text), c.peopleEndings)
}

// addWords adds to q the content words of frag it lacks, outside skip;
// a day, a month or an ordinal takes the place of the one q says ("And
// Ames on Sunday?" after "… on Thursday?", "And in his second term?"
// after "… in his first term?").
func addWords(e *Engine, c *carryRules, q, frag string, skip named) string {
	qtoks := tokenize(q)
	have := map[string]bool{}
	for _, t := range qtoks {
		have[t.stem] = true
	}
	type swap struct {
		at  token
		raw string
	}
	var swaps []swap
	var add []string
	for _, t := range tokenize(frag) {
		if t.start >= skip.start && t.end <= skip.end || c.fillers[t.word] || e.stopword(t.word) && e.timeClass(t.word) == "" || have[t.stem] {
			continue
		}
		have[t.stem] = true
		if k := e.timeClass(t.word); k != "" {
			taken := func(u token) bool {
				return slices.ContainsFunc(swaps, func(sw swap) bool { return sw.at.start == u.start })
			}
			if i := slices.IndexFunc(qtoks, func(u token) bool { return e.timeClass(u.word) == k && !taken(u) }); i >= 0 {
				swaps = append(swaps, swap{qtoks[i], t.raw})
				continue
			}
		}
		add = append(add, t.raw)
	}
	// Last first, so the earlier offsets hold.
	slices.SortFunc(swaps, func(a, b swap) int { return b.at.start - a.at.start })
	for _, sw := range swaps {
		q = q[:sw.at.start] + sw.raw + q[sw.at.end:]
	}
	if len(add) == 0 {
		return q
	}
	return strings.TrimRight(q, " ?!.") + " " + strings.Join(add, " ")
}

// timeClass is what kind of word w is among those a fragment puts in the
// place of another of its kind: "weekday", "month", "ordinal", or "".
func (e *Engine) timeClass(w string) string {
	l := e.rules.lex
	switch {
	case l.weekdays[w]:
		return "weekday"
	case l.months[w]:
		return "month"
	}
	if _, ok := l.ordinals[w]; ok {
		return "ordinal"
	}
	return ""
}

// sameShape reports whether two numbers are written alike: both with a
// point ("1.0", "1.2.0") or both without, and then of one length and
// both years or neither ("1997", "1998"; not "1996" and "9945").
func sameShape(a, b string) bool {
	da, db := strings.Contains(a, "."), strings.Contains(b, ".")
	if da || db {
		return da && db
	}
	return len(a) == len(b) && yearLike(a) == yearLike(b)
}

// yearLike reports whether w is four digits of a year of 1000–2099.
func yearLike(w string) bool {
	return len(w) == 4 && isDigits(w) && (w[0] == '1' || w[0] == '2' && w[1] == '0')
}
