package answers

import (
	"strings"
	"testing"

	"github.com/parley-bot/parley/store/storetest"
)

// TestOwnWordsFirst holds that a follow-up read with the last question's
// topic added ("Which was dropped?" as "Which port was dropped in Release
// 5.0 Alder") is answered by the sentence holding its own word, not by
// the title line that holds every carried word.
func TestOwnWordsFirst(t *testing.T) {
	const body = `Release 3.0 Aspen (5 June 2007): named for a tree on the hill. Support for the Sigma port was dropped.

Release 4.0 Birch (2 March 2009): named for a tree by the river. Two ports were added in this release: Kappa and Lambda.

Release 5.0 Alder (3 May 2011): named for a tree in the park. One port was added in this release: Zeta, and official support for Omega was dropped. This release used a new installer, with a graphical mode, more flexible partitioning and a rescue mode.

The project grew to more than one thousand developers in the years after.
`
	_, a := askAfter(t, articleEngine(t, "releases", "Releases", body), "Which port was added in Release 5.0 Alder?", "Which was dropped?")
	if !a.Answered || !strings.Contains(a.Quotes[0].Text, "Omega was dropped") {
		t.Errorf("Which was dropped? answered %v with %+v (read %+v), want the sentence saying Omega was dropped", a.Answered, a.Quotes, a.Carried)
	}
}

// TestPersonFirst holds that a follow-up whose pronoun stood for a person
// is answered by the sentence that names that person with the follow-up's
// own words, not by another person's sentence that holds more of them:
// "And when did he talk to reporters?" after a question on Zelenskyy is
// answered by what Zelenskyy told reporters late Monday, not by what Mr.
// Trump told them after Sunday's talks.
func TestPersonFirst(t *testing.T) {
	_, a := askAfter(t, mustEngine(t, storetest.MustOpen(t)), "When did Zelenskyy post on X that the sides are going through each point?", "And when did he talk to reporters?")
	if !a.Answered || !strings.Contains(a.Quotes[0].Text, "Zelenskyy told reporters late Monday") {
		t.Errorf("answered %v with %+v (read %+v), want Zelenskyy's words to reporters late Monday", a.Answered, a.Quotes, a.Carried)
	}
}
