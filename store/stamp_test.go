package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/parley-bot/parley/store"
	"github.com/parley-bot/parley/store/storetest"
)

func TestStamp(t *testing.T) {
	storetest.Each(t, func(t *testing.T, be storetest.Backend) {
		ctx := context.Background()
		st := be.Seeded(t)
		a, err := st.Stamp(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if b, _ := st.Stamp(ctx); a != b {
			t.Errorf("Stamp changed with no change to the store: %d, %d", a, b)
		}
		if _, err := st.Ingest(ctx, store.Document{ID: "x", Body: "A new article.\n"}, storetest.Epoch.Add(time.Hour)); err != nil {
			t.Fatal(err)
		}
		if b, _ := st.Stamp(ctx); a == b {
			t.Errorf("Stamp = %d before and after an ingest", a)
		}
		st.Close()
		if _, err := st.Stamp(ctx); err == nil {
			t.Error("Stamp on a closed store did not fail")
		}
	})
}
