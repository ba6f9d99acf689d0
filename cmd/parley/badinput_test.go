package main

import (
	"strings"
	"testing"
)

// TestIngestOtherScheme: a URL of a scheme Parley does not fetch is
// named as such, not looked for as a file of that name.
func TestIngestOtherScheme(t *testing.T) {
	for _, src := range []string{"ftp://files.example/a.txt", "file:///etc/passwd"} {
		code, _, errs := runCLI(t, "", "ingest", src)
		if code != 1 || !strings.Contains(errs, "skipped "+src+": only http and https URLs can be fetched") ||
			strings.Contains(errs, "no such file") {
			t.Errorf("ingest %s = %d, stderr %q; want 1 and the scheme named", src, code, errs)
		}
	}
}

// TestConfigStoreURLUnsetVar: store.url: ${VAR} with VAR unset is an
// error naming the variable, not a silent fall back to the SQLite file;
// set, it is the URL.
func TestConfigStoreURLUnsetVar(t *testing.T) {
	doc := []byte("store:\n  path: local.db\n  url: ${PARLEY_QA_PG}\n")
	_, err := ParseConfig(doc, func(string) string { return "" })
	if err == nil || !strings.Contains(err.Error(), "line 3: store.url: ${PARLEY_QA_PG} is not set in the environment") {
		t.Errorf("unset: %v; want the variable named", err)
	}
	cfg, err := ParseConfig(doc, func(k string) string {
		if k == "PARLEY_QA_PG" {
			return "postgres://db.example/parley"
		}
		return ""
	})
	if err != nil || cfg.Store.Location() != "postgres://db.example/parley" {
		t.Errorf("set: %v, %q; want the URL", err, cfg.Store.Location())
	}
	if _, err := ParseConfig([]byte("store:\n  path: local.db\n"), func(string) string { return "" }); err != nil {
		t.Errorf("no store.url: %v", err)
	}
}

// TestStoreUnknownSubcommand: a mistyped subcommand is named, exit 2.
func TestStoreUnknownSubcommand(t *testing.T) {
	code, _, errs := runCLI(t, "", "store", "cpy")
	if code != 2 || !strings.Contains(errs, `unknown store subcommand "cpy"`) || strings.Count(errs, "\n") != 1 {
		t.Errorf("store cpy = %d, %q; want 2 and one line naming it", code, errs)
	}
}
