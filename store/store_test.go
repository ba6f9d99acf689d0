package store_test

import (
	"context"
	"errors"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/parley-bot/parley/seeds"
	"github.com/parley-bot/parley/store"
	"github.com/parley-bot/parley/store/storetest"
)

var ctx = context.Background()

func TestOpenSetsSchemaAndPragmas(t *testing.T) {
	path := filepath.Join(t.TempDir(), "p.db")
	st, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	// Reopening an up-to-date store applies nothing and works.
	st, err = store.Open(ctx, path)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer st.Close()
	if err := st.Ping(ctx); err != nil {
		t.Fatalf("Ping = %v", err)
	}
	if empty, err := st.Empty(ctx); err != nil || !empty {
		t.Fatalf("Empty = %v, %v; want true", empty, err)
	}
}

func TestOpenEmptyPath(t *testing.T) {
	if _, err := store.Open(ctx, ""); err == nil {
		t.Fatal("Open(\"\") succeeded")
	}
}

func TestIngestSeedsIsIdempotent(t *testing.T) {
	storetest.Each(t, func(t *testing.T, be storetest.Backend) {
		st := be.Empty(t)
		first, err := st.IngestFS(ctx, seeds.FS, storetest.Epoch)
		if err != nil {
			t.Fatal(err)
		}
		if len(first) != 5 {
			t.Fatalf("ingested %d files, want 5", len(first))
		}
		for _, r := range first {
			if r.Err != nil || r.Result != store.Added {
				t.Errorf("first ingest of %s = %v, %v; want added", r.Name, r.Result, r.Err)
			}
		}
		before, err := st.Sentences(ctx)
		if err != nil {
			t.Fatal(err)
		}
		second, err := st.IngestFS(ctx, seeds.FS, storetest.Epoch.Add(time.Hour))
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range second {
			if r.Err != nil || r.Result != store.Unchanged {
				t.Errorf("second ingest of %s = %v, %v; want unchanged", r.Name, r.Result, r.Err)
			}
		}
		after, err := st.Sentences(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(after) != len(before) {
			t.Errorf("sentences after re-ingest = %d, want %d", len(after), len(before))
		}
	})
}

func TestIngestMetadataFromSources(t *testing.T) {
	storetest.Each(t, func(t *testing.T, be storetest.Backend) {
		st := be.Seeded(t)
		a, err := st.Article(ctx, "003_7c3a7c60cc464903")
		if err != nil {
			t.Fatal(err)
		}
		if a.Outlet != "Bloomberg News" || a.Byline != "Se Young Lee" || a.Published != "" || a.URL != "" {
			t.Errorf("article 003 metadata = %+v", a)
		}
		if a.Sentences == 0 {
			t.Error("article 003 has no sentences")
		}
		if _, err := st.Article(ctx, "nope"); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("Article(nope) error = %v, want ErrNotFound", err)
		}
	})
}

