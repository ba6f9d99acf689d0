package answers

import (
	"context"
	"fmt"
	"math"
	"sort"

	"github.com/parley-bot/parley/store"
)

// sentence is one indexed sentence with what the engine knows of it.
type sentence struct {
	store.Sentence
	article *store.Article
	toks    []token
	ments   []mention      // the entities it names, as mentions finds them
	clause  []int          // clause number of each token
	terms   map[string]int // term -> first token position
	length  int
	facts   *sentenceFacts
	pos     int      // its place in index.sents
	seg     *segment // its article's segment
}

// The index is built from per-article segments: each segment is made
// from one article's stored rows alone (its sentences, their tokens and
// terms, mentions and facts), and the corpus statistics are sums of the
// segments' contributions (sentences, total length, document frequency
// per term, word counts). Replacing, adding or removing an article is
// then subtracting its old contribution and adding the new; query-time
// code reads the corpus only through the statistics and the postings.
// (Today every rebuild makes every segment anew; see docs/engine.md.)

// segment is one article's part of the index.
type segment struct {
	article store.Article
	sents   []sentence
	// postings lists, per term, the positions in sents holding it.
	postings map[string][]int32
	stats    corpusStats
	// entities are the entity terms ("@id") it names anywhere; speakers
	// the entities it quotes or reports speaking.
	entities map[string]bool
	speakers map[string]bool
	// aliases maps a learned alias (folded: a surname, an acronym) to the
	// stems of the full name it stands for.
	aliases map[string][]string
}

// corpusStats are the statistics BM25, IDF and typo correction read: sums
// over articles, so one article's contribution can be added or removed.
type corpusStats struct {
	sentences int
	length    int            // terms in all sentences
	df        map[string]int // sentences holding each term
	vocab     map[string]int // occurrences of each folded word
}

// add adds o's contribution to c; sign -1 removes it.
func (c *corpusStats) add(o corpusStats, sign int) {
	c.sentences += sign * o.sentences
	c.length += sign * o.length
	for t, n := range o.df {
		if c.df[t] += sign * n; c.df[t] <= 0 {
			delete(c.df, t)
		}
	}
	for w, n := range o.vocab {
		if c.vocab[w] += sign * n; c.vocab[w] <= 0 {
			delete(c.vocab, w)
		}
	}
}

// index is an immutable snapshot of the store, built once per store
// version so a question costs no SQL: the segments laid end to end, with
// postings over all of them and the summed statistics.
type index struct {
	version  int64
	articles []store.Article
	segments []*segment
	sents    []sentence
	postings map[string][]int32
	stats    corpusStats
	idf      map[string]float64
	maxIDF   float64
	avgLen   float64
	vocab    map[string]int // folded word -> occurrences (stats.vocab)
	// entities lists, per article, the entities it names anywhere.
	entities map[string]map[string]bool
	// spans gives, per article, the range of its sentences in sents.
	spans map[string][2]int
	// speakers are the entities some sentence quotes or reports speaking.
	speakers map[string]bool
	// byLen buckets the vocabulary by rune length for typo lookups.
	byLen map[int][]string
	// aliases maps learned aliases to the stems of their full names.
	aliases map[string][]string
	// hint says what can be asked, from the store's titles and names.
	hint string
}

