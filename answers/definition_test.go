package answers

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/parley-bot/parley/store"
	"github.com/parley-bot/parley/store/storetest"
)

// TestDefinitionFirst holds that a question asking what a term is, with
// at most a one-word setting, is answered by the sentence that opens with
// the term and "is" ("A knot is a unit of speed."), not by the one that
// says most of its words; and that a question with more than a setting
// asks no definition.
func TestDefinitionFirst(t *testing.T) {
	e := articleEngine(t, "sea", "Terms of the sea", `In traditional seamanship a knot was timed with a log line and a sandglass for each watch of the ship.

A knot is a unit of speed.

Slack water is the short time when the tide turns.
`)
	for q, want := range map[string]string{
		"What kind of thing is a knot in seamanship?": "A knot is a unit of speed.",
		"In seamanship, what is a knot?":              "A knot is a unit of speed.",
		"what is slack water exactly":                 "Slack water is the short time when the tide turns.",
	} {
		a, err := e.Answer(t.Context(), q)
		if err != nil {
			t.Fatal(err)
		}
		if !a.Answered || a.Quotes[0].Text != want {
			t.Errorf("%q: answered %v %v, want %q first", q, a.Answered, a.Quotes, want)
		}
	}
	for q, want := range map[string]string{
		"what is a knot":                                         "knot",
		"What does slack water mean?":                            "slack water",
		"whats brandts part in the harbour talks for orrin":      "",
		"What is the knot timed with in traditional seamanship?": "",
	} {
		got := e.rules.definedTerm(e.rules.asking(Normalize(strings.ReplaceAll(q, "whats", "what is"))))
		var stems []string
		for _, w := range strings.Fields(want) {
			stems = append(stems, stem(w))
		}
		if !slices.Equal(got, stems) {
			t.Errorf("definedTerm(%q) = %q, want %q", q, got, stems)
		}
	}
}

// TestDefinitionPatternsStrict holds that a definitions pattern must
// compile and name its term.
func TestDefinitionPatternsStrict(t *testing.T) {
	for p, want := range map[string]string{
		`^what is (?P<term>[a-z]+)$`: "",
		`^what is ([a-z]+)$`:         `no group "term"`,
		`^what is (?P<term>[a-z+$`:   "definitions",
	} {
		f := &generalFile{}
		f.Definitions.Asks = []string{p}
		err := (&rules{}).compileDefinitions(f)
		switch {
		case want == "" && err != nil:
			t.Errorf("%s: %v", p, err)
		case want != "" && (err == nil || !strings.Contains(err.Error(), want)):
			t.Errorf("%s: err = %v, want one saying %q", p, err, want)
		}
	}
}

