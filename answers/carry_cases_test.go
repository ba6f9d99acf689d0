package answers

import (
	"slices"
	"strings"
	"testing"

	"github.com/parley-bot/parley/store/storetest"
)

// carryCase is a follow-up q asked after prev and how it must be read:
// read is the reading, whole or a part of it ("" for nothing carried),
// why a part of the rule the reading names.
type carryCase struct{ prev, q, read, why string }

// askAfter asks prev of e, then q after it, and returns both answers.
func askAfter(t *testing.T, e *Engine, prev, q string) (first, a Answer) {
	t.Helper()
	first, err := e.FollowUp(t.Context(), nil, prev)
	if err != nil {
		t.Fatal(err)
	}
	a, err = e.FollowUp(t.Context(), &first.Next, q)
	if err != nil {
		t.Fatal(err)
	}
	return first, a
}

// checkCarry asks each case's prev, then its q after it, and holds q's
// reading: equal to read when exact, else holding it.
func checkCarry(t *testing.T, e *Engine, cases []carryCase, exact bool) {
	t.Helper()
	for _, tt := range cases {
		t.Run(tt.q, func(t *testing.T) {
			_, a := askAfter(t, e, tt.prev, tt.q)
			if tt.read == "" {
				if a.Carried != nil {
					t.Fatalf("carried %+v into a question naming its own subject", a.Carried)
				}
				return
			}
			if a.Carried == nil {
				t.Fatalf("FollowUp(%q after %q) carried nothing, want a reading %q", tt.q, tt.prev, tt.read)
			}
			got := a.Carried.Read
			if a.Carried.Tried != "" {
				got = a.Carried.Tried // the reading, though the question was then answered as typed
			}
			if exact && got != tt.read || !exact && !strings.Contains(got, tt.read) {
				t.Errorf("read as %q, want %q (exact %v)", got, tt.read, exact)
			}
			if why := strings.Join(a.Carried.Why, "; "); !strings.Contains(why, tt.why) {
				t.Errorf("why = %q, want it to say %q", why, tt.why)
			}
		})
	}
}

// TestCarryAndWholeQuestion holds that "And" before a whole question of
// its own ("And when did he …?", "and from when was …?") opens no
// fragment: the question keeps its words and its pronoun is read as in
// any follow-up.
func TestCarryAndWholeQuestion(t *testing.T) {
	e := mustEngine(t, storetest.MustOpen(t))
	checkCarry(t, e, []carryCase{
		{"When did Zelenskyy post on X that the sides are going through each point?", "And when did he talk to reporters?",
			"And when did Volodymyr Zelenskyy talk to reporters?", "a pronoun for one person"},
		{"What did Ushakov say about the talks?", "And when?", "when", "a fragment with a question word of its own"},
	}, false)
	// A preposition before the question word opens a whole question too.
	_, a := askAfter(t, e, "What did Ushakov say about the talks?", "and from when was the whole plan on the table")
	if a.Carried != nil && strings.Contains(a.Carried.Read, "Ushakov say") {
		t.Errorf("read %q: a whole question after \"and from when\" read as a fragment", a.Carried.Read)
	}
}

// TestCarryThatArticle holds that "that" before a word naming a piece of
// writing ("that article", "that story") says which writing, as any
// determiner does: it stands for nothing the last question asked.
func TestCarryThatArticle(t *testing.T) {
	e := articleEngine(t, "ferry", "The ferry talks", `The Bayton ferry talks lasted five hours on Monday.

The main points of dispute still stand in the way of a settlement, Orrin Vell said.
`)
	_, a := askAfter(t, e, "How many hours did the Bayton ferry talks last?", "Taking that article as a whole, do the main points of dispute still stand in the way?")
	if a.Carried != nil && strings.Contains(a.Carried.Read, "ferry talks last") {
		t.Errorf("read %q: \"that article\" read as a pronoun for the last question", a.Carried.Read)
	}
}

// TestCarryNumbers holds a number read whole in a follow-up: a fragment's
// number swaps for the last question's number written alike, and a
// version carried with its name keeps every part ("1.2.0", not "1.2").
func TestCarryNumbers(t *testing.T) {
	e := articleEngine(t, "ferry", "The ferry software", `Ferrydesk 1.0 was released on June 5, 1998.

Ferrydesk 1.2.0 was released on December 25, 2000.

It mostly brought fixes to the timetable screen.

The harbour had 300 berths in 1997 and 320 in 1998.
`)
	checkCarry(t, e, []carryCase{
		{"When was Ferrydesk 1.0 released?", "And 1.2.0?", "When was Ferrydesk 1.2.0 released?", "with \"1.2.0\" for \"1.0\""},
		{"When was Ferrydesk 1.2.0 released?", "What did it mostly bring?", "What did Ferrydesk 1.2.0 mostly bring?", ""},
		{"How many berths did the harbour have in 1997?", "And 1998?", "How many berths did the harbour have in 1998?", "with \"1998\" for \"1997\""},
	}, true)
	if ws := foldWords("Ferrydesk 1.2.0 had 30,000 users."); !slices.Equal(ws, []string{"ferrydesk", "1.2.0", "had", "30,000", "users"}) {
		t.Errorf("foldWords = %q, want numbers whole", ws)
	}
}

// TestCarryDummyIt holds that an "it" standing for nothing ("was it too
// soon to tell") is left alone while the pronouns around it are filled.
func TestCarryDummyIt(t *testing.T) {
	e := mustEngine(t, storetest.MustOpen(t))
	checkCarry(t, e, []carryCase{
		{"How did Trump describe the Moscow talks?", "Did he think it was too soon to tell how they turned out?",
			"Did Donald Trump think it was too soon to tell how the Moscow talks turned out?", ""},
		// Its own subject: nothing carried.
		{"Donbas is made up of which provinces?", "What did Zelenskyy say it's essential for the world to do?", "", ""},
		// "it" before a verb of saying, "that" left out.
		{"Donbas is made up of which provinces?", "How many points was it agreed the revised plan would have?", "", ""},
		{"Donbas is made up of which provinces?", "Where is it said the revised plan was presented?", "", ""},
		// A thing, reported somewhere: "it" is Donbas.
		{"Donbas is made up of which provinces?", "Where was it reported in the press?", "Where was Donbas reported in the press?", ""},
	}, true)
}

// TestCarryPeople holds that a fragment naming a place's people ("And the
// Europeans?") stands for the person who acts in the last question, not
// for the place it names.
func TestCarryPeople(t *testing.T) {
	e := mustEngine(t, storetest.MustOpen(t))
	checkCarry(t, e, []carryCase{
		{"Does Trump want Ukraine in NATO?", "And the Europeans?", "Does Europeans want Ukraine in NATO?", "a people"},
		{"Does Trump want Ukraine in NATO?", "And Russia?", "Does Trump want Russia in NATO?", ""},
	}, true)
}

// TestCarryOwnedThing holds a pronoun read as a named owner's thing: "it"
// after a question asked "In what year …" stands for "Ames's book", not
// the whole question, and "they" after a who-question answered with one
// person stands for the owner's books, not that person.
func TestCarryOwnedThing(t *testing.T) {
	e := articleEngine(t, "books", "Harbour books", `Ada Ames's book on the harbour first came out in 1966.

It is still in print.

Ben Fenn translated Ada Ames's books into English.

They are called the Harbour Guides.
`)
	checkCarry(t, e, []carryCase{
		{"In what year did Ada Ames's book first come out?", "Is it still in print?", "Is Ada Ames's book still in print?", "a pronoun for a thing"},
		{"Who translated Ada Ames's books into English?", "What are they called?", "What are Ada Ames's books called?", "a pronoun for a thing"},
	}, true)
}

