package answers

import "testing"

// TestRoleOfAThing holds that a role question naming no person asks what a
// thing does, as any what-question does, while one naming a person still
// asks a job.
func TestRoleOfAThing(t *testing.T) {
	e := articleEngine(t, "lock", "Working the Bayton lock",
		"Halvard Brekke is the lock keeper at Bayton. She opens the lock twice a day for the ferry. "+
			"The sluice command opens the lower gate of the lock so that the water level falls. "+
			"The upper gate holds back the river while the chamber empties. "+
			"Boats wait at the quay until the keeper rings the bell.")
	for q, want := range map[string]string{
		"What does the sluice command do?":    "what",
		"What role does the upper gate play?": "what",
		"What does Halvard Brekke do?":        "role",
	} {
		a, err := e.Explain(t.Context(), q)
		if err != nil {
			t.Fatal(err)
		}
		if a.Explain.Class != want {
			t.Errorf("%s: class %q, want %q", q, a.Explain.Class, want)
		}
	}
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
