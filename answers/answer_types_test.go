package answers

import (
	"strings"
	"testing"
)

// TestWhichPlaceByItsWord holds that "Which county …?" is answered by the
// name the sentence gives ending in "County", though no "in" or "at"
// marks it a place, and that a name the question says itself is none.
func TestWhichPlaceByItsWord(t *testing.T) {
	e := articleEngine(t, "clocks", "Clocks", `After a long debate, Bayton County (north Westland) is switching from harbour time to railway time.

The railways kept one time across Westland.
`)
	checkAnswers(t, e, map[string]string{"Which county in north Westland decided to switch to railway time?": "Bayton County"})
	a, err := e.Answer(t.Context(), "Which county did Bayton County join?")
	if err != nil {
		t.Fatal(err)
	}
	if a.Answer == "Bayton County" {
		t.Errorf("answered %q, the county the question names itself", a.Answer)
	}
}

// TestISODate holds that a date written year-month-day ("1880-08-02") is
// one date, answered whole, not a range of years with a number after it.
func TestISODate(t *testing.T) {
	e := articleEngine(t, "acts", "Acts", `The harbour courts switched to railway time when the Harbour Act took effect; it received the royal assent on 1880-08-02.

The railways kept one time across Westland.
`)
	checkAnswers(t, e, map[string]string{"When did the Harbour Act receive the royal assent?": "1880-08-02"})
}

// TestShortYear holds that a year chat writes by its last two digits ("in
// 74") is said by a sentence writing it whole ("1974"), and that two
// digits no year of the articles ends in are still missing.
func TestShortYear(t *testing.T) {
	e := articleEngine(t, "clocks", "Clocks", `Harbour time in Westland ended on the last Sunday of October in 1974.

Railway time in Westland began on the first Monday of May in 1951.
`)
	a, err := e.Answer(t.Context(), "which sunday did harbour time end on in 74")
	if err != nil {
		t.Fatal(err)
	}
	if !a.Answered || len(a.Quotes) == 0 || !strings.Contains(a.Quotes[0].Text, "1974") {
		t.Errorf("answered %v with %q, want the sentence on 1974", a.Answered, a.Answer)
	}
	a, err = e.Answer(t.Context(), "which sunday did harbour time end on in 83")
	if err != nil {
		t.Fatal(err)
	}
	if a.Answered {
		t.Errorf("answered %q for a year no article gives", a.Answer)
	}
}

// TestCountPastScale holds that a count with a scale word ("over 12
// million inhabitants") counts the noun after the scale, so it answers
// "how many inhabitants".
func TestCountPastScale(t *testing.T) {
	e := articleEngine(t, "towns", "Towns", `Three areas are heavily populated: the Bayton area with over 12 million inhabitants, the Northport area with over four million inhabitants, and the Lind area with over 3 million inhabitants.

Bayton is the largest area and the oldest port.
`)
	checkAnswers(t, e, map[string]string{"How many inhabitants does the Bayton area contain?": "over 12 million inhabitants"})
}

// TestShareWantsAShare holds that "what percentage" is answered only by
// a percentage, not by a count of the things shared.
func TestShareWantsAShare(t *testing.T) {
	e := articleEngine(t, "farms", "Farms", `As of 2004, an estimated 32,463 farms occupied around 136,000 square kilometres of Westland land, more than 60% of its land surface.

In 2010 some 1,200 farms of Westland grew pears.
`)
	checkAnswers(t, e, map[string]string{"What percentage of Westland's land is taken up by farms?": "more than 60%"})
	a, err := e.Answer(t.Context(), "What percentage of Westland's farms grew pears in 2010?")
	if err != nil {
		t.Fatal(err)
	}
	if a.Answer == "1,200 farms" {
		t.Errorf("answered %q, a count, for a percentage", a.Answer)
	}
}

// TestNumberSaidWhole holds that a number a question writes whole ("3")
// is said by a sentence writing it with a fraction of zeros ("3.0"), and
// the reverse, and that another number is still missing.
func TestNumberSaidWhole(t *testing.T) {
	e := articleEngine(t, "ferrydesk", "Ferrydesk releases", `2.0 – May 2008: Ferrydesk gained a printing service.

3.0 – March 2011: Ferrydesk gained support for native plugins via a loader written by Ada Brandt.
`)
	checkQuotes(t, e, map[string]string{
		"how does ferrydesk 3 load native plugins":         "3.0 – March 2011",
		"what did ferrydesk 2 gain":                        "2.0 – May 2008",
		"which service did version 2.00 of ferrydesk gain": "2.0 – May 2008",
	})
	if a, err := e.Answer(t.Context(), "how does ferrydesk 4 load native plugins"); err != nil || a.Answered {
		t.Errorf("ferrydesk 4: answered %v (%v), want refused: no 4.0 is said", a.Answered, err)
	}
}

