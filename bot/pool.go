package bot

import "context"

// Pool runs answer work on a bounded number of goroutines, so a burst of
// events cannot exhaust memory: when every slot is taken, TryGo refuses
// and the adapter tells the user it is busy instead of queueing forever.
type Pool struct {
	slots chan struct{}
}

// NewPool returns a pool running at most size tasks at once.
func NewPool(size int) *Pool {
	if size < 1 {
		size = 1
	}
	return &Pool{slots: make(chan struct{}, size)}
}

// TryGo runs f on a new goroutine if a slot is free and reports whether
// it did. It never blocks.
func (p *Pool) TryGo(f func()) bool {
	select {
	case p.slots <- struct{}{}:
	default:
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
func (p *Pool) Wait(ctx context.Context) error {
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
