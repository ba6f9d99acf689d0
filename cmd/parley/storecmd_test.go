package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/parley-bot/parley/store/storetest"
)

// TestStoreCopyCommand drives `parley store copy` from a seeded SQLite file
// into PostgreSQL: a progress line per table, everything copied the first
// time and nothing the second, and the copy answers as the source does.
func TestStoreCopyCommand(t *testing.T) {
	dir := t.TempDir()
	if code, _, stderr := cli(t, dir, "", "sources"); code != 0 { // makes and seeds parley.db
		t.Fatalf("sources: %d %s", code, stderr)
	}
	if code, _, stderr := cli(t, dir, "", "store", "copy", "--to", "mysql://x/y"); code != 2 || !strings.Contains(stderr, "postgres://") {
		t.Errorf("copy to a non-PostgreSQL URL = %d %q; want a usage error", code, stderr)
	}
	if code, _, stderr := cli(t, dir, "", "store", "copy", "--from", filepath.Join(dir, "none.db"), "--to", "postgres://u@h/db"); code != 1 || !strings.Contains(stderr, "no such store") {
		t.Errorf("copy from a missing file = %d %q; want one line saying so", code, stderr)
	}
	storetest.RequirePostgres(t)
	to := storetest.Postgres.Location(t)
	code, out, stderr := cli(t, dir, "", "store", "copy", "--to", to)
	if code != 0 || !strings.Contains(out, "articles: 5/5, 5 copied, 0 there already") || !strings.Contains(out, "verdicts:") {
		t.Fatalf("first copy = %d\n%s%s", code, out, stderr)
	}
	code, out, _ = cli(t, dir, "", "store", "copy", "--to", to)
	if code != 0 || !strings.Contains(out, "articles: 5/5, 0 copied, 5 there already") || strings.Contains(out, " 1 copied") {
		t.Errorf("second copy = %d\n%s", code, out)
	}
	q := "Who met with Putin in Moscow?"
	_, want, _ := cli(t, dir, "", "ask", "--json", q)
	_, got, stderr := cli(t, dir, "", "--db", to, "ask", "--json", q)
	if got != want || !strings.Contains(got, `"answered":true`) {
		t.Errorf("answer from the copy:\n %s%s want\n %s", got, stderr, want)
	}
}
