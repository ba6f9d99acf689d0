package main

import (
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"fmt"
	"time"

	"github.com/parley-bot/parley/bot/discord"
)

// registerTimeout bounds command registration at start, retries included.
const registerTimeout = 30 * time.Second

// newDiscord builds the Discord adapter when discord.enabled is set and
// registers its slash commands before serve starts listening, so a wrong
// token or application id stops serve at once with a clear message.
func newDiscord(ctx context.Context, m *Main) (component, error) {
	c := m.Config.Discord
	if !c.Enabled {
		return nil, nil
	}
	cfg := discord.Config{
		Mode: c.Mode, Token: c.Token, ApplicationID: c.ApplicationID, GuildID: c.GuildID, APIURL: c.APIURL,
	}
	if c.PublicKey != "" {
		key, err := hex.DecodeString(c.PublicKey)
		if err != nil || len(key) != ed25519.PublicKeySize {
			return nil, fmt.Errorf("discord.public_key: must be 64 hex characters (an Ed25519 public key)")
		}
		cfg.PublicKey = ed25519.PublicKey(key)
	}
	a, err := discord.New(cfg, m.deps())
	if err != nil {
		return nil, err
	}
	rctx, cancel := context.WithTimeout(ctx, registerTimeout)
	defer cancel()
	if err := a.Register(rctx); err != nil {
		return nil, err
	}
	return a, nil
}
