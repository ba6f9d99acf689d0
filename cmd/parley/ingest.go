package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
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
		// Text files of every folder and file given go through one batch,
		// so two files of the run cannot claim one id; each file's line
		// is printed as soon as it is stored or skipped. HTML saved as
		// .txt is found out and its article text extracted, never stored
		// raw.
		batch := m.Store.NewBatch(m.Now())
		batch.Progress = func(r store.FileResult) {
			if errors.Is(r.Err, store.ErrHTML) {
				t.web(webIngester().File(ctx, r.Name))
				return
			}
			t.file(r)
		}
		for _, src := range fs.Args() {
			if ctx.Err() != nil {
				break
			}
			switch {
			case *asFeed:
				ingestFeed(ctx, webIngester(), src, t)
			case isURL(src):
				t.web(webIngester().Page(ctx, src))
			case isHTML(src):
				t.web(webIngester().File(ctx, src))
			default:
				ingestPath(ctx, batch, src, t, webIngester)
			}
		}
		fmt.Fprintf(env.Stdout, "%d added, %d updated, %d unchanged, %d skipped\n", t.counts[store.Added], t.counts[store.Updated], t.counts[store.Unchanged], t.failed)
		if ctx.Err() != nil {
			return fmt.Errorf("interrupted after %d files; each is stored whole or not at all: run the same command again to finish", t.done)
		}
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
	done      int
}

// file reports a text article's result.
func (t *tally) file(r store.FileResult) {
	t.done++
	if r.Err != nil {
		t.fail(r.Name, reason(r.Name, r.Err))
		return
	}
	t.counts[r.Result]++
	fmt.Fprintf(t.out, "%-9s %s\n", r.Result, r.ID)
}

// web reports a web article's result, with where it came from.
func (t *tally) web(r web.Result) {
	t.done++
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

// reason is why a file was skipped, without its name said twice.
func reason(name string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	if msg, ok := strings.CutPrefix(err.Error(), filepath.Base(name)+": "); ok {
		return errors.New(msg)
	}
	return err
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
// of one folder. Text files are read through store.Folder, so nothing
// outside the folder given (or, for a file, its folder) is read and
// nothing blocks; saved pages are regular files only, symlinks not
// followed. Results go to t; a context done stops it between files.
func ingestPath(ctx context.Context, batch *store.Batch, p string, t *tally, webIngester func() *web.Ingester) {
	fi, err := os.Stat(p)
	if err != nil {
		t.fail(p, fmt.Errorf("cannot read: %w", errors.Unwrap(err)))
		return
	}
	if !fi.IsDir() {
		dir, name := filepath.Split(p)
		open := dir
		if open == "" {
			open = "."
		}
		if dir != "" {
			dir = filepath.Clean(dir)
		}
		if err := inFolder(open, func(f *store.Folder) error {
			_, err := batch.Files(ctx, f, dir, []string{name})
			return err
		}); err != nil && ctx.Err() == nil {
			t.fail(p, err)
		}
		return
	}
	if err := inFolder(p, func(f *store.Folder) error {
		_, err := batch.Folder(ctx, f, p)
		return err
	}); err != nil {
		if ctx.Err() == nil {
			t.fail(p, err)
		}
		return
	}
	pages, err := htmlFiles(p)
	if err != nil {
		t.fail(p, err)
	}
	for _, f := range pages {
		if ctx.Err() != nil {
			return
		}
		t.web(webIngester().File(ctx, f))
	}
}

// inFolder opens the folder at path for f, and closes it after.
func inFolder(path string, f func(*store.Folder) error) error {
	folder, err := store.OpenFolder(path)
	if err != nil {
		return err
	}
	defer folder.Close()
	return f(folder)
}

// htmlFiles lists a folder's saved pages (*.html, *.htm), in name order:
// regular files only, so no symlink is followed out of the folder.
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

// isURL reports whether s is a URL to fetch: http(s), or any other
// scheme:// that is not a file here, so the fetcher says which schemes it
// fetches rather than ingest looking for a file named "ftp:".
func isURL(s string) bool {
	if strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://") {
		return true
	}
	if !urlScheme.MatchString(s) {
		return false
	}
	_, err := os.Lstat(s)
	return err != nil
}

// urlScheme matches the start of a URL ("ftp://").
var urlScheme = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9+.-]*://`)

func isHTML(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	return ext == ".html" || ext == ".htm"
}
