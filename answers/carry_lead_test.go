package answers

import "testing"

// TestCarryLeadThing holds that a noun phrase a question sets out before
// it asks, and calls "it" there, is what "it" stands for in the next
// question: after "the Palmshire Orchard Trust, when was it founded?",
// "who founded it" asks who founded the trust — past a source named
// before a dash of its own, and after a dash too.
func TestCarryLeadThing(t *testing.T) {
	e := orchardEngine(t)
	checkCarry(t, e, []carryCase{
		{"the Palmshire Orchard Trust, when was it founded?", "n who founded it",
			"who founded the Palmshire Orchard Trust", "set out before asking"},
		{"gazette - the Bayton fair, what does the trust sell at it", "n when is it held",
			"when is the Bayton fair held", "set out before asking"},
		{"the cider of the trust - where does it sell it?", "and when is it sold there",
			"the cider of the trust", "set out before asking"},
	}, false)
}

// TestCarryWholeQuestionAfterAnd holds that a question word, a verb and a
// pronoun after "and" ("and who sold them at the fair?") make a whole question, whose
// pronoun is read as any question's, not a fragment the last question's
// topic is added to.
func TestCarryWholeQuestionAfterAnd(t *testing.T) {
	e := orchardEngine(t)
	checkCarry(t, e, []carryCase{
		{"How far back can dwarf rootstocks for pear trees be traced?", "and who sold them at the fair",
			"and who sold dwarf rootstocks", "a pronoun"},
	}, false)
}

// TestCarryClauseBeforeAsking holds that a question opening with a clause
// before its asking ("When the trust says …, what is that taken to
// mean?") names its own subject: its "that" is what the clause says, and
// nothing of the last question is carried into it.
func TestCarryClauseBeforeAsking(t *testing.T) {
	e := orchardEngine(t)
	checkCarry(t, e, []carryCase{
		{"Who wrote the first Northport guide to the orchards?", "In the orchard piece, when growers graft pear trees, what is that taken to mean?", "", ""},
	}, true)
}
