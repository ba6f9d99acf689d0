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
	checkLearnedNames(t, map[string][]string{
		"According to Ann Berg and Tom Fenn, the charts arose.": {"According", "Ann Berg", "Tom Fenn"},
		"Their shares in Procter and Gamble rose.":              {"Their", "Procter and Gamble"},
	})
}

// TestDoerPhraseNamesPeople: a "by the …" phrase answers who only when
// it names people or a group of them (agents.txt.gz): "by the harbour
// commission" does, "by the slow evaporation of sea spray" does not.
func TestDoerPhraseNamesPeople(t *testing.T) {
	for a, want := range map[string]bool{
		"the harbour commission":         true,
		"the city's lawyers":             true,
		"the slow evaporation of sea":    false,
		"the fractional distillation of": false,
		"Eastgate Harbour Board":         true,
	} {
		if got := doerPhrase(a); got != want {
			t.Errorf("doerPhrase(%q) = %v, want %v", a, got, want)
		}
	}
	e := articleEngine(t, "quay", "The quay of Eastport", `The water of the inner basin is cooled by the slow evaporation of sea spray.

The old quay of Eastport was rebuilt by the harbour commission in 1889.
`)
	checkQuoted(t, e, map[string]string{"Who rebuilt the old quay of Eastport?": "harbour commission"})
	a, err := e.Answer(t.Context(), "Who cooled the water of the inner basin?")
	if err != nil {
		t.Fatal(err)
	}
	if a.Answered {
		t.Errorf("a process answered who: %+v", a.Quotes)
	}
}

// TestWhoVerbAfterAdverb: in "Who first proposed …?" the verb is
// "proposed", not the adverb before it, so a sentence saying who proposed
// it answers; a word in -ly made of a shorter word ("finally") is an
// adverb too, "reply" is not.
func TestWhoVerbAfterAdverb(t *testing.T) {
	e := articleEngine(t, "quay", "The quay of Eastport", `In 1889, the Harbour Commission proposed that the quay of Eastport be rebuilt in stone.

The quay of Eastport was built of timber.

The first ships came to Eastport in 1790.
`)
	checkQuoted(t, e, map[string]string{
		"Who first proposed that the quay of Eastport be rebuilt?":      "Harbour Commission",
		"Who originally proposed that the quay of Eastport be rebuilt?": "Harbour Commission",
	})
	for w, want := range map[string]bool{"first": true, "finally": true, "originally": true, "reply": false, "apply": false, "fly": false} {
		if got := e.rules.adverb(w); got != want {
			t.Errorf("adverb(%q) = %v, want %v", w, got, want)
		}
	}
}

// TestNameBeforeHyphenatedAdjective holds that a name made an adjective
// with a hyphen and a lower-case word ("a Boston-based charity",
// "Orrin-backed") ends before the hyphen, while a hyphenated name stays
// whole; and that the place so named answers where.
func TestNameBeforeHyphenatedAdjective(t *testing.T) {
	checkLearnedNames(t, map[string][]string{
		"The Kessra Trust, a New York-based charity, sold the mill.": {"The Kessra Trust", "New York"},
		"The Orrin-backed rebels met Hewlett-Packard staff.":         {"The Orrin", "Hewlett-Packard"},
	})
	e := articleEngine(t, "trust", "The Kessra Trust", "The mill was sold in 1990 to the Kessra Trust, a Boston-based charity.\n")
	a, err := e.Answer(t.Context(), "Where is the Kessra Trust based?")
	if err != nil {
		t.Fatal(err)
	}
	if !a.Answered {
		t.Errorf("Where is the Kessra Trust based? refused, want the Boston-based sentence")
	}
}

// checkLearnedNames holds the runs of capitalised words learnedNames
// finds in each text.
func checkLearnedNames(t *testing.T, want map[string][]string) {
	t.Helper()
	for text, names := range want {
		var got []string
		for _, loc := range learnedNames(text) {
			got = append(got, text[loc[0]:loc[1]])
		}
		if !slices.Equal(got, names) {
			t.Errorf("learnedNames(%q) = %q, want %q", text, got, names)
		}
	}
}

// TestDoerByWhatTheyAre holds that a who-question no name answers is
// answered by the one the sentence speaks of by what they are ("the
// second officer"), with that phrase as the direct answer, verbatim; a
// sentence saying only the noun the question says itself answers nothing.
func TestDoerByWhatTheyAre(t *testing.T) {
	e := articleEngine(t, "ship", "The ship", `At noon the second officer came up on deck to check the sails.

The cook of the ship baked bread every morning for the crew of the Kessra.
`)
	ctx := context.Background()
	a, err := e.Answer(ctx, "Who came up on deck at noon to check the sails?")
	if err != nil {
		t.Fatal(err)
	}
	if !a.Answered || a.Answer != "the second officer" {
		t.Errorf("answered %v %q, want the second officer", a.Answered, a.Answer)
	}
	if len(a.Quotes) == 0 || !strings.Contains(a.Quotes[0].Text, a.Answer) {
		t.Errorf("answer %q is no span of its quote %+v", a.Answer, a.Quotes)
	}
	// The one spoken of by what they are comes before the body named.
	e = articleEngine(t, "charter", "The charter", `The Governor shall be Keeper of the Lamps of Westland, and of the buoys of the harbour.

The harbour opened in 1901.
`)
	a, err = e.Answer(ctx, "Who is keeper of the lamps?")
	if err != nil {
		t.Fatal(err)
	}
	if !a.Answered || a.Answer != "The Governor" {
		t.Errorf("keeper: answered %v %q, want The Governor", a.Answered, a.Answer)
	}
}

// TestDoerDescribedByWho holds that a who-question no name answers is
// answered by people a pronoun and the clause after its "who" describe
// ("anyone who keeps a boat at the quay"), that phrase the direct answer.
func TestDoerDescribedByWho(t *testing.T) {
	e := articleEngine(t, "guide", "The harbour guide", `The harbour guide has lots of tide tables. It is a must read for anyone who keeps a boat at the Bayton quay.

The Northport ferry sails at dawn.
`)
	checkAnswers(t, e, map[string]string{"Who is the harbour guide a must read for?": "anyone who keeps a boat at the Bayton quay"})
}

// TestDoerGroupByRole holds that a who-question no name answers is
// answered by the body of people a sentence names by their part
// ("their counterparts", "the contributors").
func TestDoerGroupByRole(t *testing.T) {
	e := articleEngine(t, "envoys", "The envoys", `On Friday the delegation met its counterparts at the old harbour.

The ferry to the old harbour was late.
`)
	a, err := e.Answer(context.Background(), "Who did the delegation meet at the old harbour?")
	if err != nil {
		t.Fatal(err)
	}
	if !a.Answered || len(a.Quotes) == 0 || !strings.Contains(a.Quotes[0].Text, "counterparts") {
		t.Errorf("answered %v %+v, want the sentence on the counterparts", a.Answered, a.Quotes)
	}
}
