package bot_test

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/parley-bot/parley/answers"
	"github.com/parley-bot/parley/bot"
	"github.com/parley-bot/parley/store"
	"github.com/parley-bot/parley/store/storetest"
)

// channel is a fake platform: how many times each event was answered.
type channel struct {
	mu    sync.Mutex
	posts map[string]int
}

func (c *channel) post(id string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.posts == nil {
		c.posts = map[string]int{}
	}
	c.posts[id]++
}

func (c *channel) count(id string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.posts[id]
}

// What a fake deliverer does with an event.
const (
	post         = "post"           // delivers
	postThenHang = "post-then-hang" // delivers, then the process "dies" before recording it
	hang         = "hang"           // the process "dies" before delivering
	maybe        = "maybe"          // the request went out, no answer came back
	refuse       = "refuse"         // the platform says no
)

// deliverer delivers to a fake channel, as its plan says per event. A
// hanging delivery stands for a process killed at that point: it never
// returns while the test runs.
type deliverer struct {
	ch      *channel
	plan    func(id string) string
	dead    chan struct{} // closed when the test ends
	resumed atomic.Int32
	calls   atomic.Int32 // deliveries begun
}

func (d *deliverer) Platform() string { return "test" }

func (d *deliverer) Deliver(ctx context.Context, ev bot.Event, r bot.Reply) error {
	d.calls.Add(1)
	if ev.Resumed {
		d.resumed.Add(1)
	}
	if r.Text == "" {
		return errors.New("empty reply")
	}
	switch d.plan(ev.ID) {
	case hang:
		<-d.dead
		return errors.New("process gone")
	case postThenHang:
		d.ch.post(ev.ID)
		<-d.dead
		return errors.New("process gone")
	case maybe:
		return fmt.Errorf("chat.postMessage: %w: connection reset by peer", bot.ErrMaybePosted)
	case refuse:
		return errors.New("chat.postMessage: channel_not_found")
	}
	d.ch.post(ev.ID)
	return nil
}

// clock is a settable clock.
type clock struct{ t atomic.Int64 }

func (c *clock) now() time.Time       { return time.Unix(0, c.t.Load()) }
func (c *clock) set(t time.Time)      { c.t.Store(t.UnixNano()) }
func (c *clock) add(d time.Duration)  { c.t.Add(int64(d)) }
func newClock(t time.Time) *clock     { c := &clock{}; c.set(t); return c }
func (c *clock) fn() func() time.Time { return c.now }

// process is one "process" of Parley over a store file: its own store
// connection, bot, pool and inbox.
type process struct {
	st    *store.Store
	inbox *bot.Inbox
	d     *deliverer
	m     *bot.Metrics
}

func startProcess(t *testing.T, path string, c *clock, workers int, d *deliverer) *process {
	t.Helper()
	st, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	eng, err := answers.NewEngine(context.Background(), st)
	if err != nil {
		t.Fatal(err)
	}
	m := bot.NewMetrics(nil)
	b := bot.New(eng, slog.New(slog.DiscardHandler), m)
	in := bot.NewInbox(st, b, bot.NewPool(workers), bot.InboxOptions{Metrics: m, Now: c.fn(), Lease: 15 * time.Second})
	in.Register(d)
	return &process{st: st, inbox: in, d: d, m: m}
}

func event(i int) bot.Event {
	return bot.Event{Platform: "test", ID: fmt.Sprintf("event:Ev%02d", i),
		Request: bot.Request{Platform: "test", Channel: "C1", User: "U1", Text: "Who met with Putin in Moscow?", EventID: fmt.Sprintf("Ev%02d", i)}}
}

