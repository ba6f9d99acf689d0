package console

import (
	"context"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/parley-bot/parley/answers"
	"github.com/parley-bot/parley/bot"
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
