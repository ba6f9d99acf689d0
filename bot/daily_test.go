package bot_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/url"
	"path/filepath"
	"strconv"
	"sync"
	"testing"
	"time"

	dto "github.com/prometheus/client_model/go"

	"github.com/parley-bot/parley/answers"
	"github.com/parley-bot/parley/bot"
	"github.com/parley-bot/parley/seeds"
	"github.com/parley-bot/parley/store"
	"github.com/parley-bot/parley/store/storetest"
)

// fakeClock is a clock tests move by hand: Sleep advances it at once, so
// a schedule of many days runs in microseconds with no timing in the test.
// When the clock passes stop, Sleep cancels the run.
type fakeClock struct {
	mu     sync.Mutex
	t      time.Time
	stop   time.Time
	cancel context.CancelFunc
	slept  []time.Duration
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *fakeClock) Sleep(ctx context.Context, d time.Duration) error {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.slept = append(c.slept, d)
	over := !c.stop.IsZero() && c.t.After(c.stop)
	c.mu.Unlock()
	if over && c.cancel != nil {
		c.cancel()
	}
	return ctx.Err()
}

// fakePoster records what it posts, with the fake clock's time, and fails
// as told: fails[i] is the error of the i-th call (nil or missing: post).
type fakePoster struct {
	platform string
	clock    interface{ Now() time.Time }
	mu       sync.Mutex
	posts    []fakePost
	calls    int
	fails    []error
}

type fakePost struct {
	channel string
	day     string
	at      time.Time
}

func (p *fakePoster) Platform() string { return p.platform }

func (p *fakePoster) PostSummary(ctx context.Context, channel string, s answers.Summary) (string, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.calls++
	if i := p.calls - 1; i < len(p.fails) && p.fails[i] != nil {
		return "", p.fails[i]
	}
	var at time.Time
	if p.clock != nil {
		at = p.clock.Now()
	}
	p.posts = append(p.posts, fakePost{channel, s.Date, at})
	return p.platform + "-" + strconv.Itoa(len(p.posts)), nil
}

func (p *fakePoster) snapshot() ([]fakePost, int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]fakePost(nil), p.posts...), p.calls
}

func engine(t *testing.T, st *store.Store) *answers.Engine {
	t.Helper()
	e, err := answers.NewEngine(context.Background(), st, seedPack())
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func schedule(t *testing.T, hhmm, zone string) bot.Schedule {
	t.Helper()
	s, err := bot.ParseSchedule(hhmm, zone)
	if err != nil {
		t.Skip("no zoneinfo:", err)
	}
	return s
}

func newDaily(t *testing.T, st *store.Store, s bot.Schedule, clock *fakeClock, posters ...*fakePoster) *bot.Daily {
	d := &bot.Daily{
		Summaries: engine(t, st), Log: st, Schedule: s, Logger: slog.New(slog.DiscardHandler),
		Now: clock.Now, Sleep: clock.Sleep,
	}
	for _, p := range posters {
		d.Targets = append(d.Targets, bot.Target{Poster: p, Channel: "C-" + p.platform})
	}
	return d
}

// runUntil runs d with clock from start until the clock passes stop.
func runUntil(t *testing.T, d *bot.Daily, clock *fakeClock, start, stop time.Time) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	clock.mu.Lock()
	clock.t, clock.stop, clock.cancel = start, stop, cancel
	clock.mu.Unlock()
	if err := d.Run(ctx); err != nil {
		t.Fatalf("Run: %v", err)
	}
}

