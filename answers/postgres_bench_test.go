package answers

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"sync/atomic"
	"testing"

	"github.com/parley-bot/parley/seeds"
	"github.com/parley-bot/parley/store"
	"github.com/parley-bot/parley/store/storetest"
)

// BenchmarkStores compares the two stores on the same data in one run:
// answer latency over the seeds and 200 synthetic articles (PARLEY_SCALE=1:
// 2,000), lazily from the stored index and from memory, and ingest
// throughput (one 100-sentence article per op, analysed and indexed in its
// transaction) into a store of its own, so the answers' corpus never
// changes. PostgreSQL runs where the test server answers.
//
//	go test ./answers/ -run - -bench Stores -benchmem
func BenchmarkStores(b *testing.B) {
	n := 200
	if os.Getenv("PARLEY_SCALE") != "" {
		n = 2000
	}
	for _, be := range []storetest.Backend{storetest.SQLite, storetest.Postgres} {
		b.Run(be.Name, func(b *testing.B) {
			if be.Name == storetest.Postgres.Name {
				storetest.RequirePostgres(b)
			}
			a, err := NewAnalyzer(seedPack(b))
			if err != nil {
				b.Fatal(err)
			}
			st := be.Empty(b, store.WithAnalyzer(a))
			docs, err := store.Documents(seeds.FS)
			if err != nil {
				b.Fatal(err)
			}
			if _, err := st.Seed(context.Background(), docs, storetest.Epoch); err != nil {
				b.Fatal(err)
			}
			fillScaleStore(b, st, n)
			b.Run("Answer/lazy", func(b *testing.B) { benchAnswerWith(b, st, WithFullLoad(-1)) })
			b.Run("Answer/memory", func(b *testing.B) { benchAnswerWith(b, st, WithFullLoad(1<<30)) })
			sink := be.Empty(b, store.WithAnalyzer(a))
			b.Run("Ingest", func(b *testing.B) { benchIngest(b, sink) })
		})
	}
}

var ingested atomic.Int64

func benchIngest(b *testing.B, st *store.Store) {
	ctx := context.Background()
	docs := fillerDocs(4, 100)
	b.ReportAllocs()
	// Ids go on across the runs b.Loop makes, so each op adds an article.
	for b.Loop() {
		i := int(ingested.Add(1))
		d := docs[i%len(docs)]
		d.ID = "bench_" + strconv.Itoa(i)
		d.Body += fmt.Sprintf("\n\nRound %d.", i) // a new hash each time
		if _, err := st.Ingest(ctx, d, storetest.Epoch); err != nil {
			b.Fatal(err)
		}
	}
}

func benchAnswerWith(b *testing.B, st *store.Store, opts ...Option) {
	e := mustEngine(b, st, append([]Option{WithPack(seedPack(b))}, opts...)...)
	qs := benchQuestions()
	ctx := context.Background()
	// Once through first: the engine reads what it needs on the first
	// answer after a change, and that is not what is measured here.
	for _, q := range qs {
		if _, err := e.Answer(ctx, q); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		if _, err := e.Answer(ctx, qs[i%len(qs)]); err != nil {
			b.Fatal(err)
		}
	}
}
