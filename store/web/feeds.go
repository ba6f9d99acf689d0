package web

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strings"

	"github.com/parley-bot/parley/store"
	"github.com/parley-bot/parley/store/feed"
	"github.com/parley-bot/parley/store/fetch"
)

// FeedOptions say how a feed's items are kept and filed.
type FeedOptions struct {
	// Include, when not empty, keeps only items whose title, summary or
	// own content mentions one of these words or phrases (any case, whole
	// words); the others are skipped without fetching their pages.
	Include []string
	// Outlet names the outlet of the feed's articles, over what their
	// pages state.
	Outlet string
	// OnItem is called after each item, for progress; nil: not called.
	OnItem func(Result)
}

// FeedReport is what one read of a feed did.
type FeedReport struct {
	Source      string
	Title       string
	NotModified bool // the feed has not changed since the last read (304)
	Items       []Result
}

// Count tallies the report's items: fetched pages, articles added,
// updated, unchanged, items skipped by the include words, and failed.
func (r FeedReport) Count() (fetched, added, updated, unchanged, skipped, failed int) {
	for _, it := range r.Items {
		switch {
		case it.Err != nil:
			failed++
			continue
		case it.Skipped:
			skipped++
			continue
		}
		if !it.NotModified && it.fetched {
			fetched++
		}
		switch it.Result {
		case store.Added:
			added++
		case store.Updated:
			updated++
		default:
			unchanged++
		}
	}
	return
}

// Feed reads the feed at src — an http(s) URL or a file — and stores the
// article of each item: the item's own text when it carries the whole
// article (see store/feed), else its linked page, fetched with robots.txt
// honoured. An item that fails is reported in its Result and the others
// go on; the error is for the feed itself (unreachable, not a feed).
func (in *Ingester) Feed(ctx context.Context, src string, o FeedOptions) (FeedReport, error) {
	rep := FeedReport{Source: src}
	keep, err := includeMatcher(o.Include)
	if err != nil {
		return rep, err
	}
	f, notModified, err := in.readFeed(ctx, src)
	if err != nil || notModified {
		rep.NotModified = notModified
		return rep, err
	}
	rep.Title = f.Title
	for _, it := range f.Items {
		if err := ctx.Err(); err != nil {
			return rep, err
		}
		r := in.item(ctx, src, it, o, keep)
		rep.Items = append(rep.Items, r)
		if o.OnItem != nil {
			o.OnItem(r)
		}
	}
	return rep, nil
}

// readFeed fetches (conditionally) or reads the feed.
func (in *Ingester) readFeed(ctx context.Context, src string) (feed.Feed, bool, error) {
	if !isURL(src) {
		data, err := readFile(src, fetch.MaxFeed)
		if err != nil {
			return feed.Feed{}, false, err
		}
		f, err := feed.Parse(bytes.NewReader(data), nil)
		return f, false, err
	}
	resp, prev, err := in.fetch(ctx, fetch.Request{URL: src, Kind: fetch.Feed, Trusted: true})
	if err != nil {
		in.record(ctx, src, resp, prev, "", err)
		return feed.Feed{}, false, err
	}
	if resp.NotModified {
		in.record(ctx, src, resp, prev, "", nil)
		return feed.Feed{}, true, nil
	}
	base, _ := url.Parse(resp.URL)
	f, err := feed.Parse(bytes.NewReader(resp.Body), base)
	if err != nil {
		// Not a feed: no validators, so the next poll reads it whole.
		resp.ETag, resp.LastModified = "", ""
		in.record(ctx, src, resp, prev, "", err)
		return feed.Feed{}, false, err
	}
	in.record(ctx, src, resp, prev, "", nil)
	return f, false, nil
}

// item stores one feed item's article.
func (in *Ingester) item(ctx context.Context, feedSrc string, it feed.Item, o FeedOptions, keep func(string) bool) Result {
	r := Result{Source: first(it.Link, it.GUID), Title: it.Title}
	if !keep(it.Title + "\n" + it.Summary + "\n" + it.Content) {
		r.Skipped = true
		return r
	}
	known, err := in.st.FeedItem(ctx, feedSrc, it.GUID)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		r.Err = err
		return r
	}
	switch {
	case it.Content != "":
		r = in.ownContent(ctx, it, known, o.Outlet)
	case it.Link == "":
		r.Err = errors.New("the item has no link and no article of its own")
		return r
	default:
		r = in.page(ctx, it.Link, pageOpts{id: known, outlet: o.Outlet, title: it.Title})
		r.fetched = true
	}
	if r.Err == nil && r.ID != "" && it.GUID != "" && known != r.ID {
		if err := in.st.RecordFeedItem(ctx, feedSrc, it.GUID, r.ID, in.now()); err != nil {
			r.Err = err
		}
	}
	return r
}

// ownContent stores an item that carries its whole article, headed by its
// title, with the metadata the feed states.
func (in *Ingester) ownContent(ctx context.Context, it feed.Item, known, outlet string) Result {
	r := Result{Source: first(it.Link, it.GUID), Title: it.Title}
	body := it.Content
	if it.Title != "" && !strings.HasPrefix(body, it.Title+"\n") {
		body = it.Title + "\n\n" + body
	}
	d := store.Document{ID: known, Title: it.Title, Outlet: outlet, Byline: it.Byline, Published: it.Published, Body: body}
	if isURL(it.Link) {
		d.URL = it.Link
	}
	if d.ID == "" {
		d.ID = ID(first(d.URL, it.GUID))
	}
	r.ID = d.ID
	r.Result, r.Err = in.store(ctx, d)
	return r
}

// includeMatcher compiles the include words into one case-insensitive
// whole-word test; with no words, it keeps everything.
func includeMatcher(words []string) (func(string) bool, error) {
	var alts []string
	for _, w := range words {
		if w = strings.TrimSpace(w); w != "" {
			alts = append(alts, regexp.QuoteMeta(w))
		}
	}
	if len(alts) == 0 {
		return func(string) bool { return true }, nil
	}
	re, err := regexp.Compile(`(?i)(?:^|[^\p{L}\p{N}])(?:` + strings.Join(alts, "|") + `)(?:$|[^\p{L}\p{N}])`)
	if err != nil {
		return nil, fmt.Errorf("include words: %w", err)
	}
	return re.MatchString, nil
}

// isURL reports whether s is an http(s) URL rather than a file name.
func isURL(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")
}

func first(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
