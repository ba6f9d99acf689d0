package web_test

import (
	"net/http/httptest"
	"net/netip"
	"slices"
	"testing"
	"time"

	"github.com/parley-bot/parley/bot/web"
)

// BenchmarkAsk is the server's time for one ask, from request to the
// rendered answer page (engine, bot and template; no network), with the
// median and 90th percentile reported beside the mean.
func BenchmarkAsk(b *testing.B) {
	benchPage(b, askPutin)
}

// BenchmarkAskEngineOnly is the engine's answer to the same question
// alone, so BenchmarkAsk/BenchmarkAskEngineOnly, in one run, is the cost
// of the bot and the page around it.
func BenchmarkAskEngineOnly(b *testing.B) {
	p := seeded(b)
	var took []time.Duration
	b.ReportAllocs()
	for b.Loop() {
		start := time.Now()
		if _, err := p.Engine.Answer(b.Context(), "Who met with Putin in Moscow?"); err != nil {
			b.Fatal(err)
		}
		took = append(took, time.Since(start))
	}
	reportPercentiles(b, took)
}

// BenchmarkArticlePage is the server's time to render an article page.
func BenchmarkArticlePage(b *testing.B) {
	benchPage(b, "/articles/"+firstSeed)
}

func benchPage(b *testing.B, target string) {
	s := mustServer(b, seeded(b), web.Config{Rate: web.Rate{PerMinute: 6000, Burst: 1000}})
	var took []time.Duration
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		req := httptest.NewRequest("GET", target, nil)
		// Each ask from another client, so the rate limit stays out of
		// the way (a limiter lookup is still timed).
		req.RemoteAddr = netip.AddrFrom4([4]byte{10, byte(i >> 16), byte(i >> 8), byte(i)}).String() + ":1000"
		rec := httptest.NewRecorder()
		start := time.Now()
		s.ServeHTTP(rec, req)
		took = append(took, time.Since(start))
		if rec.Code != 200 {
			b.Fatalf("GET %s = %d", target, rec.Code)
		}
		b.SetBytes(int64(rec.Body.Len()))
	}
	reportPercentiles(b, took)
}

// reportPercentiles adds the median and 90th percentile of took to the
// benchmark's figures.
func reportPercentiles(b *testing.B, took []time.Duration) {
	slices.Sort(took)
	b.ReportMetric(float64(took[len(took)/2].Nanoseconds()), "p50-ns")
	b.ReportMetric(float64(took[len(took)*9/10].Nanoseconds()), "p90-ns")
}
