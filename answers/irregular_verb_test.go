package answers

import (
	"strings"
	"testing"
)

// TestWhoVerbIrregularForm holds a who-question whose verb is an irregular
// form ("came") read through its verb's synonyms as its base form is
// ("come" is "reach"): the sentence saying who reached the understanding
// answers who came to it, though the article says "come" elsewhere.
func TestWhoVerbIrregularForm(t *testing.T) {
	e := articleEngine(t, "dock", "The Northport dock",
		"This week the Northport pilots reached an understanding on the new dock rules.\n\n"+
			"More ships will come to the dock in spring.\n")
	a, err := e.Answer(t.Context(), "Who came to an understanding on the new dock rules?")
	if err != nil {
		t.Fatal(err)
	}
	if !a.Answered || !strings.Contains(a.Quotes[0].Text, "pilots reached an understanding") {
		t.Errorf("answered %v %+v, want the sentence on the pilots", a.Answered, a.Quotes)
	}
}
