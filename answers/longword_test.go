package answers

import (
	"context"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/parley-bot/parley/store"
	"github.com/parley-bot/parley/store/storetest"
)

// longWord is n bytes of letters and digits with no break, as a base64
// blob pasted into an article reads: one word to the tokenizer. It is
// random so that PostgreSQL cannot compress it into an index row.
func longWord(n int) string {
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
	rng := rand.New(rand.NewPCG(3, 5))
	b := make([]byte, n)
	for i := range b {
		b[i] = alphabet[rng.IntN(len(alphabet))]
	}
	return string(b)
}

// TestLongWordIngests ingests an article holding a 9 kB word into each
// store: the ingest succeeds on both, the article and the sentence holding
// the word are kept in full, and the article's other sentence is answered
// from the stored index as from the whole corpus in memory.
func TestLongWordIngests(t *testing.T) {
	ctx := context.Background()
	blob := longWord(9000)
	body := "The delegates signed the grain accord in the harbour city of Vantor on Tuesday.\n\n" +
		"The attached certificate reads " + blob + " in full."
	storetest.Each(t, func(t *testing.T, be storetest.Backend) {
		a, err := NewAnalyzer(seedPack(t))
		if err != nil {
			t.Fatal(err)
		}
		st := be.Empty(t, store.WithAnalyzer(a))
		doc := store.Document{ID: "blob", Title: "Grain accord", Body: body}
		if _, err := st.Ingest(ctx, doc, storetest.Epoch); err != nil {
			t.Fatalf("ingest: %v", err)
		}
		if got, err := st.Body(ctx, "blob"); err != nil || got != body {
			t.Fatalf("Body: %d bytes, %v; want the %d bytes ingested", len(got), err, len(body))
		}
		sents, err := st.Sentences(ctx, "blob")
		if err != nil {
			t.Fatal(err)
		}
		if len(sents) != 2 || !strings.Contains(sents[1].Text, blob) {
			t.Fatalf("sentences: %d, want 2, the second holding the whole word", len(sents))
		}
		// Nothing longer than a word is in the stored index.
		if long, err := st.IndexedWords(ctx, maxWordBytes+1, len(blob), 0); err != nil || len(long) > 0 {
			t.Errorf("IndexedWords longer than %d bytes: %d, %v; want none", maxWordBytes, len(long), err)
		}
		if n, err := st.WordCounts(ctx, []string{fold(blob)}); err != nil || len(n) > 0 {
			t.Errorf("WordCounts of the long word: %d found, %v; want none", len(n), err)
		}
		if n, err := st.TermCounts(ctx, []string{"accord", "vantor"}); err != nil || n["accord"] != 1 || n["vantor"] != 1 {
			t.Errorf("TermCounts: %v, %v; want accord and vantor once each", n, err)
		}
		for _, load := range []struct {
			name string
			n    int
		}{{"lazy", -1}, {"full", 1 << 30}} {
			e := mustEngine(t, st, WithFullLoad(load.n))
			ans, err := e.Answer(ctx, "What did the delegates sign in Vantor?")
			if err != nil {
				t.Fatalf("%s: Answer: %v", load.name, err)
			}
			if !ans.Answered || len(ans.Quotes) == 0 || ans.Quotes[0].Text != sents[0].Text {
				t.Errorf("%s: answered %v %q, quotes %v; want the accord sentence quoted", load.name, ans.Answered, ans.Answer, ans.Quotes)
			}
			// The word itself asks nothing the index can find, and must
			// not fail the question.
			if _, err := e.Answer(ctx, "What reads "+blob+"?"); err != nil {
				t.Errorf("%s: Answer with the long word: %v", load.name, err)
			}
		}
	})
}

// TestTokenizeSkipsLongRuns holds tokenize to maxWordBytes: a run of that
// length is a word, a longer one is none, and the words around it keep
// their places in the text.
func TestTokenizeSkipsLongRuns(t *testing.T) {
	word, run := longWord(maxWordBytes), longWord(maxWordBytes+1)
	text := "one " + word + " two " + run + " three"
	var got []string
	for _, tk := range tokenize(text) {
		if text[tk.start:tk.end] != tk.raw {
			t.Errorf("token %.20q has span [%d, %d) holding %.20q", tk.raw, tk.start, tk.end, text[tk.start:tk.end])
		}
		got = append(got, tk.raw)
	}
	if want := []string{"one", word, "two", "three"}; !slices.Equal(got, want) {
		t.Errorf("tokenize: %d tokens %.40q, want %d %.40q", len(got), got, len(want), want)
	}
	if got := rawWords(text); !slices.Equal(got, []string{"one", word, "two", "three"}) {
		t.Errorf("rawWords: %d words, want 4 without the %d-byte run", len(got), len(run))
	}
}