// waitState polls the store until every listed event is in a state want
// accepts, failing after 20s.
func waitState(t *testing.T, st *store.Store, ids []int, want func(store.EventState) bool) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		ok := true
		for _, i := range ids {
			e, err := st.Event(context.Background(), "test", event(i).ID)
			if err != nil || !want(e.State) {
				ok = false
				break
			}
		}
		if ok {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("events %v not in the wanted state within 20s", ids)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func answered(s store.EventState) bool { return s == store.EventAnswered }

func TestInboxResumesWhatACrashedProcessLeft(t *testing.T) {
	// Process A takes 10 events and "dies" (its deliveries hang for good)
	// with 4 posted but not recorded, 4 not posted, 2 answered. Process B
	// starts on the same store file once A's lease has run out: it
	// answers the 8 A left, so nothing acknowledged is lost; only the 4
	// caught between posting and recording are answered twice.
	path := storetest.MustOpen(t).Path()
	dead := make(chan struct{})
	t.Cleanup(func() { close(dead) }) // after the stores close: A records nothing late
	ch := &channel{}
	c := newClock(storetest.Epoch)
	planA := func(id string) string {
		var i int
		fmt.Sscanf(id, "event:Ev%d", &i)
		switch {
		case i < 4:
			return postThenHang
		case i < 8:
			return hang
		}
		return post
	}
	a := startProcess(t, path, c, 16, &deliverer{ch: ch, plan: planA, dead: dead})
	for i := range 10 {
		if adm, err := a.inbox.Receive(context.Background(), event(i)); err != nil || adm != bot.Accepted {
			t.Fatalf("A.Receive(%d) = %v, %v; want accepted", i, adm, err)
		}
	}
	waitState(t, a.st, []int{8, 9}, answered)
	// A "dies" once every one of its workers is past its check before
	// posting and stuck in a delivery: a worker still alive when the
	// clock moves on would rightly confirm its lease again.
	for deadline := time.Now().Add(10 * time.Second); a.d.calls.Load() < 10; time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("A began %d deliveries, want 10", a.d.calls.Load())
		}
	}
	for deadline := time.Now().Add(10 * time.Second); ch.count(event(3).ID) == 0; time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("A never posted event 3")
		}
	}
	// A redelivery to A while it holds the event is a duplicate.
	if adm, _ := a.inbox.Receive(context.Background(), event(5)); adm != bot.Duplicate {
		t.Errorf("redelivery to A of an event it holds = %v, want duplicate", adm)
	}

	// A is gone. B starts after A's lease has run out.
	c.add(16 * time.Second)
	b := startProcess(t, path, c, 16, &deliverer{ch: ch, plan: func(string) string { return post }, dead: dead})
	// A redelivery that reaches B first is resumed, not dropped.
	if adm, err := b.inbox.Receive(context.Background(), event(6)); err != nil || adm != bot.Accepted {
		t.Errorf("redelivery to B of an event A left = %v, %v; want accepted (resumed)", adm, err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go b.inbox.Run(ctx)
	all := []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}
	waitState(t, b.st, all, answered)

	twice := 0
	for _, i := range all {
		n := ch.count(event(i).ID)
		switch {
		case n == 0:
			t.Errorf("event %d lost: never answered", i)
		case n == 2 && i < 4:
			twice++ // posted by A, not recorded: inside the window
		case n != 1:
			t.Errorf("event %d answered %d times", i, n)
		}
	}
	if twice != 4 {
		t.Errorf("%d events answered twice, want the 4 A posted without recording", twice)
	}
	if got := b.d.resumed.Load(); got != 8 {
		t.Errorf("B resumed %d events, want 8", got)
	}
	e, _ := b.st.Event(context.Background(), "test", event(0).ID)
	if e.Attempts != 2 || len(e.Payload) != 0 {
		t.Errorf("event 0 after B = %+v, want attempt 2 and its text dropped", e)
	}
	// Answered now: every redelivery is a duplicate.
	if adm, _ := b.inbox.Receive(context.Background(), event(0)); adm != bot.Duplicate {
		t.Errorf("redelivery of an answered event = %v, want duplicate", adm)
	}
	if got := testutil.ToFloat64(b.m.Inbox.WithLabelValues("test", "resumed")); got != 8 {
		t.Errorf("parley_inbox_events_total{step=resumed} = %v, want 8", got)
	}
}

func TestInboxOutcomesAreNotRetried(t *testing.T) {
	// An outcome that cannot be known (ErrMaybePosted) and a refusal are
	// recorded, with their reasons, and neither a redelivery nor a later
	// sweep posts again.
	path := storetest.MustOpen(t).Path()
	dead := make(chan struct{})
	t.Cleanup(func() { close(dead) })
	ch := &channel{}
	c := newClock(storetest.Epoch)
	plan := func(id string) string {
		if id == event(0).ID {
			return maybe
		}
		return refuse
	}
	p := startProcess(t, path, c, 4, &deliverer{ch: ch, plan: plan, dead: dead})
	for i := range 2 {
		if _, err := p.inbox.Receive(context.Background(), event(i)); err != nil {
			t.Fatal(err)
		}
	}
	waitState(t, p.st, []int{0, 1}, func(s store.EventState) bool { return s != store.EventReceived })
	e0, _ := p.st.Event(context.Background(), "test", event(0).ID)
	e1, _ := p.st.Event(context.Background(), "test", event(1).ID)
	if e0.State != store.EventMaybePosted || e0.Reason == "" {
		t.Errorf("event 0 = %+v, want maybe_posted with a reason", e0)
	}
	if e1.State != store.EventFailed || e1.Reason != "chat.postMessage: channel_not_found" {
		t.Errorf("event 1 = %+v, want failed: channel_not_found", e1)
	}
	c.add(time.Hour)
	ctx, cancel := context.WithCancel(context.Background())
	go p.inbox.Run(ctx)
	for i := range 2 {
		if adm, _ := p.inbox.Receive(context.Background(), event(i)); adm != bot.Duplicate {
			t.Errorf("redelivery of event %d = %v, want duplicate", i, adm)
		}
	}
	cancel()
	if n := p.d.resumed.Load(); n != 0 {
		t.Errorf("%d events resumed, want none", n)
	}
}

