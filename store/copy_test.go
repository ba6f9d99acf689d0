package store_test

import (
	"maps"
	"slices"
	"testing"
	"time"

	"github.com/parley-bot/parley/seeds"
	"github.com/parley-bot/parley/store"
	"github.com/parley-bot/parley/store/storetest"
)

// TestCopyToPostgres moves a SQLite store to PostgreSQL: the articles,
// sentences, facts and stored index read back the same; the post log, a
// handled event, a question and the salt come along; copying again
// copies nothing; the copy needs no re-analysis.
func TestCopyToPostgres(t *testing.T) {
	storetest.RequirePostgres(t)
	a := store.WithAnalyzer(wordIndexer{"v1"})
	src := storetest.SQLite.Empty(t, a)
	if _, err := src.IngestFS(ctx, seeds.FS, storetest.Epoch); err != nil {
		t.Fatal(err)
	}
	if _, err := src.Ingest(ctx, store.Document{ID: "x", Body: "Élan, Talks and TALKS in Genève.\n"}, storetest.Epoch); err != nil {
		t.Fatal(err)
	}
	if _, err := src.ClaimPost(ctx, "C1", "2025-12-06", storetest.Epoch); err != nil {
		t.Fatal(err)
	}
	if _, _, err := src.ReceiveEvent(ctx, "slack", "event:Ev1", []byte("{}"), store.Lease{Owner: "p", Until: storetest.Epoch}, storetest.Epoch); err != nil {
		t.Fatal(err)
	}
	if err := src.FinishEvent(ctx, "slack", "event:Ev1", store.EventAnswered, "", storetest.Epoch); err != nil {
		t.Fatal(err)
	}
	if err := src.RecordAsked(ctx, store.Asked{ID: "q1", At: storetest.Epoch, Platform: "slack", Question: "Who?", Answered: true}); err != nil {
		t.Fatal(err)
	}
	salt, err := src.Setting(ctx, "user_salt", func() (string, error) { return "s4lt", nil })
	if err != nil {
		t.Fatal(err)
	}

	dst := storetest.Postgres.Empty(t, a)
	var reports []store.CopyProgress
	if err := src.CopyTo(ctx, dst, func(p store.CopyProgress) { reports = append(reports, p) }); err != nil {
		t.Fatal(err)
	}
	wantArts, _ := src.Articles(ctx)
	gotArts, err := dst.Articles(ctx)
	if err != nil || !slices.Equal(gotArts, wantArts) {
		t.Fatalf("articles after copy differ: %v\n got  %+v\n want %+v", err, gotArts, wantArts)
	}
	sameIndex(t, src, dst)
	wantFacts, _ := src.Facts(ctx, "")
	gotFacts, _ := dst.Facts(ctx, "")
	if len(gotFacts) != len(wantFacts) {
		t.Errorf("%d facts copied, want %d", len(gotFacts), len(wantFacts))
	}
	if p, err := dst.PostFor(ctx, "C1", "2025-12-06"); err != nil || p.State != store.PostClaimed {
		t.Errorf("post after copy = %+v, %v", p, err)
	}
	if e, err := dst.Event(ctx, "slack", "event:Ev1"); err != nil || e.State != store.EventAnswered {
		t.Errorf("event after copy = %+v, %v", e, err)
	}
	if q, err := dst.AskedByID(ctx, "q1"); err != nil || !q.Answered || q.Question != "Who?" {
		t.Errorf("question after copy = %+v, %v", q, err)
	}
	if got, _ := dst.Setting(ctx, "user_salt", func() (string, error) { return "other", nil }); got != salt {
		t.Errorf("salt after copy = %q, want %q", got, salt)
	}
	if n, err := dst.Heal(ctx); err != nil || n != 0 {
		t.Errorf("Heal after copy = %d, %v; want nothing to re-analyse", n, err)
	}
	if len(reports) == 0 || reports[0].Table != "articles" || reports[0].Copied != len(wantArts) {
		t.Errorf("progress = %+v; want the articles first, all copied", reports)
	}

	// Again: nothing new.
	stamp, _ := dst.Stamp(ctx)
	reports = nil
	if err := src.CopyTo(ctx, dst, func(p store.CopyProgress) { reports = append(reports, p) }); err != nil {
		t.Fatal(err)
	}
	for _, p := range reports {
		if p.Copied != 0 || p.Differs != 0 {
			t.Errorf("second copy of %s copied %d (%d differ), want 0", p.Table, p.Copied, p.Differs)
		}
	}
	if again, _ := dst.Stamp(ctx); again != stamp {
		t.Errorf("second copy moved the stamp %d -> %d", stamp, again)
	}
	// An ingest of the same article into the copy is a no-op: the hash
	// came along.
	if r, err := dst.Ingest(ctx, store.Document{ID: "x", Body: "Élan, Talks and TALKS in Genève.\n"}, storetest.Epoch.Add(time.Hour)); err != nil || r != store.Unchanged {
		t.Errorf("re-ingest into the copy = %v, %v; want unchanged", r, err)
	}
	if err := dst.CopyTo(ctx, src, nil); err == nil {
		t.Error("copying PostgreSQL into SQLite did not refuse")
	}
}

