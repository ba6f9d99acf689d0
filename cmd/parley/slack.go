package main

import (
	"context"
	"fmt"

	"github.com/parley-bot/parley/bot/slack"
)

// newSlack builds the Slack adapter when slack.enabled is set: Socket Mode
// or HTTP endpoints, answering through the shared bot and inbox. The
// adapter is itself the component (Routes, Run, Ready).
func newSlack(ctx context.Context, m *Main) (component, error) {
	c := m.Config.Slack
	if !c.Enabled {
		return nil, nil
	}
	a, err := slack.New(slackConfig(c), m.deps())
	if err != nil {
		return nil, fmt.Errorf("slack: %w", err)
	}
	return a, nil
}

// slackConfig is the adapter's config from the slack section.
func slackConfig(c SlackConfig) slack.Config {
	return slack.Config{Mode: c.Mode, BotToken: c.BotToken, AppToken: c.AppToken, SigningSecret: c.SigningSecret, APIURL: c.APIURL}
}
