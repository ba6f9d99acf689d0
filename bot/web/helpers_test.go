package web_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/parley-bot/parley/answers"
	"github.com/parley-bot/parley/bot"
	"github.com/parley-bot/parley/bot/web"
	"github.com/parley-bot/parley/seeds"
	"github.com/parley-bot/parley/store"
	"github.com/parley-bot/parley/store/storetest"
)

// day is a day the seed articles are in scope for the summary.
var day = time.Date(2025, 12, 8, 9, 0, 0, 0, time.UTC)

// parley is a real store on the seeds, the real engine and bot.
type parley struct {
	Store  *store.Store
	Engine *answers.Engine
	Bot    *bot.Bot
}

// mustParley is a Parley of its own on the seeds and docs, for tests that
// add articles; tests that only read the seeds share seeded's.
func mustParley(tb testing.TB, docs ...store.Document) parley {
	tb.Helper()
	p, err := newParley(storetest.MustOpen(tb), docs...)
	if err != nil {
		tb.Fatal(err)
	}
	return p
}

func newParley(st *store.Store, docs ...store.Document) (parley, error) {
	ctx := context.Background()
	for _, d := range docs {
		if _, err := st.Ingest(ctx, d, storetest.Epoch); err != nil {
			return parley{}, fmt.Errorf("ingest %s: %w", d.ID, err)
		}
	}
	// The engine reads the facts it needs from the store or, as here
	// (a store opened without an analyzer), makes them in memory.
	pack, err := answers.ParsePack("seeds/domain.yaml", seeds.Domain)
	if err != nil {
		return parley{}, err
	}
	eng, err := answers.NewEngine(ctx, st, answers.WithPack(pack))
	if err != nil {
		return parley{}, fmt.Errorf("engine: %w", err)
	}
	b := bot.New(eng, nil, nil)
	b.Now = func() time.Time { return day }
	return parley{Store: st, Engine: eng, Bot: b}, nil
}

// shared is one Parley on the seeds alone, built once for the package
// (building facts and the index is most of a test's time under -race)
// and only ever read.
var shared struct {
	once sync.Once
	dir  string
	p    parley
	err  error
}

func seeded(tb testing.TB) parley {
	tb.Helper()
	shared.once.Do(func() {
		if shared.dir, shared.err = os.MkdirTemp("", "parley-web-test"); shared.err != nil {
			return
		}
		st, err := store.Open(context.Background(), filepath.Join(shared.dir, "parley.db"))
		if err != nil {
			shared.err = err
			return
		}
		if _, err := st.IngestFS(context.Background(), seeds.FS, storetest.Epoch); err != nil {
			shared.err = err
			return
		}
		shared.p, shared.err = newParley(st)
	})
	if shared.err != nil {
		tb.Fatalf("shared store: %v", shared.err)
	}
	return shared.p
}

func TestMain(m *testing.M) {
	code := m.Run()
	if shared.p.Store != nil {
		shared.p.Store.Close()
	}
	if shared.dir != "" {
		os.RemoveAll(shared.dir)
	}
	os.Exit(code)
}

// clock is a settable clock for the rate limiter.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// mustServer is a web Server over p with cfg's other settings; deps, if
// given, sets the log and clock (the handler is p's bot).
func mustServer(tb testing.TB, p parley, cfg web.Config, deps ...bot.Deps) *web.Server {
	tb.Helper()
	cfg.Library = p.Store
	var d bot.Deps
	if len(deps) > 0 {
		d = deps[0]
	}
	d.Handler = p.Bot
	if d.Now == nil {
		c := &clock{t: day}
		d.Now = c.Now
	}
	s, err := web.New(cfg, d)
	if err != nil {
		tb.Fatalf("web.New: %v", err)
	}
	return s
}

// get serves one request in-process and returns the response and body.
func get(tb testing.TB, h http.Handler, method, target string, edit ...func(*http.Request)) (*http.Response, string) {
	tb.Helper()
	req := httptest.NewRequest(method, target, nil)
	for _, e := range edit {
		e(req)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	res := rec.Result()
	body, _ := io.ReadAll(res.Body)
	return res, string(body)
}

func from(addr string) func(*http.Request) {
	return func(r *http.Request) { r.RemoteAddr = addr }
}