// sameIndex compares two stores' index over every term and word the
// indexer makes of src's sentences.
func sameIndex(t *testing.T, src, dst *store.Store) {
	t.Helper()
	df, words, _, _, _ := recount(t, src)
	var terms, ws []string
	for k := range df {
		terms = append(terms, k)
	}
	for k := range words {
		ws = append(ws, k)
	}
	wt, _ := src.IndexTotals(ctx, "v1")
	gt, err := dst.IndexTotals(ctx, "v1")
	wt.Stamp, gt.Stamp = 0, 0
	if err != nil || gt != wt {
		t.Errorf("IndexTotals = %+v, %v; want %+v", gt, err, wt)
	}
	for name, f := range map[string]func(*store.Store) (map[string]int, error){
		"TermCounts": func(st *store.Store) (map[string]int, error) { return st.TermCounts(ctx, terms) },
		"WordCounts": func(st *store.Store) (map[string]int, error) { return st.WordCounts(ctx, ws) },
	} {
		want, err := f(src)
		if err != nil {
			t.Fatal(err)
		}
		got, err := f(dst)
		if err != nil || !maps.Equal(got, want) {
			t.Errorf("%s differ after copy (%v): %d keys, want %d", name, err, len(got), len(want))
		}
	}
	wp, _ := src.Postings(ctx, terms)
	gp, err := dst.Postings(ctx, terms)
	if err != nil || len(gp) != len(wp) {
		t.Errorf("Postings after copy: %d terms, %v; want %d", len(gp), err, len(wp))
	}
	for k := range wp {
		if !slices.Equal(gp[k], wp[k]) {
			t.Errorf("Postings[%q] = %v, want %v", k, gp[k], wp[k])
		}
	}
}

// TestIndexSameOnBothStores ingests the same articles into SQLite and
// PostgreSQL: the stored index reads the same from both, words the
// index's tokenizer splits (apostrophes, hyphens, quotes) included.
func TestIndexSameOnBothStores(t *testing.T) {
	storetest.RequirePostgres(t)
	a := store.WithAnalyzer(wordIndexer{"v1"})
	lite, pg := storetest.SQLite.Empty(t, a), storetest.Postgres.Empty(t, a)
	for _, st := range []*store.Store{lite, pg} {
		if _, err := st.IngestFS(ctx, seeds.FS, storetest.Epoch); err != nil {
			t.Fatal(err)
		}
		if _, err := st.Ingest(ctx, store.Document{ID: "x", Body: "Élan, Talks and TALKS in Genève: co-written, Russia's \"deal\".\n"}, storetest.Epoch); err != nil {
			t.Fatal(err)
		}
	}
	sameIndex(t, lite, pg)
}
