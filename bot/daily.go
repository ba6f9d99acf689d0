package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/parley-bot/parley/answers"
	"github.com/parley-bot/parley/store"
)

// Summarizer composes the daily summary; the answer engine is one.
type Summarizer interface {
	Summary(ctx context.Context, day time.Time) (answers.Summary, error)
}

// PostLog is the store's post log as the daily job needs it: a claim made
// before sending and a mark after, one row per channel and day, shared by
// every process on the same store.
type PostLog interface {
	ClaimPost(ctx context.Context, channel, day string, now time.Time) (bool, error)
	MarkPosted(ctx context.Context, channel, day, messageID string, now time.Time) error
	ReleasePost(ctx context.Context, channel, day string) error
	PostFor(ctx context.Context, channel, day string) (store.Post, error)
}

// Target is one channel the summary goes to, and the poster that reaches
// it.
type Target struct {
	Poster  Poster
	Channel string
}

// Key is the target's name in the post log: platform and channel, so a
// Slack and a Discord channel with the same id never share a row.
func (t Target) Key() string { return t.Poster.Platform() + ":" + t.Channel }

// Schedule is the local time of day the summary is posted, in an IANA
// time zone. Slots are computed with time.Date in the zone, so a daylight
// saving change moves nothing: 08:00 stays 08:00 local. A time that does
// not exist on a spring-forward day (02:30 in New York) is the same
// instant an hour on (03:30).
type Schedule struct {
	Hour, Minute int
	Location     *time.Location
}

// ParseSchedule reads "HH:MM" and an IANA zone name, as in the config's
// summary.time and summary.timezone.
func ParseSchedule(hhmm, zone string) (Schedule, error) {
	t, err := time.Parse("15:04", hhmm)
	if err != nil {
		return Schedule{}, fmt.Errorf("summary time %q is not HH:MM: %w", hhmm, err)
	}
	if zone == "" {
		return Schedule{}, errors.New("summary time zone is empty")
	}
	loc, err := time.LoadLocation(zone)
	if err != nil {
		return Schedule{}, fmt.Errorf("summary time zone %q: %w", zone, err)
	}
	return Schedule{Hour: t.Hour(), Minute: t.Minute(), Location: loc}, nil
}

// On returns the slot on the local date of t: its day (YYYY-MM-DD, the
// post log key) and its instant.
func (s Schedule) On(t time.Time) (day string, at time.Time) {
	y, m, d := t.In(s.Location).Date()
	return s.slot(y, m, d)
}

func (s Schedule) slot(y int, m time.Month, d int) (string, time.Time) {
	day := time.Date(y, m, d, 12, 0, 0, 0, time.UTC).Format(time.DateOnly)
	at := time.Date(y, m, d, s.Hour, s.Minute, 0, 0, s.Location)
	if at.Hour() != s.Hour || at.Minute() != s.Minute {
		// The time is in a spring-forward gap, which time.Date resolves
		// either way: take it on the clock as it was before the jump.
		_, before := at.Add(-6 * time.Hour).Zone()
		at = time.Date(y, m, d, s.Hour, s.Minute, 0, 0, time.FixedZone("", before)).In(s.Location)
	}
	return day, at
}

// Latest returns the most recent slot at or before now.
func (s Schedule) Latest(now time.Time) (day string, at time.Time) {
	y, m, d := now.In(s.Location).Date()
	day, at = s.slot(y, m, d)
	if at.After(now) {
		day, at = s.slot(y, m, d-1)
	}
	return day, at
}

// Next returns the first slot after now.
func (s Schedule) Next(now time.Time) (day string, at time.Time) {
	y, m, d := now.In(s.Location).Date()
	day, at = s.slot(y, m, d)
	if !at.After(now) {
		day, at = s.slot(y, m, d+1)
	}
	return day, at
}

// PostOutcome is what happened to one channel's summary for one day.
type PostOutcome int

// The outcomes of posting to one channel.
const (
	// Posted: this run sent it and marked it in the post log.
	Posted PostOutcome = iota
	// AlreadyPosted: the post log says it was sent before; nothing sent.
	AlreadyPosted
	// Claimed: another run claimed it and has not marked it sent — it is
	// posting right now, or it crashed between claim and mark. Nothing is
	// sent; a stale claim is only released by the operator.
	Claimed
	// Failed: every attempt failed in a way that proves nothing was
	// posted; the claim was released so a later run may try again.
	Failed
	// Unknown: a send failed in a way that may have posted (a timeout, a
	// dropped connection); the claim stays so nothing is sent twice.
	Unknown
)

