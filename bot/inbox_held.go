package bot

import (
	"context"
	"sync"

	"github.com/parley-bot/parley/store"
)

// held is the set of events this process is working on: taken, not yet
// recorded. Only these have their leases renewed. An event the store
// says is this process's but that is not held here — the database
// committed the claim and the answer was lost on the way back, a
// database outage mid-request — is left to lapse, and a sweep (here or
// on another replica) takes it up.
//
// Each event is kept with the number of the take (its attempts) this
// process works on: when the process takes an event up a second time (a
// redelivery after its lease ran out), the first worker's end must not
// drop the second's claim.
type held struct {
	mu   sync.Mutex
	keys map[store.EventKey]int
}

func (h *held) add(platform, id string, attempt int) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.keys == nil {
		h.keys = map[store.EventKey]int{}
	}
	k := store.EventKey{Platform: platform, ID: id}
	h.keys[k] = max(h.keys[k], attempt)
}

// remove drops the event, unless a later take of it is held.
func (h *held) remove(platform, id string, attempt int) {
	h.mu.Lock()
	defer h.mu.Unlock()
	k := store.EventKey{Platform: platform, ID: id}
	if n, ok := h.keys[k]; ok && n <= attempt {
		delete(h.keys, k)
	}
}

func (h *held) list() []store.EventKey {
	h.mu.Lock()
	defer h.mu.Unlock()
	out := make([]store.EventKey, 0, len(h.keys))
	for k := range h.keys {
		out = append(out, k)
	}
	return out
}

// renew extends the leases of the events this process holds.
func (in *Inbox) renew(ctx context.Context) error {
	keys := in.held.list()
	if len(keys) == 0 {
		return nil
	}
	_, err := in.log.RenewHeld(ctx, in.owner, keys, in.now().Add(in.lease))
	return err
}
