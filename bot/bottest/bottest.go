// Package bottest holds what tests of every adapter share: summaries that
// each platform must render whole, the built-in one and the largest a
// digest can be; citations linked as bot.Links links them; and the golden
// file check.
package bottest

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/parley-bot/parley/answers"
	"github.com/parley-bot/parley/seeds"
	"github.com/parley-bot/parley/store/storetest"
)

// Day is the day of the built-in summary the tests render: the articles
// are all new, so every kind of line appears (a disagreement included).
var Day = time.Date(2025, 12, 8, 8, 0, 0, 0, time.UTC)

// Summaries returns the summaries every platform must render with every
// line: "builtin", the day's summary of the built-in articles (the one
// Discord used to cut after four lines), and "largest", six lines — a
// digest's most — of five long quotes each, two of them disagreements.
func Summaries(tb testing.TB) map[string]answers.Summary {
	tb.Helper()
	st := storetest.MustOpen(tb)
	pack, err := answers.ParsePack("built-in domain pack", seeds.Domain)
	if err != nil {
		tb.Fatal(err)
	}
	e, err := answers.NewEngine(context.Background(), st, answers.WithPack(pack))
	if err != nil {
		tb.Fatal(err)
	}
	builtin, err := e.Summary(context.Background(), Day)
	if err != nil {
		tb.Fatal(err)
	}
	if len(builtin.Lines) < 6 {
		tb.Fatalf("the built-in summary has %d lines; the test wants the full six", len(builtin.Lines))
	}
	long := strings.Repeat("The delegations met again in Northport and spoke at length about security guarantees and the plan. ", 12)
	largest := answers.Summary{Date: "2025-12-08", Title: "Parley daily summary — Monday 8 December 2025"}
	for i := range 6 {
		l := answers.SummaryLine{Text: "Line " + string(rune('A'+i)) + ": the talks went on, and the sources say so at length.", Conflict: i%3 == 2}
		for j := range 5 {
			c := answers.Citation{Article: "art-" + string(rune('a'+j)), Title: "An article with a long title, number " + string(rune('1'+j)), Outlet: "Wire"}
			l.Quotes = append(l.Quotes, answers.Quote{Text: long[:900+j], Citation: c})
		}
		largest.Lines = append(largest.Lines, l)
	}
	largest.NewArticles = builtin.NewArticles
	return map[string]answers.Summary{"builtin": builtin, "largest": largest}
}