func TestScheduleSlotsAcrossDST(t *testing.T) {
	tests := []struct {
		name, hhmm, zone string
		now              time.Time
		wantLatest       string // RFC 3339
		wantNext         string
	}{
		{"new york before spring forward", "08:00", "America/New_York", time.Date(2026, 3, 7, 9, 0, 0, 0, time.UTC),
			"2026-03-06T08:00:00-05:00", "2026-03-07T08:00:00-05:00"},
		{"new york day of spring forward", "08:00", "America/New_York", time.Date(2026, 3, 8, 12, 30, 0, 0, time.UTC),
			"2026-03-08T08:00:00-04:00", "2026-03-09T08:00:00-04:00"},
		{"new york slot in the spring gap", "02:30", "America/New_York", time.Date(2026, 3, 8, 6, 0, 0, 0, time.UTC),
			"2026-03-07T02:30:00-05:00", "2026-03-08T03:30:00-04:00"},
		{"kyiv after fall back", "08:00", "Europe/Kyiv", time.Date(2026, 10, 25, 6, 30, 0, 0, time.UTC),
			"2026-10-25T08:00:00+02:00", "2026-10-26T08:00:00+02:00"},
		{"kyiv exactly at the slot", "08:00", "Europe/Kyiv", time.Date(2026, 10, 24, 5, 0, 0, 0, time.UTC),
			"2026-10-24T08:00:00+03:00", "2026-10-25T08:00:00+02:00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := schedule(t, tt.hhmm, tt.zone)
			_, latest := s.Latest(tt.now)
			_, next := s.Next(tt.now)
			if got := latest.Format(time.RFC3339); got != tt.wantLatest {
				t.Errorf("Latest(%s) = %s, want %s", tt.now, got, tt.wantLatest)
			}
			if got := next.Format(time.RFC3339); got != tt.wantNext {
				t.Errorf("Next(%s) = %s, want %s", tt.now, got, tt.wantNext)
			}
		})
	}
}

// TestDailyRunAcrossSpringForward starts the job in New York an hour after
// a missed 08:00 slot, the day before clocks go forward, and runs it for
// four days: it catches up the missed slot once at start, then posts at
// 08:00 local every day, an hour earlier in UTC after the change.
func TestDailyRunAcrossSpringForward(t *testing.T) {
	st := storetest.MustOpen(t)
	clock := &fakeClock{}
	slack, discord := &fakePoster{platform: "slack", clock: clock}, &fakePoster{platform: "discord", clock: clock}
	d := newDaily(t, st, schedule(t, "08:00", "America/New_York"), clock, slack, discord)
	start := time.Date(2026, 3, 7, 14, 0, 0, 0, time.UTC) // 09:00 EST, an hour after the slot
	runUntil(t, d, clock, start, time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC))
	want := []fakePost{
		{"C-slack", "2026-03-07", start},                                        // caught up at start
		{"C-slack", "2026-03-08", time.Date(2026, 3, 8, 12, 0, 0, 0, time.UTC)}, // 08:00 EDT
		{"C-slack", "2026-03-09", time.Date(2026, 3, 9, 12, 0, 0, 0, time.UTC)},
		{"C-slack", "2026-03-10", time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)},
	}
	for _, p := range []*fakePoster{slack, discord} {
		got, _ := p.snapshot()
		if len(got) != len(want) {
			t.Fatalf("%s posts: %v, want %d", p.platform, got, len(want))
		}
		for i := range want {
			w := want[i]
			w.channel = "C-" + p.platform
			if got[i].channel != w.channel || got[i].day != w.day || !got[i].at.Equal(w.at) {
				t.Errorf("%s post %d = %+v, want %+v", p.platform, i, got[i], w)
			}
		}
	}
	for _, s := range clock.slept {
		if s <= 0 || s > 5*time.Minute {
			t.Fatalf("slept %s; want naps in (0, 5m]", s)
		}
	}
	// A restart later that day finds the post log and posts nothing.
	runUntil(t, d, clock, time.Date(2026, 3, 10, 15, 0, 0, 0, time.UTC), time.Date(2026, 3, 10, 16, 0, 0, 0, time.UTC))
	if got, calls := slack.snapshot(); len(got) != 4 || calls != 4 {
		t.Errorf("after restart: %d posts, %d calls, want 4 and 4", len(got), calls)
	}
}

