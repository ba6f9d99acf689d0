package answers

import (
	"slices"
	"testing"

	"github.com/parley-bot/parley/store"
)

// TestSourcePhraseNamesArticle holds that a word said only in a source
// phrase naming a piece of writing ("deadlock piece - …") picks the
// article that says it, not the one sentence of it that does: the
// sentence holding the rest of the question's words ranks first.
func TestSourcePhraseNamesArticle(t *testing.T) {
	e := docsEngine(t, []store.Document{
		{ID: "tolls", Title: "Quay talks", Body: "The harbour board met the carters on Monday.\n\n" +
			"Ada Ames vehemently opposes the toll.\n\nTheir talks on the toll hit a deadlock after a week of meetings."},
		{ID: "ferry", Title: "Ferry slip opens", Body: "The new ferry slip opened at Bayton in May.\n\nThe ferry company said its crossings would double by the autumn."},
	})
	const q, want = "deadlock piece - who's flat-out against the toll", "Ada Ames vehemently opposes the toll."
	a, _, err := e.answer(t.Context(), q, true)
	if err != nil {
		t.Fatal(err)
	}
	if c := a.Explain.Candidates; len(c) == 0 || c[0].Text != want {
		t.Errorf("%q: candidates %+v, want %q first", q, c, want)
	}
}

// TestRateIsNoSource holds that "per" and a rate word ("beats per second
// does …", "per cent") make no source phrase: its words weigh in full,
// while "per the harbour board" still says where a fact is told.
func TestRateIsNoSource(t *testing.T) {
	e := articleEngine(t, "beat", "Beats", "The player uses two beats per second by default.\n\nThe harbour board says the quay toll rose.")
	ix, err := e.current(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	for q, want := range map[string]bool{
		"how many beats per second does the player use":    false,
		"how much per cent did the toll rise":              false,
		"how much did the toll rise per the harbour board": true,
	} {
		got := slices.ContainsFunc(e.analyse(ix, Normalize(q)).terms, func(t qterm) bool { return t.source })
		if got != want {
			t.Errorf("%q: a source phrase read %v, want %v", q, got, want)
		}
	}
}
