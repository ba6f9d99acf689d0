package main

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/parley-bot/parley/bot"
	"github.com/parley-bot/parley/bot/discord"
	"github.com/parley-bot/parley/bot/slack"
)

// runReport prints the curator's report: what people asked on the
// platforms that Parley could not answer, grouped when it is the same
// question in other words; the answers people marked wrong, with their
// quotes; what they asked about most.
func runReport(ctx context.Context, g *Globals, args []string, env Env) error {
	fs := flags("report")
	domainFlag(fs, g)
	sinceFlag := fs.String("since", "7d", "how far back: a number of days (7d), weeks (2w) or a duration (36h)")
	asJSON := fs.Bool("json", false, "print the report as one JSON object")
	if err := parseFlags(fs, args, env); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError("report takes no arguments")
	}
	since, err := parseSince(*sinceFlag)
	if err != nil {
		return usageError("--since %v", err)
	}
	return withMain(ctx, g, env, func(m *Main) error {
		now := m.Now()
		// What is past its retention is gone from the report as from
		// the store.
		if _, _, _, err := m.Memory.Prune(ctx, now); err != nil {
			return err
		}
		from := now.Add(-since)
		if keep := m.Config.Report.Retention.Duration(); since > keep {
			from = now.Add(-keep)
		}
		r, err := bot.ComposeReport(ctx, m.Store, m.Engine, from, now)
		if err != nil {
			return err
		}
		if *asJSON {
			return writeJSONLine(env.Stdout, r)
		}
		_, err = fmt.Fprintln(env.Stdout, bot.ReportText(r))
		return err
	})
}

// parseSince reads --since: "7d", "2w", or a Go duration ("36h").
func parseSince(s string) (time.Duration, error) {
	s = strings.TrimSpace(s)
	day := 24 * time.Hour
	var d time.Duration
	switch {
	case strings.HasSuffix(s, "d"), strings.HasSuffix(s, "w"):
		n, err := strconv.Atoi(s[:len(s)-1])
		if err != nil {
			return 0, fmt.Errorf("%q is not a number of days or weeks, e.g. 7d or 2w", s)
		}
		d = time.Duration(n) * day
		if strings.HasSuffix(s, "w") {
			d *= 7
		}
	default:
		var err error
		if d, err = time.ParseDuration(s); err != nil {
			return 0, fmt.Errorf("%q is not a span such as 7d, 2w or 36h", s)
		}
	}
	if d <= 0 {
		return 0, fmt.Errorf("%q is not a span of time after zero", s)
	}
	return d, nil
}

// reportTargets are the channels the weekly report goes to
// (report.channel), each with a token-only poster.
func reportTargets(m *Main) ([]bot.ReportTarget, error) {
	var out []bot.ReportTarget
	if ch := m.Config.Report.Channel.Slack; ch != "" {
		p, err := slack.NewPoster(slackConfig(m.Config.Slack), m.reportDeps())
		if err != nil {
			return nil, fmt.Errorf("report.channel.slack: %w", err)
		}
		out = append(out, bot.ReportTarget{Poster: p, Channel: ch})
	}
	if ch := m.Config.Report.Channel.Discord; ch != "" {
		c := m.Config.Discord
		p, err := discord.NewPoster(discord.Config{Token: c.Token, APIURL: c.APIURL}, m.reportDeps())
		if err != nil {
			return nil, fmt.Errorf("report.channel.discord: %w", err)
		}
		out = append(out, bot.ReportTarget{Poster: p, Channel: ch})
	}
	return out, nil
}

func (m *Main) reportDeps() bot.Deps {
	return bot.Deps{Metrics: m.Metrics, Log: m.Log.With("job", "weekly_report"), Now: m.clock}
}

// newWeekly builds the weekly report job for serve when report.channel
// names a channel.
func newWeekly(ctx context.Context, m *Main) (component, error) {
	targets, err := reportTargets(m)
	if err != nil || len(targets) == 0 {
		return nil, err
	}
	day, err := bot.ParseWeekday(m.Config.Report.Weekday)
	if err != nil {
		return nil, fmt.Errorf("report.weekday: %w", err)
	}
	s, err := bot.ParseSchedule(m.Config.Report.Time, m.Config.Summary.Timezone)
	if err != nil {
		return nil, fmt.Errorf("report.time: %w", err)
	}
	w := &bot.Weekly{
		Compose: func(ctx context.Context, since, until time.Time) (bot.Report, error) {
			return bot.ComposeReport(ctx, m.Store, m.Engine, since, until)
		},
		Log: m.Store, Targets: targets, Week: bot.Week{Day: day, Schedule: s},
		Logger: m.Log.With("job", "weekly_report"), Metrics: m.Metrics, Now: m.clock,
	}
	return jobComponent{run: w.Run}, nil
}

// newMemoryJob prunes the bot's memory in serve: conversations past their
// window, questions and verdicts past their retention.
func newMemoryJob(ctx context.Context, m *Main) (component, error) {
	if m.Memory == nil {
		return nil, errors.New("memory: not built")
	}
	log := m.Log.With("job", "memory")
	return jobComponent{run: func(ctx context.Context) error { return m.Memory.Keep(ctx, log, m.clock) }}, nil
}

// jobComponent is a serve component with no endpoints that is ready from
// the start.
type jobComponent struct {
	run func(ctx context.Context) error
}

func (j jobComponent) Routes(*http.ServeMux)         {}
func (j jobComponent) Run(ctx context.Context) error { return j.run(ctx) }
func (j jobComponent) Ready() error                  { return nil }
