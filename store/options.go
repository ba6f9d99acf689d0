package store

import "time"

// options are the connection settings of a PostgreSQL store; a SQLite
// store ignores them.
type options struct {
	pool             int
	statementTimeout time.Duration
	connectTimeout   time.Duration
}

// WithPool bounds the connections a PostgreSQL store keeps open (10 when
// not set).
func WithPool(n int) Option { return func(s *Store) { s.opts.pool = n } }

// WithStatementTimeout makes PostgreSQL cancel any statement of the store's
// that runs longer than d.
func WithStatementTimeout(d time.Duration) Option {
	return func(s *Store) { s.opts.statementTimeout = d }
}

// WithConnectTimeout bounds how long opening a connection to PostgreSQL
// may take, so an unreachable server fails fast.
func WithConnectTimeout(d time.Duration) Option {
	return func(s *Store) { s.opts.connectTimeout = d }
}
