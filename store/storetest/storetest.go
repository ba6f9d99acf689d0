// Package storetest opens real stores for tests: a fresh SQLite file in the
// test's temporary folder, or a fresh schema in a PostgreSQL server (Each),
// filled with the built-in seed articles.
package storetest

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/parley-bot/parley/store"
)

// Epoch is the ingest time MustOpen uses, so tests see stable timestamps.
var Epoch = time.Date(2025, 12, 6, 8, 0, 0, 0, time.UTC)

// MustOpen opens a new store in tb's temporary folder, ingests the seeds
// and closes the store when the test ends. It fails the test on any error.
func MustOpen(tb testing.TB) *store.Store {
	tb.Helper()
	st := MustOpenEmpty(tb)
	ingestSeeds(tb, st)
	return st
}

// MustOpenEmpty opens a new, empty store in tb's temporary folder.
func MustOpenEmpty(tb testing.TB) *store.Store {
	tb.Helper()
	st, err := store.Open(context.Background(), filepath.Join(tb.TempDir(), "parley.db"))
	if err != nil {
		tb.Fatalf("open store: %v", err)
	}
	tb.Cleanup(func() { st.Close() })
	return st
}
