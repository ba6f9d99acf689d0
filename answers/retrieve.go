package answers

import (
	"sort"
	"sync"
)

// scratch is a question's working memory in rank, reused across
// questions: a score slot per sentence and the list of slots touched.
type scratch struct {
	acc     []float32
	touched []int32
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// selectiveDF is the posting-list length up to which a term always
// takes part in the first pass, whatever the corpus size.
const selectiveDF = 1000

// topByScore returns the k entries of ids with the highest acc, best
// first, ties to the lower id — without sorting them all, so a common
// word in a large corpus costs a pass, not a sort.
func topByScore(ids []int32, acc []float32, k int) []int32 {
	less := func(a, b int32) bool { // a ranks below b
		if acc[a] != acc[b] {
			return acc[a] < acc[b]
		}
		return a > b
	}
	h := make([]int32, 0, min(k, len(ids)))
	down := func(i int) {
		for {
			l, m := 2*i+1, i
			if l < len(h) && less(h[l], h[m]) {
				m = l
			}
			if r := l + 1; r < len(h) && less(h[r], h[m]) {
				m = r
			}
			if m == i {
				return
			}
			h[i], h[m] = h[m], h[i]
			i = m
		}
	}
	for _, id := range ids {
		switch {
		case len(h) < k:
			h = append(h, id)
			for i := len(h) - 1; i > 0; {
				p := (i - 1) / 2
				if !less(h[i], h[p]) {
					break
				}
				h[i], h[p] = h[p], h[i]
				i = p
			}
		case less(h[0], id):
			h[0] = id
			down(0)
		}
	}
	sort.Slice(h, func(a, b int) bool { return less(h[b], h[a]) })
	return h
}

// retrieve picks the candidates for q: the maxScored sentences holding the
// most of its terms (and synonyms, at a discount), weighted by rarity,
// best first. It reads only the postings.
func (e *Engine) retrieve(ix *index, q *query) []int32 {
	if ix.top != nil {
		return ix.top
	}
	// First pass: accumulate each sentence's coverage from the postings
	// of the selective terms; a word in nearly every sentence of a large
	// corpus adds the same to all and only costs time, so it is left to
	// the full score unless nothing else matches.
	sc := scratchPool.Get().(*scratch)
	defer scratchPool.Put(sc)
	if cap(sc.acc) < len(ix.sents) {
		sc.acc = make([]float32, len(ix.sents))
	}
	acc := sc.acc[:len(ix.sents)]
	touched := sc.touched[:0]
	defer func() {
		for _, i := range touched {
			acc[i] = 0
		}
		sc.touched = touched[:0]
	}()
	// The corpus's size and document frequencies, not the index's: a lazy
	// index holds the candidate articles only, and picks as the whole
	// corpus would.
	common := max(selectiveDF, ix.stats.sentences/20)
	seenTerm := map[string]bool{}
	for pass := 0; pass < 2 && (pass == 0 || len(touched) == 0); pass++ {
		for _, t := range q.terms {
			add := func(term string, w float64) {
				p := ix.postings[term]
				if seenTerm[term] || (pass == 0 && ix.dfOf(term) > common) {
					return
				}
				seenTerm[term] = true
				for _, i := range p {
					if acc[i] == 0 {
						touched = append(touched, i)
					}
					acc[i] += float32(w)
				}
			}
			add(t.term, t.weight)
			for _, a := range t.alts {
				add(a, t.weight*synonymCredit)
			}
		}
	}
	return topByScore(touched, acc, maxScored)
}
