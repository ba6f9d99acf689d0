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
	fs := flags("ask")
	domainFlag(fs, g)
	asJSON := fs.Bool("json", false, "print one JSON object per question, one per line")
	explain := fs.Bool("explain", false, "show how each answer was reached: question class, terms, candidates with scores, what a follow-up carried, and the decision")
	after := fs.String("after", "", "read the question(s) as following up on this one, as in a chat")
	conversation := fs.Bool("conversation", false, "read the questions as one conversation: each may lean on the one before (\"When was that?\")")
	if err := parseFlags(fs, args, env); err != nil {
		return err
	}
	return withMain(ctx, g, env, func(m *Main) error {
		var prev *answers.Turn
		if strings.TrimSpace(*after) != "" {
			a, err := m.Engine.FollowUp(ctx, nil, *after)
			if err != nil {
				return err
			}
			prev = &a.Next
		}
		answer := func(q string) error {
			ask := m.Engine.FollowUp
			if *explain {
				ask = m.Engine.ExplainFollowUp
			}
			ans, err := ask(ctx, prev, q)
			if err != nil {
				return err
			}
			if *conversation {
				next := ans.Next
				prev = &next
			}
			ans = m.Links.Answer(ans)
			if *asJSON {
				return writeJSONLine(env.Stdout, ans)
			}
			if _, err = fmt.Fprintln(env.Stdout, console.Render(replyOf(ans))); err != nil {
				return err
			}
			if ans.Explain != nil {
				return writeExplanation(env.Stdout, ans.Explain, ans.Carried)
			}
			return nil
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
	return bot.Reply{Kind: kind, Text: a.Answer, Question: a.Question, Quotes: a.Quotes, Conflict: a.Conflict, Confidence: a.Confidence, Carried: a.Carried}
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

// writeExplanation prints how an answer was reached, for people: what a
// follow-up carried from the question before (c, nil for nothing), then
// how the question as read was answered.
func writeExplanation(w io.Writer, x *answers.Explanation, c *answers.Carried) error {
	var b strings.Builder
	b.WriteString("\nhow this was answered:\n")
	if c != nil {
		fmt.Fprintf(&b, "  follow-up to: %s\n", c.From)
		if c.Tried != "" {
			fmt.Fprintf(&b, "  tried: %s\n", c.Tried)
		}
		fmt.Fprintf(&b, "  read as: %s\n", c.Read)
		for _, why := range c.Why {
			fmt.Fprintf(&b, "  carried: %s\n", why)
		}
	}
	fmt.Fprintf(&b, "  class: %s (wants %s)\n  terms: %s\n", x.Class, x.Wants, strings.Join(x.Terms, " "))
	if len(x.Entities) > 0 {
		fmt.Fprintf(&b, "  entities: %s\n", strings.Join(x.Entities, ", "))
	}
	if len(x.Corrections) > 0 {
		fmt.Fprintf(&b, "  typo corrections: %s\n", strings.Join(x.Corrections, ", "))
	}
	if len(x.Unknown) > 0 {
		fmt.Fprintf(&b, "  not in the articles: %s\n", strings.Join(x.Unknown, ", "))
	}
	for i, c := range x.Candidates {
		fmt.Fprintf(&b, "  %d. score %.3f (coverage %.2f, bm25 %.2f, proximity %.2f, type %v) %s#%d: %s\n", i+1, c.Score, c.Coverage, c.BM25, c.Proximity, c.TypeMatch, c.Article, c.Sentence, c.Text)
		if len(c.Facts) > 0 {
			fmt.Fprintf(&b, "     facts: %s\n", strings.Join(c.Facts, "; "))
		}
	}
	fmt.Fprintf(&b, "  decision: %s\n", x.Decision)
	_, err := io.WriteString(w, b.String())
	return err
}
