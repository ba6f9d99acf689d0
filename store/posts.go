package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// LastPosted returns the most recent post-log row marked sent for a day
// before before (YYYY-MM-DD), on any channel, or an error wrapping
// ErrNotFound when no summary was ever sent before that day. The daily
// summary uses it to tell which articles are new since the last summary.
func (s *Store) LastPosted(ctx context.Context, before string) (Post, error) {
	var p Post
	var claimed, posted string
	err := s.db.QueryRowContext(ctx, `SELECT channel, day, state, claimed_at, posted_at, message_id FROM post_log
		WHERE state = ? AND day < ? ORDER BY day DESC, posted_at DESC LIMIT 1`, PostSent, before).
		Scan(&p.Channel, &p.Day, &p.State, &claimed, &posted, &p.MessageID)
	if errors.Is(err, sql.ErrNoRows) {
		return Post{}, fmt.Errorf("last post before %s: %w", before, ErrNotFound)
	}
	if err != nil {
		return Post{}, fmt.Errorf("last post before %s: %w", before, err)
	}
	p.ClaimedAt, _ = time.Parse(time.RFC3339Nano, claimed)
	p.PostedAt, _ = time.Parse(time.RFC3339Nano, posted)
	return p, nil
}
