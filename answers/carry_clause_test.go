package answers

import (
	"strings"
	"testing"
)

// orchardEngine is an engine over one invented article for the follow-up
// tests of this file.
func orchardEngine(t *testing.T) *Engine {
	t.Helper()
	return articleEngine(t, "orchard", "The Palmshire orchards", "The Palmshire Orchard Trust was founded by Ada Brandt in 1921. "+
		"Orrin Lind wrote the first Northport guide to the orchards in 1950. "+
		"Dwarf rootstocks for pear trees can be traced back to 1890, to the nurseries of Bayton. "+
		"Growers graft pear trees because a seedling seldom bears the fruit of its parent. "+
		"Each autumn the trust sells its cider at the Bayton fair. "+
		"Tally sticks were first used for counting sheep on the hill farms of Westland. "+
		"Paper ledgers made tally sticks no longer needed for keeping accounts. "+
		"Both cider and perry sold well in the same decade because the railway reached Bayton.")
}

// TestCarryClauseTopic holds that a pronoun for a thing after a question
// whose topic is a clause stands for the noun phrase the clause speaks of
// — the subject after its auxiliary, or what its verb acts on — not for
// the clause, and that a longer clause with no such phrase stands for
// nothing: put in the pronoun's place, it makes a question no one asked.
func TestCarryClauseTopic(t *testing.T) {
	e := orchardEngine(t)
	checkCarry(t, e, []carryCase{
		{"What made tally sticks no longer needed for keeping accounts?", "What kind of animals were they first used for?",
			"What kind of animals were tally sticks first used for?", "the noun phrase its clause speaks of"},
		{"How far back can dwarf rootstocks for pear trees be traced?", "why do growers graft them",
			"why do growers graft dwarf rootstocks", "the noun phrase its clause speaks of"},
	}, true)
	for _, tt := range []struct{ prev, q, want string }{
		{"What made tally sticks no longer needed for keeping accounts?", "What kind of animals were they first used for?", "Tally sticks were first used"},
		{"What does the trust want growers to be ready to graft onto pear stock?", "in what year was it founded", "founded by Ada Brandt in 1921"},
	} {
		_, a := askAfter(t, e, tt.prev, tt.q)
		if !a.Answered || !strings.Contains(a.Quotes[0].Text, tt.want) {
			t.Errorf("%q after %q: answered %v with %+v (read %q), want the sentence holding %q", tt.q, tt.prev, a.Answered, a.Quotes, a.Carried.read(tt.q), tt.want)
		}
		if a.Carried != nil && strings.Contains(a.Carried.Read, "want growers") {
			t.Errorf("%q after %q read as %q: the clause put in for a pronoun", tt.q, tt.prev, a.Carried.Read)
		}
	}
}

// TestFollowUpAsTyped holds that a follow-up no reading with the last
// question's words finds an answer for is answered as typed, by a sentence
// that shares a word with the last question or its answer, and only so.
func TestFollowUpAsTyped(t *testing.T) {
	e := orchardEngine(t)
	// "it" read as Bayton finds nothing; as typed, the founding of the
	// trust the last question asked about. What was tried is kept, and
	// no reply says it was carried.
	_, a := askAfter(t, e, "What does the trust want Bayton growers to be ready to graft onto pear stock?", "in what year was it founded")
	if !a.Answered || a.Answer != "1921" || a.Quotes[0].Text != "The Palmshire Orchard Trust was founded by Ada Brandt in 1921." {
		t.Errorf("in what year was it founded: answered %v with %q, %+v; want 1921 as typed", a.Answered, a.Answer, a.Quotes)
	}
	if a.Carried == nil || a.Carried.Read != "in what year was it founded" || a.Carried.Tried != "in what year was Bayton founded" || a.Carried.Shown() {
		t.Errorf("in what year was it founded: carried %+v, want it read as typed after trying Bayton, and not shown", a.Carried)
	}
	// One content word says too little to be asked as typed.
	_, a = askAfter(t, e, "What does the trust want Bayton growers to be ready to graft onto pear stock?", "when was it founded")
	if a.Answered {
		t.Errorf("when was it founded: answered %q, read %+v; want refused", a.Answer, a.Carried)
	}
	// "he" read as the guide's writer finds nothing; as typed, the
	// trust's cider at the fair, which has nothing of the guide: refused.
	_, a = askAfter(t, e, "Who wrote the first Northport guide to the orchards?", "what did he sell at the Bayton fair")
	if a.Answered {
		t.Errorf("what did he sell at the Bayton fair after the guide's writer: answered %q from %q, want refused", a.Answer, a.Quotes[0].Text)
	}
}

