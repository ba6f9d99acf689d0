package answers

import (
	"maps"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"
)

// A resident index (serve's, WithBackground) is brought up to date in time
// proportional to the articles that changed, not to the corpus: the full
// index it has (the base) stays as it is; the changed articles' segments
// are built alone (the delta); and the base's segments of articles replaced
// or removed are masked. The corpus statistics are the base's, less the
// masked segments' and plus the delta's, so every IDF, length norm, typo
// candidate, learned acronym, speaker and the hint are those a full
// rebuild would give. A question is then answered as a lazy one is
// (lazy.go): its candidates are picked from the base's postings (masked
// sentences skipped) and the delta's with the same weights, float32 sums
// and ties as one full index would, and the ranker gets an index of the
// candidate articles only (TestOverlayAnswersAsRebuilt). Once the delta
// and the masked part together pass a share of the base (foldShare), the
// next update lays a full index out again.

// foldShare is the share of the base's sentences that the delta and the
// masked sentences may reach before an update lays a full index out again;
// minFold is that limit's floor, so a small store does not rebuild on
// every change (its rebuild is cheap, but so is its overlay).
const (
	foldShare = 8 // one eighth
	minFold   = 128
)

// overlay is a base index with the changes since it was laid out. It is
// immutable: an update makes a new one sharing what did not change.
type overlay struct {
	base *index
	// byID finds a base segment by article id (shared by every overlay of
	// the base).
	byID map[string]*segment
	// delta are the changed articles' segments, in id order; gone are the
	// base articles masked (replaced or removed), and dead marks, per base
	// sentence, those of masked articles.
	delta []*segment
	gone  map[string]bool
	dead  []bool
	// plus are the delta's statistics, minus the masked segments'.
	plus, minus corpusStats
	// sentences and length are the corpus totals; articles the count.
	sentences, length, articles int
	// speakers and aliases hold, for the speakers and acronyms a change
	// touched, the corpus-wide value (the base's holds for the rest).
	speakers map[string]bool
	aliases  map[string][]string
	// extra are the words the delta uses that the base does not, by rune
	// length, sorted (some may since have gone: their count is 0).
	extra map[int][]string
	// names are the hint's counts (the base's, changed); hint the hint.
	names map[string]int
	hint  string
	// sents are the base's sentences, then those of every segment laid
	// over it since, in the order they came, each segment after a blank
	// sentence (so no paragraph runs from one into the next); spans and
	// entities are the live articles', as an index's.
	sents    []sentence
	spans    map[string][2]int
	entities map[string]map[string]bool
	// tail is shared by the overlays of one sentence array: how much of it
	// is taken, so an overlay appends in place only at its end.
	tail *tail
	// ix is what questions are answered from: an index of the sentences
	// with the overlay's corpus data, and no postings.
	ix *index
}

// tail is how much of a sentence array the overlays sharing it use.
type tail struct {
	mu sync.Mutex
	n  int
}

// take claims the array's sentences [from, to), which must be its end,
// and within capacity c.
func (t *tail) take(from, to, c int) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.n != from || to > c {
		return false
	}
	t.n = to
	return true
}

// newOverlay is base with no change.
func newOverlay(base *index) *overlay {
	ov := &overlay{base: base, byID: make(map[string]*segment, len(base.segments)), gone: map[string]bool{},
		dead: make([]bool, len(base.sents)), plus: newStats(), minus: newStats(), sentences: base.stats.sentences,
		length: base.stats.length, articles: len(base.articles), speakers: map[string]bool{}, aliases: map[string][]string{},
		extra: map[int][]string{}, names: base.names, hint: base.hint, sents: base.sents, spans: base.spans,
		entities: base.entities, tail: &tail{n: len(base.sents)}}
	for _, seg := range base.segments {
		ov.byID[seg.article.ID] = seg
	}
	ov.ix = ov.index()
	return ov
}

// index is the index questions are answered from.
func (ov *overlay) index() *index {
	ix := &index{sents: ov.sents, spans: ov.spans, entities: ov.entities, over: ov, hint: ov.hint}
	ix.setTotals(ov.sentences, ov.length)
	return ix
}

func newStats() corpusStats { return corpusStats{df: map[string]int{}, vocab: map[string]int{}} }

// size is how many sentences the overlay adds or masks.
func (ov *overlay) size() int { return ov.plus.sentences + ov.minus.sentences }

