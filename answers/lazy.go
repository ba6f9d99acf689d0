package answers

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/parley-bot/parley/store"
)

// A large store is answered lazily: the corpus statistics come from the
// index the analyzer stored at ingest (store.Indexer), and the ranker gets
// an index of the question's candidate articles only — the articles of the
// maxScored sentences retrieve would pick from the whole corpus, found
// from the stored postings with the same weights, in the same order and
// with the same ties. Every sentence rank reads (a candidate, its
// paragraph, the sentence before it, its article) is then in that index,
// so the answer is the one the whole corpus gives (TestLazyRanksAsFull).

// maxLookupRounds bounds the rounds of analysis and store lookups one
// question takes; each round reads everything the last one lacked, so two
// or three settle it.
const maxLookupRounds = 8

// lookups is what a lazy index found in the store for one question, and
// what its lookups lacked since the last read.
type lookups struct {
	terms, words, alias, speakers map[string]bool // looked up
	corrected                     map[string]string
	// lacking keys by kind: terms, words, acronyms, speakers, corrections.
	lack [5]map[string]bool
}

const (
	lackTerm = iota
	lackWord
	lackAlias
	lackSpeaker
	lackCorrection
)

func newLookups() *lookups {
	l := &lookups{terms: map[string]bool{}, words: map[string]bool{}, alias: map[string]bool{}, speakers: map[string]bool{}, corrected: map[string]string{}}
	for i := range l.lack {
		l.lack[i] = map[string]bool{}
	}
	return l
}

func (l *lookups) has(seen map[string]bool, kind int, k string) bool {
	if seen[k] {
		return true
	}
	l.lack[kind][k] = true
	return false
}

func (l *lookups) hasTerm(t string) bool    { return l.has(l.terms, lackTerm, t) }
func (l *lookups) hasWord(w string) bool    { return l.has(l.words, lackWord, w) }
func (l *lookups) hasAlias(w string) bool   { return l.has(l.alias, lackAlias, w) }
func (l *lookups) hasSpeaker(s string) bool { return l.has(l.speakers, lackSpeaker, s) }

func (l *lookups) correction(w string) string {
	c, ok := l.corrected[w]
	if !ok {
		l.lack[lackCorrection][w] = true
	}
	return c
}

// lacking reports whether a lookup lacked something since the last read.
func (l *lookups) lacking() bool {
	for _, m := range l.lack {
		if len(m) > 0 {
			return true
		}
	}
	return false
}

// newView is a lazy index with the store's corpus totals and no segments:
// what a question is analysed against.
func (e *Engine) newView(snap *snapshot) *index {
	ix := &index{version: snap.stamp, postings: map[string][]int32{}, idf: map[string]float64{},
		stats: corpusStats{df: map[string]int{}, vocab: map[string]int{}}, speakers: map[string]bool{},
		entities: map[string]map[string]bool{}, spans: map[string][2]int{}, aliases: map[string][]string{},
		hint: snap.hint, lazy: newLookups()}
	ix.vocab = ix.stats.vocab
	ix.setTotals(snap.totals.Sentences, snap.totals.Length)
	return ix
}

// read looks up in the store everything view's lookups lacked.
func (e *Engine) read(ctx context.Context, view *index) error {
	l := view.lazy
	keys := func(kind int) []string {
		out := make([]string, 0, len(l.lack[kind]))
		for k := range l.lack[kind] {
			out = append(out, k)
		}
		l.lack[kind] = map[string]bool{}
		slices.Sort(out)
		return out
	}
	if ts := keys(lackTerm); len(ts) > 0 {
		df, err := e.st.TermCounts(ctx, ts)
		if err != nil {
			return err
		}
		for _, t := range ts {
			l.terms[t] = true
			if n := df[t]; n > 0 {
				view.stats.df[t] = n
				view.idf[t] = view.idfOfDF(n)
			}
		}
	}
	if ws := keys(lackWord); len(ws) > 0 {
		n, err := e.st.WordCounts(ctx, ws)
		if err != nil {
			return err
		}
		for _, w := range ws {
			l.words[w] = true
			if n[w] > 0 {
				view.vocab[w] = n[w]
			}
		}
	}
	as := keys(lackAlias)
	acronyms, err := e.st.TermCounts(ctx, prefixed(keyAcronym, as))
	if err != nil {
		return err
	}
	for _, w := range as {
		l.alias[w] = true
		if acronyms[keyAcronym+w] == 0 {
			continue
		}
		found, err := e.st.TermsWithPrefix(ctx, keyAlias+w+"\x00")
		if err != nil {
			return err
		}
		var names []string
		for k := range found {
			names = append(names, strings.TrimPrefix(k, keyAlias+w+"\x00"))
		}
		if len(names) > 0 {
			view.aliases[w] = e.rules.aliasStems(w, names)
		}
	}
	if ss := keys(lackSpeaker); len(ss) > 0 {
		ks := prefixed(keySpeaker, ss)
		n, err := e.st.TermCounts(ctx, ks)
		if err != nil {
			return err
		}
		for i, s := range ss {
			l.speakers[s] = true
			view.speakers[s] = n[ks[i]] > 0
		}
	}
	for _, w := range keys(lackCorrection) {
		c, err := e.storedCorrection(ctx, w)
		if err != nil {
			return err
		}
		l.corrected[w] = c
	}
	return nil
}

