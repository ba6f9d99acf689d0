package answers

import (
	"context"
	"strings"
	"testing"
)

// swapArticle and swapPack are invented: a harbour town's news, with the
// people and places a pack would name.
const swapArticle = `Computational complexity theory classifies problems by the resources they need.

Ada Lind said Oslo had received four additional documents last month.

The council lobbied the banks against using the reserves to back a loan.

Speaking to harbour journalist Per Moe on Friday, Lind praised the new pier.

The ferry software moved to libc6 in the spring.

Harbour adviser Eva Dahl steered the first ferry in.

Lind thanked Eva Dahl at the opening.

Lind's deputy Per Moe opened the Bergen harbour office in May.

Bergen now controls a fifth of the Oslo coast.
`

const swapPack = `name: harbour news
entities:
  - {id: oslo, name: Oslo, kind: place, aliases: [oslo]}
  - {id: bergen, name: Bergen, kind: place, aliases: [bergen]}
  - {id: lind, name: Ada Lind, kind: person, aliases: [ada lind, lind]}
  - {id: moe, name: Per Moe, kind: person, aliases: [per moe, moe, harbour journalist]}
  - {id: dahl, name: Eva Dahl, kind: person, aliases: [eva dahl, dahl]}
`

// TestSwapEvidence holds the signals of a word or a name swapped for
// another, and what only looks like a swap: a synonym, a question asking
// for the kind of thing the sentence names, "against" for a negation; and
// an age, which no other number gives.
func TestSwapEvidence(t *testing.T) {
	ctx := context.Background()
	e := swapEngine(t)
	checkEvidence(t, e, []evidenceCase{
		{"What does computational simplicity theory classify?", "swapped", 1},
		{"What does computational complexity theory classify?", "swapped", 0},
		{"How many extra documents had Oslo received?", "swapped", 0},
		{"How many documents did Bergen say it had received?", "name_swapped", 1},
		{"How many documents did Bergen say it had received?", "swapped", 0},
		{"How many documents did Oslo say it had received?", "name_swapped", 0},
		{"When did Eva Dahl praise the new pier?", "name_swapped", 1},
		{"When did Lind praise the new pier?", "name_swapped", 0},
		{"Who praised the new pier on Friday?", "name_swapped", 0},
		{"Who spoke to Eva Dahl on Friday?", "name_swapped", 1},
		{"Who besides Eva Dahl spoke on Friday?", "name_swapped", 0},
		{"Who is Dahl's deputy?", "name_swapped", 1},
		{"Who is Lind's deputy?", "name_swapped", 0},
		{"How much of Bergen's coast does Oslo control?", "name_swapped", 1},
		{"How much of Oslo's coast does Bergen control?", "name_swapped", 0},
		{"Why did the council press the banks not to use the reserves?", "negation", 0},
		{"What does computational complexity theory not classify?", "negation", 1},
		{"When did the ferry software move to libc5?", "number", 1},
		{"When did the ferry software move to libc6?", "number", 0},
		{"How old is Ada Lind?", "no_type", 1},
		{"How many documents had Oslo received?", "no_type", 0},
	})
	// "Which harbour journalist …" asks who the description is.
	ans, err := e.Answer(ctx, "Which harbour journalist was Lind speaking to?")
	if err != nil {
		t.Fatal(err)
	}
	if !ans.Answered || !strings.Contains(ans.Answer, "Per Moe") {
		t.Errorf("which harbour journalist: answered %v %q, want Per Moe", ans.Answered, ans.Answer)
	}
	// "Which adviser …?": the title is given in another sentence.
	ans, err = e.Explain(ctx, "Which adviser did Lind thank at the opening?")
	if err != nil {
		t.Fatal(err)
	}
	if !ans.Answered || !strings.Contains(ans.Quotes[0].Text, "Lind thanked Eva Dahl") || ans.Explain.Evidence["no_type"] != 0 {
		t.Errorf("which adviser: answered %v, quotes %v, no_type %v; want the thanks, with the person asked for", ans.Answered, ans.Quotes, ans.Explain.Evidence["no_type"])
	}
	// "Who is the harbour journalist?" asks the name and the role.
	ans, err = e.Answer(ctx, "Who is the harbour journalist?")
	if err != nil {
		t.Fatal(err)
	}
	if !ans.Answered || !strings.Contains(ans.Answer, "Per Moe") {
		t.Errorf("who is the harbour journalist: answered %v %q, want Per Moe", ans.Answered, ans.Answer)
	}
}

// TestSourceNameIsNoSwap holds that a name said only to say which article
// tells the fact ("per the Bergen piece") is no name the sentence swapped
// for another, when the article names it; said of the fact, it is.
func TestSourceNameIsNoSwap(t *testing.T) {
	checkEvidence(t, swapEngine(t), []evidenceCase{
		{"Per the Bergen piece, how many additional documents did Ada Lind say had come in last month?", "name_swapped", 0},
		{"bergen story - how many additional documents did ada lind say came in last month", "name_swapped", 0},
		{"How many additional documents did Ada Lind say Bergen had received last month?", "name_swapped", 1},
	})
}