// full reports whether the overlay has grown enough that the next update
// should lay a full index out again.
func (ov *overlay) full() bool {
	return ov.size() > max(minFold, ov.base.stats.sentences/foldShare)
}

// with is ov after the articles changed were added, replaced or removed:
// fresh holds the segments of those that exist now.
func (ov *overlay) with(r *rules, changed []string, fresh []*segment) *overlay {
	next := *ov
	next.plus, next.minus = copyStats(ov.plus), copyStats(ov.minus)
	next.gone = maps.Clone(ov.gone)
	next.speakers, next.aliases, next.extra = maps.Clone(ov.speakers), maps.Clone(ov.aliases), maps.Clone(ov.extra)
	next.names = maps.Clone(ov.names)
	var touched []*segment // every segment leaving or joining the corpus
	delta := make([]*segment, 0, len(ov.delta)+len(fresh))
	isChanged := map[string]bool{}
	for _, id := range changed {
		isChanged[id] = true
	}
	for _, seg := range ov.delta {
		if !isChanged[seg.article.ID] {
			delta = append(delta, seg)
			continue
		}
		next.plus.add(seg.stats, -1)
		next.moveNames(seg, -1)
		next.articles--
		touched = append(touched, seg)
	}
	var dead []bool
	for id := range isChanged {
		seg := ov.byID[id]
		if seg == nil || next.gone[id] {
			continue
		}
		if dead == nil {
			dead = slices.Clone(ov.dead)
		}
		next.gone[id] = true
		sp := ov.base.spans[id]
		for i := sp[0]; i < sp[1]; i++ {
			dead[i] = true
		}
		next.minus.add(seg.stats, 1)
		next.moveNames(seg, -1)
		next.articles--
		touched = append(touched, seg)
	}
	if dead != nil {
		next.dead = dead
	}
	for _, seg := range fresh {
		delta = append(delta, seg)
		next.plus.add(seg.stats, 1)
		next.moveNames(seg, 1)
		next.articles++
		touched = append(touched, seg)
	}
	slices.SortFunc(delta, func(a, b *segment) int { return strings.Compare(a.article.ID, b.article.ID) })
	next.delta = delta
	next.spans, next.entities = maps.Clone(ov.spans), maps.Clone(ov.entities)
	for id := range isChanged {
		delete(next.spans, id)
		delete(next.entities, id)
	}
	next.lay(fresh)
	next.sentences = ov.base.stats.sentences - next.minus.sentences + next.plus.sentences
	next.length = ov.base.stats.length - next.minus.length + next.plus.length
	next.retouch(r, touched)
	next.hint = next.makeHint(r)
	next.ix = next.index()
	return &next
}

// lay appends the segments' sentences to the overlay's, each segment after
// a blank sentence: in place when the overlay's are the end of their
// array and it has room, else in a new array with room for more.
func (ov *overlay) lay(segs []*segment) {
	n := len(ov.sents)
	for _, seg := range segs {
		n += 1 + len(seg.sents)
	}
	if n == len(ov.sents) {
		return
	}
	sents := ov.sents
	if !ov.tail.take(len(sents), n, cap(sents)) {
		sents = make([]sentence, len(ov.sents), n+n/4)
		copy(sents, ov.sents)
		ov.tail = &tail{n: n}
	}
	for _, seg := range segs {
		sents = append(sents, sentence{})
		a := &seg.article
		start := len(sents)
		for _, s := range seg.sents {
			s.article, s.seg, s.pos = a, seg, len(sents)
			sents = append(sents, s)
		}
		ov.spans[a.ID] = [2]int{start, len(sents)}
		ov.entities[a.ID] = seg.entities
	}
	ov.sents = sents
}

// moveNames adds (sign 1) or removes (-1) a segment's names from the
// hint's counts.
func (ov *overlay) moveNames(seg *segment, sign int) {
	for k, n := range seg.names {
		if ov.names[k] += sign * n; ov.names[k] <= 0 {
			delete(ov.names, k)
		}
	}
}

