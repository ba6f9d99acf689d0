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
	pos     int // its place in index.sents
}

// index is an immutable snapshot of the store, built once per store
// version so a question costs no SQL.
type index struct {
	version  int64
	articles []store.Article
	sents    []sentence
	postings map[string][]int32
	idf      map[string]float64
	maxIDF   float64
	avgLen   float64
	vocab    map[string]int // folded word -> occurrences
	// entities lists, per article, the entities it names anywhere.
	entities map[string]map[string]bool
	// spans gives, per article, the range of its sentences in sents.
	spans map[string][2]int
	// speakers are the entities some sentence quotes or reports speaking.
	speakers map[string]bool
	// byLen buckets the vocabulary by rune length for typo lookups.
	byLen map[int][]string
	// hint says what can be asked, from the store's titles and names.
	hint string
}

// buildIndex reads every article and sentence of st, and their facts
// (extracting them in memory for any article whose facts were never
// stored), into a new index.
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
	// Facts the store holds from another analyzer (an older extractor, a
	// different pack) or none at all are made here, in memory: the engine
	// never writes, and never answers from stale facts.
	analyzed := analyzerVersion(pack)
	fresh := map[string]bool{}
	for _, a := range arts {
		fresh[a.ID] = a.Analyzed == analyzed
	}
	sentArticle := make(map[int64]string, len(sents))
	for _, s := range sents {
		sentArticle[s.ID] = s.ArticleID
	}
	current := facts[:0:0]
	for _, f := range facts {
		if fresh[sentArticle[f.SentenceID]] {
			current = append(current, f)
		}
	}
	facts = current
	var missing []store.Sentence
	for _, s := range sents {
		if !fresh[s.ArticleID] {
			missing = append(missing, s)
		}
	}
	if len(missing) > 0 {
		facts = append(facts, r.extract(missing)...)
	}
	ann := annotate(facts)

	ix := &index{version: version, articles: arts, postings: map[string][]int32{}, idf: map[string]float64{}, vocab: map[string]int{}, byLen: map[int][]string{}, speakers: map[string]bool{}, entities: map[string]map[string]bool{}, spans: map[string][2]int{}}
	byID := make(map[string]*store.Article, len(arts))
	for i := range ix.articles {
		byID[ix.articles[i].ID] = &ix.articles[i]
	}
	ix.sents = make([]sentence, 0, len(sents))
	total := 0
	for _, s := range sents {
		a := byID[s.ArticleID]
		if a == nil {
			continue
		}
		toks := tokenize(s.Text)
		terms := make(map[string]int, len(toks))
		n := 0
		for i, t := range toks {
			ix.vocab[t.word]++
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
			ix.speakers[f.Subject] = true
			// A quote or a "he said" stands for its speaker: the sentence
			// is found under the speaker's name too.
			if _, ok := terms["@"+f.Subject]; !ok {
				terms["@"+f.Subject] = len(toks)
			}
		}
		ae := ix.entities[s.ArticleID]
		if ae == nil {
			ae = map[string]bool{}
			ix.entities[s.ArticleID] = ae
		}
		for t := range terms {
			if t[0] == '@' {
				ae[t] = true
			}
		}
		idx := int32(len(ix.sents))
		for t := range terms {
			ix.postings[t] = append(ix.postings[t], idx)
		}
		sf.roleStems = map[string][]map[string]bool{}
		for _, f := range sf.roles {
			sf.roleStems[f.Subject] = append(sf.roleStems[f.Subject], r.stemSet(f.Object))
		}
		ix.sents = append(ix.sents, sentence{pos: len(ix.sents), Sentence: s, article: a, toks: toks, ments: r.mentions(toks), clause: clauses(s.Text, toks), terms: terms, length: n, facts: sf})
		total += n
	}
	for i, s := range ix.sents {
		sp, ok := ix.spans[s.ArticleID]
		if !ok {
			sp = [2]int{i, i}
		}
		sp[1] = i + 1
		ix.spans[s.ArticleID] = sp
	}
	if len(ix.sents) > 0 {
		ix.avgLen = float64(total) / float64(len(ix.sents))
	}
	N := float64(len(ix.sents))
	for t, p := range ix.postings {
		df := float64(len(p))
		v := math.Log(1 + (N-df+0.5)/(df+0.5))
		ix.idf[t] = v
		ix.maxIDF = math.Max(ix.maxIDF, v)
	}
	for w := range ix.vocab {
		n := len([]rune(w))
		ix.byLen[n] = append(ix.byLen[n], w)
	}
	for _, ws := range ix.byLen {
		sort.Strings(ws)
	}
	ix.hint = buildHint(ix, r)
	return ix, nil
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
