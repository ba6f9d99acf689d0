// Package web ingests articles from the web into the store: pages by URL,
// saved pages, and the items of RSS, Atom and JSON feeds, each with the
// metadata it states. It ties together store/fetch (the safe HTTP client),
// store/page (main text and metadata) and store/feed (feed reading), and
// keeps feeds current for a running bot (Poller).
//
// Identity: an article's id comes from its canonical URL (ID), and a feed
// item keeps the id it was first stored under by its GUID. Fetched again
// with the same content, an article changes nothing; with new content
// (a correction), it is replaced whole. A page or item that fails is
// reported and skipped; the others go on, and the store is never left
// with half an article (store.Ingest is one transaction).
package web

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/parley-bot/parley/store"
	"github.com/parley-bot/parley/store/fetch"
)

// Result is what happened to one page, file or feed item.
type Result struct {
	Source      string // the URL or file given, or the item's link
	ID          string // the article's id, once known
	Title       string
	Result      store.IngestResult
	NotModified bool  // the server answered 304: nothing was fetched
	Skipped     bool  // a feed item left out by the feed's include words
	Err         error // this one failed; the others went on
	fetched     bool  // a page was fetched for it
}

// Options wire an Ingester.
type Options struct {
	Client  *fetch.Client // required
	Logger  *slog.Logger  // nil: discard
	Metrics *Metrics      // nil: not counted
	// Analyze runs after an article is added or updated, with its id: it
	// builds the facts answers use. Nil: nothing runs.
	Analyze func(ctx context.Context, ids ...string) error
	Now     func() time.Time // nil: time.Now
}

// Ingester stores web articles. It is safe for concurrent use.
type Ingester struct {
	st      *store.Store
	client  *fetch.Client
	log     *slog.Logger
	metrics *Metrics
	analyze func(ctx context.Context, ids ...string) error
	now     func() time.Time
}

// New returns an Ingester that stores into st.
func New(st *store.Store, o Options) *Ingester {
	in := &Ingester{st: st, client: o.Client, log: o.Logger, metrics: o.Metrics, analyze: o.Analyze, now: o.Now}
	if in.log == nil {
		in.log = slog.New(slog.DiscardHandler)
	}
	if in.now == nil {
		in.now = time.Now
	}
	if in.analyze == nil {
		in.analyze = func(context.Context, ...string) error { return nil }
	}
	return in
}

// store ingests d and runs Analyze when it changed anything.
func (in *Ingester) store(ctx context.Context, d store.Document) (store.IngestResult, error) {
	res, err := in.st.Ingest(ctx, d, in.now())
	if err != nil {
		return res, err
	}
	in.metrics.article(res)
	if res != store.Unchanged {
		if err := in.analyze(ctx, d.ID); err != nil {
			return res, fmt.Errorf("analyse %s: %w", d.ID, err)
		}
	}
	return res, nil
}

// fetch gets req and counts it. It sends the validators of the last fetch
// of the URL when that fetch was of the same kind and, for a page, gave an
// article still in the store (a page's record names its article; a
// feed's names none).
func (in *Ingester) fetch(ctx context.Context, req fetch.Request) (fetch.Response, store.Fetch, error) {
	prev, err := in.st.Fetch(ctx, req.URL)
	switch {
	case errors.Is(err, store.ErrNotFound):
	case err != nil:
		return fetch.Response{}, prev, err
	case req.Kind == fetch.Feed && prev.ArticleID == "":
		req.ETag, req.LastModified = prev.ETag, prev.LastModified
	case req.Kind == fetch.Page && prev.ArticleID != "":
		if _, err := in.st.Article(ctx, prev.ArticleID); err != nil {
			break // the article is gone: fetch it whole
		}
		req.ETag, req.LastModified = prev.ETag, prev.LastModified
	}
	resp, err := in.client.Get(ctx, req)
	in.metrics.fetched(req.Kind, resp.NotModified, err)
	return resp, prev, err
}

// record notes a fetch's outcome for the next conditional GET and the
// poller's backoff.
func (in *Ingester) record(ctx context.Context, url string, resp fetch.Response, prev store.Fetch, id string, ferr error) {
	f := store.Fetch{URL: url, ETag: resp.ETag, LastModified: resp.LastModified, ArticleID: id, CheckedAt: in.now()}
	if resp.NotModified {
		f.ETag, f.LastModified, f.ArticleID = prev.ETag, prev.LastModified, prev.ArticleID
	}
	if ferr != nil {
		f = prev
		f.URL, f.CheckedAt, f.Failures, f.Error = url, in.now(), prev.Failures+1, ferr.Error()
	}
	if err := in.st.RecordFetch(ctx, f); err != nil {
		in.log.Warn("could not record a fetch", slog.String("url", url), slog.Any("err", err))
	}
}
