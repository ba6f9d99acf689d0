// Command gencorpus writes a synthetic corpus of news-like articles, for
// measuring how Parley's start-up, answers and ingest scale with the number
// of articles (docs/scale.md). Nothing it writes is committed.
//
// Each article recombines real sentences — the built-in articles' and, by
// default, those of the SQuAD subset in answers/testdata — into 4 to 7
// paragraphs of 2 to 5 sentences, with names, numbers and some content
// words swapped for others drawn from a long-tailed vocabulary, so that
// postings and document frequencies look like a growing news archive
// rather than 20,000 copies of the same words. The same -n and -seed give
// the same files.
//
//	go run ./cmd/parley/internal/gencorpus -n 2000 -out corpus-2000
//	parley --db c2000.db --no-seeds ingest corpus-2000
package main

import (
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parley-bot/parley/answers"
	"github.com/parley-bot/parley/seeds"
	"github.com/parley-bot/parley/store"
	"github.com/parley-bot/parley/store/clean"
)

func main() {
	n := flag.Int("n", 2000, "how many articles to write")
	out := flag.String("out", "", "the folder to write them to (created if needed)")
	seed := flag.Uint64("seed", 1, "random seed: the same seed and -n give the same files")
	squad := flag.String("squad", filepath.Join("answers", "testdata", "squad2-subset.json"), "a SQuAD 2.0 file whose paragraphs join the sentence pool (empty for none)")
	flag.Parse()
	if *out == "" || *n < 1 {
		fmt.Fprintln(os.Stderr, "usage: gencorpus -n ARTICLES -out DIR [-seed N] [-squad FILE]")
		os.Exit(2)
	}
	if err := run(*n, *out, *seed, *squad); err != nil {
		fmt.Fprintln(os.Stderr, "gencorpus:", err)
		os.Exit(1)
	}
}

func run(n int, out string, seed uint64, squad string) error {
	docs, err := store.Documents(seeds.FS)
	if err != nil {
		return err
	}
	var texts []string
	for _, d := range docs {
		texts = append(texts, d.Body)
	}
	if squad != "" {
		f, err := os.Open(squad)
		if err != nil {
			return err
		}
		set, err := answers.ReadSQuAD(f)
		f.Close()
		if err != nil {
			return err
		}
		for _, d := range set.Documents() {
			texts = append(texts, d.Body)
		}
	}
	g := newGenerator(texts, seed)
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	for i := range n {
		id := fmt.Sprintf("syn_%06d", i)
		if err := os.WriteFile(filepath.Join(out, id+".txt"), []byte(g.article(id, i)), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// generator draws articles from a pool of sentences and vocabularies.
type generator struct {
	rng       *rand.Rand
	sentences []string
	words     []string // lower-case content words of the pool
	names     zipf     // generated proper names, few common and many rare
	outlets   []string
}

// zipf picks from a list with probability falling as 1/rank.
type zipf struct {
	items []string
	cum   []float64
}

func newZipf(items []string) zipf {
	z := zipf{items: items, cum: make([]float64, len(items))}
	sum := 0.0
	for i := range items {
		sum += 1 / float64(i+1)
		z.cum[i] = sum
	}
	return z
}

func (z zipf) pick(rng *rand.Rand) string {
	x := rng.Float64() * z.cum[len(z.cum)-1]
	lo, hi := 0, len(z.cum)-1
	for lo < hi {
		m := (lo + hi) / 2
		if z.cum[m] < x {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return z.items[lo]
}

func newGenerator(texts []string, seed uint64) *generator {
	g := &generator{rng: rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15))}
	seen := map[string]bool{}
	for _, t := range texts {
		for _, p := range clean.Paragraphs(t) {
			if clean.IsHeading(p) {
				continue
			}
			for _, s := range clean.Sentences(p) {
				if len(s) < 40 || seen[s] {
					continue
				}
				seen[s] = true
				g.sentences = append(g.sentences, s)
				for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }) {
					if len(w) >= 5 && isLower(w) && !seen["\x00"+w] {
						seen["\x00"+w] = true
						g.words = append(g.words, w)
					}
				}
			}
		}
	}
	// 60,000 names from syllables: "Varosk", "Belimant"…
	syl := strings.Fields("ba be bi bo da de di do ka ke ki ko la le li lo ma me mi mo na ne ni no ra re ri ro sa se si so ta te ti to va ve vi vo za ze zi zo")
	end := strings.Fields("n r s k v sk nt rd l m x th")
	names := make([]string, 0, 60000)
	for len(names) < cap(names) {
		var b strings.Builder
		for k := 0; k < 2+g.rng.IntN(2); k++ {
			b.WriteString(syl[g.rng.IntN(len(syl))])
		}
		b.WriteString(end[g.rng.IntN(len(end))])
		w := b.String()
		names = append(names, strings.ToUpper(w[:1])+w[1:])
	}
	g.names = newZipf(names)
	g.outlets = []string{"The Daily Ledger", "Northern Wire", "Harbour Post", "Evening Courier", "Capital Report", "The Observer Desk"}
	return g
}

func isLower(w string) bool {
	for _, r := range w {
		if !unicode.IsLower(r) {
			return false
		}
	}
	return true
}

// article is one article file: a front-matter header and paragraphs.
func (g *generator) article(id string, i int) string {
	var b strings.Builder
	title := g.vary(g.sentences[g.rng.IntN(len(g.sentences))])
	if k := strings.IndexAny(title, ",.;:"); k > 20 {
		title = title[:k]
	}
	day := 1 + i%28
	fmt.Fprintf(&b, "---\nid: %s\ntitle: %q\noutlet: %s\npublished: 2025-%02d-%02d\n---\n", id, title, g.outlets[i%len(g.outlets)], 1+i%12, day)
	for p := 0; p < 4+g.rng.IntN(4); p++ {
		for s := 0; s < 2+g.rng.IntN(4); s++ {
			if s > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(g.vary(g.sentences[g.rng.IntN(len(g.sentences))]))
		}
		b.WriteString("\n\n")
	}
	return b.String()
}

// vary rewrites a sentence: about half its capitalised words (past the
// first) become generated names, numbers change, and about one content
// word in eight becomes another word of the pool.
func (g *generator) vary(s string) string {
	var b strings.Builder
	first := true
	for len(s) > 0 {
		k := strings.IndexFunc(s, func(r rune) bool { return !isWordRune(r) })
		if k == 0 {
			_, size := utf8.DecodeRuneInString(s)
			b.WriteString(s[:size])
			s = s[size:]
			continue
		}
		if k < 0 {
			k = len(s)
		}
		w := s[:k]
		s = s[k:]
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case unicode.IsDigit(r):
			w = strconv.Itoa(int(math.Pow(10, 1+3*g.rng.Float64())))
		case unicode.IsUpper(r) && !first && g.rng.IntN(2) == 0:
			w = g.names.pick(g.rng)
		case len(w) >= 5 && isLower(w) && g.rng.IntN(8) == 0:
			w = g.words[g.rng.IntN(len(g.words))]
		}
		first = false
		b.WriteString(w)
	}
	return b.String()
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
