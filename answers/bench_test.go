package answers

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/parley-bot/parley/store"
	"github.com/parley-bot/parley/store/storetest"
)

// benchQuestions is a mix of 50 questions: answerable ones of every class
// and ones to refuse, as a chat would send them.
func benchQuestions() []string {
	var out []string
	for _, q := range BuiltinQuestions() {
		out = append(out, q.Q)
	}
	step := max(1, len(out)/50)
	var mix []string
	for i := 0; i < len(out) && len(mix) < 50; i += step {
		mix = append(mix, out[i])
	}
	return mix
}

// ftsTerms is what a bare keyword search would send: the question's
// words less stop words.
func ftsTerms(r *rules, q string) []string {
	var out []string
	for _, w := range foldWords(q) {
		if !r.stop[w] {
			out = append(out, w)
		}
	}
	return out
}

// BenchmarkAnswer runs the mix of 50 questions through the whole engine
// on the five seed articles; ns/op is per question.
func BenchmarkAnswer(b *testing.B) {
	st := storetest.MustOpen(b)
	benchAnswer(b, st)
}

// BenchmarkFTSQuery runs the bare FTS5 query for the same questions: the
// floor Answer is measured against.
func BenchmarkFTSQuery(b *testing.B) {
	st := storetest.MustOpen(b)
	benchFTS(b, st)
}

func benchAnswer(b *testing.B, st *store.Store) {
	e := mustEngine(b, st)
	qs := benchQuestions()
	ctx := context.Background()
	// The synonym list is read once per process (67 ms, BenchmarkSynonymList),
	// as a serving process would have it; a question measures its answer.
	wordnetSynonyms()
	// The first answer builds the engine's index from the store, once
	// per process: warmed here, as a serving process is, so the loop
	// measures answers (with a fixed -benchtime Nx the build was spread
	// over the N answers).
	if _, err := e.Answer(ctx, qs[0]); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		if _, err := e.Answer(ctx, qs[i%len(qs)]); err != nil {
			b.Fatal(err)
		}
	}
}

func benchFTS(b *testing.B, st *store.Store) {
	r, err := loadRules()
	if err != nil {
		b.Fatal(err)
	}
	qs := benchQuestions()
	terms := make([][]string, len(qs))
	for i, q := range qs {
		terms[i] = ftsTerms(r, q)
	}
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		if _, err := st.Search(ctx, terms[i%len(terms)], 20); err != nil {
			b.Fatal(err)
		}
	}
}

// Scaling benchmarks run on synthetic corpora of 1,000 and 20,000
// articles built from the seed sentences with names, places and numbers
// shuffled and filler vocabulary mixed in. Building them takes a while,
// so they run only with PARLEY_SCALE=1:
//
//	PARLEY_SCALE=1 go test ./answers/ -run - -bench Scale -benchmem
func BenchmarkScale(b *testing.B) {
	if os.Getenv("PARLEY_SCALE") == "" || testing.Short() {
		b.Skip("set PARLEY_SCALE=1 to run the scaling benchmarks")
	}
	for _, n := range []int{1000, 20000} {
		st := scaleStore(b, n)
		b.Run(fmt.Sprintf("%d/Answer", n), func(b *testing.B) { benchAnswer(b, st) })
		b.Run(fmt.Sprintf("%d/FTSQuery", n), func(b *testing.B) { benchFTS(b, st) })
	}
}

func scaleStore(b *testing.B, n int) *store.Store {
	b.Helper()
	return fillScaleStore(b, storetest.MustOpen(b), n)
}

// fillScaleStore adds n synthetic articles to st, which holds the seeds.
func fillScaleStore(b *testing.B, st *store.Store, n int) *store.Store {
	b.Helper()
	ctx := context.Background()
	sents, err := st.Sentences(ctx)
	if err != nil {
		b.Fatal(err)
	}
	var pool []string
	for _, s := range sents {
		if !s.Heading {
			pool = append(pool, s.Text)
		}
	}
	names := []string{"Witkoff", "Kushner", "Umerov", "Ushakov", "Putin", "Zelenskyy", "Rubio", "Dmitriev", "Hnatov", "Trump"}
	places := []string{"Florida", "Miami", "Moscow", "Kyiv", "Geneva", "Istanbul", "Riyadh", "Warsaw", "Berlin", "Paris"}
	filler := strings.Fields("economy sanctions grain corridor energy pipeline drones missiles border refugees aid loan reconstruction " +
		"elections parliament budget exports harvest port shipping insurance satellite cyber summit ministers coalition")
	rng := rand.New(rand.NewPCG(1, uint64(n)))
	for i := 0; i < n; i++ {
		var body strings.Builder
		body.WriteString("Synthetic report " + strconv.Itoa(i) + "\n\n")
		for p := 0; p < 5; p++ {
			for k := 0; k < 4; k++ {
				s := pool[rng.IntN(len(pool))]
				s = strings.ReplaceAll(s, names[rng.IntN(len(names))], names[rng.IntN(len(names))])
				s = strings.ReplaceAll(s, places[rng.IntN(3)], places[rng.IntN(len(places))])
				s = strings.ReplaceAll(s, "19", strconv.Itoa(10+rng.IntN(30)))
				body.WriteString(s + " The " + filler[rng.IntN(len(filler))] + " " + filler[rng.IntN(len(filler))] + " talks continued. ")
			}
			body.WriteString("\n\n")
		}
		doc := store.Document{ID: fmt.Sprintf("9%06d", i), Title: "Synthetic report " + strconv.Itoa(i), Body: body.String()}
		if _, err := st.Ingest(ctx, doc, storetest.Epoch); err != nil {
			b.Fatal(err)
		}
	}
	return st
}

