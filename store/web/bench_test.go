package web

import (
	"context"
	"strconv"
	"testing"

	"github.com/parley-bot/parley/store"
	"github.com/parley-bot/parley/store/webtest"
)

// BenchmarkPage measures fetch + extract + ingest of one news page over
// loopback HTTP into a SQLite store: each round corrects a word of the
// page so that it is fetched in full (new ETag), read and replaced in the
// store, the whole path a changed article takes. Reported as pages/s.
func BenchmarkPage(b *testing.B) {
	r := newRig(b, true)
	ctx := context.Background()
	a := webtest.Articles[1]
	u := r.srv.URL(a.Path)
	if res := r.in.Page(ctx, u); res.Err != nil {
		b.Fatal(res.Err)
	}
	word := "Hallandale"
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		next := "Hallandale" + strconv.Itoa(i)
		r.srv.Replace(a.Path, word, next)
		word = next
		if res := r.in.Page(ctx, u); res.Err != nil || res.Result != store.Updated {
			b.Fatalf("Page = %v %v, want updated", res.Result, res.Err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "pages/s")
}

// BenchmarkFeedNotModified is the cost of polling a feed that has not
// changed: one conditional GET answered 304.
func BenchmarkFeedNotModified(b *testing.B) {
	r := newRig(b, true)
	ctx := context.Background()
	u := r.srv.URL(webtest.WorldRSS)
	if _, err := r.in.Feed(ctx, u, FeedOptions{}); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		rep, err := r.in.Feed(ctx, u, FeedOptions{})
		if err != nil || !rep.NotModified {
			b.Fatalf("Feed = %+v, %v; want not modified", rep, err)
		}
	}
}
