// Package console is Parley's terminal adapter: a prompt, a question per
// line, a cited answer in plain text. It reads an io.Reader and writes an
// io.Writer, so it works piped and in tests as well as at a terminal.
package console

import (
	"bufio"
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/parley-bot/parley/answers"
	"github.com/parley-bot/parley/bot"
)

// MaxLine is the longest input line kept; the rest of a longer line is
// read and dropped, so one huge line cannot exhaust memory.
const MaxLine = 64 << 10

// Config is the console's own settings: where it reads and writes.
type Config struct {
	In  io.Reader
	Out io.Writer
	// Prompt prints a banner and a "> " prompt, for a person at a
	// terminal; without it only replies are written, for pipes.
	Prompt bool
}

// Adapter is the terminal side of Parley: a question per line in, a cited
// answer in plain text out.
type Adapter struct {
	h      bot.Handler
	in     io.Reader
	out    io.Writer
	prompt bool
}

// New returns a console answering with deps.Handler (required); the
// console needs no inbox: the person waits at the prompt.
func New(cfg Config, deps bot.Deps) (*Adapter, error) {
	switch {
	case deps.Handler == nil:
		return nil, fmt.Errorf("console: %w", bot.ErrNoHandler)
	case cfg.In == nil || cfg.Out == nil:
		return nil, errors.New("console: needs an input and an output")
	}
	return &Adapter{h: deps.Handler, in: cfg.In, out: cfg.Out, prompt: cfg.Prompt}, nil
}

// Run runs the console loop until the input ends, the user types quit, or
// ctx is done.
func (a *Adapter) Run(ctx context.Context) error {
	h, out, prompt := a.h, a.out, a.prompt
	lines := NewLineReader(a.in)
	// One run of the console is one conversation: a question may lean on
	// the one before ("When was that?").
	session := "session/" + rand.Text()
	if prompt {
		fmt.Fprintln(out, "Parley — ask about the articles in the store. Type help, sources or quit.")
	}
	for {
		if prompt {
			fmt.Fprint(out, "> ")
		}
		line, err := lines.Next()
		if errors.Is(err, io.EOF) {
			if prompt {
				fmt.Fprintln(out)
			}
			return nil
		}
		if err != nil {
			return fmt.Errorf("read input: %w", err)
		}
		if err := ctx.Err(); err != nil {
			return nil
		}
		switch strings.ToLower(strings.TrimSpace(line)) {
		case "quit", "exit", "bye", "/quit", ":q":
			if prompt {
				fmt.Fprintln(out, "Bye.")
			}
			return nil
		case "":
			continue
		}
		reply := h.Handle(ctx, bot.Request{Platform: "console", Channel: "console", User: "console", Text: line, Conversation: session})
		if _, err := fmt.Fprintf(out, "%s\n\n", Render(reply)); err != nil {
			return fmt.Errorf("write reply: %w", err)
		}
	}
}

// Render formats a reply as plain text: the direct answer (when there is
// one), then each quote on its own lines with its citation below it.
func Render(r bot.Reply) string {
	var b strings.Builder
	if r.Carried.Shown() {
		b.WriteString("(following up on “" + r.Carried.From + "”: read as “" + r.Carried.Read + "”)\n")
	}
	if r.Kind == bot.KindMore {
		b.WriteString(r.Text)
		for _, q := range r.Quotes {
			b.WriteString(quoteText(q))
		}
		return b.String()
	}
	b.WriteString(r.Text)
	if r.Text == "" && len(r.Quotes) > 0 {
		// No direct answer: the quote speaks alone.
		b.WriteString(strings.TrimPrefix(quoteText(r.Quotes[0]), "\n\n"))
		for i, q := range r.Quotes[1:] {
			if i == 0 && !r.Conflict {
				b.WriteString("\n\nAlso reported:")
			}
			b.WriteString(quoteText(q))
		}
		return b.String()
	}
	if r.Conflict {
		if strings.Contains(strings.ToLower(r.Text), "disagree") {
			b.WriteString("\nEach side:")
		} else {
			b.WriteString("\nThe articles disagree on this; each side:")
		}
	}
	for i, q := range r.Quotes {
		b.WriteString("\n\n")
		if i == 1 && !r.Conflict {
			b.WriteString("Also reported:\n\n")
		}
		b.WriteString("  “" + q.Text + "”\n")
		b.WriteString("  — " + bot.CitationText(q.Citation))
		if q.Link != "" {
			b.WriteString("\n    " + q.Link)
		}
	}
	return b.String()
}

// quoteText is one quote and its citation, after a blank line.
func quoteText(q answers.Quote) string {
	return "\n\n  “" + q.Text + "”\n  — " + bot.CitationText(q.Citation)
}

// LineReader reads lines of any length, keeping at most MaxLine bytes of
// each, so that every input line yields exactly one line.
type LineReader struct {
	r *bufio.Reader
}

// NewLineReader returns a LineReader over r.
func NewLineReader(r io.Reader) *LineReader {
	return &LineReader{r: bufio.NewReaderSize(r, 64<<10)}
}

// Next returns the next line without its line ending, or io.EOF when the
// input is done. A last line without a newline is still returned.
func (l *LineReader) Next() (string, error) {
	var buf []byte
	read := false
	for {
		chunk, err := l.r.ReadSlice('\n')
		if len(chunk) > 0 {
			read = true
			if room := MaxLine - len(buf); room > 0 {
				buf = append(buf, chunk[:min(room, len(chunk))]...)
			}
		}
		switch {
		case err == nil:
			return strings.TrimRight(string(buf), "\r\n"), nil
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		case errors.Is(err, io.EOF) && read:
			return strings.TrimRight(string(buf), "\r\n"), nil
		default:
			return "", err
		}
	}
}
