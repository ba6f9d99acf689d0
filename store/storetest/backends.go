package storetest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver, to make and drop test schemas

	"github.com/parley-bot/parley/seeds"
	"github.com/parley-bot/parley/store"
)

// DefaultPostgresURL is the PostgreSQL server tests use when
// PARLEY_TEST_PG_URL is not set.
const DefaultPostgresURL = "postgres://postgres@127.0.0.1:5432/test?sslmode=disable"

// Backend is a kind of store the suite runs against: SQLite always,
// PostgreSQL wherever a server answers.
type Backend struct {
	Name string
	// Location returns the location of a new, empty store for tb (a file
	// in its temporary folder, or a schema of its own, dropped at the
	// end); it may be opened more than once, as two processes would.
	Location func(tb testing.TB) string
}

// Open opens the store at location with opts and closes it when tb ends.
func (b Backend) Open(tb testing.TB, location string, opts ...store.Option) *store.Store {
	tb.Helper()
	st, err := store.Open(context.Background(), location, opts...)
	if err != nil {
		tb.Fatalf("open %s store: %v", b.Name, err)
	}
	tb.Cleanup(func() { st.Close() })
	return st
}

// Empty opens a new, empty store.
func (b Backend) Empty(tb testing.TB, opts ...store.Option) *store.Store {
	tb.Helper()
	return b.Open(tb, b.Location(tb), opts...)
}

// Seeded opens a new store holding the built-in seed articles.
func (b Backend) Seeded(tb testing.TB, opts ...store.Option) *store.Store {
	tb.Helper()
	st := b.Empty(tb, opts...)
	ingestSeeds(tb, st)
	return st
}

// SQLite is the default store: a file in the test's temporary folder.
var SQLite = Backend{Name: "sqlite", Location: func(tb testing.TB) string {
	return filepath.Join(tb.TempDir(), "parley.db")
}}

// Postgres is a schema of its own in the test server, per store.
var Postgres = Backend{Name: "postgres", Location: postgresLocation}

// Each runs f as a subtest against every backend: SQLite, and PostgreSQL
// when the server at PARLEY_TEST_PG_URL (or DefaultPostgresURL) answers.
// Where none answers the PostgreSQL subtest is skipped, saying so, except
// under CI=true, where it fails: CI must not pass without it.
func Each(t *testing.T, f func(t *testing.T, b Backend)) {
	t.Helper()
	for _, b := range []Backend{SQLite, Postgres} {
		t.Run(b.Name, func(t *testing.T) {
			if b.Name == Postgres.Name {
				RequirePostgres(t)
			}
			f(t, b)
		})
	}
}

// PostgresURL is the test server's URL.
func PostgresURL() string {
	if u := os.Getenv("PARLEY_TEST_PG_URL"); u != "" {
		return u
	}
	return DefaultPostgresURL
}

var (
	pgOnce sync.Once
	pgErr  error
)

// PostgresErr reports whether the test server answers (nil) or why not,
// asking it once per process.
func PostgresErr() error {
	pgOnce.Do(func() {
		db, err := sql.Open("pgx", PostgresURL())
		if err != nil {
			pgErr = err
			return
		}
		defer db.Close()
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
		defer cancel()
		pgErr = db.PingContext(ctx)
	})
	return pgErr
}

// RequirePostgres skips tb when the test server does not answer, or fails
// it under CI=true.
func RequirePostgres(tb testing.TB) {
	tb.Helper()
	err := PostgresErr()
	if err == nil {
		return
	}
	msg := "PostgreSQL at " + store.Redact(PostgresURL()) + " did not answer (" + strings.Join(strings.Fields(err.Error()), " ") + ")"
	if os.Getenv("CI") == "true" {
		tb.Fatal(msg + "; CI=true requires it (set PARLEY_TEST_PG_URL)")
	}
	tb.Skip(msg + "; skipping the PostgreSQL run (set PARLEY_TEST_PG_URL)")
}

// postgresLocation makes a schema for tb, drops it when tb ends, and
// returns the server's URL with that schema as its search path.
func postgresLocation(tb testing.TB) string {
	tb.Helper()
	RequirePostgres(tb)
	var b [6]byte
	rand.Read(b[:])
	schema := "parley_test_" + hex.EncodeToString(b[:])
	db, err := sql.Open("pgx", PostgresURL())
	if err != nil {
		tb.Fatal(err)
	}
	if _, err := db.Exec(`CREATE SCHEMA ` + schema); err != nil {
		db.Close()
		tb.Fatalf("create schema %s: %v", schema, err)
	}
	// Registered first, so it runs after the stores opened on it close.
	tb.Cleanup(func() {
		defer db.Close()
		if _, err := db.Exec(`DROP SCHEMA ` + schema + ` CASCADE`); err != nil {
			tb.Errorf("drop schema %s: %v", schema, err)
		}
	})
	u, err := url.Parse(PostgresURL())
	if err != nil {
		tb.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

func ingestSeeds(tb testing.TB, st *store.Store) {
	tb.Helper()
	res, err := st.IngestFS(context.Background(), seeds.FS, Epoch)
	if err != nil {
		tb.Fatalf("ingest seeds: %v", err)
	}
	for _, r := range res {
		if r.Err != nil {
			tb.Fatalf("ingest seed %s: %v", r.Name, r.Err)
		}
	}
}
