package answers

import (
	"strings"
	"testing"
)

// TestCarryHeForPersonByRole holds that "he", after a turn that named no
// person but spoke of one by what they are, stands for that one: the
// first noun phrase of the last question headed by a person noun, a title
// or a role ("the king of Halir"), or the short answer of a who question
// so headed ("the second officer"). A follow-up naming someone itself
// keeps its pronouns unfilled by that guess.
func TestCarryHeForPersonByRole(t *testing.T) {
	e := articleEngine(t, "ship", "The ship", `At noon the second officer came up on deck to check the sails.

The second officer did not understand a word the cook said.

When the news reached Halir, the king of Halir ordered a fast of three days.

The king then sent his heralds to every village of the valley.

Orrin Lind kept the lamps of the harbour at Northport.
`)
	checkCarry(t, e, []carryCase{
		{"What did the king of Halir order when the news reached him?", "where did he send his heralds", "where did the king of Halir send the king of Halir’s heralds", "spoke of by what they are"},
		{"Who came up on deck at noon to check the sails?", "did he understand the cook", "did the second officer understand the cook", "spoke of by what they are"},
		{"What did the king of Halir order when the news reached him?", "What did Orrin Lind keep at Northport?", "", ""},
	}, true)
}

// TestCarryItsForLongOwner holds that a possessive pronoun may stand for
// a noun phrase whose determiners and "'s" make it longer than
// owner_words: they are no words of the owner.
func TestCarryItsForLongOwner(t *testing.T) {
	e := articleEngine(t, "lamps", "Lamps", `The world's largest harbour lamp stands at Northport.

Its lens is 2 metres wide and was ground in Bayton.
`)
	checkCarry(t, e, []carryCase{
		{"Where is the world's largest harbour lamp?", "How wide is its lens?", "the world's largest harbour lamp", "a pronoun for a thing"},
	}, false)
}

// TestCarryHimPointsAhead holds that a pronoun for a person in a clause
// the question opens with ("As the Gazette quotes him, …") points ahead
// to the person the question names after it, not back to the last
// question's: the question names its own subject, and nothing is carried.
func TestCarryHimPointsAhead(t *testing.T) {
	e := articleEngine(t, "quay", "The quay", `Ada Lind opened the new quay at Northport on Monday.

Orrin Vell, her deputy, called the quay "a fine day's work", the Gazette reported.
`)
	checkCarry(t, e, []carryCase{
		{"What did Ada Lind open at Northport?", "As the Gazette quotes him, did Orrin Vell praise the quay?", "", ""},
		{"What did Ada Lind open at Northport?", "As the Gazette quotes her, what did the quay cost?", "quotes Ada Lind", "the first person the last question named"},
	}, false)
}

// TestCarryThatIsNoPerson holds that "that" in a question whose "he"
// took the one name the last question said stands for no person: "what
// bill does he want passed for that" is not "… for Vell".
func TestCarryThatIsNoPerson(t *testing.T) {
	e := articleEngine(t, "harbour", "The harbour speech", `Vell says the harbour needs more ferries, more docks and more pilots to carry its trade.

He wants the Dock Bill passed this year to pay for them.
`)
	_, a := askAfter(t, e, "What three things does Vell say the harbour needs more of to carry its trade?", "and what bill does he want passed for that")
	if a.Carried == nil || !strings.Contains(a.Carried.Read, "does Vell want") {
		t.Fatalf("carried %+v, want \"he\" read as Vell", a.Carried)
	}
	if strings.Contains(a.Carried.Read, "for Vell") {
		t.Errorf("read as %q: \"that\" took the person \"he\" took", a.Carried.Read)
	}
}

// TestCarryHeIsNoGroup holds that "he" does not stand for people the
// last question named as a group, a plural after "the" ("the Americans
// who feel …"), over the State of the Union set written blind.
func TestCarryHeIsNoGroup(t *testing.T) {
	_, st := squadStore(t, "testdata/union-addresses.json")
	e := mustEngine(t, st, WithPack(nil))
	_, a := askAfter(t, e, "How does the 2011 speech describe the Americans who feel the rules were changed in the middle of the game?", "and where has he seen that change with his own eyes")
	if a.Carried != nil && strings.Contains(a.Carried.Read, "has Americans") {
		t.Errorf("read as %q: \"he\" took a group", a.Carried.Read)
	}
}

// TestCarryHimBesidesTheNamed holds that "him", after a question that
// names one of the last question's two people itself, stands for the
// other: "who did Vell ask him to pair up with?" asks of Brandt.
func TestCarryHimBesidesTheNamed(t *testing.T) {
	e := articleEngine(t, "harbour", "The harbour board", `Piet Brandt served as a senior adviser to Orrin Vell during his first term and led the Bayton ferry deal.

Orrin Vell again asked Brandt to team up with Tom Ames on the Northport talks.
`)
	checkCarry(t, e, []carryCase{
		{"For what deal in Orrin Vell's first term did Piet Brandt serve as his adviser?", "And this time round, who did Vell ask him to pair up with?",
			"who did Vell ask Piet Brandt to pair up with", "the first person the last question named but the one this question names"},
	}, false)
}