// swapEngine is the engine over swapArticle with swapPack.
func swapEngine(t *testing.T) *Engine { return packEngine(t, swapPack, swapArticle) }

// TestOpinionVerb holds that "Did Lind think …?" asks about what follows
// the view: a sentence saying what Lind said answers it.
func TestOpinionVerb(t *testing.T) {
	a, err := swapEngine(t).Explain(context.Background(), "Did Lind think Oslo had received any documents?")
	if err != nil {
		t.Fatal(err)
	}
	if !a.Answered || !strings.Contains(a.Quotes[0].Text, "Oslo had received") {
		t.Errorf("answered %v (%s), want the sentence on what Oslo received", a.Answered, a.Explain.Decision)
	}
}

// TestPlaceSwapped holds the one-change signal of a place set with the
// same locative: "at Bayton" asked where the sentence says "at
// Northport" (no pack: names as written).
func TestPlaceSwapped(t *testing.T) {
	e := articleEngine(t, "club", "The rowing club", `The rowing club was founded by Ann Berg at Northport in 1975.

Its boathouse burned down in 1990.
`)
	checkEvidence(t, e, []evidenceCase{
		{"Who founded the rowing club at Bayton in 1975?", "swapped", 1},
		{"Who founded the rowing club at Northport in 1975?", "swapped", 0},
		{"Who founded the rowing club in 1975?", "swapped", 0},
	})
}

// TestModifierSwapped holds the one-change signal of a thing qualified by
// another capitalised word after a determiner: "some Swedish proposals"
// asked where the sentence says "some Danish proposals" (no pack: names
// as written); a name's own adjective is no swap. And a name between the
// same two words as another: "urge Oslo to commit" against "urged Bergen
// to commit".
func TestModifierSwapped(t *testing.T) {
	e := articleEngine(t, "ferry", "The ferry talks", `Ada Lind said some Danish proposals seemed acceptable to the harbour board.

She said some Norwegian ferries would call at the port in May.

The Danish delegation was briefed on the Swedish minister's visit.

The board urged Bergen to commit to the new pier.

The Danes, a Norse speaking people, sailed south in May.

Danish pilots have advised the board not to sign the lease.

Ferrydesk 1.2 was released in May.

A Norse-speaking crew, the Lapps sail north in June.
`)
	checkEvidence(t, e, []evidenceCase{
		{"What did Ada Lind say about some Swedish proposals?", "name_swapped", 1},
		{"What did Ada Lind say about some Danish proposals?", "name_swapped", 0},
		{"What did Ada Lind say about the proposals?", "name_swapped", 0},
		{"When would some Norway ferries call at the port?", "name_swapped", 0},
		{"When would Swedish ferries call at the port?", "name_swapped", 1},
		// The question's word said elsewhere in the sentence, not before the thing.
		{"What was the Swedish delegation briefed on?", "name_swapped", 1},
		{"What was the Danish delegation briefed on?", "name_swapped", 0},
		// Asking for others than the one named.
		{"Which proposals other than the Swedish proposals seemed acceptable?", "name_swapped", 0},
		// A name between the same two words as another.
		{"What did the board urge Oslo to commit to?", "name_swapped", 1},
		{"What did the board urge Bergen to commit to?", "name_swapped", 0},
		// The question's word said alone in the sentence: no qualifier swapped.
		{"Which language did the Danes speak?", "name_swapped", 0},
		// At the sentence's start too; a name and its version is no qualifier.
		{"Why have Swedish pilots advised the board not to sign the lease?", "name_swapped", 1},
		{"When was Timetabler 1.2 released?", "name_swapped", 0},
		// A compound before a noun qualifies the noun: "a Norse-speaking crew".
		{"Which language did the Lapps speak?", "name_swapped", 0},
	})
}

// TestHyphenOpposite holds a word turned around by a prefix and a hyphen:
// "escalation" asked where the sentence says only "de-escalation", and
// the reverse; a sentence saying both forms turns nothing around.
func TestHyphenOpposite(t *testing.T) {
	e := articleEngine(t, "harbour", "The harbour talks", `The board asked both crews for steps toward de-escalation at the quay.

Members of the club sail free, and non-members pay a fee at the gate.

The ferry timetable is printed in non-binary notation.
`)
	checkEvidence(t, e, []evidenceCase{
		{"What steps toward escalation did the board ask the crews for?", "prefix", 1},
		{"What steps toward de-escalation did the board ask the crews for?", "prefix", 0},
		{"What do members of the club pay at the gate?", "prefix", 0},
		{"In what notation is the ferry timetable printed?", "prefix", 0},
		{"What is printed in binary notation?", "prefix", 1},
	})
}

// TestAffirmsNegated holds the negation the question puts on a word the
// sentence says plainly, though the sentence negates something else; and
// what negates no word: both ways, "why not", a name.
func TestAffirmsNegated(t *testing.T) {
	e := articleEngine(t, "harbour", "The harbour talks", `A compromise has not yet been found, but some proposals seem acceptable, and they need to be discussed, Ann Berg said.

The board will decide what can be accepted and what cannot.

The pilots said the Ferrydesk CD is not the Ferrydesk 1.0 release.
`)
	checkEvidence(t, e, []evidenceCase{
		{"Which proposals did Ann Berg say do not need to be discussed?", "negation", 1},
		{"Which proposals did Ann Berg say need to be discussed?", "negation", 0},
		{"Who will decide what can and cannot be accepted?", "negation", 0},
		{"Who said that the Ferrydesk CD is not the Ferrydesk 1.0 release?", "negation", 0},
	})
}

