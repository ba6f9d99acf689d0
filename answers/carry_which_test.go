package answers

import (
	"context"
	"strings"
	"testing"

	"github.com/parley-bot/parley/store/storetest"
)

// TestWhPhrase: the noun phrase a question asking which asks about runs
// to its verb, over "of the", and never takes the verb or what follows.
func TestWhPhrase(t *testing.T) {
	c, err := loadCarryRules()
	if err != nil {
		t.Fatal(err)
	}
	e := mustEngine(t, storetest.MustOpen(t))
	for q, want := range map[string]string{
		"Which provision of the original plan sparked strong reactions?":       "the provision of the original plan",
		"Which region does Putin want Ukrainian troops to withdraw from?":      "the region",
		"Which foreign ministers pledged to strengthen Ukraine's air defense?": "the foreign ministers",
		"Which CD vendor shipped a development release of Debian?":             "the CD vendor",
		"Which company owns the club?":                                         "the company",
		"Which part of the revised plan was dropped?":                          "the part of the revised plan",
		"Which provinces does it include?":                                     "the provinces",
		"What did Putin threaten?":                                             "",
		"Who reacted strongly to it?":                                          "",
		"Which of the points remain?":                                          "",
		"What share of UK households did BSkyB's satellite service reach?":     "the share of UK households",
		"Which release was the first with a code name?":                        "the release",
		"Which Ukrainian officials did Kushner and Witkoff huddle with?":       "the Ukrainian officials",
		"Which organization did Debian motivate the formation of?":             "the organization",
		"Which architectures were added in Debian 2.1 Slink?":                  "the architectures",
		"Which part of it was dropped?":                                        "the part",
	} {
		if got, _ := e.whPhrase(c, q); got != want {
			t.Errorf("whPhrase(%q) = %q, want %q", q, got, want)
		}
	}
}

// TestShortAnswer: a turn keeps the direct answer only when it is a few
// words, what a pronoun can stand for.
func TestShortAnswer(t *testing.T) {
	c, err := loadCarryRules()
	if err != nil {
		t.Fatal(err)
	}
	if got := shortAnswer("InfoMagic"); got != "InfoMagic" {
		t.Errorf("shortAnswer(InfoMagic) = %q", got)
	}
	long := strings.Repeat("word ", c.which.answerWords+1)
	if got := shortAnswer(long); got != "" {
		t.Errorf("shortAnswer of %d words = %q, want none", c.which.answerWords+1, got)
	}
}

// TestCarryAfterWhich holds how a pronoun after a question asking which
// is read on the built-in articles: the thing it asked which of, as a
// noun phrase, never its verb; a thing named outside that phrase first;
// "that" asked about with when stays what was asked.
func TestCarryAfterWhich(t *testing.T) {
	e := mustEngine(t, storetest.MustOpen(t))
	checkCarry(t, e, []carryCase{
		{"Which provision of the original plan sparked strong reactions?", "Who reacted strongly to it?",
			"Who reacted strongly to the provision of the original plan?", "the thing it asked which of"},
		{"Which region does Putin want Ukrainian troops to withdraw from?", "Which provinces does it include?",
			"Which provinces does the region include?", "the thing it asked which of"},
		{"Which foreign ministers pledged to strengthen Ukraine's air defense?", "What else did they commit to?",
			"What else did the foreign ministers commit to?", "the thing it asked which of"},
		{"Which provision of the original plan sparked strong reactions?", "Who proposed that?",
			"Who proposed the provision of the original plan?", "the thing it asked which of"},
		{"Which provision of the original plan sparked strong reactions?", "When was that?",
			"When was provision of the original plan sparked strong reactions?", "its topic"},
	}, true)
}

// TestCarryScaleAndAnswer holds two rules on the SQuAD subset (no pack):
// a follow-up naming only the other end of a scale asks the last question
// with it swapped, and "that" after a question asking what share stands
// for the short answer it got.
func TestCarryScaleAndAnswer(t *testing.T) {
	ctx := context.Background()
	_, st := squadSubset(t)
	e, err := NewEngine(ctx, st)
	if err != nil {
		t.Fatal(err)
	}
	checkCarry(t, e, []carryCase{
		{"Where was the state's lowest minimum temperature recorded?", "What was the highest?",
			"What was the state's highest minimum temperature recorded", "the other end of \"lowest\""},
		{"What share of UK households did BSkyB's satellite service reach?", "How many people is that?",
			"How many people is 36%?", "the last answer"},
	}, true)
	// Nothing but the same end is no swap: it carries as a bare question.
	first, err := e.FollowUp(ctx, nil, "Where was the state's lowest minimum temperature recorded?")
	if err != nil {
		t.Fatal(err)
	}
	a, err := e.FollowUp(ctx, &first.Next, "What was the lowest?")
	if err != nil {
		t.Fatal(err)
	}
	if a.Carried != nil && strings.Contains(strings.Join(a.Carried.Why, " "), "other end") {
		t.Errorf("swapped an end for itself: %+v", a.Carried)
	}
}

