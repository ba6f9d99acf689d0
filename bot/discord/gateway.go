package discord

import (
	"context"
	"fmt"
	"log/slog"

	"github.com/bwmarrin/discordgo"
)

// runGateway opens discordgo's websocket session and holds it until ctx is
// done. discordgo reconnects and resumes on its own; Parley logs each
// step, and Ready follows the connection.
func (a *Adapter) runGateway(ctx context.Context) error {
	s := a.session
	remove := []func(){
		s.AddHandler(func(_ *discordgo.Session, ev *discordgo.InteractionCreate) { a.OnInteraction(ctx, ev) }),
		s.AddHandler(func(_ *discordgo.Session, ev *discordgo.Ready) { a.onReady(ev) }),
		s.AddHandler(func(_ *discordgo.Session, _ *discordgo.Connect) {
			a.log.Info("gateway connected")
		}),
		s.AddHandler(func(_ *discordgo.Session, _ *discordgo.Disconnect) {
			a.connected.Store(false)
			a.log.Warn("gateway disconnected; discordgo will reconnect")
		}),
		s.AddHandler(func(_ *discordgo.Session, _ *discordgo.Resumed) {
			a.connected.Store(true)
			a.log.Info("gateway session resumed")
		}),
	}
	defer func() {
		for _, r := range remove {
			r()
		}
	}()
	if err := s.Open(); err != nil {
		return fmt.Errorf("discord: open gateway: %w", err)
	}
	<-ctx.Done()
	a.connected.Store(false)
	if err := s.Close(); err != nil {
		a.log.Warn("close gateway", slog.Any("err", err))
	}
	return nil
}

// onReady notes a new gateway session (the first or after a reconnect
// that could not resume).
func (a *Adapter) onReady(ev *discordgo.Ready) {
	a.connected.Store(true)
	attrs := []any{slog.Int("guilds", len(ev.Guilds))}
	if ev.User != nil {
		attrs = append(attrs, slog.String("user", ev.User.Username))
	}
	a.log.Info("gateway ready", attrs...)
}
