package store

import (
	"context"
	"database/sql"
	"fmt"
)

// On PostgreSQL every statement is a round trip to the server, where
// SQLite's is a function call: an article's sentences and facts are
// written with one statement each rather than one per row.

// sentenceRow is a sentence to insert.
type sentenceRow struct {
	paragraph, position int
	heading             bool
	text                string
}

// insertSentencesPG inserts an article's sentences in position order, so
// their ids ascend with position as SQLite's rowids do.
func insertSentencesPG(ctx context.Context, tx *sql.Tx, id string, rows []sentenceRow) error {
	paras, pos, heads, texts := make([]int64, len(rows)), make([]int64, len(rows)), make([]bool, len(rows)), make([]string, len(rows))
	for i, r := range rows {
		paras[i], pos[i], heads[i], texts[i] = int64(r.paragraph), int64(r.position), r.heading, pgText(r.text)
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO sentences (article_id, paragraph, position, heading, text)
		SELECT ?, u.p, u.pos, u.h, u.t FROM unnest(?::bigint[], ?::bigint[], ?::boolean[], ?::text[]) WITH ORDINALITY AS u(p, pos, h, t, n)
		ORDER BY u.n`, id, paras, pos, heads, texts)
	if err != nil {
		return fmt.Errorf("insert sentences: %w", err)
	}
	return nil
}

// insertFactsPG is insertFacts in one statement.
func insertFactsPG(ctx context.Context, tx *sql.Tx, facts []Fact) error {
	n := len(facts)
	ids := make([]int64, n)
	cols := make([][]string, 6)
	for i := range cols {
		cols[i] = make([]string, n)
	}
	for i, f := range facts {
		ids[i] = f.SentenceID
		for j, v := range []string{f.Kind, f.Subject, f.Predicate, f.Object, f.Value, f.Extractor} {
			cols[j][i] = pgText(v)
		}
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO facts (sentence_id, kind, subject, predicate, object, value, extractor)
		SELECT u.s, u.k, u.sub, u.p, u.o, u.v, u.e
		FROM unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) WITH ORDINALITY AS u(s, k, sub, p, o, v, e, n)
		ORDER BY u.n`, ids, cols[0], cols[1], cols[2], cols[3], cols[4], cols[5])
	if err != nil {
		return fmt.Errorf("insert facts: %w", err)
	}
	return nil
}
