package answers

import (
	"context"
	"slices"
	"strings"
)

// Turn is what a conversation keeps of its last question, so the next one
// can lean on it: the question as the engine read it (with anything it
// carried filled in) and the names its direct answer gave. It is plain
// data: the bot stores it between messages, keyed by conversation.
type Turn struct {
	Question string `json:"question"`
	// Class is the question's class ("who", "when", …): after a who
	// question, "he" is most likely the person it was answered with.
	Class string `json:"class,omitempty"`
	// Names are the people, places and things the direct answer named,
	// as written ("Brandt", "Tom Ames"), with their kinds.
	Names []Name `json:"names,omitempty"`
	// Answer is the direct answer when it was short ("InfoMagic"): after
	// a question asking which, what "it" stands for next.
	Answer string `json:"answer,omitempty"`
	// Article and Sentence say where the answer's first quote stands:
	// its article's id and its sentence number (Quote.Sentence). A
	// follow-up most often asks about the same passage: ranking favours
	// the sentences near the quote (general.yaml's near_last). When the
	// question was refused, they say where its best sentence stood, and
	// Refused is true: a follow-up then still most often asks about that
	// passage (near_tried). Empty when nothing was ranked.
	Article  string `json:"article,omitempty"`
	Sentence int    `json:"sentence,omitempty"`
	Refused  bool   `json:"refused,omitempty"`
}

// Empty reports whether t holds no question.
func (t Turn) Empty() bool { return t.Question == "" }

// Carried says what a follow-up took from the question before it, and
// why: the question as read, and one line per word filled in.
type Carried struct {
	// From is the question before, as the engine read it.
	From string `json:"from"`
	// Read is the follow-up with the carried words in place: what the
	// engine answered.
	Read string `json:"read"`
	// Tried is the reading given up when the question was answered as
	// typed (Read is then the question itself): it found no answer, or a
	// less sure one; "" otherwise.
	Tried string `json:"tried,omitempty"`
	// Why lists each carry-over and the rule that made it, e.g.
	// `"he" → "Brandt": a pronoun for one person, the person the last answer named`.
	Why []string `json:"why"`
}

// Shown reports whether a reply says what c carried: not when there is
// none, nor when the question was answered as typed (Tried).
func (c *Carried) Shown() bool { return c != nil && c.Tried == "" }

// read is the question as read: c.Read, or q when nothing was carried.
func (c *Carried) read(q string) string {
	if c == nil {
		return q
	}
	return c.Read
}

// FollowUp answers question as the next turn of a conversation whose last
// question was prev (nil, or an empty Turn, for none). With no turn it
// answers as Answer does, and fills Next and Further besides. A question that
// leans on prev — a pronoun ("he", "it", "that"), no subject ("When?"),
// an ellipsis ("and the revised one?") — is read with prev's people,
// places and topic filled in, and Answer.Carried says what was carried
// and why; a question that names its own subject is answered as Answer
// would. Answer.Next is the Turn to keep for the question after.
func (e *Engine) FollowUp(ctx context.Context, prev *Turn, question string) (Answer, error) {
	a, _, err := e.answerAfter(ctx, prev, question, false)
	return a, err
}

// ExplainFollowUp is FollowUp with Answer.Explain filled, as Explain.
func (e *Engine) ExplainFollowUp(ctx context.Context, prev *Turn, question string) (Answer, error) {
	a, _, err := e.answerAfter(ctx, prev, question, true)
	return a, err
}

