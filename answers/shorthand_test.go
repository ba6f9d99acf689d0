package answers

import (
	"slices"
	"testing"
)

// TestShorthand holds chat shorthand read as the words it stands for,
// whatever its case, only as a whole word, and a dropped word leaving no
// double space.
func TestShorthand(t *testing.T) {
	s, err := compileShorthand(map[string]string{"whats": "what is", "rn": "now", "didnt": "did not", "won't": "will not", "what'd": "what did", "btw": "", "u": "you", "ur": "your"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for in, want := range map[string]string{
		"whats the plan rn":               "what is the plan now",
		"Whats the plan?":                 "what is the plan?",
		"btw why didnt the pilots strike": "why did not the pilots strike",
		"Who runs the RNLI?":              "Who runs the RNLI?",
		"What's the plan?":                "What's the plan?",
		"what did the U.S. say rn.":       "what did the U.S. say now.",
		"is the rn-class ship new":        "is the rn-class ship new",
		"Where is RN's base?":             "Where is RN's base?",
		"did u see ur list":               "did you see your list",
		"Where is Ur?":                    "Where is Ur?",
		"the plan won't work":             "the plan will not work",
		"the plan won’t work":             "the plan will not work",
		"Won't they sign?":                "will not they sign?",
		"who won the vote":                "who won the vote",
		"what'd ames say":                 "what did ames say",
	} {
		if got := s.expand(in); got != want {
			t.Errorf("expand(%q) = %q, want %q", in, got, want)
		}
	}
	for _, bad := range []map[string]string{{"Rn": "now"}, {"w/": "with"}, {"": "x"}, {"'": "x"}, {"wont'": "x"}, {"won''t": "x"}} {
		if _, err := compileShorthand(bad, nil); err == nil {
			t.Errorf("compileShorthand(%v): no error", bad)
		}
	}
	// A joining word must be a shorthand word.
	if _, err := compileShorthand(map[string]string{"u": "you"}, []string{"n"}); err == nil {
		t.Error("compileShorthand with a join that is no shorthand word: no error")
	}
}

// TestShorthandQuestion holds general.yaml's shorthand in a question: the
// class reads "whos" as "who is", and "rn" is no word the articles lack.
func TestShorthandQuestion(t *testing.T) {
	e := articleEngine(t, "pilots", "The harbour pilots", "Captain Ada Brenner leads the harbour pilots now.\n")
	ix, err := e.current(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{"whos leading the harbour pilots rn", "whos leading teh harbour pilots"} {
		q := e.analyse(ix, Normalize(text))
		if q.class.name != "who" || len(q.unknown) > 0 {
			t.Errorf("%q: class %q, unknown words %v; want who and none", text, q.class.name, q.unknown)
		}
	}
	a, err := e.Answer(t.Context(), "whos leading the harbour pilots rn")
	if err != nil {
		t.Fatal(err)
	}
	if !a.Answered || a.Answer != "Ada Brenner" && a.Answer != "Captain Ada Brenner" {
		t.Errorf("answered %v %q, want Ada Brenner", a.Answered, a.Answer)
	}
}

// TestShorthandJoinAfterStopWord holds that chat's "n" for "and", left in
// after a stop word ("the pilots n the pier"), is no term when no article
// writes "n" as a word, and is one where an article does ("n items").
func TestShorthandJoinAfterStopWord(t *testing.T) {
	for _, tt := range []struct {
		body, q string
		term    bool
	}{
		{"Captain Ada Brenner leads the harbour pilots now.\n", "who leads the harbour pilots again n since when", false},
		{"The sort takes n steps for a list of n items.\n", "how many steps does the sort take for n items", true},
	} {
		e := articleEngine(t, "pilots", "The harbour pilots", tt.body)
		ix, err := e.current(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		q := e.analyse(ix, Normalize(tt.q))
		has := slices.ContainsFunc(q.terms, func(x qterm) bool { return x.term == "n" })
		if has != tt.term {
			t.Errorf("%q: \"n\" a term %v, want %v (terms %v)", tt.q, has, tt.term, q.terms)
		}
	}
}
