package answers

import (
	"context"
	"testing"

	"github.com/parley-bot/parley/store"
	"github.com/parley-bot/parley/store/storetest"
)

// TestPostgresAnswersAsSQLite holds the PostgreSQL store to the SQLite
// one: the same articles ingested into each, every question gets the same
// answer, quotes, confidence and explanation from an engine reading the
// stored index (lazily) of either, and from one that loads every article.
func TestPostgresAnswersAsSQLite(t *testing.T) {
	skipShort(t)
	storetest.RequirePostgres(t)
	ctx := context.Background()
	set, _ := squadSubset(t)
	pack := seedPack(t)
	docs := append(set.Documents(), fillerDocs(2, 200)...)
	seeded := storetest.MustOpen(t)
	arts, _ := seeded.Articles(ctx)
	for _, art := range arts {
		body, _ := seeded.Body(ctx, art.ID)
		docs = append(docs, store.Document{ID: art.ID, Title: art.Title, Outlet: art.Outlet, Byline: art.Byline, Published: art.Published, URL: art.URL, Body: body})
	}
	open := func(b storetest.Backend) *store.Store {
		a, err := NewAnalyzer(pack)
		if err != nil {
			t.Fatal(err)
		}
		st := b.Empty(t, store.WithAnalyzer(a))
		for _, d := range docs {
			if _, err := st.Ingest(ctx, d, storetest.Epoch); err != nil {
				t.Fatalf("%s: ingest %s: %v", b.Name, d.ID, err)
			}
		}
		return st
	}
	lite, pg := open(storetest.SQLite), open(storetest.Postgres)
	qs := lazyQuestions(t, set)
	for _, load := range []struct {
		name string
		n    int
	}{{"lazy", -1}, {"full", 1 << 30}} {
		t.Run(load.name, func(t *testing.T) {
			want := mustEngine(t, lite, WithPack(pack), WithFullLoad(load.n))
			got := mustEngine(t, pg, WithPack(pack), WithFullLoad(load.n))
			diffs := 0
			for _, q := range qs {
				if w, g := explained(t, want, q), explained(t, got, q); w != g {
					diffs++
					if diffs <= 5 {
						t.Errorf("Explain(%q):\n sqlite   %s\n postgres %s", q, w, g)
					}
				}
			}
			if diffs > 0 {
				t.Errorf("%d of %d questions answered otherwise on PostgreSQL", diffs, len(qs))
			}
			t.Logf("%d questions answered alike", len(qs))
		})
	}
}
