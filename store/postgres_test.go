package store_test

import (
	"database/sql"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/parley-bot/parley/store"
	"github.com/parley-bot/parley/store/storetest"
)

// TestPostgresBadStart holds the promise at start: a malformed URL, a
// schema newer than the binary and a role that may only read each fail
// Open with one line naming the problem, and change nothing.
func TestPostgresBadStart(t *testing.T) {
	if _, err := store.Open(ctx, "postgres://user:hunter2@host:notaport/db"); err == nil || !strings.Contains(err.Error(), "malformed PostgreSQL URL") || strings.Contains(err.Error(), "hunter2") {
		t.Errorf("malformed URL: %v; want one line naming it, without the password", err)
	}
	storetest.RequirePostgres(t)
	loc := storetest.Postgres.Location(t)
	st := storetest.Postgres.Open(t, loc)
	admin := adminDB(t)
	schema := searchPath(t, loc)
	if _, err := admin.Exec(`UPDATE ` + schema + `.parley_schema SET version = version + 1`); err != nil {
		t.Fatal(err)
	}
	_, err := store.Open(ctx, loc)
	if err == nil || !strings.Contains(err.Error(), "newer than this binary") || strings.Contains(err.Error(), "\n") {
		t.Errorf("newer schema: %v", err)
	}
	if _, err := admin.Exec(`UPDATE ` + schema + `.parley_schema SET version = version - 1`); err != nil {
		t.Fatal(err)
	}
	st.Close()

	role := strings.ReplaceAll(schema, "parley_test_", "parley_ro_")
	for _, q := range []string{
		`CREATE ROLE ` + role + ` LOGIN`,
		`GRANT USAGE ON SCHEMA ` + schema + ` TO ` + role,
		`GRANT SELECT ON ALL TABLES IN SCHEMA ` + schema + ` TO ` + role,
	} {
		if _, err := admin.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	t.Cleanup(func() {
		admin.Exec(`DROP OWNED BY ` + role)
		admin.Exec(`DROP ROLE ` + role)
	})
	u, _ := url.Parse(loc)
	u.User = url.User(role)
	_, err = store.Open(ctx, u.String())
	if err == nil || !strings.Contains(err.Error(), "may not write") {
		t.Errorf("read-only role: %v; want it refused at start", err)
	}
}

// TestPostgresMigratesOnceUnderRace opens one new database from several
// processes' worth of stores at once: each migration is applied once.
func TestPostgresMigratesOnceUnderRace(t *testing.T) {
	storetest.RequirePostgres(t)
	loc := storetest.Postgres.Location(t)
	var wg sync.WaitGroup
	errs := make([]error, 4)
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			st, err := store.Open(ctx, loc)
			if err == nil {
				st.Close()
			}
			errs[i] = err
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Errorf("concurrent Open: %v", err)
		}
	}
	// A migration applied twice would fail, or leave two rows.
	schema := searchPath(t, loc)
	var versions, totals int
	err := adminDB(t).QueryRow(`SELECT (SELECT count(*) FROM `+schema+`.parley_schema), (SELECT count(*) FROM `+schema+`.index_totals)`).Scan(&versions, &totals)
	if err != nil || versions != 1 || totals != 1 {
		t.Errorf("%d schema version rows, %d index totals rows, %v; want 1 and 1", versions, totals, err)
	}
}

func adminDB(t *testing.T) *sql.DB {
	t.Helper()
	db, err := sql.Open("pgx", storetest.PostgresURL())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func searchPath(t *testing.T, loc string) string {
	t.Helper()
	u, err := url.Parse(loc)
	if err != nil {
		t.Fatal(err)
	}
	return u.Query().Get("search_path")
}
