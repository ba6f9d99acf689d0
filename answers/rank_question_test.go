package answers

import (
	"strings"
	"testing"
)

// TestRankQuestion holds a question asking for a place in an order: "Where
// does X rank?" asks how many, not where, and an ordinal the question
// does not say is the answer it wants, though no unit is counted; a
// how-many question that asks no rank is not answered by one.
func TestRankQuestion(t *testing.T) {
	e := articleEngine(t, "ports", "Ports of the north coast",
		"By tonnage, Northport is ranked third on the coast, behind Eastmouth and Kellby.\n\n"+
			"Northport was founded by fishermen from Kellby.\n")
	ix, err := e.current(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	var ranked *sentence
	for i := range ix.sents {
		if strings.Contains(ix.sents[i].Text, "ranked third") {
			ranked = &ix.sents[i]
		}
	}
	if ranked == nil {
		t.Fatal("no sentence ranks Northport")
	}
	for q, want := range map[string]bool{
		"Where does Northport rank on the coast by tonnage?": true,
		"At what rank is Northport by tonnage?":              true,
		"How many ports are on the coast?":                   false,
	} {
		qq := e.analyse(ix, Normalize(q))
		if qq.class.wants != wantNumber || e.hasWanted(qq, ranked) != want {
			t.Errorf("%q: wants %s, answered by the ranking sentence %v; want a number, %v", q, qq.class.wants, e.hasWanted(qq, ranked), want)
		}
		a, err := e.Answer(t.Context(), q)
		if err != nil {
			t.Fatal(err)
		}
		if want && (!a.Answered || a.Quotes[0].Text != ranked.Text) {
			t.Errorf("%q: answered %v %+v, want the sentence ranking it", q, a.Answered, a.Quotes)
		}
	}
}

// TestContinuationFirst holds that the sentence after the best, opening
// with a pronoun for it ("However, this was replaced by …") and saying a
// word of the question the best does not, answers first; "This type …"
// opens with a determiner, not a pronoun, and moves nothing.
func TestContinuationFirst(t *testing.T) {
	e := articleEngine(t, "channels", "Channels", `Initially Harbourcorp provided Westland Travel to the service. However, this was replaced by Westland Three on 31 October 2005, which was itself later renamed.

The Orrin lens often shows a bubble near the centre of the picture. This type is sometimes called bubble distortion by the keepers.
`)
	for q, want := range map[string]string{
		"What channel replaced Westland Travel?":               "However, this was replaced by Westland Three",
		"What does the Orrin lens show near the centre often?": "The Orrin lens often shows a bubble",
	} {
		a, err := e.Answer(t.Context(), q)
		if err != nil {
			t.Fatal(err)
		}
		if len(a.Quotes) == 0 || !strings.HasPrefix(a.Quotes[0].Text, want) {
			t.Errorf("%q: quotes %v, want %q… first", q, a.Quotes, want)
		}
	}
}

// TestSentenceAfterItsSetting holds that a sentence opening with a word
// that points back ("Its boats were sold") ranks first when the sentence
// before it says the rest of what the question asks, though that one
// holds more of the question's words: the rank weights' neighbour shares.
func TestSentenceAfterItsSetting(t *testing.T) {
	e := articleEngine(t, "quay", "Quay news", `The harbour board met in Bayton on Monday to settle the long toll dispute with the ferry owners of Northport. It agreed to halve the winter toll for small boats.

The ferry owners of Northport once ran a second line to Westland. Its boats were sold in 1911.
`)
	checkBest(t, e, "What became of the boats of the Northport ferry owners' line to Westland?", "Its boats were sold in 1911.", "the one after its setting")
}

// A sentence that says back only the question's words ("HALIR, n.") holds
// no answer: the one after it, that defines the word, comes first.
func TestSentenceThatEchoesTheQuestion(t *testing.T) {
	e := articleEngine(t, "glossary", "Harbour words", `HALIR, n. A rope of tarred hemp that ties a small boat to the quay at low tide. Ferry crews of Northport coil it at dusk.

The Bayton quay is stone. Its rings are iron.
`)
	checkBest(t, e, "What is a halir tied to?", "A rope of tarred hemp that ties a small boat to the quay at low tide.", "the definition after the headword")
}

// A sentence saying how big in a synonym of the question's own word
// ("How large …?" — "These are big repairs.") answers it: it is no echo
// of the question, and the sentence after it does not come first.
func TestDegreeSynonymIsNoEcho(t *testing.T) {
	e := articleEngine(t, "quay", "Quay repairs", `The harbour board met on Monday. “These are big repairs. The repairs will take all winter,” Orrin Vell said.

The Bayton ferry sails at dawn.
`)
	checkBest(t, e, "How large are the repairs?", "“These are big repairs.", "the one saying how big")
}

// A sentence giving a number the question does not say ("The north quay
// has 8 rings.") says something of its own, though the number is one
// character: it is no echo of "How many rings …?", and the sentence after
// it does not come first.
func TestNumberIsNoEcho(t *testing.T) {
	e := articleEngine(t, "quay", "Quay rings", `The north quay has 8 rings. Two rings were cast in Bayton.

The Northport ferry sails at dawn.
`)
	checkBest(t, e, "How many rings does the north quay have?", "The north quay has 8 rings.", "the one giving the number")
}

// checkBest holds that e puts want first among the candidates for q
// (why names what want is, for the message).
func checkBest(t *testing.T, e *Engine, q, want, why string) {
	t.Helper()
	a, err := e.Explain(t.Context(), q)
	if err != nil {
		t.Fatal(err)
	}
	if got := a.Explain.Candidates[0].Text; got != want {
		t.Errorf("%s: best sentence %q, want %s", q, got, why)
	}
}

// TestWritingPlace: a question naming the closing line of a story, or
// its last paragraph, prefers the sentence there over its like.
func TestWritingPlace(t *testing.T) {
	e := articleEngine(t, "harbour-dues", "Harbour dues", `The harbour master met the fishermen.

The harbour master met the ferry owners. The ferry owners left early.

The harbour master met the pilots.
`)
	checkBest(t, e, "Who did the harbour master meet?", "The harbour master met the fishermen.", "the first of its like")
	checkBest(t, e, "In the story's closing line, who did the harbour master meet?", "The harbour master met the pilots.", "the closing line")
	checkBest(t, e, "In the story's last paragraph, who did the harbour master meet?", "The harbour master met the pilots.", "the last paragraph's")
}