// TestCarryOpposedPreposition holds a fragment putting a preposition for
// its opposite ("And after it?") as the last question with that
// preposition swapped and its object kept.
func TestCarryOpposedPreposition(t *testing.T) {
	e := articleEngine(t, "eras", "Harbour eras", `The Tallow era came after the Salt era and before the Iron era.
`)
	checkCarry(t, e, []carryCase{
		{"Which era came before the Tallow era?", "And after it?", "Which era came after the Tallow era?", "with \"after\" for \"before\""},
		{"Which era came before the Tallow era?", "And after?", "Which era came after the Tallow era?", "with \"after\" for \"before\""},
	}, true)
}

// TestCarryClauseSubject holds "it" read as the subject of a clause the
// last question's topic joins ("over the weekend that the harbour plan
// had …"): the harbour plan, not "the weekend that the harbour plan".
func TestCarryClauseSubject(t *testing.T) {
	e := articleEngine(t, "plan", "Harbour plan", `Ada Ames told reporters over the weekend that the harbour plan had seen changes.

One of its provisions called on Northport to give up its dock.
`)
	checkCarry(t, e, []carryCase{
		{"Who told reporters over the weekend that the harbour plan had seen changes?", "What did one of its provisions call on Northport to do?",
			"What did one of the harbour plan’s provisions call on Northport to do?", "the noun phrase of its topic"},
	}, true)
}

// TestCarryPluralSubject holds "they" read as the plural noun phrase the
// last question's topic opens with ("the harbour and river pilots"), not
// the thing it goes on to name.
func TestCarryPluralSubject(t *testing.T) {
	e := articleEngine(t, "pilots", "Harbour pilots", `In Northport the harbour and river pilots came to an understanding on new dock rules.

There they also reviewed the fees.
`)
	checkCarry(t, e, []carryCase{
		{"In which town did the harbour and river pilots come to an understanding on new dock rules?", "What else did they review there?",
			"What else did the harbour and river pilots review", "the plural noun phrase"},
	}, false)
}

// TestCarryThereToNamedPhrase holds "there" after a question naming no
// place read as the noun phrase its topic opens with, of the name it is
// of ("the northern valleys of Castamar"), with the noun a which word asks
// for left out of the topic ("By what name …"); and a phrase with no name
// after it ("the river pilots") read as no place.
func TestCarryThereToNamedPhrase(t *testing.T) {
	e := articleEngine(t, "valleys", "The valleys", `The northern valleys of Castamar, known as the Greenmarch, hold the oldest farms of the land.

The Greenmarch is home to the Reed clans, who breed horses.

The river pilots of the coast keep the old charts.
`)
	checkCarry(t, e, []carryCase{
		{"By what name are the northern valleys of Castamar known?", "Who lives there?",
			"Who lives in the northern valleys of Castamar?", "the named noun phrase"},
	}, true)
	_, a := askAfter(t, e, "Which charts do the river pilots keep?", "Who lives there?")
	if a.Carried != nil && strings.Contains(a.Carried.Read, "in the river pilots") {
		t.Errorf("read %q: the river pilots are no place", a.Carried.Read)
	}
}

// TestCarryPluralOverWhich holds "them" after a question asking for one
// thing of a group ("What age did the oldest pilots reach?") read as the
// group, not the one thing.
func TestCarryPluralOverWhich(t *testing.T) {
	e := articleEngine(t, "pilots", "Harbour pilots", `The oldest pilots of the harbour have reached eighty years of age, but most retire within two decades of their first voyage.
`)
	checkCarry(t, e, []carryCase{
		{"What age did the oldest pilots reach?", "How many years do most of them work?",
			"How many years do most of the oldest pilots work?", "not the one thing it asked which of"},
	}, true)
}

// TestCarryPersonOfQuotedPronoun holds "he" after a question answered by a
// quote that speaks of its person as "he", or by a line under a heading
// naming its person, read as the person the sentence before it names
// ("Ada Brenner (1801–1870)."), and after one whose sentence before names
// two people read as neither.
func TestCarryPersonOfQuotedPronoun(t *testing.T) {
	e := articleEngine(t, "harbour", "Harbour people", `Ada Brenner (1801–1870). He represented the fishermen of the coast and built the first lighthouse.

He also negotiated several treaties with the inland towns.

Tom Fenn and Iris Ames kept the old charts. He mapped the northern shoals.

Ben Dorn (1790–1850). First pilot to sail the Marsh channel. His charts of the channel were used for a century.
`)
	checkCarry(t, e, []carryCase{
		{"Which harbour statesman represented the fishermen?", "Who did he negotiate treaties with?",
			"Who did Ada Brenner negotiate treaties with?", "the person the last answer named"},
		{"Which pilot was the first to sail the Marsh channel?", "How long were his charts used?",
			"How long were Ben Dorn’s charts used?", "the person the last answer named"},
	}, true)
	first, err := e.FollowUp(t.Context(), nil, "Which harbour man mapped the northern shoals?")
	if err != nil {
		t.Fatal(err)
	}
	if !first.Answered || !strings.HasPrefix(first.Quotes[0].Text, "He mapped") {
		t.Fatalf("answered %v, quotes %+v; want the sentence on the shoals", first.Answered, first.Quotes)
	}
	if len(first.Next.Names) != 0 {
		t.Errorf("names %v kept for a quote whose \"he\" may be either of two people", first.Next.Names)
	}
}

// TestFollowUpOwnWordsFirst holds that a follow-up whose pronoun stood
// for a person is answered by a sentence holding its own words, before a
// heading that only names the person.
func TestFollowUpOwnWordsFirst(t *testing.T) {
	e := articleEngine(t, "pilots", "Harbour pilots", `Bartholomew Quentin Dorrington (1790–1850). First pilot to sail the Marsh channel. Though he never found the northern passage he searched for, his soundings of the bay were useful to later pilots.

The Marsh channel was dredged in 1901.
`)
	_, a := askAfter(t, e, "Which pilot was the first to sail the Marsh channel?", "what were his soundings useful to?")
	if a.Carried == nil || !strings.Contains(a.Carried.Read, "Dorrington") {
		t.Fatalf("carried %+v, want \"his\" read as Dorrington's", a.Carried)
	}
	if !a.Answered || !strings.Contains(a.Quotes[0].Text, "his soundings") {
		t.Errorf("answered %v, quotes %+v; want the sentence on his soundings", a.Answered, a.Quotes)
	}
}

// TestCarryNameOfAskedNoun holds "he" after a which question answered by a
// quote naming several things read as the name the asked noun is part of
// ("Which admiral …?" — "When Admiral Brenner opened the Harbour Canal,
// the Marsh Canal …" — "he" is Admiral Brenner), and a function word that
// opens a sentence after a colon ("When") no part of that name.
func TestCarryNameOfAskedNoun(t *testing.T) {
	e := articleEngine(t, "canals", "Harbour canals", `Fun fact: When Admiral Brenner opened the Harbour Canal, the Marsh Canal had been closed for over fifty years.

The Harbour Canal was widened in 1901.
`)
	checkCarry(t, e, []carryCase{
		{"Which admiral opened the Harbour Canal?", "Where was he born?", "Where was Admiral Brenner born?", "the person the last answer named"},
	}, true)
}

// TestCarryTheyAfterUnansweredWho holds "they" after a who question whose
// answer named no one read as no thing the question named: "What did they
// object to?" after "Who criticized the harbour plan?" asks of the
// critics, not of the plan.
func TestCarryTheyAfterUnansweredWho(t *testing.T) {
	e := articleEngine(t, "plan", "The harbour plan", `The harbour plan was criticized by some of the older captains of the port.

The captains objected to the new mooring fees.
`)
	first, a := askAfter(t, e, "Who criticized the harbour plan?", "What did they object to?")
	if len(first.Next.Names) != 0 {
		t.Fatalf("names %v: the case needs an answer naming no one", first.Next.Names)
	}
	if a.Carried != nil && strings.Contains(a.Carried.Read, "did the harbour plan object") {
		t.Errorf("read %q: \"they\" are the critics, not the plan", a.Carried.Read)
	}
}

