package answers

import (
	"maps"
	"slices"

	"github.com/parley-bot/parley/store"
)

// A question may name the outlet an article came from ("courier piece: what
// will double?", "what did the Gazette say of the quay?"). The outlet
// says where the answer is told, which the answer's sentence need not
// repeat: a word no article's text uses that names the outlet of a
// candidate's article (store.Article.Outlet) is no term to look for. The
// evidence still counts it missing from a sentence of another outlet's
// article, so the question is not answered from a piece it did not ask of.

// creditOutlets moves out of q's terms into q.outlets the words no article
// uses that name the outlet of the article of a sentence of top (the
// candidates), so long as a term is left and q does not ask who wrote or
// put out a piece of writing (then the outlet is what it asks of).
func (e *Engine) creditOutlets(ix *index, q *query, top []int32) {
	if !slices.ContainsFunc(q.terms, func(t qterm) bool { return !t.known }) || e.asksAuthorship(q) {
		return
	}
	outlet := map[string]bool{}
	seen := map[*store.Article]bool{}
	for _, i := range top {
		a := ix.sents[i].article
		if a == nil || a.Outlet == "" || seen[a] {
			continue
		}
		seen[a] = true
		maps.Copy(outlet, ix.outletStems(a.ID))
	}
	if len(outlet) == 0 {
		return
	}
	var kept, moved []qterm
	for _, t := range q.terms {
		if !t.known && outlet[t.term] {
			moved = append(moved, t)
		} else {
			kept = append(kept, t)
		}
	}
	if len(moved) == 0 || len(kept) == 0 {
		return
	}
	q.terms, q.outlets = kept, append(q.outlets, moved...)
}

// evidenceTerms are the terms whose absence from s tells: q's, and the
// outlets it names that s's article is not of.
func (ix *index) evidenceTerms(q *query, s *sentence) []qterm {
	if len(q.outlets) == 0 {
		return q.terms
	}
	own := ix.outletStems(s.ArticleID)
	terms := q.terms
	for _, t := range q.outlets {
		if !own[t.term] {
			terms = append(terms[:len(terms):len(terms)], t)
		}
	}
	return terms
}

// otherOutlet reports whether the terms evidenceTerms gave for s hold an
// outlet q names that s's article, which has an outlet, is not of: the
// question asks of another piece.
func otherOutlet(q *query, s *sentence, terms []qterm) bool {
	return s.article != nil && s.article.Outlet != "" && len(terms) > len(q.terms)
}