// String names the outcome for logs and the command line.
func (o PostOutcome) String() string {
	switch o {
	case Posted:
		return "posted"
	case AlreadyPosted:
		return "already posted"
	case Claimed:
		return "claimed by another run"
	case Failed:
		return "failed"
	default:
		return "outcome unknown"
	}
}

// PostResult reports one channel's post for one day.
type PostResult struct {
	Platform  string
	Channel   string
	Day       string
	Outcome   PostOutcome
	MessageID string
	// At is when it was posted, or for Claimed when it was claimed.
	At  time.Time
	Err error
}

// OK reports whether the summary is in the channel, or will be, with
// nothing left for the operator to do.
func (r PostResult) OK() bool { return r.Outcome == Posted || r.Outcome == AlreadyPosted }

// String is a one-line report for the operator.
func (r PostResult) String() string {
	where := r.Platform + " channel " + r.Channel + ", " + r.Day + ": "
	switch r.Outcome {
	case Posted:
		return where + "posted (message " + r.MessageID + ")"
	case AlreadyPosted:
		return where + "already posted at " + r.At.UTC().Format(time.RFC3339) + " (message " + r.MessageID + "); not posting again"
	case Claimed:
		return where + "claimed at " + r.At.UTC().Format(time.RFC3339) + " by another run that has not finished: it is posting now, or it stopped before recording the post. Not posting again; if no summary appeared, release the claim with: parley summary --release --date " + r.Day
	case Failed:
		return where + "failed, nothing posted: " + errString(r.Err)
	default:
		return where + "outcome unknown, the summary may have been posted: " + errString(r.Err) + ". Check the channel; if it is not there, run: parley summary --release --date " + r.Day
	}
}

func errString(err error) string {
	if err == nil {
		return "no error"
	}
	return err.Error()
}

// Defaults of the daily job.
const (
	// DefaultAttempts is how many times a channel's post is tried in all.
	DefaultAttempts = 5
	// DefaultBackoff is the first pause between attempts; it doubles.
	DefaultBackoff = 30 * time.Second
	// DefaultMaxBackoff caps the pause between attempts.
	DefaultMaxBackoff = 10 * time.Minute
	// DefaultSendTimeout bounds one send, which finishes even when the
	// job is stopped, so a shutdown does not leave a post half done.
	DefaultSendTimeout = 30 * time.Second
	// maxNap is the longest the job sleeps before looking at the clock
	// again, so a wall-clock jump or a suspended machine delays a slot by
	// at most this much.
	maxNap = 5 * time.Minute
)

// Daily posts the summary once a day to every target. Each post is
// claimed in the post log before it is sent and marked after, keyed by
// target and day, so restarts, repeated runs and racing processes never
// post twice. The zero values of the optional fields are the defaults.
type Daily struct {
	Summaries Summarizer
	Log       PostLog
	Targets   []Target
	Schedule  Schedule
	Logger    *slog.Logger
	Metrics   *Metrics // nil: not exported

	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// Sleep waits d or until ctx is done, returning ctx's error then; nil
	// means a real timer. Tests pass one that advances a fake clock.
	Sleep func(ctx context.Context, d time.Duration) error

	Attempts    int           // tries per channel per day; 0: DefaultAttempts
	Backoff     time.Duration // 0: DefaultBackoff
	MaxBackoff  time.Duration // 0: DefaultMaxBackoff
	SendTimeout time.Duration // 0: DefaultSendTimeout

	once sync.Once
}

func (d *Daily) now() time.Time {
	if d.Now != nil {
		return d.Now()
	}
	return time.Now()
}

