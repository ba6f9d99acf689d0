package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/parley-bot/parley/answers"
	"github.com/parley-bot/parley/bot"
	"github.com/parley-bot/parley/bot/console"
)

func runAsk(ctx context.Context, g *Globals, args []string, env Env) error {
	fs := flags("ask", env)
	asJSON := fs.Bool("json", false, "print one JSON object per question, one per line")
	if err := parseFlags(fs, args, env); err != nil {
		return err
	}
	return withMain(ctx, g, env, func(m *Main) error {
		answer := func(q string) error {
			ans, err := m.Engine.Answer(ctx, q)
			if err != nil {
				return err
			}
			if *asJSON {
				return writeJSONLine(env.Stdout, ans)
			}
			_, err = fmt.Fprintln(env.Stdout, console.Render(replyOf(ans)))
			return err
		}
		if fs.NArg() > 0 {
			return answer(strings.Join(fs.Args(), " "))
		}
		lines := console.NewLineReader(env.Stdin)
		for {
			line, err := lines.Next()
			if errors.Is(err, io.EOF) {
				return nil
			}
			if err != nil {
				return fmt.Errorf("read questions: %w", err)
			}
			if err := answer(line); err != nil {
				return err
			}
		}
	})
}

// replyOf turns an engine answer into the bot's reply, for plain-text
// rendering outside a chat.
func replyOf(a answers.Answer) bot.Reply {
	kind := bot.KindAnswer
	if !a.Answered {
		kind = bot.KindRefusal
	}
	return bot.Reply{Kind: kind, Text: a.Answer, Question: a.Question, Quotes: a.Quotes, Conflict: a.Conflict, Confidence: a.Confidence}
}

func writeJSONLine(w io.Writer, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("encode json: %w", err)
	}
	b = append(b, '\n')
	if _, err := w.Write(b); err != nil {
		return fmt.Errorf("write json: %w", err)
	}
	return nil
}
