package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// PostState is where a claimed post stands.
type PostState string

// The states of a post in the post log.
const (
	PostClaimed PostState = "claimed" // claimed; sending may be in progress or may have crashed
	PostSent    PostState = "sent"    // delivered
)

// ClaimPost claims the post for channel on day (YYYY-MM-DD). It returns
// true when this caller won the claim and must send; false when the post
// was already claimed or sent by anyone, including another process. The
// claim is a single INSERT, so concurrent callers cannot both win.
func (s *Store) ClaimPost(ctx context.Context, channel, day string, now time.Time) (bool, error) {
	res, err := s.db.ExecContext(ctx, `INSERT INTO post_log (channel, day, state, claimed_at) VALUES (?, ?, ?, ?)
		ON CONFLICT (channel, day) DO NOTHING`, channel, day, PostClaimed, now.UTC().Format(time.RFC3339Nano))
	if err != nil {
		return false, fmt.Errorf("claim post %s/%s: %w", channel, day, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, fmt.Errorf("claim post %s/%s: %w", channel, day, err)
	}
	return n == 1, nil
}

// MarkPosted records that the claimed post for channel on day was sent.
func (s *Store) MarkPosted(ctx context.Context, channel, day, messageID string, now time.Time) error {
	_, err := s.db.ExecContext(ctx, `UPDATE post_log SET state = ?, posted_at = ?, message_id = ? WHERE channel = ? AND day = ?`,
		PostSent, now.UTC().Format(time.RFC3339Nano), messageID, channel, day)
	if err != nil {
		return fmt.Errorf("mark post %s/%s sent: %w", channel, day, err)
	}
	return nil
}

// ReleasePost drops a claim whose send failed for good, so a later run may
// try again.
func (s *Store) ReleasePost(ctx context.Context, channel, day string) error {
	_, err := s.db.ExecContext(ctx, `DELETE FROM post_log WHERE channel = ? AND day = ? AND state = ?`, channel, day, PostClaimed)
	if err != nil {
		return fmt.Errorf("release post %s/%s: %w", channel, day, err)
	}
	return nil
}

// Post is one row of the post log.
type Post struct {
	Channel   string
	Day       string
	State     PostState
	ClaimedAt time.Time
	PostedAt  time.Time
	MessageID string
}

// PostFor returns the post-log row for channel and day, or an error
// wrapping ErrNotFound.
func (s *Store) PostFor(ctx context.Context, channel, day string) (Post, error) {
	var p Post
	var claimed, posted string
	err := s.db.QueryRowContext(ctx, `SELECT channel, day, state, claimed_at, posted_at, message_id FROM post_log WHERE channel = ? AND day = ?`,
		channel, day).Scan(&p.Channel, &p.Day, &p.State, &claimed, &posted, &p.MessageID)
	if errors.Is(err, sql.ErrNoRows) {
		return Post{}, fmt.Errorf("post %s/%s: %w", channel, day, ErrNotFound)
	}
	if err != nil {
		return Post{}, fmt.Errorf("post %s/%s: %w", channel, day, err)
	}
	p.ClaimedAt, _ = time.Parse(time.RFC3339Nano, claimed)
	p.PostedAt, _ = time.Parse(time.RFC3339Nano, posted)
	return p, nil
}
