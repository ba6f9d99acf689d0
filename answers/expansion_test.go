package answers

import (
	"context"
	"strings"
	"testing"
)

// TestExpansion holds the expansion class: "What does HPA stand for?" is
// answered by the long form a sentence gives beside the short one (in
// parentheses, after "short for", or beside "or" when its initials spell
// it), either way round, as a verbatim span; a short form the articles
// never expand is refused, though a sentence names it.
func TestExpansion(t *testing.T) {
	e := articleEngine(t, "pilots", "The harbour pilots", `The HPA (Harbour Pilots Association) was founded in 1975.

It joined the Northern Ferry Board (NFB) in 1990.

The full list of members of the NFB was published in the SBN gazette.

The boats moor at the quay, which is short for "quarry yard".

Dues are charged as a yearly share, known as the Mooring Levy Rate or MLR.

Pilots log their hours on the DTC, or Daily Tide Card.

The tug crews answer to the OTB or the harbour master.

Putting a KDX (Kessra/Dahl/Xylo) filter before the tide table speeds it up.
`)
	ctx := context.Background()
	for _, tt := range []struct{ q, want string }{
		{"What does HPA stand for?", "Harbour Pilots Association"},
		{"What is the full name of the NFB?", "Northern Ferry Board"},
		{"what does nfb stand for", "Northern Ferry Board"},
		{"What does SBN stand for?", ""},
		{"What is the term quay short for?", "quarry yard"},
		{"whats MLR short for", "Mooring Levy Rate"},
		{"What does DTC stand for?", "Daily Tide Card"},
		{"What does OTB stand for?", ""},
		{"what does KDX stand for", "Kessra/Dahl/Xylo"},
	} {
		a, err := e.Answer(ctx, tt.q)
		if err != nil {
			t.Fatal(err)
		}
		if tt.want == "" {
			if a.Answered {
				t.Errorf("%q: answered %q, want a refusal: no sentence expands it", tt.q, a.Answer)
			}
			continue
		}
		if !a.Answered || a.Answer != tt.want || !strings.Contains(a.Quotes[0].Text, a.Answer) {
			t.Errorf("%q: answered %v %q, want %q", tt.q, a.Answered, a.Answer, tt.want)
		}
	}
}

// TestAbbreviates holds what counts as a long form of a short one.
func TestAbbreviates(t *testing.T) {
	for _, tt := range []struct {
		short, long string
		want        bool
	}{
		{"HPA", "Harbour Pilots Association", true},
		{"gdk", "Gimp Drawing Kit", true},
		{"PDB", "Procedural Database", true},
		{"HPA", "Pilots Association", false},
		{"HPA", "Harbour", false},
		{"H", "Harbour Pilots", false},
		{"HPA", "Harbour Association", false},
		{"KDX", "Kessra/Dahl/Xylo", true},
		{"KDX", "Kessra/Dahlxylo", true},
		{"KDX", "Kessradahlxylo", false},
	} {
		if got := abbreviates(tt.short, tt.long); got != tt.want {
			t.Errorf("abbreviates(%q, %q) = %v, want %v", tt.short, tt.long, got, tt.want)
		}
	}
}

// TestClassWantsStrict holds that a class wanting an answer type the
// engine does not know is an error naming it.
func TestClassWantsStrict(t *testing.T) {
	f := &generalFile{Classes: []classFile{{Name: "odd", Wants: "persn", Patterns: []string{"^who"}}}}
	r := &rules{}
	if err := r.compilePatterns(f); err == nil || !strings.Contains(err.Error(), "persn") {
		t.Errorf("unknown answer type: err = %v, want one naming it", err)
	}
}
