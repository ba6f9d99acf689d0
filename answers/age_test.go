package answers

import "testing"

// TestHowOld holds "how old" answered by an age however the article gives
// it: years followed by "old" ("some 5500 years old") or an age with no
// unit ("at age seven", "at the age of twelve"), and not by another
// number in the sentence.
func TestHowOld(t *testing.T) {
	e := articleEngine(t, "harbour", "The harbour archive",
		"Clay tablets of the harbour archive some 900 years old were found in 1950.\n\n"+
			"Pilots' sons began their training on the boats at age seven, with 40 others.\n\n"+
			"The archive moved to the old town at the age of its founding.\n")
	checkQuoted(t, e, map[string]string{
		"How old are the clay tablets of the harbour archive?": "some 900 years old",
		"How old were pilots' sons when their training began?": "at age seven",
	})
}