// TestCarryComparedSame holds that "same" after "both … and …" compares
// what the question names itself, and leans on nothing before.
func TestCarryComparedSame(t *testing.T) {
	checkCarry(t, orchardEngine(t), []carryCase{
		{"Who founded the Palmshire Orchard Trust?", "What let both cider and perry sell well in the same decade?", "", ""},
	}, true)
}

// TestFollowUpAsTypedSurer holds that a follow-up whose reading puts many
// words in ("those" for the whole last question) is answered as typed
// when the question as typed is answered with more confidence, and that
// the reading tried is kept.
func TestFollowUpAsTypedSurer(t *testing.T) {
	e := articleEngine(t, "talks", "The Palmshire harvest talks", "After the harvest talks, Ada Brandt said the Palmshire growers would reach a deal on prices by spring. "+
		"Orrin Lind, a member of the Northport guild, sat in on the harvest talks. "+
		"The growers sell most of their pears in Bayton.")
	prev := "After the harvest talks, what did Ada Brandt say the Palmshire growers would reach by spring?"
	_, a := askAfter(t, e, prev, "which guild member sat in on those")
	if !a.Answered || a.Quotes[0].Text != "Orrin Lind, a member of the Northport guild, sat in on the harvest talks." {
		t.Fatalf("answered %v with %+v, want the sentence on who sat in", a.Answered, a.Quotes)
	}
	if a.Carried == nil || a.Carried.Read != "which guild member sat in on those" || !strings.Contains(a.Carried.Tried, "Ada Brandt say the Palmshire growers") {
		t.Errorf("carried %+v, want it answered as typed after the long reading", a.Carried)
	}
	if why := strings.Join(a.Carried.Why, "; "); !strings.Contains(why, "answered with more confidence") {
		t.Errorf("why = %q, want it to say the question as typed was answered more surely", why)
	}
}

// TestCarryOwnerAndNumberShape holds that a possessive pronoun stands for
// the noun phrase a long topic opens with, not the whole of it, and that
// a year in a fragment takes the place of a year, not of another number
// of four digits.
func TestCarryOwnerAndNumberShape(t *testing.T) {
	e := articleEngine(t, "scale", "Harbour weather", "Ada Brandt devised a harbour wind scale in 1805 to grade the weather at sea. "+
		"The scale's numbers run from 0 to 12. "+
		"The Westland board ratified the harbour code as HC 9945-1:1990. "+
		"The 1996 revision of the code folded in the earlier pilotage rules.")
	checkCarry(t, e, []carryCase{
		{"Who devised a harbour wind scale in 1805 to grade the weather at sea?", "how high do its numbers go",
			"how high do a harbour wind scale’s numbers go", "the noun phrase of its topic"},
		{"Which code did the Westland board ratify as HC 9945-1:1990?", "and the 1996 revision?",
			"Which code did the Westland board ratify as HC 9945-1:1996?", `with "1996" for "1990"`},
	}, true)
}

// TestCarryHyphenNumberedName holds that a name written with a number
// after a hyphen ("TX-620") is one name, which a pronoun stands for whole.
func TestCarryHyphenNumberedName(t *testing.T) {
	e := articleEngine(t, "codes", "Harbour codes", "TX-620 is a Westland national character set and a superset of ASCII. "+
		"In TX-620, the Westland letters are mapped into 0xa1–0xfe.")
	checkCarry(t, e, []carryCase{
		{"Is TX-620 a superset of ASCII?", "where are its westland letters mapped", "where are TX-620’s westland letters mapped", "the first thing"},
	}, true)
}

// TestCarryDemonstrativeOfPrev holds that "those meetings" after a
// question on who met is read with the names that question gave, so the
// meetings are theirs, not another's; and that a demonstrative before a
// noun the last question did not say carries nothing.
func TestCarryDemonstrativeOfPrev(t *testing.T) {
	e := articleEngine(t, "talks", "Harbour talks", "The harbour board's meetings took place in Northport. "+
		"Ada Brandt and Orrin Lind met over two days to settle the harbour dues. "+
		"In the end the meetings between Brandt and Lind took place in Bayton.")
	prev := "Over how many days did Brandt and Lind meet to settle the harbour dues?"
	checkCarry(t, e, []carryCase{
		{prev, "what city did those meetings take place in", "what city did those meetings take place in Brandt and Lind", `"those meetings" points back`},
		{prev, "what city did that board meet in", "", ""},
	}, true)
	if _, a := askAfter(t, e, prev, "what city did those meetings take place in"); !a.Answered || a.Answer != "Bayton" {
		t.Errorf("answered %v with %q, want Bayton", a.Answered, a.Answer)
	}
}

