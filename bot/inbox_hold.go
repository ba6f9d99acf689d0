package bot

import (
	"context"
	"errors"
)

// ErrNotHeld is returned by StillHeld, and by a Deliverer that stopped on
// it, when the inbox no longer holds the event being delivered (its lease
// was taken over, or the database could not confirm it): nothing was
// posted, and the inbox records nothing — the event is its holder's, or
// the next sweep's.
var ErrNotHeld = errors.New("the event's lease is no longer held: not posted")

type holdKey struct{}

// withHold marks ctx as the delivery of an event the inbox holds while
// check reports it does.
func withHold(ctx context.Context, check func() bool) context.Context {
	return context.WithValue(ctx, holdKey{}, check)
}

// StillHeld is for a Deliverer about to post again after a wait (a rate
// limit, a retry's backoff) that may have outlasted the event's lease: it
// confirms the lease as the inbox did before the delivery began, and
// returns ErrNotHeld when it is no longer this worker's. Outside an inbox
// delivery (a daily summary, a test) it returns nil.
func StillHeld(ctx context.Context) error {
	check, ok := ctx.Value(holdKey{}).(func() bool)
	if !ok || check() {
		return nil
	}
	return ErrNotHeld
}
