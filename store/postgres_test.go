package store_test

import (
	"database/sql"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

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

// TestHostileTextStored holds both stores to taking text with NUL and
// invalid UTF-8 from a platform (which PostgreSQL's text cannot hold as
// is): a question is recorded, and an event id and a conversation key
// are stored and found again under the same value.
func TestHostileTextStored(t *testing.T) {
	storetest.Each(t, func(t *testing.T, be storetest.Backend) {
		st := be.Empty(t)
		odd := "a\x00b \xff"
		if err := st.RecordAsked(ctx, store.Asked{ID: "q" + odd, At: storetest.Epoch, Platform: "slack", Question: odd}); err != nil {
			t.Fatalf("RecordAsked: %v", err)
		}
		if q, err := st.AskedByID(ctx, "q"+odd); err != nil || !strings.HasPrefix(q.Question, "a") {
			t.Errorf("AskedByID = %+v, %v", q, err)
		}
		if _, taken, err := st.ReceiveEvent(ctx, "slack", "event:"+odd, []byte(odd), store.Lease{Owner: "A"}, storetest.Epoch); err != nil || !taken {
			t.Fatalf("ReceiveEvent = %v, %v", taken, err)
		}
		if _, taken, _ := st.ReceiveEvent(ctx, "slack", "event:"+odd, nil, store.Lease{Owner: "B", Until: storetest.Epoch.Add(time.Minute)}, storetest.Epoch); !taken {
			// The first lease ran out at once (Until zero): taken over.
			t.Error("a lapsed claim on an odd id was not taken over")
		}
		if _, taken, _ := st.ReceiveEvent(ctx, "slack", "event:"+odd, nil, store.Lease{Owner: "C"}, storetest.Epoch); taken {
			t.Error("a held odd id was taken twice")
		}
		if err := st.SaveTurn(ctx, "k"+odd, []byte(odd), storetest.Epoch); err != nil {
			t.Fatalf("SaveTurn: %v", err)
		}
		if _, err := st.Turn(ctx, "k"+odd, storetest.Epoch); err != nil {
			t.Errorf("Turn: %v", err)
		}
	})
}