// buildIndex reads every article and sentence of st, and their facts
// (extracting them in memory for any article whose facts this engine's
// analyzer did not make), into a new index.
func buildIndex(ctx context.Context, st *store.Store, r *rules, pack *Pack, version int64) (*index, error) {
	arts, err := st.Articles(ctx)
	if err != nil {
		return nil, fmt.Errorf("build index: %w", err)
	}
	sents, err := st.Sentences(ctx)
	if err != nil {
		return nil, fmt.Errorf("build index: %w", err)
	}
	facts, err := st.Facts(ctx, "")
	if err != nil {
		return nil, fmt.Errorf("build index: %w", err)
	}
	bySent := map[int64][]store.Fact{}
	for _, f := range facts {
		bySent[f.SentenceID] = append(bySent[f.SentenceID], f)
	}
	byArticle := map[string][]store.Sentence{}
	for _, s := range sents {
		byArticle[s.ArticleID] = append(byArticle[s.ArticleID], s)
	}
	analyzed := analyzerVersion(pack)
	segs := make([]*segment, 0, len(arts))
	for _, a := range arts {
		ss := byArticle[a.ID]
		var fs []store.Fact
		if a.Analyzed == analyzed {
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
	ix := assemble(segs, version)
	ix.hint = buildHint(ix, r)
	return ix, nil
}

// buildSegment indexes one article from its own rows: its sentences (in
// position order) and their facts.
func buildSegment(r *rules, a store.Article, sents []store.Sentence, facts []store.Fact) *segment {
	seg := &segment{article: a, postings: map[string][]int32{}, entities: map[string]bool{}, speakers: map[string]bool{}, aliases: map[string][]string{},
		stats: corpusStats{df: map[string]int{}, vocab: map[string]int{}}}
	ann := annotate(facts)
	for _, f := range facts {
		if f.Kind != factAlias || f.Extractor != "acronym@"+factsVersion {
			// A surname already matches its full name word for word;
			// an acronym needs the alias.
			continue
		}
		k := fold(f.Object)
		for _, w := range foldWords(f.Value) {
			if st := stem(w); !contains(seg.aliases[k], st) && st != k && !r.stop[w] {
				seg.aliases[k] = append(seg.aliases[k], st)
			}
		}
	}
	seg.sents = make([]sentence, 0, len(sents))
	for _, s := range sents {
		toks := tokenize(s.Text)
		terms := make(map[string]int, len(toks))
		n := 0
		for i, t := range toks {
			seg.stats.vocab[t.word]++
			if r.stop[t.word] {
				continue
			}
			n++
			if _, ok := terms[t.stem]; !ok {
				terms[t.stem] = i
			}
		}
		for _, m := range r.nestedMentions(toks) {
			if _, ok := terms["@"+m.entity]; !ok {
				terms["@"+m.entity] = m.from
			}
		}
		sf := ann[s.ID]
		if sf == nil {
			sf = &sentenceFacts{}
		}
		for _, f := range sf.saids {
			seg.speakers[f.Subject] = true
			// A quote or a "he said" stands for its speaker: the sentence
			// is found under the speaker's name too.
			if _, ok := terms["@"+f.Subject]; !ok {
				terms["@"+f.Subject] = len(toks)
			}
		}
		idx := int32(len(seg.sents))
		for t := range terms {
			if t[0] == '@' {
				seg.entities[t] = true
			}
			seg.postings[t] = append(seg.postings[t], idx)
			seg.stats.df[t]++
		}
		sf.roleStems = map[string][]map[string]bool{}
		for _, f := range sf.roles {
			sf.roleStems[f.Subject] = append(sf.roleStems[f.Subject], r.stemSet(f.Object))
		}
		seg.sents = append(seg.sents, sentence{Sentence: s, toks: toks, ments: r.mentions(toks), clause: clauses(s.Text, toks), terms: terms, length: n, facts: sf})
		seg.stats.sentences++
		seg.stats.length += n
	}
	return seg
}

// assemble lays segments end to end into an index: their sentences, their
// postings shifted to the whole, and their statistics summed.
func assemble(segs []*segment, version int64) *index {
	ix := &index{version: version, segments: segs, postings: map[string][]int32{}, idf: map[string]float64{},
		stats: corpusStats{df: map[string]int{}, vocab: map[string]int{}}, byLen: map[int][]string{},
		speakers: map[string]bool{}, entities: map[string]map[string]bool{}, spans: map[string][2]int{}, aliases: map[string][]string{}}
	n := 0
	for _, seg := range segs {
		n += len(seg.sents)
	}
	ix.articles = make([]store.Article, len(segs))
	ix.sents = make([]sentence, 0, n)
	for k, seg := range segs {
		ix.articles[k] = seg.article
		a := &ix.articles[k]
		base := int32(len(ix.sents))
		for _, s := range seg.sents {
			s.article = a
			s.seg = seg
			s.pos = len(ix.sents)
			ix.sents = append(ix.sents, s)
		}
		ix.spans[a.ID] = [2]int{int(base), len(ix.sents)}
		for t, p := range seg.postings {
			for _, i := range p {
				ix.postings[t] = append(ix.postings[t], base+i)
			}
		}
		ix.stats.add(seg.stats, 1)
		ix.entities[a.ID] = seg.entities
		for sp := range seg.speakers {
			ix.speakers[sp] = true
		}
		for k, v := range seg.aliases {
			for _, st := range v {
				if !contains(ix.aliases[k], st) {
					ix.aliases[k] = append(ix.aliases[k], st)
				}
			}
		}
	}
	ix.vocab = ix.stats.vocab
	if ix.stats.sentences > 0 {
		ix.avgLen = float64(ix.stats.length) / float64(ix.stats.sentences)
	}
	N := float64(ix.stats.sentences)
	for t, d := range ix.stats.df {
		df := float64(d)
		v := math.Log(1 + (N-df+0.5)/(df+0.5))
		ix.idf[t] = v
		ix.maxIDF = math.Max(ix.maxIDF, v)
	}
	for w := range ix.vocab {
		l := len([]rune(w))
		ix.byLen[l] = append(ix.byLen[l], w)
	}
	for _, ws := range ix.byLen {
		sort.Strings(ws)
	}
	return ix
}

// correct returns the corpus word w most likely stands for, or "" when
// it is too far from every word the articles use.
func (ix *index) correct(w string) string {
	n := len([]rune(w))
	k := maxTypos(n)
	if k == 0 {
		return ""
	}
	best, bestD, bestF, bestSub := "", k+1, 0, false
	for l := n - k; l <= n+k; l++ {
		for _, v := range ix.byLen[l] {
			if v[0] != w[0] && k < 2 {
				// One typo rarely hits the first letter; skipping those
				// keeps short names from turning into other names.
				continue
			}
			d := editDistance(w, v, k)
			// Among equally near words, a dropped letter is the likeliest
			// typo: "wher" is "where" rather than "when", "negotiatons"
			// is "negotiations" rather than "negotiators".
			sub := subsequence(w, v)
			if d < bestD || (d == bestD && sub && !bestSub) || (d == bestD && sub == bestSub && ix.vocab[v] > bestF) {
				best, bestD, bestF, bestSub = v, d, ix.vocab[v], sub
			}
		}
	}
	if bestD > k {
		return ""
	}
	return best
}

// subsequence reports whether w is v with letters left out.
func subsequence(w, v string) bool {
	i := 0
	for j := 0; j < len(v) && i < len(w); j++ {
		if w[i] == v[j] {
			i++
		}
	}
	return i == len(w)
}

// bm25 is the Okapi BM25 score of sentence s for the given terms.
func (ix *index) bm25(s *sentence, terms []string) float64 {
	const k1, b = 1.2, 0.75
	score := 0.0
	for _, t := range terms {
		if _, ok := s.terms[t]; !ok {
			continue
		}
		tf := 1.0
		score += ix.idf[t] * tf * (k1 + 1) / (tf + k1*(1-b+b*float64(s.length)/math.Max(ix.avgLen, 1)))
	}
	return score
}

// holds reports whether any sentence of the segment holds term or one of
// alts.
func (seg *segment) holds(term string, alts []string) bool {
	if seg == nil {
		return false
	}
	if len(seg.postings[term]) > 0 {
		return true
	}
	for _, a := range alts {
		if len(seg.postings[a]) > 0 {
			return true
		}
	}
	return false
}

// articleHas reports whether the article names the entity term anywhere.
func (ix *index) articleHas(article, term string) bool { return ix.entities[article][term] }

// articleMatches reports whether any sentence of the article holds term
// or one of alts.
func (ix *index) articleMatches(article, term string, alts []string) bool {
	sp := ix.spans[article]
	for i := sp[0]; i < sp[1]; i++ {
		if ix.sents[i].matches(term, alts) {
			return true
		}
	}
	return false
}

// matches reports whether s holds term or one of alts.
func (s *sentence) matches(term string, alts []string) bool {
	if _, ok := s.terms[term]; ok {
		return true
	}
	for _, a := range alts {
		if _, ok := s.terms[a]; ok {
			return true
		}
	}
	return false
}
