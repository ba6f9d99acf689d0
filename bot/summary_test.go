package bot_test

import (
	"context"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/parley-bot/parley/answers"
	"github.com/parley-bot/parley/bot"
)

// TestHandleSummaryDay: "summary" reads today from the injected clock,
// "summary YYYY-MM-DD" composes that day, a bad day gets a hint.
func TestHandleSummaryDay(t *testing.T) {
	b, _, _ := newBot(t, io.Discard)
	b.Now = func() time.Time { return time.Date(2025, 12, 9, 7, 0, 0, 0, time.UTC) }
	tests := []struct {
		text     string
		kind     bot.Kind
		date     string
		contains string
	}{
		{"summary", bot.KindSummary, "2025-12-09", "Tuesday 9 December 2025"},
		{"summary 2025-12-07", bot.KindSummary, "2025-12-07", "Sunday 7 December 2025"},
		{"/digest 2025-12-08", bot.KindSummary, "2025-12-08", "Monday 8 December 2025"},
		{"summary 2025-12-05", bot.KindSummary, "2025-12-05", "no articles yet"},
		{"summary 2025-13-45", bot.KindRefusal, "", "YYYY-MM-DD"},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			r := b.Handle(context.Background(), bot.Request{Platform: "test", Text: tt.text})
			if r.Kind != tt.kind || !strings.Contains(r.Text, tt.contains) {
				t.Fatalf("Handle(%q) = %v %q, want %v containing %q", tt.text, r.Kind, r.Text, tt.kind, tt.contains)
			}
			if tt.date != "" && (r.Summary == nil || r.Summary.Date != tt.date) {
				t.Errorf("Handle(%q).Summary = %+v, want date %s", tt.text, r.Summary, tt.date)
			}
		})
	}
}

func TestSummaryText(t *testing.T) {
	a := answers.Citation{Article: "a1", Title: "Talks in Florida"}
	c := answers.Citation{Article: "c3", Title: "Older", Outlet: "Wire"}
	s := answers.Summary{
		Title: "Parley daily summary — Monday 8 December 2025", Since: "2025-12-07",
		NewArticles: []answers.Citation{a},
		Lines: []answers.SummaryLine{
			{Text: "They met in Florida.", Quotes: []answers.Quote{{Text: "They met in Florida.", Citation: a}, {Text: "Talks were held in Florida.", Citation: c}}},
			{Text: "The articles disagree on the plan's size: “19 key points” vs “20-point plan”.", Conflict: true,
				Quotes: []answers.Quote{{Text: "It has 19 key points.", Citation: a}, {Text: "“A 20-point plan,” he said.", Citation: c}}},
		},
	}
	want := `Parley daily summary — Monday 8 December 2025
• They met in Florida. [1, 2]
• The articles disagree on the plan's size: “19 key points” vs “20-point plan”. [1, 2]
    [1] “It has 19 key points.”
    [2] “A 20-point plan,” he said.
New since the last summary (2025-12-07):
[1] “Talks in Florida” [a1]
Also cited:
[2] “Older”, Wire [c3]`
	if got := bot.SummaryText(s); got != want {
		t.Errorf("SummaryText =\n%s\nwant\n%s", got, want)
	}
	nothing := answers.Summary{Title: "Parley daily summary — Tuesday 9 December 2025: nothing new since the last summary (Monday 8 December 2025).", NothingNew: true}
	if got := bot.SummaryText(nothing); got != nothing.Title {
		t.Errorf("SummaryText(nothing new) = %q, want the title alone", got)
	}
}

func TestTextsShowLinks(t *testing.T) {
	c := answers.Citation{Article: "a1", Title: "T", Link: "https://parley.example/articles/a1"}
	q := answers.Quote{Text: "Q.", Sentence: 2, Citation: c}
	q.Link = "https://parley.example/articles/a1#s2"
	if got := bot.SourcesText([]answers.Citation{c}); !strings.Contains(got, "\n   https://parley.example/articles/a1") {
		t.Errorf("SourcesText = %q, want the article's page", got)
	}
	s := answers.Summary{Title: "S", Lines: []answers.SummaryLine{{Text: "Q.", Quotes: []answers.Quote{q}}}}
	got := bot.SummaryText(s)
	for _, want := range []string{"• Q. [1]\n    [1] https://parley.example/articles/a1#s2", "\n[1] “T” [a1]\n    https://parley.example/articles/a1"} {
		if !strings.Contains(got, want) {
			t.Errorf("SummaryText = %q, want %q", got, want)
		}
	}
}