// TestFollowUpOwnWordsFirstForThing holds that a follow-up whose "its"
// stood for a thing is answered by the sentence that speaks of the thing
// and holds the follow-up's own words ("Its lamp was …"), before one that
// only names the thing.
func TestFollowUpOwnWordsFirstForThing(t *testing.T) {
	e := articleEngine(t, "lighthouse", "The Old Lighthouse", `The Old Lighthouse is the oldest stone tower on the coast and was commissioned by the harbour board in 1801. Its lamp was a simple oil burner set behind a glass lens.
`)
	_, a := askAfter(t, e, "Which board commissioned the Old Lighthouse?", "What was its lamp like?")
	if a.Carried == nil || !strings.Contains(a.Carried.Read, "Old Lighthouse") {
		t.Fatalf("carried %+v, want \"its\" read as the Old Lighthouse's", a.Carried)
	}
	if !a.Answered || !strings.HasPrefix(a.Quotes[0].Text, "Its lamp") {
		t.Errorf("answered %v, quotes %+v; want the sentence on its lamp", a.Answered, a.Quotes)
	}
}

// TestCarryThemAsAnsweredGroup holds "them" after a who question answered
// with one name of several people ("the Tarrow Fishers") read as them,
// not as the person the question named.
func TestCarryThemAsAnsweredGroup(t *testing.T) {
	e := articleEngine(t, "marsh", "The marsh", `Ada Brenner befriended the Tarrow Fishers and taught many of them to read.

The Tarrow Fishers were defeated by the Hill Raiders in 1820.
`)
	checkCarry(t, e, []carryCase{
		{"Who did Ada Brenner befriend?", "Who beat them in the end?", "Tarrow Fishers", "the people the last answer named"},
	}, false)
}

// TestNamingAnswer: "What's the name of X?" and "What was X called?" are
// answered with the name a sentence gives X in apposition, and "it" next
// stands for that name.
func TestNamingAnswer(t *testing.T) {
	e := articleEngine(t, "sisters", "Sister towns", "Northport lies far from its sister town, Kessra.\n\n"+
		"When the fourth supply ship, Aurora, arrived, the settlers rejoiced.\n\nKessra is built of grey basalt from the hills.\n")
	checkAnswers(t, e, map[string]string{
		"What's the name of Northport's sister town?": "Kessra",
		"What was the fourth supply ship called?":     "Aurora",
	})
	answeredThenRead(t, e, "What's the name of Northport's sister town?", "Kessra", "What is it built of?", "What is Kessra built of?")
}

// TestNamingAfterNoun: "What's the name of X?" is also answered by a
// name right after X's noun ("the harbour master's daughter Lena Brandt"),
// only that noun ("southern Kessra" names no region), and "her" next
// stands for the person named.
func TestNamingAfterNoun(t *testing.T) {
	e := articleEngine(t, "harbour", "Harbour families", "Tom Ames is married to the harbour master's daughter Lena Brandt, who keeps the ferry office.\n\n"+
		"Her husband served as a pilot for the ferry company for ten years.\n\n"+
		"Southern farmers in the Cow Valleys of southern Kessra sought a county of their own.\n")
	for q, want := range map[string]string{
		"What's the name of the harbour master's daughter?":                     "Lena Brandt",
		"What was the name given to the regions the southern farmers lived in?": "",
	} {
		a, err := e.Answer(t.Context(), q)
		if err != nil {
			t.Fatal(err)
		}
		if a.Answer != want && (want != "" || a.Answered) {
			t.Errorf("%q: answered %v with %q, want %q", q, a.Answered, a.Answer, want)
		}
	}
	answeredThenRead(t, e, "What's the name of the harbour master's daughter?", "Lena Brandt", "What did her husband do for the ferry company?", "What did Lena Brandt’s husband do for the ferry company?")
}

// TestBodyOfPeople: a who question whose doer is a body of people of a
// place ("The inhabitants of Halir refused …") is answered with them, not
// the place, and "they" next stands for them.
func TestBodyOfPeople(t *testing.T) {
	e := articleEngine(t, "camp", "The camp", "The mill needs workers and somewhere to house them.\n\n"+
		"The inhabitants of Halvard refused to shelter the workers, citing old grazing rights.\n")
	answeredThenRead(t, e, "Who refused to shelter the workers?", "The inhabitants of Halvard", "What did they cite?", "What did the inhabitants of Halvard cite?")
}

// TestAcronymIsOwnSubject: "the US" in capitals is a name the question
// gives itself, not the pronoun "us": its "its" is the US's, and nothing
// is carried.
func TestAcronymIsOwnSubject(t *testing.T) {
	e := articleEngine(t, "debt", "Debt", "In 2042 Northmark elected Ann Ames as president.\n\n"+
		"The US had to repay sixteen trillion dollars after its economy collapsed.\n")
	_, a := askAfter(t, e, "Who did Northmark elect as president in 2042?", "How much debt did the US have to repay after its economy collapsed?")
	if a.Carried != nil {
		t.Errorf("carried %+v into a question naming its own subject", a.Carried)
	}
}

// TestWhoseOwner: "Under whose rule …?" is answered with the owner the
// sentence names after "the rule of", and "its" next stands for it.
func TestWhoseOwner(t *testing.T) {
	e := articleEngine(t, "realm", "The realm", "Most men of the coast live under the rule of the Crown of Westmark.\n\n"+
		"The Crown of Westmark raises its soldiers in the hill provinces.\n")
	answeredThenRead(t, e, "Under whose rule do most men of the coast live?", "the Crown of Westmark",
		"Where does it raise its soldiers?", "Where does the Crown of Westmark raise its soldiers?")
}

// answeredThenRead asks prev, holds its direct answer to answer, then
// asks q after it and holds q's reading to read.
func answeredThenRead(t *testing.T, e *Engine, prev, answer, q, read string) {
	t.Helper()
	first, a := askAfter(t, e, prev, q)
	if first.Answer != answer {
		t.Errorf("%q: answered %q, want %q", prev, first.Answer, answer)
	}
	if a.Carried == nil || a.Carried.Read != read {
		t.Errorf("%q after %q: carried %+v, want it read %q", q, prev, a.Carried, read)
	}
}

// TestWhenDidTheyLive: "When did he live?" after a who question is
// answered by the person's heading and its dates, though the heading
// holds none of the follow-up's own words; "What did he write?" is not.
func TestWhenDidTheyLive(t *testing.T) {
	e := articleEngine(t, "founders", "Founders", "Carl Voss (1790-1850). A merchant of the coast, Voss drew the first chart of the Kessra shoals.\n\n"+
		"Fishermen lived on the coast long before the merchants came.\n")
	_, a := askAfter(t, e, "Who drew the first chart of the Kessra shoals?", "When did he live?")
	if !a.Answered || a.Answer != "1790-1850" {
		t.Errorf("answered %v with %q (%v), want 1790-1850", a.Answered, a.Answer, a.Quotes)
	}
	_, a = askAfter(t, e, "Who drew the first chart of the Kessra shoals?", "What poems did he write?")
	if a.Answered {
		t.Errorf("answered %q with %v, want a refusal", a.Answer, a.Quotes)
	}
}

// TestObjectPronounAfterNames holds that "it" after "in" or "of" is an
// object the names of its own question do not stand for: "Does Eastland
// want Westland in it?" asks about what the last question named.
func TestObjectPronounAfterNames(t *testing.T) {
	e := articleEngine(t, "league", "The league", "The ministers of the Harbour League promised Westland new patrol boats.\n\n"+
		"Eastland opposes Westland joining the Harbour League.\n")
	_, a := askAfter(t, e, "What did the ministers of the Harbour League promise Westland?", "Does Eastland want Westland in it?")
	if a.Carried == nil || !strings.Contains(a.Carried.Read, "in Harbour League") {
		t.Errorf("carried %+v, want \"it\" read as the Harbour League", a.Carried)
	}
}

