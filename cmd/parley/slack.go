package main

import (
	"context"
	"fmt"

	"github.com/parley-bot/parley/bot/slack"
)

// newSlack builds the Slack adapter when slack.enabled is set: Socket Mode
// or HTTP endpoints, answering through the shared bot, deduplicating
// events in the store and running answers on the shared pool. The adapter
// is itself the component (Routes, Run, Ready) and a bot.Poster.
func newSlack(ctx context.Context, m *Main) (component, error) {
	c := m.Config.Slack
	if !c.Enabled {
		return nil, nil
	}
	a, err := slack.New(slack.Options{
		Mode:          c.Mode,
		BotToken:      c.BotToken,
		AppToken:      c.AppToken,
		SigningSecret: c.SigningSecret,
		APIURL:        c.APIURL,
		Bot:           m.Bot,
		Dedupe:        m.Store,
		Pool:          m.Pool,
		Metrics:       m.Metrics,
		Log:           m.Log,
		Now:           m.Now,
	})
	if err != nil {
		return nil, fmt.Errorf("slack: %w", err)
	}
	return a, nil
}
