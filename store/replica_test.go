package store_test

import (
	"context"
	"fmt"
	"net/url"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/parley-bot/parley/store"
	"github.com/parley-bot/parley/store/storetest"
)

// TestReceiveEventOnceAcrossStores is two replicas on one database: each
// event, delivered to both at once (a retry landing on the other
// replica), is taken by exactly one.
func TestReceiveEventOnceAcrossStores(t *testing.T) {
	storetest.Each(t, func(t *testing.T, be storetest.Backend) {
		loc := be.Location(t)
		stores := []*store.Store{be.Open(t, loc), be.Open(t, loc)}
		now := storetest.Epoch
		const events = 50
		var taken atomic.Int64
		var wg sync.WaitGroup
		for i := range events {
			for r, st := range stores {
				for range 2 {
					wg.Add(1)
					go func() {
						defer wg.Done()
						lease := store.Lease{Owner: fmt.Sprintf("replica-%d", r), Until: now.Add(time.Minute)}
						_, ok, err := st.ReceiveEvent(ctx, "slack", fmt.Sprintf("event:Ev%d", i), []byte("{}"), lease, now)
						if err != nil {
							t.Error(err)
						}
						if ok {
							taken.Add(1)
						}
					}()
				}
			}
		}
		wg.Wait()
		if taken.Load() != events {
			t.Errorf("%d events taken from 4 deliveries each of %d, want each taken once", taken.Load(), events)
		}
	})
}

// TestChangesSeenByAnotherStore is a replica noticing another machine's
// ingest: its stamp moves and Changes names the article, with no restart.
func TestChangesSeenByAnotherStore(t *testing.T) {
	storetest.Each(t, func(t *testing.T, be storetest.Backend) {
		loc := be.Location(t)
		a, b := be.Open(t, loc), be.Open(t, loc)
		before, err := b.Stamp(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := a.Ingest(ctx, store.Document{ID: "elsewhere", Body: "Talks resumed in Geneva.\n"}, storetest.Epoch); err != nil {
			t.Fatal(err)
		}
		ids, after, err := b.Changes(ctx, before)
		if err != nil || len(ids) != 1 || ids[0] != "elsewhere" || after <= before {
			t.Errorf("Changes on the other store = %v, %d, %v; want [elsewhere] past %d", ids, after, err, before)
		}
	})
}

// TestPostgresPingRecovers cuts the connection to PostgreSQL (a proxy in
// between stops forwarding) and restores it: Ping, behind /readyz, fails
// while the database is unreachable and succeeds again by itself.
func TestPostgresPingRecovers(t *testing.T) {
	storetest.RequirePostgres(t)
	loc := storetest.Postgres.Location(t)
	u, err := url.Parse(loc)
	if err != nil {
		t.Fatal(err)
	}
	p := storetest.NewProxy(t, u.Host)
	u.Host = p.Addr
	st := storetest.Postgres.Open(t, u.String(), store.WithConnectTimeout(time.Second))
	if err := st.Ping(ctx); err != nil {
		t.Fatalf("Ping through the proxy: %v", err)
	}
	p.Cut()
	pctx, cancel := context.WithTimeout(ctx, 3*time.Second)
	defer cancel()
	if err := st.Ping(pctx); err == nil {
		t.Fatal("Ping succeeded with the database unreachable")
	}
	p.Restore()
	var last error
	for range 50 {
		if last = st.Ping(ctx); last == nil {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Errorf("Ping did not recover after the database came back: %v", last)
}

// TestConcurrentIngestAcrossStores is two machines ingesting at once:
// every article is stored once with its own revision, so a replica that
// follows Changes misses none.
func TestConcurrentIngestAcrossStores(t *testing.T) {
	storetest.Each(t, func(t *testing.T, be storetest.Backend) {
		loc := be.Location(t)
		stores := []*store.Store{be.Open(t, loc), be.Open(t, loc)}
		const n = 16
		var wg sync.WaitGroup
		for i := range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				// Each article twice, once from each store: one adds it.
				for _, st := range stores {
					d := store.Document{ID: fmt.Sprintf("a%02d", i), Body: fmt.Sprintf("Round %d of talks ended.\n", i)}
					if _, err := st.Ingest(ctx, d, storetest.Epoch); err != nil {
						t.Error(err)
					}
				}
			}()
		}
		wg.Wait()
		ids, stamp, err := stores[1].Changes(ctx, 0)
		if err != nil || len(ids) != n || stamp != n {
			t.Errorf("Changes(0) = %d ids, stamp %d, %v; want %d articles at revisions 1..%d", len(ids), stamp, err, n, n)
		}
	})
}

// TestHealOnceAcrossStores is two replicas starting with a new analyzer
// at once: each article is analysed again by one of them.
func TestHealOnceAcrossStores(t *testing.T) {
	storetest.Each(t, func(t *testing.T, be storetest.Backend) {
		loc := be.Location(t)
		old := be.Open(t, loc, store.WithAnalyzer(&wordCounter{version: "v1"}))
		for i := range 8 {
			if _, err := old.Ingest(ctx, store.Document{ID: fmt.Sprintf("a%d", i), Body: fmt.Sprintf("Talks went on for %d days.\n", i)}, storetest.Epoch); err != nil {
				t.Fatal(err)
			}
		}
		a, b := &wordCounter{version: "v2"}, &wordCounter{version: "v2"}
		stores := []*store.Store{be.Open(t, loc, store.WithAnalyzer(a)), be.Open(t, loc, store.WithAnalyzer(b))}
		var wg sync.WaitGroup
		healed := make([]int, 2)
		for i, st := range stores {
			wg.Go(func() {
				n, err := st.Heal(ctx)
				if err != nil {
					t.Error(err)
				}
				healed[i] = n
			})
		}
		wg.Wait()
		if healed[0]+healed[1] != 8 || a.calls+b.calls != 8 {
			t.Errorf("healed %v with %d analyses, want 8 articles analysed once between them", healed, a.calls+b.calls)
		}
	})
}
