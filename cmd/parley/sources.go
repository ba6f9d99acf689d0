package main

import (
	"context"
	"fmt"
	"time"

	"github.com/parley-bot/parley/bot"
)

func runSources(ctx context.Context, g *Globals, args []string, env Env) error {
	fs := flags("sources")
	asJSON := fs.Bool("json", false, "print the articles as a JSON array")
	if err := parseFlags(fs, args, env); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError("sources takes no arguments")
	}
	return withMain(ctx, g, env, func(m *Main) error {
		arts, err := m.Store.Articles(ctx)
		if err != nil {
			return err
		}
		if *asJSON {
			type source struct {
				ID         string `json:"id"`
				Title      string `json:"title"`
				Outlet     string `json:"outlet"`
				Byline     string `json:"byline"`
				Published  string `json:"published"`
				URL        string `json:"url"`
				Link       string `json:"link,omitempty"`
				Sentences  int    `json:"sentences"`
				IngestedAt string `json:"ingested_at"`
			}
			out := make([]source, len(arts))
			for i, a := range arts {
				out[i] = source{a.ID, a.Title, a.Outlet, a.Byline, a.Published, a.URL, m.Links.Article(a.ID), a.Sentences, a.IngestedAt.Format(time.RFC3339)}
			}
			return writeJSONLine(env.Stdout, out)
		}
		srcs, err := m.Answers.Sources(ctx)
		if err != nil {
			return err
		}
		_, err = fmt.Fprintln(env.Stdout, bot.SourcesText(srcs))
		return err
	})
}
