package store

import (
	"context"
	"fmt"
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
	rows, err := s.db.QueryContext(ctx, `
		SELECT s.id, s.article_id, s.paragraph, s.position, s.heading, s.text, -bm25(sentences_fts),
		       a.id, a.title, a.outlet, a.byline, a.published, a.url, a.hash, a.ingested_at, 0
		FROM sentences_fts
		JOIN sentences s ON s.id = sentences_fts.rowid
		JOIN articles a ON a.id = s.article_id
		WHERE sentences_fts MATCH ?
		ORDER BY bm25(sentences_fts)
		LIMIT ?`, q, limit)
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
