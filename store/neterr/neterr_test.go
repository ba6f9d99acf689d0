package neterr

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"syscall"
	"testing"
)

func TestReason(t *testing.T) {
	addr := &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 1}
	refused := &net.OpError{Op: "dial", Net: "tcp", Addr: addr, Err: os.NewSyscallError("connect", syscall.ECONNREFUSED)}
	notFound := &net.DNSError{Err: "no such host", Name: "host.invalid", Server: "10.0.0.53:53", IsNotFound: true}
	flaky := &net.DNSError{Err: "server misbehaving", Name: "example.org", Server: "10.0.0.53:53"}
	hook := &net.OpError{Op: "dial", Net: "tcp", Addr: addr, Err: errors.New("address is not public")}
	for _, c := range []struct {
		err  error
		want string
		ok   bool
	}{
		{&url.Error{Op: "Get", URL: "http://127.0.0.1:1/", Err: refused}, "127.0.0.1:1: connection refused", true},
		{errors.Join(refused, refused), "127.0.0.1:1: connection refused", true},
		{fmt.Errorf("dial: %w", &net.OpError{Op: "dial", Net: "tcp", Err: notFound}), `host "host.invalid" not found`, true},
		{flaky, `cannot look up host "example.org": server misbehaving`, true},
		{hook, "", false},
		{errors.New("other"), "", false},
	} {
		got, ok := Reason(c.err)
		if got != c.want || ok != c.ok {
			t.Errorf("Reason(%v) = %q, %v; want %q, %v", c.err, got, ok, c.want, c.ok)
		}
		if p := Plain(c.err); !errors.Is(p, c.err) || (c.ok && p.Error() != c.want) {
			t.Errorf("Plain(%v) = %q; want %q, unwrapping to the error", c.err, p, c.want)
		}
	}
}
