package bot

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"time"
)

// ReportPoster posts the curator's report to one channel; slack.Poster
// and discord.Poster implement it with their native formatting.
type ReportPoster interface {
	Platform() string
	// PostReport posts r to channel and returns the message id; an error
	// wrapping ErrMaybePosted when the outcome cannot be known.
	PostReport(ctx context.Context, channel string, r Report) (messageID string, err error)
}

// ReportTarget is one channel the weekly report goes to.
type ReportTarget struct {
	Poster  ReportPoster
	Channel string
}

// Key is the target's name in the post log, apart from the summary's.
func (t ReportTarget) Key() string { return "report:" + t.Poster.Platform() + ":" + t.Channel }

// ParseWeekday reads a day of the week by its English name ("monday",
// "Mon").
func ParseWeekday(s string) (time.Weekday, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	for d := time.Sunday; d <= time.Saturday; d++ {
		name := strings.ToLower(d.String())
		if s == name || len(s) >= 3 && strings.HasPrefix(name, s) {
			return d, nil
		}
	}
	return 0, fmt.Errorf("%q is not a day of the week", s)
}

// Week is a weekly slot: a day of the week at a schedule's time.
type Week struct {
	Day      time.Weekday
	Schedule Schedule
}

// Latest returns the most recent slot at or before now: its key in the
// post log (the ISO week of the slot, "2025-W50") and its instant.
func (w Week) Latest(now time.Time) (key string, at time.Time) {
	return w.find(now, -1)
}

// Next returns the first slot after now.
func (w Week) Next(now time.Time) (key string, at time.Time) {
	return w.find(now, 1)
}

// find looks from now's local date in direction dir (-1 back, 1 ahead)
// for the first slot at or before now (back) or after it (ahead); one of
// the eight days it looks at always holds one.
func (w Week) find(now time.Time, dir int) (string, time.Time) {
	local := now.In(w.Schedule.Location)
	var at time.Time
	for i := 0; i <= 7; i++ {
		d := local.AddDate(0, 0, dir*i)
		if d.Weekday() != w.Day {
			continue
		}
		_, at = w.Schedule.slot(d.Year(), d.Month(), d.Day())
		if dir < 0 && !at.After(now) || dir > 0 && at.After(now) {
			break
		}
	}
	return weekKey(at.In(w.Schedule.Location)), at
}

func weekKey(t time.Time) string {
	y, wk := t.ISOWeek()
	return fmt.Sprintf("%d-W%02d", y, wk)
}

// Weekly posts the curator's report once a week to every target: the
// week before each slot. Like the daily summary, each post is claimed in
// the post log before it is sent and marked after, keyed by target and
// week, so restarts and racing processes never post it twice.
type Weekly struct {
	// Compose makes the report of questions asked from since to until.
	Compose func(ctx context.Context, since, until time.Time) (Report, error)
	Log     PostLog
	Targets []ReportTarget
	Week    Week
	Logger  *slog.Logger
	Metrics *Metrics

	Now   func() time.Time
	Sleep func(ctx context.Context, d time.Duration) error

	Attempts    int
	Backoff     time.Duration
	MaxBackoff  time.Duration
	SendTimeout time.Duration

	once sync.Once
}

func (w *Weekly) init() {
	w.once.Do(func() {
		if w.Metrics == nil {
			w.Metrics = NewMetrics(nil)
		}
		if w.Logger == nil {
			w.Logger = slog.New(slog.DiscardHandler)
		}
		if w.Now == nil {
			w.Now = time.Now
		}
		if w.Sleep == nil {
			w.Sleep = func(ctx context.Context, d time.Duration) error {
				t := time.NewTimer(d)
				defer t.Stop()
				select {
				case <-ctx.Done():
					return ctx.Err()
				case <-t.C:
					return nil
				}
			}
		}
	})
}

// Run posts at every slot until ctx is done, first catching up the most
// recent slot if it was missed. It returns nil when ctx is done.
func (w *Weekly) Run(ctx context.Context) error {
	w.init()
	last := ""
	for {
		key, at := w.Week.Latest(w.Now())
		if key != last {
			last = key
			w.PostWeek(ctx, key, at)
		}
		if ctx.Err() != nil {
			return nil
		}
		now := w.Now()
		_, nextAt := w.Week.Next(now)
		if err := w.Sleep(ctx, min(nextAt.Sub(now), maxNap)); err != nil {
			return nil
		}
	}
}

// PostWeek composes the report of the week before at and posts it to
// every target at most once; key is the week's key in the post log.
func (w *Weekly) PostWeek(ctx context.Context, key string, at time.Time) []PostResult {
	w.init()
	r, err := w.Compose(ctx, at.AddDate(0, 0, -7), at)
	if err != nil {
		err = fmt.Errorf("compose report %s: %w", key, err)
	}
	p := postPolicy{
		log: w.Log, now: w.Now, sleep: w.Sleep, logger: w.Logger, metrics: w.Metrics, op: "post_report", what: "weekly report",
		attempts: w.Attempts, backoff: w.Backoff, maxBackoff: w.MaxBackoff, sendTimeout: w.SendTimeout,
	}
	jobs := make([]postJob, len(w.Targets))
	for i, t := range w.Targets {
		jobs[i] = postJob{key: t.Key(), platform: t.Poster.Platform(), channel: t.Channel, send: func(ctx context.Context) (string, error) {
			return t.Poster.PostReport(ctx, t.Channel, r)
		}}
	}
	return p.postAll(ctx, key, jobs, err, w.report)
}

func (w *Weekly) report(r PostResult) {
	attrs := []any{slog.String("platform", r.Platform), slog.String("channel", r.Channel), slog.String("week", r.Day), slog.String("outcome", r.Outcome.String())}
	switch r.Outcome {
	case Posted, AlreadyPosted:
		w.Logger.Info("weekly report", append(attrs, slog.String("message_id", r.MessageID))...)
	case Claimed:
		w.Logger.Warn("weekly report claimed by another run and not marked sent; not posting again", attrs...)
	default:
		w.Logger.Error("weekly report not posted", append(attrs, slog.Any("err", r.Err))...)
	}
	outcome := map[PostOutcome]string{Posted: "posted", AlreadyPosted: "skipped", Claimed: "skipped"}[r.Outcome]
	if outcome == "" {
		outcome = "failed"
	}
	w.Metrics.ReportPosts.WithLabelValues(r.Platform, outcome).Inc()
}
