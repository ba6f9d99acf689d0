package answers

import (
	"testing"

	"github.com/parley-bot/parley/store/storetest"
)

// TestActorPeople holds that the doer named after "from" may be a
// country's people: "reactions from Westland officials" names who
// reacted, up to the people ("officials"), even after an initialled
// name ("W.L. and Eastgate officials"); the country alone is no doer.
func TestActorPeople(t *testing.T) {
	const pack = `name: quay news
entities:
  - {id: westland, generic: true, name: Westland, kind: place, aliases: [westland, westlandish], cased: [W.L.]}
  - {id: eastgate, generic: true, name: Eastgate, kind: place, aliases: [eastgate]}
  - {id: dorn, name: Ben Dorn, kind: person, aliases: [ben dorn, dorn]}
`
	const body = `The quay council met on Monday, and Ben Dorn chaired it.

One clause that drew sharp reactions from Westland officials called on the harbour board to cede the old quay.

A second clause that drew angry complaints from W.L. and Eastgate officials called for a new toll.

The ferries kept running all week.
`
	checkAnswers(t, packEngine(t, pack, body), map[string]string{
		"Who reacted sharply to the clause?":         "Westland officials",
		"Who complained angrily about the new toll?": "W.L. and Eastgate officials",
	})
}

// TestWhoOnTheSeeds holds two who answers on the built-in articles. The
// doer of a verb after a relative clause set off by commas is the person
// the clause is about, not the one it ends on: "Kushner, who is married
// to Mr. Trump's daughter Ivanka, served as a senior adviser …" answers
// Kushner. The names right after "by" just after the question's verb
// answer "who", less those the question names itself: the proposal
// "co-written by the U.S. and Russia" was co-written with the U.S. by
// Russia, not by Zelenskyy, who opens the sentence.
func TestWhoOnTheSeeds(t *testing.T) {
	checkAnswers(t, mustEngine(t, storetest.MustOpen(t)), map[string]string{
		"Who served as a senior adviser to Trump in his first term?": "Kushner",
		"Who co-wrote the initial proposal with the U.S.?":           "Russia",
	})
}

// TestWhichThingName holds that a which question's direct answer is the
// name the sentence gives the thing by the question's noun: right after
// it ("the harbour emperor Ada Ames"; with a number the noun too,
// "Release 2.2"), or in apposition before it ("Kelp, a commercial
// toolkit").
func TestWhichThingName(t *testing.T) {
	e := articleEngine(t, "kit", "Kit", `The quay was commissioned in 1632 by the harbour emperor Ada Ames to house the old ferry.

One drawback of the first kit was that its menus were built on Kelp, a commercial toolkit.

Release 2.2 also introduced a new native file format called QRX.
`)
	checkAnswers(t, e, map[string]string{
		"Which harbour emperor commissioned the quay?":      "Ada Ames",
		"Which commercial toolkit were the menus built on?": "Kelp",
		"Which release introduced the QRX file format?":     "Release 2.2",
	})
}

// TestWhichByCopula: a sentence that says what the question asks which of
// with "be" answers with its subject ("The tug is the oldest boat in the
// harbour."), also for a question naming no noun ("Which is …?").
func TestWhichByCopula(t *testing.T) {
	e := articleEngine(t, "boats", "Boats", `The tug is the oldest boat in the harbour.

The red barge is the only vessel that cannot sail at night.
`)
	checkAnswers(t, e, map[string]string{
		"Which boat is the oldest in the harbour?":           "The tug",
		"Which is the only vessel that can't sail at night?": "The red barge",
	})
}
