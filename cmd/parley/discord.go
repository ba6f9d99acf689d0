package main

import (
	"context"
	"errors"
)

// newDiscord builds the Discord adapter when discord.enabled is set.
func newDiscord(ctx context.Context, m *Main) (component, error) {
	if !m.Config.Discord.Enabled {
		return nil, nil
	}
	return nil, errors.New("discord.enabled: the Discord adapter is not in this build yet")
}