// TestDailyFallBackPostsOnce runs a 03:30 schedule in Kyiv through the
// night clocks go back (03:30 happens twice on 25 October 2026): one post.
func TestDailyFallBackPostsOnce(t *testing.T) {
	st := storetest.MustOpen(t)
	clock := &fakeClock{}
	p := &fakePoster{platform: "slack", clock: clock}
	d := newDaily(t, st, schedule(t, "03:30", "Europe/Kyiv"), clock, p)
	runUntil(t, d, clock, time.Date(2026, 10, 24, 12, 0, 0, 0, time.UTC), time.Date(2026, 10, 26, 12, 0, 0, 0, time.UTC))
	got, calls := p.snapshot()
	var days []string
	for _, x := range got {
		days = append(days, x.day)
	}
	if want := []string{"2026-10-24", "2026-10-25", "2026-10-26"}; fmt.Sprint(days) != fmt.Sprint(want) || calls != 3 {
		t.Errorf("posted days %v in %d calls, want %v once each", days, calls, want)
	}
}

// TestDailyMissedSlotCaughtUpOnce: down over the slot, up in the evening:
// one post at start, none again until the next morning.
func TestDailyMissedSlotCaughtUpOnce(t *testing.T) {
	st := storetest.MustOpen(t)
	clock := &fakeClock{}
	p := &fakePoster{platform: "discord", clock: clock}
	d := newDaily(t, st, schedule(t, "08:00", "UTC"), clock, p)
	start := time.Date(2025, 12, 8, 20, 0, 0, 0, time.UTC)
	runUntil(t, d, clock, start, time.Date(2025, 12, 9, 7, 59, 0, 0, time.UTC))
	got, _ := p.snapshot()
	if len(got) != 1 || got[0].day != "2025-12-08" || !got[0].at.Equal(start) {
		t.Fatalf("posts %+v, want one catch-up for 2025-12-08 at start", got)
	}
	runUntil(t, d, clock, clock.Now(), time.Date(2025, 12, 9, 8, 1, 0, 0, time.UTC))
	if got, _ := p.snapshot(); len(got) != 2 || got[1].day != "2025-12-09" || !got[1].at.Equal(time.Date(2025, 12, 9, 8, 0, 0, 0, time.UTC)) {
		t.Errorf("posts %+v, want the next at 2025-12-09 08:00", got)
	}
}

var errRefused = errors.New("platform said no: HTTP 503")

func TestDailyRetriesWithBackoff(t *testing.T) {
	st := storetest.MustOpen(t)
	clock := &fakeClock{t: time.Date(2025, 12, 8, 8, 0, 0, 0, time.UTC)}
	p := &fakePoster{platform: "slack", clock: clock, fails: []error{errRefused, errRefused}}
	d := newDaily(t, st, schedule(t, "08:00", "UTC"), clock, p)
	res := d.PostDay(context.Background(), "2025-12-08", clock.Now())
	if len(res) != 1 || res[0].Outcome != bot.Posted {
		t.Fatalf("PostDay = %v, want posted", res)
	}
	if _, calls := p.snapshot(); calls != 3 {
		t.Errorf("%d calls, want 3 (two refusals, then posted)", calls)
	}
	if want := []time.Duration{30 * time.Second, time.Minute}; fmt.Sprint(clock.slept) != fmt.Sprint(want) {
		t.Errorf("backoff %v, want %v", clock.slept, want)
	}
	if got := testutilCount(t, d.Metrics, "posted"); got != 1 {
		t.Errorf("summary posts posted = %v, want 1", got)
	}
}

