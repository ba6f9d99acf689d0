package store

import (
	"context"
	"fmt"
)

// Stamp reports a number that grows whenever any process adds, replaces,
// re-analyses or removes an article (the highest revision of
// article_changes), so a long-running reader (the bot) notices new articles
// without a restart and asks Changes which. It is one indexed query, cheap
// enough to run before every answer, and fails when the store does, so a
// reader that checks it never answers from a store that has gone away.
func (s *Store) Stamp(ctx context.Context) (int64, error) {
	var v int64
	if err := s.db.QueryRowContext(ctx, `SELECT coalesce(max(revision), 0) FROM article_changes`).Scan(&v); err != nil {
		return 0, fmt.Errorf("read store stamp: %w", err)
	}
	return v, nil
}
