package main

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/parley-bot/parley/bot"
)

// cliAttempts and cliBackoff bound `summary --post`'s retries: a person
// is waiting, so fewer and shorter than serve's.
const (
	cliAttempts = 3
	cliBackoff  = 2 * time.Second
)

func runSummary(ctx context.Context, g *Globals, args []string, env Env) error {
	fs := flags("summary")
	asJSON := fs.Bool("json", false, "print the summary lines with their quotes and citations as JSON")
	date := fs.String("date", "", "compose the summary as of this day, YYYY-MM-DD (default today in summary.timezone)")
	post := fs.Bool("post", false, "post the summary to slack.summary_channel and discord.summary_channel, once per channel per day")
	release := fs.Bool("release", false, "release the day's claims never marked sent (a run crashed while posting), so --post or serve posts again; check the channel first")
	if err := parseFlags(fs, args, env); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError("summary takes no arguments; use --date YYYY-MM-DD for another day")
	}
	if *post && *release {
		return usageError("--post and --release do not go together; release first, then post")
	}
	return withMain(ctx, g, env, func(m *Main) error {
		sched, err := summarySchedule(m)
		if err != nil {
			return err
		}
		day := m.Now().In(sched.Location)
		if *date != "" {
			if day, err = time.ParseInLocation(time.DateOnly, *date, sched.Location); err != nil {
				return usageError("--date %q is not a YYYY-MM-DD date", *date)
			}
		}
		key := day.Format(time.DateOnly)
		switch {
		case *release:
			return releaseSummary(ctx, m, env, key)
		case *post:
			return postSummary(ctx, m, env, sched, key, day, *asJSON)
		}
		sum, err := m.Answers.Summary(ctx, day)
		if err != nil {
			return err
		}
		if *asJSON {
			return writeJSONLine(env.Stdout, sum)
		}
		_, err = fmt.Fprintln(env.Stdout, bot.SummaryText(sum))
		return err
	})
}

func configuredTargets(ctx context.Context, m *Main) ([]bot.Target, error) {
	targets, err := summaryTargets(ctx, m)
	if err != nil {
		return nil, err
	}
	if len(targets) == 0 {
		return nil, usageError("no summary channel is configured: set slack.summary_channel or discord.summary_channel in the config")
	}
	return targets, nil
}

// postSummary posts day's summary to every configured channel, at most
// once per channel, and prints one line per channel. It fails when a
// channel did not get the summary and no other run is posting it.
func postSummary(ctx context.Context, m *Main, env Env, sched bot.Schedule, key string, day time.Time, asJSON bool) error {
	targets, err := configuredTargets(ctx, m)
	if err != nil {
		return err
	}
	d := newDailyPoster(m, targets, sched)
	d.Attempts, d.Backoff = cliAttempts, cliBackoff
	var failed []string
	for _, r := range d.PostDay(ctx, key, day) {
		if asJSON {
			type result struct {
				Platform  string `json:"platform"`
				Channel   string `json:"channel"`
				Day       string `json:"day"`
				Outcome   string `json:"outcome"`
				MessageID string `json:"message_id"`
				Error     string `json:"error,omitempty"`
			}
			out := result{r.Platform, r.Channel, r.Day, r.Outcome.String(), r.MessageID, ""}
			if r.Err != nil {
				out.Error = r.Err.Error()
			}
			if err := writeJSONLine(env.Stdout, out); err != nil {
				return err
			}
		} else if _, err := fmt.Fprintln(env.Stdout, r.String()); err != nil {
			return fmt.Errorf("write: %w", err)
		}
		if !r.OK() && r.Outcome != bot.Claimed {
			failed = append(failed, r.Platform)
		}
	}
	if len(failed) > 0 {
		return fmt.Errorf("summary for %s not posted to %s (see above)", key, strings.Join(failed, ", "))
	}
	return nil
}

// releaseSummary drops day's claims that were never marked sent.
func releaseSummary(ctx context.Context, m *Main, env Env, key string) error {
	targets, err := configuredTargets(ctx, m)
	if err != nil {
		return err
	}
	released, err := bot.ReleaseDay(ctx, m.Store, targets, key)
	if err != nil {
		return fmt.Errorf("release summary claims for %s: %w", key, err)
	}
	if len(released) == 0 {
		_, err = fmt.Fprintf(env.Stdout, "nothing to release for %s: no claim without a recorded post\n", key)
		return err
	}
	_, err = fmt.Fprintf(env.Stdout, "released %s for %s; the next --post or serve start posts it\n", strings.Join(released, ", "), key)
	return err
}