// TestCarryPersonCued holds that a name the articles give no kind, or the
// wrong one, is a person when the question's own words make it one — a
// title opens it, a word for a person comes before it, or it owns one —
// so "he" and "her" stand for it; and that a possessive whose clause has
// a subject of its own ("do grey herons build their own nests") is that
// subject's, with nothing carried.
func TestCarryPersonCued(t *testing.T) {
	const body = `Her sister Isabella, being settled in Carlow, was much beyond her daily reach. Isabella married Mr. John Knight, a lawyer of the town.

The ladies of the town had heard that Mr. Benson would bring twelve ladies and seven gentlemen with him to the assembly. He brought only five.

Grey herons build their own nests in tall trees. Sloths have long curved claws.
`
	e := articleEngine(t, "town", "Town", body)
	checkCarry(t, e, []carryCase{
		{"Where is Emma's sister Isabella settled?", "what's her husband's name?", "what's Emma’s husband's name?", "a pronoun for one person"},
		{"How many ladies was Mr. Benson rumoured to be bringing?", "Who did he come with?", "Who did Mr. Benson come with?", "a pronoun for one person"},
		{"What kind of claws do sloths have?", "do grey herons build their own nests", "", ""},
	}, true)
}

// TestCarryOwnClause holds that a question naming its own subject keeps
// its "they" and its "that" when they open no reference to the last turn:
// "they" for people at large beside a name of its own, "that" opening a
// relative clause after a noun ("a drink … in Jamaica that is …", "a
// drink that's …"); and
// that "that" alone still stands for the last event.
func TestCarryOwnClause(t *testing.T) {
	const body = `A hydrometer measures the density of the wort before and after it ferments.

In Jamaica people drink malta, which is essentially unfermented wort with added flavour.

Mayor Dorn opened the new quay in May 1990.
`
	e := articleEngine(t, "brew", "Brewing", body)
	checkCarry(t, e, []carryCase{
		{"What do hydrometers measure?", "What drink do they make in Jamaica that is essentially wort?", "", ""},
		{"When did Mayor Dorn open the new quay?", "Is a drink that's essentially wort made in Jamaica?", "", ""},
		{"When did Mayor Dorn open the new quay?", "Why did he do that?", "Why did Mayor Dorn do Mayor Dorn open the new quay?", "its topic"},
	}, false)
}

// TestCarryWhichAnswerIntoTopic holds that a bare "When?" after a which
// question answered by a name asks about that name, not about the noun
// the question asked which of.
func TestCarryWhichAnswerIntoTopic(t *testing.T) {
	e := articleEngine(t, "formats", "Formats", `Release 2.2 also introduced a new native file format called QRX.

Release 2.2 came out in May 1999.
`)
	checkCarry(t, e, []carryCase{
		{"Which release introduced the QRX file format?", "When?", "When Release 2.2 introduced the QRX file format", "no subject of its own"},
	}, true)
}

// TestCarryPassiveSubject holds that "it" after a question asking about
// something passive ("Where is tin found?") is its subject, not the
// subject with its participle and the place answered.
func TestCarryPassiveSubject(t *testing.T) {
	const body = `Tin is found in the hills above Eastport.

Tin was first mined by the Westland company in 1820.
`
	e := articleEngine(t, "tin", "Tin", body)
	checkCarry(t, e, []carryCase{
		{"Where is tin found?", "Who mined it first?", "Who mined tin first?", "the subject of its passive verb"},
	}, false)
}

// TestCarryPersonNotAPlaceAnswered holds that "he" after a where
// question naming no person is not the name its answer gave, whatever
// kind that name was read as ("New York City" had been "he").
func TestCarryPersonNotAPlaceAnswered(t *testing.T) {
	const body = `The old singer was born in New Orrin, 1942.

The old singer died in Eastgate in 1981.
`
	e := articleEngine(t, "singer", "The singer", body)
	prev, a := askAfter(t, e, "where was the old singer born", "where did he die")
	if prev.Answer != "New Orrin" {
		t.Fatalf("the where question was answered %q, want New Orrin", prev.Answer)
	}
	if a.Carried != nil && strings.Contains(strings.Join(a.Carried.Why, " "), "a pronoun for one person") {
		t.Errorf("\"he\" read as the place answered: %q (%q)", a.Carried.Read, a.Carried.Why)
	}
}

// TestCarryCountedNoun holds that "how many" with no noun of its own
// counts what the last question counted, and that "and" before a whole
// question opening with "how many" and an auxiliary opens no fragment.
func TestCarryCountedNoun(t *testing.T) {
	const body = `Westland was given three seats on the harbour board at first.

Westland now has five seats on the harbour board.
`
	e := articleEngine(t, "board", "The harbour board", body)
	checkCarry(t, e, []carryCase{
		{"How many seats was Westland given at first?", "how many does it have now?", "how many seats does Westland have now?", "counts what the last question counted"},
		{"How many seats was Westland given at first?", "and how many does it have now?", "and how many seats does Westland have now?", "counts what the last question counted"},
	}, true)
}

// TestCarryTheyAfterOwnSubject holds that "they" after the question's own
// subject stands for it ("what do people mean when they say slack water"
// names its own subject), while "them" after one ("Which lamp was the
// first to have them?") still leans on the last question.
func TestCarryTheyAfterOwnSubject(t *testing.T) {
	e := articleEngine(t, "tides", "Tides", `Slack water is the short time when the tide turns.

Fog is a common problem for harbour pilots.

The keepers fitted lenses to the lamps of Orrin light in 1850.
`)
	checkCarry(t, e, []carryCase{
		{"What is a common problem for harbour pilots?", "what do ppl actually mean when they say slack water", "", ""},
	}, true)
	_, a := askAfter(t, e, "What did the keepers fit to the lamps of Orrin light?", "Which lamp was the first to have them?")
	if a.Carried == nil {
		t.Errorf("Which lamp was the first to have them? carried nothing, want \"them\" read from the last question")
	}
}

// TestCarryPersonAfterOwnSubject holds that "he" or "she" after the
// question's own subject, a word for a person ("a player"), stands for
// it: the question names its subject and carries nothing. After a name
// of no such word ("the plan"), "he" still stands for the person the last
// answer named.
func TestCarryPersonAfterOwnSubject(t *testing.T) {
	e := articleEngine(t, "stakes", "Stakes", `Matches are played with the Brandt rule, which Iris Brandt drew up in 1952.

A player who refuses a double concedes the game and pays one point.

The plan said Brandt had to give up the cube in 1960.
`)
	checkCarry(t, e, []carryCase{
		{"Which rule are matches played with?", "How many points does a player pay if he refuses a double?", "", ""},
		{"Which rule are matches played with?", "How many points does a player pay if she refuses a double?", "", ""},
	}, true)
	checkCarry(t, e, []carryCase{
		// The answer, "Iris Brandt", is read whole: its first name is a
		// name, though "iris" is an English word too.
		{"Who drew up the rule matches are played with?", "What did the plan say he had to give up?", "What did the plan say Iris Brandt had to give up?", "a pronoun for one person"},
	}, true)
}

// TestCarryThatSameDay holds that "that", "this", "those" or "these"
// before a word that opens a noun phrase ("that same day", "those two")
// is its determiner, and carries nothing, while "that" alone still stands
// for what the last question asked about.
func TestCarryThatSameDay(t *testing.T) {
	e := articleEngine(t, "visit", "The visit", `Iris Brandt paid a state visit to Westland on Thursday.

On Thursday the Kessra board said in a video that its officials were keen to learn the terms.
`)
	checkCarry(t, e, []carryCase{
		{"What did the Kessra board say in its video on Thursday?", "Where was Iris Brandt on a state visit that same day?", "", ""},
		{"What did the Kessra board say in its video on Thursday?", "Where did those two meet?", "", ""},
	}, true)
	checkCarry(t, e, []carryCase{
		{"Where was Iris Brandt on a state visit?", "When was that?", "state visit", "what the last question asked about"},
	}, false)
}

