package answers

import (
	"cmp"
	"math"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"

	"github.com/parley-bot/parley/store"
)

// This file ranks sentences for the daily digest. What it knows about news
// in general — which words mark a meeting, an agreement or a rejection,
// where a long sentence may be cut — is in lexicon.yaml; which lines are page furniture is in
// general.yaml; who the actors and where the places are comes from the
// entities the engine finds in the sentences; what is background and
// which figures the articles dispute comes from the domain pack.

// devKind is the kind of development a digest line reports; lines are
// shown in this order, so the digest reads as a story: who met, what was
// agreed, what was rejected, what is disputed.
type devKind int

const (
	devMeeting devKind = iota
	devAgreement
	devRejection
	devDispute
	devOther
)

// digestDispute is a quantity the articles may state differently. Pattern
// finds the stated value (its first group is the number compared, the
// whole match is quoted in the line); a match with one of Other's words
// among the few words before it is about another quantity and is skipped.
type digestDispute struct {
	Topic   string
	Pattern *regexp.Regexp
	Other   []string
}

// Limits of the digest.
const (
	// digestMaxLines bounds the lines of a digest, disputes included.
	digestMaxLines = 6
	// digestLineRunes is the longest a line's text should be; a longer
	// sentence is cut at a clause boundary if it has one.
	digestLineRunes = 200
	// digestMinClause is the shortest cut a line may keep.
	digestMinClause = 60
	// digestSame is the similarity above which two sentences report the
	// same thing and collapse into one line.
	digestSame = 0.45
	// digestMinShared is the fewest content words two sentences must
	// share to count as saying the same thing.
	digestMinShared = 4
	// digestFloor is the least score a line needs unless it is the only
	// news of an article.
	digestFloor = 4
)

// digestSentence is a candidate sentence with what the ranking knows of it.
type digestSentence struct {
	store.Sentence
	article store.Article
	isNew   bool
	words   []string        // lower-case words in order
	stems   map[string]bool // stems of content words
	kind    devKind
	content float64 // what the sentence itself says: kinds, actors, places
	score   float64 // content, lead position and corroboration
	corro   int     // other articles that say nearly the same
}

func digestWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// hasPhrase reports whether the words of phrase occur in words, in order
// and next to each other.
func hasPhrase(words []string, phrase string) bool {
	p := strings.Fields(phrase)
	for i := 0; i+len(p) <= len(words); i++ {
		if slices.Equal(words[i:i+len(p)], p) {
			return true
		}
	}
	return false
}

func countPhrases(words []string, phrases []string) int {
	n := 0
	for _, p := range phrases {
		if hasPhrase(words, p) {
			n++
		}
	}
	return n
}

