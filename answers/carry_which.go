package answers

import (
	"fmt"
	"strings"

	"github.com/kljensen/snowball/english"
)

// whichRules is how carry reads a pronoun after a question asking which
// thing, and a follow-up that names the other end of a scale.
type whichRules struct {
	answerWords   int
	personNouns   map[string]bool
	phrasePrep    map[string]bool
	determiners   map[string]bool
	verbEndings   []string
	eventQuestion map[string]bool
	// objectAux: after "who", these make it the object ("Who did …").
	objectAux map[string]bool
	// scaleEnds maps a folded word to the words at the other end of its
	// scale ("highest" → "lowest").
	scaleEnds map[string][]string
}

// compileWhich reads the which and scale rules of followup.yaml; a
// negative word count, an empty ending or a scale pair that is not two
// distinct words is an error naming it.
func compileWhich(f followupFile) (whichRules, error) {
	w := whichRules{
		answerWords:   f.AnswerWords,
		personNouns:   wordSet(foldAll(f.PersonNouns)),
		phrasePrep:    wordSet(foldAll(f.PhrasePreps)),
		determiners:   wordSet(foldAll(f.Determiners)),
		verbEndings:   foldAll(f.VerbEndings),
		eventQuestion: wordSet(foldAll(f.EventQuestions)),
		objectAux:     wordSet(foldAll(f.ObjectAux)),
		scaleEnds:     map[string][]string{},
	}
	if w.answerWords < 0 {
		return w, fmt.Errorf("answer_words %d is negative", w.answerWords)
	}
	for _, end := range w.verbEndings {
		if end == "" {
			return w, fmt.Errorf("verb_endings holds an empty ending")
		}
	}
	for _, pair := range f.ScaleEnds {
		if len(pair) != 2 || fold(pair[0]) == fold(pair[1]) || fold(pair[0]) == "" || fold(pair[1]) == "" {
			return w, fmt.Errorf("scale_ends %q: want two different words", pair)
		}
		a, b := fold(pair[0]), fold(pair[1])
		w.scaleEnds[a] = append(w.scaleEnds[a], b)
		w.scaleEnds[b] = append(w.scaleEnds[b], a)
	}
	return w, nil
}

// verbForm reports whether a folded word ends as a verb does ("sparked"),
// with a stem of at least three letters before the ending.
func (w whichRules) verbForm(word string) bool {
	for _, end := range w.verbEndings {
		if len(word) >= len(end)+3 && strings.HasSuffix(word, end) {
			return true
		}
	}
	return false
}

// plural reports whether a which question's noun phrase names several
// ("the architectures", "the foreign ministers of …"), or its answer does
// ("Alpha and SPARC"): its head, the last word before a phrase
// preposition, is an English word with "s" or "ies" for "y" added.
func (w whichRules) plural(phrase, answer string) bool {
	if strings.Contains(" "+fold(answer)+" ", " and ") {
		return true
	}
	head := ""
	for _, word := range foldWords(phrase) {
		if w.phrasePrep[word] {
			break
		}
		head = word
	}
	switch {
	case strings.HasSuffix(head, "ies"):
		return isEnglish(strings.TrimSuffix(head, "ies") + "y")
	case strings.HasSuffix(head, "s") && !strings.HasSuffix(head, "ss"):
		return isEnglish(strings.TrimSuffix(head, "s"))
	}
	return false
}

// shortAnswer is the direct answer a turn keeps for the next question: the
// answer text when it has at most answer_words words, else "".
func shortAnswer(answer string) string {
	c, err := loadCarryRules()
	if err != nil || answer == "" || len(strings.Fields(answer)) > c.which.answerWords {
		return ""
	}
	return answer
}

