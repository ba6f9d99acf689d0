package storetest

import (
	"os"
	"testing"

	"github.com/parley-bot/parley/store"
)

// TestPostgresAnswers is .ci/run's probe (PARLEY_PG_PROBE=1): it fails
// when the test server does not answer.
func TestPostgresAnswers(t *testing.T) {
	if os.Getenv("PARLEY_PG_PROBE") != "1" {
		t.Skip("set PARLEY_PG_PROBE=1 to probe the PostgreSQL test server")
	}
	if err := PostgresErr(); err != nil {
		t.Fatalf("PostgreSQL at %s: %v", store.Redact(PostgresURL()), err)
	}
}
