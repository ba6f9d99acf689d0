package web

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"

	"github.com/parley-bot/parley/store"
	"github.com/parley-bot/parley/store/fetch"
	"github.com/parley-bot/parley/store/page"
)

// ErrNotHTML marks a fetched or saved document that is not an HTML page.
var ErrNotHTML = errors.New("not an HTML page")

// Page fetches the page at rawURL and stores its article. The operator
// gave the URL, so its first hop may reach a private address; redirects
// may not (unless the client allows private addresses).
func (in *Ingester) Page(ctx context.Context, rawURL string) Result {
	return in.page(ctx, rawURL, pageOpts{trusted: true})
}

// pageOpts say how a page is fetched and filed.
type pageOpts struct {
	trusted bool   // the operator named the URL (not a feed)
	id      string // the id a feed item was stored under before, if any
	outlet  string // the outlet the operator names for a feed's pages
	title   string // the feed item's title, when the page states none
}

func (in *Ingester) page(ctx context.Context, rawURL string, o pageOpts) Result {
	r := Result{Source: rawURL}
	resp, prev, err := in.fetch(ctx, fetch.Request{URL: rawURL, Kind: fetch.Page, Trusted: o.trusted, Robots: !o.trusted})
	if err != nil {
		in.record(ctx, rawURL, resp, prev, "", err)
		r.Err = err
		return r
	}
	if resp.NotModified {
		in.record(ctx, rawURL, resp, prev, prev.ArticleID, nil)
		r.ID, r.Result, r.NotModified = prev.ArticleID, store.Unchanged, true
		return r
	}
	base, _ := url.Parse(resp.URL)
	d, err := read(resp.Body, resp.ContentType, base)
	if err == nil {
		if o.id != "" {
			d.ID = o.id
		}
		if o.outlet != "" {
			d.Outlet = o.outlet
		}
		if d.Title == "" {
			d.Title = o.title
		}
		r.ID, r.Title = d.ID, d.Title
		r.Result, err = in.store(ctx, d)
	}
	// A page that fetched but could not be read is recorded without
	// validators, so the next try reads it afresh.
	if err != nil {
		resp.ETag, resp.LastModified = "", ""
	}
	in.record(ctx, rawURL, resp, prev, r.ID, nil)
	r.Err = err
	return r
}

// read turns an HTML page into a document whose id comes from the
// canonical URL the page states (else from base, where it was fetched).
func read(body []byte, contentType string, base *url.URL) (store.Document, error) {
	if err := checkHTML(body, contentType); err != nil {
		return store.Document{}, err
	}
	p, err := page.Read(bytes.NewReader(body), contentType, base)
	if err != nil {
		return store.Document{}, err
	}
	id := ""
	if p.URL != "" {
		id = ID(p.URL)
	}
	return store.Document{ID: id, Title: p.Title, Outlet: p.Outlet, Byline: p.Byline, Published: p.Published, URL: p.URL, Body: p.Text}, nil
}

// checkHTML refuses what is not an HTML page: a served type other than
// HTML or XHTML, or content that sniffs as something else (a PDF, an
// image, an archive), with the type in the message.
func checkHTML(body []byte, contentType string) error {
	if mt := fetch.MediaType(contentType); mt != "" && mt != "text/html" && mt != "application/xhtml+xml" {
		return fmt.Errorf("%w (%s)", ErrNotHTML, mt)
	}
	sniffed := fetch.MediaType(http.DetectContentType(body))
	switch sniffed {
	case "text/html", "text/xml", "text/plain":
		return nil
	}
	return fmt.Errorf("%w (the content is %s)", ErrNotHTML, sniffed)
}

// File stores the article of a saved HTML page. Its id comes from the
// canonical URL the page states, else from the file name (FileID).
func (in *Ingester) File(ctx context.Context, name string) Result {
	r := Result{Source: name}
	data, err := readFile(name, fetch.MaxPage)
	if err != nil {
		r.Err = err
		return r
	}
	d, err := read(data, "", nil)
	if err != nil {
		r.Err = err
		return r
	}
	if d.ID == "" {
		d.ID = FileID(name)
	}
	r.ID, r.Title = d.ID, d.Title
	r.Result, r.Err = in.store(ctx, d)
	return r
}

// readFile reads a regular file of at most limit bytes, refusing a larger
// one before reading it and bounding the read in case it grows.
func readFile(name string, limit int64) ([]byte, error) {
	// Stat before opening: opening a FIFO would block.
	if fi, err := os.Stat(name); err != nil {
		return nil, fmt.Errorf("cannot read: %w", errors.Unwrap(err))
	} else if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("not a regular file")
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, fmt.Errorf("cannot read: %w", errors.Unwrap(err))
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("cannot read: %w", err)
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("not a regular file")
	}
	if fi.Size() > limit {
		return nil, fmt.Errorf("%w: the file is %s, more than %s", fetch.ErrTooLarge, fetch.Size(fi.Size()), fetch.Size(limit))
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, fmt.Errorf("cannot read: %w", err)
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%w: the file is more than %s", fetch.ErrTooLarge, fetch.Size(limit))
	}
	return data, nil
}