// quotable reports whether a sentence can stand alone as a digest line:
// article text (not furniture), a whole sentence that starts and ends as
// one, with its quotation marks closed.
func quotable(s store.Sentence, furniture []string) bool {
	t := s.Text
	n := utf8.RuneCountInString(t)
	if s.Heading || n < 40 || n > 600 || len(strings.Fields(t)) < 7 {
		return false
	}
	first, _ := utf8.DecodeRuneInString(t)
	if !unicode.IsUpper(first) && !strings.ContainsRune("“\"‘'", first) {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(t)
	if !strings.ContainsRune(".!”\"’", last) {
		return false
	}
	for _, f := range furniture {
		if strings.Contains(t, f) {
			return false
		}
	}
	return balancedQuotes(t)
}

// digester holds what the digest knows beyond general news words: the
// rules that find people and places, and the pack's background phrases
// and disputed figures.
type digester struct {
	r          *rules
	background []string
	disputes   []digestDispute
}

// newDigester compiles the digest's data from the rules and pack (nil for
// none); a pack's patterns were checked when it was parsed.
func newDigester(r *rules, p *Pack) *digester {
	d := &digester{r: r}
	if p == nil {
		return d
	}
	d.background = p.Digest.Background
	for _, dr := range p.Digest.Disputes {
		re, err := regexp.Compile(dr.Pattern)
		if err != nil {
			continue
		}
		d.disputes = append(d.disputes, digestDispute{Topic: dr.Topic, Pattern: re, Other: dr.Other})
	}
	return d
}

// actorsAndPlaces counts the distinct people s names and whether it names
// a specific place.
func (d *digester) actorsAndPlaces(text string) (int, bool) {
	people := map[string]bool{}
	place := false
	for _, m := range d.r.mentions(tokenize(text)) {
		switch e := d.r.entities[m.entity]; {
		case e.Kind == "person":
			people[m.entity] = true
		case e.Kind == "place" && !e.Generic:
			place = true
		}
	}
	return len(people), place
}

// balancedQuotes reports whether every opened quotation mark is closed.
func balancedQuotes(t string) bool {
	return strings.Count(t, "“") == strings.Count(t, "”") && strings.Count(t, `"`)%2 == 0 &&
		!strings.ContainsAny(t, "«»")
}

// rankSentences scores every quotable sentence; sents must be in article
// and position order.
func (dg *digester) rankSentences(arts map[string]store.Article, isNew map[string]bool, sents []store.Sentence) []*digestSentence {
	var out []*digestSentence
	lead := map[string]int{}
	for _, s := range sents {
		if !quotable(s, dg.r.furniture) {
			continue
		}
		d := &digestSentence{Sentence: s, article: arts[s.ArticleID], isNew: isNew[s.ArticleID], words: digestWords(s.Text), stems: map[string]bool{}}
		for _, w := range d.words {
			if !dg.r.lex.digestStop[w] && (utf8.RuneCountInString(w) > 1 || unicode.IsDigit([]rune(w)[0])) {
				d.stems[english.Stem(w, false)] = true
			}
		}
		// The strongest cue names the sentence's kind (on a tie the first);
		// each further kind of development adds a little.
		d.kind = devOther
		best := 0.0
		kinds := map[devKind]bool{}
		for _, c := range dg.r.lex.digestCues {
			if countPhrases(d.words, c.terms) > 0 {
				kinds[c.kind] = true
				if c.weight > best {
					best, d.kind = c.weight, c.kind
				}
			}
		}
		d.content = best + 0.5*float64(max(len(kinds)-1, 0))
		actors, place := dg.actorsAndPlaces(s.Text)
		d.content += 0.5 * float64(min(actors, 4))
		if place {
			d.content++
		}
		if countPhrases(d.words, dg.background) > 0 {
			d.content -= 3
		}
		d.score = d.content
		if lead[s.ArticleID] < 3 {
			d.score += 1.0 - 0.3*float64(lead[s.ArticleID])
		}
		lead[s.ArticleID]++
		if utf8.RuneCountInString(s.Text) > 350 {
			d.score--
		}
		out = append(out, d)
	}
	return out
}

// similarity is the share of the rarer words of the shorter sentence that
// the other also has, weighted by how rare each word is among the
// candidates, so that "Westland" and "peace" count for little and names and
// numbers for much.
func similarity(a, b *digestSentence, idf map[string]float64) float64 {
	var shared, wa, wb float64
	n := 0
	for w := range a.stems {
		wa += idf[w]
		if b.stems[w] {
			shared += idf[w]
			n++
		}
	}
	if n < digestMinShared {
		return 0
	}
	for w := range b.stems {
		wb += idf[w]
	}
	if m := math.Min(wa, wb); m > 0 {
		return shared / m
	}
	return 0
}

func inverseFrequencies(cands []*digestSentence) map[string]float64 {
	df := map[string]int{}
	for _, c := range cands {
		for w := range c.stems {
			df[w]++
		}
	}
	idf := make(map[string]float64, len(df))
	n := float64(len(cands))
	for w, k := range df {
		idf[w] = math.Log(1 + n/float64(k))
	}
	return idf
}

// digestCluster is one development: sentences of several articles that
// say nearly the same thing, one per article, the best first.
type digestCluster struct {
	members []*digestSentence
	score   float64
}

func (c *digestCluster) articles() []string {
	ids := make([]string, len(c.members))
	for i, m := range c.members {
		ids[i] = m.ArticleID
	}
	return ids
}

func (c *digestCluster) hasNew() bool {
	return slices.ContainsFunc(c.members, func(m *digestSentence) bool { return m.isNew })
}

// clusterSentences collapses near-duplicates. Corroboration raises a
// sentence's score first, so that what several articles report leads each
// cluster; then, best first, each sentence not yet taken gathers the
// closest sentence of every other article that says nearly the same, and
// absorbs its own article's repeats.
func clusterSentences(cands []*digestSentence, idf map[string]float64) []*digestCluster {
	sim := make([][]float64, len(cands))
	for i := range cands {
		sim[i] = make([]float64, len(cands))
	}
	for i := range cands {
		seen := map[string]bool{}
		for j := range cands {
			if i == j {
				continue
			}
			sim[i][j] = similarity(cands[i], cands[j], idf)
			if sim[i][j] >= digestSame && cands[j].ArticleID != cands[i].ArticleID && !seen[cands[j].ArticleID] {
				seen[cands[j].ArticleID] = true
				cands[i].corro++
			}
		}
		cands[i].score += 2.5 * float64(cands[i].corro)
	}
	order := make([]int, len(cands))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(cands[b].score, cands[a].score) })
	taken := make([]bool, len(cands))
	var out []*digestCluster
	for _, i := range order {
		if taken[i] {
			continue
		}
		taken[i] = true
		c := &digestCluster{members: []*digestSentence{cands[i]}, score: cands[i].score}
		best := map[string]int{}
		for _, j := range order {
			if taken[j] || sim[i][j] < digestSame {
				continue
			}
			// Every sentence saying the same is taken into this line; the
			// closest of each other article is quoted.
			taken[j] = true
			if cands[j].ArticleID == cands[i].ArticleID {
				continue
			}
			if k, ok := best[cands[j].ArticleID]; !ok || sim[i][j] > sim[i][k] {
				best[cands[j].ArticleID] = j
			}
		}
		for _, j := range order {
			if k, ok := best[cands[j].ArticleID]; ok && k == j {
				c.members = append(c.members, cands[j])
			}
		}
		out = append(out, c)
	}
	return out
}

