package answers

import (
	"strings"
	"testing"
)

// TestSupportVerb holds a who-question whose verb only supports its
// object ("provided a definition", "published a study"): the sentence
// giving someone's definition or study names who did it, though it never
// says the verb.
func TestSupportVerb(t *testing.T) {
	e := articleEngine(t, "locks", "Early work on harbour locks",
		"Early papers on the subject include Ada Brenner's definition of tidal engines in 1960 and Carl Voss's study of harbour locks in 1961.\n\n"+
			"Both worked at the Northport yard, which provided the stone and published the plans.\n")
	for q, who := range map[string]string{
		"Who provided a definition of tidal engines?": "Brenner",
		"Who published a study of harbour locks?":     "Voss",
	} {
		a, err := e.Answer(t.Context(), q)
		if err != nil {
			t.Fatal(err)
		}
		if !a.Answered || !strings.Contains(a.Quotes[0].Text, "Brenner's definition") {
			t.Errorf("%q: answered %v %+v, want the sentence on the early papers", q, a.Answered, a.Quotes)
			continue
		}
		if a.Answer != "" && (!strings.Contains(a.Answer, who) || strings.HasSuffix(a.Answer, "'s")) {
			t.Errorf("%q: answer %q, want %s (no possessive) or the quote alone", q, a.Answer, who)
		}
	}
}
