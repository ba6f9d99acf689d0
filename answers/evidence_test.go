package answers

import (
	"context"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/parley-bot/parley/store"
	"github.com/parley-bot/parley/store/storetest"
)

// evidenceArticle is a short article nobody tuned for, with one sentence
// per change an unanswerable question makes.
const evidenceArticle = `A decision problem can be viewed as a formal language, where the members of the language are instances whose output is yes.

Deciding whether a given triple is a member of this set corresponds to solving the problem of multiplying two numbers.

The service continued until the closure of the analogue service in 2001, due to the launch of the digital platform.

The best algorithm for this problem runs in polynomial time on a deterministic machine.

Microsoft announced that it would not appeal the ruling of the court.

The city had 3.7 million people in 2010, and the flood caused over $20 billion in damage.

Major League Soccer returned to the city in 2018, when the University of California opened its stadium.

The 8- and 10-county definitions are not used for the greater Harbour Megaregion, one of the 11 megaregions of the coast.

All schools must comply with government-set curriculum standards.

A function problem is a problem where a single output is expected for every input.

The governor could not stop it, Eastmark became the capital after a long siege.

When the fourteenth colony ship, Petrovsk, arrived, its settlers founded Harrow.

Harbourcorp performs almost 70% of commercial launches around the globe.

It festered for decades, fighting the rebels of Vostra, still trying to reform after 70 years of state domination.

The port of Kessel employs 4,200 full-time dockers and 300 pilots.
`

// evidenceCase is a question and the value one evidence feature must
// take on it.
type evidenceCase struct {
	q       string
	feature string
	want    float64
}

// checkEvidence asks each case's question of e and holds its feature.
func checkEvidence(t *testing.T, e *Engine, cases []evidenceCase) {
	t.Helper()
	for _, tt := range cases {
		a, err := e.Explain(context.Background(), tt.q)
		if err != nil {
			t.Fatal(err)
		}
		if a.Explain.Evidence == nil {
			t.Errorf("%q: no evidence weighed (%s)", tt.q, a.Explain.Decision)
			continue
		}
		if got := a.Explain.Evidence[tt.feature]; got != tt.want {
			t.Errorf("%q: evidence %s = %v, want %v (best sentence %q)", tt.q, tt.feature, got, tt.want, a.Explain.Candidates[0].Text)
		}
	}
}

// TestEvidenceSignals holds each of the gate's one-change signals to the
// change it looks for, and to the question that only looks like it.
func TestEvidenceSignals(t *testing.T) {
	e := articleEngine(t, "evidence", "Evidence", evidenceArticle)
	checkEvidence(t, e, []evidenceCase{
		{"What can be viewed as an informal language?", "prefix", 1},
		{"What can be viewed as a formal language?", "prefix", 0},
		{"What is not viewed as a formal language?", "negation", 1},
		{"What decides whether or not a triple is a member of this set?", "negation", 0},
		{"Can a decision problem be viewed as a formal language or no?", "negation", 0},
		{"Can a decision problem not be viewed as a formal language?", "negation", 1},
		{"What corresponds to solving the problem of multiplying three numbers?", "number", 1},
		{"What corresponds to solving the problem of multiplying two numbers?", "number", 0},
		{"What corresponds to solving the problem of multiplying 2 numbers?", "number", 0},
		{"What corresponds to solving the problem of multiplying 3 numbers?", "number", 1},
		{"What platform helped the service avoid the closure of the analogue service?", "negation", 1},
		{"What did a failed platform launch in 2001?", "negation", 0},
		{"What is the worst algorithm for this problem?", "opposite", 1},
		{"What is the best algorithm for this problem?", "opposite", 0},
		{"When did Microsoft decide to appeal the ruling?", "negated", 1},
		{"Did Microsoft appeal the ruling?", "negated", 0},
		{"What happened in 1999 to the analogue service?", "number", 1},
		{"What did Microsoft announce on the 24th?", "number", 1},
		{"What city had 3.3 million people?", "number", 1},
		{"What city had 3.7 million people?", "number", 0},
		{"What caused $20 million in damage?", "number", 1},
		{"What caused $20 billion in damage?", "number", 0},
		{"When did Major Soccer League return to the city?", "scrambled", 1},
		{"When did Major League Soccer return to the city?", "scrambled", 0},
		{"When did the California University open its stadium?", "scrambled", 1},
		{"When did the University of California open its stadium?", "scrambled", 0},
		// A count bound to its noun: "10" said elsewhere is no "10 megaregions".
		{"What is one of the 10 megaregions of the coast?", "number", 1},
		{"What is one of the 11 megaregions of the coast?", "number", 0},
		{"What is one of the eleven megaregions of the coast?", "number", 0},
		{"Which definitions are not used for the Harbour Megaregion?", "number", 0},
		// A restricting word added: "only" where the sentence says "all".
		{"What government-set standards do only select schools have to comply with?", "number", 1},
		{"What government-set standards must all schools comply with?", "number", 0},
		{"What government-set standards must every school comply with?", "number", 0},
		// A yes/no question's quote answers it in the sentence's words.
		{"Was Eastmark the capital after the siege?", "yes_no", 1},
		{"What did Eastmark become after the siege?", "yes_no", 0},
		// A share asked for is no count changed.
		{"What percent of commercial launches does Harbourcorp perform?", "number", 0},
		// No modifier across a comma: "Vostra, still trying" does not
		// swap "Eastmark still trying".
		{"How many years of state domination was Eastmark still trying to reform after?", "name_swapped", 0},
		// Ordinals written as words count like numbers.
		{"What was the fifteenth colony ship called?", "number", 1},
		{"What was the fourteenth colony ship called?", "number", 0},
		// A negation reaches no further than its clause.
		{"What did the governor stop?", "negated", 1},
		{"What did Eastmark become after the siege?", "negated", 0},
		// "a single output" answers how many.
		{"How many outputs are expected for every input in a function problem?", "no_type", 0},
		// A count of something the sentence never names, though the
		// articles do ("rebels"); a noun no article uses is left to
		// the unknown words ("janitors" may be the dockers in other words).
		{"How many full-time rebels does the port of Kessel employ?", "counted", 1},
		{"How many full-time janitors does the port of Kessel employ?", "counted", 0},
		{"How many full-time dockers does the port of Kessel employ?", "counted", 0},
		{"How many people does the port of Kessel employ?", "counted", 0},
		{"How many pilots worked at the port of Kessel?", "counted", 0},
	})
}

func TestRuns(t *testing.T) {
	s := &sentence{toks: tokenize("graphs can be encoded directly via their adjacency matrices")}
	for _, tt := range []struct {
		q          string
		two, three float64
		longest    int
	}{
		{"graphs can be encoded", 1, 1, 4},
		{"can graphs be encoded", 1.0 / 3, 0, 2},
		{"nothing here", 0, 0, 0},
		{"graphs can be encoded directly via their adjacency matrices", 1, 1, runCap},
	} {
		var seq []string
		for _, tok := range tokenize(tt.q) {
			seq = append(seq, tok.stem)
		}
		two, three, longest := runs(seq, s, nil)
		if two != tt.two || three != tt.three || longest != tt.longest {
			t.Errorf("runs(%q) = %v, %v, %d, want %v, %v, %d", tt.q, two, three, longest, tt.two, tt.three, tt.longest)
		}
	}
}

func TestBritishAndAmericanStemAlike(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		same bool
	}{
		{"centre", "center", true},
		{"centres", "centers", true},
		{"organised", "organized", true},
		{"organisation", "organization", true},
		{"colour", "color", true},
		{"defence", "defense", true},
		{"programme", "program", true},
		{"analyse", "analyze", true},
		{"four", "for", false},
		{"hour", "hor", false},
		{"fence", "fense", false},
	} {
		if got := stem(tt.a) == stem(tt.b); got != tt.same {
			t.Errorf("stem(%q) = %q, stem(%q) = %q: same = %v, want %v", tt.a, stem(tt.a), tt.b, stem(tt.b), got, tt.same)
		}
	}
}

func TestAntonymList(t *testing.T) {
	pairs, err := parseAntonyms(antonymsTxt)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, p := range pairs {
		found = found || (p == [2]string{"formal", "informal"})
	}
	if len(pairs) < 3000 || !found {
		t.Errorf("antonyms.txt: %d pairs, formal/informal found %v", len(pairs), found)
	}
	for _, bad := range []string{"one\n", "a b c\n", "good bad\nlonely\n"} {
		if _, err := parseAntonyms([]byte(bad)); err == nil || !strings.Contains(err.Error(), "line") {
			t.Errorf("parseAntonyms(%q) = %v, want an error naming the line", bad, err)
		}
	}
}