// TestCarryHeForOnlyName holds that "he" after a question naming one name
// of no kind the articles tell ("Orrin"), and no other but places, stands
// for that name, written capitalised or, as chat writes it, in lower
// case; a day's name is no such name.
func TestCarryHeForOnlyName(t *testing.T) {
	e := articleEngine(t, "lamps", "Lamps", `In 1879, Orrin built the first harbour lamp.

Orrin was born in 1847, the year the first pier was built.

The pier opened on a Friday.

In 1890, Orrin settled in Westland.
`)
	checkCarry(t, e, []carryCase{
		{"What did Orrin build in 1879?", "When was he born?", "When was Orrin born?", "the one name the last question said"},
		{"When did Orrin settle in Westland?", "When was he born?", "When was Orrin born?", "the one name the last question said"},
		{"what did orrin build in 1879", "when was he born", "when was orrin born", "the one name the last question said"},
	}, true)
	if _, a := askAfter(t, e, "what did the pier do on friday", "when was he born"); a.Carried != nil && strings.Contains(a.Carried.Read, "friday born") {
		t.Errorf("read %q: a day's name taken for a person", a.Carried.Read)
	}
}

// TestCarryItAfterOwnTopic holds that "it" after a part of the question
// that sets out a topic of its own ("… isn't enough for peace - what
// else does it need to be") is in the question, and carries nothing,
// while "it" in a question with no such part still stands for the last
// thing asked about.
func TestCarryItAfterOwnTopic(t *testing.T) {
	e := articleEngine(t, "truce", "The truce", `The Kessra Accord sets out a truce between Westland and Eastgate.

“Peace must be not only a truce, but also a fair settlement for the harbour,” Orrin said.
`)
	checkCarry(t, e, []carryCase{
		{"What does the Kessra Accord set out?", "orrin says a truce isnt enough for peace - what else does it need to be", "", ""},
	}, true)
	checkCarry(t, e, []carryCase{
		{"What does the Kessra Accord set out?", "what else does it need to be", "Kessra Accord", ""},
	}, false)
}

// TestCarryItAfterHyphenatedWord holds that a hyphen inside a word
// ("son-in-law") closes no part of the question: "it" after it still
// stands for the last thing asked about.
func TestCarryItAfterHyphenatedWord(t *testing.T) {
	e := articleEngine(t, "truce", "The truce", `The Kessra Accord sets out a truce between Westland and Eastgate.

The mayor's son-in-law signed the Kessra Accord in May.
`)
	checkCarry(t, e, []carryCase{
		{"What does the Kessra Accord set out?", "when did the mayor's son-in-law sign it", "Kessra Accord", ""},
	}, false)
}

// TestCarryOnesForModifiers holds that "and steel ones?" after a question
// about "wooden piers" asks the same of steel piers: the fragment's words
// take the place of the modifiers of the last question's plural noun.
func TestCarryOnesForModifiers(t *testing.T) {
	e := articleEngine(t, "piers", "Piers", `Wooden piers in Westland last about forty years.

Steel piers in Westland last about ninety years.
`)
	checkCarry(t, e, []carryCase{
		{"How long do wooden piers in Westland last?", "and steel ones?", "How long do steel piers in Westland last?", "for the \"piers\""},
	}, true)
}

// TestCarryThemAfterPluralOpener holds that "them" after a question
// about "more talks" stands for the talks, though no determiner opens
// them.
func TestCarryThemAfterPluralOpener(t *testing.T) {
	e := articleEngine(t, "talks", "Talks", `Orrin Lind said he was ready for more talks with Eastgate in Northport.
`)
	checkCarry(t, e, []carryCase{
		{"is orrin lind up for more talks?", "where does he want to hold them?", "hold talks", "first plural noun phrase"},
	}, false)
}

// TestCarryTopicBeforeThere holds that "are there" ends no topic: "them"
// after "How many kinds of gull are there?" is the kinds of gull.
func TestCarryTopicBeforeThere(t *testing.T) {
	e := articleEngine(t, "gulls", "Gulls", `There are four kinds of gull in Westland, also called sea mews.
`)
	checkCarry(t, e, []carryCase{
		{"How many kinds of gull are there?", "and whats another name for them", "and what is another name for kinds of gull", "its topic"},
	}, true)
}

// TestCarryHeForSubject holds that "he", after a question naming two names
// of no kind the articles tell, stands for the one the question had as its
// subject ("What did Orrin tell Ada …?"), and a second pronoun of one
// person in the same follow-up ("… hand her") for the other; a follow-up
// naming someone itself keeps its pronouns unfilled by that guess.
func TestCarryHeForSubject(t *testing.T) {
	e := articleEngine(t, "harvest", "The harvest", `At noon Orrin told Ada to rest in the shade.

Orrin handed Ada a basket of figs.

Lind sold his boats to the harbour in May.
`)
	checkCarry(t, e, []carryCase{
		{"What did Orrin tell Ada to do at noon?", "what did he hand her", "what did Orrin hand Ada", "the name the last question had as its subject"},
		{"What did Orrin tell Ada to do at noon?", "Which of his boats did Lind sell in May?", "", ""},
	}, true)
}

// TestCarryHeAfterPlaceAnswered holds that the name a where question was
// answered with is read whole, its first word too ("New Bayton", not
// "Bayton"), so it is known for a place and "he" next stands for the
// person the question named.
func TestCarryHeAfterPlaceAnswered(t *testing.T) {
	e := articleEngine(t, "lamps", "Lamps", `Orrin was born in New Bayton in 1847.

Orrin died on a ship off Northport in 1901.
`)
	checkCarry(t, e, []carryCase{
		{"Where was Orrin born?", "And when did he die?", "And when did Orrin die?", "the one name the last question said"},
	}, true)
}

// TestCarryThatNounAfterWhich holds that "that" before the noun a which
// question asked about ("Which company …?" — "When was that company
// founded?") stands for the thing the last answer named, while "that"
// before another noun stays as written.
func TestCarryThatNounAfterWhich(t *testing.T) {
	e := articleEngine(t, "club", "The club", `The Bayton Club is owned by Harbourcorp, a shipping company.

Harbourcorp was founded in 1911 by Orrin Lind.

That summer the club opened a second pier.
`)
	checkCarry(t, e, []carryCase{
		{"Which company owns the Bayton Club?", "When was that company founded?", "When was Harbourcorp founded?", "a noun after \"that\" after a question asking which of it"},
	}, true)
	_, a := askAfter(t, e, "Which company owns the Bayton Club?", "What did the club open that summer?")
	if a.Carried != nil && strings.Contains(a.Carried.Read, "Harbourcorp") {
		t.Errorf("read %q: \"that summer\" taken for the company", a.Carried.Read)
	}
}

// TestCarryPassiveBeforeAdverb holds that a passive question's subject
// ends at an adverb before its participle ("decoction mashing
// traditionally used with" → "decoction mashing"), not at the end of the
// clause; and that "that" before "no" opens a relative clause, not a
// pronoun.
func TestCarryPassiveBeforeAdverb(t *testing.T) {
	e := articleEngine(t, "mash", "Mashing", "Decoction mashing is traditionally used with dark lagers in Bayton.\n\nIt gives a beer a rich malt flavour that no other method can.\n")
	checkCarry(t, e, []carryCase{
		{"Which beers is decoction mashing traditionally used with?", "what does it give a beer that no other method can",
			"what does decoction mashing give a beer that no other method can", "the subject of its passive verb"},
	}, true)
}

