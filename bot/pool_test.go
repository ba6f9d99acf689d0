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