// whPhrase is the noun phrase a question asking which thing asks about,
// with "the": "Which clause of the harbour deal drew protests?" → "the
// clause of the harbour deal", "Which region does Dorn want …?" → "the
// region". It runs from the word after the which
// word to an auxiliary, a question word, a pronoun, a stop word or a verb
// (a word with a verb ending, or one a determiner follows), carried on
// over a phrase preposition; "" when question asks no which. The second
// result is the byte offset in question where the phrase ends.
func (e *Engine) whPhrase(c *carryRules, question string) (string, int) {
	toks := tokenize(question)
	if len(toks) < 2 || !c.whichWords[toks[0].word] {
		return "", 0
	}
	w := c.which
	ends := func(t token) bool {
		_, pron := c.pronouns[t.word]
		return c.auxiliary[t.word] || c.questionWords[t.word] || pron
	}
	end, head := 0, true // head: the word may not be the verb (the phrase's first, or after "of the")
	for i := 1; i < len(toks); i++ {
		t := toks[i]
		if ends(t) || english.IsStopWord(t.word) && !(end > 0 && w.phrasePrep[t.word]) {
			break // "Which of the points …?" asks no noun
		}
		if end > 0 && w.phrasePrep[t.word] {
			j := i + 1
			for j < len(toks) && w.determiners[toks[j].word] {
				j++
			}
			if j == len(toks) || e.stopword(toks[j].word) || ends(toks[j]) {
				break
			}
			i, head = j-1, true
			continue
		}
		if !head && (e.stopword(t.word) || w.verbForm(t.word)) {
			break
		}
		if !head && i+1 < len(toks) && (w.determiners[toks[i+1].word] || c.clauseOpeners[toks[i+1].word]) {
			break // "Which company owns the club?": "owns" is the verb
		}
		end, head = i+1, false
	}
	if end == 0 {
		return "", 0
	}
	phrase := question[toks[1].start:toks[end-1].end]
	if w.determiners[toks[1].word] {
		return phrase, toks[end-1].end
	}
	return "the " + phrase, toks[end-1].end
}

// personHead reports whether a which question's noun phrase asks for a
// person ("the envoy", "the name of Ames's wife"): its head, the last
// word before a phrase preposition (after "name of", the phrase's last
// word), is a person noun, a title or a role.
func (e *Engine) personHead(c *carryRules, phrase string) bool {
	words := foldWords(phrase)
	head := ""
	for i, word := range words {
		if c.which.phrasePrep[word] {
			if (head == "name" || head == "names") && i+1 < len(words) {
				head = words[len(words)-1]
			}
			break
		}
		head = word
	}
	return e.personWord(c, head)
}

// personWord reports whether the folded word w names a person by what
// they are: a person noun, a title or a role ("daughter", "mayor",
// "envoy").
func (e *Engine) personWord(c *carryRules, w string) bool {
	l := e.rules.lex
	return c.which.personNouns[w] || e.rules.personNoun[w] || l.titleWords[w] || l.personTitles[w] || l.roleNouns[w]
}

// asksWhichPerson reports whether a question asks which person further
// in than its first word ("Ames is married to which of Dorn's
// daughters?", "… team up with which envoy?"): "which" with a person noun
// within the next four words.
func (e *Engine) asksWhichPerson(c *carryRules, toks []token) bool {
	return e.whichPersonAt(c, toks) >= 0
}

// whichPersonAt is the position of the "which" by which a question asks
// which person further in (asksWhichPerson), or -1.
func (e *Engine) whichPersonAt(c *carryRules, toks []token) int {
	for i := 1; i < len(toks); i++ {
		if toks[i].word != "which" {
			continue
		}
		for _, t := range whichWindow(toks, i) {
			if e.personHead(c, t.word) || strings.HasSuffix(t.word, "s") && e.personHead(c, strings.TrimSuffix(t.word, "s")) {
				return i
			}
		}
	}
	return -1
}

// afterWhichFurtherIn are the four words after each "which" of toks past
// its first word ("… married to which of Dorn's daughters?"): the
// words a question asking which further in asks for.
func afterWhichFurtherIn(toks []token) []token {
	var out []token
	for i := 1; i < len(toks); i++ {
		if toks[i].word == "which" {
			out = append(out, whichWindow(toks, i)...)
		}
	}
	return out
}

// whichWindow are the four words after the "which" at toks[i].
func whichWindow(toks []token, i int) []token { return toks[i+1 : min(i+5, len(toks))] }

// asksWhichPersonIn is asksWhichPerson for a question's text.
func (e *Engine) asksWhichPersonIn(text string) bool {
	c, err := loadCarryRules()
	return err == nil && e.asksWhichPerson(c, tokenize(text))
}

