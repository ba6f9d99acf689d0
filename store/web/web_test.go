package web

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/parley-bot/parley/store"
	"github.com/parley-bot/parley/store/fetch"
	"github.com/parley-bot/parley/store/page"
	"github.com/parley-bot/parley/store/storetest"
	"github.com/parley-bot/parley/store/webtest"
)

// rig is a fixture site, an empty store and an Ingester between them.
type rig struct {
	srv      *webtest.Server
	st       *store.Store
	in       *Ingester
	metrics  *Metrics
	mu       sync.Mutex
	analyzed []string
}

func newRig(t testing.TB, allowPrivate bool) *rig {
	r := &rig{srv: webtest.NewServer(t), st: storetest.MustOpenEmpty(t), metrics: NewMetrics(prometheus.NewRegistry())}
	client := fetch.New(fetch.Options{UserAgent: "Parley/test", AllowPrivate: allowPrivate, MinDelay: -1, Backoff: time.Millisecond,
		HeaderTimeout: 500 * time.Millisecond})
	r.in = New(r.st, Options{Client: client, Metrics: r.metrics, Analyze: func(_ context.Context, ids ...string) error {
		r.mu.Lock()
		defer r.mu.Unlock()
		r.analyzed = append(r.analyzed, ids...)
		return nil
	}})
	return r
}

