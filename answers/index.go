package answers

import (
	"context"
	"fmt"
	"math"
	"sort"
	"strings"

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
	title   bool     // it opens as its paragraph's title line (titleLine)
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
// The analyzer computes the same per-sentence data at ingest
// (sentenceTerms, Analyzer.Index) and the store keeps it, so a large corpus
// is answered from its stored statistics and the segments of a question's
// candidate articles only (lazy.go).

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
	// aliases maps a learned acronym (folded) to the full names (folded)
	// it stands for in this article.
	aliases map[string][]string
	// names counts, per entity and the way it is written where a sentence
	// first names it, the sentences naming it: what the hint offers.
	names map[string]int
	// roles are the roles its sentences give each person, as written
	// ("adviser Ann Ames" gives ames "adviser").
	roles map[string][]string
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

// index is what one answer reads: the segments laid end to end, with
// postings over all of them, and the corpus-wide data — statistics,
// vocabulary, learned aliases, speakers and the hint. A full index (small
// stores, or a store whose index another analyzer version made) holds
// every article and sums its corpus data from them; it is immutable and
// shared by every answer until the store changes. A lazy index (lazy.go)
// is made for one question: its corpus data read from the store's index,
// only what the question looks up, and the segments of its candidate
// articles only. Query-time code reads corpus data only through the
// lookups below, so both answer alike.
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
	// aliases maps learned acronyms to the stems of their full names.
	aliases map[string][]string
	// names counts the sentences naming each entity, by the words naming
	// it (entity NUL words): what the hint offers.
	names map[string]int
	// hint says what can be asked, from the store's titles and names.
	hint string
	// lazy is set in a lazy index: what its lookups found in the store,
	// and what they lacked.
	lazy *lookups
	// over is set in an index made from a base index and the changes
	// since (overlay.go): the corpus data are the overlay's.
	over *overlay
	// top is set, with over, in a question's index: the candidates for
	// the question, picked over the whole corpus (retrieve's answer; the
	// index has no postings).
	top []int32
}

// allSegments reads every article and sentence of the store, and their
// facts, into segments in id order.
func (e *Engine) allSegments(ctx context.Context) ([]*segment, error) {
	arts, err := e.st.Articles(ctx)
	if err != nil {
		return nil, fmt.Errorf("build index: %w", err)
	}
	sents, err := e.st.Sentences(ctx)
	if err != nil {
		return nil, fmt.Errorf("build index: %w", err)
	}
	facts, err := e.st.Facts(ctx, "")
	if err != nil {
		return nil, fmt.Errorf("build index: %w", err)
	}
	return segmentsOf(e.rules, e.version, arts, sents, facts), nil
}

// fullIndex lays segs (in id order) out as a full index, with its hint.
func fullIndex(r *rules, segs []*segment, version int64) *index {
	ix := assemble(r, segs, version)
	ix.setHint(r)
	return ix
}

// buildSegment indexes one article from its own rows: its sentences (in
// position order) and their facts.
func buildSegment(r *rules, a store.Article, sents []store.Sentence, facts []store.Fact) *segment {
	seg := &segment{article: a, postings: map[string][]int32{}, entities: map[string]bool{}, speakers: map[string]bool{}, aliases: map[string][]string{},
		names: map[string]int{}, roles: map[string][]string{}, stats: corpusStats{df: map[string]int{}, vocab: map[string]int{}}}
	ann := annotate(facts)
	for _, f := range facts {
		if k, v, ok := acronymAlias(f); ok && !contains(seg.aliases[k], v) {
			seg.aliases[k] = append(seg.aliases[k], v)
		}
	}
	seg.sents = make([]sentence, 0, len(sents))
	for _, s := range sents {
		toks := tokenize(s.Text)
		sf := ann[s.ID]
		if sf == nil {
			sf = &sentenceFacts{}
		}
		terms, n := r.sentenceTerms(toks, sf.saids)
		for _, t := range toks {
			seg.stats.vocab[t.word]++
		}
		for _, f := range sf.saids {
			seg.speakers[f.Subject] = true
		}
		ments := r.mentions(toks)
		for _, k := range r.namesOf(s.Text, toks, ments) {
			seg.names[k]++
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
			if !contains(seg.roles[f.Subject], f.Object) {
				seg.roles[f.Subject] = append(seg.roles[f.Subject], f.Object)
			}
		}
		seg.sents = append(seg.sents, sentence{Sentence: s, toks: toks, ments: ments, clause: r.clauses(s.Text, toks), terms: terms, length: n, facts: sf, title: r.lex.titleLine(s.Text, toks)})
		seg.stats.sentences++
		seg.stats.length += n
	}
	return seg
}

