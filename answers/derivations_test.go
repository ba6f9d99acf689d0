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

// TestDerivedUnknownWord holds that a question word no article uses is
// known, and matched, by a word derived from it that an article does use:
// "created" by "creators". A word with no derived form there stays
// unknown.
func TestDerivedUnknownWord(t *testing.T) {
	e := articleEngine(t, "ferry", "The ferry", `The ferry service began in 1975.

According to Ann Berg and Per Moe, the original creators of the ferry service, it began as a student project.

The boats were repainted in 1990.
`)
	checkEvidence(t, e, []evidenceCase{
		{"Which two people first created the ferry service?", "unknown", 0},
	})
	b, err := e.Explain(context.Background(), "Which two people first sailed the ferry service?")
	if err != nil {
		t.Fatal(err)
	}
	if b.Explain.Evidence["unknown"] == 0 {
		t.Errorf("sailed: evidence unknown 0, want the share of a word no article uses or derives")
	}
	a, err := e.Answer(context.Background(), "Which two people first created the ferry service?")
	if err != nil {
		t.Fatal(err)
	}
	if !a.Answered || !strings.Contains(a.Quotes[0].Text, "original creators") {
		t.Errorf("answered %v, quotes %v; want the creators' sentence", a.Answered, a.Quotes)
	}
}

// TestWhoVerbSynonym holds that a who-question's verb is done by a
// sentence saying its WordNet synonym ("sorted", "classified"), but a
// light verb's object is no verb ("took a photo" is not "distributed the
// photograph").
func TestWhoVerbSynonym(t *testing.T) {
	e := articleEngine(t, "harbour", "The harbour", `Long ago, the harbour master Ann Berg classified the boats of the bay by their size.

In this photograph distributed by the agency Nordpress, the pilots Per Moe and Eva Dahl stand on the pier.
`)
	a, err := e.Answer(context.Background(), "Who sorted the boats of the bay by size?")
	if err != nil {
		t.Fatal(err)
	}
	if !a.Answered || !strings.Contains(a.Answer, "Ann Berg") {
		t.Errorf("Who sorted the boats? answered %v %q, want Ann Berg", a.Answered, a.Answer)
	}
	b, err := e.Answer(context.Background(), "Who took a photo of the pier?")
	if err != nil {
		t.Fatal(err)
	}
	if b.Answered {
		t.Errorf("Who took a photo of the pier? answered %q, want a refusal: no sentence says who took it", b.Answer)
	}
}

// TestSuffixDerivations holds that a question word no article uses, nor
// any synonym or WordNet derivation of it, finds the word the articles
// use with a derivational suffix more or less ("threat" finds
// "threatened", "owner" "owns", "mossy" "moss") or with one ending in place
// of another ("stable" finds "stability", but "chance" no "chant": the
// rest keeps three letters), and that "less" is no such suffix.
func TestSuffixDerivations(t *testing.T) {
	e := articleEngine(t, "harbour", "Harbour", "The mayor threatened to close the harbour, framing it as retaliation for the strikes.\n\n"+
		"The Kessra Rowing Club owns the old pier.\n\nThe ferry crews were careful.\n\nMoss grows on the quay steps.\n\n"+
		"The Bayton board is committed to the stability of the tide tables.\n\nThe crews chant at dawn.\n")
	for q, unknown := range map[string]string{
		"What did the mayor frame her threat as?":              "",
		"Who is the owner of the old pier?":                    "",
		"Were the ferry crews careless?":                       "careless",
		"Which quay steps are mossy?":                          "",
		"Is the Bayton board committed to stable tide tables?": "",
		"Do the crews take a chance at dawn?":                  "chanc",
	} {
		a, err := e.Explain(t.Context(), q)
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Join(a.Explain.Unknown, ","); got != unknown {
			t.Errorf("%q: unknown %q, want %q", q, got, unknown)
		}
	}
}