func TestDailyGivesUpAndReleases(t *testing.T) {
	st := storetest.MustOpen(t)
	clock := &fakeClock{t: time.Date(2025, 12, 8, 8, 0, 0, 0, time.UTC)}
	p := &fakePoster{platform: "slack", clock: clock, fails: []error{errRefused, errRefused, errRefused}}
	d := newDaily(t, st, schedule(t, "08:00", "UTC"), clock, p)
	d.Attempts = 3
	res := d.PostDay(context.Background(), "2025-12-08", clock.Now())
	if res[0].Outcome != bot.Failed || !errors.Is(res[0].Err, errRefused) {
		t.Fatalf("PostDay = %v, want failed with the refusal", res)
	}
	if _, err := st.PostFor(context.Background(), "slack:C-slack", "2025-12-08"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("claim after refusals: %v, want released (not found)", err)
	}
	// Nothing was posted, so the next run (a restart's catch-up) posts.
	res = d.PostDay(context.Background(), "2025-12-08", clock.Now())
	if res[0].Outcome != bot.Posted {
		t.Errorf("second PostDay = %v, want posted", res)
	}
	if got := testutilCount(t, d.Metrics, "failed"); got != 1 {
		t.Errorf("summary posts failed = %v, want 1", got)
	}
}

// TestDailyNeverResendsWhatMayHavePosted: a poster that says its send may
// have posted (ErrMaybePosted: the request went out, no answer came back)
// keeps the claim; nothing is retried, and later runs say so until the
// operator releases it. The core goes by ErrMaybePosted alone, never by
// the network error under it.
func TestDailyNeverResendsWhatMayHavePosted(t *testing.T) {
	for name, err := range map[string]error{
		"deadline":         fmt.Errorf("post: %w: %w", bot.ErrMaybePosted, context.DeadlineExceeded),
		"connection reset": fmt.Errorf("post: %w: %w", bot.ErrMaybePosted, &url.Error{Op: "Post", URL: "http://fake", Err: &net.OpError{Op: "read", Err: errors.New("connection reset by peer")}}),
		"eof":              fmt.Errorf("post: %w: %w", bot.ErrMaybePosted, io.ErrUnexpectedEOF),
	} {
		t.Run(name, func(t *testing.T) {
			st := storetest.MustOpen(t)
			ctx := context.Background()
			clock := &fakeClock{t: time.Date(2025, 12, 8, 8, 0, 0, 0, time.UTC)}
			p := &fakePoster{platform: "slack", clock: clock, fails: []error{err}}
			d := newDaily(t, st, schedule(t, "08:00", "UTC"), clock, p)
			if res := d.PostDay(ctx, "2025-12-08", clock.Now()); res[0].Outcome != bot.Unknown {
				t.Fatalf("PostDay = %v, want outcome unknown", res)
			}
			if res := d.PostDay(ctx, "2025-12-08", clock.Now()); res[0].Outcome != bot.Claimed {
				t.Fatalf("second PostDay = %v, want claimed (stale)", res)
			}
			if _, calls := p.snapshot(); calls != 1 {
				t.Fatalf("%d sends, want 1", calls)
			}
			released, err := bot.ReleaseDay(ctx, st, d.Targets, "2025-12-08")
			if err != nil || len(released) != 1 {
				t.Fatalf("ReleaseDay = %v, %v; want one released", released, err)
			}
			if res := d.PostDay(ctx, "2025-12-08", clock.Now()); res[0].Outcome != bot.Posted {
				t.Errorf("after release: %v, want posted", res)
			}
		})
	}
}

// TestDailyStaleClaimAfterCrash: a run that claimed and crashed before
// sending leaves a claim; nothing is sent automatically, and a sent post
// is never released.
func TestDailyStaleClaimAfterCrash(t *testing.T) {
	st := storetest.MustOpen(t)
	ctx := context.Background()
	clock := &fakeClock{t: time.Date(2025, 12, 8, 9, 0, 0, 0, time.UTC)}
	slack, discord := &fakePoster{platform: "slack", clock: clock}, &fakePoster{platform: "discord", clock: clock}
	d := newDaily(t, st, schedule(t, "08:00", "UTC"), clock, slack, discord)
	if _, err := st.ClaimPost(ctx, "slack:C-slack", "2025-12-08", clock.Now().Add(-time.Hour)); err != nil {
		t.Fatal(err)
	}
	res := d.PostDay(ctx, "2025-12-08", clock.Now())
	if res[0].Outcome != bot.Claimed || res[1].Outcome != bot.Posted {
		t.Fatalf("PostDay = %v, want slack claimed, discord posted", res)
	}
	if _, calls := slack.snapshot(); calls != 0 {
		t.Errorf("slack sends %d, want 0", calls)
	}
	released, err := bot.ReleaseDay(ctx, st, d.Targets, "2025-12-08")
	if err != nil || fmt.Sprint(released) != "[slack:C-slack]" {
		t.Fatalf("ReleaseDay = %v, %v; want only the stale slack claim", released, err)
	}
	res = d.PostDay(ctx, "2025-12-08", clock.Now())
	if res[0].Outcome != bot.Posted || res[1].Outcome != bot.AlreadyPosted {
		t.Errorf("after release: %v, want slack posted, discord already posted", res)
	}
}