// answerAfter answers question after prev: it reads what the question
// carries over from prev (carry), answers that, and says what it carried.
func (e *Engine) answerAfter(ctx context.Context, prev *Turn, question string, explain bool) (Answer, []scored, error) {
	ix := e.readIndex(ctx)
	r := e.carry(ix, prev, question)
	read, why := r.read, r.why
	last := lastQuoted(prev, r)
	tried := "" // the reading given up for the question as typed
	a, ranked, err := e.answerCarried(ctx, read, explain, nearLast(last, e.carriedBy(ix, question, r)))
	if err != nil {
		return a, ranked, err
	}
	if !a.Answered {
		// The second reading, when there is one and the first finds
		// nothing: "it" as what the last question named.
		if alt := e.carryNamed(ix, prev, question); alt.read != read {
			b, branked, err := e.answerCarried(ctx, alt.read, explain, nearLast(last, e.carriedBy(ix, question, alt)))
			if err != nil {
				return b, branked, err
			}
			if b.Answered {
				read, why, a, ranked = alt.read, alt.why, b, branked
			}
		}
	}
	if c, err := loadCarryRules(); err == nil && why != nil && (!a.Answered || c.longReading(question, read)) && e.saysEnough(c, r.named, question) {
		// The question as typed, when no reading with what it leans on
		// finds anything, or the reading put many words in: its own
		// words may say enough ("which book claimed the Swiss had it
		// that year too"), and its answer must still be about what the
		// conversation was about.
		b, branked, err := e.answerCarried(ctx, question, explain, nil)
		if err != nil {
			return b, branked, err
		}
		if b.Answered && e.sharesWords(prev, b.Quotes[0].Text) && (!a.Answered || c.surer(b, a)) {
			rule := asTypedRule
			if a.Answered {
				rule = asTypedSurerRule
			}
			tried = read
			read, why, a, ranked = question, append(why, rule), b, branked
		}
	}
	if a.Answered {
		a.Further = further(ranked, a.Quotes)
	}
	if why != nil {
		a.Question = neutralize(Normalize(question))
		// What was carried is echoed back: defused like the question.
		for i := range why {
			why[i] = neutralize(why[i])
		}
		a.Carried = &Carried{From: neutralize(prev.Question), Read: neutralize(Normalize(read)), Why: why}
		if tried != "" {
			a.Carried.Tried = neutralize(Normalize(tried))
		}
	}
	a.Next = e.turn(ix, read, a, ranked)
	return a, ranked, nil
}

// asTypedRule says why a follow-up was answered as typed.
const asTypedRule = "answered as typed: the reading above found no answer, and the question as typed did, in a sentence that shares a word with the last question or its answer"

// asTypedSurerRule says why a follow-up was answered as typed over a
// reading that was answered too.
const asTypedSurerRule = "answered as typed: the reading above put many words in, and the question as typed was answered with more confidence, in a sentence that shares a word with the last question or its answer"

// longReading reports whether read puts at least the rules' long_reading
// words into question: a clause for a pronoun, a fragment read into the
// last question.
func (c *carryRules) longReading(question, read string) bool {
	return len(strings.Fields(read))-len(strings.Fields(question)) >= c.longReadingWords
}

// surer reports whether b, the question as typed, was answered with more
// confidence than a, a long reading of it, by more than the rules'
// typed_margin.
func (c *carryRules) surer(b, a Answer) bool {
	return b.Confidence > a.Confidence+c.typedMargin
}

// saysEnough reports whether a follow-up says enough to be asked as
// typed: a name of its own (named: "And Bayton?") or two content words
// ("who was the person he rescued"), not one ("What was the highest?").
func (e *Engine) saysEnough(c *carryRules, named bool, question string) bool {
	if named {
		return true
	}
	text := e.rules.trimLeadIns(Normalize(question))
	content := 0
	for _, t := range tokenize(text) {
		if e.contentWord(c, t.word) {
			content++
		}
	}
	return content >= 2
}

// sharesWords reports whether text holds a content word (not a stop
// word) of prev's question or answer: a sentence the conversation leads to.
func (e *Engine) sharesWords(prev *Turn, text string) bool {
	have := e.rules.stemSet(text)
	for st := range e.rules.stemSet(prev.Question + " " + prev.Answer) {
		if have[st] && !e.stopword(st) {
			return true
		}
	}
	return false
}

