package answers

import (
	"strings"
	"testing"
)

// TestSubjectPronoun holds a sentence that opens with a pronoun for the
// name the sentence before it gives: it holds that name for the question
// ("Where was the Harbour League based?" is answered by "They were based
// in …" after "The Harbour League was …"), though the sentence naming
// the League shares more of the question's words.
func TestSubjectPronoun(t *testing.T) {
	e := articleEngine(t, "league", "The Harbour League",
		"The Harbour League, known as the Kessra in its own tongue, was a group of trading towns with a common fleet and a common coin.\n\n"+
			"The Harbour League - the Kessra - was formed by five towns. They were based in what is now upstate Northmoor and traded with the south.\n\n"+
			"The Marsh League was based on the southern coast.\n")
	a, err := e.Answer(t.Context(), "Where was the Harbour League based?")
	if err != nil {
		t.Fatal(err)
	}
	if !a.Answered || !strings.HasPrefix(a.Quotes[0].Text, "They were based") {
		t.Errorf("answered %v %+v, want the sentence saying where they were based", a.Answered, a.Quotes)
	}
	// Its pronoun stands for the name only when the sentence before names it.
	a, err = e.Answer(t.Context(), "Where was the Marsh League based?")
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Quotes) > 0 && strings.HasPrefix(a.Quotes[0].Text, "They were based") {
		t.Errorf("the Marsh League answered with %q", a.Quotes[0].Text)
	}
}
