package web

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/parley-bot/parley/store/fetch"
)

// TestFileTooLarge: a saved page too large to read is refused in words
// about a file, its size and the limit readable ("the file is 6 MiB, more
// than 5 MiB"), not a byte count or "response".
func TestFileTooLarge(t *testing.T) {
	r := newRig(t, true)
	p := filepath.Join(t.TempDir(), "big.html")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(6 << 20); err != nil {
		t.Fatal(err)
	}
	f.Close()
	res := r.in.File(context.Background(), p)
	const want = "too large: the file is 6 MiB, more than 5 MiB"
	if res.Err == nil || res.Err.Error() != want || !errors.Is(res.Err, fetch.ErrTooLarge) {
		t.Errorf("File(6 MiB) = %v; want %q", res.Err, want)
	}
}
