package answers

import (
	"context"
	"strings"
	"testing"
)

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
