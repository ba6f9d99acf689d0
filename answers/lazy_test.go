package answers

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/parley-bot/parley/store"
	"github.com/parley-bot/parley/store/storetest"
)

// fillerDocs are articles of many short sentences sharing common words,
// so that some terms are held by more than selectiveDF sentences (the
// first pass skips them) and many sentences tie at the cut of the best
// maxScored: the cases where picking candidates from the stored postings
// could go wrong.
func fillerDocs(n, sentences int) []store.Document {
	rng := rand.New(rand.NewPCG(7, 11))
	subjects := strings.Fields("delegates ministers envoys observers officials negotiators reporters advisers")
	verbs := strings.Fields("discussed reviewed debated postponed welcomed criticised")
	objects := strings.Fields("grain exports energy prices border crossings prisoner exchanges reconstruction funds ceasefire lines")
	places := strings.Fields("Vantor Meridia Oskel Brava Tarnow Lisko")
	var docs []store.Document
	for d := range n {
		var b strings.Builder
		for s := range sentences {
			fmt.Fprintf(&b, "The %s %s the talks on %s in %s.", subjects[rng.IntN(len(subjects))], verbs[rng.IntN(len(verbs))],
				objects[rng.IntN(len(objects))], places[rng.IntN(len(places))])
			if s%5 == 4 {
				b.WriteString("\n\n")
			} else {
				b.WriteString(" ")
			}
		}
		docs = append(docs, store.Document{ID: fmt.Sprintf("filler_%02d", d), Title: fmt.Sprintf("Talks digest %d", d), Body: b.String()})
	}
	return docs
}

// lazyQuestions are the questions the comparison asks: every seed set,
// the SQuAD subset's, and ones that reach the rarer paths (typos, common
// words only, acronyms, a speaker never quoted).
func lazyQuestions(t *testing.T, set *SQuAD) []string {
	var out []string
	for _, name := range []string{"questions", "heldout", "heldout2", "heldout3", "heldout4", "heldout5"} {
		b, err := os.ReadFile("testdata/" + name + ".jsonl")
		if err != nil {
			t.Fatal(err)
		}
		qs, err := ReadQuestions(strings.NewReader(string(b)))
		if err != nil {
			t.Fatal(err)
		}
		for _, q := range qs {
			out = append(out, q.Q)
		}
	}
	if set != nil {
		for _, a := range set.Data {
			for _, p := range a.Paragraphs {
				for _, q := range p.QAs {
					out = append(out, q.Question)
				}
			}
		}
	}
	return append(out,
		"Who is Witkofff?", "wher did the negotiatons take place", "What did the delegats discuss?",
		"What did the talks discuss?", "talks", "Which officials debated the ceasefire lines in Oskel?",
		"What is the CMI?", "What did Macron say?", "", "the the the",
	)
}

// explained is an answer with its explanation, as compared.
func explained(t *testing.T, e *Engine, q string) string {
	t.Helper()
	a, err := e.Explain(context.Background(), q)
	if err != nil {
		t.Fatalf("Explain(%q): %v", q, err)
	}
	b, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestLazyRanksAsFull holds the lazy path to the full one: on a store both
// can answer, every question gets the same answer, quotes, confidence and
// explanation (terms, corrections, the eight best candidates with their
// scores, the evidence and the decision) from the store's index and the
// candidate articles as from every article in memory.
func TestLazyRanksAsFull(t *testing.T) {
	skipShort(t)
	ctx := context.Background()
	set, _ := squadSubset(t)
	for _, tc := range []struct {
		name string
		pack *Pack
		docs []store.Document
	}{
		{"seeds, SQuAD subset and filler, seeds' pack", seedPack(t), append(set.Documents(), fillerDocs(3, 350)...)},
		{"SQuAD subset, no pack", nil, set.Documents()},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, err := NewAnalyzer(tc.pack)
			if err != nil {
				t.Fatal(err)
			}
			st, err := store.Open(ctx, t.TempDir()+"/parley.db", store.WithAnalyzer(a))
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			docs := tc.docs
			if tc.pack != nil {
				seeded := storetest.MustOpen(t)
				arts, _ := seeded.Articles(ctx)
				for _, art := range arts {
					body, _ := seeded.Body(ctx, art.ID)
					docs = append(docs, store.Document{ID: art.ID, Title: art.Title, Outlet: art.Outlet, Byline: art.Byline, Published: art.Published, URL: art.URL, Body: body})
				}
			}
			for _, d := range docs {
				if _, err := st.Ingest(ctx, d, storetest.Epoch); err != nil {
					t.Fatal(err)
				}
			}
			full := mustEngine(t, st, WithPack(tc.pack), WithFullLoad(1<<30))
			lazy := mustEngine(t, st, WithPack(tc.pack), WithFullLoad(-1))
			checkLazy(t, full, lazy, lazyQuestions(t, set))
		})
	}
}

