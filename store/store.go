// Package store is Parley's SQLite fact store: articles, their sentences
// with a full-text index, entities, facts drawn from sentences, the post
// log and the inbox of platform events. It is the only package that speaks
// SQL.
//
// The store runs in WAL mode with a busy timeout so that a running bot and
// a command-line ingest can share one file.
package store

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

//go:embed migrations/*.sql
var migrations embed.FS

// ErrNotFound is returned when a looked-up row does not exist.
var ErrNotFound = errors.New("not found")

// busyTimeout is how long a writer waits for another process's lock before
// giving up, in milliseconds. Ingest and summary posting from the CLI hold
// the write lock for well under this.
const busyTimeout = 5000

// Store is an open Parley database. It is safe for concurrent use.
type Store struct {
	db       *sql.DB
	path     string
	analyzer Analyzer
	// writes queues this process's inbox writes, the hot path of serve:
	// waiting here costs microseconds, where SQLite's busy handler
	// would sleep for milliseconds between retries of the write lock.
	writes sync.Mutex
}

// Open opens (creating if needed) the SQLite database at path and brings
// its schema up to date. The special path ":memory:" opens a private
// in-memory database, useful in tests.
func Open(ctx context.Context, path string, opts ...Option) (*Store, error) {
	if path == "" {
		return nil, errors.New("open store: empty path")
	}
	dsn := dsnFor(path)
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	if path == ":memory:" {
		// Every connection to :memory: is a separate database: keep one.
		db.SetMaxOpenConns(1)
	}
	s := &Store{db: db, path: path}
	for _, o := range opts {
		o(s)
	}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	return s, nil
}

func dsnFor(path string) string {
	q := url.Values{}
	q.Add("_pragma", "busy_timeout("+strconv.Itoa(busyTimeout)+")")
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "synchronous(NORMAL)")
	if path != ":memory:" {
		q.Add("_pragma", "journal_mode(WAL)")
	}
	q.Set("_txlock", "immediate")
	return "file:" + path + "?" + q.Encode()
}

// Close closes the database.
func (s *Store) Close() error {
	if err := s.db.Close(); err != nil {
		return fmt.Errorf("close store %s: %w", s.path, err)
	}
	return nil
}

// Path reports the file the store was opened from.
func (s *Store) Path() string { return s.path }

// Ping checks that the database answers a query; readiness probes use it.
func (s *Store) Ping(ctx context.Context) error {
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM articles`).Scan(&n); err != nil {
		return fmt.Errorf("ping store: %w", err)
	}
	return nil
}

// migrate applies every embedded migration newer than PRAGMA user_version,
// each in its own transaction together with the version bump.
func (s *Store) migrate(ctx context.Context) error {
	names, err := migrationNames(migrations)
	if err != nil {
		return err
	}
	var version int
	if err := s.db.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&version); err != nil {
		return fmt.Errorf("read schema version: %w", err)
	}
	if version > len(names) {
		return fmt.Errorf("schema version %d is newer than this binary knows (%d)", version, len(names))
	}
	for i := version; i < len(names); i++ {
		body, err := migrations.ReadFile(names[i])
		if err != nil {
			return fmt.Errorf("read migration %s: %w", names[i], err)
		}
		tx, err := s.db.BeginTx(ctx, nil)
		if err != nil {
			return fmt.Errorf("begin migration %s: %w", names[i], err)
		}
		if _, err := tx.ExecContext(ctx, string(body)); err != nil {
			tx.Rollback()
			return fmt.Errorf("apply migration %s: %w", names[i], err)
		}
		if _, err := tx.ExecContext(ctx, fmt.Sprintf(`PRAGMA user_version = %d`, i+1)); err != nil {
			tx.Rollback()
			return fmt.Errorf("set schema version %d: %w", i+1, err)
		}
		if err := tx.Commit(); err != nil {
			return fmt.Errorf("commit migration %s: %w", names[i], err)
		}
	}
	return nil
}

// migrationNames lists the embedded migrations in order. Each file is
// named NNNN_what.sql and its number is the schema version it brings the
// store to, so the files must be numbered 1, 2, 3… with no gap or repeat:
// a gap would let a store skip a migration that lands later.
func migrationNames(fsys fs.FS) ([]string, error) {
	names, err := fs.Glob(fsys, "migrations/*.sql")
	if err != nil {
		return nil, fmt.Errorf("list migrations: %w", err)
	}
	sort.Strings(names)
	for i, name := range names {
		base := path.Base(name)
		num, _, ok := strings.Cut(base, "_")
		n, err := strconv.Atoi(num)
		if !ok || err != nil || n != i+1 {
			return nil, fmt.Errorf("migration %s: want a name starting %04d_", base, i+1)
		}
	}
	return names, nil
}

// ftsQuery builds an FTS5 MATCH expression that ORs the given terms, each
// as a quoted string so that no user text is parsed as FTS5 syntax. NUL
// and other control characters (which end an FTS5 string early) and
// invalid UTF-8 become spaces.
func ftsQuery(terms []string) string {
	var b strings.Builder
	for _, t := range terms {
		t = strings.TrimSpace(strings.Map(func(r rune) rune {
			if unicode.IsControl(r) || r == utf8.RuneError {
				return ' '
			}
			return r
		}, strings.ToValidUTF8(t, " ")))
		if t == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteString(" OR ")
		}
		b.WriteByte('"')
		b.WriteString(strings.ReplaceAll(t, `"`, `""`))
		b.WriteByte('"')
	}
	return b.String()
}
