package discord

import (
	"context"
	"fmt"

	"github.com/bwmarrin/discordgo"

	"github.com/parley-bot/parley/answers"
)

// PostSummary posts the daily summary s to channel as an embed and
// returns the message id (bot.Poster). Retries are bounded, and a network
// error is not retried, so a summary is never posted twice.
func (a *Adapter) PostSummary(ctx context.Context, channel string, s answers.Summary) (string, error) {
	msg := &discordgo.MessageSend{
		Embeds:          []*discordgo.MessageEmbed{fit(summaryEmbed(s))},
		AllowedMentions: noMentions(),
	}
	var id string
	err := a.call(ctx, opPost, "", func(opts ...discordgo.RequestOption) error {
		m, err := a.session.ChannelMessageSendComplex(channel, msg, opts...)
		if err == nil && m != nil {
			id = m.ID
		}
		return err
	})
	if err != nil {
		return "", fmt.Errorf("discord: post summary to channel %s: %w", channel, err)
	}
	return id, nil
}