// lineText is the text of a digest line for sentence t: the sentence
// itself, or when it is long, its opening cut at one of breaks and
// marked with an ellipsis — the longest cut that fits digestLineRunes, or
// failing that the shortest one that still saves a fifth of the length.
// Nothing is added but the ellipsis.
func lineText(t string, breaks []string) string {
	total := utf8.RuneCountInString(t)
	if total <= digestLineRunes {
		return t
	}
	fit, short := -1, -1
	consider := func(at int) {
		n := utf8.RuneCountInString(t[:at])
		if n < digestMinClause || !balancedQuotes(t[:at]) {
			return
		}
		if n <= digestLineRunes && at > fit {
			fit = at
		}
		if n*5 <= total*4 && (short < 0 || at < short) {
			short = at
		}
	}
	for _, b := range breaks {
		for off := 0; ; {
			i := strings.Index(t[off:], b)
			if i < 0 {
				break
			}
			consider(off + i)
			off += i + len(b)
		}
	}
	cut := fit
	if cut < 0 {
		cut = short
	}
	if cut < 0 {
		return t
	}
	return strings.TrimRight(t[:cut], " ,;—") + "…"
}

// digestDisagreements finds the disputed quantities: for each, the values
// the articles state, one quote per value, when there are two or more.
func (dg *digester) disagreements(cands []*digestSentence) []SummaryLine {
	var out []SummaryLine
	for _, d := range dg.disputes {
		type stated struct {
			value, phrase string
			s             *digestSentence
		}
		var found []stated
		seen := map[string]bool{}
		for _, c := range cands {
			for _, m := range d.Pattern.FindAllStringSubmatchIndex(c.Text, -1) {
				before := digestWords(c.Text[:m[0]])
				before = before[max(0, len(before)-4):]
				if slices.ContainsFunc(before, func(w string) bool { return slices.Contains(d.Other, w) }) {
					continue
				}
				v := c.Text[m[2]:m[3]]
				if seen[v] {
					continue
				}
				seen[v] = true
				found = append(found, stated{v, c.Text[m[0]:m[1]], c})
			}
		}
		if len(found) < 2 || !slices.ContainsFunc(found, func(f stated) bool { return f.s.isNew }) {
			continue
		}
		line := SummaryLine{Conflict: true}
		var phrases []string
		for _, f := range found {
			phrases = append(phrases, "“"+f.phrase+"”")
			line.Quotes = append(line.Quotes, Quote{Text: f.s.Text, Sentence: f.s.Position + 1, Citation: CitationOf(f.s.article)})
		}
		line.Text = "The articles disagree on " + d.Topic + ": " + strings.Join(phrases, " vs ") + "."
		out = append(out, line)
	}
	return out
}