// sentenceTerms are the terms a sentence is found under, each with its
// first token position — the stems of its words less stop words, the
// entities it names (nested names too) and the speakers its quotes and
// reports stand for — and its length: the words less stop words. The
// engine's segments and the store's index (Analyzer.Index) both use it, so
// the stored statistics are those the engine would sum.
func (r *rules) sentenceTerms(toks []token, saids []store.Fact) (map[string]int, int) {
	terms := make(map[string]int, len(toks))
	n := 0
	for i, t := range toks {
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
	for _, f := range saids {
		// A quote or a "he said" stands for its speaker: the sentence
		// is found under the speaker's name too.
		if _, ok := terms["@"+f.Subject]; !ok {
			terms["@"+f.Subject] = len(toks)
		}
	}
	return terms, n
}

// namesOf are the hint's keys of a sentence: each entity it names (not a
// generic one), once, with the words naming it first.
func (r *rules) namesOf(text string, toks []token, ments []mention) []string {
	var out []string
	seen := map[string]bool{}
	for _, m := range ments {
		if seen[m.entity] || r.entities[m.entity].Generic {
			continue
		}
		seen[m.entity] = true
		out = append(out, m.entity+"\x00"+text[toks[m.from].start:toks[m.to-1].end])
	}
	return out
}

// acronymAlias reads a learned acronym fact, or a name given another
// ("a.k.a."): the short or other name folded and the full name folded. A
// surname already matches its full name word for word; an acronym or
// another name needs the alias.
func acronymAlias(f store.Fact) (string, string, bool) {
	if f.Kind != factAlias || f.Extractor != "acronym@"+factsVersion && f.Extractor != "aka@"+factsVersion {
		return "", "", false
	}
	return fold(f.Object), fold(f.Value), true
}

// aliasStems are the stems an acronym k stands for, given the full names
// it stands for: each name's words, in order, less stop words and k, once;
// names in sorted order.
func (r *rules) aliasStems(k string, names []string) []string {
	names = append([]string(nil), names...)
	sort.Strings(names)
	var out []string
	for _, v := range names {
		for _, w := range foldWords(v) {
			if st := stem(w); !contains(out, st) && st != k && !r.stop[w] {
				out = append(out, st)
			}
		}
	}
	return out
}

// assemble lays segments end to end into an index: their sentences, their
// postings shifted to the whole, and their statistics summed.
func assemble(r *rules, segs []*segment, version int64) *index {
	return layOut(r, segs, version, true)
}

// layOut lays segments end to end into an index; with sums, their corpus
// data are summed too (a lazy index takes the store's instead).
func layOut(r *rules, segs []*segment, version int64, sums bool) *index {
	ix := &index{version: version, segments: segs, postings: map[string][]int32{}, idf: map[string]float64{},
		stats: corpusStats{df: map[string]int{}, vocab: map[string]int{}}, byLen: map[int][]string{},
		speakers: map[string]bool{}, entities: map[string]map[string]bool{}, spans: map[string][2]int{}, aliases: map[string][]string{},
		names: map[string]int{}}
	n := 0
	for _, seg := range segs {
		n += len(seg.sents)
	}
	ix.articles = make([]store.Article, len(segs))
	ix.sents = make([]sentence, 0, n)
	acronyms := map[string][]string{}
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
		ix.entities[a.ID] = seg.entities
		if !sums {
			continue
		}
		ix.stats.add(seg.stats, 1)
		for sp := range seg.speakers {
			ix.speakers[sp] = true
		}
		for k, v := range seg.aliases {
			for _, name := range v {
				if !contains(acronyms[k], name) {
					acronyms[k] = append(acronyms[k], name)
				}
			}
		}
		for k, c := range seg.names {
			ix.names[k] += c
		}
	}
	ix.vocab = ix.stats.vocab
	ix.setTotals(ix.stats.sentences, ix.stats.length)
	for t, d := range ix.stats.df {
		ix.idf[t] = ix.idfOfDF(d)
	}
	for w := range ix.vocab {
		l := len([]rune(w))
		ix.byLen[l] = append(ix.byLen[l], w)
	}
	for _, ws := range ix.byLen {
		sort.Strings(ws)
	}
	for k, names := range acronyms {
		ix.aliases[k] = r.aliasStems(k, names)
	}
	return ix
}

// setHint sets the hint of a full index from its articles.
func (ix *index) setHint(r *rules) {
	var titles []string
	for _, a := range ix.articles {
		if len(titles) == hintTitles {
			break
		}
		if strings.TrimSpace(a.Title) != "" {
			titles = append(titles, a.Title)
		}
	}
	ix.hint = buildHint(len(ix.articles), titles, ix.names, r)
}

// setTotals sets the corpus size the statistics are of: sentences and
// their total length.
func (ix *index) setTotals(sentences, length int) {
	ix.stats.sentences, ix.stats.length = sentences, length
	ix.avgLen, ix.maxIDF = 0, 0
	if sentences > 0 {
		ix.avgLen = float64(length) / float64(sentences)
		// The IDF of a word only one sentence holds: the rarest a word
		// can be, and so the highest IDF of any real corpus (one where
		// some word is said once), without reading the vocabulary.
		ix.maxIDF = ix.idfOfDF(1)
	}
}

// idfOfDF is the BM25 IDF of a term df sentences hold.
func (ix *index) idfOfDF(df int) float64 {
	N, d := float64(ix.stats.sentences), float64(df)
	return math.Log(1 + (N-d+0.5)/(d+0.5))
}