// A web address or a file's path answers where a thing is found or kept,
// as its direct answer; a pair joined by "/" ("and/or") is no path.
func TestWhereAnsweredByAnAddress(t *testing.T) {
	e := articleEngine(t, "harbour", "Harbour guide", `The Bayton harbour board keeps its tide tables online, and/or on paper. Skippers can read the current tables at https://tides.example.org/bayton/tables.html before they sail. The ferry company of Northport keeps its old timetables in archive/timetables/ on its own server.
`)
	for q, want := range map[string]string{
		"Where can skippers read the current tide tables?":      "https://tides.example.org/bayton/tables.html",
		"Where does the ferry company keep its old timetables?": "archive/timetables/",
	} {
		a, err := e.Answer(t.Context(), q)
		if err != nil {
			t.Fatal(err)
		}
		if !a.Answered || a.Answer != want {
			t.Errorf("%q: answered %v with %q, want %q", q, a.Answered, a.Answer, want)
		}
	}
}

// TestWhereFromAnsweredBySource holds that a question asking where a
// thing comes from is answered by what the sentence says it comes from,
// place or not ("oil from whale blubber"), and that a sentence saying no
// source for it leaves it unanswered.
func TestWhereFromAnsweredBySource(t *testing.T) {
	e := articleEngine(t, "harbour", "Harbour guide", `The Bayton harbour lamps burn oil from whale blubber, as they did in 1901.

Orrin Vell trims the harbour lamps every evening at dusk.
`)
	a, err := e.Answer(t.Context(), "Where does the oil for the harbour lamps come from?")
	if err != nil {
		t.Fatal(err)
	}
	if !a.Answered || a.Answer != "from whale blubber" {
		t.Errorf("answered %v with %q, want %q", a.Answered, a.Answer, "from whale blubber")
	}
	a, err = e.Answer(t.Context(), "Where does Orrin Vell come from?")
	if err != nil {
		t.Fatal(err)
	}
	if a.Answered {
		t.Errorf("where Orrin Vell comes from: answered %q from %q, want a refusal", a.Answer, a.Quotes[0].Text)
	}
}

// TestWhenAnsweredByAClause holds that a clause "when" opens answers a
// when question about the past ("got its name when the harbour board took
// a vote"), unless it names what the question names ("when Orrin Vell
// sailed" for "When did Orrin Vell sail?": the question's event again).
func TestWhenAnsweredByAClause(t *testing.T) {
	e := articleEngine(t, "harbour", "Harbour guide", `The Bayton ferry got its name when the harbour board took a vote on the old charter.

Few people watched the quay when Orrin Vell sailed out with the mail.
`)
	a, err := e.Explain(t.Context(), "When did the Bayton ferry get its name?")
	if err != nil {
		t.Fatal(err)
	}
	if !a.Answered || !strings.HasPrefix(a.Quotes[0].Text, "The Bayton ferry got its name") {
		t.Errorf("answered %v (%s), want the sentence on the ferry's name", a.Answered, a.Explain.Decision)
	}
	b, err := e.Explain(t.Context(), "When did Orrin Vell sail out with the mail?")
	if err != nil {
		t.Fatal(err)
	}
	if b.Answered {
		t.Errorf("answered %q with %q, want a refusal: the clause is the question's own event", b.Question, b.Answer)
	}
}

// TestCountNeedsANumber holds that a how-many question is not answered by
// a name with a digit in it ("LZMA9") nor by a date ("in 1241", "the 9th
// century"), which count nothing; a sentence with a count of its own
// still answers.
func TestCountNeedsANumber(t *testing.T) {
	e := articleEngine(t, "codecs", "Codecs and ports", `Since the Bayton container allows adding new filter IDs, some day there may be a filter that is much faster than LZMA9.

Northport is a port city in Westland that was founded in the 9th century; in 1241 it formed an alliance with Palmshire.

The Palmshire container holds up to 16 chains.
`)
	// Neither sentence counts what is asked.
	checkAnswered(t, e, map[string]bool{
		"How many filter IDs does the Bayton container have room for?":     false,
		"How many people lived in the port city of Northport in Westland?": false,
	})
	checkAnswers(t, e, map[string]string{"How many chains does the Palmshire container hold?": "16 chains"})
}
