package bottest

import (
	"bytes"
	"os"
	"testing"
)

// Golden fails tb unless got is the content of the golden file at path;
// what names the rendering in the failure. With update (an adapter's
// -update flag) it writes got to path first.
func Golden(tb testing.TB, update bool, path, what string, got []byte) {
	tb.Helper()
	if update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		tb.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		tb.Errorf("%s differs from %s (run go test -update after checking):\n%s", what, path, got)
	}
}
