package answers

import (
	"context"
	"strings"
	"testing"
)

// TestPronounFollowUp holds that a follow-up whose "he" stands for a
// person is answered by the sentence that goes on about that person as
// "he", or as "I" inside a quotation of theirs, rather than by the one
// naming them.
func TestPronounFollowUp(t *testing.T) {
	const body = `The kit was first sold in 1999, for one board only.

In May 2001 (between kit 0.5 and kit 0.6), Tom Ames started the first port of the kit, for the Alder boards. He reports that "Many parts were hard to find, and it was a long time before a board would start. After two months (in July 2001), I shipped 40 boards from 60 ordered!" Later he started another port together with Ben Dorn and Ann Berg, for the Birch boards.

The kit moved to a new build system in 2004.
`
	e := articleEngine(t, "kit", "Kit", body)
	ctx := context.Background()
	first, err := e.FollowUp(ctx, nil, "Who started the first port of the kit?")
	if err != nil {
		t.Fatal(err)
	}
	for q, want := range map[string]string{
		"Who did he start another port with?": "Ben Dorn",
		"How many boards did he ship?":        "40 boards",
	} {
		a, err := e.FollowUp(ctx, &first.Next, q)
		if err != nil {
			t.Fatal(err)
		}
		if !a.Answered || !strings.Contains(a.Quotes[0].Text, want) {
			t.Errorf("%s answered %v with %+v (read %+v), want the sentence with %q", q, a.Answered, a.Quotes, a.Carried, want)
		}
	}
}

// TestPronounFollowUpOwnWords holds that a follow-up whose "she" stands
// for a person is refused when the best sentence only names that person
// and holds none of the follow-up's own words, and answered when it holds
// them.
func TestPronounFollowUpOwnWords(t *testing.T) {
	const body = `Speaking to harbour journalist Per Moe on Friday, Ada Lind praised the new pier.

The pier was built in two years by the Northport yard.

Lind also thanked the ferry crews for their work through the winter.
`
	e := articleEngine(t, "pier", "Pier", body)
	ctx := context.Background()
	first, err := e.FollowUp(ctx, nil, "Who praised the new pier?")
	if err != nil {
		t.Fatal(err)
	}
	a, err := e.FollowUp(ctx, &first.Next, "Which channel does she work for?")
	if err != nil {
		t.Fatal(err)
	}
	if a.Answered {
		t.Errorf("Which channel does she work for? answered with %+v (read %+v), want a refusal", a.Quotes, a.Carried)
	}
	a, err = e.FollowUp(ctx, &first.Next, "When did she praise the pier?")
	if err != nil {
		t.Fatal(err)
	}
	if !a.Answered || !strings.Contains(a.Answer, "Friday") {
		t.Errorf("When did she praise the pier? answered %v with %q, want Friday", a.Answered, a.Answer)
	}
}

// TestThingSubject holds that a sentence opening with "It" speaks of what
// the sentence before it names, for any word of the question, not only a
// name: "It caused the most flood damage …, estimated at …" answers how
// much the 1994 storm's damage was estimated at, over the sentence that
// names the storm and over a report on it. An "it" that stands for nothing ("It has been shown that
// …") lends no words, and neither do "he" and "they", for a word no name.
func TestThingSubject(t *testing.T) {
	const body = `The 1994 harbour storm was particularly fierce, bringing down trees and power lines along the coast. It caused the most flood damage of any storm in the town's records, estimated at over 20 million crowns.

A report on the 1994 harbour storm and its damage came out in 1996.

Many storms have been studied since 1950. It has been shown that most of them form over warm water, far from the coast.
`
	e := articleEngine(t, "storm", "Storms", body)
	for q, want := range map[string]string{
		"How much was the fierce 1994 harbour storm's damage estimated at?": "flood damage",
		"Since when have storms been studied?":                              "since 1950",
	} {
		a, err := e.Answer(t.Context(), q)
		if err != nil {
			t.Fatal(err)
		}
		if len(a.Quotes) == 0 || !strings.Contains(a.Quotes[0].Text, want) {
			t.Errorf("%q quoted %+v, want the sentence with %q", q, a.Quotes, want)
		}
	}
	if !e.rules.lex.expletiveSoon(tokenize("It has been shown that most of them form")) || e.rules.lex.expletiveSoon(tokenize("It caused the most flood damage")) {
		t.Error("expletiveSoon: want the first \"it\" read as standing for nothing, the second not")
	}
}
