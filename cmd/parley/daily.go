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

// slackSummaryTarget posts to slack.summary_channel with a token-only
// poster: posting needs the bot token alone, so it works whether or not
// slack.enabled is set, and from the command line.
func slackSummaryTarget(ctx context.Context, m *Main) (bot.Target, bool, error) {
	c := m.Config.Slack
	if c.SummaryChannel == "" {
		return bot.Target{}, false, nil
	}
	p, err := slack.NewPoster(slackConfig(c), m.posterDeps())
	if err != nil {
		return bot.Target{}, false, fmt.Errorf("slack.summary_channel: %w", err)
	}
	return bot.Target{Poster: p, Channel: c.SummaryChannel}, true, nil
}

// discordSummaryTarget posts to discord.summary_channel with a token-only
// poster: posting needs the bot token alone, so it works whether or not
// discord.enabled is set, and from the command line.
func discordSummaryTarget(ctx context.Context, m *Main) (bot.Target, bool, error) {
	c := m.Config.Discord
	if c.SummaryChannel == "" {
		return bot.Target{}, false, nil
	}
	p, err := discord.NewPoster(discord.Config{Token: c.Token, APIURL: c.APIURL}, m.posterDeps())
	if err != nil {
		return bot.Target{}, false, fmt.Errorf("discord.summary_channel: %w", err)
	}
	return bot.Target{Poster: p, Channel: c.SummaryChannel}, true, nil
}

// posterDeps are what the daily summary's posters are built with: the
// metrics and a log that names the job.
func (m *Main) posterDeps() bot.Deps {
	return bot.Deps{Metrics: m.Metrics, Log: m.Log.With("job", "daily_summary"), Now: m.clock}
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
