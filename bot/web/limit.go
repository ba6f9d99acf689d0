package web

import (
	"math"
	"net"
	"net/http"
	"net/netip"
	"strings"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// maxClients bounds how many clients the limiter tracks. Past it, idle
// clients (whose bucket has refilled, so forgetting them changes nothing)
// are swept, and if every one is active, new clients share one bucket:
// memory stays bounded however many addresses a flood comes from.
const maxClients = 10000

// limiter is a token bucket per client: each ask takes a token, tokens
// refill at the configured rate up to the burst.
type limiter struct {
	limit rate.Limit
	burst int
	now   func() time.Time

	mu        sync.Mutex
	clients   map[netip.Prefix]*rate.Limiter
	overflow  *rate.Limiter
	lastSweep time.Time
}

func newLimiter(r Rate, now func() time.Time) *limiter {
	lim := rate.Limit(float64(r.PerMinute) / 60)
	return &limiter{
		limit: lim, burst: r.Burst, now: now,
		clients:  map[netip.Prefix]*rate.Limiter{},
		overflow: rate.NewLimiter(lim, r.Burst),
	}
}

// allow takes a token from client's bucket and reports whether there was
// one; when not, wait is how long until there will be.
func (l *limiter) allow(client netip.Prefix) (wait time.Duration, ok bool) {
	now := l.now()
	l.mu.Lock()
	defer l.mu.Unlock()
	b := l.bucket(client, now)
	res := b.ReserveN(now, 1)
	if d := res.DelayFrom(now); d > 0 {
		res.CancelAt(now)
		return d, false
	}
	return 0, true
}

// bucket is client's bucket, made when new. l.mu is held.
func (l *limiter) bucket(client netip.Prefix, now time.Time) *rate.Limiter {
	if b, ok := l.clients[client]; ok {
		return b
	}
	if len(l.clients) >= maxClients && now.Sub(l.lastSweep) >= time.Second {
		l.lastSweep = now
		for k, b := range l.clients {
			if b.TokensAt(now) >= float64(l.burst) {
				delete(l.clients, k)
			}
		}
	}
	if len(l.clients) >= maxClients {
		return l.overflow
	}
	b := rate.NewLimiter(l.limit, l.burst)
	l.clients[client] = b
	return b
}

// retryAfter is a wait in whole seconds, at least 1, for Retry-After.
func retryAfter(d time.Duration) int {
	return max(1, int(math.Ceil(d.Seconds())))
}

// clientIP says which client a request comes from, for the rate limit.
// By default that is the connection's address: X-Forwarded-For is anyone's
// to write. Only when the connection comes from a trusted proxy is the
// header read, from the right, skipping trusted proxies, so a client
// cannot pick its own address by prepending one.
type clientIP struct {
	trusted []netip.Prefix
}

// of is the request's client as a rate-limit key: an IPv4 address, or an
// IPv6 /64 (one subscriber's usual allocation, so rotating addresses
// within it buys nothing).
func (c clientIP) of(r *http.Request) netip.Prefix {
	addr := peer(r.RemoteAddr)
	if c.isTrusted(addr) {
		hops := strings.Split(strings.Join(r.Header.Values("X-Forwarded-For"), ","), ",")
		for i := len(hops) - 1; i >= 0; i-- {
			hop, err := netip.ParseAddr(strings.TrimSpace(hops[i]))
			if err != nil {
				break // a garbled entry: trust nothing to its left
			}
			addr = hop.Unmap()
			if !c.isTrusted(addr) {
				break
			}
		}
	}
	return key(addr)
}

func (c clientIP) isTrusted(a netip.Addr) bool {
	for _, p := range c.trusted {
		if p.Contains(a) {
			return true
		}
	}
	return false
}

// peer is the address of host:port, or the zero Addr when it is not one
// (all such requests then share a bucket).
func peer(remote string) netip.Addr {
	host, _, err := net.SplitHostPort(remote)
	if err != nil {
		host = remote
	}
	a, err := netip.ParseAddr(host)
	if err != nil {
		return netip.Addr{}
	}
	return a.Unmap()
}

func key(a netip.Addr) netip.Prefix {
	if !a.IsValid() {
		return netip.Prefix{}
	}
	bits := 32
	if a.Is6() {
		bits = 64
	}
	p, _ := a.WithZone("").Prefix(bits)
	return p
}