// TestCarryNoTopicThatAsks holds that a pronoun does not stand for a last
// question's topic that asks itself ("bayton's concessions are how big", a
// question typed as a statement).
func TestCarryNoTopicThatAsks(t *testing.T) {
	e := articleEngine(t, "tolls", "Tolls", "Orrin Lind said Bayton's concessions were small.\n\nThey are stopping the ferries on the coast, Lind said.\n")
	_, a := askAfter(t, e, "orrin reckons baytons concessions are how big", "what did he claim they are doing on the coast")
	if a.Carried != nil && strings.Contains(a.Carried.Read+a.Carried.Tried, "how big") {
		t.Errorf("read as %+v, want \"they\" not filled with a topic that asks", a.Carried)
	}
}

// TestCarryAndWhatsQuestion holds that "and" before a whole question whose
// question word is contracted with "is" ("and what's his post?") is a
// question of its own with its pronouns filled in, not a fragment of the
// last one.
func TestCarryAndWhatsQuestion(t *testing.T) {
	e := articleEngine(t, "board", "Board", "Orrin Lind said the harbour board paid special attention to the Bayton tolls.\n\nLind, the board's chief pilot, spoke in Northport.\n")
	checkCarry(t, e, []carryCase{
		{"According to Orrin Lind, what did the harbour board pay special attention to?", "And what's his post?", "what's Orrin Lind’s post", "a pronoun for one person"},
	}, false)
}

// TestCarryAndClauseThenQuestion holds that "and" before a clause or a
// phrase and then a whole question ("And when a storm comes up, how
// should the keeper act?", "And of all the lamps, which should …?", "And
// last winter, did the keeper …?", "…, what's …?", "…, how many lamps do
// they …?", "…, those came when", "…, what kind of lamp are they …?"),
// before a kind of thing asked with a
// clause of its own ("And what sort of lamp should a new light use?"), or
// before an auxiliary and a clause ("And did the keeper say …?") opens no
// fragment: the last question is not added to it.
func TestCarryAndClauseThenQuestion(t *testing.T) {
	e := articleEngine(t, "keepers", "The keepers' rules", `No matter how many helpers come, the keeper is in charge of the light. When a storm comes up, the keeper should calmly light the second lamp and stay in the tower.

Old lights were built to burn little oil. A new light should use a brighter lamp first made in Bayton.
`)
	for _, tt := range []struct{ prev, q string }{
		{"Who is in charge of the light, however many helpers come?", "And when a storm comes up, how should the keeper act?"},
		{"What were old lights built for?", "And what sort of lamp should a new light use?"},
		{"Who is in charge of the light, however many helpers come?", "And of all the lamps, which should the keeper light in a storm?"},
		{"What were old lights built for?", "And according to the keepers' rules, is the keeper in charge of the light?"},
		{"Who is in charge of the light, however many helpers come?", "And last winter, did the keeper stay in the tower?"},
		{"What were old lights built for?", "And when a storm comes up, what's the keeper's first lamp?"},
		{"What were old lights built for?", "Okay, and apart from the oil, what's the other thing they were built for?"},
		{"Who is in charge of the light, however many helpers come?", "and the keeper n his helpers, in a storm, how many lamps do they light?"},
		{"What were old lights built for?", "and for the keeper a lamp can't only mean light, it should be the base for what sort of work"},
		{"What were old lights built for?", "And did the keeper say the new lamp burns any brighter?"},
		{"Who is in charge of the light, however many helpers come?", "and the keeper's remarks to the board about that lamp getting replaced, those came when"},
		{"What were old lights built for?", "And the new lights, what kind of lamp are they meant to use?"},
	} {
		_, a := askAfter(t, e, tt.prev, tt.q)
		if a.Carried != nil && slices.ContainsFunc(a.Carried.Why, func(w string) bool { return strings.Contains(w, "is a fragment") }) {
			t.Errorf("%q read as a fragment: %q", tt.q, a.Carried.Why)
		}
	}
}

// TestCarryObjectOfANamedVerb holds that "him" or "her" right after the
// verb of a name the question says ("now Orrin wants her to …") is that
// verb's object, someone else: the person the last question named.
func TestCarryObjectOfANamedVerb(t *testing.T) {
	e := articleEngine(t, "harbour", "The harbour board", `The harbour board sent Ada Lind to Bayton in May.

Orrin Vell now wants Ada Lind to run the Northport ferry.
`)
	checkCarry(t, e, []carryCase{
		{"Did the harbour board send Ada Lind to Bayton?", "now orrin vell wants her to run what", "Ada Lind", "a pronoun for one person"},
	}, false)
}

// TestCarryAndQuestionWordLater holds that "and" before words that ask
// with a question word further on ("and now Orrin Vell wants her to run
// what") opens no fragment: a whole question, its pronoun read as any.
func TestCarryAndQuestionWordLater(t *testing.T) {
	e := articleEngine(t, "harbour", "The harbour board", `The harbour board sent Ada Lind to Bayton in May.

Orrin Vell now wants Ada Lind to run the Northport ferry.
`)
	_, a := askAfter(t, e, "Did the harbour board send Ada Lind to Bayton?", "and now orrin vell wants her to run what")
	if a.Carried == nil || !strings.Contains(a.Carried.Read, "Ada Lind") || slices.ContainsFunc(a.Carried.Why, func(w string) bool { return strings.Contains(w, "is a fragment") }) {
		t.Errorf("read %+v, want a whole question with \"her\" for Ada Lind", a.Carried)
	}
}

// TestCarryLeaningWordInALongQuestion holds that a word that leans on the
// last question ("same", "again") does so only in a short question: a
// long one says what it asks about, and its "same" compares within it.
func TestCarryLeaningWordInALongQuestion(t *testing.T) {
	e := articleEngine(t, "harbour", "The harbour board", `The harbour board sent Ada Lind to Bayton in May.

Orrin Vell runs the Northport ferry on the same route as the Bayton mail boats.
`)
	checkCarry(t, e, []carryCase{
		{"When did the harbour board send Ada Lind to Bayton?", "Which ferry runs on the same route as the mail boats each week?", "", ""},
		{"When did the harbour board send Ada Lind to Bayton?", "Which ferry sailed afterwards?", "harbour board send Ada Lind to Bayton", "leans on the last question"},
	}, false)
}

// TestCarryLeaningWordComparesWithin holds that a leaning word after
// one that sets several things of the question side by side ("several
// ferries … the same crossing") compares those, in a question short
// enough that "same" alone would lean on the last one.
func TestCarryLeaningWordComparesWithin(t *testing.T) {
	e := articleEngine(t, "harbour", "The harbour board", `The harbour board sent Ada Lind to Bayton in May.

Orrin Vell takes the Northport ferry, the quickest of the boats on the Bayton crossing.
`)
	var cases []carryCase
	for _, w := range []string{"several", "various", "multiple"} {
		cases = append(cases, carryCase{"When did the harbour board send Ada Lind to Bayton?", "When " + w + " boats make the same crossing, which one should you take?", "", ""})
	}
	cases = append(cases, carryCase{"When did the harbour board send Ada Lind to Bayton?", "which boat makes the same crossing", "harbour board send Ada Lind to Bayton", "leans on the last question"})
	checkCarry(t, e, cases, false)
}

// TestCarryTopicSetOutFirst holds that a question that sets out its
// topic before it asks ("what about the tide tables, who keeps those")
// is read with the topic for its pronoun, or before it when the topic is
// a name, where a pronoun of its kind stands for it.
func TestCarryTopicSetOutFirst(t *testing.T) {
	e := articleEngine(t, "harbour", "The harbour board", `Ada Lind keeps the Bayton ledger.

The harbour master keeps the tide tables in the Northport office.

Orrin Vell sails to Bayton every May.
`)
	checkCarry(t, e, []carryCase{
		{"Who keeps the Bayton ledger?", "what about the tide tables, who keeps those", "who keeps the tide tables", "the topic set out before the question"},
		{"Who keeps the Bayton ledger?", "and what about in May - who sails there", "who sails in May", "the topic set out before the question"},
		{"Who keeps the Bayton ledger?", "And what about Orrin Vell, does he sail to Bayton?", "Orrin Vell, does he sail to Bayton", "a name"},
	}, false)
}

