package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/parley-bot/parley/store"
	"github.com/parley-bot/parley/store/web"
)

func runIngest(ctx context.Context, g *Globals, args []string, env Env) error {
	fs := flags("ingest")
	asFeed := fs.Bool("feed", false, "each URL or FILE is an RSS, Atom or JSON feed: ingest its items' articles")
	allowPrivate := fs.Bool("allow-private", false, "let redirects and feed links reach loopback, private and link-local addresses (ingest.allow_private)")
	if err := parseFlags(fs, args, env); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		if *asFeed {
			return usageError("ingest --feed needs at least one feed URL or file")
		}
		return usageError("ingest needs at least one file or folder, or a URL")
	}
	return withMain(ctx, g, env, func(m *Main) error {
		t := &tally{out: env.Stdout, errs: env.Stderr}
		var in *web.Ingester
		webIngester := func() *web.Ingester {
			if in == nil {
				in = m.webIngester(*allowPrivate)
			}
			return in
		}
		for _, src := range fs.Args() {
			if err := ctx.Err(); err != nil {
				return err
			}
			switch {
			case *asFeed:
				ingestFeed(ctx, webIngester(), src, t)
			case isURL(src):
				t.web(webIngester().Page(ctx, src))
			case isHTML(src):
				t.web(webIngester().File(ctx, src))
			default:
				if err := ingestPath(ctx, m, src, t, webIngester); err != nil {
					return err
				}
			}
		}
		fmt.Fprintf(env.Stdout, "%d added, %d updated, %d unchanged, %d skipped\n", t.counts[store.Added], t.counts[store.Updated], t.counts[store.Unchanged], t.failed)
		if t.failed > 0 {
			return fmt.Errorf("%d of the given sources could not be ingested (see above)", t.failed)
		}
		return nil
	})
}

// tally prints each result as it comes (progress on long runs) and counts them.
type tally struct {
	out, errs io.Writer
	counts    [3]int
	failed    int
}

// file reports a text article's result.
func (t *tally) file(r store.FileResult) {
	if r.Err != nil {
		t.fail(r.Name, r.Err)
		return
	}
	t.counts[r.Result]++
	fmt.Fprintf(t.out, "%-9s %s\n", r.Result, r.ID)
}

// web reports a web article's result, with where it came from.
func (t *tally) web(r web.Result) {
	switch {
	case r.Err != nil:
		t.fail(r.Source, r.Err)
	case r.Skipped:
	default:
		t.counts[r.Result]++
		fmt.Fprintf(t.out, "%-9s %s %s\n", r.Result, r.ID, r.Source)
	}
}

// fail prints one line naming the source and why it was skipped.
func (t *tally) fail(src string, err error) {
	t.failed++
	fmt.Fprintf(t.errs, "skipped %s: %s\n", src, oneLine(err.Error()))
}

// ingestFeed ingests one feed's items, reporting each as it goes and the
// feed's totals at the end.
func ingestFeed(ctx context.Context, in *web.Ingester, src string, t *tally) {
	rep, err := in.Feed(ctx, src, web.FeedOptions{OnItem: t.web})
	if err != nil {
		t.fail(src, err)
		return
	}
	if rep.NotModified {
		fmt.Fprintf(t.out, "feed %s: not modified since the last read\n", src)
		return
	}
	fetched, added, updated, unchanged, skipped, failed := rep.Count()
	fmt.Fprintf(t.out, "feed %s: %d items, %d pages fetched, %d added, %d updated, %d unchanged, %d skipped, %d failed\n",
		src, len(rep.Items), fetched, added, updated, unchanged, skipped, failed)
}

// ingestPath ingests one text file, or every *.txt and saved *.html page
// of one folder. Only a failure to go on at all (the context) is returned.
func ingestPath(ctx context.Context, m *Main, p string, t *tally, webIngester func() *web.Ingester) error {
	fi, err := os.Stat(p)
	if err != nil {
		t.fail(p, fmt.Errorf("cannot read: %w", errors.Unwrap(err)))
		return nil
	}
	var results []store.FileResult
	if fi.IsDir() {
		results, err = m.Store.IngestFS(ctx, os.DirFS(p), m.Now())
	} else {
		dir, name := filepath.Split(p)
		if dir == "" {
			dir = "."
		}
		results, err = m.Store.IngestFiles(ctx, os.DirFS(dir), []string{name}, m.Now())
	}
	if err != nil {
		if ctx.Err() != nil {
			return err
		}
		t.fail(p, err)
		return nil
	}
	for _, r := range results {
		if fi.IsDir() {
			r.Name = filepath.Join(p, r.Name)
		} else {
			r.Name = p
		}
		t.file(r)
	}
	if fi.IsDir() {
		pages, err := htmlFiles(p)
		if err != nil {
			t.fail(p, err)
		}
		for _, f := range pages {
			t.web(webIngester().File(ctx, f))
		}
	}
	return nil
}

// htmlFiles lists a folder's saved pages (*.html, *.htm), in name order.
func htmlFiles(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("cannot list: %w", errors.Unwrap(err))
	}
	var out []string
	for _, e := range entries {
		if e.Type().IsRegular() && isHTML(e.Name()) {
			out = append(out, filepath.Join(dir, e.Name()))
		}
	}
	slices.Sort(out)
	return out, nil
}

func isURL(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")
}

func isHTML(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	return ext == ".html" || ext == ".htm"
}
