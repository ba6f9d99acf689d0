package store

import (
	"path"
	"testing"
	"testing/fstest"
)

func TestMigrationNames(t *testing.T) {
	// Both dialects' folders are numbered 1..N alike, so a store's
	// version means the same schema on SQLite and PostgreSQL.
	lite, err := migrationNames(migrations, sqliteDialect.migrations)
	if err != nil {
		t.Fatalf("embedded SQLite migrations: %v", err)
	}
	pg, err := migrationNames(migrations, postgresDialect.migrations)
	if err != nil {
		t.Fatalf("embedded PostgreSQL migrations: %v", err)
	}
	if len(lite) != len(pg) {
		t.Fatalf("%d SQLite migrations, %d PostgreSQL ones: each needs its counterpart", len(lite), len(pg))
	}
	for i := range lite {
		if path.Base(lite[i]) != path.Base(pg[i]) {
			t.Errorf("migration %d: SQLite %s, PostgreSQL %s: name them alike", i+1, path.Base(lite[i]), path.Base(pg[i]))
		}
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
			_, err := migrationNames(fsys, "migrations")
			if (err == nil) != tc.ok {
				t.Errorf("migrationNames(%v) error = %v, want ok %v", tc.files, err, tc.ok)
			}
		})
	}
}