// whichAnswer is what a pronoun for a thing stands for after a question
// asking which that was answered: its short answer, else the one name its
// answer gave; "" when the last question asked no which or neither is
// known.
func (p turnRead) whichAnswer(ref string) (string, string) {
	if !p.askedWhich {
		return "", ""
	}
	var answered []string
	for _, n := range p.answer {
		if fits(ref, n.Kind) {
			answered = append(answered, n.Text)
		}
	}
	switch {
	case p.answerText != "":
		return p.answerText, "a pronoun for a thing after a question asking which: the last answer"
	case len(answered) == 1:
		return answered[0], "a pronoun for a thing after a question asking which: what the last answer named"
	}
	return "", ""
}

// demonstrative is what "that" or "those" before a noun (its stem) stands
// for: after a question asking which thing of that noun ("Which company
// owns the club?" — "What is that company called?"), the thing its
// answer named; "" otherwise.
func (p turnRead) demonstrative(noun string) (string, string) {
	ws := strings.Fields(p.phrase)
	if len(ws) == 0 || stem(fold(ws[len(ws)-1])) != noun {
		return "", ""
	}
	if fill, _ := p.whichAnswer(refThing); fill != "" && !p.pluralWhich {
		return fill, "a noun after \"that\" after a question asking which of it: the last answer"
	}
	return "", ""
}

// phraseRule is why a pronoun stands for the noun phrase a question
// asking which asked about.
const phraseRule = "a pronoun for a thing after a question asking which, not answered in a few words and naming no other thing: the thing it asked which of"

// scaleAgain reads a follow-up that says nothing but the other end of a
// scale the last question named: "What was the highest?" after "Where was
// the state's lowest minimum temperature recorded?" reads "What was the
// state's highest minimum temperature recorded", the follow-up's question
// words before the last question's own words with the end swapped.
func (e *Engine) scaleAgain(c *carryRules, p turnRead, toks []token, text string) (string, string, bool) {
	ptoks := tokenize(p.question)
	from := 0
	for from < len(ptoks) && (c.questionWords[ptoks[from].word] || c.auxiliary[ptoks[from].word]) {
		from++
	}
	for _, t := range toks {
		for _, other := range c.which.scaleEnds[t.word] {
			for _, pt := range ptoks[from:] {
				if pt.word != other {
					continue
				}
				k := 0
				for k < len(toks) && (c.questionWords[toks[k].word] || c.auxiliary[toks[k].word]) {
					k++
				}
				rest := t.raw + strings.TrimRight(p.question[pt.end:], " ?!.")
				asked := p.question[:pt.start] + rest // "The highest?": the last question, swapped
				if k > 0 {
					asked = text[:toks[k-1].end] + " " + p.question[ptoks[from].start:pt.start] + rest
				}
				why := fmt.Sprintf("%q names the other end of %q: the last question's own words with it swapped in, %q", t.raw, pt.raw, asked)
				return asked, why, true
			}
		}
	}
	return "", "", false
}

// topicGroup is the plural noun phrase a topic opens with ("the US and
// Ukrainian negotiators come to an understanding" → "the US and Ukrainian
// negotiators"): from its determiner to its first plural word, with no
// auxiliary, determiner or clause join between; "" when it has none.
func (c *carryRules) topicGroup(topic string) string {
	toks := tokenize(topic)
	if len(toks) < 2 || !c.which.determiners[toks[0].word] {
		return ""
	}
	for k := 1; k < len(toks); k++ {
		t := toks[k]
		if c.auxiliary[t.word] || c.which.determiners[t.word] || c.clauseJoins[t.word] {
			return ""
		}
		if pluralWord(t.word) && !isCapitalised(t.raw) {
			return topic[:c.joinedPlural(toks, k)]
		}
	}
	return ""
}

// joinedPlural is where the plural noun phrase ending at toks[k] ends
// with the plural a conjunction joins to it ("the pilots and the crews",
// "the americans n ukrainians"): at most three words on, determiners among
// them; toks[k]'s end when none is joined.
func (c *carryRules) joinedPlural(toks []token, k int) int {
	if k+2 >= len(toks) || !c.conjunctions[toks[k+1].word] {
		return toks[k].end
	}
	for j := k + 2; j < len(toks) && j <= k+4; j++ {
		t := toks[j]
		if c.auxiliary[t.word] || c.clauseJoins[t.word] || isCapitalised(t.raw) {
			break
		}
		if pluralWord(t.word) {
			return t.end
		}
	}
	return toks[k].end
}