// turn is what to keep of a question read as read and answered a, its
// candidates ranked, for the next question.
func (e *Engine) turn(ix *index, read string, a Answer, ranked []scored) Turn {
	text := e.rules.trimLeadIns(Normalize(read))
	t := Turn{Question: text, Class: e.rules.classOf(text).name}
	switch {
	case a.Answered && len(a.Quotes) > 0:
		t.Article, t.Sentence = a.Quotes[0].Article, a.Quotes[0].Sentence
	case !a.Answered && len(ranked) > 0:
		t.Article, t.Sentence, t.Refused = ranked[0].s.ArticleID, ranked[0].s.Position+1, true
	}
	if a.Answered && !a.Conflict && a.Answer != "" {
		t.Answer = shortAnswer(a.Answer)
		for _, n := range e.namesInSpan(ix, a.Answer) {
			if title, ok := strings.CutSuffix(a.Answer, " "+n.Text); ok && e.rules.lex.titleWords[fold(title)] {
				n.Text = a.Answer // "Admiral Brenner": the title is part of the name answered
			}
			t.Names = append(t.Names, n.Name)
		}
	}
	if a.Answered && !a.Conflict && a.Answer == "" && len(a.Quotes) > 0 && (e.asksWhich(text) || e.asksWhichPersonIn(text) || t.Class == "naming") {
		// "Which vendor shipped it?" answered by a quote alone: the one
		// name the quote adds to the question is the answer. So for
		// "Ames married which of Dorn's daughters?" and "What was the
		// name of Orla's husband?".
		t.Names = e.namesAdded(ix, text, a.Quotes[0].Text)
	}
	if a.Answered && !a.Conflict && len(t.Names) == 0 && len(a.Quotes) > 0 && t.Class == "who" && e.asksSpeaker(&query{toks: tokenize(text)}) {
		if n, ok := e.quoteSpeaker(ix, a.Quotes[0]); ok {
			t.Names = []Name{n}
		}
	}
	if a.Answered && !a.Conflict && len(t.Names) == 0 && len(a.Quotes) > 0 && (t.Class == "who" || e.asksWhich(text)) {
		// "Which Dutch statesman represented the merchants?" answered
		// by "He represented the merchants …": the person "he" is.
		if n, ok := e.quotedPronounPerson(ix, a.Quotes[0]); ok {
			t.Names = []Name{n}
		}
	}
	return t
}

// quotedPronounPerson is the person a quote that opens with "he" or "she",
// or one under its paragraph's heading that names no one, speaks of: the
// one person named by the nearest of the corefReach sentences before it
// in its paragraph (a heading "Peter Minuit (1580–1638)." too) that names
// any.
func (e *Engine) quotedPronounPerson(ix *index, qt Quote) (Name, bool) {
	c, err := loadCarryRules()
	i, ok := ix.quoted(qt)
	if err != nil || !ok {
		return Name{}, false
	}
	s := &ix.sents[i]
	lo, _ := ix.paragraphAt(i)
	pr, ok := c.pronouns[s.toks[0].word]
	he := ok && pr.ref == refPerson && !pr.possessive
	// A line under a heading that names its person ("Francisco de
	// Coronado (1510–1554). First European explorer to see the Grand
	// Canyon.") speaks of that person too, when it names no one.
	headed := lo < i && ix.sents[lo].title && len(e.peopleIn(ix, s.Text)) == 0
	if !he && !headed {
		return Name{}, false
	}
	for j := i - 1; j >= lo && j >= i-corefReach; j-- {
		people := e.peopleIn(ix, ix.sents[j].Text)
		switch len(people) {
		case 0:
			continue
		case 1:
			return people[0], true
		}
		return Name{}, false
	}
	return Name{}, false
}

// quoted is the position of the sentence qt quotes, and whether it is
// in the index.
func (ix *index) quoted(qt Quote) (int32, bool) {
	i := ix.sentenceAt(quoteAt{article: qt.Article, sentence: qt.Sentence})
	if i < 0 {
		return 0, false
	}
	s := &ix.sents[i]
	return i, s.Text == qt.Text && len(s.toks) > 0
}

// quoteSpeaker is the person whose words qt quotes, when another sentence
// names them (“The territorial issue is … for us. …,” he said): after
// "Who said …?" answered by the quote, whom "he" stands for.
func (e *Engine) quoteSpeaker(ix *index, qt Quote) (Name, bool) {
	i, ok := ix.quoted(qt)
	if !ok || ix.sents[i].facts == nil {
		return Name{}, false
	}
	for _, f := range ix.sents[i].facts.saids {
		if ent, ok := e.rules.entities[f.Subject]; ok && ent.Kind == kindPerson {
			return Name{Text: ent.Name, Kind: kindPerson}, true
		}
	}
	return Name{}, false
}

// peopleIn are the people text names, once each, in order.
func (e *Engine) peopleIn(ix *index, text string) []Name {
	var people []Name
	for _, n := range joinNumbered(text, e.namesIn(ix, text), ix.learnedKind) {
		if n.Kind == kindPerson && !slices.Contains(people, n.Name) {
			people = append(people, n.Name)
		}
	}
	return people
}
