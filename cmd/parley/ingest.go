package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/parley-bot/parley/store"
)

func runIngest(ctx context.Context, g *Globals, args []string, env Env) error {
	fs := flags("ingest")
	if err := parseFlags(fs, args, env); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usageError("ingest needs at least one file or folder")
	}
	return withMain(ctx, g, env, func(m *Main) error {
		var counts [3]int
		failed := 0
		report := func(r store.FileResult) {
			if r.Err != nil {
				failed++
				fmt.Fprintf(env.Stderr, "skipped %s: %s\n", r.Name, oneLine(r.Err.Error()))
				return
			}
			counts[r.Result]++
			fmt.Fprintf(env.Stdout, "%-9s %s\n", r.Result, r.ID)
		}
		for _, p := range fs.Args() {
			results, err := ingestPath(ctx, m, p)
			if err != nil {
				failed++
				fmt.Fprintf(env.Stderr, "skipped %s: %s\n", p, oneLine(err.Error()))
				continue
			}
			for _, r := range results {
				if fi, err := os.Stat(p); err == nil && fi.IsDir() {
					r.Name = filepath.Join(p, r.Name)
				} else {
					r.Name = p
				}
				report(r)
			}
		}
		fmt.Fprintf(env.Stdout, "%d added, %d updated, %d unchanged, %d skipped\n", counts[store.Added], counts[store.Updated], counts[store.Unchanged], failed)
		if failed > 0 {
			return fmt.Errorf("%d of the given files could not be ingested (see above)", failed)
		}
		return nil
	})
}

// ingestPath ingests one file or every *.txt file of one folder.
func ingestPath(ctx context.Context, m *Main, p string) ([]store.FileResult, error) {
	fi, err := os.Stat(p)
	if err != nil {
		return nil, fmt.Errorf("cannot read: %w", errors.Unwrap(err))
	}
	if fi.IsDir() {
		return m.Store.IngestFS(ctx, os.DirFS(p), m.Now())
	}
	dir, name := filepath.Split(p)
	if dir == "" {
		dir = "."
	}
	return m.Store.IngestFiles(ctx, os.DirFS(dir), []string{name}, m.Now())
}