// compose builds the digest lines from the ranked candidates: disputes
// first take their place, then the best developments that bring news,
// preferring ones that cover a new article not yet quoted, until the
// digest is full; then lines are put in story order.
func (dg *digester) compose(cands []*digestSentence, isNew map[string]bool) []SummaryLine {
	disputes := dg.disagreements(cands)
	if len(disputes) > digestMaxLines/2 {
		disputes = disputes[:digestMaxLines/2]
	}
	covered := map[string]bool{}
	for _, l := range disputes {
		for _, q := range l.Quotes {
			covered[q.Article] = true
		}
	}
	idf := inverseFrequencies(cands)
	var pool []*digestCluster
	for _, c := range clusterSentences(cands, idf) {
		if c.hasNew() {
			pool = append(pool, c)
		}
	}
	gain := func(c *digestCluster) float64 {
		g := c.score
		for _, id := range c.articles() {
			if isNew[id] && !covered[id] {
				g += 2
			}
		}
		return g
	}
	var picked []*digestCluster
	for len(picked)+len(disputes) < digestMaxLines && len(pool) > 0 {
		best := 0
		for i, c := range pool {
			if gain(c) > gain(pool[best]) {
				best = i
			}
		}
		c := pool[best]
		pool = slices.Delete(pool, best, best+1)
		bringsArticle := false
		for _, id := range c.articles() {
			if isNew[id] && !covered[id] {
				bringsArticle = true
			}
		}
		if c.score < digestFloor && !bringsArticle || repeats(c, picked, idf) {
			continue
		}
		picked = append(picked, c)
		for _, id := range c.articles() {
			covered[id] = true
		}
	}
	slices.SortStableFunc(picked, func(a, b *digestCluster) int {
		if k := cmp.Compare(a.members[0].kind, b.members[0].kind); k != 0 {
			return k
		}
		return cmp.Compare(b.score, a.score)
	})
	lines := make([]SummaryLine, 0, len(picked)+len(disputes))
	for _, c := range picked {
		lines = append(lines, c.line(dg.r.lex.digestBreaks))
	}
	return append(lines, disputes...)
}

// repeats reports whether c's lead sentence says nearly what a sentence of
// an already picked line says: the same development in other words.
func repeats(c *digestCluster, picked []*digestCluster, idf map[string]float64) bool {
	for _, p := range picked {
		for _, m := range p.members {
			if similarity(c.members[0], m, idf) >= digestSame {
				return true
			}
		}
	}
	return false
}

// line renders a cluster: the text of its most readable member, and one
// quote per article, that member's first. The most readable member is the
// one saying most whose line fits without cutting at breaks, else the one
// saying most.
func (c *digestCluster) line(breaks []string) SummaryLine {
	fits := func(m *digestSentence) bool {
		return utf8.RuneCountInString(lineText(m.Text, breaks)) <= digestLineRunes
	}
	rep := c.members[0]
	for _, m := range c.members[1:] {
		switch {
		case fits(m) != fits(rep):
			if fits(m) {
				rep = m
			}
		case m.content > rep.content:
			rep = m
		}
	}
	l := SummaryLine{Text: lineText(rep.Text, breaks), Quotes: []Quote{{Text: rep.Text, Sentence: rep.Position + 1, Citation: CitationOf(rep.article)}}}
	for _, m := range c.members {
		if m != rep {
			l.Quotes = append(l.Quotes, Quote{Text: m.Text, Sentence: m.Position + 1, Citation: CitationOf(m.article)})
		}
	}
	return l
}
