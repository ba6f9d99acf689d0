package fetch

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/parley-bot/parley/store/webtest"
)

const ua = "Parley/test (+https://github.com/parley-bot/parley)"

func newClient(o Options) *Client {
	o.UserAgent = ua
	if o.MinDelay == 0 {
		o.MinDelay = -1
	}
	if o.Backoff == 0 {
		o.Backoff = time.Millisecond
	}
	return New(o)
}

func TestGetPageAndConditionalGet(t *testing.T) {
	srv := webtest.NewServer(t)
	c := newClient(Options{AllowPrivate: true})
	ctx := context.Background()
	u := srv.URL(webtest.Articles[0].Path)
	r, err := c.Get(ctx, Request{URL: u, Kind: Page})
	if err != nil {
		t.Fatalf("Get: %v", err)
	}
	if string(r.Body) != string(srv.Body(webtest.Articles[0].Path)) || r.URL != u || MediaType(r.ContentType) != "text/html" {
		t.Errorf("Get = %s %q, %d bytes; want the page", r.URL, r.ContentType, len(r.Body))
	}
	if r.ETag == "" || r.LastModified == "" {
		t.Fatalf("no validators: ETag %q, Last-Modified %q", r.ETag, r.LastModified)
	}
	again, err := c.Get(ctx, Request{URL: u, Kind: Page, ETag: r.ETag, LastModified: r.LastModified})
	if err != nil || !again.NotModified || len(again.Body) != 0 {
		t.Fatalf("conditional Get = NotModified %v, %d bytes, %v; want 304", again.NotModified, len(again.Body), err)
	}
	if srv.NotModified() != 1 {
		t.Errorf("server answered %d 304s, want 1", srv.NotModified())
	}
	srv.Replace(webtest.Articles[0].Path, "Negotiators", "Delegates")
	changed, err := c.Get(ctx, Request{URL: u, Kind: Page, ETag: r.ETag, LastModified: r.LastModified})
	if err != nil || changed.NotModified || !strings.Contains(string(changed.Body), "Delegates") {
		t.Errorf("Get after a correction = NotModified %v, %v; want the new page", changed.NotModified, err)
	}
}

func TestGetFailures(t *testing.T) {
	srv := webtest.NewServer(t)
	tests := []struct {
		name    string
		path    string
		url     string
		opts    Options
		req     Request
		want    error
		wantMsg string
		code    int
	}{
		{name: "404", path: webtest.Missing, opts: Options{AllowPrivate: true}, code: 404},
		{name: "500", path: webtest.Broken, opts: Options{AllowPrivate: true}, code: 500},
		{name: "timeout", path: webtest.Slow, opts: Options{AllowPrivate: true, HeaderTimeout: 100 * time.Millisecond}, want: ErrTimeout, wantMsg: "timed out"},
		{name: "total timeout", path: webtest.Slow, opts: Options{AllowPrivate: true, Timeout: 100 * time.Millisecond}, want: ErrTimeout},
		{name: "redirect loop", path: webtest.Loop, opts: Options{AllowPrivate: true}, want: ErrRedirects},
		{name: "50 MiB with a length", path: webtest.Huge, opts: Options{AllowPrivate: true}, want: ErrTooLarge, wantMsg: "the page is 50 MiB, more than 5 MiB"},
		{name: "50 MiB streamed", path: webtest.HugeStream, opts: Options{AllowPrivate: true}, want: ErrTooLarge, wantMsg: "more than 5 MiB"},
		{name: "50 MiB feed", path: webtest.Huge, opts: Options{AllowPrivate: true}, req: Request{Kind: Feed}, want: ErrTooLarge, wantMsg: "the feed is 50 MiB, more than 10 MiB"},
		{name: "redirect to 127.0.0.1", path: webtest.ToLocalhost, req: Request{Trusted: true}, want: ErrPrivate, wantMsg: "127.0.0.1 is a loopback address"},
		{name: "feed link to 127.0.0.1", path: webtest.Articles[0].Path, want: ErrPrivate},
		{name: "robots.txt disallows", path: webtest.Members, opts: Options{AllowPrivate: true}, req: Request{Robots: true}, want: ErrRobots},
		{name: "ftp", url: "ftp://files.example/x", want: ErrScheme},
		{name: "file", url: "file:///etc/passwd", want: ErrScheme},
		{name: "no host", url: "http:///x", wantMsg: "no host"},
		{name: "refused", url: "http://127.0.0.1:1/x", opts: Options{AllowPrivate: true}, wantMsg: "127.0.0.1:1: connection refused"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newClient(tt.opts)
			req := tt.req
			req.URL = tt.url
			if req.URL == "" {
				req.URL = srv.URL(tt.path)
			}
			_, err := c.Get(context.Background(), req)
			if err == nil {
				t.Fatalf("Get(%s) succeeded, want an error", req.URL)
			}
			if tt.want != nil && !errors.Is(err, tt.want) {
				t.Errorf("Get = %v, want %v", err, tt.want)
			}
			if tt.wantMsg != "" && !strings.Contains(err.Error(), tt.wantMsg) {
				t.Errorf("Get = %q, want it to say %q", err, tt.wantMsg)
			}
			if tt.name == "refused" && strings.Contains(err.Error(), "dial tcp") {
				t.Errorf("Get = %q, want the reason in plain words, not the dialer's", err)
			}
			var se *StatusError
			if tt.code != 0 && (!errors.As(err, &se) || se.Code != tt.code) {
				t.Errorf("Get = %v, want status %d", err, tt.code)
			}
		})
	}
}

