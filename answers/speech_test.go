package answers

import (
	"context"
	"strings"
	"testing"
)

// TestSpeechWithoutPack holds "what did X claim" over text no pack
// describes: the speaker is no entity, so the sentence reporting the
// claim answers; a question about words nobody is reported saying is
// still refused.
func TestSpeechWithoutPack(t *testing.T) {
	e := articleEngine(t, "tax", "The harbour tax", `Northwind Shipping claimed that the harbour tax had doubled the cost of a berth.

The harbour tax was introduced in 1990 after a vote of the harbour board.
`)
	ctx := context.Background()
	a, err := e.Answer(ctx, "What did Northwind Shipping claim about the harbour tax?")
	if err != nil {
		t.Fatal(err)
	}
	if !a.Answered || !strings.Contains(a.Quotes[0].Text, "doubled the cost") {
		t.Errorf("claim: answered %v %+v, want the claim's sentence", a.Answered, a.Quotes)
	}
	a, err = e.Answer(ctx, "What did the harbour board say about the vote in 1990?")
	if err != nil {
		t.Fatal(err)
	}
	if a.Answered {
		t.Errorf("say: answered %q from %q, want a refusal: no one is reported speaking", a.Answer, a.Quotes[0].Text)
	}
}