// TestIngestMetadataFromByline holds that a byline the cleaner drops gives
// the byline and outlet a document leaves empty, and none it sets.
func TestIngestMetadataFromByline(t *testing.T) {
	storetest.Each(t, func(t *testing.T, be storetest.Backend) {
		st := be.Empty(t)
		body := "Jane Doe, The Harbour Gazette on\nThe quay toll rose to four pence."
		docs := []store.Document{
			{ID: "bare", Title: "Tolls", Body: body},
			{ID: "given", Title: "Tolls", Outlet: "Bayton Courier", Body: body},
		}
		for _, d := range docs {
			if _, err := st.Ingest(ctx, d, storetest.Epoch); err != nil {
				t.Fatal(err)
			}
		}
		want := map[string][2]string{"bare": {"Jane Doe", "The Harbour Gazette"}, "given": {"Jane Doe", "Bayton Courier"}}
		for id, w := range want {
			a, err := st.Article(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			if a.Byline != w[0] || a.Outlet != w[1] {
				t.Errorf("article %s: byline %q, outlet %q; want %q, %q", id, a.Byline, a.Outlet, w[0], w[1])
			}
		}
	})
}

func TestIngestUpdateReplacesSentences(t *testing.T) {
	storetest.Each(t, func(t *testing.T, be storetest.Backend) {
		st := be.Empty(t)
		d := store.Document{ID: "a", Title: "T", Body: "Talks began in Geneva. They lasted five hours."}
		if r, err := st.Ingest(ctx, d, storetest.Epoch); err != nil || r != store.Added {
			t.Fatalf("Ingest = %v, %v", r, err)
		}
		d.Body = "Talks began in Vienna."
		if r, err := st.Ingest(ctx, d, storetest.Epoch); err != nil || r != store.Updated {
			t.Fatalf("re-Ingest = %v, %v; want updated", r, err)
		}
		sents, err := st.Sentences(ctx, "a")
		if err != nil {
			t.Fatal(err)
		}
		if len(sents) != 1 || sents[0].Text != "Talks began in Vienna." {
			t.Errorf("sentences = %+v, want only the new one", sents)
		}
		hits, err := st.Search(ctx, []string{"Geneva"}, 5)
		if err != nil || len(hits) != 0 {
			t.Errorf("Search(Geneva) after update = %v, %v; want no hits", hits, err)
		}
	})
}

func TestIngestSameContentUnderAnotherName(t *testing.T) {
	storetest.Each(t, func(t *testing.T, be storetest.Backend) {
		st := be.Empty(t)
		d := store.Document{ID: "a", Body: "Talks began in Geneva."}
		if _, err := st.Ingest(ctx, d, storetest.Epoch); err != nil {
			t.Fatal(err)
		}
		arts, _ := st.Articles(ctx)
		d.ID = "b"
		r, err := st.Ingest(ctx, d, storetest.Epoch)
		if err != nil {
			t.Fatal(err)
		}
		// Different id means a different document hash; both are kept.
		after, _ := st.Articles(ctx)
		if r != store.Added || len(after) != len(arts)+1 {
			t.Errorf("Ingest under new id = %v with %d articles", r, len(after))
		}
	})
}

func TestIngestFilesSkipsMalformed(t *testing.T) {
	storetest.Each(t, func(t *testing.T, be storetest.Backend) {
		st := be.Empty(t)
		fsys := fstest.MapFS{
			"good.txt":      {Data: []byte("---\ntitle: Good\noutlet: Example News\npublished: 2025-12-07\nurl: https://example.com/a\n---\nNegotiators met in Geneva on Sunday.\n")},
			"badutf8.txt":   {Data: []byte("Negotiators \xff met.")},
			"nul.txt":       {Data: []byte("Nul\x00 here.")},
			"badhead.txt":   {Data: []byte("---\ntitle: [unclosed\n---\nText.\n")},
			"noclose.txt":   {Data: []byte("---\ntitle: x\nText.\n")},
			"unknown.txt":   {Data: []byte("---\nauthor: x\n---\nText.\n")},
			"baddate.txt":   {Data: []byte("---\npublished: 7 Dec 2025\n---\nText.\n")},
			"empty.txt":     {Data: []byte("  \n\n")},
			"also-good.txt": {Data: []byte("A second good article about talks.")},
		}
		res, err := st.IngestFS(ctx, fsys, storetest.Epoch)
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]error{}
		for _, r := range res {
			got[r.Name] = r.Err
		}
		for _, name := range []string{"good.txt", "also-good.txt"} {
			if got[name] != nil {
				t.Errorf("%s: %v, want ingested", name, got[name])
			}
		}
		for _, name := range []string{"badutf8.txt", "nul.txt", "badhead.txt", "noclose.txt", "unknown.txt", "baddate.txt", "empty.txt"} {
			if err := got[name]; err == nil {
				t.Errorf("%s ingested, want skipped", name)
			} else if !strings.Contains(err.Error(), name) && !strings.Contains(err.Error(), strings.TrimSuffix(name, ".txt")) {
				t.Errorf("%s: error %q does not name the file", name, err)
			}
		}
		a, err := st.Article(ctx, "good")
		if err != nil {
			t.Fatal(err)
		}
		want := store.Article{ID: "good", Title: "Good", Outlet: "Example News", Published: "2025-12-07", URL: "https://example.com/a"}
		if a.Title != want.Title || a.Outlet != want.Outlet || a.Published != want.Published || a.URL != want.URL {
			t.Errorf("front matter = %+v, want %+v", a, want)
		}
		arts, _ := st.Articles(ctx)
		if len(arts) != 2 {
			t.Errorf("%d articles stored, want 2", len(arts))
		}
	})
}

