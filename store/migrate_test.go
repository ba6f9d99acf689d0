package store

import (
	"testing"
	"testing/fstest"
)

func TestMigrationNames(t *testing.T) {
	if _, err := migrationNames(migrations); err != nil {
		t.Fatalf("embedded migrations: %v", err)
	}
	for _, tc := range []struct {
		name  string
		files []string
		ok    bool
	}{
		{"in order", []string{"0001_a.sql", "0002_b.sql"}, true},
		{"gap", []string{"0001_a.sql", "0003_c.sql"}, false},
		{"repeat", []string{"0001_a.sql", "0001_b.sql"}, false},
		{"no number", []string{"init.sql"}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			for _, f := range tc.files {
				fsys["migrations/"+f] = &fstest.MapFile{Data: []byte("SELECT 1;")}
			}
			_, err := migrationNames(fsys)
			if (err == nil) != tc.ok {
				t.Errorf("migrationNames(%v) error = %v, want ok %v", tc.files, err, tc.ok)
			}
		})
	}
}
