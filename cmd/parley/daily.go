package main

import (
	"context"
	"fmt"
	"net/http"
	"time"

	"github.com/parley-bot/parley/bot"
	"github.com/parley-bot/parley/bot/discord"
	"github.com/parley-bot/parley/bot/slack"
)

// posterMakers build the daily summary's targets, one per platform: a
// maker returns ok false when its platform has no summary_channel set.
var posterMakers = []func(ctx context.Context, m *Main) (t bot.Target, ok bool, err error){
	slackSummaryTarget,
	discordSummaryTarget,
}

// summaryTargets are the channels the summary goes to, from the config.
func summaryTargets(ctx context.Context, m *Main) ([]bot.Target, error) {
	var out []bot.Target
	for _, mk := range posterMakers {
		t, ok, err := mk(ctx, m)
		if err != nil {
			return nil, err
		}
		if ok {
			out = append(out, t)
		}
	}
	return out, nil
}

// slackSummaryTarget posts to slack.summary_channel through a Slack adapter
// of its own, built from the slack section (its mode's token or secret
// included) but never run: posting needs only the Web API, so it works
// whether or not slack.enabled is set, and from the command line.
func slackSummaryTarget(ctx context.Context, m *Main) (bot.Target, bool, error) {
	c := m.Config.Slack
	if c.SummaryChannel == "" {
		return bot.Target{}, false, nil
	}
	a, err := slack.New(slack.Options{
		Mode: c.Mode, BotToken: c.BotToken, AppToken: c.AppToken, SigningSecret: c.SigningSecret, APIURL: c.APIURL,
		Bot: m.Bot, Dedupe: m.Store, Pool: m.Pool, Metrics: m.Metrics, Log: m.Log.With("job", "daily_summary"), Now: m.Now,
	})
	if err != nil {
		return bot.Target{}, false, fmt.Errorf("slack.summary_channel: %w", err)
	}
	return bot.Target{Poster: a, Channel: c.SummaryChannel}, true, nil
}

// discordSummaryTarget posts to discord.summary_channel through a Discord
// adapter of its own: posting needs only the REST API (token and
// application id), not the gateway or interactions, so it works whether
// or not discord.enabled is set, and from the command line.
func discordSummaryTarget(ctx context.Context, m *Main) (bot.Target, bool, error) {
	c := m.Config.Discord
	if c.SummaryChannel == "" {
		return bot.Target{}, false, nil
	}
	a, err := discord.New(discord.Config{
		Mode: discord.ModeGateway, Token: c.Token, ApplicationID: c.ApplicationID, APIURL: c.APIURL, Now: m.Now,
	}, m.Bot, m.Pool, m.Metrics, m.Log.With("adapter", "discord", "job", "daily_summary"))
	if err != nil {
		return bot.Target{}, false, fmt.Errorf("discord.summary_channel: %w", err)
	}
	return bot.Target{Poster: a, Channel: c.SummaryChannel}, true, nil
}

// summarySchedule is summary.time in summary.timezone.
func summarySchedule(m *Main) (bot.Schedule, error) {
	s, err := bot.ParseSchedule(m.Config.Summary.Time, m.Config.Summary.Timezone)
	if err != nil {
		return bot.Schedule{}, fmt.Errorf("summary: %w", err)
	}
	return s, nil
}

// summaryClock is m's clock read in summary.timezone, so "today" for the
// summary is the schedule's day, not the machine's.
func summaryClock(m *Main) func() time.Time {
	s, err := summarySchedule(m)
	if err != nil {
		return m.Now
	}
	return func() time.Time { return m.Now().In(s.Location) }
}

// newDaily builds the daily summary job for serve when a summary channel
// is configured.
func newDaily(ctx context.Context, m *Main) (component, error) {
	targets, err := summaryTargets(ctx, m)
	if err != nil || len(targets) == 0 {
		return nil, err
	}
	s, err := summarySchedule(m)
	if err != nil {
		return nil, err
	}
	return &dailyJob{d: newDailyPoster(m, targets, s)}, nil
}

func newDailyPoster(m *Main, targets []bot.Target, s bot.Schedule) *bot.Daily {
	return &bot.Daily{
		Summaries: m.Answers,
		Log:       m.Store,
		Targets:   targets,
		Schedule:  s,
		Logger:    m.Log.With("job", "daily_summary"),
		Metrics:   m.Metrics,
		Now:       m.Now,
	}
}

// dailyJob runs the daily summary in serve: it has no endpoints, and it is
// ready from the start (a failed post is retried and logged, never a
// reason to stop answering).
type dailyJob struct{ d *bot.Daily }

func (j *dailyJob) Routes(*http.ServeMux)         {}
func (j *dailyJob) Run(ctx context.Context) error { return j.d.Run(ctx) }
func (j *dailyJob) Ready() error                  { return nil }