func (d *Daily) sleep(ctx context.Context, dur time.Duration) error {
	if d.Sleep != nil {
		return d.Sleep(ctx, dur)
	}
	t := time.NewTimer(dur)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

func (d *Daily) metrics() *Metrics {
	d.once.Do(func() {
		if d.Metrics == nil {
			d.Metrics = NewMetrics(nil)
		}
		if d.Logger == nil {
			d.Logger = slog.New(slog.DiscardHandler)
		}
	})
	return d.Metrics
}

// Run posts at every slot until ctx is done. When it starts it first
// catches up the most recent slot if that was missed (the bot was down at
// 08:00): the post log says whether it went out. It returns nil when ctx
// is done. Run is meant for its own goroutine: it never touches answering.
func (d *Daily) Run(ctx context.Context) error {
	d.metrics()
	last := ""
	for {
		now := d.now()
		day, at := d.Schedule.Latest(now)
		if day != last {
			if last == "" {
				d.Logger.Info("daily summary: checking the latest slot", slog.String("day", day), slog.Time("slot", at))
			}
			last = day
			d.PostDay(ctx, day, at)
		}
		if ctx.Err() != nil {
			return nil
		}
		now = d.now()
		next, nextAt := d.Schedule.Next(now)
		wait := min(nextAt.Sub(now), maxNap)
		d.Logger.Debug("daily summary: waiting", slog.String("next_day", next), slog.Time("next_slot", nextAt), slog.Duration("nap", wait))
		if err := d.sleep(ctx, wait); err != nil {
			return nil
		}
	}
}

// PostDay composes the summary for day (at is an instant on that day in
// the schedule's zone) and posts it to every target at most once, in
// parallel, retrying failures with backoff. It returns one result per
// target, in target order.
func (d *Daily) PostDay(ctx context.Context, day string, at time.Time) []PostResult {
	p := postPolicy{
		log: d.Log, now: d.now, sleep: d.sleep, logger: d.Logger, metrics: d.metrics(), op: "post_summary", what: "daily summary",
		attempts: d.Attempts, backoff: d.Backoff, maxBackoff: d.MaxBackoff, sendTimeout: d.SendTimeout,
	}
	sum, err := d.Summaries.Summary(ctx, at)
	if err != nil {
		err = fmt.Errorf("compose summary %s: %w", day, err)
	}
	jobs := make([]postJob, len(d.Targets))
	for i, t := range d.Targets {
		jobs[i] = postJob{key: t.Key(), platform: t.Poster.Platform(), channel: t.Channel, send: func(ctx context.Context) (string, error) {
			return t.Poster.PostSummary(ctx, t.Channel, sum)
		}}
	}
	return p.postAll(ctx, day, jobs, err, d.report)
}

// report logs a result and counts it.
func (d *Daily) report(r PostResult) {
	attrs := []any{slog.String("platform", r.Platform), slog.String("channel", r.Channel), slog.String("day", r.Day), slog.String("outcome", r.Outcome.String())}
	switch r.Outcome {
	case Posted:
		d.Logger.Info("daily summary posted", append(attrs, slog.String("message_id", r.MessageID))...)
		d.metrics().SummaryPosts.WithLabelValues(r.Platform, "posted").Inc()
	case AlreadyPosted:
		d.Logger.Info("daily summary already posted", append(attrs, slog.String("message_id", r.MessageID))...)
		d.metrics().SummaryPosts.WithLabelValues(r.Platform, "skipped").Inc()
	case Claimed:
		d.Logger.Warn("daily summary claimed by another run and not marked sent; not posting again", append(attrs, slog.Time("claimed_at", r.At), slog.String("release", "parley summary --release --date "+r.Day))...)
		d.metrics().SummaryPosts.WithLabelValues(r.Platform, "skipped").Inc()
	default:
		d.Logger.Error("daily summary not posted", append(attrs, slog.Any("err", r.Err))...)
		d.metrics().SummaryPosts.WithLabelValues(r.Platform, "failed").Inc()
	}
}

// postPolicy is how a scheduled post (the daily summary, the weekly
// report) goes out to one channel: claimed in the post log first, sent
// with retries and backoff, marked after, released only when nothing can
// have been posted.
type postPolicy struct {
	log     PostLog
	now     func() time.Time
	sleep   func(ctx context.Context, d time.Duration) error
	logger  *slog.Logger
	metrics *Metrics
	op      string // the retries metric's method label
	what    string // for logs: "daily summary"

	attempts                         int
	backoff, maxBackoff, sendTimeout time.Duration
}

// postJob is one channel a scheduled post goes to: its key in the post
// log, where it is, and how to send it there.
type postJob struct {
	key, platform, channel string
	send                   func(ctx context.Context) (string, error)
}

// postAll posts every job for day in parallel and reports each result,
// returning them in job order. With a composeErr (the post could not be
// composed) nothing is sent: every job fails with it.
func (p postPolicy) postAll(ctx context.Context, day string, jobs []postJob, composeErr error, report func(PostResult)) []PostResult {
	results := make([]PostResult, len(jobs))
	if composeErr != nil {
		for i, j := range jobs {
			results[i] = PostResult{Platform: j.platform, Channel: j.channel, Day: day, Outcome: Failed, Err: composeErr}
			report(results[i])
		}
		return results
	}
	var wg sync.WaitGroup
	for i, j := range jobs {
		wg.Go(func() {
			results[i] = p.post(ctx, j.key, day, j.platform, j.channel, j.send)
			report(results[i])
		})
	}
	wg.Wait()
	return results
}

// post claims key for day, sends with send (retrying as the policy says)
// and marks the post sent: at most once per key and day, whatever runs
// race or crash.
func (p postPolicy) post(ctx context.Context, key, day, platform, channel string, send func(ctx context.Context) (string, error)) PostResult {
	r := PostResult{Platform: platform, Channel: channel, Day: day}
	won, err := p.log.ClaimPost(ctx, key, day, p.now())
	if err != nil {
		r.Outcome, r.Err = Failed, err
		return r
	}
	if !won {
		post, err := p.log.PostFor(ctx, key, day)
		switch {
		case err != nil:
			r.Outcome, r.Err = Unknown, err
		case post.State == store.PostSent:
			r.Outcome, r.MessageID, r.At = AlreadyPosted, post.MessageID, post.PostedAt
		default:
			r.Outcome, r.At = Claimed, post.ClaimedAt
		}
		return r
	}
	attempts := cmp0(p.attempts, DefaultAttempts)
	backoff := cmp0(p.backoff, DefaultBackoff)
	for attempt := 1; ; attempt++ {
		id, err := p.send(ctx, send)
		if err == nil {
			r.Outcome, r.MessageID, r.At = Posted, id, p.now()
			// The message is out: record it even if the job is stopping.
			mctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), p.timeout())
			defer cancel()
			if err := p.log.MarkPosted(mctx, key, day, id, r.At); err != nil {
				// The claim stays, so it is never sent again; say so.
				p.logger.Error(p.what+" posted but not marked; the claim stays so it is not sent again",
					slog.String("platform", platform), slog.String("channel", channel), slog.String("day", day), slog.Any("err", err))
			}
			return r
		}
		if errors.Is(err, ErrMaybePosted) {
			r.Outcome, r.Err = Unknown, err
			return r
		}
		if attempt >= attempts {
			r.Outcome, r.Err = Failed, fmt.Errorf("%d attempts: %w", attempt, err)
			break
		}
		p.metrics.Retries.WithLabelValues(platform, p.op).Inc()
		p.logger.Warn(p.what+" post failed; retrying", slog.String("platform", platform), slog.String("channel", channel),
			slog.String("day", day), slog.Int("attempt", attempt), slog.Duration("wait", backoff), slog.Any("err", err))
		if serr := p.sleep(ctx, backoff); serr != nil {
			r.Outcome, r.Err = Failed, fmt.Errorf("stopped before retrying: %w", err)
			break
		}
		backoff = min(2*backoff, cmp0(p.maxBackoff, DefaultMaxBackoff))
	}
	// Every attempt was refused by the platform: nothing was posted, so a
	// later run (a restart's catch-up, another --post) may try again.
	rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), p.timeout())
	defer cancel()
	if err := p.log.ReleasePost(rctx, key, day); err != nil {
		r.Err = fmt.Errorf("%w (and releasing the claim failed: %w)", r.Err, err)
	}
	return r
}

