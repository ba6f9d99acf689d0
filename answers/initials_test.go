package answers

import "testing"

// TestInitialsSayTheirWords holds that a run of the question's words the
// articles write by their initials ("harbour standard time", "HST") is
// said by a sentence writing the initials, and that two common words in
// lower case are not read as initials another short form shares
// ("particular problem", "PP").
func TestInitialsSayTheirWords(t *testing.T) {
	e := articleEngine(t, "clocks", "Clocks", `The Bayton board brought in HST in 1916, a year before Westland did.

The Westland Clock Office kept a register of every harbour clock.

In 1920 the harbour clocks of Westland were set to railway time.

PP and NP are classes of problems a machine decides.
`)
	a, err := e.Answer(t.Context(), "When was harbour standard time brought in?")
	if err != nil {
		t.Fatal(err)
	}
	if !a.Answered || a.Answer != "1916" {
		t.Errorf("answered %v with %q, want 1916", a.Answered, a.Answer)
	}
	ix, err := e.current(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	q := e.analyse(ix, Normalize("Which particular problem does the machine decide?"))
	for _, term := range q.terms {
		if contains(term.alts, "pp") {
			t.Errorf("term %q takes the initials \"pp\" of two common words", term.term)
		}
	}
	q = e.analyse(ix, Normalize("What did the Westland Clock Office keep?"))
	for _, term := range q.terms {
		if contains(term.alts, "wco") {
			t.Errorf("term %q takes initials no article writes", term.term)
		}
	}
}
