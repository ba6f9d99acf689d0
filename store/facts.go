package store

import (
	"context"
	"fmt"
)

// Fact is something a rule read off one sentence: who holds which role,
// who met whom, who said what, a count. It always keeps the sentence it
// came from, so an answer built on it can quote its source.
type Fact struct {
	ID         int64
	SentenceID int64
	Kind       string // e.g. "role", "met", "said", "count", "date"
	Subject    string
	Predicate  string
	Object     string
	Value      string
	Extractor  string // which rule produced it, for explanations
}

// Facts returns every fact of the given kind (all kinds when kind is
// empty), in sentence order.
func (s *Store) Facts(ctx context.Context, kind string) ([]Fact, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, sentence_id, kind, subject, predicate, object, value, extractor
		FROM facts WHERE ? = '' OR kind = ? ORDER BY sentence_id, id`, kind, kind)
	if err != nil {
		return nil, fmt.Errorf("list facts: %w", err)
	}
	defer rows.Close()
	var out []Fact
	for rows.Next() {
		var f Fact
		if err := rows.Scan(&f.ID, &f.SentenceID, &f.Kind, &f.Subject, &f.Predicate, &f.Object, &f.Value, &f.Extractor); err != nil {
			return nil, fmt.Errorf("list facts: %w", err)
		}
		out = append(out, f)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list facts: %w", err)
	}
	return out, nil
}

// Entity is a named thing with the other names it goes by.
type Entity struct {
	Name    string
	Kind    string
	Aliases []string
}

// ReplaceEntities swaps the whole entity table for entities, in one
// transaction; the engine loads them from its rules data.
func (s *Store) ReplaceEntities(ctx context.Context, entities []Entity) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("replace entities: begin: %w", err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `DELETE FROM entities`); err != nil {
		return fmt.Errorf("replace entities: %w", err)
	}
	for _, e := range entities {
		var id int64
		if err := tx.QueryRowContext(ctx, `INSERT INTO entities (name, kind) VALUES (?, ?) RETURNING id`, e.Name, e.Kind).Scan(&id); err != nil {
			return fmt.Errorf("replace entities: insert %s: %w", e.Name, err)
		}
		for _, a := range e.Aliases {
			if _, err := tx.ExecContext(ctx, `INSERT INTO aliases (alias, entity_id) VALUES (?, ?) ON CONFLICT DO NOTHING`, a, id); err != nil {
				return fmt.Errorf("replace entities: alias %s: %w", a, err)
			}
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("replace entities: commit: %w", err)
	}
	return nil
}
