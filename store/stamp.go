package store

import (
	"context"
	"fmt"
)

// Stamp reports a number that changes whenever any process adds, replaces
// or removes an article, so a long-running reader (the bot) notices new
// articles without a restart. It is one indexed query, cheap enough to
// run before every answer, and fails when the store does, so a reader
// that checks it never answers from a store that has gone away.
func (s *Store) Stamp(ctx context.Context) (int64, error) {
	var n, max int64
	var last string
	err := s.db.QueryRowContext(ctx, `SELECT count(*), coalesce(max(rowid), 0), coalesce(max(ingested_at), '') FROM articles`).Scan(&n, &max, &last)
	if err != nil {
		return 0, fmt.Errorf("read store stamp: %w", err)
	}
	h := n*1_000_003 + max
	for _, c := range last {
		h = h*31 + int64(c)
	}
	return h, nil
}
