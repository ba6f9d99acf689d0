package answers

import "testing"

// TestSaidOfAThing holds that a question asking what something "says",
// "adds" or "describes", naming no one who speaks, asks what the text
// says, as any what-question does, while one naming a speaker, a pronoun
// for one or a medium still asks for their words.
func TestSaidOfAThing(t *testing.T) {
	e := articleEngine(t, "locks", "The Bayton lock manual",
		"Halvard Brekke said the lock would reopen in May. "+
			"Version 2 of the lock manual added a chapter on night crossings. "+
			"The manual describes the lower gate as the oldest part of the harbour. "+
			"The ferry waits at the quay while the chamber empties.")
	for q, want := range map[string]string{
		"What did version 2 of the lock manual add?":   "what",
		"How does the manual describe the lower gate?": "what",
		"What did Halvard Brekke say about the lock?":  "said",
		"what did he say about the lock":               "said",
		"What did the statement say about the lock?":   "said",
	} {
		a, err := e.Explain(t.Context(), q)
		if err != nil {
			t.Fatal(err)
		}
		if a.Explain.Class != want {
			t.Errorf("%s: class %q, want %q", q, a.Explain.Class, want)
		}
	}
	for _, q := range []string{"What did version 2 of the lock manual add?", "How does the manual describe the lower gate?"} {
		a, err := e.Answer(t.Context(), q)
		if err != nil {
			t.Fatal(err)
		}
		if !a.Answered {
			t.Errorf("%s refused: %s", q, a.Answer)
		}
	}
}
