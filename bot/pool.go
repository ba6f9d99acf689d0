package bot

import (
	"context"
	"sync/atomic"
)

// Pool runs answer work on a bounded number of goroutines, so a burst of
// events cannot exhaust memory: when every slot is taken, TryGo refuses
// and the adapter tells the user it is busy instead of queueing forever.
type Pool struct {
	slots    chan struct{}
	waiter   chan struct{} // one Wait at a time, or two could split the slots and both stall
	rejected atomic.Int64
}

// NewPool returns a pool running at most size tasks at once.
func NewPool(size int) *Pool {
	if size < 1 {
		size = 1
	}
	return &Pool{slots: make(chan struct{}, size), waiter: make(chan struct{}, 1)}
}

// TryGo runs f on a new goroutine if a slot is free and reports whether
// it did. It never blocks.
func (p *Pool) TryGo(f func()) bool {
	select {
	case p.slots <- struct{}{}:
	default:
		p.rejected.Add(1)
		return false
	}
	go func() {
		defer func() { <-p.slots }()
		f()
	}()
	return true
}

// Wait blocks until every running task has finished or ctx is done, and
// returns ctx's error in the latter case. It takes every slot in turn, so
// while it waits TryGo refuses new work: graceful shutdown uses it to
// finish work in flight within a bound. The pool is usable again after.
// Several callers may wait at once (each adapter and serve do at
// shutdown); they take turns.
func (p *Pool) Wait(ctx context.Context) error {
	select {
	case p.waiter <- struct{}{}:
		defer func() { <-p.waiter }()
	case <-ctx.Done():
		return ctx.Err()
	}
	held := 0
	defer func() {
		for range held {
			<-p.slots
		}
	}()
	for held < cap(p.slots) {
		select {
		case p.slots <- struct{}{}:
			held++
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	return nil
}

// Size is the most tasks the pool runs at once.
func (p *Pool) Size() int { return cap(p.slots) }

// Running is how many tasks are running now, for the in-flight gauge.
func (p *Pool) Running() int { return len(p.slots) }

// Rejected counts TryGo calls refused because the pool was full since it
// was made, so operators can see when to raise serve.workers.
func (p *Pool) Rejected() int64 { return p.rejected.Load() }
