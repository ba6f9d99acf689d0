package store_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/parley-bot/parley/store"
	"github.com/parley-bot/parley/store/storetest"
)

// wordIndexer indexes a sentence under its lower-case words and a key
// with characters the index escapes; its length is its word count.
type wordIndexer struct{ version string }

func (w wordIndexer) Version() string                             { return w.version }
func (w wordIndexer) Analyze(sents []store.Sentence) []store.Fact { return nil }
func (w wordIndexer) Index(sents []store.Sentence, _ []store.Fact) []store.SentenceIndex {
	out := make([]store.SentenceIndex, len(sents))
	for i, s := range sents {
		words := strings.Fields(strings.ToLower(strings.Map(func(r rune) rune {
			if r == '.' || r == ',' {
				return ' '
			}
			return r
		}, s.Text)))
		var terms []string
		for _, t := range words {
			if !slices.Contains(terms, t) {
				terms = append(terms, t)
			}
		}
		terms = append(terms, "\x01len\x00"+strings.Repeat("x", len(words)%3), "@Entity-"+words[0])
		out[i] = store.SentenceIndex{Terms: terms, Words: words, Length: len(words)}
	}
	return out
}

// recount is what the index should say of st: document frequencies of
// terms and occurrences of words, from the indexer run over every sentence.
func recount(t *testing.T, st *store.Store) (map[string]int, map[string]int, map[string][]int64, int, int) {
	t.Helper()
	sents, err := st.Sentences(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	df, words, postings := map[string]int{}, map[string]int{}, map[string][]int64{}
	length := 0
	for i, ix := range (wordIndexer{}).Index(sents, nil) {
		for _, term := range ix.Terms {
			df[term]++
			postings[term] = append(postings[term], sents[i].ID)
		}
		for _, w := range ix.Words {
			words[w]++
		}
		length += ix.Length
	}
	for _, p := range postings {
		slices.Sort(p)
	}
	return df, words, postings, len(sents), length
}

func checkIndex(t *testing.T, st *store.Store, version string, articles int) {
	t.Helper()
	ctx := context.Background()
	df, words, postings, n, length := recount(t, st)
	tot, err := st.IndexTotals(ctx, version)
	if err != nil {
		t.Fatal(err)
	}
	if tot.Articles != articles || tot.Sentences != n || tot.Length != length || tot.Stale != 0 {
		t.Errorf("IndexTotals = %+v, want %d articles, %d sentences, length %d, none stale", tot, articles, n, length)
	}
	var terms, ws []string
	for k := range df {
		terms = append(terms, k)
	}
	for k := range words {
		ws = append(ws, k)
	}
	terms = append(terms, "absent", "\x01len\x00zz")
	got, err := st.TermCounts(ctx, terms)
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range terms {
		if got[k] != df[k] {
			t.Errorf("TermCounts[%q] = %d, want %d", k, got[k], df[k])
		}
	}
	gw, err := st.WordCounts(ctx, ws)
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range ws {
		if gw[k] != words[k] {
			t.Errorf("WordCounts[%q] = %d, want %d", k, gw[k], words[k])
		}
	}
	gp, err := st.Postings(ctx, terms)
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range terms {
		if !slices.Equal(gp[k], postings[k]) {
			t.Errorf("Postings[%q] = %v, want %v", k, gp[k], postings[k])
		}
	}
	byLen, err := st.TermsWithPrefix(ctx, "\x01len\x00")
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"\x01len\x00", "\x01len\x00x", "\x01len\x00xx"} {
		if byLen[k] != df[k] {
			t.Errorf("TermsWithPrefix[%q] = %d, want %d", k, byLen[k], df[k])
		}
	}
	if len(byLen) > 3 {
		t.Errorf("TermsWithPrefix returned %d keys, want at most 3: %v", len(byLen), byLen)
	}
}

// TestIndexFollowsArticles holds the stored index to the articles: after
// adds, a replacement and a re-analysis by another version, its totals,
// document frequencies, word counts and postings are those of the
// sentences stored, and Changes names exactly the articles touched.
func TestIndexFollowsArticles(t *testing.T) {
	storetest.Each(t, func(t *testing.T, be storetest.Backend) {
		ctx := context.Background()
		path := be.Location(t)
		st, err := store.Open(ctx, path, store.WithAnalyzer(wordIndexer{"v1"}))
		if err != nil {
			t.Fatal(err)
		}
		at := storetest.Epoch
		for _, d := range []store.Document{
			{ID: "a", Body: "Talks began in Geneva. The talks went on, and on.\n\nÉlan was high."},
			{ID: "b", Body: "Nothing new in Geneva.\n"},
		} {
			if _, err := st.Ingest(ctx, d, at); err != nil {
				t.Fatal(err)
			}
		}
		checkIndex(t, st, "v1", 2)
		stamp, _ := st.Stamp(ctx)
		if _, err := st.Ingest(ctx, store.Document{ID: "a", Body: "Talks ended in Vienna.\n"}, at.Add(time.Hour)); err != nil {
			t.Fatal(err)
		}
		checkIndex(t, st, "v1", 2)
		ids, next, err := st.Changes(ctx, stamp)
		if err != nil || !slices.Equal(ids, []string{"a"}) || next <= stamp {
			t.Errorf("Changes(%d) = %v, %d, %v; want [a] and a later stamp", stamp, ids, next, err)
		}
		if now, _ := st.Stamp(ctx); now != next {
			t.Errorf("Stamp = %d, Changes brought it to %d", now, next)
		}
		if ids, _, _ := st.Changes(ctx, next); len(ids) != 0 {
			t.Errorf("Changes(latest) = %v, want none", ids)
		}
		if _, err := st.Ingest(ctx, store.Document{ID: "a", Body: "Talks ended in Vienna.\n"}, at.Add(2*time.Hour)); err != nil {
			t.Fatal(err)
		}
		if ids, _, _ := st.Changes(ctx, next); len(ids) != 0 {
			t.Errorf("an unchanged article was recorded as changed: %v", ids)
		}
		if tot, _ := st.IndexTotals(ctx, "v2"); tot.Stale != 2 {
			t.Errorf("IndexTotals(v2).Stale = %d, want 2", tot.Stale)
		}
		st.Close()

		// Another analyzer version re-analyses every article: the index is
		// made again, not doubled.
		st, err = store.Open(ctx, path, store.WithAnalyzer(wordIndexer{"v2"}))
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		if n, err := st.Heal(ctx); err != nil || n != 2 {
			t.Fatalf("Heal = %d, %v; want 2", n, err)
		}
		checkIndex(t, st, "v2", 2)
		if ids, _, _ := st.Changes(ctx, next); !slices.Equal(ids, []string{"a", "b"}) {
			t.Errorf("after Heal, Changes = %v, want [a b]", ids)
		}
		words, err := st.IndexedWords(ctx, 4, 5, 't')
		if err != nil || !slices.Equal(words, []string{"talks"}) {
			t.Errorf("IndexedWords(4, 5, 't') = %v, %v; want [talks] (words once indexed stay listed)", words, err)
		}
	})
}
