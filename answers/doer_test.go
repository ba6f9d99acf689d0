package answers

import (
	"context"
	"slices"
	"strings"
	"testing"
)

// TestDoerOfUnknownVerb holds a who-question whose verb no article says
// in any form ("Who started …" against "founded"): the sentence naming
// someone may say it in other words, so it is not refused for want of a
// doer; a verb the articles do say elsewhere must be the sentence's own.
func TestDoerOfUnknownVerb(t *testing.T) {
	e := articleEngine(t, "school", "The harbour school", `Ada Ames founded the harbour school of Eastport in 1901.

The harbour bridge of Eastport was closed in 1950.
`)
	ctx := context.Background()
	a, err := e.Answer(ctx, "Who started the harbour school of Eastport?")
	if err != nil {
		t.Fatal(err)
	}
	if !a.Answered || !strings.Contains(a.Answer, "Ada Ames") {
		t.Errorf("started: answered %v %q, want Ada Ames", a.Answered, a.Answer)
	}
	a, err = e.Answer(ctx, "Who closed the harbour school of Eastport?")
	if err != nil {
		t.Fatal(err)
	}
	if a.Answered {
		t.Errorf("closed: answered %q, want a refusal: the school's sentence says no one closed it", a.Answer)
	}
}

// TestDoersJoinedByAnd holds that two people a sentence joins by "and"
// ("According to Ann Berg and Tom Fenn, the first makers of …") answer a
// who question together, each a name of their own, and that names joined
// by "and" with one word a side ("Procter and Gamble") stay one name.
func TestDoersJoinedByAnd(t *testing.T) {
	e := articleEngine(t, "charts", "The harbour charts", `According to Ann Berg and Tom Fenn, the first makers of the Harbour Charts, the charts arose from a school project.
`)
	a, err := e.Answer(t.Context(), "Which two people first made the Harbour Charts?")
	if err != nil {
		t.Fatal(err)
	}
	if !a.Answered || a.Answer != "Ann Berg and Tom Fenn" {
		t.Errorf("answered %v %q, want \"Ann Berg and Tom Fenn\"", a.Answered, a.Answer)
	}
	for text, want := range map[string][]string{
		"According to Ann Berg and Tom Fenn, the charts arose.": {"According", "Ann Berg", "Tom Fenn"},
		"Their shares in Procter and Gamble rose.":              {"Their", "Procter and Gamble"},
	} {
		var got []string
		for _, loc := range learnedNames(text) {
			got = append(got, text[loc[0]:loc[1]])
		}
		if !slices.Equal(got, want) {
			t.Errorf("learnedNames(%q) = %q, want %q", text, got, want)
		}
	}
}