// TestCarryPersonNamedAlready holds that "he" is never filled with a
// person the follow-up names itself: "how did he talk brandt up" is not
// "how did Ada Brandt talk brandt up".
func TestCarryPersonNamedAlready(t *testing.T) {
	e := articleEngine(t, "praise", "Harbour praise", "Orrin Lind praised Ada Brandt for settling the harbour dues. "+
		"Lind called Brandt the finest negotiator in Northport.")
	_, a := askAfter(t, e, "Why did Ada Brandt get praise from Orrin Lind?", "so how did he talk brandt up")
	if a.Carried != nil && strings.Contains(a.Carried.Read+a.Carried.Tried, "Ada Brandt talk") {
		t.Errorf("read as %q (tried %q): \"he\" filled with the person the follow-up names", a.Carried.Read, a.Carried.Tried)
	}
}

// TestCarryAskedNounThenClause holds that a follow-up after "and" whose
// question words ask of a short noun phrase and go on with an auxiliary
// and a subject of its own ("and which two tools should the keeper
// carry", "and how much of it is water") is a whole question: its
// pronouns are read, and the last question is not appended as to a
// fragment.
func TestCarryAskedNounThenClause(t *testing.T) {
	e := articleEngine(t, "figs", "Figs", `A serving of dried figs gives 250 calories.

About a third of a dried fig is water.

The keeper of the Bayton lamp should carry a brush and a lantern.

The keeper lights the lamp at dusk.
`)
	for _, tt := range []struct{ prev, q, want string }{
		{"How many calories does a serving of dried figs give?", "and how much of it is water", "how much of"},
		{"When does the keeper light the Bayton lamp?", "and which two tools should the keeper carry", "which two tools should the keeper carry"},
	} {
		_, a := askAfter(t, e, tt.prev, tt.q)
		if a.Carried == nil {
			continue // read as typed: no fragment made of it
		}
		why := strings.Join(a.Carried.Why, "; ")
		if strings.Contains(why, "is a fragment") {
			t.Errorf("%q after %q read as a fragment: %q (%s)", tt.q, tt.prev, a.Carried.Read, why)
		}
		if !strings.Contains(a.Carried.Read, tt.want) {
			t.Errorf("%q read as %q, want it to hold %q", tt.q, a.Carried.Read, tt.want)
		}
	}
}

// TestCarryNoSourcePhrase holds that what the last question asked about
// leaves out the source phrase it opened or ended with ("In the …
// story,", "per the … article"): "that" stands for what it asked, not for
// where it was told.
func TestCarryNoSourcePhrase(t *testing.T) {
	checkCarry(t, orchardEngine(t), []carryCase{
		{"In the Palmshire orchards story, what does the trust sell at the Bayton fair?", "why is that",
			"why is the trust sell at the Bayton fair", "its topic"},
		{"What does the trust sell at the Bayton fair, per the orchards article?", "why is that",
			"why is the trust sell at the Bayton fair", "its topic"},
	}, true)
}

// TestCarryContractedVerb holds that the "s" of a verb contracted onto
// the last question's first word ("What's", "when's") is no word of the
// topic a follow-up's "that" or "then" stands for.
func TestCarryContractedVerb(t *testing.T) {
	checkCarry(t, orchardEngine(t), []carryCase{
		{"What's the point of grafting pear trees?", "which rootstocks are for that",
			"which rootstocks are for the point of grafting pear trees", ""},
		{"when’s the cider sold at the bayton fair", "what else is sold by then",
			"what else is sold by the cider sold at the bayton fair", ""},
	}, true)
}

// TestCarrySourceIsNoOne holds that a name in the source phrase the last
// question opened or ended with (the outlet of "In the Gazette's story,
// …") is no one a follow-up's pronoun stands for: it says where the
// question was told.
func TestCarrySourceIsNoOne(t *testing.T) {
	e := orchardEngine(t)
	for _, tt := range []struct{ prev, q string }{
		{"In the Gazette's story, what were tally sticks first used for?", "what did he say made them no longer needed"},
		{"What were tally sticks first used for, per the Gazette report?", "n what did he say made them no longer needed"},
	} {
		_, a := askAfter(t, e, tt.prev, tt.q)
		if read := a.Carried.read(tt.q); strings.Contains(read, "Gazette") {
			t.Errorf("%q after %q read as %q: the outlet put in for a pronoun", tt.q, tt.prev, read)
		}
	}
	// A person there told it, and may be who "he" is.
	checkCarry(t, e, []carryCase{
		{"What did tally sticks count, according to what Orrin Lind wrote in the Gazette story?", "what else did he write", "what else did Orrin Lind write", "a pronoun for one person"},
	}, true)
}

