package store_test

import (
	"strings"
	"testing"

	"github.com/parley-bot/parley/store"
)

// TestPostgresUnreachable: a server that refuses the connection fails
// Open with one short line naming the address and the reason, not pgx's
// dial-attempt chain said once per attempt. (An unknown host is turned
// into words the same way; store/neterr tests that without a resolver.)
func TestPostgresUnreachable(t *testing.T) {
	for url, want := range map[string]string{
		"postgres://nobody@127.0.0.1:1/x?connect_timeout=5": "127.0.0.1:1: connection refused",
	} {
		_, err := store.Open(ctx, url)
		if err == nil {
			t.Fatalf("%s: opened", url)
		}
		msg := err.Error()
		if !strings.Contains(msg, "cannot connect to PostgreSQL: "+want) || strings.Count(msg, want) != 1 ||
			strings.Contains(msg, "dial") || strings.Contains(msg, "lookup") || strings.Contains(msg, "\n") {
			t.Errorf("%s: %q; want one line with %q once", url, msg, want)
		}
	}
}
