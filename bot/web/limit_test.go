package web

import (
	"net/netip"
	"testing"
	"time"
)

// TestLimiterMemoryIsBounded floods the limiter from more addresses than
// it tracks: the map never grows past maxClients, idle clients are
// forgotten, and new clients past the bound share one bucket.
func TestLimiterMemoryIsBounded(t *testing.T) {
	now := time.Date(2025, 12, 8, 0, 0, 0, 0, time.UTC)
	l := newLimiter(Rate{PerMinute: 60, Burst: 2}, func() time.Time { return now })
	addr := func(i int) netip.Prefix {
		return key(netip.AddrFrom4([4]byte{10, byte(i >> 16), byte(i >> 8), byte(i)}))
	}
	for i := range maxClients {
		if _, ok := l.allow(addr(i)); !ok {
			t.Fatalf("client %d refused on its first ask", i)
		}
	}
	// Past the bound, with every tracked client active, new clients
	// share the overflow bucket (burst 2): the third is refused, though
	// it never asked before.
	for i, want := range []bool{true, true, false} {
		if _, ok := l.allow(addr(maxClients + i)); ok != want {
			t.Errorf("overflow client %d allowed = %v, want %v", i, ok, want)
		}
	}
	if n := len(l.clients); n != maxClients {
		t.Fatalf("tracking %d clients, want the bound %d", n, maxClients)
	}
	// Once the tracked clients' buckets have refilled they are forgotten
	// and new clients get buckets of their own again.
	now = now.Add(3 * time.Second)
	if _, ok := l.allow(addr(maxClients + 700)); !ok {
		t.Errorf("a new client after the sweep was refused")
	}
	if n := len(l.clients); n != 1 {
		t.Errorf("after the sweep tracking %d clients, want 1", n)
	}
}

func TestClientKey(t *testing.T) {
	tests := map[string]string{
		"192.0.2.7:5000":          "192.0.2.7/32",
		"[::ffff:192.0.2.7]:5000": "192.0.2.7/32",
		"[2001:db8:a:b:c::1]:443": "2001:db8:a:b::/64",
		"[fe80::1%eth0]:443":      "fe80::/64",
		"not an address":          "invalid Prefix",
	}
	for remote, want := range tests {
		if got := key(peer(remote)).String(); got != want {
			t.Errorf("key(peer(%q)) = %s, want %s", remote, got, want)
		}
	}
}
