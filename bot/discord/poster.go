package discord

import (
	"context"
	"fmt"

	"github.com/bwmarrin/discordgo"

	"github.com/parley-bot/parley/answers"
	"github.com/parley-bot/parley/bot"
)

// Poster posts the daily summary with nothing but the bot token: no
// application id, public key or gateway. The daily job and `summary
// --post` use it, whether or not the Discord adapter is enabled.
type Poster struct{ *rest }

// NewPoster returns a poster from cfg's Token and APIURL (the other
// fields are not needed), counting in deps.Metrics and logging to
// deps.Log; deps.Handler and deps.Inbox are not used.
func NewPoster(cfg Config, deps bot.Deps) (*Poster, error) {
	r, err := newRest(cfg.Token, cfg.APIURL, deps.WithDefaults())
	if err != nil {
		return nil, err
	}
	return &Poster{r}, nil
}

// Platform names Discord, for the post log and metrics (bot.Poster).
func (a *Poster) Platform() string { return Platform }

var (
	_ bot.Poster       = (*Poster)(nil)
	_ bot.ReportPoster = (*Poster)(nil)
)

// PostSummary posts the daily summary s to channel as an embed and
// returns the message id (bot.Poster). Retries are bounded; a post whose
// request went out with no answer back is not retried (its error wraps
// bot.ErrMaybePosted), so a summary is never posted twice.
func (a *Poster) PostSummary(ctx context.Context, channel string, s answers.Summary) (string, error) {
	return a.postEmbeds(ctx, channel, "summary", summaryEmbeds(s))
}

// PostReport posts the curator's weekly report to channel as embeds and
// returns the message id (bot.ReportPoster), under the same rules as
// PostSummary.
func (a *Poster) PostReport(ctx context.Context, channel string, r bot.Report) (string, error) {
	return a.postEmbeds(ctx, channel, "report", reportEmbeds(r))
}

// postEmbeds posts embeds to channel, mentioning no one, and returns the
// message id; what names the post in the error.
func (a *Poster) postEmbeds(ctx context.Context, channel, what string, embeds []*discordgo.MessageEmbed) (string, error) {
	msg := &discordgo.MessageSend{Embeds: embeds, AllowedMentions: noMentions()}
	var id string
	err := a.call(ctx, opPost, "", func(opts ...discordgo.RequestOption) error {
		m, err := a.session.ChannelMessageSendComplex(channel, msg, opts...)
		if err == nil && m != nil {
			id = m.ID
		}
		return err
	})
	if err != nil {
		return "", fmt.Errorf("discord: post %s to channel %s: %w", what, channel, err)
	}
	return id, nil
}