func TestSearchTreatsInputAsText(t *testing.T) {
	storetest.Each(t, func(t *testing.T, be storetest.Backend) {
		st := be.Seeded(t)
		hostile := []string{
			`"`, `NEAR(a b)`, `Putin*`, `a OR b AND NOT c`, `text:Putin`, `^Putin`, `'); DROP TABLE articles; --`,
			"\x00", "{col}", `-Putin`, `(((`, strings.Repeat("x", 10000),
		}
		for _, term := range hostile {
			if _, err := st.Search(ctx, []string{term}, 5); err != nil {
				t.Errorf("Search(%q) error = %v, want none", term, err)
			}
		}
		hits, err := st.Search(ctx, []string{"Putin", "Moscow"}, 3)
		if err != nil || len(hits) == 0 {
			t.Fatalf("Search(Putin Moscow) = %v, %v", hits, err)
		}
		if hits[0].Article.Title == "" || hits[0].Text == "" {
			t.Errorf("hit lacks article or text: %+v", hits[0])
		}
		// Stemming: "negotiating" finds "negotiations".
		hits, err = st.Search(ctx, []string{"negotiating"}, 50)
		if err != nil || len(hits) == 0 {
			t.Errorf("stemmed search found nothing: %v", err)
		}
		if empty, _ := st.Empty(ctx); empty {
			t.Error("store emptied by hostile searches")
		}
	})
}

func TestClaimPostOnceAcrossConnections(t *testing.T) {
	storetest.Each(t, func(t *testing.T, be storetest.Backend) {
		path := be.Location(t)
		var stores []*store.Store
		for range 2 {
			st, err := store.Open(ctx, path)
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			stores = append(stores, st)
		}
		var wg sync.WaitGroup
		var mu sync.Mutex
		wins := 0
		for i := range 16 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				ok, err := stores[i%2].ClaimPost(ctx, "C1", "2025-12-06", storetest.Epoch)
				if err != nil {
					t.Error(err)
					return
				}
				if ok {
					mu.Lock()
					wins++
					mu.Unlock()
				}
			}()
		}
		wg.Wait()
		if wins != 1 {
			t.Fatalf("%d claims won, want 1", wins)
		}
		if err := stores[0].MarkPosted(ctx, "C1", "2025-12-06", "m1", storetest.Epoch); err != nil {
			t.Fatal(err)
		}
		p, err := stores[1].PostFor(ctx, "C1", "2025-12-06")
		if err != nil || p.State != store.PostSent || p.MessageID != "m1" {
			t.Errorf("PostFor = %+v, %v", p, err)
		}
		// A sent post cannot be released.
		if err := stores[0].ReleasePost(ctx, "C1", "2025-12-06"); err != nil {
			t.Fatal(err)
		}
		if ok, _ := stores[0].ClaimPost(ctx, "C1", "2025-12-06", storetest.Epoch); ok {
			t.Error("claimed a post already sent")
		}
		if _, err := stores[0].PostFor(ctx, "C2", "2025-12-06"); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("PostFor(unknown) error = %v, want ErrNotFound", err)
		}
	})
}

