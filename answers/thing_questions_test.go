package answers

import "testing"

// TestRoleOfAThing holds that a role question naming no person asks what a
// thing does, as any what-question does, while one naming a person still
// asks a job.
func TestRoleOfAThing(t *testing.T) {
	e := articleEngine(t, "lock", "Working the Bayton lock", `Halvard Brekke is the lock keeper at Bayton.
She opens the lock twice a day for the ferry.
The sluice command opens the lower gate of the lock so that the water level falls.
The upper gate holds back the river while the chamber empties.
Boats wait at the quay until the keeper rings the bell.
`)
	checkClasses(t, e, map[string]string{
		"What does the sluice command do?":    "what",
		"What role does the upper gate play?": "what",
		"What does Halvard Brekke do?":        "role",
	})
	checkBest(t, e, "What does the sluice command do?",
		"The sluice command opens the lower gate of the lock so that the water level falls.", "the sentence saying what the command does")
	a, err := e.Answer(t.Context(), "What does the sluice command do?")
	if err != nil {
		t.Fatal(err)
	}
	if !a.Answered {
		t.Errorf("What does the sluice command do? refused: %s", a.Answer)
	}
}

// TestSaidOfAThing holds that a question asking what something "says",
// "adds" or "describes", naming no one who speaks, asks what the text
// says, as any what-question does, while one naming a speaker, a pronoun
// for one or a medium still asks for their words.
func TestSaidOfAThing(t *testing.T) {
	e := articleEngine(t, "locks", "The Bayton lock manual", `Halvard Brekke said the lock would reopen in May.
Version 2 of the lock manual added a chapter on night crossings.
The manual describes the lower gate as the oldest part of the harbour.
The ferry waits at the quay while the chamber empties.
`)
	checkClasses(t, e, map[string]string{
		"What did version 2 of the lock manual add?":   "what",
		"How does the manual describe the lower gate?": "what",
		"What did Halvard Brekke say about the lock?":  "said",
		"what did he say about the lock":               "said",
		"What did the statement say about the lock?":   "said",
	})
	checkAnswered(t, e, map[string]bool{
		"What did version 2 of the lock manual add?":   true,
		"How does the manual describe the lower gate?": true,
	})
}

// checkClasses asks each question of e and holds the class it is read as.
func checkClasses(t *testing.T, e *Engine, want map[string]string) {
	t.Helper()
	for q, class := range want {
		a, err := e.Explain(t.Context(), q)
		if err != nil {
			t.Fatal(err)
		}
		if a.Explain.Class != class {
			t.Errorf("%s: class %q, want %q", q, a.Explain.Class, class)
		}
	}
}

// TestLeadTopicThenQuestion holds that a question set out after a topic
// and a dash asks from the dash on: "the bayton fair - does the trust sell
// cider there" asks yes or no.
func TestLeadTopicThenQuestion(t *testing.T) {
	checkClasses(t, orchardEngine(t), map[string]string{
		"the bayton fair - does the trust sell cider there, or perry": "yesno",
		"dwarf rootstocks - were they traced back to bayton":          "yesno",
		"tally sticks - what were they first used for":                "what",
	})
}

// TestWritingNamedByKind holds that a question naming the writing by its
// kind ("the README", "the quickstart") asks what it says, no word the
// sentence must hold.
func TestWritingNamedByKind(t *testing.T) {
	e := articleEngine(t, "filters", "Filters", "Joining two filters into one pipeline is called chaining. The pipeline reads its input once.\n")
	checkQuotes(t, e, map[string]string{
		"What does the README call joining two filters into one pipeline?": "Joining two filters",
	})
}

// TestWriteUpSpaced holds that "write up" written with a space names the
// writing as "write-up" does: in a source phrase it is no term.
func TestWriteUpSpaced(t *testing.T) {
	e := orchardEngine(t)
	ix, err := e.current(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{"bayton write up - what does the trust sell at the fair", "In the Bayton write up, what does the trust sell at the fair?"} {
		q := e.analyse(ix, Normalize(text))
		for _, x := range q.terms {
			if x.term == "write" || x.term == "up" {
				t.Errorf("%q: %q is a term (terms %v)", text, x.term, q.terms)
			}
		}
	}
}