func (r *rig) articles(t testing.TB) []store.Article {
	t.Helper()
	arts, err := r.st.Articles(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return arts
}

func TestPage(t *testing.T) {
	r := newRig(t, true)
	ctx := context.Background()
	for _, a := range webtest.Articles {
		u := r.srv.URL(a.Path)
		res := r.in.Page(ctx, u)
		if res.Err != nil || res.Result != store.Added {
			t.Fatalf("Page(%s) = %v, %v; want added", a.Path, res.Result, res.Err)
		}
		if res.ID != ID(u) {
			t.Errorf("Page(%s) id %q, want %q", a.Path, res.ID, ID(u))
		}
		got, err := r.st.Article(ctx, res.ID)
		if err != nil {
			t.Fatal(err)
		}
		want := store.Article{ID: res.ID, Title: a.Title, Outlet: a.Outlet, Byline: a.Byline, Published: a.Published, URL: u}
		if got.Title != want.Title || got.Outlet != want.Outlet || got.Byline != want.Byline || got.Published != want.Published || got.URL != want.URL {
			t.Errorf("stored %+v, want %+v", got, want)
		}
	}
	if len(r.analyzed) != len(webtest.Articles) {
		t.Errorf("Analyze ran for %d articles, want %d", len(r.analyzed), len(webtest.Articles))
	}

	// Fetched again: a 304, nothing changes.
	stamp, _ := r.st.Stamp(ctx)
	res := r.in.Page(ctx, r.srv.URL(webtest.Articles[0].Path))
	if res.Err != nil || !res.NotModified || res.Result != store.Unchanged || res.ID != ID(r.srv.URL(webtest.Articles[0].Path)) {
		t.Errorf("second Page = %+v, want unchanged by a 304", res)
	}
	if again, _ := r.st.Stamp(ctx); again != stamp {
		t.Errorf("store changed on a 304")
	}
	// The same article by another URL (robots-disallowed path, fetched as the
	// operator asked) carries the same canonical URL: the same article, unchanged.
	res = r.in.Page(ctx, r.srv.URL(webtest.Members))
	if res.Err != nil || res.Result != store.Unchanged || res.ID != ID(r.srv.URL(webtest.Articles[0].Path)) {
		t.Errorf("Page by another URL = %+v, want the same article unchanged", res)
	}
	// A correction: same URL, new content, the article is replaced.
	r.srv.Replace(webtest.Articles[0].Path, "The group is expected to reconvene Saturday", "The group reconvened on Saturday")
	res = r.in.Page(ctx, r.srv.URL(webtest.Articles[0].Path))
	if res.Err != nil || res.Result != store.Updated {
		t.Fatalf("Page after a correction = %+v, want updated", res)
	}
	body, _ := r.st.Body(ctx, res.ID)
	if !strings.Contains(body, "The group reconvened on Saturday") || strings.Contains(body, "expected to reconvene") {
		t.Errorf("corrected article not replaced:\n%s", body)
	}
	if n := len(r.articles(t)); n != len(webtest.Articles) {
		t.Errorf("%d articles stored, want %d (one per canonical URL)", n, len(webtest.Articles))
	}
	if got := testutil.ToFloat64(r.metrics.Fetches.WithLabelValues("page", "not_modified")); got != 1 {
		t.Errorf("not_modified fetches = %v, want 1", got)
	}
	if got := testutil.ToFloat64(r.metrics.Articles.WithLabelValues("added")); got != 5 {
		t.Errorf("articles added = %v, want 5", got)
	}
}

func TestPageFailures(t *testing.T) {
	r := newRig(t, false)
	ctx := context.Background()
	for path, want := range map[string]error{
		webtest.Missing:     &fetch.StatusError{},
		webtest.Broken:      &fetch.StatusError{},
		webtest.Slow:        fetch.ErrTimeout,
		webtest.Loop:        fetch.ErrPrivate, // its first redirect already goes to loopback
		webtest.Huge:        fetch.ErrTooLarge,
		webtest.HugeStream:  fetch.ErrTooLarge,
		webtest.Binary:      ErrNotHTML,
		webtest.ToLocalhost: fetch.ErrPrivate,
		webtest.Front:       page.ErrNoArticle,
	} {
		t.Run(path, func(t *testing.T) {
			res := r.in.Page(ctx, r.srv.URL(path))
			var se *fetch.StatusError
			if _, isStatus := want.(*fetch.StatusError); isStatus && errors.As(res.Err, &se) {
				return
			}
			if !errors.Is(res.Err, want) {
				t.Errorf("Page(%s) = %v, want %v", path, res.Err, want)
			}
		})
	}
	if n := len(r.articles(t)); n != 0 {
		t.Errorf("%d articles stored from failures, want 0", n)
	}
	if got := testutil.ToFloat64(r.metrics.Failures.WithLabelValues("page", "private")); got != 2 {
		t.Errorf("private failures = %v, want 2", got)
	}
}

func TestFeeds(t *testing.T) {
	r := newRig(t, true)
	ctx := context.Background()
	type counts struct{ fetched, added, updated, unchanged, skipped, failed int }
	steps := []struct {
		feed string
		want counts
	}{
		{webtest.WorldRSS, counts{fetched: 3, added: 3}},
		{webtest.DigestAtom, counts{fetched: 2, added: 3}}, // the tram story comes whole in the feed
		{webtest.TalksJSON, counts{unchanged: 5}},          // 0–3 not modified since; 4 from its own content, unchanged
		{webtest.MixedRSS, counts{unchanged: 1, failed: 6}},
	}
	reports := map[string]FeedReport{}
	for _, s := range steps {
		var progress int
		rep, err := r.in.Feed(ctx, r.srv.URL(s.feed), FeedOptions{OnItem: func(Result) { progress++ }})
		if err != nil {
			t.Fatalf("Feed(%s): %v", s.feed, err)
		}
		var got counts
		got.fetched, got.added, got.updated, got.unchanged, got.skipped, got.failed = rep.Count()
		if got != s.want {
			t.Errorf("Feed(%s) counts %+v, want %+v", s.feed, got, s.want)
			for _, it := range rep.Items {
				t.Logf("  %s: %v %v", it.Source, it.Result, it.Err)
			}
		}
		reports[s.feed] = rep
		if progress != len(rep.Items) {
			t.Errorf("OnItem called %d times for %d items", progress, len(rep.Items))
		}
	}
	if n := len(r.articles(t)); n != 6 {
		t.Errorf("%d articles after three feeds over the same five and one more, want 6", n)
	}
	// Each failing item of the mixed feed names its own reason.
	rep := reports[webtest.MixedRSS]
	for i, want := range []error{&fetch.StatusError{}, &fetch.StatusError{}, fetch.ErrRobots, ErrNotHTML, page.ErrNoArticle, fetch.ErrScheme} {
		var se *fetch.StatusError
		it := rep.Items[i]
		if _, isStatus := want.(*fetch.StatusError); isStatus && errors.As(it.Err, &se) {
			continue
		}
		if !errors.Is(it.Err, want) {
			t.Errorf("mixed item %d (%s) = %v, want %v", i, it.Source, it.Err, want)
		}
	}
	// Feed unchanged: a 304 and no item touched.
	hits := r.srv.Hits(webtest.Articles[0].Path)
	rep, err := r.in.Feed(ctx, r.srv.URL(webtest.WorldRSS), FeedOptions{})
	if err != nil || !rep.NotModified || len(rep.Items) != 0 || r.srv.Hits(webtest.Articles[0].Path) != hits {
		t.Errorf("re-read of an unchanged feed = %+v, %v; want a 304 and no page fetched", rep, err)
	}
}

func TestFeedOwnContentNotFetched(t *testing.T) {
	r := newRig(t, true)
	rep, err := r.in.Feed(context.Background(), r.srv.URL(webtest.TalksJSON), FeedOptions{Outlet: "Talks Watch"})
	if err != nil {
		t.Fatal(err)
	}
	if hits := r.srv.Hits(webtest.Articles[4].Path); hits != 0 {
		t.Errorf("the page of an item carrying its whole article was fetched %d times", hits)
	}
	last := rep.Items[4]
	a, err := r.st.Article(context.Background(), last.ID)
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != webtest.Articles[4].Title || a.Outlet != "Talks Watch" || a.URL != r.srv.URL(webtest.Articles[4].Path) {
		t.Errorf("own-content article = %+v, want the feed's title, the operator's outlet and the item's link", a)
	}
	body, _ := r.st.Body(context.Background(), last.ID)
	if !strings.HasPrefix(body, webtest.Articles[4].Title+"\n\n") {
		t.Errorf("own-content article does not start with its title:\n%.200s", body)
	}
	// The operator's outlet also wins over what a fetched page states.
	a0, _ := r.st.Article(context.Background(), rep.Items[0].ID)
	if a0.Outlet != "Talks Watch" {
		t.Errorf("fetched page outlet = %q, want the feed's %q", a0.Outlet, "Talks Watch")
	}
}

func TestFeedGUIDKeepsID(t *testing.T) {
	r := newRig(t, true)
	ctx := context.Background()
	rep, err := r.in.Feed(ctx, r.srv.URL(webtest.DigestAtom), FeedOptions{Include: []string{"tram"}})
	if err != nil {
		t.Fatal(err)
	}
	if _, added, _, _, skipped, _ := rep.Count(); added != 1 || skipped != 2 {
		t.Fatalf("include [tram]: %d added, %d skipped; want 1 and 2", added, skipped)
	}
	if r.srv.Hits(webtest.Articles[3].Path)+r.srv.Hits(webtest.Articles[4].Path) != 0 {
		t.Errorf("pages of items left out by the include words were fetched")
	}
	id := rep.Items[2].ID
	// The publisher moves the story to a new address; its GUID stays.
	if !r.srv.Replace(webtest.DigestAtom, "/city/tram-extension-approved", "/city/2025/tram-line-approved") {
		t.Fatal("fixture changed")
	}
	rep, err = r.in.Feed(ctx, r.srv.URL(webtest.DigestAtom), FeedOptions{Include: []string{"TRAM"}})
	if err != nil {
		t.Fatal(err)
	}
	moved := rep.Items[2]
	if moved.ID != id || moved.Result != store.Updated {
		t.Errorf("moved item = %s %v, want %s updated (same GUID, new URL)", moved.ID, moved.Result, id)
	}
	if n := len(r.articles(t)); n != 1 {
		t.Errorf("%d articles, want 1", n)
	}
}

func TestFeedPrivateLinks(t *testing.T) {
	r := newRig(t, false)
	rep, err := r.in.Feed(context.Background(), r.srv.URL(webtest.WorldRSS), FeedOptions{})
	if err != nil {
		t.Fatalf("the operator's feed URL on loopback: %v", err)
	}
	for _, it := range rep.Items {
		if !errors.Is(it.Err, fetch.ErrPrivate) {
			t.Errorf("feed link %s = %v, want refused as private", it.Source, it.Err)
		}
	}
}

func TestFeedFailsAlone(t *testing.T) {
	r := newRig(t, true)
	for _, path := range []string{webtest.Articles[0].Path, webtest.Missing, webtest.Binary, webtest.Huge} {
		if _, err := r.in.Feed(context.Background(), r.srv.URL(path), FeedOptions{}); err == nil {
			t.Errorf("Feed(%s) succeeded, want an error", path)
		}
	}
}

func TestFiles(t *testing.T) {
	r := newRig(t, true)
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	ctx := context.Background()
	saved := write("talks.html", r.srv.Body(webtest.Articles[2].Path))
	res := r.in.File(ctx, saved)
	if res.Err != nil || res.ID != ID(r.srv.URL(webtest.Articles[2].Path)) || res.Result != store.Added {
		t.Errorf("File(saved page) = %+v, want added under its canonical URL's id", res)
	}
	// The same page fetched later is the same article.
	if res := r.in.Page(ctx, r.srv.URL(webtest.Articles[2].Path)); res.Result != store.Unchanged {
		t.Errorf("Page after File = %v %v, want unchanged", res.Result, res.Err)
	}
	noCanonical := strings.Replace(string(r.srv.Body(webtest.Articles[4].Path)), `rel="canonical"`, `rel="x"`, 1)
	if res := r.in.File(ctx, write("Digest Story.html", []byte(noCanonical))); res.Err != nil || res.ID != "digest-story" {
		t.Errorf("File(no canonical) = %+v, want id digest-story", res)
	}
	if res := r.in.File(ctx, write("novosti.html", r.srv.Body(webtest.Cyrillic))); res.Err != nil || !strings.HasPrefix(res.Title, "Городская") {
		t.Errorf("File(Windows-1251) = %+v, want it decoded", res)
	}
	for name, data := range map[string][]byte{
		"report.pdf.html": []byte("%PDF-1.7\n\x00\x01\x02\x03binary"),
		"front.html":      r.srv.Body(webtest.Front),
	} {
		if res := r.in.File(ctx, write(name, data)); res.Err == nil {
			t.Errorf("File(%s) succeeded, want refused", name)
		}
	}
	if res := r.in.File(ctx, dir); res.Err == nil {
		t.Errorf("File(a folder) succeeded")
	}
}

func TestPoller(t *testing.T) {
	r := newRig(t, true)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	p := NewPoller(r.in, []Source{{URL: r.srv.URL(webtest.WorldRSS)}, {URL: r.srv.URL(webtest.Missing), Every: time.Minute}}, nil)
	var mu sync.Mutex
	waits := map[time.Duration]int{}
	p.Wait = func(ctx context.Context, d time.Duration) bool {
		mu.Lock()
		defer mu.Unlock()
		waits[d]++
		if waits[DefaultEvery] >= 2 { // the good feed has been read twice
			cancel()
			return false
		}
		return ctx.Err() == nil
	}
	if err := p.Run(ctx); !errors.Is(err, context.Canceled) {
		t.Errorf("Run = %v, want context.Canceled", err)
	}
	if n := len(r.articles(t)); n != 3 {
		t.Errorf("%d articles after polling, want 3", n)
	}
	if r.srv.NotModified() == 0 {
		t.Errorf("the feed was never asked conditionally")
	}
	// The good feed waits its default interval; the failing one backs off.
	if waits[DefaultEvery] == 0 || waits[2*time.Minute] == 0 {
		t.Errorf("waits %v, want %v for the good feed and 2m after the first failure", waits, DefaultEvery)
	}
}