// TestCarryCleftIt holds that the "it" of a question that puts one of
// several things first ("was it in a guide, a letter or a talk that …")
// stands for nothing, though the "that" comes late after a list.
func TestCarryCleftIt(t *testing.T) {
	checkCarry(t, orchardEngine(t), []carryCase{
		{"Who founded the Palmshire Orchard Trust?", "Was it in a guide, a letter or a talk that Orrin Lind wrote of the orchards first?", "", ""},
	}, true)
}

// TestCarryBarePossessive holds that a name's possessive typed without
// its apostrophe ("ada brandts") names that person for a follow-up's
// pronoun, as it does for the question's own analysis.
func TestCarryBarePossessive(t *testing.T) {
	checkCarry(t, orchardEngine(t), []carryCase{
		{"when was ada brandts trust founded", "what else did she found", "what else did ada brandt found", "a pronoun for one person"},
	}, true)
}

// TestCarrySkipsLeadClause holds that the topic a follow-up carries from
// a question set out after a clause or phrase leading up to its asking
// ("Before paper ledgers came in, what were …?") starts at the asking:
// the lead is no part of what "they" or "that" stands for.
func TestCarrySkipsLeadClause(t *testing.T) {
	e := orchardEngine(t)
	for _, tt := range []struct{ prev, q, lead string }{
		{"Before paper ledgers came in, what were tally sticks used for?", "where were they used", "paper ledgers"},
		{"When the railway reached Bayton, what sold well?", "What kind of drink is that, then?", "railway"},
	} {
		_, a := askAfter(t, e, tt.prev, tt.q)
		if a.Carried == nil {
			t.Errorf("%q after %q: carried nothing", tt.q, tt.prev)
			continue
		}
		if read := a.Carried.read(tt.q); strings.Contains(read, tt.lead) {
			t.Errorf("%q after %q read as %q: the lead of the question before put in", tt.q, tt.prev, read)
		}
	}
}

// TestCarryPhraseSetting holds that a question set out after a phrase
// and its comma ("On the hill farms of Westland, what were …?") gives a
// follow-up its topic from the question word on, with the phrase, its
// setting, after it: no question word of the last question is put in.
func TestCarryPhraseSetting(t *testing.T) {
	checkCarry(t, orchardEngine(t), []carryCase{
		{"On the hill farms of Westland, what were tally sticks first used for?", "what else was that done with",
			"what else was tally sticks first used for on the hill farms of Westland done with", "a pronoun for what the last question asked about"},
	}, true)
}

// TestCarryThatAfterItsOwnTopic holds that "that" after a part of the
// question closed by a comma that says a topic of its own stands for
// that topic, not for what the last question asked about: "…, or are
// there easier programs for that?".
func TestCarryThatAfterItsOwnTopic(t *testing.T) {
	e := articleEngine(t, "writer", "The Palmwrite guide", `Many word processors follow the principle that what you see is what you get.

Palmwrite can also write a letter home, though there are simpler programs for that.
`)
	_, a := askAfter(t, e, "What principle do many word processors follow?", "Could you use Palmwrite for something as simple as a letter home, or are there easier programs for that?")
	if a.Carried != nil && strings.Contains(a.Carried.Read, "principle") {
		t.Errorf("read as %q: \"that\" took the last question's topic", a.Carried.Read)
	}
}

// TestCarryTheyForJoinedPlurals holds that "they" after a question about
// two plurals a conjunction joins ("the pilots n crews", as chat writes
// "and") stands for both, not for the first alone.
func TestCarryTheyForJoinedPlurals(t *testing.T) {
	e := articleEngine(t, "harbour", "The harbour talks", `The pilots and crews met in Bayton on Friday.

The pilots and crews agreed on a new timetable for the ferries.
`)
	checkCarry(t, e, []carryCase{
		{"Did the pilots n crews meet on Friday in Bayton?", "what did they agree on", "the pilots and crews agree", "a pronoun for several"},
	}, false)
}

// TestCarryPhraseForPhrase holds that a fragment that is a noun phrase
// after "the" ("and the flesh inside?") stands for the last question
// with it in place of that question's first such phrase, not with its
// words added at the end.
func TestCarryPhraseForPhrase(t *testing.T) {
	e := articleEngine(t, "fruit", "The palmfruit", `The skin of a ripe palmfruit is red or yellow.

The flesh inside is pale and sweet.
`)
	checkCarry(t, e, []carryCase{
		{"What colour is the skin of a ripe palmfruit?", "and the flesh inside?", "What colour is the flesh inside of a ripe palmfruit?", "with \"the flesh inside\" for \"the skin\""},
		// A filler keeps the swap of its words: "the second one".
		{"Where does the first limit on the harvest come from?", "and the second one?", "the second limit on the harvest", ""},
	}, false)
}
