package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/parley-bot/parley/answers"
	"github.com/parley-bot/parley/store"
)

// factsTimeout bounds building facts for what an interrupted ingest
// stored before it stopped.
const factsTimeout = time.Minute

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
		failed, done := 0, 0
		var changed []string
		batch := m.Store.NewBatch(m.Now())
		// Each file's line is printed as soon as it is stored or skipped.
		batch.Progress = func(r store.FileResult) {
			done++
			if r.Err != nil {
				failed++
				fmt.Fprintf(env.Stderr, "skipped %s: %s\n", r.Name, oneLine(reason(r.Name, r.Err)))
				return
			}
			counts[r.Result]++
			if r.Result != store.Unchanged {
				changed = append(changed, r.ID)
			}
			fmt.Fprintf(env.Stdout, "%-9s %s\n", r.Result, r.ID)
		}
		for _, p := range fs.Args() {
			if ctx.Err() != nil {
				break
			}
			if err := ingestPath(ctx, batch, p); err != nil && ctx.Err() == nil {
				failed++
				fmt.Fprintf(env.Stderr, "skipped %s: %s\n", p, oneLine(err.Error()))
			}
		}
		// Facts for the new and changed articles, so a running bot answers
		// from them as soon as it notices the new store version; also for
		// what an interrupted run stored before it stopped.
		if len(changed) > 0 {
			fctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), factsTimeout)
			defer cancel()
			if err := answers.BuildFacts(fctx, m.Store, changed...); err != nil {
				return err
			}
		}
		fmt.Fprintf(env.Stdout, "%d added, %d updated, %d unchanged, %d skipped\n", counts[store.Added], counts[store.Updated], counts[store.Unchanged], failed)
		if ctx.Err() != nil {
			return fmt.Errorf("interrupted after %d files; each file is stored whole or not at all: run the same command again to finish", done)
		}
		if failed > 0 {
			return fmt.Errorf("%d of the given files could not be ingested (see above)", failed)
		}
		return nil
	})
}

// ingestPath ingests one file or every article file of one folder into
// batch. Files are read through store.Folder, so nothing outside the folder
// given (or, for a file, its folder) is read and nothing blocks.
func ingestPath(ctx context.Context, batch *store.Batch, p string) error {
	fi, err := os.Stat(p)
	if err != nil {
		return fmt.Errorf("cannot read: %w", errors.Unwrap(err))
	}
	if fi.IsDir() {
		folder, err := store.OpenFolder(p)
		if err != nil {
			return err
		}
		defer folder.Close()
		_, err = batch.Folder(ctx, folder, p)
		return err
	}
	dir, name := filepath.Split(p)
	open := dir
	if open == "" {
		open = "."
	}
	folder, err := store.OpenFolder(open)
	if err != nil {
		return err
	}
	defer folder.Close()
	if dir != "" {
		dir = filepath.Clean(dir)
	}
	_, err = batch.Files(ctx, folder, dir, []string{name})
	return err
}

// reason is why a file was skipped, without its name said twice.
func reason(name string, err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return strings.TrimPrefix(err.Error(), filepath.Base(name)+": ")
}