func TestGetAllowed(t *testing.T) {
	srv := webtest.NewServer(t)
	for name, tc := range map[string]struct {
		opts Options
		req  Request
	}{
		"trusted URL on loopback":              {req: Request{URL: srv.URL(webtest.Articles[0].Path), Trusted: true}},
		"redirect to loopback with allowance":  {opts: Options{AllowPrivate: true}, req: Request{URL: srv.URL(webtest.ToLocalhost)}},
		"robots.txt allows an article":         {opts: Options{AllowPrivate: true}, req: Request{URL: srv.URL(webtest.Articles[1].Path), Robots: true}},
		"robots.txt is not asked without need": {opts: Options{AllowPrivate: true}, req: Request{URL: srv.URL(webtest.Members)}},
	} {
		t.Run(name, func(t *testing.T) {
			r, err := newClient(tc.opts).Get(context.Background(), tc.req)
			if err != nil || len(r.Body) == 0 {
				t.Errorf("Get(%s) = %d bytes, %v; want the page", tc.req.URL, len(r.Body), err)
			}
		})
	}
}

// recorder is a site that notes what it was asked and how.
type recorder struct {
	mu        sync.Mutex
	agents    []string
	times     []time.Time
	inFlight  atomic.Int32
	maxFlight atomic.Int32
	status    int
}

func (rec *recorder) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	n := rec.inFlight.Add(1)
	defer rec.inFlight.Add(-1)
	for {
		m := rec.maxFlight.Load()
		if n <= m || rec.maxFlight.CompareAndSwap(m, n) {
			break
		}
	}
	rec.mu.Lock()
	rec.agents = append(rec.agents, r.UserAgent())
	rec.times = append(rec.times, time.Now())
	status := rec.status
	rec.mu.Unlock()
	time.Sleep(5 * time.Millisecond) // hold the request open so overlap would show
	if status != 0 {
		w.WriteHeader(status)
		return
	}
	w.Write([]byte("<p>ok</p>"))
}

func TestOneRequestAtATimePerHost(t *testing.T) {
	rec := &recorder{}
	srv := httptest.NewServer(rec)
	defer srv.Close()
	const minDelay = 20 * time.Millisecond
	c := newClient(Options{AllowPrivate: true, MinDelay: minDelay})
	var wg sync.WaitGroup
	for range 6 {
		wg.Go(func() {
			if _, err := c.Get(context.Background(), Request{URL: srv.URL + "/p"}); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if got := rec.maxFlight.Load(); got != 1 {
		t.Errorf("%d requests to one host in flight at once, want 1", got)
	}
	for i := 1; i < len(rec.times); i++ {
		if gap := rec.times[i].Sub(rec.times[i-1]); gap < minDelay {
			t.Errorf("requests %d and %d were %v apart, want at least %v", i-1, i, gap, minDelay)
		}
	}
	for _, a := range rec.agents {
		if a != ua {
			t.Errorf("User-Agent %q, want %q", a, ua)
		}
	}
}

func TestBackoffAfterErrors(t *testing.T) {
	rec := &recorder{status: http.StatusServiceUnavailable}
	srv := httptest.NewServer(rec)
	defer srv.Close()
	const backoff = 30 * time.Millisecond
	c := newClient(Options{AllowPrivate: true, Backoff: backoff})
	for range 3 {
		c.Get(context.Background(), Request{URL: srv.URL + "/p"})
	}
	// The waits double: backoff, then 2×backoff.
	for i, want := range []time.Duration{backoff, 2 * backoff} {
		if gap := rec.times[i+1].Sub(rec.times[i]); gap < want {
			t.Errorf("wait %d after a 503 was %v, want at least %v", i+1, gap, want)
		}
	}
}

func TestGetHonoursContext(t *testing.T) {
	srv := webtest.NewServer(t)
	ctx, cancel := context.WithCancel(context.Background())
	go func() { time.Sleep(50 * time.Millisecond); cancel() }()
	_, err := newClient(Options{AllowPrivate: true}).Get(ctx, Request{URL: srv.URL(webtest.Slow)})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Get = %v, want context.Canceled", err)
	}
}

func TestNotPublic(t *testing.T) {
	for addr, want := range map[string]bool{
		"127.0.0.1": true, "127.8.9.10": true, "::1": true, "10.1.2.3": true, "172.16.0.1": true, "192.168.1.1": true,
		"169.254.169.254": true, "fe80::1": true, "0.0.0.0": true, "::": true, "0.1.2.3": true, "100.64.0.1": true,
		"fc00::1": true, "224.0.0.1": true, "ff02::1": true, "255.255.255.255": true, "::ffff:127.0.0.1": true, "::ffff:10.0.0.1": true,
		"93.184.215.14": false, "2606:4700::1111": false, "8.8.8.8": false, "172.32.0.1": false,
	} {
		if got := notPublic(netip.MustParseAddr(addr)) != ""; got != want {
			t.Errorf("notPublic(%s) = %v, want %v", addr, got, want)
		}
		err := refusePrivate("tcp", netip.AddrPortFrom(netip.MustParseAddr(addr), 80).String(), nil)
		if (err != nil) != want || (err != nil && !errors.Is(err, ErrPrivate)) {
			t.Errorf("refusePrivate(%s) = %v, want refused %v", addr, err, want)
		}
	}
}

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2025, 12, 6, 12, 0, 0, 0, time.UTC)
	for in, want := range map[string]time.Duration{
		"": 0, "120": 2 * time.Minute, "-5": 0, "soon": 0,
		"Sat, 06 Dec 2025 12:01:00 GMT": time.Minute, "Sat, 06 Dec 2025 11:00:00 GMT": 0,
	} {
		if got := parseRetryAfter(in, now); got != want {
			t.Errorf("parseRetryAfter(%q) = %v, want %v", in, got, want)
		}
	}
}