// pluralPhrase is the first noun phrase of a topic that ends in a plural
// word, from its determiner ("took part in the Palmshire talks last
// weekend" → "the Palmshire talks"), with no auxiliary, determiner or
// clause join between; "" when it has none.
func (c *carryRules) pluralPhrase(topic string) string {
	toks := tokenize(topic)
	for i, t := range toks {
		if c.which.determiners[t.word] {
			if g := c.topicGroup(topic[t.start:]); g != "" && i+1 < len(toks) {
				return g
			}
		}
	}
	// "more meetings": the plural noun after a word opening it.
	for i := 0; i+1 < len(toks); i++ {
		if n := toks[i+1]; c.pluralOpeners[toks[i].word] && pluralWord(n.word) && !c.auxiliary[n.word] {
			return n.raw
		}
	}
	return ""
}

// topicOfName is the plural noun phrase a topic opens with (topicGroup)
// with the name it is of ("the eastern provinces of Wesnoth known" →
// "the eastern provinces of Wesnoth"): "there" after a question about
// them, when it named no place. "" when no name follows the phrase ("the
// US-Ukraine talks" are no place).
func (c *carryRules) topicOfName(topic string) string {
	group := c.topicGroup(topic)
	if group == "" {
		return ""
	}
	toks := tokenize(topic)
	for i, t := range toks {
		if t.start < len(group) {
			continue
		}
		if !c.which.phrasePrep[t.word] || i+1 >= len(toks) || !isCapitalised(toks[i+1].raw) {
			return ""
		}
		k := i + 1
		for k < len(toks) && isCapitalised(toks[k].raw) {
			k++
		}
		return topic[:toks[k-1].end]
	}
	return ""
}

// possessiveAt reports whether toks[j] is a possessive pronoun ("his",
// "their"): the word after it is a noun, even one that can be an
// auxiliary ("in his will").
func (c *carryRules) possessiveAt(toks []token, j int) bool {
	if j < 0 || j >= len(toks) {
		return false
	}
	pr, ok := c.pronouns[toks[j].word]
	return ok && (pr.possessive || pr.either)
}

// clauseAt reports whether toks[j] opens a clause: the word before it
// joins one ("that", "which", "whether").
func (c *carryRules) clauseAt(toks []token, j int) bool {
	return j > 0 && c.clauseJoins[toks[j-1].word]
}

// subjectPronoun reports whether w is a pronoun that can open a clause
// ("they", "it"): not a possessive ("his will"), nor "that", which joins
// one.
func (c *carryRules) subjectPronoun(w string) bool {
	p := c.pronouns[w]
	return p.ref != "" && !p.possessive && !c.clauseJoins[w]
}

// topicThing is the noun phrase in a topic that says what someone did
// ("co-wrote the initial proposal" → "the initial proposal", "key points
// does the current plan have" → "the current plan"): from its first
// determiner up to an auxiliary. A topic with no determiner ("met Dorn
// in Bayton") is an event, and stays whole.
func (c *carryRules) topicThing(topic string) string {
	toks := tokenize(topic)
	for i, t := range toks {
		if !c.which.determiners[t.word] || i == 0 {
			continue
		}
		end := len(topic)
		for k, u := range toks[i+1:] {
			if c.auxiliary[u.word] && !c.possessiveAt(toks, i+k) {
				end = u.start
				break
			}
			if gap := topic[toks[i+k].end:u.start]; strings.ContainsAny(gap, ",;:") || dashGap(gap) || c.whWords[u.word] || c.subjectPronoun(u.word) {
				// "the opening quote of the statement - they went over
				// …", "the signals they send, what's on it": the phrase
				// ends where a clause of its own begins.
				end = toks[i+k].end
				break
			}
			if c.which.determiners[u.word] && c.clauseAt(toks, i+1+k) {
				// "told reporters over the weekend that the original
				// plan had seen changes": the subject of the clause,
				// before its auxiliary, is the thing.
				return c.topicThing(topic[toks[i+k].start:])
			}
		}
		return strings.TrimSpace(topic[t.start:end])
	}
	// "Trevor Leggett's book first come out", "translated Aono
	// Teriuchi's books into English": a named owner and the thing.
	for i, t := range toks {
		end := ownedEnd(topic, t.end)
		if end < 0 || !isCapitalised(t.raw) {
			continue
		}
		from := i
		for from > 0 && isCapitalised(toks[from-1].raw) && toks[from].start-toks[from-1].end <= 1 {
			from--
		}
		return topic[toks[from].start:end]
	}
	return topic
}
