package store_test

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/parley-bot/parley/store"
	"github.com/parley-bot/parley/store/storetest"
)

// shortIndexer is wordIndexer less the words longer than 100 bytes, as
// an analyzer that reads past a pasted blob indexes.
type shortIndexer struct{ wordIndexer }

func (s shortIndexer) Index(sents []store.Sentence, facts []store.Fact) []store.SentenceIndex {
	out := s.wordIndexer.Index(sents, facts)
	long := func(w string) bool { return len(w) > 100 }
	for i := range out {
		out[i].Terms = slices.DeleteFunc(out[i].Terms, long)
		out[i].Words = slices.DeleteFunc(out[i].Words, long)
	}
	return out
}

// TestCopyLeavesLongWords copies a SQLite store that once indexed a 9 kB
// run of letters as a word, and was analysed again without it since: its
// index_words still holds the run, which PostgreSQL cannot key; the copy
// leaves it out and copies the rest.
func TestCopyLeavesLongWords(t *testing.T) {
	storetest.RequirePostgres(t)
	rng := rand.New(rand.NewPCG(1, 2))
	blob := make([]byte, 9000)
	for i := range blob {
		blob[i] = byte('a' + rng.IntN(26))
	}
	path := storetest.SQLite.Location(t)
	old := storetest.SQLite.Open(t, path, store.WithAnalyzer(wordIndexer{"v1"}))
	doc := store.Document{ID: "blob", Body: "Talks in Vantor ended. The key reads " + string(blob) + " in full.\n"}
	if _, err := old.Ingest(ctx, doc, storetest.Epoch); err != nil {
		t.Fatal(err)
	}
	old.Close()
	src := storetest.SQLite.Open(t, path, store.WithAnalyzer(shortIndexer{wordIndexer{"v2"}}))
	if n, err := src.Heal(ctx); err != nil || n != 1 {
		t.Fatalf("Heal: %d, %v; want 1 article analysed again", n, err)
	}
	if long, _ := src.IndexedWords(ctx, 101, len(blob), 0); len(long) != 1 {
		t.Fatalf("source index_words: %d words over 100 bytes, want the 1 the first analyzer left", len(long))
	}
	dst := storetest.Postgres.Empty(t)
	if err := src.CopyTo(ctx, dst, nil); err != nil {
		t.Fatalf("CopyTo: %v", err)
	}
	if long, err := dst.IndexedWords(ctx, 101, len(blob), 0); err != nil || len(long) != 0 {
		t.Errorf("copied index_words: %d words over 100 bytes, %v; want none", len(long), err)
	}
	if words, err := dst.IndexedWords(ctx, 6, 6, 'v'); err != nil || !slices.Contains(words, "vantor") {
		t.Errorf("copied index_words of 6 letters from v: %v, %v; want vantor among them", words, err)
	}
	want, _ := src.Body(ctx, "blob")
	if body, err := dst.Body(ctx, "blob"); err != nil || body != want || len(want) < len(blob) {
		t.Errorf("copied body: %d bytes, %v; want the source's %d", len(body), err, len(want))
	}
}
