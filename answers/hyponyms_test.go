package answers

import (
	"testing"
)

// TestKindSaidIsNoUnknownWord holds that a question word no article uses
// is not counted unknown when the best sentence says a kind of it ("what
// drinks" against "two glasses of cider"), while a word for another of the
// same kind ("wine" against "cider") still is.
func TestKindSaidIsNoUnknownWord(t *testing.T) {
	e := articleEngine(t, "inn", "Inn news", `The innkeeper poured two glasses of cider for the travellers at the long table.

The travellers left the inn before dawn.
`)
	checkUnknown(t, e, []unknownCase{
		{"What drinks did the innkeeper pour for the travellers?", false},
		{"How many glasses of wine did the innkeeper pour for the travellers?", true},
	})
}

// TestHyponymList holds the embedded list to WordNet's kinds: beer is a
// drink and a dagger a weapon, and no word is a kind of itself.
func TestHyponymList(t *testing.T) {
	list, err := parseSynonyms("hyponyms.txt.gz", hyponymsGz)
	if err != nil {
		t.Fatal(err)
	}
	kinds := wordnetHyponyms()
	if len(kinds) != len(list) || len(kinds) < 5000 {
		t.Fatalf("%d stems with kinds read, of %d lines", len(kinds), len(list))
	}
	for general, kind := range map[string]string{"drink": "beer", "weapon": "dagger"} {
		if !hasSynonym(kinds[general], kind) {
			t.Errorf("%q is no kind of %q in the list", kind, general)
		}
	}
	for st, ks := range kinds {
		if hasSynonym(ks, st) {
			t.Errorf("%q is a kind of itself", st)
		}
	}
}
