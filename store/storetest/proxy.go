package storetest

import (
	"io"
	"net"
	"sync"
	"testing"
)

// Proxy forwards TCP to a target until Cut, which closes every connection
// and refuses new ones until Restore: a database outage, as a restart of
// the server looks from its clients.
type Proxy struct {
	// Addr is where the proxy listens (host:port), to put in a store URL
	// in place of the server's.
	Addr   string
	target string
	mu     sync.Mutex
	down   bool
	conns  []net.Conn
}

// NewProxy starts a proxy to target (host:port) on a free local port; it
// is cut and closed when tb ends.
func NewProxy(tb testing.TB, target string) *Proxy {
	tb.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { ln.Close() })
	p := &Proxy{Addr: ln.Addr().String(), target: target}
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go p.serve(c)
		}
	}()
	tb.Cleanup(p.Cut)
	return p
}

func (p *Proxy) serve(c net.Conn) {
	p.mu.Lock()
	if p.down {
		p.mu.Unlock()
		c.Close()
		return
	}
	up, err := net.Dial("tcp", p.target)
	if err != nil {
		p.mu.Unlock()
		c.Close()
		return
	}
	p.conns = append(p.conns, c, up)
	p.mu.Unlock()
	go func() { io.Copy(up, c); up.Close() }()
	io.Copy(c, up)
	c.Close()
}

// Cut closes every connection through the proxy and refuses new ones.
func (p *Proxy) Cut() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.down = true
	for _, c := range p.conns {
		c.Close()
	}
	p.conns = nil
}

// Restore lets new connections through again.
func (p *Proxy) Restore() {
	p.mu.Lock()
	p.down = false
	p.mu.Unlock()
}
