package answers

import (
	"context"
	"strings"
	"testing"

	"github.com/parley-bot/parley/store/storetest"
)

func TestReadChoice(t *testing.T) {
	e := mustEngine(t, storetest.MustOpenEmpty(t), WithPack(nil))
	for q, want := range map[string][4]string{
		"Did Putin pay a state visit to India or to China?":            {"Did Putin pay a state visit to India?", "Did Putin pay a state visit to to China?", "India", "China"},
		"Did Zelenskyy speak to reporters late Monday or late Friday?": {"Did Zelenskyy speak to reporters late Monday?", "Did Zelenskyy speak to reporters late Friday?", "late Monday", "late Friday"},
		"Is a problem instance characterized as abstract or concrete?": {"Is a problem instance characterized as abstract?", "Is a problem instance characterized as concrete?", "abstract", "concrete"},
		// Two words qualifying one noun inside the question.
		"Is Eastmark asking for a temporary or a permanent guarantee that Westmark stays out?": {
			"Is Eastmark asking for a temporary guarantee that Westmark stays out?",
			"Is Eastmark asking for a permanent guarantee that Westmark stays out?", "temporary", "permanent"},
	} {
		c, ok := e.readChoice(q)
		if !ok || c.asks[0] != want[0] || c.asks[1] != want[1] || c.options[0] != want[2] || c.options[1] != want[3] {
			t.Errorf("%q: read %v %q, want %q", q, ok, c, want)
		}
	}
	for _, q := range []string{
		"What function is used to define measurements like time or space?", // no auxiliary first: a list, not a choice
		"Did the committee decide whether or not to appeal?",
		"Was the plan agreed or did the talks fail over the question of the occupied territories?", // B too long
	} {
		if c, ok := e.readChoice(q); ok {
			t.Errorf("%q read as a choice: %q", q, c)
		}
	}
}

