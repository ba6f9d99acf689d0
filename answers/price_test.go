package answers

import "testing"

// TestPriceAsked holds that "how much" with a price word asks a sum of
// money: a sentence giving only miles does not hold it, one with a
// currency sign or a count of a currency does, and "how much of" asks a
// part, which no sum need give.
func TestPriceAsked(t *testing.T) {
	e := articleEngine(t, "ferry", "The Bayton ferry", `Wealthy gentlemen of Northport pay to drive the Bayton ferry twenty or thirty miles a day.
A season ticket for the ferry costs thirty shillings at the quay.
A day ticket for the harbour tram costs $4.
Fishermen pay 10% of their catch to the harbour board.
`)
	checkEvidence(t, e, []evidenceCase{
		{"How much do the gentlemen of Northport pay to drive the ferry?", "no_type", 1},
		{"How much does a season ticket for the ferry cost?", "no_type", 0},
		{"How much does a day ticket for the harbour tram cost?", "no_type", 0},
		{"How much of their catch do fishermen pay to the harbour board?", "no_type", 0},
	})
	checkAnswers(t, e, map[string]string{
		"How much does a season ticket for the ferry cost?":     "thirty shillings",
		"How much does a day ticket for the harbour tram cost?": "$4",
	})
}