// TestCarryAndAskedPhraseThenClause holds that "and" before a question
// word, a noun phrase with a determiner after its preposition and then
// an auxiliary and a clause opened by a name or holding a pronoun is a
// whole question, no fragment of the last one.
func TestCarryAndAskedPhraseThenClause(t *testing.T) {
	e := articleEngine(t, "harbour", "The harbour board", `The harbour board sent Ada Lind to Bayton in May.

Orrin Vell sailed with two members of the harbour board.
`)
	for _, q := range []string{"And which two members of the harbour board did Orrin Vell sail with?", "and how much of the harbour board is left in it"} {
		_, a := askAfter(t, e, "Whom did the harbour board send to Bayton?", q)
		if a.Carried != nil && slices.ContainsFunc(a.Carried.Why, func(w string) bool { return strings.Contains(w, "is a fragment") }) {
			t.Errorf("%q read %+v, want a whole question", q, a.Carried)
		}
	}
}

// TestCarryAndPhraseThenWhichNoun holds that "and" before a phrase and
// then a question word asking of a noun ("and in May, which ferry did
// …") asks a whole question, as with the question word alone.
func TestCarryAndPhraseThenWhichNoun(t *testing.T) {
	e := articleEngine(t, "harbour", "The harbour board", `The harbour board sent Ada Lind to Bayton in May.

In May Orrin Vell sailed the Northport ferry.
`)
	_, a := askAfter(t, e, "Whom did the harbour board send to Bayton?", "And in May, which ferry did Orrin Vell sail?")
	if a.Carried != nil && slices.ContainsFunc(a.Carried.Why, func(w string) bool { return strings.Contains(w, "is a fragment") }) {
		t.Errorf("read %+v, want a whole question", a.Carried)
	}
}

// TestCarryThemAfterOwnTopic holds that "them" after a part of the
// question that sets out its own topic ("In the note pleading for the
// pilots, …") stands for that topic, not for the people the last question
// named; without such a part it still stands for them.
func TestCarryThemAfterOwnTopic(t *testing.T) {
	e := articleEngine(t, "harbour", "Harbour notes", `The harbour board's new tug keeps stalling in the cold.

A note pinned to the pilots' hut pleads for the stranded pilots: whoever reads this must help them.

Crews that come in from the other ferry can bring them blankets.
`)
	checkCarry(t, e, []carryCase{
		{"What problem does the harbour board's new tug have?", "In the note pleading for the stranded pilots, who is asked to help them?", "", ""},
	}, true)
	checkCarry(t, e, []carryCase{
		{"Which pilots are stranded?", "who is asked to help them", "pilots", ""},
		// Going on from the last question, the part set out may lean on
		// it too: "them" is still its people.
		{"Which pilots are stranded?", "and crews from the other ferry, what can they bring them", "pilots", ""},
	}, false)
}

// TestCarrySourcePhraseOverAHyphen holds that a source phrase the last
// question ends with is no part of its topic when a hyphen joins two of
// its words ("per the stalled-talks report"), as when none does; nor is
// one it opens with whose word naming the writing is hyphenated itself
// ("In the harbour write-up, …").
func TestCarrySourcePhraseOverAHyphen(t *testing.T) {
	e := articleEngine(t, "harbour", "Harbour talks", `The harbour talks went on for five hours on Tuesday.

Ada Lind is pressing for a new pier after the talks.
`)
	for _, prev := range []string{
		"How long did the harbour talks go on, per the stalled-talks report?",
		"How long did the harbour talks go on, per the talks report?",
		"In the harbour write-up, how long did the harbour talks go on?",
	} {
		_, a := askAfter(t, e, prev, "What is Ada Lind pressing for regarding those?")
		if a.Carried == nil {
			t.Fatalf("after %q: nothing carried", prev)
		}
		if read := a.Carried.Read; strings.Contains(read, "report") || strings.Contains(read, "write-up") || !strings.Contains(read, "harbour talks") {
			t.Errorf("after %q: read as %q, want the harbour talks without the source phrase", prev, read)
		}
	}
}

// TestCarryDoSupportSubject holds that "it" after "What did <subject>
// <verb> …?" stands for the subject, not for the subject and its verb:
// after "What did the harbour talks focus on?", "it" is the harbour talks.
func TestCarryDoSupportSubject(t *testing.T) {
	e := articleEngine(t, "talks", "Talks", "The harbour talks focused on the Bayton tolls.\n\nThe talks left the ferry rota to the two mayors.\n")
	_, a := askAfter(t, e, "What did the harbour talks focus on?", "What does it leave to the two mayors?")
	if a.Carried == nil || !strings.Contains(a.Carried.Read, "the harbour talks leave") {
		t.Errorf("read as %+v, want \"it\" filled with \"the harbour talks\"", a.Carried)
	}
}

// TestCarryPronounInOwnClause holds that a pronoun in a clause after the
// question's main one ("… once you try to make it talk") stands for the
// thing the main clause names, not for the last question's topic; one
// with nothing named before its clause is still filled.
func TestCarryPronounInOwnClause(t *testing.T) {
	e := articleEngine(t, "quay", "The quay tavern", `The streets between the quay's landing pads are mostly full of cranes.

The parrot in the quay tavern only ever says the name of Orrin Vell once you try to make it talk.

The crane was painted red after it was repaired in 1911.
`)
	checkCarry(t, e, []carryCase{
		{"What are the streets between the quay's landing pads mostly full of?",
			"What does the parrot in the tavern say once you try to make it talk?", "", ""},
		{"When was the crane painted red?", "What happened when it was repaired?", "What happened when the crane", ""},
	}, false)
}

// TestCarrySubjectAfterModal holds that "it" after a question whose
// subject sits between a modal or do-support auxiliary and the verb's
// bare form ("Which berths can the harbour crane move to?") is that
// subject, not the subject and its verb; the articles' "moved" tells
// "move" a verb, and "opened" "open". A subject with "of" in it is read
// whole.
func TestCarrySubjectAfterModal(t *testing.T) {
	e := articleEngine(t, "quay", "The quay cranes", `The harbour crane can move to the north berth and the ferry slip.

The crane was moved to the quay in 1911 and painted red.

The doors of the crane house open onto the north berth, and the house is near the tavern.

The doors were first opened in 1912.
`)
	checkCarry(t, e, []carryCase{
		{"Which berths can the harbour crane move to?", "Is it painted red?", "Is the harbour crane painted red?", ""},
		{"What do the doors of the crane house open onto?", "is it near the tavern", "is the doors of the crane house near the tavern", ""},
	}, true)
}

// TestCarryBareSubject holds that "it" after a question whose subject is
// a bare noun between its auxiliary and its verb ("When did land-use
// zoning receive …?") is that noun, as "they" is a plural one ("quay
// fees rise").
func TestCarryBareSubject(t *testing.T) {
	e := articleEngine(t, "quay", "Quay rules", `Harbour zoning received approval from the court in 1926.

Harbour zoning should be closely linked with the ferry timetable.

Quay fees rise in the winter months at Bayton.

Quay fees are paid to the harbour master.
`)
	checkCarry(t, e, []carryCase{
		{"When did harbour zoning receive approval from the court?", "What should it be closely linked with?",
			"What should harbour zoning be closely linked with?", "the subject between its auxiliary and its verb"},
		{"When do quay fees rise at Bayton?", "Who are they paid to?", "Who are quay fees paid to?", "the subject between its auxiliary and its verb"},
	}, true)
}

