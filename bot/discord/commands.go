package discord

import (
	"context"
	"fmt"
	"log/slog"

	"github.com/bwmarrin/discordgo"
)

// MaxQuestion is the longest /ask question, in characters. Discord's
// client enforces it through the option's max_length; Parley checks it
// again because HTTP requests can come from anywhere signed.
const MaxQuestion = 500

// Command and option names, as users type them.
const (
	cmdAsk      = "ask"
	cmdSummary  = "summary"
	cmdSources  = "sources"
	optQuestion = "question"
	optDate     = "date"
)

// Commands are Parley's slash commands as registered with Discord. The
// set is data: registering it is one bulk overwrite, so a second
// registration of the same set changes nothing.
func Commands() []*discordgo.ApplicationCommand {
	minLen := 1
	dateLen := 10
	return []*discordgo.ApplicationCommand{
		{
			Name:        cmdAsk,
			Type:        discordgo.ChatApplicationCommand,
			Description: "Ask about the articles Parley holds; the answer quotes and cites an article.",
			Options: []*discordgo.ApplicationCommandOption{{
				Type:        discordgo.ApplicationCommandOptionString,
				Name:        optQuestion,
				Description: "Your question, e.g. Who signed the agreement, and where?",
				Required:    true,
				MinLength:   &minLen,
				MaxLength:   MaxQuestion,
			}},
		},
		{
			Name:        cmdSummary,
			Type:        discordgo.ChatApplicationCommand,
			Description: "Show the daily summary of the articles, each line quoted and cited.",
			Options: []*discordgo.ApplicationCommandOption{{
				Type:        discordgo.ApplicationCommandOptionString,
				Name:        optDate,
				Description: "The day, as YYYY-MM-DD (default: today)",
				Required:    false,
				MinLength:   &dateLen,
				MaxLength:   dateLen,
			}},
		},
		{
			Name:        cmdSources,
			Type:        discordgo.ChatApplicationCommand,
			Description: "List the articles Parley answers from.",
			Options:     []*discordgo.ApplicationCommandOption{},
		},
	}
}

// Register replaces the application's commands with Commands, in the
// configured guild or, with no guild, globally (global commands can take
// up to an hour to reach every client). It is idempotent: Discord keeps a
// command's id and version when it is overwritten with itself.
func (a *Adapter) Register(ctx context.Context) error {
	var created []*discordgo.ApplicationCommand
	err := a.call(ctx, opRegister, "", func(opts ...discordgo.RequestOption) error {
		var err error
		created, err = a.session.ApplicationCommandBulkOverwrite(a.cfg.ApplicationID, a.cfg.GuildID, Commands(), opts...)
		return err
	})
	if err != nil {
		return fmt.Errorf("discord: register commands: %w", err)
	}
	scope := "global"
	if a.cfg.GuildID != "" {
		scope = "guild " + a.cfg.GuildID
	}
	a.log.Info("registered slash commands", slog.String("scope", scope), slog.Int("commands", len(created)))
	a.registered.Store(true)
	return nil
}