// BenchmarkAnswerAfterIngest measures, on a store that keeps changing, a
// normal answer and the first answer after an ingest, as serve meets them
// when a feed poll adds an article: in memory brought up to date by that
// answer ("memory"), in memory brought up to date in the background as
// serve does ("background", which also reports how long the update takes
// to reach answers, update-ms, and a normal answer from the index the
// ingests were laid over, normal-after-ingests), and lazily from the
// store's index ("lazy"). The seeds run by default; PARLEY_SCALE=1 adds 1,000 and 2,000
// synthetic articles.
func BenchmarkAnswerAfterIngest(b *testing.B) {
	sizes := []int{0}
	if os.Getenv("PARLEY_SCALE") != "" && !testing.Short() {
		sizes = append(sizes, 1000, 2000)
	}
	for _, n := range sizes {
		st := fillScaleStore(b, analyzedStore(b), n)
		for _, mode := range []string{"memory", "background", "lazy"} {
			opts := map[string][]Option{"memory": {WithFullLoad(1 << 30)}, "background": {WithFullLoad(1 << 30), WithBackground()}, "lazy": {WithFullLoad(-1)}}[mode]
			e := mustEngine(b, st, opts...)
			qs := benchQuestions()
			ctx := context.Background()
			settle := func() time.Duration {
				start := time.Now()
				stamp, _ := st.Stamp(ctx)
				for i := 0; ; i++ {
					if s := e.snap.Load(); s != nil && s.stamp >= stamp && (mode != "background" || s.resident()) {
						return time.Since(start)
					}
					if _, err := e.Answer(ctx, qs[i%len(qs)]); err != nil {
						b.Fatal(err)
					}
					time.Sleep(time.Millisecond)
				}
			}
			settle()
			for _, q := range qs { // warm the cache as a running bot has
				if _, err := e.Answer(ctx, q); err != nil {
					b.Fatal(err)
				}
			}
			b.Run(fmt.Sprintf("%d/%s/normal", n+5, mode), func(b *testing.B) {
				b.ReportAllocs()
				for i := 0; b.Loop(); i++ {
					if _, err := e.Answer(ctx, qs[i%len(qs)]); err != nil {
						b.Fatal(err)
					}
				}
			})
			b.Run(fmt.Sprintf("%d/%s/after-ingest", n+5, mode), func(b *testing.B) {
				b.ReportAllocs()
				var updates time.Duration
				for i := 0; b.Loop(); i++ {
					b.StopTimer()
					if i > 0 {
						updates += settle()
					}
					doc := store.Document{ID: fmt.Sprintf("polled_%s_%d", mode, i), Title: "Polled report " + strconv.Itoa(i),
						Body: "Envoys met again in Geneva on day " + strconv.Itoa(i) + " of the talks.\n\nThe grain corridor stayed open, officials said.\n"}
					if _, err := st.Ingest(ctx, doc, storetest.Epoch.Add(time.Duration(i)*time.Second)); err != nil {
						b.Fatal(err)
					}
					b.StartTimer()
					if _, err := e.Answer(ctx, qs[i%len(qs)]); err != nil {
						b.Fatal(err)
					}
				}
				if b.N > 1 {
					b.ReportMetric(float64(updates.Milliseconds())/float64(b.N-1), "update-ms")
				}
			})
			if mode != "background" {
				continue
			}
			// Answers from an index the ingests above were laid over
			// (overlay.go), until it is next laid out again.
			settle()
			b.Run(fmt.Sprintf("%d/%s/normal-after-ingests", n+5, mode), func(b *testing.B) {
				b.ReportAllocs()
				for i := 0; b.Loop(); i++ {
					if _, err := e.Answer(ctx, qs[i%len(qs)]); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
