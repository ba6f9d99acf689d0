package slack

import (
	"context"
	"errors"
	"fmt"

	"github.com/parley-bot/parley/answers"
	"github.com/parley-bot/parley/bot"
)

// Poster posts the daily summary with nothing but the bot token: no mode,
// app token or signing secret, and no events. The daily job and `summary
// --post` use it, whether or not the Slack adapter is enabled.
type Poster struct{ *client }

// NewPoster returns a poster from cfg's BotToken and APIURL (the other
// fields are not needed), counting in deps.Metrics and logging to
// deps.Log; deps.Handler and deps.Inbox are not used.
func NewPoster(cfg Config, deps bot.Deps) (*Poster, error) {
	if cfg.BotToken == "" {
		return nil, errors.New("slack bot token is empty")
	}
	return &Poster{newClient(Config{BotToken: cfg.BotToken, APIURL: cfg.APIURL, Sleep: cfg.Sleep, Transport: cfg.Transport}, deps.WithDefaults())}, nil
}

// Platform is "slack", for the post log and metrics.
func (p *Poster) Platform() string { return platform }

// PostSummary posts the daily summary to channel as Block Kit and returns
// the message's ts. It honours rate limits; when the request went out and
// no answer came back, the error wraps bot.ErrMaybePosted and it is not
// sent again.
func (p *Poster) PostSummary(ctx context.Context, channel string, s answers.Summary) (string, error) {
	ts, err := p.postMessage(ctx, channel, "", "summary:"+s.Date, RenderSummary(s))
	if err != nil {
		return "", fmt.Errorf("post summary to slack %s: %w", channel, err)
	}
	return ts, nil
}

// PostReport posts the curator's weekly report to channel as Block Kit
// and returns the message's ts, under the same rules as PostSummary.
func (p *Poster) PostReport(ctx context.Context, channel string, r bot.Report) (string, error) {
	ts, err := p.postMessage(ctx, channel, "", "report:"+r.Until.Format("2006-01-02"), RenderReport(r))
	if err != nil {
		return "", fmt.Errorf("post report to slack %s: %w", channel, err)
	}
	return ts, nil
}

var (
	_ bot.Poster       = (*Poster)(nil)
	_ bot.ReportPoster = (*Poster)(nil)
)
