package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// Fetch is what the last fetch of a web address returned.
type Fetch struct {
	URL          string
	ETag         string
	LastModified string
	ArticleID    string // the article the page gave, if any
	CheckedAt    time.Time
	Failures     int    // fetches in a row that failed
	Error        string // why the last one failed
}

// Fetch returns the last fetch of url, or an error wrapping ErrNotFound.
func (s *Store) Fetch(ctx context.Context, url string) (Fetch, error) {
	f := Fetch{URL: url}
	var at string
	err := s.db.QueryRowContext(ctx, `SELECT etag, last_modified, article_id, checked_at, failures, error FROM fetches WHERE url = ?`, url).
		Scan(&f.ETag, &f.LastModified, &f.ArticleID, &at, &f.Failures, &f.Error)
	if errors.Is(err, sql.ErrNoRows) {
		return Fetch{}, fmt.Errorf("fetch %s: %w", url, ErrNotFound)
	}
	if err != nil {
		return Fetch{}, fmt.Errorf("fetch %s: %w", url, err)
	}
	if f.CheckedAt, err = time.Parse(time.RFC3339Nano, at); err != nil {
		return Fetch{}, fmt.Errorf("fetch %s: bad checked_at %q: %w", url, at, err)
	}
	return f, nil
}

// RecordFetch stores f as the last fetch of f.URL.
func (s *Store) RecordFetch(ctx context.Context, f Fetch) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO fetches (url, etag, last_modified, article_id, checked_at, failures, error)
		VALUES (?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,
			article_id = excluded.article_id, checked_at = excluded.checked_at, failures = excluded.failures, error = excluded.error`,
		f.URL, f.ETag, f.LastModified, f.ArticleID, f.CheckedAt.UTC().Format(time.RFC3339Nano), f.Failures, f.Error)
	if err != nil {
		return fmt.Errorf("record fetch %s: %w", f.URL, err)
	}
	return nil
}

// FeedItem returns the article id a feed's item was stored under, or an
// error wrapping ErrNotFound for an item not seen before.
func (s *Store) FeedItem(ctx context.Context, feed, guid string) (string, error) {
	var id string
	err := s.db.QueryRowContext(ctx, `SELECT article_id FROM feed_items WHERE feed = ? AND guid = ?`, feed, guid).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return "", fmt.Errorf("feed item %s: %w", guid, ErrNotFound)
	}
	if err != nil {
		return "", fmt.Errorf("feed item %s: %w", guid, err)
	}
	return id, nil
}

// RecordFeedItem notes that a feed's item is stored as article id.
func (s *Store) RecordFeedItem(ctx context.Context, feed, guid, id string, now time.Time) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO feed_items (feed, guid, article_id, seen_at) VALUES (?, ?, ?, ?)
		ON CONFLICT (feed, guid) DO UPDATE SET article_id = excluded.article_id, seen_at = excluded.seen_at`,
		feed, guid, id, now.UTC().Format(time.RFC3339Nano))
	if err != nil {
		return fmt.Errorf("record feed item %s: %w", guid, err)
	}
	return nil
}