// TestTitleIsContext holds that the article's subject, named in its
// title, is said by every sentence of it: "Tasmania" is not missing from
// a sentence of the article titled so, another place is.
func TestTitleIsContext(t *testing.T) {
	ctx := context.Background()
	body := "The state grows most of the country's apples and much of its timber.\n\nIts capital lies on the river estuary.\n"
	e := articleEngine(t, "island", "Tasmania (Australia)", body)
	for q, want := range map[string]float64{"What does Tasmania grow most of?": 0, "What does Queensland grow most of?": 1} {
		a, err := e.Explain(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		if a.Explain.Evidence == nil {
			t.Errorf("%q: no evidence weighed (%s)", q, a.Explain.Decision)
			continue
		}
		if got := a.Explain.Evidence["missing_capital"]; got != want {
			t.Errorf("%q: missing_capital %v, want %v", q, got, want)
		}
		if got := a.Explain.Evidence["missing_name"] > 0; got != (want > 0) {
			t.Errorf("%q: missing_name %v", q, a.Explain.Evidence["missing_name"])
		}
	}
}

// TestTitleSaysItsNumber holds that a number the article's title says
// is said by every sentence of it: "in 1911" is not missing from a
// sentence of "The Westland Harbour Strike of 1911", "in 1912" is.
func TestTitleSaysItsNumber(t *testing.T) {
	body := "In the free elections called by the pilots, the dockers of Westland elected a council made up of a majority of stevedores.\n\nThe council met every week.\n"
	e := articleEngine(t, "strike", "The Westland Harbour Strike of 1911", body)
	checkEvidence(t, e, []evidenceCase{
		{"Which group had the majority on the council the dockers elected in 1911?", "number", 0},
		{"Which group had the majority on the council the dockers elected in 1912?", "number", 1},
	})
}

// TestTitleOfManyVouchesForNone holds that a title listing several
// subjects says none of them for a sentence that opens with another: the
// article "Falcons, Owls and Herons" says "Owls" of its sentence on owls,
// not of "Falcons nest on cliffs".
func TestTitleOfManyVouchesForNone(t *testing.T) {
	body := "Falcons nest on high cliffs and lay their eggs in spring.\n\nThe birds hunt by day over open country.\n"
	e := articleEngine(t, "birds", "Falcons, Owls and Herons", body)
	checkEvidence(t, e, []evidenceCase{
		{"Where do Owls nest?", "missing_capital", 1},
		{"Where do Falcons nest?", "missing_capital", 0},
		{"What do Owls hunt over?", "missing_capital", 0},
	})
}

// TestOffTopicOnlyWhenUnused holds that an out_of_scope word the articles
// never use is off topic, one they use in another form ("predicted" for
// "predict") is not, and that general.yaml lists no word any article
// may be about ("live", "born", "win", "odds").
func TestOffTopicOnlyWhenUnused(t *testing.T) {
	body := "The harbour club took the regatta cup in 1990 after a long season, as its captain predicted.\n"
	e := articleEngine(t, "club", "Club", body)
	checkOffTopic(t, e, map[string]bool{
		"When did the harbour club take the regatta cup?": false,
		"What did the captain predict?":                   false,
		"What is the weather at the harbour club?":        true,
		// Where people live and when they were born are topics of any
		// history; only the built-in pack makes them off-topic.
		"Where did the harbour club's founders live?": false,
		"When was the harbour club's captain born?":   false,
		// Winning, and its odds, are what any contest is about, not
		// a topic of their own.
		"What kind of win does the harbour club want next season?": false,
		"What are the odds the harbour club keeps the cup?":        false,
	})
}

// checkOffTopic asks e each question and holds whether it was refused as
// off topic.
func checkOffTopic(t *testing.T, e *Engine, cases map[string]bool) {
	t.Helper()
	for q, off := range cases {
		a, err := e.Explain(t.Context(), q)
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Contains(a.Explain.Decision, "marks a topic"); got != off {
			t.Errorf("%q: off topic %v, want %v (%s)", q, got, off, a.Explain.Decision)
		}
	}
}

// TestOffTopicIdiom holds that a pack's out-of-scope word in an idiom
// that names no topic ("a plan the board can live with") marks none,
// while the word alone still does ("Where does Orrin live?"); and that
// "likely" and "match", words any manual or history may ask with ("the
// likely cost", "what must the key match"), mark no topic in general,
// even where no article uses them.
func TestOffTopicIdiom(t *testing.T) {
	const pack = `name: harbour news
out_of_scope: [live]
`
	e := packEngine(t, pack, "Orrin Vell said the board could accept the new quay plan.\n\nThe quay will probably cost two thousand crowns, and its stones must look like the old wall.\n")
	checkOffTopic(t, e, map[string]bool{
		"Which plan did Orrin say the board could live with?": false,
		"Where does Orrin Vell live?":                         true,
		"What is the quay likely to cost?":                    false,
		"What must the quay's stones match?":                  false,
	})
}

// TestYesNoTurnedAround holds that a yes/no question the sentence turns
// around is answered from it, not refused: an antonym is then the answer
// "no", and a verb reporting a view ("think") is not the verb the
// sentence must say.
func TestYesNoTurnedAround(t *testing.T) {
	e := articleEngine(t, "harbour", "Harbour news", `The harbour board met on Monday.

Mayor Ann Berg said the town's impatience with the ferry delays is growing.

"We are no closer to opening the pier," Berg said.

The new marina is private.
`)
	checkEvidence(t, e, []evidenceCase{
		{"Is the new marina public?", "unknown", 0},
		{"Is the town becoming more patient with the ferry delays?", "opposite", 0},
		{"Which town is becoming more patient with the ferry delays?", "opposite", 1},
	})
	// Answered by the sentence that turns it around.
	checkAnswered(t, e, map[string]bool{
		"Is the town becoming more patient with the ferry delays?":    true,
		"Did Berg think the town was any nearer to opening the pier?": true,
	})
}

// TestWhoAnsweredByABody holds that a who-question is answered by a body
// of people the sentence names when it names no one ("members of the
// harbour team"), not refused for lacking a person.
func TestWhoAnsweredByABody(t *testing.T) {
	e := articleEngine(t, "ferry", "Ferry news", `The new ferry left the yard on Monday.

Members of the harbour team were returning to port, saying they had done everything they could for the first sailing.

The mayor said his advisors had a strong impression that the ferry would pay.
`)
	checkEvidence(t, e, []evidenceCase{
		{"Who had done everything they could for the first sailing?", "no_type", 0},
		{"Who did the mayor say had a strong impression that the ferry would pay?", "no_type", 0},
		{"Who left the yard on Monday?", "no_type", 1},
	})
}

// TestNameOfLeftUnnamed holds that a question asking the name of
// something is not answered by a sentence that speaks of it and names
// nothing the question does not; a sentence giving the name answers, and
// "the term for" may ask for a common noun.
func TestNameOfLeftUnnamed(t *testing.T) {
	e := articleEngine(t, "inn", "Inn news", `The old innkeeper sat slumped in his chair by the fire.

The ferry's second mate, Tomas Vell, sat on the bench by the door.

A lamp that burns whale oil is known as a spout lamp.
`)
	checkEvidence(t, e, []evidenceCase{
		{"What was the name of the innkeeper slumped in the chair?", "no_type", 1},
		{"what were the names of the innkeepers by the fire", "no_type", 1},
		{"What was the name of the second mate on the bench?", "no_type", 0},
		{"What is the term for a lamp that burns whale oil?", "no_type", 0},
	})
}

// TestSwapBeforeAnIrregularVerb holds that a word the sentence replaces
// is a swap when the word after it is another form of the question's
// irregular verb ("the Margrave came" against "the duke come"), and that
// a negation in its place is no swap.
func TestSwapBeforeAnIrregularVerb(t *testing.T) {
	e := articleEngine(t, "revolt", "Revolt", `The first challenge to the Margrave came from the guilds of the lower town.

Mrs. Halloran never wrote to her sister about the sale of the mill.
`)
	checkEvidence(t, e, []evidenceCase{
		{"What did the first challenge to the duke come from?", "swapped", 1},
		{"What did the first challenge to the Margrave come from?", "swapped", 0},
		{"When did Mrs. Halloran first write to her sister about the sale?", "swapped", 0},
	})
}

// TestWhoAnsweredByAnOrganisation holds that a who-question no name
// answers is answered by an organisation that did it ("a local
// newspaper", "the shipping company"), as by a body of people.
func TestWhoAnsweredByAnOrganisation(t *testing.T) {
	e := articleEngine(t, "fire", "Fire news", `A local newspaper first reported the fire at the mill on Sunday.

The shipping company paid for the repairs to the quay.

The old mill stood empty for a decade before the fire.
`)
	checkEvidence(t, e, []evidenceCase{
		{"Who first reported the fire at the mill?", "no_type", 0},
		{"Who paid for the repairs to the quay?", "no_type", 0},
		{"Who left the old mill empty for a decade?", "no_type", 1},
	})
}

// TestWhereAnsweredByAKindOfPlace holds that a where-question is answered
// by a kind of place after a locative ("in mountainous areas") when the
// sentence names no place.
func TestWhereAnsweredByAKindOfPlace(t *testing.T) {
	e := articleEngine(t, "rail", "Rail news", `Two tourist railways run over narrow lines, which were built in mountainous areas.

The old sheds were painted cheaply.
`)
	checkEvidence(t, e, []evidenceCase{
		{"Where were the narrow lines built?", "no_type", 0},
		{"Where were the old sheds painted?", "no_type", 1},
	})
}

// TestWherePhraseAnswersWhere holds that a phrase setting a thing in or
// on something the question does not name, after a word of the question,
// answers where: not a phrase of time, nor one far from what the question
// asks of, nor one after a word of going ("going through each berth")
// or one that makes it no place ("similar to").
// A question naming the kind of place it wants ("which town"), or asking
// where someone was heading, is answered by it only by half.
func TestWherePhraseAnswersWhere(t *testing.T) {
	e := articleEngine(t, "dock", "Dock rules", `A crate that fails inspection is stacked on the quarantine pier until the harbour board decides.

The tugs were repainted in the first half of the cold season.

The pilots of Bayton argued for years about the relationship between the tides.

The ferry crews said the clerks were going through each berth in turn.

The harbour master met the Northport pilots at the inspection of the quay.

The new levy on cargo is similar to the old harbour tax.
`)
	checkEvidence(t, e, []evidenceCase{
		{"Where is a crate that fails inspection stacked?", "no_type", 0},
		{"In which town is a crate that fails inspection stacked?", "no_type", 0.5},
		{"Where did the ferry crews go to rest?", "no_type", 1},
		{"Where was the harbour master heading after meeting the Northport pilots?", "no_type", 0.5},
		{"Where is the new levy on cargo collected?", "no_type", 1},
		{"Where were the tugs repainted?", "no_type", 1},
		{"Where did the pilots of Bayton argue?", "no_type", 1},
	})
}

// TestBareWherePhrase holds that a phrase without a determiner answers a
// where question as one with a determiner does ("pumped into tanks"),
// but not a number, a verb's -ing form, a time word or a phrase with
// "to" after the preposition, and that a question's word the ranking
// stops ("used") still says what the phrase sets somewhere.
func TestBareWherePhrase(t *testing.T) {
	e := articleEngine(t, "dock", "Dock rules", `Ballast water is pumped into tanks before the crossing.

The cargo was weighed in 1768 for the harbour ledger.

The deckhands were trained in splicing ropes.

The clerks were briefed on earlier sailings of the fleet.

The signals are passed to operators ashore.

Such lamps, the keepers said, are used near rocks.
`)
	checkEvidence(t, e, []evidenceCase{
		{"Where is ballast water pumped?", "no_type", 0},
		{"Where was the cargo weighed?", "no_type", 1},
		{"Where were the deckhands trained?", "no_type", 1},
		{"Where were the clerks briefed?", "no_type", 1},
		{"Where are the signals passed?", "no_type", 1},
		{"Where are such lamps used?", "no_type", 0},
	})
}

// TestReferenceFrame holds that a question asking where a thing is told
// more looks for the thing, not for the words it asks for more with: "See
// the tide tables for more information" answers "Where can I read up on
// the spring tides?", though it says no "read".
func TestReferenceFrame(t *testing.T) {
	e := articleEngine(t, "tides", "Harbour tides", `The harbour keeps its own records of the spring tides, the neap tides and the storm surges.

See the tide tables for more information on the spring tides.

Pilots read the gauges twice a day.
`)
	for _, q := range []string{"Where can I read up on the spring tides?", "where do i find more details about spring tides"} {
		a, err := e.Explain(context.Background(), q)
		if err != nil {
			t.Fatal(err)
		}
		if !a.Answered || !strings.HasPrefix(a.Quotes[0].Text, "See the tide tables") {
			t.Errorf("%q: answered %v (%s), want the sentence pointing to the tide tables", q, a.Answered, a.Explain.Decision)
		}
	}
}

// TestDayPhrase holds that a day said by its place beside another
// ("earlier in the day") answers "when".
func TestDayPhrase(t *testing.T) {
	e := articleEngine(t, "plan", "Harbour plan", `The council met on Friday.

In comments earlier in the day, the mayor cast doubt on the harbour plan.

The mayor has long opposed the plan.
`)
	checkEvidence(t, e, []evidenceCase{
		{"When did the mayor cast doubt on the harbour plan?", "no_type", 0},
		{"When did the mayor start to oppose the plan?", "no_type", 1},
	})
}

// TestUnnamedSubject holds that a question whose subject is "he" with no
// one named, and no question before it, is refused with a request for
// the name instead of answered about whoever a sentence calls "he".
func TestUnnamedSubject(t *testing.T) {
	e := articleEngine(t, "club", "The rowing club", `Ann Berg joined the Northport Rowing Club in 1975.

He later became its captain.
`)
	a, err := e.Explain(context.Background(), "When did he join the Northport Rowing Club?")
	if err != nil {
		t.Fatal(err)
	}
	if a.Answered || !strings.Contains(a.Answer, "can't tell who “he” is") {
		t.Errorf("answered %v %q (%s), want a request for the name", a.Answered, a.Answer, a.Explain.Decision)
	}
	a, err = e.Explain(context.Background(), "When did Ann Berg join the Northport Rowing Club?")
	if err != nil {
		t.Fatal(err)
	}
	if !a.Answered || !strings.Contains(a.Quotes[0].Text, "1975") {
		t.Errorf("with the name: answered %v (%s), want the sentence with 1975", a.Answered, a.Explain.Decision)
	}
}

// TestIndefinitePronounsAreNoTopic holds that "anyone", "something" and
// the like are no words to look for: "Did Berg work with anyone?" asks
// about Berg's work, and a sentence need not say "anyone" to answer it.
func TestIndefinitePronounsAreNoTopic(t *testing.T) {
	e := articleEngine(t, "club", "The rowing club", "Working alone, Ann Berg rebuilt the boathouse in 1975.\n")
	a, err := e.Explain(context.Background(), "Besides the roof, did Ann Berg rebuild anything with anyone?")
	if err != nil {
		t.Fatal(err)
	}
	for _, term := range a.Explain.Terms {
		if strings.HasPrefix(term, "any") || strings.HasPrefix(term, "besid") {
			t.Errorf("terms %v hold %q", a.Explain.Terms, term)
		}
	}
}

// TestQuoteOverTwoSentences holds that a quotation over two sentences is
// one utterance: the closing sentence, which says who said it and when,
// answers a question on the opening one's words.
func TestQuoteOverTwoSentences(t *testing.T) {
	e := articleEngine(t, "harbour", "Harbour news", `The council met on Friday to discuss the ferry.

“The harbour issue is of course the most important for us, as well as for the ferry company. A compromise has not yet been found, but some proposals seem acceptable,” Berg said on Monday.

The ferry company said nothing.
`)
	checkQuoted(t, e, map[string]string{"When did Berg say the harbour issue mattered most?": "on Monday"})
}

// TestNameInAnotherForm holds a name the sentence says in another form of
// itself ("the Ptolemies" for "the Ptolemaic dynasty", "Gaulish" for "the
// Gauls") as said, while another name that only begins alike
// ("Austrian" for "Australian") is missing.
func TestNameInAnotherForm(t *testing.T) {
	e := articleEngine(t, "rulers", "Rulers of the coast",
		"The Ptolemaic dynasty ruled the coast for 275 years.\n\n"+
			"Priests called druids dominated the society of the Gauls.\n\n"+
			"The Australian fleet left the coast in 1901.\n")
	checkEvidence(t, e, []evidenceCase{
		{"For how many years did the Ptolemies rule the coast?", "missing_capital", 0},
		{"Which priests dominated Gaulish society?", "missing_capital", 0},
		{"For how many years did the Seleucids rule the coast?", "missing_capital", 1},
		{"When did the Austrian fleet leave the coast?", "missing_capital", 1},
	})
}

// TestYesNoAdjective: after "is", the word after the subject is an
// adjective, not a verb the sentence must say ("Is Putin open to …?" is
// answered by "… ruled out changes sought by Kyiv"); a participle still
// is a verb.
func TestYesNoAdjective(t *testing.T) {
	e := mustEngine(t, storetest.MustOpen(t))
	for q, answered := range map[string]bool{
		"is putin open to the changes kyiv and the europeans want?": true,
		"Is Putin signing the changes Kyiv wants?":                  false,
	} {
		a, err := e.Explain(t.Context(), q)
		if err != nil {
			t.Fatal(err)
		}
		if verbGate := strings.Contains(a.Explain.Decision, "never says the question's verb"); verbGate == answered {
			t.Errorf("%q: decision %q; want the verb gate to fire %v", q, a.Explain.Decision, !answered)
		}
	}
}

// TestBareDuration: "how long" is answered by a length of time with no
// number ("took decades"), not refused for giving no count.
func TestBareDuration(t *testing.T) {
	e := articleEngine(t, "recovery", "Recovery", "Northmark took decades to recover from the fall of the old union.\n\nThe union had lasted for 70 years.\n")
	a, err := e.Explain(t.Context(), "How long did it take Northmark to get over the fall of the old union?")
	if err != nil {
		t.Fatal(err)
	}
	if !a.Answered || !strings.Contains(a.Quotes[0].Text, "took decades") || a.Explain.Evidence["no_type"] != 0 {
		t.Errorf("answered %v, quotes %v, no_type %v; want the sentence saying decades", a.Answered, a.Quotes, a.Explain.Evidence["no_type"])
	}
}

// TestWhenConditional: "when will …?" is answered by the condition a
// sentence puts on the future thing ("If the survey is done, the bridge
// will open"); a question about the past is not.
func TestWhenConditional(t *testing.T) {
	e := articleEngine(t, "bridge", "The bridge", "If the survey is finished, the new bridge will open to traffic.\n\nThe old bridge carried trams.\n")
	checkEvidence(t, e, []evidenceCase{
		{"When will the new bridge open to traffic?", "no_type", 0},
		{"When did the old bridge carry trams?", "no_type", 1},
	})
}

// TestWhenAsARule: "when can …?" and "when does …?" ask when a thing
// happens as a rule, which a condition answers as it does a question
// about the future; "when did …?" asks for a time.
func TestWhenAsARule(t *testing.T) {
	e := articleEngine(t, "ferry", "The ferry", "The ferry may leave the quay early if every seat is taken.\n\nThe ferry stops at the island if a passenger asks.\n\nThe old ferry sank if the tale is true.\n")
	checkEvidence(t, e, []evidenceCase{
		{"When can the ferry leave the quay early?", "no_type", 0},
		{"When does the ferry stop at the island?", "no_type", 0},
		{"According to the timetable, when does the ferry stop at the island?", "no_type", 0},
		{"When did the old ferry sink?", "no_type", 1},
	})
	// "At the end of a crossing" says when, of a thing the question
	// does not name; the end of a thing it names ("the quay's ticket
	// office") says nothing of when.
	e = articleEngine(t, "tolls", "The tolls", "At the end of each crossing, the purser counts the tolls.\n\nThe ticket office stands at the end of the quay.\n")
	checkEvidence(t, e, []evidenceCase{
		{"When does the purser count the tolls?", "no_type", 0},
		{"When did the quay's ticket office open?", "no_type", 1},
	})
}

// TestNegationsWritten holds negations as people write them: a contraction
// is "not" (never a typo of "did"), and "unless" or "otherwise" says "if
// not" in a sentence.
func TestNegationsWritten(t *testing.T) {
	t.Run("auxiliary", testNegatedAuxiliary)
	e := articleEngine(t, "negations", "Negations", `The council closed the old bridge in March.

The council did say the ferry would run all winter.

The council will close the new bridge unless the tolls are paid.

The harbour board must fund the dredging, otherwise the port will lose its ships.
`)
	checkEvidence(t, e, []evidenceCase{
		{"Why didn't the council close the old bridge?", "negation", 1},
		{"Why did the council close the old bridge?", "negation", 0},
		{"What will the council close if the tolls aren't paid?", "negation", 0},
		{"What will the port lose if the harbour board does not fund the dredging?", "negation", 0},
	})
}

// TestOppositeIsAWord holds that an antonym counts only as a word the
// sentence says, not as a title or name: the "Miss" of "Miss Ward" is no
// "miss" against "have", while "missed" is.
func TestOppositeIsAWord(t *testing.T) {
	e := articleEngine(t, "wards", "The Wards", `Miss Ward and Miss Frances had two brothers at sea.

The harbour board missed two deadlines in the spring.
`)
	checkEvidence(t, e, []evidenceCase{
		{"How many brothers did Frances have?", "opposite", 0},
		{"How many deadlines did the harbour board have in the spring?", "opposite", 1},
	})
}

// TestOppositeNotInCompound holds that a word of a hyphened compound the
// question says ("son-in-law") is no side of an antonym the sentence says
// ("daughter"), while the word alone is, and so is a side in a compound
// of two words ("south-west" against "north-east").
func TestOppositeNotInCompound(t *testing.T) {
	e := articleEngine(t, "vells", "The Vells", `Orrin Vell's daughter married Bram Tarn, who served the harbour board as its adviser.

The ferry sails to the north-east quay of Bayton.
`)
	checkEvidence(t, e, []evidenceCase{
		{"What post did Orrin Vell's son-in-law hold on the harbour board?", "opposite", 0},
		{"What post did Orrin Vell's son hold on the harbour board?", "opposite", 1},
		{"Which ferry sails to the south-west quay of Bayton?", "opposite", 1},
	})
}

// TestQuantifierAsChoice holds that a question offering a quantifier as
// one side of a choice ("every pilot or only some") asserts none of its
// quantifiers, nor does a yes/no question, which asks whether "every"
// holds; a question that asks something else of "every" pilot adds it.
func TestQuantifierAsChoice(t *testing.T) {
	e := articleEngine(t, "rota", "Rota", "Some harbour pilots criticised the new rota at Bayton in May.\n")
	checkEvidence(t, e, []evidenceCase{
		{"Was it every harbour pilot or only some who criticised the new rota at Bayton?", "number", 0},
		{"Did every harbour pilot criticise the new rota at Bayton?", "number", 0},
		{"When did every harbour pilot criticise the new rota at Bayton?", "number", 1},
	})
}

// TestChatterIsNoChange holds that chat idioms change nothing the
// sentence says: "number one" is no count of one, and "in all this" no
// "all" that restricts.
func TestChatterIsNoChange(t *testing.T) {
	e := articleEngine(t, "pilots", "The pilots", "The pay dispute is the most important issue for the harbour pilots.\n")
	checkEvidence(t, e, []evidenceCase{
		{"whats the number one issue for the harbour pilots in all this?", "number", 0},
		{"what is the only issue for the harbour pilots?", "number", 1},
	})
	ix, err := e.current(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if q := e.analyse(ix, Normalize("whats the number one issue for the pilots in all this?")); strings.Contains(q.text, "all this") {
		t.Errorf("read as %q: want the chatter cut", q.text)
	}
}

// TestIdiomsAssertNoOpposite holds that an idiom's words assert nothing
// the sentence could say the opposite of: "at the same time" is no "same"
// against "different", "on record" no "record" against "live".
func TestIdiomsAssertNoOpposite(t *testing.T) {
	e := articleEngine(t, "machines", "Machines", `A branching machine can check many different possibilities at once.

The oldest harbour pilots on the live register reached ninety.
`)
	checkEvidence(t, e, []evidenceCase{
		{"What machine can check many possibilities at the same time?", "opposite", 0},
		{"What machine can check many of the same possibilities?", "opposite", 1},
		{"What age did the oldest harbour pilots on record reach?", "opposite", 0},
	})
}

// TestWhereSomethingWasSaid holds that a question asking where something
// was said is answered by the medium ("in a post on X"), a span of the
// quote, and that a where question about no saying is not.
func TestWhereSomethingWasSaid(t *testing.T) {
	e := articleEngine(t, "mayor", "The mayor", `The mayor said in a post on X late Sunday that the harbour talks were useful.

The harbour talks were described in a statement as useful.
`)
	checkEvidence(t, e, []evidenceCase{
		{"Where did the mayor say the harbour talks were useful?", "no_type", 0},
		{"Where were the harbour talks held?", "no_type", 1},
	})
	a, err := e.Answer(t.Context(), "Where did the mayor say the harbour talks were useful?")
	if err != nil {
		t.Fatal(err)
	}
	if !a.Answered || a.Answer != "in a post on X" {
		t.Errorf("answered %v %q, want \"in a post on X\"", a.Answered, a.Answer)
	}
}

// TestLowerCasePlaces holds that a place chat writes in lower case after
// "to" or a locative ("a visit to turkey") is a name the sentence must
// say, like "Turkey", while one the articles use is said.
func TestLowerCasePlaces(t *testing.T) {
	e := articleEngine(t, "visit", "The visit", "Before departing for an official visit to India, the mayor warned the port board about the harbour fees.\n")
	for q, missing := range map[string]bool{
		"before departing for his official visit to turkey, what did the mayor warn the port board about?": true,
		"before departing for his official visit to india, what did the mayor warn the port board about?":  false,
		"before departing for his official visit, what did the mayor warn the port board about?":           false,
		"what did the mayor warn the port board about after the berlin visit?":                             true,
		"what did the mayor warn the port board about after the ok visit?":                                 false,
	} {
		a, err := e.Explain(t.Context(), q)
		if err != nil {
			t.Fatal(err)
		}
		if got := a.Explain.Evidence["missing_name"] > 0 && a.Explain.Evidence["missing_capital"] > 0; got != missing {
			t.Errorf("%q: a name missing = %v, want %v (evidence %v)", q, got, missing, a.Explain.Evidence)
		}
	}
}

// TestChatWords holds words chat uses for what articles say otherwise:
// "ok" is "acceptable", "the rest of" is "the remaining", "still" is
// "currently", a "problem" an "issue", and "apart
// from", "per", "stuff" and "getting" ask for nothing a sentence must say.
func TestChatWords(t *testing.T) {
	e := articleEngine(t, "board", "The board", `Some of the new harbour rules seemed acceptable to the port board.

The port board currently finds the fishing rules acceptable.

The port board will close the remaining parts of the north quay in May.

Another critical issue for the port board is the price of fuel.
`)
	ix, err := e.current(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		"is the port board ok with the new harbour rules?",
		"when will the port board close the rest of the north quay?",
		"apart from the quay, what's the other critical issue for the port board per the rules?",
		"what stuff is the port board getting critical about?",
		"which harbour rules does the port board still find acceptable?",
		"what problem does the port board have with fuel?",
	} {
		if u := e.analyse(ix, Normalize(q)).unknown; len(u) > 0 {
			t.Errorf("%q: words no article uses: %v", q, u)
		}
	}
	for _, q := range []string{
		"is the port board ok with the new harbour rules?",
		"when will the port board close the rest of the north quay?",
		"which harbour rules does the port board still find acceptable?",
	} {
		a, err := e.Answer(t.Context(), q)
		if err != nil {
			t.Fatal(err)
		}
		if !a.Answered {
			t.Errorf("%q refused", q)
		}
	}
}

// TestBesidesPhrase holds that what a question sets aside ("Besides the
// walls dispute, …") need not be said by the sentence that answers
// it, while it still helps find that sentence.
func TestBesidesPhrase(t *testing.T) {
	e := articleEngine(t, "quay", "The quay", `The harbour board and the pilots have fought over the north quay for a decade.

Another critical issue is the price of diesel fuel.

The pilots meet on Mondays.
`)
	a, err := e.Answer(t.Context(), "Besides the walls dispute, what other critical issue is there for the pilots?")
	if err != nil {
		t.Fatal(err)
	}
	if !a.Answered || !strings.Contains(a.Quotes[0].Text, "diesel") {
		t.Errorf("answered %v %q, want the price of diesel fuel", a.Answered, a.Answer)
	}
}

// TestBesidesWeighsOnce holds that a word set aside twice ("the quay and
// the quay walls") weighs 0.75 of its weight once, and no other word is
// scaled in its place.
func TestBesidesWeighsOnce(t *testing.T) {
	e := articleEngine(t, "quay", "The quay", "The quay walls and the harbour fees are critical issues.\n")
	ix, err := e.current(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	plain := e.analyse(ix, Normalize("What other critical issue is there besides the quay walls?"))
	aside := e.analyse(ix, Normalize("Besides the quay and the quay walls, what other critical issue is there?"))
	weight := func(q *query, term string) float64 {
		for _, qt := range q.terms {
			if qt.term == term {
				return qt.weight
			}
		}
		t.Fatalf("no term %q in %v", term, q.terms)
		return 0
	}
	for term, share := range map[string]float64{"quay": besidesCredit, "wall": besidesCredit, "critic": 1, "issu": 1} {
		if got, want := weight(aside, term), share*weight(plain, term); math.Abs(got-want) > 1e-9 {
			t.Errorf("%s weighs %v, want %v", term, got, want)
		}
	}
}

// TestAgainstInBoth holds that a word saying no without a negation
// ("against") stands for the question's negation only when the question
// does not say it too: "proceedings against each other" in both.
func TestAgainstInBoth(t *testing.T) {
	e := articleEngine(t, "suits", "Suits", `Both ferry companies agreed to drop all court proceedings against each other in May.

The harbour board voted against the new toll in June.
`)
	checkEvidence(t, e, []evidenceCase{
		{"Which companies never agreed to drop their court proceedings against each other?", "negation", 1},
		{"Which companies agreed to drop their court proceedings against each other?", "negation", 0},
		{"Which board did not vote for the new toll?", "negation", 0},
	})
}

// TestWhenWithoutDate: a when question about the past is answered by a
// time that is no date, a clause opened by "till" or a time of day after
// "at"; a sentence with neither gives no time.
func TestWhenWithoutDate(t *testing.T) {
	e := articleEngine(t, "causeway", "The causeway", `The island can only be reached over the causeway at low tide.

The keeper never left the lighthouse till the war was over.

The causeway is built of grey stone.
`)
	checkEvidence(t, e, []evidenceCase{
		{"When can the island be reached over the causeway?", "no_type", 0},
		{"When did the keeper first leave the lighthouse?", "no_type", 0},
		{"When was the causeway built of grey stone?", "no_type", 1},
	})
}

// TestSpeechVerbs: a sentence that reports speech with a verb other than
// "said" ("uttered", "declared") answers what someone said.
func TestSpeechVerbs(t *testing.T) {
	e := articleEngine(t, "captain", "The captain", `Captain Ada Morrow uttered the famous words 'Hold the harbour' while the storm broke over the quay.

Captain Ada Morrow sailed the old ketch home in the spring.
`)
	checkEvidence(t, e, []evidenceCase{
		{"What did Ada Morrow say while the storm broke over the quay?", "no_type", 0},
		{"What did Ada Morrow say when she sailed the old ketch home?", "no_type", 1},
	})
}

// TestLowerCaseModifierSwapped: a nationality chat writes in lower case
// qualifies a thing as its capitalised form does, and another in its
// place is a swap ("russian security advisers" against "other European
// security advisers").
func TestLowerCaseModifierSwapped(t *testing.T) {
	e := mustEngine(t, storetest.MustOpen(t))
	checkEvidence(t, e, []evidenceCase{
		{"which russian security advisers took part in the florida talks, according to witkoff?", "name_swapped", 1},
		{"which european security advisers took part in the florida talks, according to witkoff?", "name_swapped", 0},
	})
}

// TestExceptionAnswersNegation holds that a sentence that sets a thing
// apart ("with the exception of …", "excluded from …") answers a question
// that negates ("which … is not close to the town?"), as "against" does,
// while a sentence saying only the affirmative does not.
func TestExceptionAnswersNegation(t *testing.T) {
	e := articleEngine(t, "piers", "Piers", "Most of the harbour's busy piers lie close to the town, with the exception of Kessra Pier and Osk Pier.\n\n"+
		"The ferry company had been excluded from the harbour board, so it joined the fishing guild.\n\n"+
		"The old mill stands close to the river.\n")
	checkEvidence(t, e, []evidenceCase{
		{"Other than Kessra Pier, which busy pier is not close to the town?", "negation", 0},
		{"Who did the ferry company join because it was not part of the harbour board?", "negation", 0},
		{"Which mill does not stand close to the river?", "negation", 1},
	})
}

// TestHowMuchMoney holds that "how much" is answered by a sum of money in
// a sentence that also counts other things ("£4.2bn for 120 berths").
func TestHowMuchMoney(t *testing.T) {
	e := articleEngine(t, "bids", "Bids", "In February 2015, the harbour board bid £4.2bn for a package of 120 berths across three seasons.\n\n"+
		"The ferry company kept its two boats.\n")
	a, err := e.Answer(t.Context(), "How much did the harbour board bid for the berths?")
	if err != nil {
		t.Fatal(err)
	}
	if !a.Answered || a.Answer != "£4.2bn" {
		t.Errorf("answered %v with %q, want £4.2bn", a.Answered, a.Answer)
	}
}

// TestHowMuchMoneyLikeAYear holds that a sum whose number could be a year
// ("$1000") is a sum, not the year 1000: it answers "how much".
func TestHowMuchMoneyLikeAYear(t *testing.T) {
	e := articleEngine(t, "lamps", "Lamps", "A brass version of the harbour lamp was due in summer 1998, at around $1000 per lamp.\n\n"+
		"The ferry company kept its two boats.\n")
	a, err := e.Answer(t.Context(), "How much did the brass harbour lamp cost?")
	if err != nil {
		t.Fatal(err)
	}
	if !a.Answered || !strings.Contains(a.Answer, "$1000") {
		t.Errorf("answered %v with %q, want the sum, $1000", a.Answered, a.Answer)
	}
}

// TestCountLikeAYear holds that a number of four digits counting the
// word after it ("over 1000 m", "of 2000 people") is a count, not a year,
// while one after "in" or a determiner stays a year ("in 1851 gold was
// found", "the 1905 survey").
func TestCountLikeAYear(t *testing.T) {
	e := articleEngine(t, "tower", "The Orrin tower", "The Orrin tower rises over 1000 m above the Bayton valley.\n\n"+
		"A crowd of 2000 people watched its opening.\n\n"+
		"The tower was planned after the 1905 survey, and in 1851 gold was found under the valley.\n")
	checkAnswers(t, e, map[string]string{
		"how many people watched the tower's opening": "2000 people",
		"When was gold found under the valley?":       "1851",
	})
	checkAnswered(t, e, map[string]bool{"How high does the Orrin tower rise?": true})
}

// TestMeasureAnswersItsUnit holds that a question asking a measure ("how
// high", "how heavy", "how hot") is answered by the count of a unit that
// measures it, as "how long" is by a duration: the count is the answer.
func TestMeasureAnswersItsUnit(t *testing.T) {
	e := articleEngine(t, "tower", "The Orrin tower", "The Orrin tower rises over 1000 m above the Bayton valley.\n\n"+
		"Its bell, cast by Ada Brandt, weighs 12 tonnes.\n\n"+
		"The Northport kiln that fired its bricks reached 900 degrees.\n")
	checkAnswers(t, e, map[string]string{
		"How high does the Orrin tower rise?":   "over 1000 m",
		"how heavy is the bell ada brandt cast": "12 tonnes",
		"how hot did the northport kiln get":    "900 degrees",
	})
}

// TestNegatedInACondition holds that a negation inside a clause setting
// a condition ("if it did not snap") negates nothing the sentence
// asserts, while one in the main clause still does.
func TestNegatedInACondition(t *testing.T) {
	e := articleEngine(t, "ropes", "Ropes", "The rope held the Bayton barge, and if it did not snap, it was owing to the knot Ada Brandt tied.\n\n"+
		"The Westland ferry did not sail on Sunday.\n")
	checkEvidence(t, e, []evidenceCase{
		{"What kept the rope holding the Bayton barge from snapping?", "negated", 0},
		{"On which day did the Westland ferry sail?", "negated", 1},
	})
}

// TestNegatedButSaidToo holds that a question word the sentence negates
// in one place and says plainly in another is not negated: the players
// count the rook though "the King does not count".
func TestNegatedButSaidToo(t *testing.T) {
	e := articleEngine(t, "counting", "Counting", `When the game stalls, the players count their pieces: the Queen does not count, and the Rook counts five points.

The Warden did not count the votes of the harbour towns.
`)
	checkEvidence(t, e, []evidenceCase{
		{"How many points does the Rook count?", "negated", 0},
		{"Whose votes did the Warden count?", "negated", 1},
	})
}

// TestSentenceOpenerIsNoModifier holds that the capitalised first word of
// a sentence ("Two weight standards …") is no name put in place of the
// question's ("the Aegina weight standard"), while a name is.
func TestSentenceOpenerIsNoModifier(t *testing.T) {
	e := articleEngine(t, "weights", "Weights", `Two weight standards were used, an Aegina standard based on the Beqa shekel and an Athens standard.

The Corinth weight standard was based on the silver stater.
`)
	checkEvidence(t, e, []evidenceCase{
		{"What was the Aegina weight standard based on?", "name_swapped", 0},
		{"What was the Delos weight standard based on?", "name_swapped", 1},
	})
}

// TestPairedOpposite holds that a sentence putting an antonym of a
// question word before the noun the question puts it before says the
// opposite, though it holds the question word elsewhere; and that the
// word a few words before the noun is the question's own.
func TestPairedOpposite(t *testing.T) {
	e := articleEngine(t, "charters", "Charters", `A liberal charter was proclaimed in 1857, leading to ten years of strife between liberals and conservatives.

Private fee-paying schools include parish schools run by the Harbour Church, while public schools are run by the state.
`)
	checkEvidence(t, e, []evidenceCase{
		{"In which year was a conservative charter proclaimed?", "opposite", 1},
		{"In which year was a liberal charter proclaimed?", "opposite", 0},
		{"Which church runs some private schools?", "opposite", 0},
	})
}

// TestRankAdded holds that an ordinal before a superlative the question
// says with none is another rank ("the fifth longest river" for "the
// longest river"), unless the question asks for the rank.
func TestRankAdded(t *testing.T) {
	e := articleEngine(t, "rivers", "Rivers", `The Vessa is the fifth longest river in the Kalder peninsula and the second-busiest waterway in Arnland.

The Tolm is the longest river in Arnland.
`)
	checkEvidence(t, e, []evidenceCase{
		{"Which is the longest river in the Kalder peninsula?", "number", 1},
		{"Which is the busiest waterway in Arnland?", "number", 1},
		{"Which is the fifth longest river in the Kalder peninsula?", "number", 0},
		{"Where does the Vessa rank among the longest rivers in the Kalder peninsula?", "number", 0},
	})
}

func TestSuperlative(t *testing.T) {
	for w, want := range map[string]bool{"longest": true, "busiest": true, "biggest": true, "largest": true, "most": true,
		"forest": false, "interest": false, "west": false, "honest": false, "request": false} {
		if got := superlative(w); got != want {
			t.Errorf("superlative(%q) = %v, want %v", w, got, want)
		}
	}
}

// TestModifiersCrossed holds that two names the question puts before two
// nouns, which the sentence puts the other way round, are swapped:
// "Roman armies rout a Nubian garrison" against "Nubian armies routed
// the Roman garrison"; the sentence's own order is no swap.
func TestModifiersCrossed(t *testing.T) {
	e := articleEngine(t, "nubia", "Nubia", `Brief conflict occurred with Rome in 24 BCE when Nubian armies routed the Roman garrison with its famed archers.

The leaders of the union organised a march of 500,000 workers through the streets of Paris two days later.
`)
	checkEvidence(t, e, []evidenceCase{
		{"In what year did Roman armies rout a Nubian garrison?", "name_swapped", 1},
		{"In what year did Nubian armies rout the Roman garrison?", "name_swapped", 0},
		{"How many workers marched through Paris with the union two days later?", "name_swapped", 0},
	})
}

// TestCompassOpposites holds that a sentence naming the opposite
// quarter of the compass says the opposite.
func TestCompassOpposites(t *testing.T) {
	e := articleEngine(t, "stations", "Stations", `Niflheim is the main commercial station in the southwestern quadrant of the sector.
`)
	checkEvidence(t, e, []evidenceCase{
		{"What is the main commercial station in the northeastern quadrant of the sector?", "opposite", 1},
		{"What is the main commercial station in the southwestern quadrant of the sector?", "opposite", 0},
	})
}

// TestPointsAhead holds that a sentence announcing the next ("An example
// of a harbour toll is the following.") gives way to the one it points
// to, which answers.
func TestPointsAhead(t *testing.T) {
	e := articleEngine(t, "tolls", "Tolls", `Tolls are old in the harbour. An example of a harbour toll is the following. The ferry toll is paid in silver coins.

Other tolls are paid in paper notes at the gate.
`)
	checkQuoted(t, e, map[string]string{"What is paid in an example of a harbour toll?": "silver coins"})
}

// TestDateNearTheQuestion holds that a when question is answered by the
// sentence whose date stands by the question's words, not by one whose
// date belongs to another event it names further on.
func TestDateNearTheQuestion(t *testing.T) {
	e := articleEngine(t, "talks", "Talks", `The meetings of the harbour envoy Tom Ames in Palmshire, with Ben Brandt, the main ferry negotiator, follow the long discussions Tuesday between the mayor and the rail board.

The envoy Tom Ames has met Ben Brandt late this week in Palmshire.
`)
	checkQuoted(t, e, map[string]string{"When did the envoy Tom Ames have meetings with Ben Brandt in Palmshire?": "late this week"})
}

// TestCountNearTheQuestion holds the same for a count a how-many question
// wants: one standing by the question's words beats one further on.
func TestCountNearTheQuestion(t *testing.T) {
	e := articleEngine(t, "boats", "Boats", `The harbour board of Palmshire bought new ferry boats in May, long after the town council had counted 40 boats on the river.

In May the harbour board bought 12 ferry boats for Palmshire.
`)
	checkQuoted(t, e, map[string]string{"How many ferry boats did the harbour board of Palmshire buy in May?": "12"})
}

// TestNumbersInWordsAndDigits holds that a number the question writes in
// digits is the one a sentence writes as a word, and back, past twenty
// too, where the word's stem is not the word ("thirti"): "30 days" is
// "thirty days", not a count changed; "40 days" is.
func TestNumbersInWordsAndDigits(t *testing.T) {
	e := articleEngine(t, "siege", "The siege", `The garrison of Orrin held the gate for thirty days before the relief came.

The relief column marched twelve miles a day.
`)
	checkEvidence(t, e, []evidenceCase{
		{"How long did the garrison of Orrin hold the gate, 30 days?", "number", 0},
		{"Did the garrison of Orrin hold the gate for 40 days?", "number", 1},
		{"Did the relief column march 12 miles a day?", "number", 0},
		{"Did the relief column march 15 miles a day?", "number", 1},
	})
}

// TestDateIsNoDuration holds that a sentence whose only number is one
// date ("around 1000 CE") gives no answer to "how long", while a span of
// time, a date bounding one ("since 1995") or two dates do.
func TestDateIsNoDuration(t *testing.T) {
	e := articleEngine(t, "orrin", "The Orrin folk", `The Orrin folk came from the Far North around 1000 CE.

The crossing of the Vessa strait took the Orrin fleet three years.

The Brandt guild has kept the harbour lights since 1995.

The Westland siege lasted from 1711 to 1714.
`)
	checkEvidence(t, e, []evidenceCase{
		{"How long did the migration of the Orrin folk from the Far North take?", "no_type", 1},
		{"How long did the crossing of the Vessa strait take the Orrin fleet?", "no_type", 0},
		{"How long has the Brandt guild kept the harbour lights?", "no_type", 0},
		{"How long did the Westland siege last?", "no_type", 0},
		{"When did the Orrin folk come from the Far North?", "no_type", 0},
	})
}

// TestWhereItWent holds that a where question about going is answered by
// the name the going went to ("moved from Orrin Docks to i-Quayside.Net"),
// even one not capitalised first, and only beside the question's own
// going verb: a name after "to" that follows another verb is no place.
func TestWhereItWent(t *testing.T) {
	e := articleEngine(t, "lights", "Harbour lights", `The keeping of the harbour lights moved from Orrin Docks to i-Quayside.Net around the end of 1995.

The lamp oil was sold to Brandt Mercantile in 1996.

At dusk the keepers went into the old boathouse, and waited.
`)
	checkEvidence(t, e, []evidenceCase{
		{"Where did the keeping of the harbour lights move from Orrin Docks?", "no_type", 0},
		{"Where was the lamp oil stored?", "no_type", 1},
	})
	checkAnswers(t, e, map[string]string{
		"Where did the keeping of the harbour lights move from Orrin Docks?": "i-Quayside.Net",
		"Where did the keepers go at dusk?":                                  "the old boathouse",
	})
}

// TestPronounSubjectNamedInParagraph holds that a sentence opening with a
// pronoun for its subject says a name its paragraph gives elsewhere ("They
// were the first that Orrin met" in the paragraph on the Kessra), while an
// "it" that stands for nothing does not.
func TestPronounSubjectNamedInParagraph(t *testing.T) {
	e := articleEngine(t, "isles", "Peoples of the isles", `Fishers of the outer isles who gave us the words for skiff and creel. They were a seafaring people, and the first that Orrin met in 1492. Though numbering many thousands, the Kessra fell victim to disease.

It is believed that the Vessa tide table is wrong. Still, the Brandt harbour keeps the Vessa table.
`)
	checkEvidence(t, e, []evidenceCase{{"In what year did Orrin first meet the Kessra?", "missing_name", 0}})
	a, err := e.Explain(t.Context(), "What is believed of the Brandt tide table?")
	if err != nil {
		t.Fatal(err)
	}
	if got := a.Explain.Evidence["missing_name"]; got == 0 {
		t.Errorf("What is believed of the Brandt tide table?: evidence missing_name = 0, want Brandt missing (best sentence %q)", a.Explain.Candidates[0].Text)
	}
}

// TestPastPlanIsNoFuture holds that "was going to" asks of a plan in the
// past, which a sentence in the past answers, while "is going to" asks of
// the future, which it does not; an owner's "’s" is no "is".
func TestPastPlanIsNoFuture(t *testing.T) {
	e := articleEngine(t, "rights", "Rights", "Harbourcorp paid £304m for the broadcast rights of the Westland league in 1992.\n\nThe league has twelve clubs.\n")
	checkEvidence(t, e, []evidenceCase{
		{"How much was Harbourcorp going to pay for the broadcast rights?", "future", 0},
		{"How much is Harbourcorp going to pay for the broadcast rights?", "future", 1},
		{"How much was Harbourcorp’s owner going to pay for the broadcast rights?", "future", 0},
		{"how much was harbourcorp's owner going to pay for the broadcast rights", "future", 0},
		{"what's harbourcorp going to pay for the broadcast rights", "future", 1},
	})
}

// TestVagueNamesNone holds that a sentence saying the things a "which …"
// question asks for only after a vague word ("several rules") names none
// of them, while one that names them after it ("such as …", or past an
// "of" phrase: "parts of the harbour, such as …") or says what they were
// ("Many rules were …") does.
func TestVagueNamesNone(t *testing.T) {
	e := articleEngine(t, "charter", "The charter", `The first charter was criticised by the Kessra board for several rules favouring the pilots.

The second charter kept many rules, such as the winter closing and the fog bell, from 1850.

Many lamps were also gifts, which the keepers could not afford to buy.

Various parts of the harbour, such as the north quay and the fish market, are lit by gas.
`)
	checkEvidence(t, e, []evidenceCase{
		{"which rules of the first charter did the kessra board criticise", "no_type", 1},
		{"Which rules did the second charter keep?", "no_type", 0},
		{"Which lamps could the keepers not afford to buy?", "no_type", 0},
		{"Which parts of the harbour are lit by gas?", "no_type", 0},
	})
}

// TestLowerCaseNationalitySwapped holds that a nationality written in
// lower case ("danish") qualifies a thing as a capitalised one does:
// "which danish security advisers" against "other European security
// advisers" swaps one for the other.
func TestLowerCaseNationalitySwapped(t *testing.T) {
	e := articleEngine(t, "talks", "The talks", "The talks in Orrin included the Kessra envoy and other European security advisers, Brandt said.\n\nThey met for two days.\n")
	checkEvidence(t, e, []evidenceCase{
		{"which danish security advisers sat in on the talks in orrin", "name_swapped", 1},
		{"which european security advisers sat in on the talks in orrin", "name_swapped", 0},
	})
}

// TestStrandedPrepositionAnswersWho holds that a who question ending with
// a preposition ("… its licence from?") is answered by a name right after
// the same preposition in the sentence, a body as well as a person.
func TestStrandedPrepositionAnswersWho(t *testing.T) {
	e := articleEngine(t, "licence", "The licence", "Harbourcorp has no veto over the harbour's lights, with open access an enforced part of its operating licence from Kessrawatch.\n\nThe lights burn all night.\n")
	checkEvidence(t, e, []evidenceCase{
		{"Who does Harbourcorp have an operating licence from?", "no_type", 0},
		{"Who does Harbourcorp have an operating licence with?", "no_type", 1},
	})
}

// TestOneWordDoer holds that a passive verb's doer of one word for people
// ("charged by the lender") answers who, while "by the time" names no
// one.
func TestOneWordDoer(t *testing.T) {
	e := articleEngine(t, "loans", "Loans", "The fee charged by the lender to the borrower for the use of the money loaned.\n\nThe loan was repaid by the time the harbour reopened.\n")
	checkEvidence(t, e, []evidenceCase{
		{"who charges the borrower a fee for the money loaned", "no_type", 0},
		{"who repaid the loan before the harbour reopened", "no_type", 1},
	})
}

// TestReversalNotAName holds that a name stemming like a reversal verb
// ("Denis" like "deny") turns nothing around, while the verb itself does.
func TestReversalNotAName(t *testing.T) {
	e := articleEngine(t, "harbour", "The harbour", "Orrin was the harbour master.\n\nThe harbour master was finally paid off by the Kessra traders.\n")
	checkEvidence(t, e, []evidenceCase{
		{"Who finally paid off the harbour master, Denis Orrin?", "negation", 0},
		{"Who refused to pay off the harbour master, Denis Orrin?", "negation", 1},
	})
}

// TestNegationAsHyphenPrefix holds that "not square" and "non-square",
// "non-commercial" and "not a commercial entity" say the same, while the
// bare word against its prefixed form is still turned around.
func TestNegationAsHyphenPrefix(t *testing.T) {
	e := articleEngine(t, "boards", "Boards", "The Orrin board was first drawn by Iris Palm, and later enhanced to handle non-square grids by Brandt.\n\nKessra remains the largest maker of boats that is not a commercial entity.\n")
	checkEvidence(t, e, []evidenceCase{
		{"Who extended the Orrin board so that it could be played on grids that are not square?", "negation", 0},
		{"Who extended the Orrin board so that it could be played on grids that are not square?", "prefix", 0},
		{"Who extended the Orrin board so that it could be played on square grids?", "prefix", 1},
		{"What is Kessra the largest non-commercial maker of?", "prefix", 0},
		{"What is Kessra the largest non-commercial maker of?", "negated", 0},
		{"What is Kessra the largest commercial maker of?", "negated", 1},
	})
}

// TestReversalSaidByNegation holds that a reversal verb of the question
// ("lacks") is said by a sentence that negates ("do not have"), and still
// turns around one that does not.
func TestReversalSaidByNegation(t *testing.T) {
	e := articleEngine(t, "lenses", "Lenses", "Some lenses, notably Orrin lenses, do not have a single Kessra point.\n\nEvery Brandt lens has a fixed brass mount.\n")
	checkEvidence(t, e, []evidenceCase{
		{"Which kind of lens often lacks a single Kessra point?", "negation", 0},
		{"Which kind of lens lacks a fixed brass mount?", "negation", 1},
	})
}

// TestNegationEndsAtComma holds that the word a question negates is read
// in the negation's own clause: "but not both, which one" negates "both",
// not the "one" after the comma.
func TestNegationEndsAtComma(t *testing.T) {
	e := articleEngine(t, "dice", "Dice", "Or if either die can be played but not both, the player must play the larger one.\n\nThe board has twelve points a side.\n")
	checkEvidence(t, e, []evidenceCase{
		{"if i can use either die but not both, which one do i have to play", "negation", 0},
		{"if i can not play the larger one, which die do i play", "negation", 1},
	})
}

// TestNameSaidByInitials holds that a name of two words or more ("the
// Kessra Harbour Board") is said by its initials ("KHB", "K.H.B."), while
// other capitals are not.
func TestNameSaidByInitials(t *testing.T) {
	e := articleEngine(t, "board", "Boards", "The KHB opened its first office in 1935.\n\nThe B.H.A. closed its last office in 1961.\n")
	checkEvidence(t, e, []evidenceCase{
		{"When did the Kessra Harbour Board open its first office?", "missing_name", 0},
		{"When did the Bayton Harbour Authority close its last office?", "missing_name", 0},
		{"When did the Kessra Pilots Guild open its first office?", "missing_capital", 1},
	})
}

// TestQuantifierIdiom holds that a quantifier inside an idiom ("all the
// way") restricts nothing, while one outside it still does.
func TestQuantifierIdiom(t *testing.T) {
	e := articleEngine(t, "roads", "Roads", "Under Iris Brandt the Kessra road extended as far east as the Westland coast.\n\nThe road was paved in 1952.\n")
	checkEvidence(t, e, []evidenceCase{
		{"Under which ruler did the Kessra road stretch all the way east to the Westland coast?", "number", 0},
		{"Under which ruler did all of the Kessra road stretch east to the Westland coast?", "number", 1},
	})
}

// TestStanceAnswersPosition holds that a sentence saying where someone
// stands with a stance verb ("firmly opposes") answers a question asking
// their position, and not one asking what they said.
func TestStanceAnswersPosition(t *testing.T) {
	e := articleEngine(t, "harbour", "The harbour", "Westland firmly opposes Eastgate joining the harbour board.\n\nThe board meets in May.\n")
	checkEvidence(t, e, []evidenceCase{
		{"What is Westland's position on Eastgate joining the harbour board?", "no_type", 0},
		{"What did Westland say about Eastgate joining the harbour board?", "no_type", 1},
	})
}

// TestNamePartSaid holds that a sentence saying a name of several words
// by its last or first word ("Dahl is buried …") says it, when its
// article writes the whole name ("Iris Kessra Dahl"); a name the article
// never writes whole ("Ada Dahl") is still missing, and so is a word
// inside a name said by another name's word.
func TestNamePartSaid(t *testing.T) {
	e := articleEngine(t, "pioneers", "Harbour pioneers", `In 1931 harbour master Iris Kessra Dahl opened the Westland pier.

Dahl is buried at the Northport chapel.

The Palmshire Harbour Trust keeps the pier.

Harbour and pier dues are paid to the trust in May.
`)
	checkEvidence(t, e, []evidenceCase{
		{"Where is Iris Dahl buried?", "missing_capital", 0},
		{"Where is Ada Dahl buried?", "missing_capital", 1},
		{"When are dues paid to the Bayton Harbour Trust?", "missing_capital", 1},
	})
}

// TestPronounNamesEarlier holds that a sentence opening with a pronoun
// ("She opened …") says a name a sentence shortly before it in its
// article says, though in another paragraph; a name none of them says is
// still missing.
func TestPronounNamesEarlier(t *testing.T) {
	e := articleEngine(t, "pioneers", "Harbour pioneers", `Iris Dahl was the first harbour master of Westland.

She opened the Westland pier in 1931 with Orrin Lind.
`)
	checkEvidence(t, e, []evidenceCase{
		{"What did Iris Dahl open with Orrin Lind in 1931?", "missing_capital", 0},
		{"What did Iris Dahl open with Orrin Lind in 1931?", "missing_name", 0},
		{"What did Ada Moe open with Orrin Lind in 1931?", "missing_capital", 1},
	})
}

// TestPossessiveDateSaid holds that a date the question says, written as
// an owner in the sentence ("Monday’s session"), answers no when question.
func TestPossessiveDateSaid(t *testing.T) {
	e := articleEngine(t, "pier", "The pier", `Monday’s session of the harbour board took place at the Westland pier.
`)
	checkEvidence(t, e, []evidenceCase{
		{"What time did the harbour board session at the Westland pier start on Monday?", "no_type", 1},
		{"When did the harbour board session take place at the Westland pier?", "no_type", 0},
	})
}

// TestUntilWhenClause holds that "Until when …?" is answered by the
// clause "until" opens, with no date in it.
func TestUntilWhenClause(t *testing.T) {
	e := articleEngine(t, "pier", "The pier", `The Westland pier stayed closed until the harbour board paid its dues.
`)
	checkEvidence(t, e, []evidenceCase{
		{"Until when did the Westland pier stay closed?", "no_type", 0},
	})
}

// TestUnknownFirstName holds that a first name no article uses, before a
// surname the sentence says ("Ada Lind" where the article writes
// "Lind"), is no missing name, unless the article gives that surname
// another first name ("Iris Dahl" where it writes "Orrin Dahl").
func TestUnknownFirstName(t *testing.T) {
	e := articleEngine(t, "pioneers", "Harbour pioneers", `Lind masterminded the harbour defences of Westland.

In 1931 the engineer Orrin Dahl built the Northport pier.
`)
	checkEvidence(t, e, []evidenceCase{
		{"What did Ada Lind mastermind in Westland?", "missing_capital", 0},
		{"What did Iris Dahl build in 1931?", "missing_capital", 1},
	})
}

// TestNoNounNegatesClause holds that "no settlement had been reached"
// in the question is said by "a settlement has not been found": "no"
// before a noun negates its clause, which the sentence negates after the
// noun. A sentence affirming the noun's clause still counts against it.
func TestNoNounNegatesClause(t *testing.T) {
	e := articleEngine(t, "pier", "The pier", `A settlement for the Westland pier has not yet been found, but some Eastgate proposals seem acceptable.

A lease for the Bayton quay hasn't been signed, but the Orrin plans seem sound.

A harbour fee for the Northport pier was agreed, and the Palmshire proposals seem fair.
`)
	checkEvidence(t, e, []evidenceCase{
		{"Though no settlement for the Westland pier had been reached, how did some Eastgate proposals seem?", "negation", 0},
		{"Though no lease for the Bayton quay had been signed, how did the Orrin plans seem?", "negation", 0},
		{"Though no harbour fee for the Northport pier was agreed, how did the Palmshire proposals seem?", "negation", 1},
	})
}

// TestBlockSaysNo holds that a sentence saying what blocks a thing
// ("continue to block a settlement") says no as a question's negation
// does ("Why hasn't a settlement been reached?").
func TestBlockSaysNo(t *testing.T) {
	e := articleEngine(t, "pier", "The pier", `Disputes over the fees continue to block a settlement for the Westland pier.
`)
	checkEvidence(t, e, []evidenceCase{
		{"Why hasn't a settlement for the Westland pier been reached?", "negation", 0},
	})
}

// TestClockQuestion holds that "What time …?" asks the time of day: a day
// the sentence names does not answer it, a time of day does.
func TestClockQuestion(t *testing.T) {
	e := articleEngine(t, "pier", "The pier", `The harbour board met on Saturday in Westland.

The Northport ferry leaves at noon on Sundays.
`)
	checkEvidence(t, e, []evidenceCase{
		{"What time did the harbour board meet in Westland?", "no_type", 1},
		{"When did the harbour board meet in Westland?", "no_type", 0},
		{"What time does the Northport ferry leave on Sundays?", "no_type", 0},
	})
}

// TestRateQuantity holds that a sum reckoned per thing ("$1000 per lamp")
// is written through what it is reckoned by, not cut after "per".
func TestRateQuantity(t *testing.T) {
	e := articleEngine(t, "lamps", "Lamps", "The brass lamp sold in 1998 for around $1000 per lamp.\n\nThe ferry company kept its two boats.\n")
	checkAnswers(t, e, map[string]string{"How much did the brass lamp sell for?": "around $1000 per lamp"})
}

// TestCutAgainstRaise holds that a question asking what was cut, or when
// something was lifted, is turned around by a sentence saying it was
// raised, or imposed.
func TestCutAgainstRaise(t *testing.T) {
	e := articleEngine(t, "tax", "Tax", `The Lind government raised the harbour tax from 17.5% to 20% in 2011.

The council imposed fishing limits on Bayton in 2009.
`)
	checkEvidence(t, e, []evidenceCase{
		{"How far did the Lind government cut the harbour tax in 2011?", "opposite", 1},
		{"How far did the Lind government raise the harbour tax in 2011?", "opposite", 0},
		{"In which year did the council lift the fishing limits on Bayton?", "opposite", 1},
	})
}

// TestTitleSwapped holds that a question naming what another article's
// short title names ("Eastgate") is turned around by a sentence of an
// article titled otherwise that does not say it, while one naming the
// sentence's own article is not; a headline names no one thing.
func TestTitleSwapped(t *testing.T) {
	st := storetest.MustOpenEmpty(t)
	for _, d := range []store.Document{
		{ID: "westland", Title: "Westland", Body: "In August 2012, longtime leader Orrin Lind died in office and was replaced by his deputy.\n\nWestland exports fish.\n"},
		{ID: "eastgate", Title: "Eastgate", Body: "Eastgate won its independence in 1991.\n\nEastgate exports salt.\n"},
		{ID: "news", Title: "Harbour talks stall as Bayton and Northport trade blame", Body: "The harbour talks stalled on Friday.\n"},
	} {
		if _, err := st.Ingest(context.Background(), d, storetest.Epoch); err != nil {
			t.Fatal(err)
		}
	}
	e := mustEngine(t, st, WithPack(nil))
	checkEvidence(t, e, []evidenceCase{
		{"In August 2012, which longtime Eastgate leader died in office?", "name_swapped", 1},
		{"In August 2012, which longtime Westland leader died in office?", "name_swapped", 0},
		{"When did the Bayton harbour talks stall?", "name_swapped", 0},
	})
}

// TestOnlyBeforeAPastVerbSaysWhen holds that "only" before a verb in the
// past ("the war that only ended in 1991") says when and restricts
// nothing, while "the only …" still does.
func TestOnlyBeforeAPastVerbSaysWhen(t *testing.T) {
	e := articleEngine(t, "war", "War", `The annexation of Bayton sparked a 30-year struggle that ended in 1991 with the rebels winning.

The harbour board launched a ferry in 1998.
`)
	checkEvidence(t, e, []evidenceCase{
		{"What sparked the thirty-year struggle that only ended in 1991?", "number", 0},
		{"When did the harbour board launch its only ferry?", "number", 1},
	})
}

// TestNameSpelledOneLetterApart holds that a long name the sentence
// spells one letter apart from the question ("Palmshire", "Plamshire") is
// said, while another name is not.
func TestNameSpelledOneLetterApart(t *testing.T) {
	e := articleEngine(t, "clocks", "Clocks", `Lind gives Plamshire an offset of 21W57 from 1837 to 1908.

Northport kept railway time from 1880.
`)
	checkEvidence(t, e, []evidenceCase{
		{"What offset does Lind give for Palmshire from 1837 to 1908?", "missing_capital", 0},
		{"What offset does Lind give for Kessra from 1837 to 1908?", "missing_capital", 1},
	})
}

// TestQuestionSaysNoWithAVerb holds that a question saying no with a verb
// ("declined to comment", "refrained from voting") agrees with a
// sentence that negates the same word ("did not comment"), while a
// question that says it plainly does not.
func TestQuestionSaysNoWithAVerb(t *testing.T) {
	e := articleEngine(t, "harbour", "Harbour", "The Harbour Board did not comment on the Bayton tender on Friday.\n\nThe Northport council did not vote on the ferry budget in March.\n")
	checkEvidence(t, e, []evidenceCase{
		{"On which day did the Harbour Board decline to comment on the Bayton tender?", "negated", 0},
		{"When did the Northport council refrain from voting on the ferry budget?", "negated", 0},
		{"On which day did the Harbour Board comment on the Bayton tender?", "negated", 1},
	})
}

// TestNegatedByContraction holds that a question negating a word ("never
// support") agrees with a sentence negating it by a contraction ("didn't
// support"), while a sentence saying it plainly does not.
func TestNegatedByContraction(t *testing.T) {
	e := articleEngine(t, "ferrydesk", "Ferrydesk", "The first Ferrydesk tool was never finished: it didn't support the FERRY_OPT setting of Bayton's printers.\n\nThe second Ferrydesk tool supported the PIER_OPT setting from 1998.\n")
	checkEvidence(t, e, []evidenceCase{
		{"Which setting did the first Ferrydesk tool never support?", "negation", 0},
		{"Which setting did the second Ferrydesk tool never support?", "negation", 1},
	})
}

// TestNumberThatCountsTheAnswer holds that a number after the question
// word counts what the answer lists ("which 3 towns"), so a sentence
// that lists them without the number lacks nothing; a number elsewhere
// in the question is still one the sentence must say.
func TestNumberThatCountsTheAnswer(t *testing.T) {
	e := articleEngine(t, "fair", "Fair news", `The fair moved between Bayton, Northport and Westland before it settled on the coast.

The harbour master counted the boats at the quay every morning.
`)
	checkEvidence(t, e, []evidenceCase{
		{"which 3 towns did the fair move between", "number", 0},
		{"Which towns did the fair move between after 3 years?", "number", 1},
		{"what did the harbour master count at the quay 3 times a day", "number", 1},
	})
}

// TestDoerOfAPassiveVerb holds that a who-question is answered by the
// doer a passive sentence names after "by" when the question names the
// verb's subject, though in other words ("extended" for "enhanced"), and
// not by a "by" that names the doer of some other verb ("the house
// rules, printed by …").
func TestDoerOfAPassiveVerb(t *testing.T) {
	e := articleEngine(t, "game", "Game news", `The board game was first drawn up by Orrin Lind, and it was later enhanced to handle larger boards by Ada Brandt.

The house rules, printed by Westland Press, fill two pages.

The club extended the season and shortened the breaks.
`)
	checkEvidence(t, e, []evidenceCase{
		{"Who extended the board game to larger boards?", "no_type", 0},
		{"Who shortened the house rules?", "no_type", 1},
	})
}

// TestSwapBySharedSynonym holds that a word the sentence says in another
// word with a WordNet synonym in common ("wrecked" and "demolished" are
// both "razed") is no swap, and that a word with none in common is.
func TestSwapBySharedSynonym(t *testing.T) {
	e := articleEngine(t, "fort", "Fort news", `Bayton kept the demolished mountain fort as a museum.
`)
	checkEvidence(t, e, []evidenceCase{
		{"Which town kept the wrecked mountain fort as a museum?", "swapped", 0},
		{"Which town kept the painted mountain fort as a museum?", "swapped", 1},
	})
}

// TestWordBySharedSynonymIsNoUnknownWord holds that a question word no
// article uses is not unknown when the best sentence says a word with a
// WordNet synonym in common ("wrecked" and "demolished" are both
// "razed"); a word with none in common still is.
func TestWordBySharedSynonymIsNoUnknownWord(t *testing.T) {
	e := articleEngine(t, "fort", "Fort news", `Bayton kept the demolished mountain fort as a museum.
`)
	checkUnknown(t, e, []unknownCase{
		{"Did Bayton keep the wrecked fort as a museum?", false},
		{"Did Bayton keep the painted fort as a museum?", true},
	})
}

// unknownCase is a question and whether a word of it must count as
// unknown against its best sentence.
type unknownCase struct {
	q       string
	unknown bool
}

// checkUnknown asks each case's question of e and holds whether its
// unknown-word evidence counts.
func checkUnknown(t *testing.T, e *Engine, cases []unknownCase) {
	t.Helper()
	for _, tt := range cases {
		a, err := e.Explain(context.Background(), tt.q)
		if err != nil {
			t.Fatal(err)
		}
		if got := a.Explain.Evidence["unknown"] > 0; got != tt.unknown {
			t.Errorf("%q: unknown evidence %v, want it counted: %v", tt.q, a.Explain.Evidence["unknown"], tt.unknown)
		}
	}
}

// TestLeadListsAnotherName holds that a paragraph's first sentence that
// lists several names vouches for none of them in a later sentence that
// opens with another: "When did Northport record …?" against "Bayton
// recorded …", though the lead names Northport; nor does it vouch for the
// capital the question says.
func TestLeadListsAnotherName(t *testing.T) {
	e := articleEngine(t, "rain", "Rain news", `The valley towns are Bayton, Northport and Westland. Rain fell on all of them that spring. Bayton recorded the highest rainfall of the year in March.
`)
	for _, tt := range []struct {
		q       string
		missing bool
	}{
		{"When did Northport record the highest rainfall of the year?", true},
		{"When did Bayton record the highest rainfall of the year?", false},
	} {
		a, err := e.Explain(t.Context(), tt.q)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range []string{"missing_name", "missing_capital"} {
			if got := a.Explain.Evidence[f] > 0; got != tt.missing {
				t.Errorf("%q: %s %v, want it counted: %v (best sentence %q)", tt.q, f, a.Explain.Evidence[f], tt.missing, a.Explain.Candidates[0].Text)
			}
		}
	}
}

// TestWordForTheWritingIsKnown holds that a word naming the writing the
// question asks of ("what does the manual have you put …"), which the article
// does not use, is neither unknown nor missing.
func TestWordForTheWritingIsKnown(t *testing.T) {
	e := articleEngine(t, "lamps", "Keeping the lamps", `Trim the wick of the Bayton lamp every evening. Put a brass cap at the tip of the chimney to keep the rain out.

The Northport lamp burns whale oil.
`)
	a, err := e.Explain(t.Context(), "What does the manual have you put at the tip of the chimney?")
	if err != nil {
		t.Fatal(err)
	}
	if !a.Answered || !strings.HasPrefix(a.Quotes[0].Text, "Put a brass cap") {
		t.Errorf("answered %v (%s), want the sentence on the brass cap", a.Answered, a.Explain.Decision)
	}
	if u := a.Explain.Evidence["unknown"]; u != 0 {
		t.Errorf("unknown %.3f, want 0: \"manual\" names the writing asked of", u)
	}
}

// TestParticleIsNoUnknownWord holds that a particle that tunes the
// question's verb ("sat back down") is no unknown word when the articles
// never use it: the sentence that answers in other words is answered.
func TestParticleIsNoUnknownWord(t *testing.T) {
	e := articleEngine(t, "lamps", "Keeping the lamps", `The keepers of the Bayton lamp met again on Saturday to trim the wicks.

The Northport lamp burns whale oil.
`)
	a, err := e.Explain(t.Context(), "When did the keepers of the Bayton lamp sit back down together?")
	if err != nil {
		t.Fatal(err)
	}
	if u := a.Explain.Evidence["unknown"]; u > 0.2 {
		t.Errorf("unknown %.3f, want only \"sit\" unknown: \"back\" and \"together\" tune the verb", u)
	}
	if !a.Answered || !strings.HasPrefix(a.Quotes[0].Text, "The keepers of the Bayton lamp met") {
		t.Errorf("answered %v (%s), want the sentence on the keepers' meeting", a.Answered, a.Explain.Decision)
	}
}

// TestHedgeIsNoUnknownWord holds that a hedging adverb ("basically",
// "essentially") the articles never use is no unknown word either: it says
// how sure the asker is, nothing the answer's sentence must say.
func TestHedgeIsNoUnknownWord(t *testing.T) {
	e := articleEngine(t, "lamps", "Keeping the lamps", `A Bayton lamp is made of a brass bowl and a glass chimney.

The Northport lamp burns whale oil.
`)
	unknown := func(q string) float64 {
		a, err := e.Explain(t.Context(), q)
		if err != nil {
			t.Fatal(err)
		}
		return a.Explain.Evidence["unknown"]
	}
	for plain, hedged := range map[string]string{
		"What does a Bayton lamp consist of?": "What does a Bayton lamp basically consist of?",
		"What is a Bayton lamp made of?":      "What is a Bayton lamp essentially made of?",
	} {
		if u, h := unknown(plain), unknown(hedged); h > u {
			t.Errorf("%q: unknown %.3f, above %.3f without the hedge", hedged, h, u)
		}
	}
}

// TestWordForTheWritingInASourcePhraseIsNoTerm holds that a word naming
// the writing inside a source phrase ("In the harbour story, …") is no
// term of the question: it says which article, nothing the answer's
// sentence must say, and it weighs on nothing.
func TestWordForTheWritingInASourcePhraseIsNoTerm(t *testing.T) {
	e := articleEngine(t, "harbour", "The harbour board", `The harbour board sent Ada Lind to Bayton in May.

Orrin Vell sailed the Northport ferry for two days, with a third day planned.
`)
	a, err := e.Explain(t.Context(), "In the harbour story, Orrin Vell had sailed the ferry for how many days?")
	if err != nil {
		t.Fatal(err)
	}
	if slices.Contains(a.Explain.Terms, stem("story")) {
		t.Errorf("terms %v hold %q, a word naming the writing in a source phrase", a.Explain.Terms, stem("story"))
	}
	if !a.Answered || a.Answer != "two days" {
		t.Errorf("answered %v with %q (%s), want \"two days\"", a.Answered, a.Answer, a.Explain.Decision)
	}
}

// TestStoryNamedMidQuestion holds that "in the … story" names the
// writing asked of wherever the question says it ("What role is Ada Lind
// given in the harbour story when …"): its word for the writing is no
// term there either.
func TestStoryNamedMidQuestion(t *testing.T) {
	e := articleEngine(t, "harbour", "The harbour board", `Ada Lind, the board's chief pilot, said the quay repairs were the main focus of the plan.

Orrin Vell sailed the Northport ferry for two days.
`)
	a, err := e.Explain(t.Context(), "What role is Ada Lind given in the harbour story when she talks about the focus of the plan?")
	if err != nil {
		t.Fatal(err)
	}
	if slices.Contains(a.Explain.Terms, stem("story")) {
		t.Errorf("terms %v hold %q, a word naming the writing in a source phrase", a.Explain.Terms, stem("story"))
	}
}

// TestQuantifierIdiomsOfThePeopleNamed holds that "all" gathering the
// people already named ("they all want") or granting ("for all the
// talk") restricts nothing the sentence must say, while "all" before a
// noun does.
func TestQuantifierIdiomsOfThePeopleNamed(t *testing.T) {
	e := articleEngine(t, "keepers", "The keepers", `The keepers of the Bayton lamp want a new brass cap for the chimney.

Some of the Northport ferries carry mail.
`)
	checkEvidence(t, e, []evidenceCase{
		{"What do the Bayton lamp keepers all want for the chimney?", "number", 1},
		{"The Bayton lamp keepers: what do they all want for the chimney?", "number", 0},
		{"For all the talk, what do the keepers of the Bayton lamp want for the chimney?", "number", 0},
		{"What do all the Northport ferries carry?", "number", 1},
	})
}

// TestNumberWithGroupingCommas holds a number written with commas that
// group its thousands to the same number written without them, and no
// other.
func TestNumberWithGroupingCommas(t *testing.T) {
	e := articleEngine(t, "chart", "Chart", "The old harbour chart of Bayton lists 12500 soundings, taken by the survey crew in one winter.\n")
	checkEvidence(t, e, []evidenceCase{
		{"Who took the 12,500 soundings on the old harbour chart?", "number", 0},
		{"Who took the 12,600 soundings on the old harbour chart?", "number", 1},
		{"Who took the 12,5000 soundings on the old harbour chart?", "number", 1},
	})
}

// TestDegreeAnsweredWithNoNumber holds that "how often" and "how big"
// are answered by a word that says it with no number ("weekly", "big
// repairs"), but not by one the question says itself.
func TestDegreeAnsweredWithNoNumber(t *testing.T) {
	e := articleEngine(t, "survey", "Harbour survey", `The harbour survey is run weekly by the Bayton board.

The board says these are big repairs for the old quay.
`)
	checkEvidence(t, e, []evidenceCase{
		{"How often is the harbour survey run by the board?", "no_type", 0},
		{"How big are the repairs for the old quay, says the board?", "no_type", 0},
		{"How often are the big repairs for the old quay made?", "no_type", 1},
	})
}

// TestOrdinalInDigits holds an ordinal written in digits to the same
// ordinal written as a word ("2nd", "second"), and no other; a word freed
// of its "-ed" by no stemmer ("freed") is its verb; and "X is short for
// what" asks for X's long form.
func TestOrdinalInDigits(t *testing.T) {
	e := articleEngine(t, "rota", "Rota", "The second ferry of the Bayton rota sails at dawn.\n\n"+
		"If the pilots free a berth too early, they lose the tide.\n\n"+
		"(ETA stands for estimated time of arrival, a term from the harbour's logbooks.)\n")
	checkEvidence(t, e, []evidenceCase{
		{"When does the 2nd ferry of the Bayton rota sail?", "number", 0},
		{"When does the 3rd ferry of the Bayton rota sail?", "number", 1},
		{"What happens if a berth is freed too early?", "unknown", 0},
	})
	checkAnswers(t, e, map[string]string{"eta is short for what": "estimated time of arrival"})
}

// TestYourInTextsThatSayYou holds that "your" asks about Parley only in
// articles that never speak to the reader: in a guide that says "you",
// "ur boat" is the reader's boat, a topic like any other.
func TestYourInTextsThatSayYou(t *testing.T) {
	for _, tt := range []struct {
		body string
		off  bool
	}{
		{"You may moor at the quay only after the harbour bell rings twice.\n", false},
		{"Boats may moor at the quay only after the harbour bell rings twice.\n", true},
	} {
		e := articleEngine(t, "quay", "Quay rules", tt.body)
		a, err := e.Explain(context.Background(), "when can ur boat moor at the quay")
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Contains(a.Explain.Decision, "marks a topic"); got != tt.off {
			t.Errorf("over %q: off topic %v, want %v (%s)", tt.body, got, tt.off, a.Explain.Decision)
		}
	}
}

// TestHowWideAsksAMeasure holds that "how wide", "how deep", "how thick"
// and "how tall" ask for a measure, as "how long" does: a sentence that
// gives none is no answer, and one that gives the measure in words ("as
// wide as a street") is.
func TestHowWideAsksAMeasure(t *testing.T) {
	e := articleEngine(t, "harbour", "The harbour", `The Bayton canal is crossed by an old stone bridge near the harbour.

The Northport quay is as wide as a street and was paved in May.
`)
	checkAnswered(t, e, map[string]bool{
		"How wide is the Bayton canal near the harbour?": false,
		"How deep is the Bayton canal near the harbour?": false,
		"How wide is the Northport quay?":                true,
	})
}

// TestLowerCasePlaceTheArticlesName holds that a place typed in lower case
// ("lisbon") that the articles write only as a name is read as that name,
// as it is capitalised: missing from a sentence about another place.
func TestLowerCasePlaceTheArticlesName(t *testing.T) {
	st := storetest.MustOpenEmpty(t)
	for _, d := range []store.Document{
		{ID: "lisbon", Title: "A port on the Atlantic", Body: "The port of Lisbon is on the Atlantic coast.\n\nIts trams are painted yellow.\n"},
		{ID: "tolls", Title: "Harbour tolls", Body: "Oslo charges a harbour toll of two crowns on every ship.\n\nThe toll is paid at the quay.\n"},
	} {
		if _, err := st.Ingest(t.Context(), d, storetest.Epoch); err != nil {
			t.Fatal(err)
		}
	}
	e := mustEngine(t, st, WithPack(nil))
	missing := func(q string) float64 {
		a, err := e.Explain(t.Context(), q)
		if err != nil {
			t.Fatal(err)
		}
		return a.Explain.Evidence["missing_name"]
	}
	named, typed := missing("whats the harbour toll on every ship in Lisbon"), missing("whats the harbour toll on every ship in lisbon")
	if named == 0 || typed != named {
		t.Errorf("missing_name %.3f typed in lower case, %.3f capitalised: want the same, above 0 (the toll is Oslo's)", typed, named)
	}
}

// TestTitleWordIsKnown holds that a word the title of the best sentence's
// article says, though no sentence does ("Pier 7" of "Harbour notes
// (Piers 7 and 9)"), is no unknown word: a question may name what the
// title names.
func TestTitleWordIsKnown(t *testing.T) {
	e := articleEngine(t, "piers", "Harbour notes (Piers 7 and 9): the gulls and the nets", `The gulls nest on the old crane. Fishermen mend their nets at dawn.

The Bayton ferry sails at noon.
`)
	checkEvidence(t, e, []evidenceCase{{"On pier 7, where do the gulls nest?", "unknown", 0}})
}

// TestSaidAnotherWay holds evidence the sentence gives in other words than
// the question: a negative prefix said by "not", and a short name by the
// name with its version.
func TestSaidAnotherWay(t *testing.T) {
	e := articleEngine(t, "harbour", "The harbour tools", `The harbour tool builds an executable that does not handle the tide tables on Bayton and Northport.

The older harbour terminals have X11R5 libraries.
`)
	checkEvidence(t, e, []evidenceCase{
		{"On which systems does the harbour tool mishandle the tide tables?", "negated", 0},
		{"Which X libraries do the older harbour terminals come with?", "name_swapped", 0},
		{"Which X libraries do the older harbour terminals come with?", "missing_capital", 0},
	})
}

// testNegatedAuxiliary: a why-question's negated auxiliary stands before
// its subject ("Why doesn't the harbour board get the ferry licensed?");
// a sentence that negates the verb after the subject says it.
func testNegatedAuxiliary(t *testing.T) {
	e := articleEngine(t, "licence", "The licence", "Since getting a licence from Bayton is a lengthy process, the harbour board decided to not license the ferry directly.\n\nThe harbour board runs forty boats.\n")
	checkEvidence(t, e, []evidenceCase{
		{"why doesnt the harbour board just get the ferry licensed directly", "negation", 0},
		{"Why doesn't the harbour board run forty boats?", "negation", 1},
	})
}

// TestNegationPassesStopWords holds that a negation stands over the stop
// words after it: "don’t have any berths near them" negates "berths", so
// the question negating it is said; a sentence that has the berths is
// not.
func TestNegationPassesStopWords(t *testing.T) {
	e := articleEngine(t, "quay", "The quay", "As far as I can see, the ferry sheds and the net lofts don’t have any berths near them.\n\nThe harbour office has two berths near it.\n")
	checkEvidence(t, e, []evidenceCase{
		{"Which buildings don't have any berths near them?", "negation", 0},
		{"Which office doesn't have berths near it?", "negation", 1},
	})
}

// TestReferenceQuestions holds that a question asking where a thing is
// told more is answered by a sentence pointing there ("see the harbour
// page"), and not by one that only speaks of the thing.
func TestReferenceQuestions(t *testing.T) {
	e := articleEngine(t, "quay", "The quay", "The tide tables give the high waters; for how they are worked out, see the harbour page.\n\nThe ferry timetable changes twice a year, with the clocks.\n")
	checkEvidence(t, e, []evidenceCase{
		{"Where can I read more about how the tide tables are worked out?", "no_type", 0},
		{"Where can I read more about how the ferry timetable changes?", "no_type", 1},
	})
}

// TestOppositeSaidBothWays holds that an antonym is no opposite where the
// sentence says the question's side too, in other words ("a particular
// routine … a more general question" for "specific"), nor where it is
// negated ("is not solved" for "unsolved"); alone it is. A word that is
// an antonym's verb ("mother" a child) says neither side.
func TestOppositeSaidBothWays(t *testing.T) {
	e := articleEngine(t, "routines", "Routines", `Routine analysis studies the resources needed by a particular routine, whereas the wider field asks a more general question about every routine.

Because the Bayton problem is not solved, a reduction to the Northport problem shows nothing.

The harbour board asks a general question about every ferry.

Her mother was a pilot of the Bayton ferry.

Each ferry has a specific berth.

Her father owned a boat.
`)
	checkEvidence(t, e, []evidenceCase{
		{"Which study looks at the resources needed by a specific routine?", "opposite", 0},
		{"With the Bayton problem unsolved, what does a reduction to the Northport problem show?", "opposite", 0},
		{"Which specific question does the harbour board ask about every ferry?", "opposite", 1},
		{"Which ferry was her father a pilot of?", "opposite", 1},
	})
}

// TestClockTimes holds that a time on the 24-hour clock ("08:30") answers
// a question asking at what time, as "8.30 am" does, after a clause too,
// and that a sentence with no time of day does not.
func TestClockTimes(t *testing.T) {
	e := articleEngine(t, "office", "The harbour office", `The harbour office opens at 08:30 and shuts at 17:45.

The ferry office opens every weekday, whatever the weather.
`)
	checkEvidence(t, e, []evidenceCase{
		{"At what time does the harbour office open?", "no_type", 0},
		{"At what time does the ferry office open?", "no_type", 1},
		{"As the ferry is late, at what time does the harbour office open?", "no_type", 0},
	})
}
