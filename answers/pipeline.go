package answers

import (
	"context"
	"fmt"
	"math"
	"sort"
)

// answer runs the whole pipeline; a choice question ("… A or B?") runs it
// once for each option.
func (e *Engine) answer(ctx context.Context, question string, explain bool) (Answer, []scored, error) {
	return e.answerCarried(ctx, question, explain, nil)
}

// answerCarried is answer for a follow-up's reading, with what it carried
// (cw, nil for none).
func (e *Engine) answerCarried(ctx context.Context, question string, explain bool, cw *carriedWords) (Answer, []scored, error) {
	defer e.startUpdate() // once answered, the update the store's change calls for
	text := Normalize(question)
	if c, ok := e.readChoice(text); ok {
		return e.answerChoice(ctx, neutralize(text), c, explain, cw)
	}
	return e.answerOne(ctx, question, explain, false, cw)
}

// answerOne runs the whole pipeline for one question, or for one option
// of a choice.
func (e *Engine) answerOne(ctx context.Context, question string, explain, option bool, cw *carriedWords) (Answer, []scored, error) {
	text := Normalize(question)
	echo := neutralize(text)
	ix, q, err := e.prepare(ctx, text, cw)
	if err != nil {
		return Answer{}, nil, fmt.Errorf("answer: %w", err)
	}
	q.option = option
	refuse := func() Answer {
		return Answer{Question: echo, Answer: RefusalPrefix + " " + ix.hint, Quotes: []Quote{}}
	}
	var ex *Explanation
	if explain {
		ex = &Explanation{Class: q.class.name, Wants: q.class.wants, Threshold: e.threshold, Candidates: []Candidate{}, Corrections: q.corrections, Unknown: q.unknown}
		for _, t := range q.terms {
			ex.Terms = append(ex.Terms, t.term)
		}
		for id := range q.entities {
			ex.Entities = append(ex.Entities, id)
		}
		sort.Strings(ex.Entities)
	}
	done := func(a Answer, decision string, ranked []scored) (Answer, []scored, error) {
		if ex != nil {
			ex.Decision = decision
			a.Explain = ex
		}
		return a, ranked, nil
	}
	if len(q.terms) == 0 {
		return done(refuse(), "refused: the question has no words to look for", nil)
	}
	if q.offTopic != "" {
		return done(refuse(), fmt.Sprintf("refused: %q marks a topic the articles do not cover", q.offTopic), nil)
	}
	if p := e.unnamedSubject(ix, q); p != "" {
		a := refuse()
		a.Answer = fmt.Sprintf("%s I can't tell who “%s” is: ask again with their name.", RefusalPrefix, p)
		return done(a, fmt.Sprintf("refused: the question's subject %q stands for no one it or the question before it names", p), nil)
	}
	if q.speaker != "" && e.rules.entities[q.speaker].Kind == "person" && !ix.speaks(q.speaker) {
		return done(refuse(), fmt.Sprintf("refused: the articles quote no words of %s", e.rules.entities[q.speaker].Name), nil)
	}
	ranked := personFirst(cw, q, ownWordsFirst(cw, q, e.headFirst(q, e.definitionFirst(q, e.continuationFirst(ix, q, e.echoFirst(ix, q, e.aheadFirst(ix, e.rank(ix, q))))))))
	if ex != nil {
		for i, c := range ranked {
			if i == 8 {
				break
			}
			ex.Candidates = append(ex.Candidates, e.candidate(c))
		}
	}
	if len(ranked) == 0 {
		return done(refuse(), "refused: no sentence shares a word with the question", nil)
	}
	x := e.evidence(ix, q, ranked)
	conf := round3(e.confidence(x))
	if ex != nil {
		ex.Evidence = map[string]float64{}
		for i, v := range x {
			ex.Evidence[evidenceNames[i]] = round3(v)
		}
	}
	refuseWith := func(why string) (Answer, []scored, error) {
		a := refuse()
		a.Confidence = conf
		return done(a, "refused: "+why, ranked)
	}
	if conf < e.threshold {
		return refuseWith(fmt.Sprintf("confidence %.2f of the best sentence is below %.2f", conf, e.threshold))
	}
	if why := e.unsupported(q, ranked[0].s); why != "" {
		return refuseWith(why)
	}
	if holdsNoOwnWord(cw, q, ranked[0].s) && !(ranked[0].s.title && q.class.wants == wantDate && ranked[0].typeMatch) {
		// A heading "Thomas Jefferson (1743-1826)." does answer "When
		// did he live?" with the dates it gives.
		return refuseWith("the best sentence holds none of the follow-up's own words, only the person its pronoun stood for")
	}
	a := e.compose(ix, q, ranked)
	a.Question = echo
	a.Confidence = conf
	return done(a, fmt.Sprintf("answered: confidence %.2f ≥ %.2f", conf, e.threshold), ranked)
}

// prepare reads the question against the current index: the full one, or
// for a large store a lazy one made for this question.
func (e *Engine) prepare(ctx context.Context, text string, cw *carriedWords) (*index, *query, error) {
	snap, err := e.snapshot(ctx)
	if err != nil {
		return nil, nil, err
	}
	if snap.over != nil {
		ix, q := e.questionIndex(snap.over, text, cw)
		return ix, q, nil
	}
	if snap.full != nil {
		q := e.analyse(snap.full, text)
		readCarried(cw, q)
		return snap.full, q, nil
	}
	return e.lazyIndex(ctx, snap, text, cw)
}

func (e *Engine) candidate(c scored) Candidate {
	var facts []string
	f := c.s.facts
	for _, r := range f.roles {
		facts = append(facts, "role "+r.Subject+": "+r.Object)
	}
	for _, sd := range f.saids {
		facts = append(facts, "said by "+sd.Subject)
	}
	for _, n := range f.counts {
		facts = append(facts, fmt.Sprintf("count %s=%s (%s) %s", n.Subject, n.Value, n.Object, n.Predicate))
	}
	for _, d := range f.dates {
		facts = append(facts, "date "+d.Object)
	}
	for _, n := range f.quantities {
		facts = append(facts, "quantity "+n.Object)
	}
	for _, p := range f.learnedPlaces {
		facts = append(facts, "learned place "+p)
	}
	for _, p := range f.places {
		facts = append(facts, "place "+p)
	}
	for _, p := range f.persons {
		facts = append(facts, "person "+p)
	}
	for _, a := range f.agents {
		facts = append(facts, "agent "+a)
	}
	return Candidate{Article: c.s.ArticleID, Sentence: c.s.ID, Text: c.s.Text, Score: round3(c.score), Coverage: round3(c.coverage),
		BM25: round3(c.bm25), Proximity: round3(c.prox), TypeMatch: c.typeMatch, Facts: facts}
}

func round3(f float64) float64 { return math.Round(f*1000) / 1000 }