func TestStampChangesOnIngest(t *testing.T) {
	storetest.Each(t, func(t *testing.T, be storetest.Backend) {
		st := be.Seeded(t)
		v1, err := st.Stamp(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := st.Ingest(ctx, store.Document{ID: "new", Body: "Fresh talks were held."}, storetest.Epoch.Add(time.Hour)); err != nil {
			t.Fatal(err)
		}
		v2, _ := st.Stamp(ctx)
		if v1 == v2 {
			t.Error("Stamp unchanged after ingest")
		}
	})
}

// wordCounter is an analyzer that stores one "words" fact per sentence
// with its word count, and counts its calls.
type wordCounter struct {
	version string
	calls   int
	fail    bool // panic-free failure: report a fact for a sentence id that does not exist
}

func (w *wordCounter) Version() string { return w.version }

func (w *wordCounter) Analyze(sents []store.Sentence) []store.Fact {
	w.calls++
	var out []store.Fact
	for _, s := range sents {
		id := s.ID
		if w.fail {
			id = -1
		}
		out = append(out, store.Fact{SentenceID: id, Kind: "words", Value: strconv.Itoa(len(strings.Fields(s.Text))), Extractor: w.version})
	}
	return out
}

func openWith(t *testing.T, a store.Analyzer, path string) *store.Store {
	t.Helper()
	st, err := store.Open(ctx, path, store.WithAnalyzer(a))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// TestIngestWritesFacts holds the one ingest path: the article, its
// sentences and its facts are written together; ingesting the same
// content again is a no-op unless the facts came from another analyzer.
func TestIngestWritesFacts(t *testing.T) {
	storetest.Each(t, func(t *testing.T, be storetest.Backend) {
		path := be.Location(t)
		a := &wordCounter{version: "v1"}
		st := openWith(t, a, path)
		doc := store.Document{ID: "a1", Title: "A", Body: "One two three. Four five.\n\nSix.\n"}
		if r, err := st.Ingest(ctx, doc, storetest.Epoch); err != nil || r != store.Added {
			t.Fatalf("Ingest = %v, %v", r, err)
		}
		facts, _ := st.Facts(ctx, "words")
		if len(facts) != 3 || facts[0].Value != "3" {
			t.Fatalf("facts after ingest = %+v, want 3 sentences' word counts", facts)
		}
		if r, err := st.Ingest(ctx, doc, storetest.Epoch); err != nil || r != store.Unchanged || a.calls != 1 {
			t.Fatalf("second Ingest = %v, %v, %d analyses; want unchanged and no new analysis", r, err, a.calls)
		}
		// Another analyzer version (a new extractor or pack) re-makes the
		// facts when the same article is ingested again, and at Heal.
		b := &wordCounter{version: "v2"}
		st2 := openWith(t, b, path)
		if r, err := st2.Ingest(ctx, doc, storetest.Epoch); err != nil || r != store.Unchanged || b.calls != 1 {
			t.Fatalf("Ingest under v2 = %v, %v, %d analyses; want unchanged and one analysis", r, err, b.calls)
		}
		if got, _ := st2.Facts(ctx, "words"); len(got) != 3 || got[0].Extractor != "v2" {
			t.Errorf("facts under v2 = %+v", got)
		}
		doc2 := store.Document{ID: "a2", Title: "B", Body: "Seven eight.\n"}
		if _, err := st.Ingest(ctx, doc2, storetest.Epoch); err != nil { // made by v1
			t.Fatal(err)
		}
		n, err := st2.Heal(ctx)
		if err != nil || n != 1 {
			t.Errorf("Heal = %d, %v; want the one article v1 analysed", n, err)
		}
		if n, _ := st2.Heal(ctx); n != 0 {
			t.Errorf("second Heal = %d, want 0", n)
		}
	})
}

// TestIngestFailedAnalysisLeavesNothing checks that an article whose facts
// cannot be written is not written either.
func TestIngestFailedAnalysisLeavesNothing(t *testing.T) {
	storetest.Each(t, func(t *testing.T, be storetest.Backend) {
		st := openWith(t, &wordCounter{version: "v1", fail: true}, be.Location(t))
		if _, err := st.Ingest(ctx, store.Document{ID: "a1", Body: "One two.\n"}, storetest.Epoch); err == nil {
			t.Fatal("Ingest with failing facts succeeded")
		}
		if empty, _ := st.Empty(ctx); !empty {
			t.Error("a failed ingest left an article behind")
		}
	})
}

// TestSeedIsOneTransaction checks that seeding fills an empty store whole,
// with facts, and leaves nothing when any document fails.
func TestSeedIsOneTransaction(t *testing.T) {
	storetest.Each(t, func(t *testing.T, be storetest.Backend) {
		docs, err := store.Documents(seeds.FS)
		if err != nil || len(docs) != 5 {
			t.Fatalf("Documents(seeds) = %d, %v", len(docs), err)
		}
		st := openWith(t, &wordCounter{version: "v1"}, be.Location(t))
		bad := append(append([]store.Document{}, docs...), store.Document{ID: "broken", Body: "\x00"})
		if ok, err := st.Seed(ctx, bad, storetest.Epoch); err == nil || ok {
			t.Fatalf("Seed with a broken document = %v, %v; want an error", ok, err)
		}
		if empty, _ := st.Empty(ctx); !empty {
			t.Fatal("a failed seed left articles behind")
		}
		if ok, err := st.Seed(ctx, docs, storetest.Epoch); err != nil || !ok {
			t.Fatalf("Seed = %v, %v", ok, err)
		}
		if ok, err := st.Seed(ctx, docs, storetest.Epoch); err != nil || ok {
			t.Fatalf("second Seed = %v, %v; want false, nothing done", ok, err)
		}
		arts, _ := st.Articles(ctx)
		facts, _ := st.Facts(ctx, "words")
		if len(arts) != 5 || len(facts) == 0 {
			t.Errorf("after Seed: %d articles, %d facts", len(arts), len(facts))
		}
	})
}
