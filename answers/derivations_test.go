package answers

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/parley-bot/parley/store"
)

// packEngine is an engine over one invented article, read with the
// invented pack packYAML.
func packEngine(t *testing.T, packYAML, body string) *Engine {
	t.Helper()
	ctx := context.Background()
	pack, err := ParsePack("test.yaml", []byte(packYAML))
	if err != nil {
		t.Fatal(err)
	}
	a, err := NewAnalyzer(pack)
	if err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(ctx, t.TempDir()+"/p.db", store.WithAnalyzer(a))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if _, err := st.Ingest(ctx, store.Document{ID: "quay", Title: "Quay news", Body: body}, time.Unix(0, 0)); err != nil {
		t.Fatal(err)
	}
	return mustEngine(t, st, WithPack(pack))
}

// TestDerivedVerb holds that "who <verb>" is answered by a sentence that
// says the verb as its derived noun: "Who reacted …?" by "reactions from
// Northport".
func TestDerivedVerb(t *testing.T) {
	const pack = `name: quay news
entities:
  - {id: northport, name: Northport, kind: place, aliases: [northport]}
  - {id: dorn, name: Ben Dorn, kind: person, aliases: [ben dorn, dorn]}
`
	const body = `The quay council met on Monday, and Ben Dorn chaired it.

One clause that drew sharp reactions from Northport called on the harbour board to cede the old quay.

The ferries kept running all week.
`
	e := packEngine(t, pack, body)
	a, err := e.Answer(context.Background(), "Who reacted sharply to the clause?")
	if err != nil {
		t.Fatal(err)
	}
	if !a.Answered || !strings.Contains(a.Answer, "Northport") {
		t.Errorf("Who reacted sharply to the clause? answered %v with %q, want Northport", a.Answered, a.Answer)
	}
	if ds := wordnetDerivations()["react"]; !hasSynonym(ds, "reaction") {
		t.Errorf("derivations of react: %v, want reaction", ds)
	}
}