func prefixed(prefix string, keys []string) []string {
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = prefix + k
	}
	return out
}

// storedCorrection is index.correct over the store's vocabulary: the
// words near w in length (and, for one edit, with its first byte), those
// within the edits allowed, and their counts, chosen among as correct
// chooses.
func (e *Engine) storedCorrection(ctx context.Context, w string) (string, error) {
	n := utf8.RuneCountInString(w)
	k := maxTypos(n)
	if k == 0 {
		return "", nil
	}
	var first byte
	if k < 2 {
		first = w[0]
	}
	words, err := e.st.IndexedWords(ctx, n-k, n+k, first)
	if err != nil {
		return "", err
	}
	var near []string
	for _, v := range words {
		if editDistance(w, v, k) <= k {
			near = append(near, v)
		}
	}
	counts, err := e.st.WordCounts(ctx, near)
	if err != nil {
		return "", err
	}
	byLen := map[int][]string{}
	for _, v := range near {
		if counts[v] > 0 {
			l := utf8.RuneCountInString(v)
			byLen[l] = append(byLen[l], v)
		}
	}
	return pickCorrection(w, k, func(l int) []string { return byLen[l] }, func(v string) int { return counts[v] }), nil
}

// lazyIndex analyses the question against the store's index and builds
// the index of its candidate articles.
func (e *Engine) lazyIndex(ctx context.Context, snap *snapshot, text string, cw *carriedWords) (*index, *query, error) {
	view := e.newView(snap)
	var q *query
	for round := 0; ; round++ {
		q = e.analyse(view, text)
		readCarried(cw, q)
		if q.speaker != "" {
			view.speaks(q.speaker)
		}
		for _, t := range q.terms {
			view.dfOf(t.term)
			for _, a := range t.alts {
				view.dfOf(a)
			}
		}
		if !view.lazy.lacking() {
			break
		}
		if round == maxLookupRounds {
			return nil, nil, fmt.Errorf("analyse %q: lookups did not settle", text)
		}
		if err := e.read(ctx, view); err != nil {
			return nil, nil, fmt.Errorf("analyse: %w", err)
		}
	}
	ids, err := e.candidateArticles(ctx, view, q)
	if err != nil {
		return nil, nil, err
	}
	segs, err := e.segments(ctx, ids)
	if err != nil {
		return nil, nil, err
	}
	ix := layOut(e.rules, segs, snap.stamp, false)
	// The corpus data are the store's, not the candidates' sums.
	ix.stats, ix.idf, ix.vocab, ix.maxIDF, ix.avgLen = view.stats, view.idf, view.vocab, view.maxIDF, view.avgLen
	ix.speakers, ix.aliases, ix.hint, ix.lazy, ix.byLen, ix.names = view.speakers, view.aliases, view.hint, view.lazy, nil, nil
	return ix, q, nil
}

