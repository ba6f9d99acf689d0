package answers

import "testing"

// TestWhoVerbIrregularForm holds a who-question whose verb is an irregular
// form ("came") read through its verb's synonyms as its base form is
// ("come" is "reach"): the sentence saying who reached the understanding
// answers who came to it, though the article says "come" elsewhere.
func TestWhoVerbIrregularForm(t *testing.T) {
	e := articleEngine(t, "dock", "The Northport dock",
		"This week the Northport pilots reached an understanding on the new dock rules.\n\n"+
			"More ships will come to the dock in spring.\n")
	checkQuoted(t, e, map[string]string{
		"Who came to an understanding on the new dock rules?": "pilots reached an understanding",
	})
}

// TestGroupAnswersWho holds a who-question no name answers answered by
// the body of people that did it, in general English's group_nouns ("the
// parents teach the children …", "an army of women who were …").
func TestGroupAnswersWho(t *testing.T) {
	e := articleEngine(t, "clans", "The harbour clans",
		"Sailing is part of the way of life of the harbour clans; the parents teach the children to sail and fish from an early age.\n\n"+
			"The harbour guard was an army of women who were the chief's bodyguards.\n\n"+
			"Teaching is done in spring, and sailing in summer.\n")
	checkQuoted(t, e, map[string]string{
		"Who teaches the children of the harbour clans to sail?": "the parents teach",
		"Who made up the harbour guard?":                         "an army of women",
	})
}
