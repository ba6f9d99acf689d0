package store

import (
	"errors"
	"net"
)

// netReason says in a few words why a connection could not be made: the
// host that did not resolve, or the address and the system's reason
// ("127.0.0.1:1: connection refused"). Said once, however many addresses
// or TLS modes the driver tried, and without the resolver's own address.
func netReason(err error) (string, bool) {
	var de *net.DNSError
	if errors.As(err, &de) {
		if de.IsNotFound {
			return "host \"" + de.Name + "\" not found", true
		}
		return "cannot look up host \"" + de.Name + "\": " + de.Err, true
	}
	var oe *net.OpError
	if errors.As(err, &oe) && oe.Addr != nil {
		inner := oe.Err
		for u := errors.Unwrap(inner); u != nil; u = errors.Unwrap(inner) {
			inner = u
		}
		return oe.Addr.String() + ": " + inner.Error(), true
	}
	return "", false
}
