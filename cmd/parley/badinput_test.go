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
