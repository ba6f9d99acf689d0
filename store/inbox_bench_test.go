package store_test

import (
	"strconv"
	"testing"
	"time"

	"github.com/parley-bot/parley/store"
	"github.com/parley-bot/parley/store/storetest"
)

// BenchmarkInboxEvent is the inbox's writes for one answered event:
// without the check before posting (receive, then the outcome) and with
// it (receive, confirm, outcome), on SQLite and, where it answers,
// PostgreSQL, so the cost of the check is a ratio within one run.
func BenchmarkInboxEvent(b *testing.B) {
	backends := []storetest.Backend{storetest.SQLite}
	if storetest.PostgresErr() == nil {
		backends = append(backends, storetest.Postgres)
	}
	for _, be := range backends {
		for _, confirm := range []bool{false, true} {
			name := be.Name + "/receive+finish"
			if confirm {
				name = be.Name + "/receive+confirm+finish"
			}
			b.Run(name, func(b *testing.B) {
				st := be.Empty(b)
				now := storetest.Epoch
				lease := store.Lease{Owner: "A", Until: now.Add(15 * time.Second)}
				payload := []byte(`{"channel":"C1","user":"U1","text":"Who met with whom, and where?"}`)
				b.ReportAllocs()
				for i := 0; b.Loop(); i++ {
					id := "event:Ev" + strconv.Itoa(i)
					if _, taken, err := st.ReceiveEvent(ctx, "slack", id, payload, lease, now); err != nil || !taken {
						b.Fatalf("ReceiveEvent = %v, %v", taken, err)
					}
					if confirm {
						if ok, err := st.ConfirmEvent(ctx, "slack", id, lease, 1); err != nil || !ok {
							b.Fatalf("ConfirmEvent = %v, %v", ok, err)
						}
					}
					if err := st.FinishEvent(ctx, "slack", id, store.EventAnswered, "answer", now); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
