// Package fetch is Parley's HTTP client for the web: pages and feeds,
// fetched politely and safely.
//
// Only http and https; every request has a connect, a header and a total
// timeout; bodies are read through a bound (a page 5 MiB, a feed 10 MiB,
// robots.txt 512 KiB) and a larger one is refused; at most 5 redirects.
// Addresses are checked when the connection is dialled, so DNS rebinding
// cannot slip past: a redirect, or a link that came out of a feed, may not
// reach a loopback, private, link-local, multicast or unspecified address
// unless the client allows private addresses. A URL the operator gave
// (Request.Trusted) may, for its first hop only.
//
// Requests to one host go one at a time, at least MinDelay apart, and
// further apart after errors (exponential backoff, Retry-After honoured).
// Links from feeds are checked against the host's robots.txt. Conditional
// GET: given the validators of the last fetch, an unchanged resource costs
// a 304 and no body.
package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/parley-bot/parley/store/neterr"
)

// Kind is what is fetched; it sets the size limit and the Accept header.
type Kind int

// The kinds of resource the client fetches.
const (
	Page   Kind = iota // an HTML page
	Feed               // an RSS, Atom or JSON feed
	Robots             // a robots.txt
)

// Limits on what one response may hold.
const (
	MaxPage   = 5 << 20
	MaxFeed   = 10 << 20
	MaxRobots = 512 << 10
)

func (k Kind) limit() int64 {
	switch k {
	case Feed:
		return MaxFeed
	case Robots:
		return MaxRobots
	}
	return MaxPage
}

func (k Kind) String() string {
	switch k {
	case Feed:
		return "feed"
	case Robots:
		return "robots.txt"
	}
	return "page"
}

func (k Kind) accept() string {
	switch k {
	case Feed:
		return "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5"
	case Robots:
		return "text/plain, */*;q=0.5"
	}
	return "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"
}

// Errors a fetch can end with; test with errors.Is.
var (
	ErrScheme       = errors.New("only http and https URLs can be fetched")
	ErrPrivate      = errors.New("address is not public")
	ErrTooLarge     = errors.New("too large")
	ErrRedirects    = errors.New("too many redirects")
	ErrRobots       = errors.New("disallowed by robots.txt")
	ErrTimeout      = errors.New("timed out")
	errNoValidators = errors.New("304 Not Modified to a request without validators")
)

// StatusError is an HTTP response other than 200 or 304.
type StatusError struct {
	Code       int
	RetryAfter time.Duration // from a 429 or 503's Retry-After, if any
}

func (e *StatusError) Error() string {
	return fmt.Sprintf("%d %s", e.Code, http.StatusText(e.Code))
}

// Options configure a Client. Zero values take the defaults.
type Options struct {
	UserAgent      string        // names Parley and its version; required
	AllowPrivate   bool          // let redirects and feed links reach non-public addresses
	ConnectTimeout time.Duration // dial and TLS handshake; default 10s
	HeaderTimeout  time.Duration // from request sent to response headers; default 20s
	Timeout        time.Duration // the whole fetch, redirects and body included; default 60s
	MinDelay       time.Duration // between two requests to one host; default 1s (negative: none)
	Backoff        time.Duration // first wait after an error from a host, doubling; default 2s
	MaxBackoff     time.Duration // the longest wait after errors; default 5m
	Logger         *slog.Logger  // nil: discard
}

