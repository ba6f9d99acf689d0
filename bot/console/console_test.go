package console

import (
	"context"
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/parley-bot/parley/answers"
	"github.com/parley-bot/parley/bot"
	"github.com/parley-bot/parley/bot/bottest"
	"github.com/parley-bot/parley/seeds"
	"github.com/parley-bot/parley/store/storetest"
)

// echo is a Handler that answers every question with a fixed cited quote,
// so the console's own behaviour is tested apart from the engine's.
type echo struct{ got []string }

func (e *echo) Handle(_ context.Context, req bot.Request) bot.Reply {
	e.got = append(e.got, req.Text)
	return bot.Reply{Kind: bot.KindAnswer, Text: "A: " + req.Text,
		Quotes: []answers.Quote{{Text: "Q.", Citation: answers.Citation{Article: "a1", Title: "T"}}}}
}

func TestChatLoop(t *testing.T) {
	h := &echo{}
	var out strings.Builder
	err := chat(t, h, strings.NewReader("one\n\n  \ntwo\r\nquit\nthree\n"), &out, false)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(h.got, "|") != "one|two" {
		t.Errorf("handled %q, want one|two", h.got)
	}
	if !strings.Contains(out.String(), "A: one") || !strings.Contains(out.String(), "“Q.”\n  — “T” [a1]") {
		t.Errorf("output = %q", out.String())
	}
	if strings.Contains(out.String(), "> ") {
		t.Error("prompt printed when piped")
	}
}

func TestChatPrompt(t *testing.T) {
	var out strings.Builder
	if err := chat(t, &echo{}, strings.NewReader("x"), &out, true); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(out.String(), "Parley") || !strings.Contains(out.String(), "> ") {
		t.Errorf("interactive output = %q", out.String())
	}
}

func TestRenderConflict(t *testing.T) {
	r := bot.Reply{Kind: bot.KindAnswer, Text: "19 or 20 points.", Conflict: true, Quotes: []answers.Quote{
		{Text: "19 key points", Citation: answers.Citation{Article: "a"}},
		{Text: "20-point", Citation: answers.Citation{Article: "b"}},
	}}
	got := Render(r)
	if !strings.Contains(got, "disagree") || strings.Contains(got, "Also reported") || !strings.Contains(got, "[b]") {
		t.Errorf("Render(conflict) = %q", got)
	}
	r.Text = "The articles disagree: 19 or 20."
	if got := Render(r); strings.Count(got, "disagree") != 1 || !strings.Contains(got, "Each side:") {
		t.Errorf("Render(conflict saying so) = %q, want one 'disagree' and 'Each side:'", got)
	}
}

func TestLineReader(t *testing.T) {
	long := strings.Repeat("x", MaxLine+100)
	lr := NewLineReader(strings.NewReader("a\r\n" + long + "\nlast"))
	var lines []string
	for {
		l, err := lr.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, l)
	}
	if len(lines) != 3 || lines[0] != "a" || len(lines[1]) != MaxLine || lines[2] != "last" {
		t.Errorf("lines = %d %q…", len(lines), lines[0])
	}
}

// chat runs a console over in and out, answering with h.
func chat(t *testing.T, h bot.Handler, in io.Reader, out io.Writer, prompt bool) error {
	t.Helper()
	a, err := New(Config{In: in, Out: out, Prompt: prompt}, bot.Deps{Handler: h})
	if err != nil {
		t.Fatal(err)
	}
	return a.Run(context.Background())
}

func TestNewNeedsAHandler(t *testing.T) {
	if _, err := New(Config{In: strings.NewReader(""), Out: io.Discard}, bot.Deps{}); !errors.Is(err, bot.ErrNoHandler) {
		t.Errorf("New without a handler = %v, want ErrNoHandler", err)
	}
}

func TestRenderLinks(t *testing.T) {
	cite := answers.Citation{Article: "a1", Title: "T", URL: "https://news.example/t"}
	r := bot.Reply{Kind: bot.KindAnswer, Text: "A.", Quotes: []answers.Quote{{Text: "Q.", Sentence: 4, Citation: cite}}}
	plain := Render(r)
	if strings.Contains(plain, "parley.example") {
		t.Errorf("Render without links = %q", plain)
	}
	r.Quotes[0].Link = "https://parley.example/articles/a1#s4"
	want := "  “Q.”\n  — “T”, https://news.example/t [a1]\n    https://parley.example/articles/a1#s4"
	if got := Render(r); !strings.HasSuffix(got, want) {
		t.Errorf("Render with a link = %q, want it to end %q", got, want)
	}
}

// TestEverySummaryLineReachesTheConsole: the console shows every line of
// a summary, as Slack and Discord do.
func TestEverySummaryLineReachesTheConsole(t *testing.T) {
	for name, s := range bottest.Summaries(t) {
		t.Run(name, func(t *testing.T) {
			got := Render(bot.Reply{Kind: bot.KindSummary, Text: bot.SummaryText(s), Summary: &s})
			for i, l := range s.Lines {
				if !strings.Contains(got, l.Text) {
					t.Errorf("line %d %q is not shown:\n%s", i+1, l.Text, got)
				}
			}
		})
	}
}

// TestConsoleIsOneConversation: a console run is one conversation, so a
// follow-up leans on the question before, and the reply says how it was
// read.
func TestConsoleIsOneConversation(t *testing.T) {
	st := storetest.MustOpen(t)
	pack, err := answers.ParsePack("built-in domain pack", seeds.Domain)
	if err != nil {
		t.Fatal(err)
	}
	eng, err := answers.NewEngine(context.Background(), st, answers.WithPack(pack))
	if err != nil {
		t.Fatal(err)
	}
	b := bot.New(eng, nil, nil)
	mem, err := bot.NewMemory(bot.Memory{Journal: st, Salt: []byte("the console tests' salt")})
	if err != nil {
		t.Fatal(err)
	}
	b.Remember(mem)
	var out strings.Builder
	if err := chat(t, b, strings.NewReader("Who met with Putin in Moscow?\nHow long did it last?\n"), &out, false); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "(following up on “Who met with Putin in Moscow?”") || !strings.Contains(out.String(), "five") {
		t.Errorf("output:\n%s", out.String())
	}
	// A new run is a new conversation.
	out.Reset()
	chat(t, b, strings.NewReader("How long did it last?\n"), &out, false)
	if strings.Contains(out.String(), "following up") {
		t.Errorf("a new console run carried the last run's question:\n%s", out.String())
	}
	// The console's questions are not logged for the report.
	if qs, err := st.AskedSince(context.Background(), time.Time{}); err != nil || len(qs) != 0 {
		t.Errorf("console questions logged: %d, %v", len(qs), err)
	}
}