// retouch works out, for the speakers, acronyms and words of the segments
// that left or joined, their corpus-wide value now.
func (ov *overlay) retouch(r *rules, touched []*segment) {
	speakers, acronyms := map[string]bool{}, map[string]bool{}
	for _, seg := range touched {
		for sp := range seg.speakers {
			speakers[sp] = true
		}
		for k := range seg.aliases {
			acronyms[k] = true
		}
		for w := range seg.stats.vocab {
			if ov.base.vocab[w] == 0 {
				ov.addExtra(w)
			}
		}
	}
	for sp := range speakers {
		ov.speakers[sp] = ov.anySegment(func(seg *segment) bool { return seg.speakers[sp] })
	}
	for k := range acronyms {
		var names []string
		ov.anySegment(func(seg *segment) bool {
			for _, v := range seg.aliases[k] {
				if !contains(names, v) {
					names = append(names, v)
				}
			}
			return false
		})
		ov.aliases[k] = nil
		if len(names) > 0 {
			ov.aliases[k] = r.aliasStems(k, names)
		}
	}
}

// anySegment reports whether f holds for some segment of the corpus: a
// base one not masked, or a delta one.
func (ov *overlay) anySegment(f func(*segment) bool) bool {
	for _, seg := range ov.delta {
		if f(seg) {
			return true
		}
	}
	for _, seg := range ov.base.segments {
		if !ov.gone[seg.article.ID] && f(seg) {
			return true
		}
	}
	return false
}

// addExtra notes a word the base does not use, in its length's sorted
// list (copied, as the list may be shared with an older overlay).
func (ov *overlay) addExtra(w string) {
	l := utf8.RuneCountInString(w)
	list := ov.extra[l]
	i, found := slices.BinarySearch(list, w)
	if found {
		return
	}
	ov.extra[l] = slices.Insert(slices.Clip(list), i, w)
}

// segments are the corpus's segments, in id order: a full index's.
func (ov *overlay) segments() []*segment {
	out := make([]*segment, 0, len(ov.base.segments)+len(ov.delta))
	for _, seg := range ov.base.segments {
		if !ov.gone[seg.article.ID] {
			out = append(out, seg)
		}
	}
	out = append(out, ov.delta...)
	slices.SortFunc(out, func(a, b *segment) int { return strings.Compare(a.article.ID, b.article.ID) })
	return out
}

// makeHint is the hint a full index of the corpus would give: its
// article count, its first titles in id order and the names it counts.
func (ov *overlay) makeHint(r *rules) string {
	var titles []string
	i, j := 0, 0
	for len(titles) < hintTitles && (i < len(ov.base.segments) || j < len(ov.delta)) {
		var seg *segment
		switch {
		case j == len(ov.delta) || i < len(ov.base.segments) && ov.base.segments[i].article.ID < ov.delta[j].article.ID:
			seg = ov.base.segments[i]
			i++
			if ov.gone[seg.article.ID] {
				continue
			}
		default:
			seg = ov.delta[j]
			j++
		}
		if strings.TrimSpace(seg.article.Title) != "" {
			titles = append(titles, seg.article.Title)
		}
	}
	return buildHint(ov.articles, titles, ov.names, r)
}

// df is how many sentences of the corpus hold term.
func (ov *overlay) df(term string) int {
	return ov.base.stats.df[term] - ov.minus.df[term] + ov.plus.df[term]
}

// count is how many times the corpus uses the folded word w.
func (ov *overlay) count(w string) int {
	return ov.base.vocab[w] - ov.minus.vocab[w] + ov.plus.vocab[w]
}

func (ov *overlay) speaks(id string) bool {
	if v, ok := ov.speakers[id]; ok {
		return v
	}
	return ov.base.speakers[id]
}

func (ov *overlay) aliasesOf(w string) []string {
	if v, ok := ov.aliases[w]; ok {
		return v
	}
	return ov.base.aliases[w]
}

// correct is index.correct over the corpus's vocabulary: the base's words
// and the delta's new ones, in sorted order, those no longer used skipped.
func (ov *overlay) correct(w string) string {
	n := utf8.RuneCountInString(w)
	words := func(l int) []string {
		var out []string
		for _, list := range [][]string{ov.base.byLen[l], ov.extra[l]} {
			for _, v := range list {
				if ov.count(v) > 0 {
					out = append(out, v)
				}
			}
		}
		sort.Strings(out)
		return out
	}
	return pickCorrection(w, maxTypos(n), words, ov.count)
}

// copyStats is a copy of c that can change without changing c.
func copyStats(c corpusStats) corpusStats {
	return corpusStats{sentences: c.sentences, length: c.length, df: maps.Clone(c.df), vocab: maps.Clone(c.vocab)}
}
