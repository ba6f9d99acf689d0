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

// TestSpeakerAfterOwner holds that in "what did Westland's top envoy
// say …" the speaker is the envoy, not Westland: the envoy's reported
// words answer.
func TestSpeakerAfterOwner(t *testing.T) {
	const pack = `name: envoys
entities:
  - {id: westland, name: Westland, kind: place, aliases: [westland]}
  - {id: ulm, name: Ada Ulm, kind: person, aliases: [ada ulm, ulm, top envoy]}
`
	e := packEngine(t, pack, "Ulm, the Westland leader's top envoy, said that timing and sequencing were particular focuses of the plan.\n\n"+
		"Westland officials said the new pier would open in May.\n")
	a, err := e.Answer(t.Context(), "What did Westland's top envoy say the plan was especially focused on?")
	if err != nil {
		t.Fatal(err)
	}
	if !a.Answered || !strings.Contains(a.Quotes[0].Text, "timing and sequencing") {
		t.Errorf("answered %v with %v, want the envoy's words on timing", a.Answered, a.Quotes)
	}
}

// TestSpeakerOfAQuote holds "who said …" and "who reckoned …" answered
// by the person a quote's sentence names speaking after the quote,
// whether the question's verb is a speech verb, an opinion verb or
// follows an auxiliary.
func TestSpeakerOfAQuote(t *testing.T) {
	const pack = `name: pilots
entities:
  - {id: lind, name: Ada Lind, kind: person, aliases: [ada lind, lind]}
  - {id: vell, name: Orrin Vell, kind: person, aliases: [orrin vell, vell]}
`
	e := packEngine(t, pack, "Orrin Vell met the harbour pilots on Monday to weigh the new rota.\n\n"+
		"“In my view, the core of the rota is ready,” Ada Lind said.\n")
	checkAnswers(t, e, map[string]string{
		"who said the core of the rota is ready":       "Ada Lind",
		"Who reckoned the core of the rota was ready?": "Ada Lind",
		"who has said the core of the rota is ready":   "Ada Lind",
	})
}
