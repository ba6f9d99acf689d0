package store_test

import (
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/parley-bot/parley/store"
	"github.com/parley-bot/parley/store/storetest"
)

func TestReceiveEventStates(t *testing.T) {
	storetest.Each(t, func(t *testing.T, be storetest.Backend) {
		st := be.Empty(t)
		now := storetest.Epoch
		a := store.Lease{Owner: "A", Until: now.Add(15 * time.Second)}
		b := store.Lease{Owner: "B", Until: now.Add(time.Minute)}

		e, taken, err := st.ReceiveEvent(ctx, "slack", "event:Ev1", []byte(`{"q":1}`), a, now)
		if err != nil || !taken || e.Attempts != 1 || e.State != store.EventReceived || e.Owner != "A" || string(e.Payload) != `{"q":1}` {
			t.Fatalf("first ReceiveEvent = %+v, %v, %v; want taken by A, attempt 1", e, taken, err)
		}
		// A redelivery while A's lease holds: A is on it; a duplicate.
		if e, taken, err = st.ReceiveEvent(ctx, "slack", "event:Ev1", nil, b, now.Add(time.Second)); err != nil || taken || e.Owner != "A" {
			t.Errorf("redelivery under A's lease = %+v, %v, %v; want a duplicate", e, taken, err)
		}
		// The same id on another platform is another event.
		if _, taken, _ := st.ReceiveEvent(ctx, "discord", "event:Ev1", nil, b, now); !taken {
			t.Error("same id on another platform counted as a duplicate")
		}
		// A died: after its lease, a redelivery is resumed by B, not dropped.
		later := now.Add(20 * time.Second)
		e, taken, err = st.ReceiveEvent(ctx, "slack", "event:Ev1", []byte(`{"q":2}`), store.Lease{Owner: "B", Until: later.Add(time.Minute)}, later)
		if err != nil || !taken || e.Owner != "B" || e.Attempts != 2 || string(e.Payload) != `{"q":1}` {
			t.Errorf("redelivery after A's lease = %+v, %v, %v; want taken by B, attempt 2, the stored payload", e, taken, err)
		}
		if err := st.FinishEvent(ctx, "slack", "event:Ev1", store.EventAnswered, "", later); err != nil {
			t.Fatal(err)
		}
		// Answered: every later delivery is a duplicate, and the text is gone.
		e, taken, err = st.ReceiveEvent(ctx, "slack", "event:Ev1", nil, a, later.Add(time.Hour))
		if err != nil || taken || e.State != store.EventAnswered || len(e.Payload) != 0 {
			t.Errorf("redelivery of an answered event = %+v, %v, %v; want a duplicate with no payload kept", e, taken, err)
		}
		if err := st.FinishEvent(ctx, "slack", "event:Ev1", store.EventReceived, "", later); err == nil {
			t.Error("FinishEvent accepted received as an outcome")
		}
		if _, err := st.Event(ctx, "slack", "event:nope"); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("Event(unknown) = %v, want ErrNotFound", err)
		}
	})
}

