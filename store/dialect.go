package store

import (
	"net/url"
	"strconv"
	"strings"
)

// dialect is what differs between the two databases the store speaks to:
// SQLite (a file, the default) and PostgreSQL (a URL, for replicas that
// share one database). Every statement in the store is written once with
// ? placeholders; for PostgreSQL the driver rebinds them to $1, $2… (see
// rebind). The few statements that cannot be written once live here.
type dialect struct {
	name string // "sqlite" or "postgres"
	// migrations is the folder of numbered migrations for this database.
	migrations string
}

var (
	sqliteDialect   = dialect{name: "sqlite", migrations: "migrations"}
	postgresDialect = dialect{name: "postgres", migrations: "migrations_pg"}
)

func (d dialect) postgres() bool { return d.name == postgresDialect.name }

// IsURL reports whether a store location names a PostgreSQL database
// (postgres:// or postgresql://) rather than a SQLite file.
func IsURL(location string) bool {
	return strings.HasPrefix(location, "postgres://") || strings.HasPrefix(location, "postgresql://")
}

// Redact returns a store location fit for a log line or an error: a URL
// without its password, a path as it is.
func Redact(location string) string {
	if !IsURL(location) {
		return location
	}
	u, err := url.Parse(location)
	if err != nil {
		// Say where without echoing what may hold a password.
		scheme, _, _ := strings.Cut(location, "://")
		return scheme + "://…"
	}
	if _, ok := u.User.Password(); ok {
		u.User = url.UserPassword(u.User.Username(), "xxxxx")
	}
	if q := u.Query(); q.Has("password") {
		q.Set("password", "xxxxx")
		u.RawQuery = q.Encode()
	}
	return u.String()
}

// rebind rewrites the ? placeholders of a statement as $1, $2… for
// PostgreSQL, leaving alone any ? inside a quoted string, a quoted
// identifier or a comment.
func rebind(q string) string {
	if !strings.Contains(q, "?") {
		return q
	}
	var b strings.Builder
	b.Grow(len(q) + 16)
	n := 0
	for i := 0; i < len(q); i++ {
		c := q[i]
		switch {
		case c == '\'' || c == '"':
			j := strings.IndexByte(q[i+1:], c)
			if j < 0 {
				b.WriteString(q[i:])
				return b.String()
			}
			b.WriteString(q[i : i+j+2])
			i += j + 1
		case c == '-' && i+1 < len(q) && q[i+1] == '-':
			j := strings.IndexByte(q[i:], '\n')
			if j < 0 {
				b.WriteString(q[i:])
				return b.String()
			}
			b.WriteString(q[i : i+j+1])
			i += j
		case c == '?':
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// The stored index's queries: SQLite reads FTS5's vocabulary tables,
// PostgreSQL counts rows of its posting tables (index_pg.go). %s is a list
// of placeholders.
func (d dialect) termCounts() string {
	if d.postgres() {
		return `SELECT term, count(*) FROM sentence_terms WHERE term IN %s GROUP BY term`
	}
	return `SELECT term, doc FROM sentence_terms_vocab WHERE term IN %s`
}

func (d dialect) wordCounts() string {
	if d.postgres() {
		return `SELECT word, sum(n) FROM sentence_words WHERE word IN %s GROUP BY word`
	}
	return `SELECT term, cnt FROM sentence_words_vocab WHERE term IN %s`
}

func (d dialect) termsInRange() string {
	if d.postgres() {
		return `SELECT term, count(*) FROM sentence_terms WHERE term >= ? AND term < ? GROUP BY term`
	}
	return `SELECT term, doc FROM sentence_terms_vocab WHERE term >= ? AND term < ?`
}

func (d dialect) postings(in string) string {
	if d.postgres() {
		return `SELECT term, sentence_id FROM sentence_terms WHERE term IN ` + in + ` ORDER BY term, sentence_id`
	}
	return `SELECT term, doc FROM sentence_terms_postings WHERE term IN ` + in
}

func (d dialect) unindex() []string {
	col := "rowid"
	if d.postgres() {
		col = "sentence_id"
	}
	return []string{
		`DELETE FROM sentence_terms WHERE ` + col + ` IN (SELECT id FROM sentences WHERE article_id = ?)`,
		`DELETE FROM sentence_words WHERE ` + col + ` IN (SELECT id FROM sentences WHERE article_id = ?)`,
		`DELETE FROM article_index WHERE article_id = ?`,
	}
}

// serializeArticles is the statement that makes a transaction writing
// articles wait for any other; SQLite needs none (BEGIN IMMEDIATE).
func (d dialect) serializeArticles() string {
	if d.postgres() {
		return `SELECT pg_advisory_xact_lock(hashtext('parley articles ' || current_schema()))`
	}
	return ""
}
