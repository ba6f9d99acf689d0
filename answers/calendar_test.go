package answers

import "testing"

// TestCalendarSwapped holds a weekday or month the question names and the
// best sentence says otherwise as a detail changed: refused; the day the
// sentence says, a question asking for a date, and "may" as a verb are not.
func TestCalendarSwapped(t *testing.T) {
	e := articleEngine(t, "mayor", "The mayor of Eastport", `The mayor of Eastport gave a radio address on Thursday evening about the harbour tax.

The harbour board will meet in June to vote on the harbour tax.
`)
	checkAnswered(t, e, map[string]bool{
		"What did the mayor of Eastport talk about in his radio address on Thursday evening?": true,
		"what did the mayor of eastport talk about in his radio address on tuesday evening":   false,
		"What did the mayor of Eastport talk about in his radio address on Tuesday evening?":  false,
		"When will the harbour board meet to vote on the harbour tax?":                        true,
		"what may the harbour board vote on":                                                  true,
	})
}

// TestOrdinalDayAnswersWhen: an ordinal before a unit of time ("on the
// fifteenth day") places a thing in time, so it answers "which day" as a
// date does; a sentence with no time at all does not.
func TestOrdinalDayAnswersWhen(t *testing.T) {
	e := articleEngine(t, "feast", "The feast of Palmshire", `The villagers of Palmshire gathered in the square on the fourteenth day of the harvest month, and they sang.

On the fifteenth day of the same month the villagers of Palmshire rested, and made it a day of feasting.

The villagers of Palmshire built a new granary beside the square.
`)
	checkQuoted(t, e, map[string]string{
		"On which day did the villagers of Palmshire rest?": "fifteenth day",
	})
	a, err := e.Answer(t.Context(), "On which day did the villagers of Palmshire build a granary?")
	if err != nil {
		t.Fatal(err)
	}
	if a.Answered {
		t.Errorf("a sentence giving no time answered which day: %+v", a.Quotes)
	}
}

// TestYearAsked: a question asking which year or month wants one on the
// calendar; a sentence that says only when something happens ("when the
// harbour opens") does not give it, though it answers a plain "when".
func TestYearAsked(t *testing.T) {
	e := articleEngine(t, "club", "The Bayton ferry club", `The Bayton ferry club was founded in 1921 by the harbour pilots.

The club's ferries sail to Northport when the harbour opens after the winter storms.
`)
	checkAnswered(t, e, map[string]bool{
		"Which year was the Bayton ferry club founded?":              true,
		"When do the club's ferries sail to Northport?":              true,
		"Which year did the club's ferries first sail to Northport?": false,
		"In what month do the club's ferries sail to Northport?":     false,
	})
}
