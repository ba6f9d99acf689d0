// Package neterr says in a few words why a network connection failed.
package neterr

import (
	"errors"
	"net"
	"syscall"
)

// Reason says in a few words why a connection could not be made: the
// host that did not resolve, or the address and the system's reason
// ("127.0.0.1:1: connection refused"). Said once, however many addresses
// or TLS modes the driver tried, and without the resolver's own address.
// ok is false for any other error (a refusal by a dial hook keeps its own
// words).
func Reason(err error) (msg string, ok bool) {
	var de *net.DNSError
	if errors.As(err, &de) {
		if de.IsNotFound {
			return "host \"" + de.Name + "\" not found", true
		}
		return "cannot look up host \"" + de.Name + "\": " + de.Err, true
	}
	var oe *net.OpError
	var errno syscall.Errno
	if errors.As(err, &oe) && oe.Addr != nil && errors.As(oe.Err, &errno) {
		return oe.Addr.String() + ": " + errno.Error(), true
	}
	return "", false
}

// Plain is err said as Reason says it, still unwrapping to err; err
// itself when Reason has nothing shorter to say.
func Plain(err error) error {
	if msg, ok := Reason(err); ok {
		return plain{msg, err}
	}
	return err
}

type plain struct {
	msg string
	err error
}

func (p plain) Error() string { return p.msg }
func (p plain) Unwrap() error { return p.err }