// send posts once, finishing even if ctx is cancelled meanwhile, within
// the send timeout.
func (p postPolicy) send(ctx context.Context, send func(ctx context.Context) (string, error)) (string, error) {
	if err := ctx.Err(); err != nil {
		return "", err // not started: provably not posted
	}
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), p.timeout())
	defer cancel()
	return send(sctx)
}

func (p postPolicy) timeout() time.Duration { return cmp0(p.sendTimeout, DefaultSendTimeout) }

func cmp0[T int | time.Duration](v, def T) T {
	if v <= 0 {
		return def
	}
	return v
}

// ReleaseDay drops the claims for day that were never marked sent, on
// every target, so the next run posts again. It is for the operator,
// after checking that a crashed run's summary did not appear; a sent
// post is never released. It returns the keys released.
func ReleaseDay(ctx context.Context, log PostLog, targets []Target, day string) ([]string, error) {
	var released []string
	for _, t := range targets {
		p, err := log.PostFor(ctx, t.Key(), day)
		if errors.Is(err, store.ErrNotFound) {
			continue
		}
		if err != nil {
			return released, err
		}
		if p.State == store.PostSent {
			continue
		}
		if err := log.ReleasePost(ctx, t.Key(), day); err != nil {
			return released, err
		}
		released = append(released, t.Key())
	}
	return released, nil
}
