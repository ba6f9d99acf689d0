package answers

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

// lighthouses is an invented article of two paragraphs that say the same
// things of two lighthouses: a follow-up that names neither can only be
// told apart by where the conversation was.
const lighthouses = `The Bayton lighthouse was built in 1861 by the harbour board. Its lamp was first lit by the keeper Orrin Vell. The repairs to the old tower took three years.

The Northport lighthouse was built in 1874 by a private company. Its lamp was first lit by the keeper Ada Brandt. The repairs to the old tower took five years.`

func lighthouseEngine(t *testing.T) *Engine {
	return articleEngine(t, "lighthouses", "Two lighthouses", lighthouses)
}

// repairsQuestion is the follow-up the near_last tests ask: both
// lighthouses' paragraphs answer it, so only where the conversation was
// tells which one.
const repairsQuestion = "how long did the repairs to the old tower take"

// nearCase is a question asked before repairsQuestion, and the sentence
// repairsQuestion must then be answered with.
type nearCase struct{ prev, want string }

// checkNear asks repairsQuestion after each case's prev on e: first
// checks the answer to prev (a message when it is not as the test needs),
// and the follow-up must be answered with the case's sentence first.
func checkNear(t *testing.T, e *Engine, cases []nearCase, first func(Answer) string) {
	t.Helper()
	for _, tt := range cases {
		p, a := askAfter(t, e, tt.prev, repairsQuestion)
		if msg := first(p); msg != "" {
			t.Fatalf("%q: answered %v, quotes %v, turn %+v: %s", tt.prev, p.Answered, p.Quotes, p.Next, msg)
		}
		if !a.Answered || a.Quotes[0].Text != tt.want {
			t.Errorf("%q after %q: answered %v, quotes %v, want %q first", repairsQuestion, tt.prev, a.Answered, a.Quotes, tt.want)
		}
	}
}

// TestFollowUpNearLastQuote holds that a follow-up naming nothing itself
// is answered from the paragraph the last answer was quoted from.
func TestFollowUpNearLastQuote(t *testing.T) {
	checkNear(t, lighthouseEngine(t), []nearCase{
		{"When was the Bayton lighthouse built?", "The repairs to the old tower took three years."},
		{"When was the Northport lighthouse built?", "The repairs to the old tower took five years."},
	}, func(p Answer) string {
		if !p.Answered || p.Next.Article != "lighthouses" || p.Next.Sentence < 1 {
			return "want the turn to say where its quote stands"
		}
		return ""
	})
}

// TestFollowUpNearLastAcrossParagraphs holds that a follow-up leans on
// the sentence just after the last answer's quote too, when it opens the
// next paragraph: the quote closed its paragraph, and the passage goes on.
func TestFollowUpNearLastAcrossParagraphs(t *testing.T) {
	const body = `The Bayton lighthouse was built in 1861 by the harbour board. Its lamp was first lit by the keeper Orrin Vell.

The repairs to the old tower took three years. The tower is still painted white.

The Northport lighthouse was built in 1874 by a private company. Its lamp was first lit by the keeper Ada Brandt.

The repairs to the old tower took five years. The tower is still painted red.`
	checkNear(t, articleEngine(t, "lighthouses", "Two lighthouses", body), []nearCase{
		{"Who first lit the lamp of the Bayton lighthouse?", "The repairs to the old tower took three years."},
		{"Who first lit the lamp of the Northport lighthouse?", "The repairs to the old tower took five years."},
	}, func(p Answer) string {
		if !p.Answered || !strings.HasPrefix(p.Quotes[0].Text, "Its lamp") {
			return "want the keeper's sentence, the last of its paragraph"
		}
		return ""
	})
}

// TestFollowUpNearRefusedQuestion holds that after a question refused,
// a follow-up naming nothing itself leans on the paragraph of the refused
// question's best sentence (near_tried): the conversation was about that
// passage, though the article did not say what was asked of it.
func TestFollowUpNearRefusedQuestion(t *testing.T) {
	checkNear(t, lighthouseEngine(t), []nearCase{
		{"Who painted the Bayton lighthouse red?", "The repairs to the old tower took three years."},
		{"Who painted the Northport lighthouse red?", "The repairs to the old tower took five years."},
	}, func(p Answer) string {
		if p.Answered || !p.Next.Refused || p.Next.Article != "lighthouses" || p.Next.Sentence < 1 {
			return "want it refused, the turn saying where its best sentence stands"
		}
		return ""
	})
}

// TestNearLastSetsAsideTheQuoteAndNamedQuestions holds the two limits of
// near_last: the last answer's own quote is not favoured (a follow-up
// asks what it did not say), and a question that names someone or
// something itself leans on no passage.
func TestNearLastSetsAsideTheQuoteAndNamedQuestions(t *testing.T) {
	e := lighthouseEngine(t)
	ix := e.readIndex(t.Context())
	at := quoteAt{article: "lighthouses", sentence: 4} // "The Northport lighthouse was built in 1874 …"
	q := e.analyse(ix, Normalize("who first lit its lamp"))
	q.last = at
	rc := e.newRankContext(ix, q)
	last := ix.sentenceAt(at)
	if last < 0 || ix.sents[last].Text != "The Northport lighthouse was built in 1874 by a private company." {
		t.Fatalf("sentenceAt(%v) = %d", at, last)
	}
	for i := range ix.sents {
		c := e.features(rc, int32(i))
		want := 0.0
		if int32(i) > last && ix.sents[i].Paragraph == ix.sents[last].Paragraph {
			want = 1
		}
		if c.feat[fNear] != want {
			t.Errorf("near_last of %q = %v, want %v", ix.sents[i].Text, c.feat[fNear], want)
		}
	}
	prev := &Turn{Question: "when was the northport lighthouse built", Article: at.article, Sentence: at.sentence}
	if got := lastQuoted(prev, e.carry(ix, prev, "Who first lit the lamp of the Bayton lighthouse?")); got != (quoteAt{}) {
		t.Errorf("lastQuoted for a question naming Bayton = %v, want none", got)
	}
	if got := lastQuoted(prev, e.carry(ix, prev, "who first lit its lamp")); got != at {
		t.Errorf("lastQuoted for a question naming nothing = %v, want %v", got, at)
	}
	if got := ix.sentenceAt(quoteAt{article: "lighthouses", sentence: 7}); got != -1 {
		t.Errorf("sentenceAt past the article's end = %d, want -1", got)
	}
}

// TestTurnKeepsWhereItsQuoteStands holds that the turn a bot stores as
// JSON between messages keeps where its quote stands (or, refused, its
// best sentence), and that an older
// turn without it still reads.
func TestTurnKeepsWhereItsQuoteStands(t *testing.T) {
	for _, in := range []Turn{
		{Question: "when was the bayton lighthouse built", Class: "when", Answer: "1861", Article: "lighthouses", Sentence: 1},
		{Question: "who painted the bayton lighthouse red", Class: "who", Article: "lighthouses", Sentence: 1, Refused: true},
	} {
		raw, err := json.Marshal(in)
		if err != nil {
			t.Fatal(err)
		}
		var out Turn
		if err := json.Unmarshal(raw, &out); err != nil || !reflect.DeepEqual(out, in) {
			t.Fatalf("round trip of %s = %+v, %v; want %+v", raw, out, err, in)
		}
	}
	var old Turn
	if err := json.Unmarshal([]byte(`{"question":"when was the bayton lighthouse built","class":"when"}`), &old); err != nil || old.Article != "" || old.Sentence != 0 {
		t.Fatalf("an older turn read as %+v, %v", old, err)
	}
}
