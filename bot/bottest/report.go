package bottest

import (
	"time"

	"github.com/parley-bot/parley/answers"
	"github.com/parley-bot/parley/bot"
)

// Report is the weekly report every adapter renders against its golden
// file: a week's counts, two unanswered questions (the second ending in
// mention, the platform's way of pinging everyone, which must not ping),
// one answer marked wrong quoting cite, and two topics.
func Report(mention string, cite answers.Citation) bot.Report {
	return bot.Report{
		Since: time.Date(2025, 12, 1, 9, 0, 0, 0, time.UTC), Until: time.Date(2025, 12, 8, 9, 0, 0, 0, time.UTC),
		Asked: 12, Answered: 7, Refused: 5,
		Unanswered: []bot.Unanswered{
			{Question: "What did the mayor say about the budget?", Asked: 3, Wordings: []string{"what has the mayor said about the spending plan"}},
			{Question: "How many people attended? " + mention, Asked: 2},
		},
		Wrong: []bot.WrongAnswer{{Question: "Who is the union's chief negotiator?", Answer: "Ada Brandt", Wrong: 1, Helpful: 2,
			Quotes: []answers.Quote{{Text: "Ada Brandt, the union's chief negotiator", Citation: cite}}}},
		Topics: []answers.Topic{{Name: "Mayor Lind", Count: 3}, {Name: "Ada Brandt", Count: 2}},
	}
}