// TestCarrySubjectAfterPerfect holds that "it" after a question whose
// auxiliary is one of the perfect ("What has the harbour board turned
// down?") is the subject before the participle, not the subject with its
// verb, as after a modal.
func TestCarrySubjectAfterPerfect(t *testing.T) {
	e := articleEngine(t, "quay", "The harbour board", `The harbour board turned down the plan for a second ferry slip.

The harbour board still insists on a toll for every cart on the quay.

The ferry company has been weighing a move to Bayton since the spring.

The ferry company was founded in 1888.

The ferry master had never seen a slip like the new one, which the Bayton yard built.
`)
	// "it" is no person: not "the ferry master ever".
	if _, a := askAfter(t, e, "Had the ferry master ever seen a slip like the new one?", "so who built it"); a.Carried != nil && strings.Contains(a.Carried.Read, "master") {
		t.Errorf("read as %q, want \"it\" not to stand for the ferry master", a.Carried.Read)
	}
	checkCarry(t, e, []carryCase{
		{"What has the harbour board turned down?", "what does it insist on instead",
			"what does the harbour board insist on instead", "the subject between its auxiliary and its verb"},
		{"What has the ferry company been weighing?", "when was it founded",
			"when was the ferry company founded", "the subject between its auxiliary and its verb"},
	}, true)
}

// TestCarryOwnWhichNoun holds that a possessive right after a which
// question's noun and auxiliary ("which oceans had their …") stands for
// that noun, not for the last question's subject.
func TestCarryOwnWhichNoun(t *testing.T) {
	e := articleEngine(t, "seas", "Seas", `Sea temperatures vary from 10 to 12 degrees in the Quiet Sea.

The Quiet Sea was made from the southern parts of the Grey and Blue oceans.
`)
	_, a := askAfter(t, e, "How much do sea temperatures vary in the Quiet Sea?", "which oceans had their southern parts joined to make it")
	if a.Carried == nil || strings.Contains(a.Carried.Read, "temperatures’s") || !strings.Contains(a.Carried.Read, "their southern parts") {
		t.Fatalf("carried %+v, want \"their\" left to the oceans", a.Carried)
	}
}

// TestCarryThatAfterOwnSentence holds that "that" after a sentence the
// follow-up says first ("Orrin says he took the quay. Does Bayton accept
// that?", or "…; does Bayton accept that?") stands for that sentence, not
// for the last question, not even as a reading tried and given up.
func TestCarryThatAfterOwnSentence(t *testing.T) {
	e := articleEngine(t, "quay", "Quay", `Orrin Vell warned Bayton to leave the harbour fully.

Orrin Vell also claimed the north quay, a claim Bayton rejects.
`)
	for _, q := range []string{
		"Orrin also says he has taken the north quay. Does Bayton accept that?",
		"Orrin also says he has taken the north quay; does Bayton accept that?",
	} {
		_, a := askAfter(t, e, "What did Orrin Vell warn Bayton to do?", q)
		if a.Carried != nil && strings.Contains(a.Carried.Read+a.Carried.Tried, "warn") {
			t.Errorf("%q read %+v: \"that\" took the last question", q, a.Carried)
		}
	}
}

// TestCarryNamedPerson holds that "him" after a question asking the name
// of a person ("What was the name of Orla's husband?") answered by a
// quote alone is the one name the quote adds, not the owner the question
// named.
func TestCarryNamedPerson(t *testing.T) {
	e := articleEngine(t, "quay", "Quay families", `Orla Vell married Bram Tarn in 1890.

Later Bram, Orla's husband, was lost at sea.
`)
	_, a := askAfter(t, e, "What was the name of Orla's husband?", "What happened to him at sea?")
	if a.Carried == nil || !strings.Contains(a.Carried.Read, "Bram") {
		t.Fatalf("carried %+v, want \"him\" read as Bram", a.Carried)
	}
}

// TestNamesJoinTitle holds that a title abbreviated with a full stop
// joins the name after it ("Mr. Vell"), read as a person's name, where
// the stop used to end one name ("Mr") and open another.
func TestNamesJoinTitle(t *testing.T) {
	e := articleEngine(t, "quay", "Quay", "At the quay Mr. Vell gave a speech about the tides.\n")
	ix, err := e.current(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	ns := e.namesIn(ix, "How was the end of Mr. Vell's speech received?")
	if len(ns) != 1 || ns[0].Text != "Mr. Vell" || ns[0].Kind != "person" {
		t.Fatalf("names %+v, want one person, Mr. Vell", ns)
	}
}

// TestCarryEventIdioms holds that "that" in an idiom ("more than that",
// "for all that") stands for nothing the last question asked: it is not
// filled in with it.
func TestCarryEventIdioms(t *testing.T) {
	e := articleEngine(t, "ferry", "The ferry talks", `The Bayton ferry talks lasted five hours on Monday.

Orrin Vell said a lasting deal must be more than a timetable; it must be a new harbour.
`)
	for _, q := range []string{"And is he after a timetable, or more than that?", "For all that, what does he say a lasting deal must be?"} {
		_, a := askAfter(t, e, "How long did Orrin Vell say the Bayton ferry talks lasted?", q)
		if a.Carried == nil || strings.Contains(a.Carried.Read, "talks lasted") {
			t.Errorf("%q read as %+v: want \"he\" carried, an idiom's \"that\" not", q, a.Carried)
		}
	}
}

// TestCarryEmphatic holds that "himself" right after "he" says the same
// person again: "he" is filled in, and "himself" is left as it is rather
// than filled in a second time.
func TestCarryEmphatic(t *testing.T) {
	e := articleEngine(t, "ferry", "The ferry talks", `The Bayton ferry talks lasted five hours on Monday.

Orrin Vell spent Thursday at the Northport quay, where he met the harbour board.
`)
	_, a := askAfter(t, e, "How long did Orrin Vell say the Bayton ferry talks lasted?", "where was he himself on thursday")
	if a.Carried == nil || a.Carried.Read != "where was Orrin Vell himself on thursday" {
		t.Errorf("read as %+v, want \"where was Orrin Vell himself on thursday\"", a.Carried)
	}
}

// TestCarryThatAfterStatementQuestion holds that "that" after a question
// typed as a statement ("the ferry board met in what town") stands for
// nothing: what that question asked about still asks, so the follow-up
// keeps its own words, with the last question's topic added beside them.
func TestCarryThatAfterStatementQuestion(t *testing.T) {
	e := articleEngine(t, "ferry", "The ferry board", `The Bayton ferry board met in Northport on Monday.

Orrin Vell chaired the meeting of the board.
`)
	checkCarry(t, e, []carryCase{
		{"the ferry board met in what town", "who chaired that", "who chaired that the ferry board met", "no subject of its own"},
		{"Where did the ferry board meet?", "who chaired that", "who chaired the ferry board meet", "a pronoun for what the last question asked about"},
	}, false)
}

// TestCarryStrandedPreposition holds that "it" after a question ending in
// a preposition it strands ("What is a tide gauge used for?") is the noun
// phrase before the words that say something of it, not the topic with
// them ("a tide gauge used for").
func TestCarryStrandedPreposition(t *testing.T) {
	e := articleEngine(t, "quay", "The harbour", `A tide gauge is used for timing the ferry's departures.

The Bayton gauge was installed in 1901 by the harbour board.

The north slipway is grievously vulnerable to winter storms.

The slipway was rebuilt in 1950 after a storm.

A harbour pilot is short for a licensed harbour pilot.
`)
	checkCarry(t, e, []carryCase{
		{"What is a tide gauge used for?", "when was it installed",
			"when was a tide gauge installed", "without the preposition it ends with"},
		{"What is the north slipway grievously vulnerable to?", "when was it rebuilt",
			"when was the north slipway rebuilt", "without the preposition it ends with"},
	}, true)
}
