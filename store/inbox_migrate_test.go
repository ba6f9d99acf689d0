package store

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"
	"time"
)

func TestInboxMigrationKeepsHandledIDs(t *testing.T) {
	// A store from before the inbox, with two handled event ids: after
	// the migration they are answered events, so their retries are still
	// duplicates.
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	db, err := sql.Open("sqlite", dsnFor(path))
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"migrations/0001_init.sql", "migrations/0002_articles_ingested_at.sql"} {
		body, err := migrations.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.ExecContext(ctx, string(body)); err != nil {
			t.Fatal(err)
		}
	}
	seen := time.Date(2025, 12, 6, 12, 0, 0, 123456789, time.UTC)
	if _, err := db.ExecContext(ctx, `PRAGMA user_version = 2;
		INSERT INTO events VALUES ('slack', 'event:Ev1', '`+seen.Format(time.RFC3339Nano)+`'), ('discord', 'x', 'garbage')`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	st, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	e, taken, err := st.ReceiveEvent(ctx, "slack", "event:Ev1", nil, Lease{Owner: "A", Until: seen.Add(time.Hour)}, seen.Add(time.Minute))
	if err != nil || taken || e.State != EventAnswered || e.ReceivedAt.Sub(seen).Abs() > time.Millisecond {
		t.Errorf("migrated event = %+v, %v, %v; want answered, received at %v", e, taken, err, seen)
	}
	if e, err := st.Event(ctx, "discord", "x"); err != nil || e.State != EventAnswered {
		t.Errorf("migrated event with an unreadable time = %+v, %v", e, err)
	}
}
