package answers

import "testing"

// TestStartedAndFounded holds general.yaml's two groups for starting: a
// body started is one founded or established ("Who started the Harbour
// League?" is answered by "founded by Ada Brenner"), and to start is to
// begin; but founding is no beginning ("When was the League founded?" is
// not answered by when its war began).
func TestStartedAndFounded(t *testing.T) {
	e := articleEngine(t, "league", "The Harbour League",
		"The Harbour League, founded by Ada Brenner in 1801, joined the towns of the coast.\n\n"+
			"The League's war with the Marsh towns began in 1812 and did not start again after 1815.\n")
	checkQuoted(t, e, map[string]string{
		"Who started the Harbour League?":      "founded by Ada Brenner",
		"When did the League's war start?":     "began in 1812",
		"When was the Harbour League founded?": "founded by Ada Brenner in 1801",
	})
}
