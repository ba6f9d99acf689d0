package bot

import (
	"context"
	"sync/atomic"
	"testing"
	"time"
)

func TestPoolBoundsAndWaits(t *testing.T) {
	p := NewPool(2)
	release := make(chan struct{})
	var ran atomic.Int32
	for i := range 2 {
		if !p.TryGo(func() { <-release; ran.Add(1) }) {
			t.Fatalf("task %d refused with a free slot", i)
		}
	}
	if p.TryGo(func() { ran.Add(1) }) {
		t.Fatal("third task accepted by a pool of two")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Millisecond)
	defer cancel()
	if err := p.Wait(ctx); err == nil {
		t.Fatal("Wait returned before the tasks finished")
	}
	close(release)
	if err := p.Wait(context.Background()); err != nil {
		t.Fatal(err)
	}
	if ran.Load() != 2 {
		t.Fatalf("%d tasks ran, want 2", ran.Load())
	}
	if !p.TryGo(func() {}) {
		t.Fatal("slot not freed after tasks finished")
	}
}

func TestPoolConcurrentWaits(t *testing.T) {
	// Two adapters and serve all wait on the shared pool at shutdown:
	// the waits must not split the slots between them and stall.
	p := NewPool(4)
	release := make(chan struct{})
	for range 4 {
		p.TryGo(func() { <-release })
	}
	const waiters = 3
	errs := make(chan error, waiters)
	for range waiters {
		go func() {
			ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
			defer cancel()
			errs <- p.Wait(ctx)
		}()
	}
	time.Sleep(10 * time.Millisecond) // let the waiters start taking slots
	close(release)
	for range waiters {
		if err := <-errs; err != nil {
			t.Errorf("Wait with concurrent waiters = %v, want nil", err)
		}
	}
	if p.Running() != 0 {
		t.Errorf("Running after the waits = %d, want 0", p.Running())
	}
	if !p.TryGo(func() {}) {
		t.Error("pool unusable after concurrent waits")
	}
}

func TestPoolCountsRejections(t *testing.T) {
	p := NewPool(1)
	release := make(chan struct{})
	defer close(release)
	p.TryGo(func() { <-release })
	for range 3 {
		p.TryGo(func() {})
	}
	if p.Size() != 1 || p.Running() != 1 || p.Rejected() != 3 {
		t.Errorf("Size, Running, Rejected = %d, %d, %d; want 1, 1, 3", p.Size(), p.Running(), p.Rejected())
	}
}
