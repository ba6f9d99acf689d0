package bot_test

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"
	"time"

	"github.com/parley-bot/parley/bot"
	"github.com/parley-bot/parley/store"
	"github.com/parley-bot/parley/store/storetest"
)

// gated answers every request, holding the first one until open is
// closed: a worker caught between taking an event and posting its answer
// (a slow answer, a database that stopped answering its renewals).
type gated struct {
	calls   atomic.Int32
	entered chan struct{} // closed when the first request is being answered
	open    chan struct{}
}

func newGated() *gated { return &gated{entered: make(chan struct{}), open: make(chan struct{})} }

func (g *gated) Handle(ctx context.Context, req bot.Request) bot.Reply {
	if g.calls.Add(1) == 1 {
		close(g.entered)
		<-g.open
	}
	return bot.Reply{Kind: bot.KindAnswer, Text: "answer to " + req.Text}
}

// flaky is the store as one process reaches it: while down is set, the
// check before posting fails as an unreachable database does.
type flaky struct {
	*store.Store
	down atomic.Bool
}

func (f *flaky) ConfirmEvent(ctx context.Context, platform, id string, lease store.Lease, attempt int) (bool, error) {
	if f.down.Load() {
		return false, errors.New("dial tcp 127.0.0.1:5432: connect: connection refused")
	}
	return f.Store.ConfirmEvent(ctx, platform, id, lease, attempt)
}

// leaseProcess is one process over the store at location, answering with
// h and posting to ch.
func leaseProcess(t *testing.T, be storetest.Backend, location string, c *clock, h bot.Handler, ch *channel) (*bot.Inbox, *flaky) {
	t.Helper()
	log := &flaky{Store: be.Open(t, location)}
	in := bot.NewInbox(log, h, bot.NewPool(4), bot.InboxOptions{Now: c.fn(), Lease: 15 * time.Second})
	in.Register(&deliverer{ch: ch, plan: func(string) string { return post }, dead: make(chan struct{})})
	return in, log
}

// settle waits for in's answers in flight.
func settle(t *testing.T, in *bot.Inbox) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if err := in.Wait(ctx); err != nil {
		t.Fatalf("answers still running: %v", err)
	}
}

// owner waits until the store says ev(1) is held by in.
func waitOwner(t *testing.T, st *store.Store, in *bot.Inbox, attempts int) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		e, err := st.Event(context.Background(), "test", event(1).ID)
		if err == nil && e.Owner == in.Owner() && e.Attempts == attempts {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("event never taken by %s (attempt %d): %+v, %v", in.Owner(), attempts, e, err)
		}
		time.Sleep(time.Millisecond)
	}
}

func TestInboxPostsOnlyUnderItsLease(t *testing.T) {
	// A worker takes an event and is held before posting past its lease
	// (its renewals could not reach the database). Whoever takes the
	// event over meanwhile answers it; the first worker, let go, must not
	// post too. No timed assertion: the clock is moved by hand, and the
	// held worker is let go only once the take-over is done.
	storetest.Each(t, func(t *testing.T, be storetest.Backend) {
		t.Run("another replica took it over", func(t *testing.T) {
			loc := be.Location(t)
			c, ch, ga, gb := newClock(storetest.Epoch), &channel{}, newGated(), newGated()
			a, _ := leaseProcess(t, be, loc, c, ga, ch)
			if adm, err := a.Receive(context.Background(), event(1)); err != nil || adm != bot.Accepted {
				t.Fatalf("A.Receive = %v, %v", adm, err)
			}
			<-ga.entered
			c.add(16 * time.Second) // A's lease runs out
			b, bst := leaseProcess(t, be, loc, c, gb, ch)
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			go b.Run(ctx) // B's sweep takes the event up; B's answer is held too
			waitOwner(t, bst.Store, b, 2)
			<-gb.entered
			close(ga.open) // A goes on while B holds the event
			settle(t, a)
			if n := ch.count(event(1).ID); n != 0 {
				t.Fatalf("A posted %d times under B's lease, want 0", n)
			}
			close(gb.open)
			waitState(t, bst.Store, []int{1}, answered)
			settle(t, b)
			if n := ch.count(event(1).ID); n != 1 {
				t.Errorf("event answered %d times, want once (by B)", n)
			}
		})
		t.Run("another replica answered it", func(t *testing.T) {
			loc := be.Location(t)
			c, ch, ga := newClock(storetest.Epoch), &channel{}, newGated()
			a, _ := leaseProcess(t, be, loc, c, ga, ch)
			a.Receive(context.Background(), event(1))
			<-ga.entered
			c.add(16 * time.Second)
			gb := newGated()
			close(gb.open)
			b, bst := leaseProcess(t, be, loc, c, gb, ch)
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			go b.Run(ctx)
			waitState(t, bst.Store, []int{1}, answered)
			close(ga.open)
			settle(t, a)
			if n := ch.count(event(1).ID); n != 1 {
				t.Errorf("event answered %d times, want once (by B)", n)
			}
		})
		t.Run("a redelivery to the same process took it again", func(t *testing.T) {
			// One process (the SQLite case): its renewals failed, the
			// lease ran out, and a redelivery of the event took it up
			// again on a second worker, which answers; the first must not.
			c, ch, ga := newClock(storetest.Epoch), &channel{}, newGated()
			a, ast := leaseProcess(t, be, be.Location(t), c, ga, ch)
			a.Receive(context.Background(), event(1))
			<-ga.entered
			c.add(16 * time.Second)
			if adm, err := a.Receive(context.Background(), event(1)); err != nil || adm != bot.Accepted {
				t.Fatalf("redelivery after the lease = %v, %v; want accepted (resumed)", adm, err)
			}
			waitState(t, ast.Store, []int{1}, answered)
			close(ga.open)
			settle(t, a)
			if n := ch.count(event(1).ID); n != 1 {
				t.Errorf("event answered %d times, want once", n)
			}
		})
		t.Run("database unreachable at the check", func(t *testing.T) {
			// The check cannot reach the database: nothing is posted, the
			// event stays received, and it is answered once the database
			// is back and the lease has run out.
			c, ch, ga := newClock(storetest.Epoch), &channel{}, newGated()
			a, ast := leaseProcess(t, be, be.Location(t), c, ga, ch)
			a.Receive(context.Background(), event(1))
			<-ga.entered
			ast.down.Store(true)
			close(ga.open)
			settle(t, a)
			if n := ch.count(event(1).ID); n != 0 {
				t.Fatalf("posted %d times without a confirmed lease, want 0", n)
			}
			if e, _ := ast.Event(context.Background(), "test", event(1).ID); e.State != store.EventReceived {
				t.Fatalf("event after a failed check = %+v, want received", e)
			}
			ast.down.Store(false)
			c.add(16 * time.Second)
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			go a.Run(ctx)
			waitState(t, ast.Store, []int{1}, answered)
			settle(t, a)
			if n := ch.count(event(1).ID); n != 1 {
				t.Errorf("event answered %d times, want once", n)
			}
		})
	})
}
