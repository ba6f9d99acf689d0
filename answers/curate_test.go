package answers

import (
	"context"
	"reflect"
	"testing"

	"github.com/parley-bot/parley/store/storetest"
)

// TestGroupParaphrasedRefusals: refusals asked in other words are one
// question in the curator's report; different questions stay apart.
func TestGroupParaphrasedRefusals(t *testing.T) {
	ctx := context.Background()
	e := mustEngine(t, storetest.MustOpen(t))
	qs := []string{
		"What did Macron say about the talks?",        // 0
		"How many soldiers died?",                     // 1
		"what has macron said about the negotiations", // 2: synonyms, stems, stop words
		"When is the next round of talks in Geneva?",  // 3
		"How many soldiers were killed?",              // 4
		"Hey, what did Macron say about the talks??",  // 5: a lead-in, punctuation
		"Who will win the election?",                  // 6
		"What did Macron say about Gaza?",             // 7: another question about Macron
	}
	for _, q := range qs {
		if a, err := e.Answer(ctx, q); err != nil || a.Answered {
			t.Fatalf("%q answered (%v, %v): the test wants refusals", q, a.Answered, err)
		}
	}
	got := e.Group(qs)
	want := [][]int{{0, 2, 5}, {1, 4}, {3}, {6}, {7}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Group = %v, want %v", got, want)
	}
	topics := e.Topics(qs, 3)
	// "macron" typed lower-case is also an English word (the accent):
	// not taken for a name, so three questions name Macron.
	if len(topics) == 0 || topics[0].Name != "Macron" || topics[0].Count != 3 {
		t.Errorf("Topics = %+v, want Macron asked 3 times first", topics)
	}
}

// TestGroupWithoutPack groups by stems and stop words alone.
func TestGroupWithoutPack(t *testing.T) {
	_, st := squadSubset(t)
	e, err := NewEngine(context.Background(), st)
	if err != nil {
		t.Fatal(err)
	}
	qs := []string{"Who founded Sky?", "who was the founder of Sky", "When did Sky launch?", "Who founded BSkyB?"}
	got := e.Group(qs)
	if len(got) != 3 || !reflect.DeepEqual(got[0], []int{0, 1}) {
		t.Errorf("Group = %v, want {0 1} together and the others apart", got)
	}
}