// TestChoiceAnswer holds a choice question to the option the article
// says, as a span of its quote, and to a refusal when it says neither.
func TestChoiceAnswer(t *testing.T) {
	ctx := context.Background()
	body := "The delegation travelled to Lisbon by train on Monday.\n\nThe harbour commission approved the new ferry terminal after a long debate.\n"
	e := articleEngine(t, "choice", "Choices", body)
	for q, want := range map[string]string{
		"Did the delegation travel to Madrid or to Lisbon?":         "Lisbon",
		"Did the delegation travel to Lisbon by train or by plane?": "train",
	} {
		a, err := e.Answer(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		if !a.Answered || a.Answer != want || !IsSpansOf(a.Answer, a.Quotes[0].Text) || !strings.Contains(a.Quotes[0].Text, "Lisbon") || a.Question != q {
			t.Errorf("%q: answered %v %q (%v), want %q", q, a.Answered, a.Answer, a.Quotes, want)
		}
	}
	a, err := e.Answer(ctx, "Did the delegation travel to Madrid or to Paris?")
	if err != nil {
		t.Fatal(err)
	}
	if a.Answered {
		t.Errorf("neither option said: answered %q (%v)", a.Answer, a.Quotes)
	}
}

// TestChoiceTakesTheVerbAsGiven holds that a choice asks which option,
// not whether the verb happened: "speak to reporters" is answered by the
// sentence that says "told reporters late Monday", which a yes/no
// question with that verb would not be.
func TestChoiceTakesTheVerbAsGiven(t *testing.T) {
	ctx := context.Background()
	e := mustEngine(t, storetest.MustOpen(t))
	a, err := e.Answer(ctx, "Did Zelenskyy speak to reporters late Monday or late Friday?")
	if err != nil {
		t.Fatal(err)
	}
	if !a.Answered || a.Answer != "late Monday" || !strings.Contains(a.Quotes[0].Text, "told reporters late Monday") {
		t.Errorf("answered %v %q (%v)", a.Answered, a.Answer, a.Quotes)
	}
	yn, err := e.Answer(ctx, "Did Zelenskyy speak to reporters late Monday?")
	if err != nil {
		t.Fatal(err)
	}
	if yn.Answered {
		t.Errorf("the yes/no question alone is answered: %v", yn.Quotes)
	}
}

// TestYesNoAnsweredNo: a yes/no question that negates nothing is often
// answered by a sentence that says no ("But the mayor bowed not"):
// ranking reads that as negation_said, which lifts the sentence; a
// question that negates itself, or asks no yes/no, lifts none.
func TestYesNoAnsweredNo(t *testing.T) {
	e := articleEngine(t, "court", "The court of Eastport", `All the servants of the court of Eastport bowed down to the king when he came in, as he had commanded.

But the mayor of Eastport bowed not to the king.
`)
	if e.rules.rankWeights[fNegYes] <= 0 {
		t.Fatalf("negation_said weighs %v, want more than 0", e.rules.rankWeights[fNegYes])
	}
	ix, err := e.current(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	for q, want := range map[string]float64{
		"Did the mayor of Eastport bow down to the king?":    1,
		"Didn't the mayor of Eastport bow down to the king?": 0,
		"Who did the mayor of Eastport bow down to?":         0,
	} {
		for _, c := range e.rank(ix, e.analyse(ix, Normalize(q))) {
			got := c.feat[fNegYes]
			if !strings.Contains(c.s.Text, "bowed not") {
				if got != 0 {
					t.Errorf("%q: negation_said %v for %q, which negates nothing", q, got, c.s.Text)
				}
				continue
			}
			if got != want {
				t.Errorf("%q: negation_said %v for %q, want %v", q, got, c.s.Text, want)
			}
		}
	}
}

// TestChoiceAfterALeadIn holds that a choice set after a source phrase
// or a lead-in ("Per the harbour story, did …", "the ferry - was it …")
// is read as a choice, the lead-in kept in each option's question.
func TestChoiceAfterALeadIn(t *testing.T) {
	e := articleEngine(t, "harbour", "The harbour story", `Orrin Vell helped Ada Lind close the Bayton harbour deal during his second term as mayor.

The harbour board paid for a new quay in the spring.
`)
	checkAnswers(t, e, map[string]string{
		"Per the harbour story, did Orrin Vell help close the Bayton harbour deal in his first term or his second term?": "second term",
		"orrin vell helping ada lind close the bayton harbour deal - was that in his first term or his second term":      "second term",
	})
}

// TestChoiceTheQuoteSays holds that of two answered options, the one its
// quote says wins over a surer one its quote does not say, and that
// otherwise the answered and then the surer one wins.
func TestChoiceTheQuoteSays(t *testing.T) {
	answer := func(answered bool, conf float64, quote string) Answer {
		return Answer{Answered: answered, Confidence: conf, Quotes: []Quote{{Text: quote}}}
	}
	opts := [2]string{"odd", "even"}
	for _, tt := range []struct {
		as   [2]Answer
		want int
	}{
		{[2]Answer{answer(true, 0.74, "Synchronous notation is like vanilla notation."), answer(true, 0.71, "All throw numbers must now be even.")}, 1},
		{[2]Answer{answer(true, 0.71, "Odd throws cross."), answer(true, 0.74, "Throws are made in pairs.")}, 0},
		{[2]Answer{answer(false, 0.9, "Odd throws cross."), answer(true, 0.6, "Throws are made in pairs.")}, 1},
		{[2]Answer{answer(true, 0.6, "Throws are made in pairs."), answer(true, 0.7, "Hands alternate.")}, 1},
	} {
		if got := pickOption(tt.as, opts); got != tt.want {
			t.Errorf("pickOption(%q, %q) = %d, want %d", tt.as[0].Quotes[0].Text, tt.as[1].Quotes[0].Text, got, tt.want)
		}
	}
}

// TestChoiceOfMonths holds that a month whose name is also a stop word
// ("May") is an option of a choice like any name.
func TestChoiceOfMonths(t *testing.T) {
	e := articleEngine(t, "harbour", "The harbour story", `The Northport ferry first sailed to Bayton in May, with Orrin Vell at the wheel.

The harbour board paid for a new quay in the spring.
`)
	checkAnswers(t, e, map[string]string{
		"Did the Northport ferry first sail to Bayton in May or in June?": "May",
	})
}
