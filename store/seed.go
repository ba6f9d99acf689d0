package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"time"
)

// Documents reads every *.txt file in the root of fsys as a document, with
// metadata from a sources.yaml beside them; any malformed file is an error.
// It is for a corpus that must load whole, like the built-in seeds.
func Documents(fsys fs.FS) ([]Document, error) {
	metas := map[string]Meta{}
	if data, err := fs.ReadFile(fsys, SourcesFile); err == nil {
		if metas, err = ParseSources(data); err != nil {
			return nil, err
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("read %s: %w", SourcesFile, err)
	}
	names, err := fs.Glob(fsys, "*.txt")
	if err != nil {
		return nil, fmt.Errorf("list articles: %w", err)
	}
	slices.Sort(names)
	out := make([]Document, 0, len(names))
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", name, err)
		}
		d, err := ParseFile(name, data, metas[strings.TrimSuffix(path.Base(name), path.Ext(name))])
		if err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, nil
}

// Seed ingests docs, with their facts, into the store in one transaction
// if the store holds no article yet, and reports whether it did. A process
// killed part-way leaves the store empty, never half-filled, and two
// processes seeding at once fill it once.
func (s *Store) Seed(ctx context.Context, docs []Document, now time.Time) (bool, error) {
	seeded := false
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM articles`).Scan(&n); err != nil {
			return fmt.Errorf("count articles: %w", err)
		}
		if n > 0 {
			return nil
		}
		for _, d := range docs {
			if _, err := s.ingestTx(ctx, tx, d, now); err != nil {
				return fmt.Errorf("%s: %w", d.ID, err)
			}
		}
		seeded = true
		return nil
	})
	if err != nil {
		return false, fmt.Errorf("seed store: %w", err)
	}
	return seeded, nil
}