func (o *Options) defaults() {
	def := func(d *time.Duration, v time.Duration) {
		if *d == 0 {
			*d = v
		}
	}
	def(&o.ConnectTimeout, 10*time.Second)
	def(&o.HeaderTimeout, 20*time.Second)
	def(&o.Timeout, 60*time.Second)
	def(&o.MinDelay, time.Second)
	def(&o.Backoff, 2*time.Second)
	def(&o.MaxBackoff, 5*time.Minute)
	if o.MinDelay < 0 {
		o.MinDelay = 0
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
}

// maxRedirects is how many redirects one fetch follows.
const maxRedirects = 5

// Client fetches pages and feeds. It is safe for concurrent use.
type Client struct {
	opts    Options
	open    *http.Client // first hop of a trusted URL, or everything with AllowPrivate
	guarded *http.Client // everything else: dials only public addresses
	hosts   hosts
	robots  robotsCache
}

// New returns a client with the given options.
func New(opts Options) *Client {
	opts.defaults()
	c := &Client{opts: opts}
	c.open = newHTTPClient(opts, false)
	c.guarded = c.open
	if !opts.AllowPrivate {
		c.guarded = newHTTPClient(opts, true)
	}
	c.hosts.init()
	c.robots.init()
	return c
}

func newHTTPClient(o Options, guard bool) *http.Client {
	d := &net.Dialer{Timeout: o.ConnectTimeout, KeepAlive: 30 * time.Second}
	if guard {
		d.Control = refusePrivate
	}
	t := &http.Transport{
		Proxy:                 nil, // a proxy would dial for us and bypass the address check
		DialContext:           d.DialContext,
		TLSHandshakeTimeout:   o.ConnectTimeout,
		ResponseHeaderTimeout: o.HeaderTimeout,
		MaxIdleConnsPerHost:   2,
		IdleConnTimeout:       90 * time.Second,
		ForceAttemptHTTP2:     true,
	}
	return &http.Client{
		Transport:     t,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
}

// Request is one resource to fetch.
type Request struct {
	URL     string
	Kind    Kind
	Trusted bool // the operator named this URL: its first hop may reach a private address
	Robots  bool // check the host's robots.txt first (links found in feeds)
	// Validators from the last fetch, for a conditional GET.
	ETag         string
	LastModified string
}

// Response is a fetched resource.
type Response struct {
	URL          string // after redirects
	NotModified  bool   // 304: Body is empty and the last fetch still holds
	Body         []byte
	ContentType  string
	ETag         string
	LastModified string
}

// Get fetches req. A 304 to a conditional request is a Response with
// NotModified set, not an error.
func (c *Client) Get(ctx context.Context, req Request) (Response, error) {
	ctx, cancel := context.WithTimeout(ctx, c.opts.Timeout)
	defer cancel()
	u, err := parseURL(req.URL)
	if err != nil {
		return Response{}, err
	}
	for hop := 0; ; hop++ {
		if req.Robots {
			if err := c.allowed(ctx, u); err != nil {
				return Response{}, err
			}
		}
		client := c.guarded
		if hop == 0 && req.Trusted {
			client = c.open
		}
		resp, next, err := c.do(ctx, client, u, req)
		if err != nil || next == nil {
			return resp, err
		}
		if hop == maxRedirects {
			return Response{}, fmt.Errorf("%w: more than %d", ErrRedirects, maxRedirects)
		}
		u = next
	}
}

// parseURL accepts an absolute http or https URL.
func parseURL(raw string) (*url.URL, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return nil, fmt.Errorf("bad URL: %w", err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("%w: %q", ErrScheme, u.Scheme+":")
	}
	if u.Host == "" {
		return nil, fmt.Errorf("bad URL %q: no host", raw)
	}
	u.Fragment, u.RawFragment = "", ""
	return u, nil
}

// do makes one request. It returns the next URL for a redirect.
func (c *Client) do(ctx context.Context, client *http.Client, u *url.URL, req Request) (Response, *url.URL, error) {
	release, err := c.hosts.acquire(ctx, u.Host, c.opts.MinDelay)
	if err != nil {
		return Response{}, nil, err
	}
	resp, next, err := c.exchange(ctx, client, u, req)
	release(failure(err), retryAfter(err), c.opts.Backoff, c.opts.MaxBackoff)
	if err != nil {
		c.opts.Logger.Debug("fetch failed", slog.String("url", u.String()), slog.String("error", err.Error()))
	}
	return resp, next, err
}

func (c *Client) exchange(ctx context.Context, client *http.Client, u *url.URL, req Request) (Response, *url.URL, error) {
	hreq, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return Response{}, nil, fmt.Errorf("bad URL: %w", err)
	}
	hreq.Header.Set("User-Agent", c.opts.UserAgent)
	hreq.Header.Set("Accept", req.Kind.accept())
	if req.ETag != "" {
		hreq.Header.Set("If-None-Match", req.ETag)
	}
	if req.LastModified != "" {
		hreq.Header.Set("If-Modified-Since", req.LastModified)
	}
	hresp, err := client.Do(hreq)
	if err != nil {
		return Response{}, nil, transportError(err)
	}
	defer hresp.Body.Close()
	defer io.Copy(io.Discard, io.LimitReader(hresp.Body, 4<<10)) // let a short rest reuse the connection

	switch code := hresp.StatusCode; {
	case code >= 300 && code < 400 && code != http.StatusNotModified:
		loc := hresp.Header.Get("Location")
		if loc == "" {
			return Response{}, nil, &StatusError{Code: code}
		}
		next, err := u.Parse(loc)
		if err != nil {
			return Response{}, nil, fmt.Errorf("bad redirect %q: %w", loc, err)
		}
		if next.Scheme != "http" && next.Scheme != "https" {
			return Response{}, nil, fmt.Errorf("redirect to %s: %w", next.Redacted(), ErrScheme)
		}
		next.Fragment, next.RawFragment = "", ""
		return Response{}, next, nil
	case code == http.StatusNotModified:
		if req.ETag == "" && req.LastModified == "" {
			return Response{}, nil, errNoValidators
		}
		return Response{URL: u.String(), NotModified: true, ETag: first(hresp.Header.Get("ETag"), req.ETag),
			LastModified: first(hresp.Header.Get("Last-Modified"), req.LastModified)}, nil, nil
	case code != http.StatusOK:
		return Response{}, nil, &StatusError{Code: code, RetryAfter: parseRetryAfter(hresp.Header.Get("Retry-After"), time.Now())}
	}

	limit := req.Kind.limit()
	if hresp.ContentLength > limit {
		return Response{}, nil, fmt.Errorf("%w: the %s is %s, more than %s", ErrTooLarge, req.Kind, Size(hresp.ContentLength), Size(limit))
	}
	body, err := io.ReadAll(io.LimitReader(hresp.Body, limit+1))
	if err != nil {
		return Response{}, nil, fmt.Errorf("read %s: %w", req.Kind, transportError(err))
	}
	if int64(len(body)) > limit {
		return Response{}, nil, fmt.Errorf("%w: the %s is more than %s", ErrTooLarge, req.Kind, Size(limit))
	}
	return Response{
		URL: u.String(), Body: body, ContentType: hresp.Header.Get("Content-Type"),
		ETag: hresp.Header.Get("ETag"), LastModified: hresp.Header.Get("Last-Modified"),
	}, nil, nil
}

// transportError drops net/http's "Get URL:" prefix (callers name the
// URL) and says "timed out" for a deadline.
func transportError(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	if errors.Is(err, context.DeadlineExceeded) || isTimeout(err) {
		return fmt.Errorf("%w (%w)", ErrTimeout, err)
	}
	return neterr.Plain(err)
}

func isTimeout(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

// failure reports whether err should slow down the next request to the
// host: a server error, a refusal to serve (429) or a network failure.
// A 404 or a page too large is the page's fault, not the host's.
func failure(err error) bool {
	if err == nil {
		return false
	}
	var se *StatusError
	if errors.As(err, &se) {
		return se.Code == http.StatusTooManyRequests || se.Code >= 500
	}
	return !errors.Is(err, ErrTooLarge) && !errors.Is(err, ErrScheme) && !errors.Is(err, ErrPrivate) && !errors.Is(err, context.Canceled)
}

func retryAfter(err error) time.Duration {
	var se *StatusError
	if errors.As(err, &se) {
		return se.RetryAfter
	}
	return 0
}

// parseRetryAfter reads a Retry-After header: seconds or an HTTP date.
func parseRetryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	var secs int
	if _, err := fmt.Sscanf(v, "%d", &secs); err == nil && secs > 0 {
		return time.Duration(secs) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil && t.After(now) {
		return t.Sub(now)
	}
	return 0
}

// MediaType is the lowercased media type of a Content-Type header.
func MediaType(contentType string) string {
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		return strings.ToLower(strings.TrimSpace(strings.Split(contentType, ";")[0]))
	}
	return mt
}

// Size says a number of bytes for people: "5 MiB", "38.9 MiB", "12 KiB".
func Size(n int64) string {
	if n >= 1<<20 && n%(1<<20) == 0 {
		return fmt.Sprintf("%d MiB", n>>20)
	}
	if n >= 1<<20 {
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%d KiB", (n+1023)>>10)
}

func first(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// hosts paces requests per host.
type hosts struct {
	mu    sync.Mutex
	gates map[string]*gate
}

type gate struct {
	turn  chan struct{} // holds a token while a request to the host is in flight
	next  time.Time     // no request before this
	fails int           // consecutive failures
}

func (h *hosts) init() { h.gates = map[string]*gate{} }

// acquire waits for the host's turn, and returns the function that ends it.
func (h *hosts) acquire(ctx context.Context, host string, minDelay time.Duration) (func(failed bool, retryAfter, backoff, maxBackoff time.Duration), error) {
	host = strings.ToLower(host)
	h.mu.Lock()
	g, ok := h.gates[host]
	if !ok {
		g = &gate{turn: make(chan struct{}, 1)}
		h.gates[host] = g
	}
	h.mu.Unlock()
	select {
	case g.turn <- struct{}{}:
	case <-ctx.Done():
		return nil, fmt.Errorf("waiting for %s: %w", host, ctx.Err())
	}
	if wait := time.Until(g.next); wait > 0 {
		t := time.NewTimer(wait)
		select {
		case <-t.C:
		case <-ctx.Done():
			t.Stop()
			<-g.turn
			return nil, fmt.Errorf("waiting for %s: %w", host, ctx.Err())
		}
	}
	return func(failed bool, retryAfter, backoff, maxBackoff time.Duration) {
		delay := minDelay
		if failed {
			g.fails++
			b := backoff << min(g.fails-1, 20)
			delay = max(delay, min(b, maxBackoff), min(retryAfter, maxBackoff))
		} else {
			g.fails = 0
		}
		g.next = time.Now().Add(delay)
		<-g.turn
	}, nil
}
