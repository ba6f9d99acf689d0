package answers

import "slices"

// questionIndex analyses text against the overlay and returns the index
// to rank it in: the overlay's, with the candidates picked over the whole
// corpus.
func (e *Engine) questionIndex(ov *overlay, text string, cw *carriedWords) (*index, *query) {
	q := e.analyse(ov.ix, text)
	readCarried(cw, q)
	ix := *ov.ix
	ix.top = ov.candidates(q)
	return &ix, q
}

// candidates are the sentences retrieve would pick for q from a full
// index of the corpus, best first, as places in the overlay's sentences: the same passes, the same float32 sums
// in the same order, ties broken by article and position as a full index
// orders its sentences — over the base's postings (masked sentences
// skipped) and the delta's.
func (ov *overlay) candidates(q *query) []int32 {
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
	deltaPos := func(i int32) int32 {
		k, _ := slices.BinarySearch(offset, i+1)
		return int32(ov.spans[ov.delta[k-1].article.ID][0]) + i - offset[k-1]
	}
	bt, dt := topByScore(touched, acc, maxScored), topByScore(dtouched, dacc, maxScored)
	// The two lists merged, best first: equal scores in id order (never
	// the same article: a delta article's base segment is masked).
	out := make([]int32, 0, min(maxScored, len(bt)+len(dt)))
	for len(out) < maxScored && (len(bt) > 0 || len(dt) > 0) {
		takeBase := len(dt) == 0
		if len(bt) > 0 && len(dt) > 0 {
			b, d := acc[bt[0]], dacc[dt[0]]
			takeBase = b > d || b == d && base.sents[bt[0]].ArticleID < ov.sents[deltaPos(dt[0])].ArticleID
		}
		if takeBase {
			out, bt = append(out, bt[0]), bt[1:]
		} else {
			out, dt = append(out, deltaPos(dt[0])), dt[1:]
		}
	}
	return out
}

// learnedKind is index.learnedKind over the corpus: the first 500
// sentences holding the name's first stem, in corpus order.
func (ov *overlay) learnedKind(name string) string {
	ws := foldWords(name)
	if len(ws) == 0 {
		return ""
	}
	votes := kindVotes{want: fold(name)}
	ov.eachHolding(stem(ws[0]), kindReach, func(s *sentence) bool {
		votes.add(s)
		return true
	})
	return votes.kind()
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
