package main

import (
	"context"
	"errors"
)

// newSlack builds the Slack adapter when slack.enabled is set.
func newSlack(ctx context.Context, m *Main) (component, error) {
	if !m.Config.Slack.Enabled {
		return nil, nil
	}
	return nil, errors.New("slack.enabled: the Slack adapter is not in this build yet")
}
