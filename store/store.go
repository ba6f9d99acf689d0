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
	"net/url"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

//go:embed migrations/*.sql migrations_pg/*.sql
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
	dialect  dialect
	opts     options
	analyzer Analyzer
	// writes queues this process's inbox writes, the hot path of serve:
	// waiting here costs microseconds, where SQLite's busy handler
	// would sleep for milliseconds between retries of the write lock.
	writes sync.Mutex
}

// Open opens the store at location and brings its schema up to date. A
// postgres:// (or postgresql://) URL opens that PostgreSQL database, for
// replicas sharing one store; anything else is the path of a SQLite file,
// created if needed. The special path ":memory:" opens a private in-memory
// SQLite database, useful in tests.
func Open(ctx context.Context, location string, opts ...Option) (*Store, error) {
	if location == "" {
		return nil, errors.New("open store: empty path")
	}
	s := &Store{path: location, dialect: sqliteDialect}
	for _, o := range opts {
		o(s)
	}
	var err error
	if IsURL(location) {
		s.dialect = postgresDialect
		s.db, err = openPostgres(ctx, location, s.opts)
	} else {
		s.db, err = openSQLite(location)
	}
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", Redact(location), err)
	}
	if err := s.migrate(ctx); err != nil {
		s.db.Close()
		if notADatabase(err) {
			return nil, fmt.Errorf("open store %s: the file is not a SQLite database: %w", location, err)
		}
		return nil, fmt.Errorf("open store %s: %w", Redact(location), err)
	}
	return s, nil
}

func openSQLite(path string) (*sql.DB, error) {
	if err := checkSQLitePath(path); err != nil {
		return nil, err
	}
	db, err := sql.Open("sqlite", dsnFor(path))
	if err != nil {
		return nil, err
	}
	if path == ":memory:" {
		// Every connection to :memory: is a separate database: keep one.
		db.SetMaxOpenConns(1)
	}
	return db, nil
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
		return fmt.Errorf("close store %s: %w", s.Path(), err)
	}
	return nil
}

// Path reports where the store was opened from: the SQLite file, or the
// PostgreSQL URL without its password.
func (s *Store) Path() string { return Redact(s.path) }

// Dialect names the database behind the store: "sqlite" or "postgres".
func (s *Store) Dialect() string { return s.dialect.name }

// Ping checks that the database answers a query; readiness probes use it.
func (s *Store) Ping(ctx context.Context) error {
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM articles`).Scan(&n); err != nil {
		return fmt.Errorf("ping store: %w", err)
	}
	return nil
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