// TestCarryWhoObject: after a who question asking for the object ("Who did
// Rustem Umerov meet?"), "that" puts the people its answer named after the
// verb, not before the subject.
func TestCarryWhoObject(t *testing.T) {
	ctx := context.Background()
	e := mustEngine(t, storetest.MustOpen(t))
	first, err := e.FollowUp(ctx, nil, "Who did Rustem Umerov meet in Florida?")
	if err != nil {
		t.Fatal(err)
	}
	if first.Answer != "Steve Witkoff and Jared Kushner" {
		t.Fatalf("answer %q: the test needs the two envoys", first.Answer)
	}
	a, err := e.FollowUp(ctx, &first.Next, "Where was that?")
	if err != nil {
		t.Fatal(err)
	}
	want := "Where was Rustem Umerov meet Steve Witkoff and Jared Kushner in Florida?"
	if a.Carried == nil || a.Carried.Read != want {
		t.Fatalf("read as %+v, want %q", a.Carried, want)
	}
}

// TestPluralWhich: a which question asks about several when its phrase's
// head is a plural English noun or its answer joins names with "and".
func TestPluralWhich(t *testing.T) {
	c, err := loadCarryRules()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		phrase, answer string
		want           bool
	}{
		{"the architectures", "", true},
		{"the architecture", "", false},
		{"the countries of the region", "", true},
		{"the provision of the original plans", "", false},
		{"the class", "", false},
		{"the architecture", "Alpha and SPARC", true},
		{"the CD vendor", "InfoMagic", false},
	} {
		if got := c.which.plural(tt.phrase, tt.answer); got != tt.want {
			t.Errorf("plural(%q, %q) = %v, want %v", tt.phrase, tt.answer, got, tt.want)
		}
	}
}

// TestTopicThing holds the noun phrase "it" takes from a topic that says
// what someone did, and a topic that is an event kept whole.
func TestTopicThing(t *testing.T) {
	c, err := loadCarryRules()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ topic, want string }{
		{"co-wrote the initial proposal", "the initial proposal"},
		{"key points does the current version of the plan have", "the current version of the plan"},
		{"met with Dorn in Bayton", "met with Dorn in Bayton"},
		{"the harbour deal", "the harbour deal"},
		// "will" after "his" is a noun, not an auxiliary.
		{"the old miller leave each of the two boys in his will", "the two boys in his will"},
		// The phrase ends where a clause of its own begins: at a
		// comma, a dash, a question word or a pronoun.
		{"gazette piece, the opening line of the harbour statement - they went over the outcome of which meeting", "the opening line of the harbour statement"},
		{"a deal on the toll question turned up yet, per Lind", "the toll question turned up yet"},
		{"gazette - Brandt's list of the signals Bayton sends, what's on it", "the signals Bayton sends"},
		// "old" asks a question only after "how": here it is a word of
		// the phrase.
		{"the original strength of the old ale", "the old ale"},
	} {
		if got := c.topicThing(tt.topic); got != tt.want {
			t.Errorf("topicThing(%q) = %q, want %q", tt.topic, got, tt.want)
		}
	}
}

// TestCarryWhichPerson: after a question asking which person, at its
// start or further in, "he" or "she" is the person answered, not the
// first person the question named.
func TestCarryWhichPerson(t *testing.T) {
	e := articleEngine(t, "harbour", "The harbour", `Tom Ames, who is married to Mayor Dorn's daughter Ada, ran the harbour board for ten years and built the new quay in 1990.

Ada Ames later opened a school for pilots in Veston.
`)
	checkCarry(t, e, []carryCase{
		{"Tom Ames is married to which of Mayor Dorn's daughters?", "What did she open later?", "What did Ada open later?", "after a question asking which person"},
	}, true)
}

// TestInSituWhichName holds that a question asking which person further
// in ("… team up with which envoy?") is answered with the name the
// sentence gives right after the question's words before "which", and
// never with a name the question itself says.
func TestInSituWhichName(t *testing.T) {
	e := articleEngine(t, "strike", "The strike", "Karl Dorn again asked Tom Ames to team up with Ruth Brandt to end the dock strike.\n\n"+
		"Tom Ames is married to Karl Dorn's daughter Lena.\n")
	checkAnswers(t, e, map[string]string{
		"Dorn again asked Ames to team up with which envoy?": "Ruth Brandt",
		"Ames is married to which of Dorn's daughters?":      "",
	})
}

// TestPluralWord holds which words look plural: not a Latin singular.
func TestPluralWord(t *testing.T) {
	for w, want := range map[string]bool{"talks": true, "beavers": true, "houses": true,
		"canadensis": false, "status": false, "class": false, "gas": false} {
		if got := pluralWord(w); got != want {
			t.Errorf("pluralWord(%q) = %v, want %v", w, got, want)
		}
	}
}
