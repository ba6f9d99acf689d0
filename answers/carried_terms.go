package answers

import "context"

// carriedCredit is how much a term a follow-up took from the last
// question's topic counts, in ranking, against one the follow-up says
// itself: "Which was dropped?" read as "Which architecture was dropped in
// Release 4.0" asks first what was dropped, and the release's title line,
// which holds every carried word but not "dropped", is not its answer.
const carriedCredit = 0.5

// ownTermsKey keys, in a context, the terms a follow-up says itself.
type ownTermsKey struct{}

// ownFirst is ctx marked, when the reading of question added words of
// the last question's topic (added), with the terms question says
// itself: the others then count at carriedCredit. Words a pronoun stood
// for are the follow-up's own: "When did he leave?" is about him.
func (e *Engine) ownFirst(ctx context.Context, ix *index, question string, added bool) context.Context {
	if !added {
		return ctx
	}
	own := map[string]bool{}
	for _, t := range e.analyse(ix, Normalize(question)).terms {
		own[t.term] = true
	}
	return context.WithValue(ctx, ownTermsKey{}, own)
}

// discountCarried weighs down the terms of q that the follow-up answered
// under ctx took from the last question's topic; it does nothing for a
// question that is no such follow-up.
func discountCarried(ctx context.Context, q *query) {
	own, _ := ctx.Value(ownTermsKey{}).(map[string]bool)
	if own == nil {
		return
	}
	for k := range q.terms {
		if !own[q.terms[k].term] {
			q.terms[k].weight *= carriedCredit
		}
	}
}
