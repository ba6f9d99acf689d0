package store_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parley-bot/parley/store"
)

// TestOpenBadLocation: a location that cannot be a SQLite file fails
// Open with a line naming what is wrong with it, not SQLite's
// "unable to open database file (14)", and creates nothing.
func TestOpenBadLocation(t *testing.T) {
	dir := t.TempDir()
	text := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(text, []byte(strings.Repeat("not a database\n", 200)), 0o600); err != nil {
		t.Fatal(err)
	}
	for loc, want := range map[string]string{
		"mysql://db/parley":                      `"mysql://" is not a store location: give a SQLite file path or a postgres:// URL`,
		dir:                                      "is a folder, not a SQLite file",
		filepath.Join(dir, "no", "such", "x.db"): "no folder " + filepath.Join(dir, "no", "such"),
		text:                                     "the file is not a SQLite database",
	} {
		_, err := store.Open(ctx, loc)
		if err == nil || !strings.Contains(err.Error(), want) || strings.Contains(err.Error(), "(14)") {
			t.Errorf("Open(%s) = %v; want it to say %q", loc, err, want)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("the folder holds %d entries after the failed opens, want only notes.txt", len(entries))
	}
	if b, _ := os.ReadFile(text); !strings.HasPrefix(string(b), "not a database") {
		t.Error("the text file was changed")
	}
}
