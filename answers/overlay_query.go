package answers

import (
	"slices"
	"strings"
)

// view is an index of no sentences with the overlay's corpus data: what a
// question is analysed against, and what follow-ups and the curator read
// names from.
func (ov *overlay) view(r *rules, stamp int64) *index {
	ix := layOut(r, nil, stamp, false)
	ix.setTotals(ov.sentences, ov.length)
	ix.hint, ix.over = ov.hint, ov
	return ix
}

// questionIndex analyses text against the overlay and returns the index
// of its candidate articles, with the overlay's corpus data.
func (e *Engine) questionIndex(ov *overlay, stamp int64, text string) (*index, *query) {
	q := e.analyse(ov.view(e.rules, stamp), text)
	ids := ov.candidateArticles(q)
	segs := make([]*segment, 0, len(ids))
	for _, id := range ids {
		if seg := ov.byID[id]; seg != nil && !ov.gone[id] {
			segs = append(segs, seg)
		} else if k, ok := slices.BinarySearchFunc(ov.delta, id, func(s *segment, id string) int { return strings.Compare(s.article.ID, id) }); ok {
			segs = append(segs, ov.delta[k])
		}
	}
	ix := layOut(e.rules, segs, stamp, false)
	ix.setTotals(ov.sentences, ov.length)
	ix.hint, ix.over = ov.hint, ov
	return ix, q
}

// candidateArticles are the articles of the maxScored sentences retrieve
// would pick for q from a full index of the corpus: the same passes, the
// same float32 sums in the same order, ties broken by article and
// position as a full index orders its sentences — over the base's
// postings (masked sentences skipped) and the delta's.
func (ov *overlay) candidateArticles(q *query) []string {
	base := ov.base
	sc := scratchPool.Get().(*scratch)
	defer scratchPool.Put(sc)
	if cap(sc.acc) < len(base.sents) {
		sc.acc = make([]float32, len(base.sents))
	}
	acc := sc.acc[:len(base.sents)]
	touched := sc.touched[:0]
	defer func() {
		for _, i := range touched {
			acc[i] = 0
		}
		sc.touched = touched[:0]
	}()
	// The delta's sentences, numbered in id order after one another.
	offset := make([]int32, len(ov.delta)+1)
	for k, seg := range ov.delta {
		offset[k+1] = offset[k] + int32(len(seg.sents))
	}
	dacc := make([]float32, offset[len(ov.delta)])
	var dtouched []int32
	common := max(selectiveDF, ov.sentences/20)
	seenTerm := map[string]bool{}
	for pass := 0; pass < 2 && (pass == 0 || len(touched)+len(dtouched) == 0); pass++ {
		for _, t := range q.terms {
			add := func(term string, w float64) {
				if seenTerm[term] || (pass == 0 && ov.df(term) > common) {
					return
				}
				seenTerm[term] = true
				for _, i := range base.postings[term] {
					if ov.dead[i] {
						continue
					}
					if acc[i] == 0 {
						touched = append(touched, i)
					}
					acc[i] += float32(w)
				}
				for k, seg := range ov.delta {
					for _, j := range seg.postings[term] {
						i := offset[k] + j
						if dacc[i] == 0 {
							dtouched = append(dtouched, i)
						}
						dacc[i] += float32(w)
					}
				}
			}
			add(t.term, t.weight)
			for _, a := range t.alts {
				add(a, t.weight*synonymCredit)
			}
		}
	}
	return ov.articlesOf(topByScore(touched, acc, maxScored), acc, topByScore(dtouched, dacc, maxScored), dacc, offset)
}

// articlesOf merges the base's best and the delta's best (each best first,
// ties in corpus order) into the corpus's maxScored best, and returns
// their articles in id order.
func (ov *overlay) articlesOf(bt []int32, acc []float32, dt []int32, dacc []float32, offset []int32) []string {
	deltaSeg := func(i int32) *segment {
		k, _ := slices.BinarySearch(offset, i+1)
		return ov.delta[k-1]
	}
	seen := map[string]bool{}
	var out []string
	for n := 0; n < maxScored && (len(bt) > 0 || len(dt) > 0); n++ {
		var id string
		takeBase := len(dt) == 0
		if len(bt) > 0 && len(dt) > 0 {
			b, d := acc[bt[0]], dacc[dt[0]]
			// Equal scores: the earlier in id order first (never the same
			// article: a delta article's base segment is masked).
			takeBase = b > d || b == d && ov.base.sents[bt[0]].ArticleID < deltaSeg(dt[0]).article.ID
		}
		if takeBase {
			id, bt = ov.base.sents[bt[0]].ArticleID, bt[1:]
		} else {
			id, dt = deltaSeg(dt[0]).article.ID, dt[1:]
		}
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	slices.Sort(out)
	return out
}

// learnedKind is index.learnedKind over the corpus: the first 500
// sentences holding the name's first stem, in corpus order.
func (ov *overlay) learnedKind(name string) string {
	ws := foldWords(name)
	if len(ws) == 0 {
		return ""
	}
	want := fold(name)
	kind := ""
	ov.eachHolding(stem(ws[0]), 500, func(s *sentence) bool {
		if s.facts == nil {
			return true
		}
		for n, k := range s.facts.learned {
			if fold(n) == want && k != kindName {
				kind = k
				return false
			}
		}
		return true
	})
	return kind
}

// eachHolding calls f on the first limit sentences holding term, in
// corpus order, until f returns false.
func (ov *overlay) eachHolding(term string, limit int, f func(*sentence) bool) {
	posts := ov.base.postings[term]
	n := 0
	emit := func(s *sentence) bool {
		n++
		return n <= limit && f(s)
	}
	i := 0
	for _, seg := range ov.delta {
		local := seg.postings[term]
		if len(local) == 0 {
			continue
		}
		for ; i < len(posts) && ov.base.sents[posts[i]].ArticleID < seg.article.ID; i++ {
			if !ov.dead[posts[i]] && !emit(&ov.base.sents[posts[i]]) {
				return
			}
		}
		for _, j := range local {
			if !emit(&seg.sents[j]) {
				return
			}
		}
	}
	for ; i < len(posts); i++ {
		if !ov.dead[posts[i]] && !emit(&ov.base.sents[posts[i]]) {
			return
		}
	}
}
