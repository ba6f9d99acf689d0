package slack

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/parley-bot/parley/store"
)

func TestRateLimitWaitPastTheLeaseDoesNotPost(t *testing.T) {
	// The post is rate limited; while the adapter waits, its lease is
	// taken over (its renewals could not reach the database, and another
	// replica took the event up). The retry after the wait must not post:
	// the event is the other replica's, left received, with no outcome
	// written over it.
	var f *fixture
	takeOver := func(ctx context.Context, d time.Duration) error {
		later := f.now().Add(time.Hour)
		if _, ok, err := f.st.TakeEvent(ctx, "slack", "event:Ev0TAKEN", store.Lease{Owner: "B", Until: later.Add(time.Minute)}, later); err != nil || !ok {
			t.Errorf("take over during the wait = %v, %v", ok, err)
		}
		return ctx.Err()
	}
	f = newFixture(t, ModeHTTP, func(c *Config) { c.Sleep = takeOver })
	f.fake.RateLimit("chat.postMessage", 1, 3)
	if code, _ := f.event(callback("Ev0TAKEN", mention("<@UPARLEY01> "+question, "3.2")), nil); code != http.StatusOK {
		t.Fatalf("event = %d", code)
	}
	for deadline := time.Now().Add(waitFor); f.fake.Calls("chat.postMessage") == 0; time.Sleep(time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("no post tried")
		}
	}
	f.settle(f.a)
	if n, posts := f.fake.Calls("chat.postMessage"), len(f.fake.Posts()); n != 1 || posts != 0 {
		t.Errorf("chat.postMessage called %d times, %d posts; want 1 call (the 429) and no post", n, posts)
	}
	if e, err := f.st.Event(context.Background(), "slack", "event:Ev0TAKEN"); err != nil || e.State != store.EventReceived || e.Owner != "B" {
		t.Errorf("event after the wait = %+v, %v; want received, held by B", e, err)
	}
}