// candidateArticles are the articles of the maxScored sentences retrieve
// would pick for q from the whole corpus: the same first pass over the
// stored postings, the same float32 sums in the same order, ties broken
// by article and position as the full index orders its sentences.
func (e *Engine) candidateArticles(ctx context.Context, view *index, q *query) ([]string, error) {
	common := max(selectiveDF, view.stats.sentences/20)
	acc := map[int64]float32{}
	seen := map[string]bool{}
	for pass := 0; pass < 2 && (pass == 0 || len(acc) == 0); pass++ {
		type weighted struct {
			term string
			w    float64
		}
		var list []weighted
		var terms []string
		for _, t := range q.terms {
			add := func(term string, w float64) {
				if seen[term] || (pass == 0 && view.dfOf(term) > common) {
					return
				}
				seen[term] = true
				list = append(list, weighted{term, w})
				if view.dfOf(term) > 0 {
					terms = append(terms, term)
				}
			}
			add(t.term, t.weight)
			for _, a := range t.alts {
				add(a, t.weight*synonymCredit)
			}
		}
		if len(terms) == 0 {
			continue
		}
		postings, err := e.st.Postings(ctx, terms)
		if err != nil {
			return nil, fmt.Errorf("candidates: %w", err)
		}
		for _, x := range list {
			for _, id := range postings[x.term] {
				acc[id] += float32(x.w)
			}
		}
	}
	ids := make([]int64, 0, len(acc))
	for id := range acc {
		ids = append(ids, id)
	}
	// Sentences past the maxScored best by score cannot be candidates;
	// those tied with the last one are told apart by place.
	slices.SortFunc(ids, func(a, b int64) int { return cmp.Compare(acc[b], acc[a]) })
	if len(ids) > maxScored {
		last := acc[ids[maxScored-1]]
		end := maxScored
		for end < len(ids) && acc[ids[end]] == last {
			end++
		}
		ids = ids[:end]
	}
	refs, err := e.st.Locate(ctx, ids)
	if err != nil {
		return nil, fmt.Errorf("candidates: %w", err)
	}
	slices.SortFunc(refs, func(a, b store.SentenceRef) int {
		if c := cmp.Compare(acc[b.ID], acc[a.ID]); c != 0 {
			return c
		}
		if c := strings.Compare(a.ArticleID, b.ArticleID); c != 0 {
			return c
		}
		return cmp.Compare(a.Position, b.Position)
	})
	if len(refs) > maxScored {
		refs = refs[:maxScored]
	}
	var out []string
	for _, r := range refs {
		if !slices.Contains(out, r.ArticleID) {
			out = append(out, r.ArticleID)
		}
	}
	slices.Sort(out)
	return out, nil
}

// segments returns the segments of the articles ids that exist, in id
// order, from the cache or built from the store.
func (e *Engine) segments(ctx context.Context, ids []string) ([]*segment, error) {
	out := make([]*segment, 0, len(ids))
	var missing []string
	for _, id := range ids {
		if seg := e.cache.get(id); seg != nil {
			out = append(out, seg)
		} else {
			missing = append(missing, id)
		}
	}
	if len(missing) > 0 {
		gen := e.cache.generation()
		segs, err := e.loadSegments(ctx, missing)
		if err != nil {
			return nil, err
		}
		for _, seg := range segs {
			e.cache.put(seg, gen)
		}
		out = append(out, segs...)
	}
	slices.SortFunc(out, func(a, b *segment) int { return strings.Compare(a.article.ID, b.article.ID) })
	return out, nil
}

// loadSegments builds the segments of the articles ids that exist, in id
// order, from their stored rows (extracting facts in memory for an
// article another analyzer version analysed, as buildIndex does).
func (e *Engine) loadSegments(ctx context.Context, ids []string) ([]*segment, error) {
	arts, err := e.st.ArticlesByID(ctx, ids)
	if err != nil {
		return nil, fmt.Errorf("load articles: %w", err)
	}
	if len(arts) == 0 {
		return nil, nil
	}
	have := make([]string, len(arts))
	for i, a := range arts {
		have[i] = a.ID
	}
	sents, err := e.st.Sentences(ctx, have...)
	if err != nil {
		return nil, fmt.Errorf("load articles: %w", err)
	}
	facts, err := e.st.ArticleFacts(ctx, have)
	if err != nil {
		return nil, fmt.Errorf("load articles: %w", err)
	}
	return segmentsOf(e.rules, e.version, arts, sents, facts), nil
}

// segmentsOf builds one segment per article from the rows read for them.
func segmentsOf(r *rules, version string, arts []store.Article, sents []store.Sentence, facts []store.Fact) []*segment {
	bySent := map[int64][]store.Fact{}
	for _, f := range facts {
		bySent[f.SentenceID] = append(bySent[f.SentenceID], f)
	}
	byArticle := map[string][]store.Sentence{}
	for _, s := range sents {
		byArticle[s.ArticleID] = append(byArticle[s.ArticleID], s)
	}
	segs := make([]*segment, 0, len(arts))
	for _, a := range arts {
		ss := byArticle[a.ID]
		var fs []store.Fact
		if a.Analyzed == version {
			for _, s := range ss {
				fs = append(fs, bySent[s.ID]...)
			}
		} else {
			// Facts another analyzer made (an older extractor, another
			// pack), or none: made here, in memory. The engine never
			// writes, and never answers from stale facts.
			fs = r.extract(ss)
		}
		segs = append(segs, buildSegment(r, a, ss, fs))
	}
	return segs
}