// TestDailyConcurrentPostsOnce races many PostDay calls through two
// separate opens of one store file, as two processes would: each channel
// gets exactly one post.
func TestDailyConcurrentPostsOnce(t *testing.T) {
	path := filepath.Join(t.TempDir(), "parley.db")
	ctx := context.Background()
	var stores []*store.Store
	for range 2 {
		st, err := store.Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		stores = append(stores, st)
	}
	if _, err := stores[0].IngestFS(ctx, seeds.FS, storetest.Epoch); err != nil {
		t.Fatal(err)
	}
	clock := &fakeClock{t: time.Date(2025, 12, 8, 8, 0, 0, 0, time.UTC)}
	slack, discord := &fakePoster{platform: "slack", clock: clock}, &fakePoster{platform: "discord", clock: clock}
	var dailies []*bot.Daily
	for _, st := range stores {
		dailies = append(dailies, newDaily(t, st, schedule(t, "08:00", "UTC"), clock, slack, discord))
	}
	const runs = 8
	results := make([][]bot.PostResult, runs)
	var wg sync.WaitGroup
	for i := range runs {
		wg.Go(func() { results[i] = dailies[i%2].PostDay(ctx, "2025-12-08", clock.Now()) })
	}
	wg.Wait()
	for _, p := range []*fakePoster{slack, discord} {
		if got, calls := p.snapshot(); len(got) != 1 || calls != 1 {
			t.Errorf("%s: %d posts in %d calls, want exactly 1", p.platform, len(got), calls)
		}
	}
	posted := 0
	for _, rs := range results {
		for _, r := range rs {
			switch r.Outcome {
			case bot.Posted:
				posted++
			case bot.AlreadyPosted, bot.Claimed:
			default:
				t.Errorf("result %v, want posted, already posted or claimed", r)
			}
		}
	}
	if posted != 2 {
		t.Errorf("%d posted results, want 2 (one per channel)", posted)
	}
}

func TestPostResultString(t *testing.T) {
	at := time.Date(2025, 12, 8, 8, 0, 1, 0, time.UTC)
	tests := []struct {
		r    bot.PostResult
		want string
	}{
		{bot.PostResult{Platform: "slack", Channel: "C1", Day: "2025-12-08", Outcome: bot.Posted, MessageID: "1.2"}, "slack channel C1, 2025-12-08: posted (message 1.2)"},
		{bot.PostResult{Platform: "slack", Channel: "C1", Day: "2025-12-08", Outcome: bot.AlreadyPosted, MessageID: "1.2", At: at}, "slack channel C1, 2025-12-08: already posted at 2025-12-08T08:00:01Z (message 1.2); not posting again"},
	}
	for _, tt := range tests {
		if got := tt.r.String(); got != tt.want {
			t.Errorf("String() = %q, want %q", got, tt.want)
		}
	}
}

func testutilCount(t *testing.T, m *bot.Metrics, outcome string) float64 {
	t.Helper()
	var pb dto.Metric
	if err := m.SummaryPosts.WithLabelValues("slack", outcome).Write(&pb); err != nil {
		t.Fatal(err)
	}
	return pb.GetCounter().GetValue()
}
