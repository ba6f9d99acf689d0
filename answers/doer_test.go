package answers

import (
	"context"
	"strings"
	"testing"
)

// TestDoerOfUnknownVerb holds a who-question whose verb no article says
// in any form ("Who started …" against "founded"): the sentence naming
// someone may say it in other words, so it is not refused for want of a
// doer; a verb the articles do say elsewhere must be the sentence's own.
func TestDoerOfUnknownVerb(t *testing.T) {
	e := articleEngine(t, "school", "The harbour school", `Ada Ames founded the harbour school of Eastport in 1901.

The harbour bridge of Eastport was closed in 1950.
`)
	ctx := context.Background()
	a, err := e.Answer(ctx, "Who started the harbour school of Eastport?")
	if err != nil {
		t.Fatal(err)
	}
	if !a.Answered || !strings.Contains(a.Answer, "Ada Ames") {
		t.Errorf("started: answered %v %q, want Ada Ames", a.Answered, a.Answer)
	}
	a, err = e.Answer(ctx, "Who closed the harbour school of Eastport?")
	if err != nil {
		t.Fatal(err)
	}
	if a.Answered {
		t.Errorf("closed: answered %q, want a refusal: the school's sentence says no one closed it", a.Answer)
	}
}
