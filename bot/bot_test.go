package bot_test

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/parley-bot/parley/answers"
	"github.com/parley-bot/parley/bot"
	"github.com/parley-bot/parley/seeds"
	"github.com/parley-bot/parley/store/storetest"
)

func newBot(t *testing.T, logs io.Writer) (*bot.Bot, *bot.Metrics, func()) {
	t.Helper()
	st := storetest.MustOpen(t)
	eng, err := answers.NewEngine(context.Background(), st, seedPack())
	if err != nil {
		t.Fatal(err)
	}
	m := bot.NewMetrics(nil)
	return bot.New(eng, slog.New(slog.NewTextHandler(logs, nil)), m), m, func() { st.Close() }
}

func TestHandleKinds(t *testing.T) {
	b, m, _ := newBot(t, io.Discard)
	tests := []struct {
		text     string
		kind     bot.Kind
		contains string
	}{
		{"help", bot.KindHelp, "I'm Parley"},
		{"  HELP? ", bot.KindHelp, "Commands:"},
		{"", bot.KindHelp, "I'm Parley"},
		{"/sources", bot.KindSources, "000_2daefb0e2dba6216"},
		{"summary", bot.KindSummary, "summary"},
		{"Who met with Putin in Moscow?", bot.KindAnswer, "Kushner"},
		{"What is the weather in Paris tomorrow?", bot.KindRefusal, "don't know"},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			r := b.Handle(context.Background(), bot.Request{Platform: "test", Text: tt.text})
			if r.Kind != tt.kind {
				t.Fatalf("Handle(%q).Kind = %v, want %v (text %q)", tt.text, r.Kind, tt.kind, r.Text)
			}
			if !strings.Contains(r.Text, tt.contains) && !strings.Contains(strings.ToLower(r.Text), tt.contains) {
				t.Errorf("Handle(%q).Text = %q, want it to contain %q", tt.text, r.Text, tt.contains)
			}
			switch r.Kind {
			case bot.KindAnswer:
				if len(r.Quotes) == 0 || r.Quotes[0].Article == "" {
					t.Errorf("answer without a cited quote: %+v", r)
				}
			case bot.KindSources:
				if len(r.Sources) != 5 {
					t.Errorf("%d sources, want 5", len(r.Sources))
				}
			case bot.KindSummary:
				if r.Summary == nil || len(r.Summary.Lines) == 0 {
					t.Errorf("summary reply without lines: %+v", r)
				}
			case bot.KindRefusal:
				if len(r.Quotes) != 0 {
					t.Errorf("refusal with quotes: %+v", r.Quotes)
				}
			}
		})
	}
	if got := testutil.ToFloat64(m.Questions.WithLabelValues("test", "answered")); got < 1 {
		t.Errorf("answered counter = %v, want ≥ 1", got)
	}
	if got := testutil.ToFloat64(m.Questions.WithLabelValues("test", "refused")); got != 1 {
		t.Errorf("refused counter = %v, want 1", got)
	}
}

func TestHandleStoreFailureIsFriendly(t *testing.T) {
	var logs bytes.Buffer
	b, _, closeStore := newBot(t, &logs)
	closeStore()
	r := b.Handle(context.Background(), bot.Request{Platform: "test", Channel: "C1", Text: "Who met with Putin?"})
	if r.Kind != bot.KindError || r.Text != bot.ErrorText {
		t.Errorf("Handle on a closed store = %v %q, want the fixed error text", r.Kind, r.Text)
	}
	if !strings.Contains(logs.String(), "channel=C1") || !strings.Contains(logs.String(), "level=ERROR") {
		t.Errorf("failure not logged with its channel: %q", logs.String())
	}
	if strings.Contains(logs.String(), "Who met with Putin") {
		t.Errorf("log holds the message body: %q", logs.String())
	}
}

func TestCitationTextLeavesOutWhatIsNotStated(t *testing.T) {
	tests := []struct {
		c    answers.Citation
		want string
	}{
		{answers.Citation{Article: "a", Title: "T"}, "“T” [a]"},
		{answers.Citation{Article: "a"}, "a [a]"},
		{answers.Citation{Article: "a", Title: "T", Outlet: "O", Byline: "B", Published: "2025-12-05", URL: "https://x"}, "“T”, O, by B, 2025-12-05, https://x [a]"},
	}
	for _, tt := range tests {
		if got := bot.CitationText(tt.c); got != tt.want {
			t.Errorf("CitationText(%+v) = %q, want %q", tt.c, got, tt.want)
		}
	}
}

// seedPack is the engine option of the seeds' domain pack, as parley
// uses it over the built-in articles.
func seedPack() answers.Option {
	p, err := answers.ParsePack("seeds/domain.yaml", seeds.Domain)
	if err != nil {
		panic(err)
	}
	return answers.WithPack(p)
}
