package store

import (
	"context"
	"fmt"
	"strings"
)

// Hit is a sentence that matched a search, with its BM25 score (higher is
// better) and its article's metadata.
type Hit struct {
	Sentence
	Article Article
	BM25    float64
}

// Search finds up to limit sentences matching any of terms, best first by
// BM25. Each term is passed to FTS5 as a quoted string and bound as a
// parameter, so no user text is ever parsed as FTS5 or SQL syntax; the
// index stems terms itself (Porter). No term, no hits.
func (s *Store) Search(ctx context.Context, terms []string, limit int) ([]Hit, error) {
	q := ftsQuery(terms)
	if q == "" || limit <= 0 {
		return nil, nil
	}
	query, args := `
		SELECT s.id, s.article_id, s.paragraph, s.position, s.heading, s.text, -bm25(sentences_fts),
		       a.id, a.title, a.outlet, a.byline, a.published, a.url, a.hash, a.ingested_at, 0
		FROM sentences_fts
		JOIN sentences s ON s.id = sentences_fts.rowid
		JOIN articles a ON a.id = s.article_id
		WHERE sentences_fts MATCH ?
		ORDER BY bm25(sentences_fts)
		LIMIT ?`, []any{q, limit}
	if s.dialect.postgres() {
		query, args = searchPG(terms, limit)
	}
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	defer rows.Close()
	var out []Hit
	for rows.Next() {
		var h Hit
		var at string
		if err := rows.Scan(&h.ID, &h.ArticleID, &h.Paragraph, &h.Position, &h.Heading, &h.Text, &h.BM25,
			&h.Article.ID, &h.Article.Title, &h.Article.Outlet, &h.Article.Byline, &h.Article.Published,
			&h.Article.URL, &h.Article.Hash, &at, &h.Article.Sentences); err != nil {
			return nil, fmt.Errorf("search: %w", err)
		}
		out = append(out, h)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	return out, nil
}

// searchPG is Search on PostgreSQL: English stemming and ts_rank stand in
// for FTS5's Porter stemmer and BM25, so the order of hits is close to
// SQLite's but not the same. Only the SQuAD baseline reads Search.
func searchPG(terms []string, limit int) (string, []any) {
	var parts []string
	var args []any
	for _, t := range terms {
		if t = strings.TrimSpace(strings.ToValidUTF8(strings.ReplaceAll(t, "\x00", " "), " ")); t != "" {
			parts = append(parts, `plainto_tsquery('english', ?)`)
			args = append(args, t)
		}
	}
	q := "(" + strings.Join(parts, " || ") + ")"
	return `
		SELECT s.id, s.article_id, s.paragraph, s.position, s.heading, s.text, ts_rank(to_tsvector('english', s.text), q.q),
		       a.id, a.title, a.outlet, a.byline, a.published, a.url, a.hash, a.ingested_at, 0
		FROM sentences s
		JOIN articles a ON a.id = s.article_id
		CROSS JOIN (SELECT ` + q + ` AS q) q
		WHERE to_tsvector('english', s.text) @@ q.q
		ORDER BY 7 DESC, s.id
		LIMIT ?`, append(args, limit)
}