func TestInboxOverloadGivesBack(t *testing.T) {
	// One worker, held; four busy notices, held too: the next event is
	// refused (ErrOverloaded) and given back, so the next sweep answers it
	// once a worker is free, with no wait for a lease; and a stop answers
	// what is waiting before it gives up.
	path := storetest.MustOpen(t).Path()
	release := make(chan struct{})
	ch := &channel{}
	c := newClock(storetest.Epoch)
	plan := func(id string) string {
		if id != event(5).ID {
			return hang
		}
		return post
	}
	p := startProcess(t, path, c, 1, &deliverer{ch: ch, plan: plan, dead: release})
	for i := range 5 {
		if adm, err := p.inbox.Receive(context.Background(), event(i)); err != nil || adm != bot.Accepted {
			t.Fatalf("Receive(%d) = %v, %v; want accepted (an answer, then busy notices)", i, adm, err)
		}
	}
	if _, err := p.inbox.Receive(context.Background(), event(5)); !errors.Is(err, bot.ErrOverloaded) {
		t.Fatalf("Receive with every slot taken = %v, want ErrOverloaded", err)
	}
	e, _ := p.st.Event(context.Background(), "test", event(5).ID)
	if e.State != store.EventReceived || e.Owner != "" {
		t.Errorf("refused event = %+v, want received and unclaimed", e)
	}
	close(release)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go p.inbox.Run(ctx)
	waitState(t, p.st, []int{5}, answered)
	if n := ch.count(event(5).ID); n != 1 {
		t.Errorf("given-back event answered %d times, want once", n)
	}

	// Overloaded again, then stopped: Close answers the given-back event
	// before it returns.
	cancel()
	held := make(chan struct{})
	q := startProcess(t, path, c, 1, &deliverer{ch: ch, plan: func(id string) string {
		if id == event(11).ID {
			return post
		}
		return hang
	}, dead: held})
	for i := 6; i < 11; i++ {
		q.inbox.Receive(context.Background(), event(i)) // the one worker, then four busy notices, all held
	}
	if _, err := q.inbox.Receive(context.Background(), event(11)); !errors.Is(err, bot.ErrOverloaded) {
		t.Fatalf("Receive with every slot taken = %v, want ErrOverloaded", err)
	}
	close(held)
	cctx, stop := context.WithTimeout(context.Background(), 20*time.Second)
	defer stop()
	if err := q.inbox.Close(cctx); err != nil {
		t.Fatalf("Close = %v", err)
	}
	if e, _ := q.st.Event(context.Background(), "test", event(11).ID); e.State != store.EventAnswered || ch.count(event(11).ID) != 1 {
		t.Errorf("given-back event after Close = %+v, answered %d times; want answered once", e, ch.count(event(11).ID))
	}
}

func TestInboxCloseGivesBackUnanswered(t *testing.T) {
	// A stop past its bound leaves an answer running: Close gives its
	// lease back, so the next start answers it at once, not after the
	// lease.
	path := storetest.MustOpen(t).Path()
	dead := make(chan struct{})
	t.Cleanup(func() { close(dead) })
	ch := &channel{}
	c := newClock(storetest.Epoch)
	a := startProcess(t, path, c, 2, &deliverer{ch: ch, plan: func(string) string { return hang }, dead: dead})
	if _, err := a.inbox.Receive(context.Background(), event(0)); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	if err := a.inbox.Close(ctx); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Close with an answer stuck = %v, want DeadlineExceeded", err)
	}
	b := startProcess(t, path, c, 2, &deliverer{ch: ch, plan: func(string) string { return post }, dead: dead})
	rctx, stop := context.WithCancel(context.Background())
	defer stop()
	go b.inbox.Run(rctx) // same clock: A's lease has not run out
	waitState(t, b.st, []int{0}, answered)
}

func TestInboxExpiresAndPrunes(t *testing.T) {
	path := storetest.MustOpen(t).Path()
	dead := make(chan struct{})
	t.Cleanup(func() { close(dead) })
	c := newClock(storetest.Epoch)
	p := startProcess(t, path, c, 2, &deliverer{ch: &channel{}, plan: func(string) string { return post }, dead: dead})
	// An old answered event and one received long ago by a process that
	// died, for a platform no longer enabled.
	now := storetest.Epoch
	if _, _, err := p.st.ReceiveEvent(context.Background(), "test", "event:old", nil, store.Lease{Owner: "X", Until: now}, now); err != nil {
		t.Fatal(err)
	}
	p.st.FinishEvent(context.Background(), "test", "event:old", store.EventAnswered, "answered", now)
	p.st.ReceiveEvent(context.Background(), "gone", "event:stale", []byte("{}"), store.Lease{Owner: "X", Until: now}, now)
	c.add(bot.DefaultRetention + time.Hour)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go p.inbox.Run(ctx)
	deadline := time.Now().Add(10 * time.Second)
	for {
		_, errOld := p.st.Event(context.Background(), "test", "event:old")
		stale, _ := p.st.Event(context.Background(), "gone", "event:stale")
		if errors.Is(errOld, store.ErrNotFound) && stale.State == store.EventFailed {
			if stale.Reason != "not answered within 24h0m0s" {
				t.Errorf("expired event reason = %q", stale.Reason)
			}
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("after the retention: old event %v, stale event %+v; want pruned and expired", errOld, stale)
		}
		time.Sleep(5 * time.Millisecond)
	}
}
