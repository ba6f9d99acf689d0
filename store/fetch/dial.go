package fetch

import (
	"fmt"
	"net"
	"net/netip"
	"syscall"
)

// refusePrivate is a net.Dialer Control hook: it runs after DNS, on the
// very address about to be connected, so a name that resolves (or
// re-resolves) to a private address is refused all the same.
func refusePrivate(network, address string, _ syscall.RawConn) error {
	host, _, err := net.SplitHostPort(address)
	if err != nil {
		return fmt.Errorf("%w: %s", ErrPrivate, address)
	}
	ip, err := netip.ParseAddr(host)
	if err != nil {
		return fmt.Errorf("%w: %s", ErrPrivate, address)
	}
	if why := notPublic(ip); why != "" {
		return fmt.Errorf("%w: %s is %s", ErrPrivate, ip, why)
	}
	return nil
}

// cgnat is the shared address space of carrier-grade NAT (RFC 6598).
var cgnat = netip.MustParsePrefix("100.64.0.0/10")

// thisNetwork is 0.0.0.0/8, "this network" (RFC 791), which some systems route to the host.
var thisNetwork = netip.MustParsePrefix("0.0.0.0/8")

// notPublic says why ip is not a public unicast address, or "".
func notPublic(ip netip.Addr) string {
	ip = ip.Unmap()
	switch {
	case ip.IsLoopback():
		return "a loopback address"
	case ip.IsPrivate(), cgnat.Contains(ip):
		return "a private address"
	case ip.IsLinkLocalUnicast(), ip.IsLinkLocalMulticast():
		return "a link-local address"
	case ip.IsUnspecified(), thisNetwork.Contains(ip):
		return "an unspecified address"
	case ip.IsMulticast(), ip.IsInterfaceLocalMulticast():
		return "a multicast address"
	case ip == netip.AddrFrom4([4]byte{255, 255, 255, 255}):
		return "the broadcast address"
	}
	return ""
}
