package answers

import (
	"strings"
	"testing"
)

// TestSplitAndLongTypos holds two kinds of typo on invented text: a word
// the article writes as one, asked as two ("Cloud Locker" for
// "CloudLocker"), and a long name with two letters wrong ("Wastmerk" for
// "Westmark"), each answered from the sentence that says it. Real words
// the article writes apart stay apart, and a name two letters longer or
// shorter than the article's ("Austrian", "Australian") is no typo.
func TestSplitAndLongTypos(t *testing.T) {
	e := articleEngine(t, "lockers", "The CloudLocker sale",
		"The Harbourview Company sold its CloudLocker service to Westmark in 2011.\n\n"+
			"Harbourview kept its data centre in Tromsø, near the Australian fleet.\n")
	ix, err := e.current(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	for q, want := range map[string]string{
		"Who bought Cloud Locker?":       "cloud locker→cloudlocker",
		"When did Wastmerk buy it?":      "wastmerk→westmark",
		"Where is the data centre kept?": "",
	} {
		if got := strings.Join(e.analyse(ix, Normalize(q)).corrections, ","); got != want {
			t.Errorf("corrections of %q = %q, want %q", q, got, want)
		}
		a, err := e.Answer(t.Context(), q)
		if err != nil {
			t.Fatal(err)
		}
		if !a.Answered {
			t.Errorf("%q refused", q)
		}
	}
	// A name two letters longer or shorter is another name.
	if got := e.analyse(ix, Normalize("Where is the Austrian fleet?")).corrections; len(got) > 0 {
		t.Errorf("corrections of the Austrian fleet = %v, want none", got)
	}
	a, err := e.Answer(t.Context(), "When did Wastmerk buy Cloud Locker?")
	if err != nil {
		t.Fatal(err)
	}
	if !a.Answered || a.Answer != "2011" || !strings.Contains(a.Quotes[0].Text, "Westmark") {
		t.Errorf("answered %v %q, want 2011 from the sale", a.Answered, a.Answer)
	}
}

// TestNamesAreNoTypos holds that a proper name no article says ("jane",
// "Tony") is another name, not a typo of a word they use ("june",
// "tons"), while a misspelt word still is one, and a name's adjective
// ("alaskan") still finds the name it pertains to.
func TestNamesAreNoTypos(t *testing.T) {
	e := articleEngine(t, "harbour", "The harbour in June",
		"The harbour closed in June after the storms.\n\n"+
			"Ten tons of cargo were lost off the coast of Alaska.\n")
	checkCorrections(t, e, map[string]string{
		"when did jane close the harbour?":          "",
		"How many tons did Tony lose?":              "",
		"when did the harbor clsoe?":                "clsoe→close",
		"how many tons were lost off alaskan coast": "alaskan→alaska",
	})
}

// TestNameTypos holds that a word inside a name the articles write with
// one word off is that word ("Primer League" is "Premier League", "Sand
// Bernardino" "San Bernardino"), while the same words outside such a
// name stay as typed.
func TestNameTypos(t *testing.T) {
	e := articleEngine(t, "rights", "Rights",
		"The Premier League sold its broadcast rights to Harbourcorp in 1992.\n\n"+
			"The San Bernardino office of Harbourcorp closed in 2001.\n")
	checkCorrections(t, e, map[string]string{
		"Who bought the rights of the Primer League?": "primer→premier",
		"When did the Sand Bernardino office close?":  "sand→san",
		"Who sold a primer to Harbourcorp?":           "",
		"Was there sand at the Harbourcorp office?":   "",
		"Did the Primer Company sell rights?":         "",
	})
}

// TestCompoundsAreNoTypos holds that two English words written as one
// ("payback") are a word, not a typo of a word the articles use
// ("playback"), while a name the articles use with an "s" added
// ("boatmans") is still that name.
func TestCompoundsAreNoTypos(t *testing.T) {
	e := articleEngine(t, "council", "Council", "The playback of the council meeting was posted online.\n\n"+
		"Tom Boatman's aide called the fine retaliation for the strike.\n")
	checkCorrections(t, e, map[string]string{
		"what did the aide call payback for the strike": "",
		"what did boatmans aide call the fine":          "boatmans→boatman",
	})
}

// TestOneLetterOffAWordUsedOften holds that a misspelling that happens
// to split into two English words ("intrest": "int", "rest") is read as
// the word one letter off it that the articles use more than once.
func TestOneLetterOffAWordUsedOften(t *testing.T) {
	e := articleEngine(t, "bank", "Bank", "The harbour bank pays interest on deposits.\n\n"+
		"Longer deposits earn more interest at the Bayton branch.\n")
	checkCorrections(t, e, map[string]string{
		"do longer deposits earn more intrest": "intrest→interest",
	})
}

// TestLowerCaseNameTypos holds that a name typed in lower case with a
// letter off ("sir ronald eliot") is the name the articles write next to
// its neighbour ("Sir Ronald Elliot"), as a capitalised one is; alone, or
// next to a word the articles never write beside it, it stays as typed.
func TestLowerCaseNameTypos(t *testing.T) {
	e := articleEngine(t, "hall", "The hall",
		"Sir Ronald Elliot of Kellmoor Hall was fifty-four and still a fine man.\n\n"+
			"His neighbour kept bees.\n")
	checkCorrections(t, e, map[string]string{
		"how old is sir ronald eliot": "eliot→elliot",
		"how old is eliot":            "",
		"did the bees sting eliot":    "",
	})
}

// checkCorrections holds the typo corrections e reads in each question.
func checkCorrections(t *testing.T, e *Engine, want map[string]string) {
	t.Helper()
	ix, err := e.current(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	for q, w := range want {
		if got := strings.Join(e.analyse(ix, Normalize(q)).corrections, ","); got != w {
			t.Errorf("corrections of %q = %q, want %q", q, got, w)
		}
	}
}