func TestPendingTakeRenewRelease(t *testing.T) {
	storetest.Each(t, func(t *testing.T, be storetest.Backend) {
		st := be.Empty(t)
		now := storetest.Epoch
		lease := store.Lease{Owner: "A", Until: now.Add(15 * time.Second)}
		for i := range 3 {
			if _, _, err := st.ReceiveEvent(ctx, "slack", fmt.Sprintf("event:%d", i), nil, lease, now.Add(time.Duration(i)*time.Millisecond)); err != nil {
				t.Fatal(err)
			}
		}
		if p, _ := st.PendingEvents(ctx, now.Add(time.Second), 10); len(p) != 0 {
			t.Errorf("%d pending while A's lease holds, want 0", len(p))
		}
		// A renews what it holds, and only that: an event under its name
		// it does not hold lapses.
		held := []store.EventKey{{Platform: "slack", ID: "event:0"}, {Platform: "slack", ID: "event:1"}, {Platform: "slack", ID: "event:none"}}
		if n, err := st.RenewHeld(ctx, "A", held, now.Add(time.Minute)); err != nil || n != 2 {
			t.Errorf("RenewHeld = %d, %v; want 2", n, err)
		}
		if p, _ := st.PendingEvents(ctx, now.Add(20*time.Second), 10); len(p) != 1 || p[0].ID != "event:2" {
			t.Errorf("pending after renewing two = %+v, want event:2 alone", p)
		}
		if n, err := st.RenewHeld(ctx, "B", []store.EventKey{{Platform: "slack", ID: "event:2"}}, now.Add(time.Minute)); err != nil || n != 0 {
			t.Errorf("RenewHeld by another owner = %d, %v; want 0", n, err)
		}
		if n, err := st.RenewHeld(ctx, "A", []store.EventKey{{Platform: "slack", ID: "event:2"}}, now.Add(time.Minute)); err != nil || n != 1 {
			t.Errorf("RenewHeld(event:2) = %d, %v; want 1", n, err)
		}
		if p, _ := st.PendingEvents(ctx, now.Add(20*time.Second), 10); len(p) != 0 {
			t.Errorf("%d pending after renewal, want 0", len(p))
		}
		// A gives one back (overloaded) and stops with the rest.
		if err := st.ReleaseEvent(ctx, "slack", "event:0", "A"); err != nil {
			t.Fatal(err)
		}
		if p, _ := st.PendingEvents(ctx, now.Add(time.Second), 10); len(p) != 1 || p[0].ID != "event:0" || p[0].Attempts != 0 {
			t.Errorf("pending after one release = %+v, want event:0 with no attempt counted", p)
		}
		if n, err := st.ReleaseEvents(ctx, "A"); err != nil || n != 2 {
			t.Errorf("ReleaseEvents = %d, %v; want the 2 A still held", n, err)
		}
		p, err := st.PendingEvents(ctx, now.Add(time.Second), 2)
		if err != nil || len(p) != 2 || p[0].ID != "event:0" || p[1].ID != "event:1" {
			t.Fatalf("PendingEvents(limit 2) = %+v, %v; want the two oldest", p, err)
		}
		// Two processes race to take each: exactly one wins each event.
		var mu sync.Mutex
		won := map[string]int{}
		var wg sync.WaitGroup
		for _, owner := range []string{"B", "C", "D"} {
			wg.Go(func() {
				for i := range 3 {
					id := fmt.Sprintf("event:%d", i)
					_, ok, err := st.TakeEvent(ctx, "slack", id, store.Lease{Owner: owner, Until: now.Add(time.Hour)}, now.Add(time.Second))
					if err != nil {
						t.Error(err)
					}
					if ok {
						mu.Lock()
						won[id]++
						mu.Unlock()
					}
				}
			})
		}
		wg.Wait()
		for i := range 3 {
			if n := won[fmt.Sprintf("event:%d", i)]; n != 1 {
				t.Errorf("event:%d taken %d times, want once", i, n)
			}
		}
	})
}

func TestExpireAndPruneEvents(t *testing.T) {
	storetest.Each(t, func(t *testing.T, be storetest.Backend) {
		st := be.Empty(t)
		now := storetest.Epoch
		none := store.Lease{Owner: "A", Until: now}
		st.ReceiveEvent(ctx, "slack", "event:old", []byte("x"), none, now)
		st.ReceiveEvent(ctx, "slack", "event:done", []byte("x"), none, now)
		st.ReceiveEvent(ctx, "slack", "event:new", []byte("x"), none, now.Add(2*time.Hour))
		st.FinishEvent(ctx, "slack", "event:done", store.EventFailed, "channel_not_found", now)
		n, err := st.ExpireEvents(ctx, now.Add(time.Hour), "not answered within 1h", now.Add(3*time.Hour))
		if err != nil || n != 1 {
			t.Errorf("ExpireEvents = %d, %v; want 1 (event:old)", n, err)
		}
		if e, _ := st.Event(ctx, "slack", "event:old"); e.State != store.EventFailed || e.Reason != "not answered within 1h" || string(e.Payload) != "x" {
			t.Errorf("expired event = %+v", e)
		}
		n, err = st.PruneEvents(ctx, now.Add(2*time.Hour))
		if err != nil || n != 1 {
			t.Errorf("PruneEvents = %d, %v; want 1 (event:done; event:old was updated later)", n, err)
		}
		if _, err := st.Event(ctx, "slack", "event:new"); err != nil {
			t.Errorf("a received event was pruned: %v", err)
		}
	})
}
