package answers

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/parley-bot/parley/store"
	"github.com/parley-bot/parley/store/storetest"
)

// overlayDoc is an article recombined from the pool's sentences (so many
// sentences tie with others), with a word of its own and a quote, under
// the given id.
func overlayDoc(rng *rand.Rand, pool []string, id string, n int) store.Document {
	own := []string{"Kelvarin", "Zostrava", "Marnick", "Oltrevia", "Quenford", "Dravislav"}
	var b strings.Builder
	word := own[rng.IntN(len(own))]
	for p := range 3 {
		for range n {
			b.WriteString(pool[rng.IntN(len(pool))] + " ")
		}
		if p == 1 {
			fmt.Fprintf(&b, "“The %s corridor must reopen,” Kirill Dmitriev said of the %s talks. ", strings.ToLower(word), word)
		}
		b.WriteString("\n\n")
	}
	return store.Document{ID: id, Title: "Report " + id, Body: b.String()}
}

// TestOverlayAnswersAsRebuilt holds the resident index's update to a full
// rebuild: after each of a random sequence of ingests, replacements and
// removals (articles sorting before, among and after the others, recombined
// from the same sentences so that candidates tie), the index laid over the
// base answers every question — answer, quotes, confidence, the eight best
// candidates with their scores, evidence and decision — follow-ups and the
// curator's grouping and topics as an index laid out afresh does, and its
// corpus statistics are the rebuilt index's.
func TestOverlayAnswersAsRebuilt(t *testing.T) {
	skipShort(t)
	ctx := context.Background()
	st := analyzedStore(t)
	for _, d := range fillerDocs(2, 120) {
		if _, err := st.Ingest(ctx, d, storetest.Epoch); err != nil {
			t.Fatal(err)
		}
	}
	sents, err := st.Sentences(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var pool []string
	for _, s := range sents {
		if !s.Heading {
			pool = append(pool, s.Text)
		}
	}
	e := mustEngine(t, st, WithFullLoad(1<<30))
	if _, err := e.current(ctx); err != nil {
		t.Fatal(err)
	}
	qs := append(lazyQuestions(t, nil), "What did Dmitriev say about the Kelvarin talks?", "What must reopen, according to Dmitriev?",
		"Who spoke of the Zostrva corridor?", "What is the Marnik corridor?", "What did Dmitriev say about the Oltrevia talks?")
	follow := FollowUpQuestions()
	rng := rand.New(rand.NewPCG(16, 2))
	ids := []string{}
	arts, _ := st.Articles(ctx)
	for _, a := range arts {
		ids = append(ids, a.ID)
	}
	removed := map[string]bool{}
	overlaid, folded := 0, 0
	steps := 20
	for step := range steps {
		cur := e.snap.Load()
		var next *snapshot
		switch op := rng.IntN(5); {
		case op < 3: // a new article, sorting anywhere
			id := []string{"000_", "500_", "filler_05_", "zzz_"}[rng.IntN(4)] + fmt.Sprint(step)
			ids = append(ids, id)
			next = ingestStep(t, e, cur, overlayDoc(rng, pool, id, 3+rng.IntN(4)), step)
		case op == 3: // an article replaced
			id := ids[rng.IntN(len(ids))]
			delete(removed, id)
			next = ingestStep(t, e, cur, overlayDoc(rng, pool, id, 2+rng.IntN(4)), step)
		default: // an article removed (the store has no removal: the engine is told)
			id := ids[rng.IntN(len(ids))]
			removed[id] = true
			ov := cur.over
			if ov == nil {
				ov = newOverlay(cur.full)
			}
			ov = ov.with(e.rules, []string{id}, nil)
			next = &snapshot{stamp: cur.stamp, over: ov, totals: cur.totals, hint: ov.hint}
		}
		e.snap.Store(next)
		if next.over != nil {
			overlaid++
		} else if cur.over != nil {
			folded++
		}
		ref := rebuilt(t, e, removed, next)
		if next.hint != ref.hint {
			t.Errorf("step %d: hint\n overlay %s\n rebuilt %s", step, next.hint, ref.hint)
		}
		if next.over != nil {
			sameCorpus(t, step, next.over, ref)
		}
		some := qs
		if step < steps-1 {
			some = nil
			for i := step % 5; i < len(qs); i += 5 {
				some = append(some, qs[i])
			}
			some = append(some, qs[len(qs)-5:]...)
		}
		if raceEnabled {
			some = some[:len(some)/8]
		}
		refEngine := mustEngine(t, st, WithFullLoad(1<<30))
		refEngine.snap.Store(&snapshot{stamp: next.stamp, full: ref, totals: next.totals, hint: ref.hint})
		sameAnswers(t, step, e, refEngine, some, follow)
	}
	if s := e.snap.Load(); s.over != nil {
		t.Logf("overlay size %d of base %d", s.over.size(), s.over.base.stats.sentences)
	}
	t.Logf("%d of %d updates laid over the base, %d laid out again", overlaid, steps, folded)
	if overlaid < steps/2 || folded == 0 {
		t.Errorf("%d of %d updates laid over the base and %d laid out again; the test meant most to be laid over, and one at least laid out again", overlaid, steps, folded)
	}
}

// ingestStep ingests d and brings the engine's snapshot cur up to date as
// a resident engine does.
func ingestStep(t *testing.T, e *Engine, cur *snapshot, d store.Document, step int) *snapshot {
	t.Helper()
	ctx := context.Background()
	if _, err := e.st.Ingest(ctx, d, storetest.Epoch.Add(time.Duration(step+1)*time.Minute)); err != nil {
		t.Fatal(err)
	}
	totals, err := e.st.IndexTotals(ctx, e.version)
	if err != nil {
		t.Fatal(err)
	}
	next, err := e.overlaySnapshot(ctx, cur, totals)
	if err != nil {
		t.Fatal(err)
	}
	return next
}

// rebuilt is the full index of the store less the articles removed, laid
// out from every article read afresh.
func rebuilt(t *testing.T, e *Engine, removed map[string]bool, at *snapshot) *index {
	t.Helper()
	segs, err := e.allSegments(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	segs = slices.DeleteFunc(segs, func(s *segment) bool { return removed[s.article.ID] })
	return fullIndex(e.rules, segs, at.stamp)
}

// sameCorpus compares the overlay's corpus data with the rebuilt index's.
func sameCorpus(t *testing.T, step int, ov *overlay, ref *index) {
	t.Helper()
	if ov.sentences != ref.stats.sentences || ov.length != ref.stats.length || ov.articles != len(ref.articles) {
		t.Errorf("step %d: totals %d sentences, %d long, %d articles; rebuilt %d, %d, %d", step, ov.sentences, ov.length, ov.articles,
			ref.stats.sentences, ref.stats.length, len(ref.articles))
	}
	for _, m := range []map[string]int{ov.base.stats.df, ov.plus.df, ref.stats.df} {
		for term := range m {
			if got, want := ov.df(term), ref.stats.df[term]; got != want {
				t.Errorf("step %d: df(%q) = %d, rebuilt %d", step, term, got, want)
			}
		}
	}
	for _, m := range []map[string]int{ov.base.vocab, ov.plus.vocab, ref.vocab} {
		for w := range m {
			if got, want := ov.count(w), ref.vocab[w]; got != want {
				t.Errorf("step %d: count(%q) = %d, rebuilt %d", step, w, got, want)
			}
		}
	}
	for sp := range ov.speakers {
		if ov.speaks(sp) != ref.speakers[sp] {
			t.Errorf("step %d: speaks(%q) = %v, rebuilt %v", step, sp, ov.speaks(sp), ref.speakers[sp])
		}
	}
	for k := range ref.aliases {
		if !slices.Equal(ov.aliasesOf(k), ref.aliases[k]) {
			t.Errorf("step %d: aliases of %q = %v, rebuilt %v", step, k, ov.aliasesOf(k), ref.aliases[k])
		}
	}
}

// sameAnswers asks both engines the questions, the follow-ups, and the
// curator's questions, and reports every difference.
func sameAnswers(t *testing.T, step int, e, ref *Engine, qs []string, follow []EvalQuestion) {
	t.Helper()
	diffs := 0
	report := func(what, got, want string) {
		if got != want {
			if diffs++; diffs <= 3 {
				t.Errorf("step %d: %s:\n overlay %s\n rebuilt %s", step, what, got, want)
			}
		}
	}
	for _, q := range qs {
		report(fmt.Sprintf("Explain(%q)", q), explained(t, e, q), explained(t, ref, q))
	}
	for i := step % 4; i < len(follow); i += 4 {
		f := follow[i]
		report(fmt.Sprintf("follow-up %q", f.Q), conversation(t, e, f), conversation(t, ref, f))
	}
	report("Topics", jsonOf(t, e.Topics(qs, 10)), jsonOf(t, ref.Topics(qs, 10)))
	report("Group", jsonOf(t, e.Group(qs)), jsonOf(t, ref.Group(qs)))
	if diffs > 0 {
		t.Errorf("step %d: %d differences", step, diffs)
	}
}

// conversation asks f's questions in turn and returns the last answer,
// explained.
func conversation(t *testing.T, e *Engine, f EvalQuestion) string {
	t.Helper()
	var prev *Turn
	qs := append(append([]string(nil), f.Prev...), f.Q)
	var a Answer
	for _, q := range qs {
		var err error
		if a, err = e.ExplainFollowUp(context.Background(), prev, q); err != nil {
			t.Fatal(err)
		}
		next := a.Next
		prev = &next
	}
	return jsonOf(t, a)
}

func jsonOf(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestOverlayKeepsVersionsApart holds that an article replaced twice in a
// row, laid over the index one version after the other, is read as its
// last version alone: no paragraph of it runs into the version before;
// and that an article laid over is read with its title.
func TestOverlayKeepsVersionsApart(t *testing.T) {
	ctx := context.Background()
	st := analyzedStore(t)
	e := mustEngine(t, st, WithFullLoad(1<<30))
	if _, err := e.current(ctx); err != nil {
		t.Fatal(err)
	}
	q := "What did the Kelvarin delegates sign in Oskel about insurance for ships?"
	for i, body := range []string{
		"The Kelvarin delegates praised the insurance plan for ships in Oskel.\n",
		"The Kelvarin delegates signed the corridor deal in Oskel.\n",
	} {
		next := ingestStep(t, e, e.snap.Load(), store.Document{ID: "zzz_kelvarin", Title: "Kelvarin", Body: body}, i)
		if next.over == nil {
			t.Fatal("the replacement was laid out again, not laid over")
		}
		e.snap.Store(next)
	}
	ov := e.snap.Load().over
	sp := ov.spans["zzz_kelvarin"]
	for i := sp[0]; i < sp[1]; i++ {
		if lo, hi := ov.ix.paragraph(&ov.ix.sents[i]); lo < sp[0] || hi > sp[1] {
			t.Errorf("sentence %d of [%d, %d): paragraph [%d, %d) runs out of the article", i, sp[0], sp[1], lo, hi)
		}
	}
	// An article whose sentences leave its subject to its title.
	titled := store.Document{ID: "zzz_quenford", Title: "Quenford harbour", Body: "The harbour reopened to grain ships on Monday, officials said.\n"}
	next := ingestStep(t, e, e.snap.Load(), titled, 2)
	if next.over == nil {
		t.Fatal("the ingest was laid out again, not laid over")
	}
	e.snap.Store(next)
	ref := mustEngine(t, st, WithFullLoad(1<<30))
	for _, q := range []string{q, "When did the Quenford harbour reopen to grain ships?"} {
		if got, want := explained(t, e, q), explained(t, ref, q); got != want {
			t.Errorf("Explain(%q):\n overlay %s\n rebuilt %s", q, got, want)
		}
	}
}
