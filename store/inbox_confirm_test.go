package store_test

import (
	"testing"
	"time"

	"github.com/parley-bot/parley/store"
	"github.com/parley-bot/parley/store/storetest"
)

func TestConfirmEventFences(t *testing.T) {
	// ConfirmEvent, the check before posting, is granted only to the
	// owner of the take it names: never to a process whose lease was
	// taken over (by another owner, or by another take of its own), nor
	// after an outcome or a give-back; a lease that ran out untouched is
	// claimed again, and a confirmation extends the lease.
	storetest.Each(t, func(t *testing.T, be storetest.Backend) {
		st := be.Empty(t)
		now := storetest.Epoch
		a := store.Lease{Owner: "A", Until: now.Add(15 * time.Second)}
		confirm := func(id string, l store.Lease, attempt int) bool {
			t.Helper()
			ok, err := st.ConfirmEvent(ctx, "slack", id, l, attempt)
			if err != nil {
				t.Fatalf("ConfirmEvent(%s, %s, %d): %v", id, l.Owner, attempt, err)
			}
			return ok
		}
		for _, id := range []string{"event:1", "event:2", "event:3", "event:4"} {
			if _, taken, err := st.ReceiveEvent(ctx, "slack", id, []byte("{}"), a, now); err != nil || !taken {
				t.Fatalf("ReceiveEvent(%s) = %v, %v", id, taken, err)
			}
		}
		if !confirm("event:1", store.Lease{Owner: "A", Until: now.Add(time.Minute)}, 1) {
			t.Error("the holder was refused its confirmation")
		}
		if e, _ := st.Event(ctx, "slack", "event:1"); !e.LeaseUntil.Equal(now.Add(time.Minute)) {
			t.Errorf("lease after confirmation = %v, want extended to %v", e.LeaseUntil, now.Add(time.Minute))
		}
		if confirm("event:1", store.Lease{Owner: "B", Until: now.Add(time.Minute)}, 1) || confirm("event:1", a, 2) {
			t.Error("confirmed for another owner, or for a take that never happened")
		}
		if p, _ := st.PendingEvents(ctx, now.Add(20*time.Second), 10); len(p) != 3 {
			t.Errorf("pending = %d, want 3 (event:1's lease was extended)", len(p))
		}

		// A's lease on event:2 runs out and B takes it over: A is refused,
		// B confirmed.
		later := now.Add(20 * time.Second)
		b := store.Lease{Owner: "B", Until: later.Add(15 * time.Second)}
		if _, taken, err := st.TakeEvent(ctx, "slack", "event:2", b, later); err != nil || !taken {
			t.Fatalf("TakeEvent by B = %v, %v", taken, err)
		}
		if confirm("event:2", store.Lease{Owner: "A", Until: later.Add(time.Minute)}, 1) {
			t.Error("A confirmed an event B took over")
		}
		if !confirm("event:2", b, 2) {
			t.Error("B refused on the event it took")
		}
		// The same process takes event:3 again (its own sweep, after an
		// outage): the first take is refused, the second confirmed.
		if _, taken, _ := st.TakeEvent(ctx, "slack", "event:3", store.Lease{Owner: "A", Until: later.Add(time.Minute)}, later); !taken {
			t.Fatal("A could not take event:3 again")
		}
		a2 := store.Lease{Owner: "A", Until: later.Add(time.Minute)}
		if confirm("event:3", a2, 1) || !confirm("event:3", a2, 2) {
			t.Error("want the first take of event:3 refused, the second confirmed")
		}
		// event:4's lease ran out and no one took it: A claims it again.
		if !confirm("event:4", a2, 1) {
			t.Error("A refused on a lapsed lease no one took")
		}
		if p, _ := st.PendingEvents(ctx, later, 10); len(p) != 0 {
			t.Errorf("pending after the claim = %+v, want none", p)
		}
		// An outcome or a give-back ends every claim.
		st.FinishEvent(ctx, "slack", "event:2", store.EventAnswered, "answered", later)
		st.ReleaseEvents(ctx, "A")
		if confirm("event:2", b, 2) || confirm("event:4", a, 1) {
			t.Error("confirmed an answered event, or one given back")
		}
	})
}