// TestGlossaryEntryDefines holds that a glossary's entry, names split by
// commas up to a colon, defines each of its names ("Kessra, Kessra
// Sound: …" defines both), and that a sentence with a colon after other
// words defines none of them.
func TestGlossaryEntryDefines(t *testing.T) {
	e := articleEngine(t, "straits", "Straits of Westland", `Orrin Strait: the strait between Westland and the isle of Orrin, where the harbour board keeps its lights; it is crossed by ferries from Palmshire.

Kessra, Kessra Sound: a narrow sound off the north cape that was charted in 1850 and is closed to ships in winter; the Kessra light guards it.

The pilots of the Kessra light keep one rule: never cross the Orrin Strait in fog.
`)
	checkQuotes(t, e, map[string]string{
		"what is the Orrin Strait": "Orrin Strait: the strait between",
		"What is Kessra Sound?":    "Kessra, Kessra Sound: a narrow sound",
		"what is kessra":           "Kessra, Kessra Sound: a narrow sound",
	})
	ix, err := e.current(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range ix.sents {
		if strings.HasPrefix(s.Text, "The pilots") && (e.rules.defines(&s, []string{"pilot"}) || e.rules.defines(&s, []string{"rule"})) {
			t.Errorf("%q defines a word before its colon, want none", s.Text)
		}
	}
}

// TestHeadFirst holds that, among candidates scoring all but level, the
// glossary's entry headed by the name the question says answers first,
// not another entry naming it in passing.
func TestHeadFirst(t *testing.T) {
	e := articleEngine(t, "people", "People", `Kessrado, Ada Kessrado: Westland chemist who with Orrin pioneered tide tables but is remembered mainly for her invention of the Kessrado lamp.

Orrin, Iris Orrin: Westland chemist who with Kessrado pioneered tide tables and formulated two laws of harbour currents.
`)
	for q, want := range map[string]string{
		"whats kessrado best known for": "Kessrado, Ada Kessrado:",
		"whats orrin best known for":    "Orrin, Iris Orrin:",
	} {
		a, err := e.Explain(context.Background(), q)
		if err != nil {
			t.Fatal(err)
		}
		if got := a.Explain.Candidates[0].Text; !strings.HasPrefix(got, want) {
			t.Errorf("%q: best %q, want the entry opening %q", q, got, want)
		}
	}
}

// TestSourcePhraseCredit holds that a word the question says only inside
// a phrase saying where a fact is told ("per the lamp statement") weighs
// half what it weighs elsewhere, and that a word said outside one too
// keeps its weight.
func TestSourcePhraseCredit(t *testing.T) {
	e := articleEngine(t, "board", "The board", "The lamp statement said the board would decide on the buoys in May.\n\nThe board met in Westland.\n")
	weight := func(q, term string) float64 {
		_, qq, err := e.prepare(context.Background(), Normalize(q), nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, tt := range qq.terms {
			if tt.term == term {
				return tt.weight
			}
		}
		t.Fatalf("%q: no term %q", q, term)
		return 0
	}
	plain := weight("what did the board decide about the lamp statement", "statement")
	if got := weight("what did the board decide, per the lamp statement", "statement"); got != sourceCredit*plain {
		t.Errorf("statement inside a source phrase weighs %v, want %v", got, sourceCredit*plain)
	}
	if got := weight("what did the board statement decide, per the lamp statement", "statement"); got != weight("what did the board statement decide about the lamp statement", "statement") {
		t.Errorf("statement said outside the source phrase too weighs %v, want its full weight", got)
	}
	if got := weight("lamp statement article: what did the board decide", "statement"); got != sourceCredit*weight("what did the board decide in the lamp statement", "statement") {
		t.Errorf("statement in an article's name before a colon weighs %v, want it halved", got)
	}
	if got := weight("lamp statement piece - what did the board decide", "statement"); got != sourceCredit*weight("what did the board decide in the lamp statement", "statement") {
		t.Errorf("statement in a piece's name before a dash weighs %v, want it halved", got)
	}
	if got := weight("In the lamp statement story, what did the board decide?", "statement"); got != sourceCredit*weight("what did the board decide in the lamp statement", "statement") {
		t.Errorf("statement in a story's name before a comma weighs %v, want it halved", got)
	}
	if got := weight("what did the lamp statement - the board's - decide", "statement"); got != weight("what did the lamp statement of the board decide", "statement") {
		t.Errorf("statement before a dash with no article named weighs %v, want its full weight", got)
	}
	if got := weight("How does the lamp statement story rate the board's plan?", "statement"); got != sourceCredit*weight("what did the board decide in the lamp statement", "statement") {
		t.Errorf("statement in a story's name told as the one telling weighs %v, want it halved", got)
	}
	if got := weight("When does the story of the lamp statement begin?", "statement"); got != weight("what did the board decide in the lamp statement", "statement") {
		t.Errorf("statement in \"the story of\" weighs %v, want its full weight", got)
	}
}

// TestSourceOutletKnown holds that the outlet of the best sentence's
// article, named in a source phrase ("according to the Gazette") or
// anywhere else ("How does the Gazette put …?"), counts neither as a word
// no article uses nor as a missing name, while an outlet the store does
// not hold still does, and so does the article's own outlet in a question
// asking who wrote it ("Who wrote the Gazette story?").
func TestSourceOutletKnown(t *testing.T) {
	st := storetest.MustOpenEmpty(t)
	doc := store.Document{ID: "lamps", Title: "Lamps of the harbour", Outlet: "Gazette", Body: "Orrin Lind has kept the harbour lamps of Northport since 1901.\n\nThe lamps burn whale oil.\n"}
	if _, err := st.Ingest(context.Background(), doc, storetest.Epoch); err != nil {
		t.Fatal(err)
	}
	e := mustEngine(t, st, WithPack(nil))
	ev := func(q string) map[string]float64 {
		a, err := e.Explain(context.Background(), q)
		if err != nil {
			t.Fatal(err)
		}
		if a.Explain == nil {
			t.Fatalf("%q: no explanation", q)
		}
		return a.Explain.Evidence
	}
	for _, q := range []string{
		"According to the Gazette, who has kept the harbour lamps of Northport?",
		"What does the Gazette have Orrin Lind keeping in Northport since 1901?",
	} {
		if got := ev(q); got["unknown"] != 0 || got["missing_capital"] != 0 || got["missing_name"] != 0 {
			t.Errorf("%q: the article's own outlet counted unknown %v, missing capital %v, missing name %v; want 0", q, got["unknown"], got["missing_capital"], got["missing_name"])
		}
	}
	for _, q := range []string{
		"According to the Herald, who has kept the harbour lamps of Northport?",
		"What does the Herald have Orrin Lind keeping in Northport since 1901?",
	} {
		if got := ev(q); got["unknown"] == 0 || got["missing_name"] == 0 {
			t.Errorf("%q: an outlet no article has counted unknown %v, missing name %v; want more", q, got["unknown"], got["missing_name"])
		}
	}
	if got := ev("Who wrote the Gazette story on the harbour lamps?"); got["missing_name"] == 0 {
		t.Errorf("the outlet of a story asked who wrote counted missing name 0, want more")
	}
	for _, q := range []string{
		"Per the Gazette, who wrote that Orrin Lind has kept the harbour lamps of Northport?",
		"Per the Gazette, who writes that Orrin Lind has kept the harbour lamps of Northport?",
	} {
		if got := ev(q); got["missing_name"] != 0 {
			t.Errorf("%q: the outlet of a story asked what someone wrote counted missing name %v, want 0", q, got["missing_name"])
		}
	}
}

// TestDefinitionPastSourcePhrase holds that a question asking what a
// thing is, then naming the writing it asks of ("…, according to the
// harbour guide?"), asks for the sentence defining the thing, as it does
// without the phrase.
func TestDefinitionPastSourcePhrase(t *testing.T) {
	e := articleEngine(t, "harbour-guide", "The Northport harbour guide",
		"Open the sluice at low tide to start the harbour's flushing. "+
			"A sluice is a gate that lets water out of the inner basin. "+
			"Keepers log every opening of the sluice in the harbour book.")
	checkQuotes(t, e, map[string]string{
		"What is a sluice, according to the harbour guide?": "A sluice is a gate",
		"Per the guide, what is a sluice?":                  "A sluice is a gate",
	})
}