// TestHowWordNoOpposite holds that the word after "how" asks the kind of
// answer ("how long"), so its antonym in the sentence ("in that short
// time") is no opposite.
func TestHowWordNoOpposite(t *testing.T) {
	e := articleEngine(t, "roads", "The roads", `In that short time frame, the builders laid over 1,500 km of roads across the valley.
`)
	checkEvidence(t, e, []evidenceCase{
		{"How long was the road network the builders laid?", "opposite", 0},
		{"Why was the time frame long?", "opposite", 1},
	})
}

// TestOwnAfterPossessive holds that "own" after a possessive ("his own
// talks") asks about no owner, while "who owns", "whose" and "own" as a
// verb still do.
func TestOwnAfterPossessive(t *testing.T) {
	e := swapEngine(t)
	ix, err := e.current(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	for q, want := range map[string]bool{
		"Who owns the Bergen harbour office?":                           true,
		"Whose deputy opened the office?":                               true,
		"Which companies own the pier?":                                 true,
		"who's the harbour journalist holding his own talks with Lind?": false,
		"Did Lind open her own office in Bergen?":                       false,
	} {
		if got := e.asksOwner(e.analyse(ix, Normalize(q))); got != want {
			t.Errorf("asksOwner(%q) = %v, want %v", q, got, want)
		}
	}
}

// TestPossessorNamedBothWays holds that "the mayor's deputy" and "Lind's
// deputy" are the same one person when the pack names Lind the mayor and
// her deputy one person, while another owner's deputy is still a swap.
func TestPossessorNamedBothWays(t *testing.T) {
	const pack = `name: harbour news
entities:
  - {id: lind, name: Ada Lind, kind: person, aliases: [ada lind, lind, the mayor]}
  - {id: moe, name: Per Moe, kind: person, aliases: [per moe, moe, deputy, lind's deputy]}
  - {id: dahl, name: Eva Dahl, kind: person, aliases: [eva dahl, dahl]}
`
	e := packEngine(t, pack, "Lind's deputy Per Moe opened the Bergen harbour office in May.\n\nThe office shut in June.\n")
	checkEvidence(t, e, []evidenceCase{
		{"Did the mayor's deputy open the Bergen harbour office?", "name_swapped", 0},
		{"Did Dahl's deputy open the Bergen harbour office?", "name_swapped", 1},
	})
}

// TestInitialsAreNoPossessor holds that the last letter of a name's
// initials ("the H.S. team") is no possessive "s": the sentence gives the
// team no owner to swap for the one the question names.
func TestInitialsAreNoPossessor(t *testing.T) {
	e := packEngine(t, swapPack, "Per Moe, Lind's aide, met the H.S. team in May.\n\nPer Moe met Dahl's crew in June.\n")
	checkEvidence(t, e, []evidenceCase{
		{"When did Per Moe, the aide, meet with Lind's team in May?", "name_swapped", 0},
		{"Did Per Moe meet Lind's crew in June?", "name_swapped", 1},
	})
}

// TestEpithetIsNoModifierSwap holds that a name's epithet before the verb
// ("Halir Ym Sor the Wise teaches …") swaps no modifier for the name the
// question puts before that verb ("What does Halir teach?").
func TestEpithetIsNoModifierSwap(t *testing.T) {
	e := articleEngine(t, "gods", "Gods of the coast", `Halir Ym Sor the Wise teaches that the sea belongs to all who sail it. Followers of Halir keep the harbour lamps lit.

Orrin the Stern guards the northern shoals.
`)
	a, err := e.Answer(t.Context(), "What does Halir teach?")
	if err != nil {
		t.Fatal(err)
	}
	if !a.Answered || !strings.HasPrefix(a.Quotes[0].Text, "Halir Ym Sor") {
		t.Errorf("answered %v (%q), want the sentence on what Halir teaches", a.Answered, a.Answer)
	}
}

// TestCoinedNameSwapped holds that a coined name in lower case the
// sentence replaces with another ("zlob" for "libfoo", neither an English
// word) is a name swapped, as two capitalised names are.
func TestCoinedNameSwapped(t *testing.T) {
	e := articleEngine(t, "libs", "Libraries", `After having taken over libfoo development from Ada Lind in June, Orrin Vell shepherded it through two releases.

The harbour board paid for a new quay in the spring.
`)
	a, err := e.Explain(t.Context(), "Who took over zlob development from Ada Lind in June?")
	if err != nil {
		t.Fatal(err)
	}
	if a.Explain.Evidence["name_swapped"] != 1 {
		t.Errorf("name_swapped %v, want 1: the sentence names libfoo where the question names zlob", a.Explain.Evidence["name_swapped"])
	}
}
