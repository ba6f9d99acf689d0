package answers

import "testing"

// TestCarryLeads holds three readings of what a question sets out before
// it asks. A noun phrase set out before a comma or a dash and called "it"
// there is what "it" stands for next: after "the Palmshire Orchard Trust,
// when was it founded?", "who founded it" asks who founded the trust
// (past a source named before a dash of its own, and after a dash too).
// A question word, a verb and a pronoun after "and" ("and who sold them at
// the fair") make a whole question, whose pronoun is read as any
// question's, not a fragment the last question's topic is added to. And
// a question opening with a clause before its asking ("when growers graft
// pear trees, what is that taken to mean?") names its own subject: its
// "that" is what the clause says, and nothing is carried into it; nor
// into a "their" the clause's plural noun owns.
func TestCarryLeads(t *testing.T) {
	checkCarry(t, orchardEngine(t), []carryCase{
		{"the Palmshire Orchard Trust, when was it founded?", "n who founded it",
			"who founded the Palmshire Orchard Trust", "set out before asking"},
		{"gazette - the Bayton fair, what does the trust sell at it", "n when is it held",
			"when is the Bayton fair held", "set out before asking"},
		{"the cider of the trust - where does it sell it?", "and when is it sold there",
			"the cider of the trust", "set out before asking"},
		{"How far back can dwarf rootstocks for pear trees be traced?", "and who sold them at the fair",
			"and who sold dwarf rootstocks", "a pronoun"},
		{"Who wrote the first Northport guide to the orchards?", "In the orchard piece, when growers graft pear trees, what is that taken to mean?",
			"", ""},
		// Nor is "their" when the clause names what it is of.
		{"Where does the trust sell its cider?", "When growers graft dwarf rootstocks onto pear trees, what goes wrong if their roots are cut too short?",
			"", ""},
	}, false)
}