// idfOf is term's IDF, and whether any sentence holds it.
func (ix *index) idfOf(term string) (float64, bool) {
	if ix.over != nil {
		if df := ix.over.df(term); df > 0 {
			return ix.idfOfDF(df), true
		}
		return 0, false
	}
	if ix.lazy != nil && !ix.lazy.hasTerm(term) {
		return 0, false
	}
	v, ok := ix.idf[term]
	return v, ok
}

// dfOf is how many sentences hold term.
func (ix *index) dfOf(term string) int {
	if ix.over != nil {
		return ix.over.df(term)
	}
	if ix.lazy != nil {
		ix.lazy.hasTerm(term)
	}
	return ix.stats.df[term]
}

// wordCount is how many times the articles use the folded word w.
func (ix *index) wordCount(w string) int {
	if ix.over != nil {
		return ix.over.count(w)
	}
	if ix.lazy != nil && !ix.lazy.hasWord(w) {
		return 0
	}
	return ix.vocab[w]
}

// usesWord reports whether the articles use the folded word w (in a lazy
// index, as far as its lookups have read).
func (ix *index) usesWord(w string) bool {
	if ix.over != nil {
		return ix.over.count(w) > 0
	}
	return ix.vocab[w] != 0
}

// aliasesOf are the stems of the full names the learned acronym w (folded)
// stands for, or none.
func (ix *index) aliasesOf(w string) []string {
	if ix.over != nil {
		return ix.over.aliasesOf(w)
	}
	if ix.lazy != nil && !ix.lazy.hasAlias(w) {
		return nil
	}
	return ix.aliases[w]
}

// speaks reports whether some sentence quotes or reports the entity id
// speaking.
func (ix *index) speaks(id string) bool {
	if ix.over != nil {
		return ix.over.speaks(id)
	}
	if ix.lazy != nil && !ix.lazy.hasSpeaker(id) {
		return false
	}
	return ix.speakers[id]
}

// correct returns the corpus word w most likely stands for, or "" when
// it is too far from every word the articles use.
func (ix *index) correct(w string) string {
	if ix.lazy != nil {
		return ix.lazy.correction(w)
	}
	if ix.over != nil {
		return ix.over.correct(w)
	}
	n := len([]rune(w))
	return pickCorrection(w, maxTypos(n), func(l int) []string { return ix.byLen[l] }, func(v string) int { return ix.vocab[v] })
}

// pickCorrection chooses the word of words(l) (the words of rune length
// l, sorted) that w most likely stands for, within k edits, or "": count
// says how often the articles use a word (a word they no longer use is
// skipped).
func pickCorrection(w string, k int, words func(l int) []string, count func(string) int) string {
	best, _ := nearestWord(w, k, words, count)
	return best
}

// nearestWord is pickCorrection's choice, and whether another word was
// as likely (as near, as much a dropped letter, as often used).
func nearestWord(w string, k int, words func(l int) []string, count func(string) int) (string, bool) {
	if k == 0 {
		return "", false
	}
	n := len([]rune(w))
	best, bestD, bestF, bestSub, tied := "", k+1, 0, false, false
	for l := n - k; l <= n+k; l++ {
		for _, v := range words(l) {
			if v[0] != w[0] && k < 2 {
				// One typo rarely hits the first letter; skipping those
				// keeps short names from turning into other names.
				continue
			}
			d := editDistance(w, v, k)
			if d > k {
				continue
			}
			// Among equally near words, a dropped letter is the likeliest
			// typo: "wher" is "where" rather than "when", "negotiatons"
			// is "negotiations" rather than "negotiators".
			sub, f := subsequence(w, v), count(v)
			switch {
			case d < bestD || d == bestD && sub && !bestSub || d == bestD && sub == bestSub && f > bestF:
				best, bestD, bestF, bestSub, tied = v, d, f, sub, false
			case d == bestD && sub == bestSub && f == bestF:
				tied = true
			}
		}
	}
	return best, tied
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
		idf, _ := ix.idfOf(t)
		score += idf * tf * (k1 + 1) / (tf + k1*(1-b+b*float64(s.length)/math.Max(ix.avgLen, 1)))
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

// articleSents are the article's sentences in ix.sents, in order.
func (ix *index) articleSents(article string) []sentence {
	sp := ix.spans[article]
	return ix.sents[sp[0]:sp[1]]
}

// articleMatches reports whether any sentence of the article holds term
// or one of alts.
func (ix *index) articleMatches(article, term string, alts []string) bool {
	sents := ix.articleSents(article)
	for i := range sents {
		if sents[i].matches(term, alts) {
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
	_, ok := s.firstHeld(alts)
	return ok
}

// firstHeld is the position in s of the first of words (stems) it holds.
func (s *sentence) firstHeld(words []string) (int, bool) {
	for _, w := range words {
		if p, ok := s.terms[w]; ok {
			return p, true
		}
	}
	return 0, false
}