// TestLazyRanksAsFullSQuAD runs the comparison on a whole SQuAD 2.0 file
// named by PARLEY_SQUAD (the four-article dev file in docs/scale.md).
func TestLazyRanksAsFullSQuAD(t *testing.T) {
	name := os.Getenv("PARLEY_SQUAD")
	if name == "" {
		t.Skip("set PARLEY_SQUAD to a SQuAD 2.0 file")
	}
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	set, err := ReadSQuAD(f)
	if err != nil {
		t.Fatal(err)
	}
	a, _ := NewAnalyzer(nil)
	st, err := store.Open(context.Background(), t.TempDir()+"/squad.db", store.WithAnalyzer(a))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for _, d := range set.Documents() {
		if _, err := st.Ingest(context.Background(), d, storetest.Epoch); err != nil {
			t.Fatal(err)
		}
	}
	var qs []string
	for _, a := range set.Data {
		for _, p := range a.Paragraphs {
			for _, q := range p.QAs {
				qs = append(qs, q.Question)
			}
		}
	}
	checkLazy(t, mustEngine(t, st, WithPack(nil), WithFullLoad(1<<30)), mustEngine(t, st, WithPack(nil), WithFullLoad(-1)), qs)
}

func checkLazy(t *testing.T, full, lazy *Engine, qs []string) {
	t.Helper()
	ctx := context.Background()
	fs, err := full.snapshot(ctx)
	if err != nil {
		t.Fatal(err)
	}
	ls, err := lazy.snapshot(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if fs.full == nil || ls.full != nil {
		t.Fatalf("full engine lazy %v, lazy engine lazy %v", fs.full == nil, ls.full == nil)
	}
	if fs.hint != ls.hint {
		t.Errorf("hint:\n full %s\n lazy %s", fs.hint, ls.hint)
	}
	diffs := 0
	if raceEnabled {
		// Every fourth question: the race detector is after the engine's
		// concurrency, not its ranking.
		var some []string
		for i := 0; i < len(qs); i += 4 {
			some = append(some, qs[i])
		}
		qs = some
	}
	for _, q := range qs {
		want, got := explained(t, full, q), explained(t, lazy, q)
		if want != got {
			diffs++
			if diffs <= 5 {
				t.Errorf("Explain(%q):\n full %s\n lazy %s", q, want, got)
			}
		}
	}
	if diffs > 0 {
		t.Errorf("%d of %d questions answered otherwise lazily", diffs, len(qs))
	}
	t.Logf("%d questions answered alike", len(qs))
}

// TestUpdatesOnlyChangedArticles holds that an engine picks up an ingest,
// a replacement and a re-analysis by reading the articles changed, and
// then answers as an engine that read the store afresh — in memory and
// lazily.
func TestUpdatesOnlyChangedArticles(t *testing.T) {
	ctx := context.Background()
	for _, fullLoad := range []int{1 << 30, -1} {
		t.Run(fmt.Sprintf("fullLoad=%d", fullLoad), func(t *testing.T) {
			st := analyzedStore(t)
			e := mustEngine(t, st, WithFullLoad(fullLoad))
			qs := []string{"What did Dmitriev say about grain corridors?", "Who met with Putin in Moscow?", "What did the envoys discuss in Geneva?"}
			for _, q := range qs {
				explained(t, e, q)
			}
			doc := store.Document{ID: "900_new", Title: "Grain talks", Body: "Grain talks in Geneva.\n\n“The grain corridors across the Black Sea must reopen before winter,” Kirill Dmitriev said on Monday.\n"}
			for i, body := range []string{doc.Body, doc.Body + "\nThe envoys discussed insurance for ships in Geneva.\n"} {
				doc.Body = body
				if _, err := st.Ingest(ctx, doc, storetest.Epoch.Add(time.Duration(i+1)*time.Hour)); err != nil {
					t.Fatal(err)
				}
				before := e.snap.Load()
				fresh := mustEngine(t, st, WithFullLoad(fullLoad))
				for _, q := range qs {
					if got, want := explained(t, e, q), explained(t, fresh, q); got != want {
						t.Errorf("after ingest %d, Explain(%q):\n updated %s\n fresh   %s", i+1, q, got, want)
					}
				}
				after := e.snap.Load()
				if after.stamp == before.stamp {
					t.Errorf("ingest %d: the engine did not notice", i+1)
				}
				if before.full != nil {
					// Every article but the changed one keeps its segment.
					kept := 0
					for _, old := range before.full.segments {
						for _, seg := range after.full.segments {
							if seg == old {
								kept++
							}
						}
					}
					if want := len(after.full.segments) - 1; kept != want {
						t.Errorf("ingest %d: %d segments kept, want %d", i+1, kept, want)
					}
				}
			}
			a, err := e.Answer(ctx, qs[0])
			if err != nil || !a.Answered || a.Quotes[0].Article != "900_new" {
				t.Errorf("Answer(%q) = %+v, %v; want the new article quoted", qs[0], a, err)
			}
		})
	}
}

// TestSegmentCache holds the cache's bound and its refusal of a segment
// loaded before its article changed.
func TestSegmentCache(t *testing.T) {
	seg := func(id string, sentences int) *segment {
		s := &segment{article: store.Article{ID: id}}
		for range sentences {
			s.sents = append(s.sents, sentence{Sentence: store.Sentence{Text: strings.Repeat("x", 100)}})
		}
		return s
	}
	one := segmentSize(seg("a", 10))
	c := newSegmentCache(3 * one)
	gen := c.generation()
	for _, id := range []string{"a", "b", "c"} {
		c.put(seg(id, 10), gen)
	}
	c.get("a") // a is now the most recent; b the least
	c.put(seg("d", 10), gen)
	if c.get("b") != nil || c.get("a") == nil || c.get("c") == nil || c.get("d") == nil {
		t.Errorf("after a fourth segment: b kept %v, a %v, c %v, d %v; want only b dropped", c.get("b") != nil, c.get("a") != nil, c.get("c") != nil, c.get("d") != nil)
	}
	if c.size > c.limit {
		t.Errorf("size %d over the limit %d", c.size, c.limit)
	}
	stale := c.generation()
	c.evict([]string{"a", "e"})
	if c.get("a") != nil {
		t.Error("an evicted segment is still cached")
	}
	c.put(seg("e", 10), stale)
	if c.get("e") != nil {
		t.Error("a segment loaded before its article changed was cached after the change")
	}
	c.put(seg("e", 10), c.generation())
	if c.get("e") == nil {
		t.Error("a segment loaded after the change was not cached")
	}
}

// TestBackgroundUpdates holds WithBackground: answers come lazily while
// the full index is first built, from the full index once it is, and an
// ingest is picked up without an answer waiting for it, laid over the
// index rather than laying it out again.
func TestBackgroundUpdates(t *testing.T) {
	ctx := context.Background()
	st := analyzedStore(t)
	e := mustEngine(t, st, WithBackground())
	waitFull := func(stamp int64) *snapshot {
		t.Helper()
		for range 500 {
			if s := e.snap.Load(); s.resident() && s.stamp >= stamp {
				return s
			}
			if _, err := e.Answer(ctx, "Who met with Putin in Moscow?"); err != nil {
				t.Fatal(err)
			}
			time.Sleep(10 * time.Millisecond)
		}
		t.Fatal("the full index was never built")
		return nil
	}
	first, err := e.snapshot(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if first.full != nil {
		t.Error("the first answer waited for the full index")
	}
	waitFull(first.stamp)
	q := "What did Dmitriev say about grain corridors?"
	doc := store.Document{ID: "900_new", Title: "Grain talks", Body: "Grain talks in Geneva.\n\n“The grain corridors across the Black Sea must reopen before winter,” Kirill Dmitriev said on Monday.\n"}
	if _, err := st.Ingest(ctx, doc, storetest.Epoch.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	stamp, _ := st.Stamp(ctx)
	if s := waitFull(stamp); s.over == nil || len(s.over.delta) != 1 {
		t.Error("the ingest was not laid over the index: it was laid out again")
	}
	a, err := e.Answer(ctx, q)
	if err != nil || !a.Answered || a.Quotes[0].Article != "900_new" {
		t.Errorf("Answer(%q) = %+v, %v; want the new article quoted", q, a, err)
	}
}
