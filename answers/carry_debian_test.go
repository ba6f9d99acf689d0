package answers

import (
	"context"
	"testing"
)

// TestCarryDebian holds the carry-over rules found on the Debian history
// set (no pack): "then" alone is the time of what was named, a which
// question's answer is what "it" stands for, a second "it" is another
// thing, "that" opening a clause is no pronoun, and a fragment swaps a
// whole numbered name; "the rest" alone is the rest of what was asked.
func TestCarryDebian(t *testing.T) {
	ctx := context.Background()
	_, st := squadStore(t, "testdata/debian-history.json")
	e, err := NewEngine(ctx, st)
	if err != nil {
		t.Fatal(err)
	}
	checkCarry(t, e, []carryCase{
		{"Which architectures were added in Debian 2.1 Slink?", "Who was Project Leader then?", "Who was Project Leader in Debian 2.1 Slink?", "a pronoun for a time"},
		{"When was BSkyB's target first announced?", "How many had subscribed since then?", "since BSkyB", "a pronoun for what the last question asked about"},
		{"Which release was the first with a code name?", "How many packages did it contain?", "did Debian 1.1 Buzz contain", "after a question asking which"},
		{"Which CD vendor shipped a development release of Debian?", "What did it call it?", "What did InfoMagic call it?", "after a question asking which"},
		{"When was Debian 2.0 Hamm released?", "And Debian 2.1 Slink?", "When was Debian 2.1 Slink released?", "with \"Debian 2.1 Slink\" for \"Debian 2.0 Hamm\""},
		{"Who was awarded two of the six packages in May 2006?", "Who picked up the rest?", "Who picked up the rest of the six packages in May 2006", "the whole the last question counted a part of"},
		{"Who was awarded the packages in May 2006?", "Who picked up the rest?", "Who picked up the rest awarded the packages in May 2006", "stands for the rest of what the last question asked about"},
		{"Which faults can the San Andreas Fault produce?", "What other faults are there?", "", ""},
		// "it" is the whole numbered name, and a name outside the phrase
		// a which question asked about comes before that phrase.
		{"How many binary packages did Debian 3.0 Woody contain?", "How many developers worked on it?", "How many developers worked on Debian 3.0 Woody?", "the first thing"},
		{"Which architectures were added in Debian 2.1 Slink?", "What was its key technical innovation?", "What was Debian 2.1 Slink’s key technical innovation?", "the first thing"},
		// The answer ("AMD64") is read first; refused so, "it" is the release the question named.
		{"Which architecture was added in Debian 4.0 Etch?", "When was it released?", "When was Debian 4.0 Etch released?", "the first thing"},
		{"Which architecture was added in Debian 4.0 Etch?", "Which was dropped?", "Which architecture was dropped in Debian 4.0 Etch", "asks which again"},
		{"Who hosted master.debian.org on their own hardware?", "Who explains that the InfoMagic CD is not the Debian 1.0 release?", "", ""},
	}, false)
}
