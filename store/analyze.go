package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// Analyzer reads facts off an article's sentences at ingest: the people,
// places, dates and numbers they name, who said what. The store declares
// it and calls it inside the transaction that writes the article, so an
// article is never stored without its facts; the answer engine implements
// it.
type Analyzer interface {
	// Version names the analyzer and the data it works from; an article
	// whose facts another version made is analysed again.
	Version() string
	// Analyze returns the facts of one article's sentences, given in
	// position order with their ids. It must not fail: a sentence it
	// cannot read yields no facts.
	Analyze(sents []Sentence) []Fact
}

// Option configures a Store.
type Option func(*Store)

// WithAnalyzer makes every ingest write the article's facts with a, in the
// same transaction, and makes Heal re-analyse articles a did not analyse.
func WithAnalyzer(a Analyzer) Option { return func(s *Store) { s.analyzer = a } }

// analyzeTx replaces the facts of article id with what the analyzer reads
// off its sentences, and its index when the analyzer is an Indexer, and
// records the analyzer's version and the change, inside tx.
func (s *Store) analyzeTx(ctx context.Context, tx *sql.Tx, id string) error {
	if s.analyzer == nil {
		return nil
	}
	sents, err := sentencesTx(ctx, tx, id)
	if err != nil {
		return err
	}
	if err := unindexTx(ctx, tx, s.dialect, id); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM facts WHERE sentence_id IN (SELECT id FROM sentences WHERE article_id = ?)`, id); err != nil {
		return fmt.Errorf("analyze %s: clear facts: %w", id, err)
	}
	facts := s.analyzer.Analyze(sents)
	insert := insertFacts
	if s.dialect.postgres() {
		insert = insertFactsPG
	}
	if err := insert(ctx, tx, facts); err != nil {
		return fmt.Errorf("analyze %s: %w", id, err)
	}
	if ixr, ok := s.analyzer.(Indexer); ok {
		if err := indexTx(ctx, tx, s.dialect, id, sents, ixr.Index(sents, facts)); err != nil {
			return err
		}
	}
	if _, err := tx.ExecContext(ctx, `UPDATE articles SET analyzed = ? WHERE id = ?`, s.analyzer.Version(), id); err != nil {
		return fmt.Errorf("analyze %s: %w", id, err)
	}
	return touchTx(ctx, tx, id)
}

// Heal re-analyses every article whose facts the store's analyzer did not
// make (an older version, another domain pack, or none at all), one
// transaction per article, and reports how many it analysed. Without an
// analyzer it does nothing.
func (s *Store) Heal(ctx context.Context) (int, error) {
	if s.analyzer == nil {
		return 0, nil
	}
	// Two ranges of the articles_analyzed index: a start reads no article.
	rows, err := s.db.QueryContext(ctx, `SELECT id FROM articles WHERE analyzed < ? OR analyzed > ? ORDER BY id`, s.analyzer.Version(), s.analyzer.Version())
	if err != nil {
		return 0, fmt.Errorf("heal facts: %w", err)
	}
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return 0, fmt.Errorf("heal facts: %w", err)
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, fmt.Errorf("heal facts: %w", err)
	}
	healed := 0
	for _, id := range ids {
		did := false
		err := s.inTx(ctx, func(tx *sql.Tx) error {
			// Another process (a replica starting with the same
			// version) may have analysed it since it was listed.
			var v string
			if err := tx.QueryRowContext(ctx, `SELECT analyzed FROM articles WHERE id = ?`, id).Scan(&v); err != nil || v == s.analyzer.Version() {
				if errors.Is(err, sql.ErrNoRows) {
					err = nil
				}
				return err
			}
			did = true
			return s.analyzeTx(ctx, tx, id)
		})
		if err != nil {
			return healed, fmt.Errorf("heal facts: %w", err)
		}
		if did {
			healed++
		}
	}
	return healed, nil
}

// inTx runs f, a write to the articles, in a transaction, committing when
// it returns nil. Such writes are serialized: SQLite's write lock does it,
// on PostgreSQL an advisory lock held to the end of the transaction, so
// revisions are handed out in commit order and a reader of Changes never
// skips one that commits late.
func (s *Store) inTx(ctx context.Context, f func(*sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	if q := s.dialect.serializeArticles(); q != "" {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("lock articles: %w", err)
		}
	}
	if err := f(tx); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

func sentencesTx(ctx context.Context, tx *sql.Tx, id string) ([]Sentence, error) {
	rows, err := tx.QueryContext(ctx, `SELECT id, article_id, paragraph, position, heading, text FROM sentences WHERE article_id = ? ORDER BY position`, id)
	if err != nil {
		return nil, fmt.Errorf("sentences of %s: %w", id, err)
	}
	defer rows.Close()
	var out []Sentence
	for rows.Next() {
		var st Sentence
		if err := rows.Scan(&st.ID, &st.ArticleID, &st.Paragraph, &st.Position, &st.Heading, &st.Text); err != nil {
			return nil, fmt.Errorf("sentences of %s: %w", id, err)
		}
		out = append(out, st)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sentences of %s: %w", id, err)
	}
	return out, nil
}

func insertFacts(ctx context.Context, tx *sql.Tx, facts []Fact) error {
	if len(facts) == 0 {
		return nil
	}
	ins, err := tx.PrepareContext(ctx, `INSERT INTO facts (sentence_id, kind, subject, predicate, object, value, extractor) VALUES (?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return fmt.Errorf("prepare facts: %w", err)
	}
	defer ins.Close()
	for _, f := range facts {
		if _, err := ins.ExecContext(ctx, f.SentenceID, f.Kind, f.Subject, f.Predicate, f.Object, f.Value, f.Extractor); err != nil {
			return fmt.Errorf("insert %s fact of sentence %d: %w", f.Kind, f.SentenceID, err)
		}
	}
	return nil
}
