package bot_test

import (
	"context"
	"database/sql"
	"io"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus/testutil"
	_ "modernc.org/sqlite"

	"github.com/parley-bot/parley/answers"
	"github.com/parley-bot/parley/bot"
	"github.com/parley-bot/parley/store"
	"github.com/parley-bot/parley/store/storetest"
)

// rememberingBot is a bot over the seeds that keeps conversations, the
// question log and verdicts in a real store, on a hand-moved clock.
func rememberingBot(t *testing.T) (*bot.Bot, *bot.Memory, *store.Store, *clock, *bot.Metrics) {
	t.Helper()
	st := storetest.MustOpen(t)
	eng, err := answers.NewEngine(context.Background(), st, seedPack())
	if err != nil {
		t.Fatal(err)
	}
	metrics := bot.NewMetrics(nil)
	b := bot.New(eng, slog.New(slog.DiscardHandler), metrics)
	c := newClock(time.Date(2025, 12, 8, 9, 0, 0, 0, time.UTC))
	b.Now = c.now
	mem, err := bot.NewMemory(bot.Memory{Journal: st, Salt: []byte("a test salt of enough bytes"), Metrics: metrics})
	if err != nil {
		t.Fatal(err)
	}
	b.Remember(mem)
	return b, mem, st, c, metrics
}

func TestFollowUpWithinTheWindow(t *testing.T) {
	ctx := context.Background()
	b, _, _, c, _ := rememberingBot(t)
	ask := func(conv, text string) bot.Reply {
		return b.Handle(ctx, bot.Request{Platform: "slack", Channel: "C1", User: "U1", Conversation: conv, Text: text})
	}
	first := ask("C1/1765.0001", "Who met with Putin in Moscow?")
	if first.Kind != bot.KindAnswer || first.Carried != nil {
		t.Fatalf("first question: %+v", first)
	}
	c.add(9 * time.Minute)
	r := ask("C1/1765.0001", "How long did it last?")
	if r.Kind != bot.KindAnswer || r.Carried == nil || !strings.Contains(r.Quotes[0].Text, "five") {
		t.Fatalf("follow-up in the window: kind %v carried %+v quotes %v", r.Kind, r.Carried, r.Quotes)
	}
	// Another thread is another conversation.
	if other := ask("C1/1765.0099", "How long did it last?"); other.Carried != nil {
		t.Errorf("a question in another thread carried %+v", other.Carried)
	}
	// Past the window (10 minutes after the last question), it stands alone.
	c.add(11 * time.Minute)
	if late := ask("C1/1765.0001", "How long did it last?"); late.Carried != nil {
		t.Errorf("a question past the window carried %+v", late.Carried)
	}
	// Without a conversation, nothing is carried either.
	if alone := ask("", "When was that?"); alone.Carried != nil {
		t.Errorf("a question with no conversation carried %+v", alone.Carried)
	}
}

func TestFeedbackOncePerPerson(t *testing.T) {
	ctx := context.Background()
	b, _, st, _, metrics := rememberingBot(t)
	r := b.Handle(ctx, bot.Request{Platform: "discord", Channel: "D1", User: "U-secret-42", Text: "Who met with Putin in Moscow?"})
	if r.Kind != bot.KindAnswer || r.ID == "" {
		t.Fatalf("answer without an id for its buttons: %+v", r)
	}
	press := func(user, kind string) bot.Reply {
		a, ok := bot.ParseAction(kind, r.ID)
		if !ok {
			t.Fatalf("ParseAction(%q, %q) refused", kind, r.ID)
		}
		return b.Handle(ctx, bot.Request{Platform: "discord", Channel: "D1", User: user, Action: &a})
	}
	if n := press("U-secret-42", bot.ActionWrong); n.Kind != bot.KindNote || !strings.Contains(n.Text, "wrong") {
		t.Fatalf("first click: %+v", n)
	}
	if n := press("U-secret-42", bot.ActionWrong); !strings.Contains(n.Text, "already") {
		t.Errorf("double click: %q, want it to say the verdict counts once", n.Text)
	}
	if n := press("U-secret-42", bot.ActionHelpful); !strings.Contains(n.Text, "Changed") {
		t.Errorf("change of mind: %q", n.Text)
	}
	press("U-other", bot.ActionWrong)
	js, err := st.Judgements(ctx, time.Time{})
	if err != nil || len(js) != 1 || js[0].Wrong != 1 || js[0].Helpful != 1 {
		t.Fatalf("Judgements = %+v, %v; want one answer: 1 wrong, 1 helpful", js, err)
	}
	if got := testutil.ToFloat64(metrics.Feedback.WithLabelValues("discord", "wrong", "repeated")); got != 1 {
		t.Errorf("repeated wrong counted %v, want 1", got)
	}
	// No raw user id anywhere in the store.
	db, err := sql.Open("sqlite", st.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, table := range []string{"asked", "verdicts", "conversations", "settings"} {
		n := 0
		rows, err := db.Query("SELECT * FROM " + table)
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			rows.Scan(ptrs...)
			for _, v := range vals {
				if s, ok := v.(string); ok && strings.Contains(s, "U-secret-42") {
					n++
				}
			}
		}
		rows.Close()
		if n > 0 {
			t.Errorf("table %s holds the raw user id", table)
		}
	}
}

func TestMoreSources(t *testing.T) {
	ctx := context.Background()
	b, _, _, _, _ := rememberingBot(t)
	r := b.Handle(ctx, bot.Request{Platform: "slack", Text: "Who met with Putin in Moscow?"})
	if r.More == 0 {
		t.Fatalf("no further sources for a question many articles answer: %+v", r)
	}
	a, _ := bot.ParseAction(bot.ActionMore, r.ID)
	more := b.Handle(ctx, bot.Request{Platform: "slack", User: "U1", Action: &a})
	if more.Kind != bot.KindMore || len(more.Quotes) != r.More {
		t.Fatalf("More sources: kind %v, %d quotes, want %d", more.Kind, len(more.Quotes), r.More)
	}
	for _, q := range more.Quotes {
		if q.Article == "" || q.Text == "" {
			t.Errorf("uncited quote %+v", q)
		}
		for _, shown := range r.Quotes {
			if q.Text == shown.Text {
				t.Errorf("More sources repeats a quote shown: %q", q.Text)
			}
		}
	}
	// A button for an answer that is not (or no longer) kept.
	gone, _ := bot.ParseAction(bot.ActionMore, strings.Repeat("ab", 16))
	if n := b.Handle(ctx, bot.Request{Platform: "slack", Action: &gone}); n.Kind != bot.KindNote || !strings.Contains(n.Text, "no longer keep") {
		t.Errorf("unknown answer: %+v", n)
	}
	for _, bad := range [][2]string{{"delete", r.ID}, {bot.ActionMore, "'; DROP TABLE asked; --"}, {bot.ActionWrong, ""}} {
		if _, ok := bot.ParseAction(bad[0], bad[1]); ok {
			t.Errorf("ParseAction(%q, %q) accepted it", bad[0], bad[1])
		}
	}
}

// TestRetention: questions and verdicts are kept retention (90 days),
// then deleted; turns, the window.
func TestRetention(t *testing.T) {
	ctx := context.Background()
	b, mem, st, c, _ := rememberingBot(t)
	r := b.Handle(ctx, bot.Request{Platform: "slack", User: "U1", Conversation: "C1", Text: "Who met with Putin in Moscow?"})
	a, _ := bot.ParseAction(bot.ActionWrong, r.ID)
	b.Handle(ctx, bot.Request{Platform: "slack", User: "U1", Action: &a})
	turns, qs, vs, err := mem.Prune(ctx, c.now().Add(89*24*time.Hour))
	if err != nil || turns != 1 || qs != 0 || vs != 0 {
		t.Fatalf("Prune at 89 days = %d turns, %d questions, %d verdicts, %v; want the turn only", turns, qs, vs, err)
	}
	if _, err := st.AskedByID(ctx, r.ID); err != nil {
		t.Fatalf("question gone before its retention: %v", err)
	}
	_, qs, vs, err = mem.Prune(ctx, c.now().Add(91*24*time.Hour))
	if err != nil || qs != 1 || vs != 1 {
		t.Fatalf("Prune at 91 days = %d questions, %d verdicts, %v; want 1, 1", qs, vs, err)
	}
	c.add(91 * 24 * time.Hour)
	if n := b.Handle(ctx, bot.Request{Platform: "slack", User: "U1", Action: &a}); !strings.Contains(n.Text, "90 days") {
		t.Errorf("feedback on a pruned answer: %q", n.Text)
	}
}

func TestNoSaltNoMemory(t *testing.T) {
	st := storetest.MustOpenEmpty(t)
	if _, err := bot.NewMemory(bot.Memory{Journal: st}); err == nil {
		t.Error("NewMemory without a salt succeeded")
	}
}

// TestReportGroupsParaphrasedRefusals composes the curator's report from
// the log: the same refused question in other words is one line; answers
// marked wrong come with their quotes.
func TestReportGroupsParaphrasedRefusals(t *testing.T) {
	ctx := context.Background()
	b, _, st, c, _ := rememberingBot(t)
	eng, err := answers.NewEngine(ctx, st, seedPack())
	if err != nil {
		t.Fatal(err)
	}
	since := c.now()
	for _, q := range []string{
		"What did Macron say about the talks?",
		"How many soldiers died?",
		"what has macron said about the negotiations",
		"How many soldiers were killed?",
		"What did Macron say about the talks?",
		"Who met with Putin in Moscow?",
	} {
		c.add(time.Minute)
		b.Handle(ctx, bot.Request{Platform: "slack", User: "U1", Text: q})
	}
	r := b.Handle(ctx, bot.Request{Platform: "slack", User: "U1", Text: "Who is Ukraine's chief negotiator?"})
	a, _ := bot.ParseAction(bot.ActionWrong, r.ID)
	b.Handle(ctx, bot.Request{Platform: "slack", User: "U2", Action: &a})
	rep, err := bot.ComposeReport(ctx, st, eng, since, c.now().Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if rep.Asked != 7 || rep.Refused != 5 || rep.Answered != 2 {
		t.Errorf("asked %d, refused %d, answered %d; want 7, 5, 2", rep.Asked, rep.Refused, rep.Answered)
	}
	if len(rep.Unanswered) != 2 || rep.Unanswered[0].Asked != 3 || rep.Unanswered[0].Question != "What did Macron say about the talks?" ||
		len(rep.Unanswered[0].Wordings) != 1 || rep.Unanswered[1].Asked != 2 {
		t.Errorf("unanswered = %+v", rep.Unanswered)
	}
	if len(rep.Wrong) != 1 || rep.Wrong[0].Wrong != 1 || len(rep.Wrong[0].Quotes) == 0 || !strings.Contains(rep.Wrong[0].Quotes[0].Text, "Umerov") {
		t.Errorf("wrong = %+v", rep.Wrong)
	}
	text := bot.ReportText(rep)
	for _, want := range []string{"What did Macron say about the talks? (asked 3 times)", "also as: “what has macron said about the negotiations”", "marked wrong by 1 person", "Umerov"} {
		if !strings.Contains(text, want) {
			t.Errorf("report text lacks %q:\n%s", want, text)
		}
	}
}

// reportPoster records weekly reports.
type reportPoster struct {
	mu    sync.Mutex
	posts []bot.Report
}

func (p *reportPoster) Platform() string { return "slack" }

func (p *reportPoster) PostReport(ctx context.Context, channel string, r bot.Report) (string, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.posts = append(p.posts, r)
	return "ts", nil
}

// TestWeeklyReportOncePerWeek runs the weekly job for three weeks with a
// restart in between: one post per week, each of the week before.
func TestWeeklyReportOncePerWeek(t *testing.T) {
	st := storetest.MustOpenEmpty(t)
	loc, _ := time.LoadLocation("Europe/Berlin")
	fc := &fakeClock{t: time.Date(2025, 12, 1, 7, 0, 0, 0, loc)} // a Monday, before the slot
	p := &reportPoster{}
	newWeekly := func() *bot.Weekly {
		return &bot.Weekly{
			Compose: func(ctx context.Context, since, until time.Time) (bot.Report, error) {
				return bot.Report{Since: since, Until: until}, nil
			},
			Log: st, Targets: []bot.ReportTarget{{Poster: p, Channel: "C-report"}},
			Week: bot.Week{Day: time.Monday, Schedule: bot.Schedule{Hour: 9, Location: loc}},
			Now:  fc.Now, Sleep: fc.Sleep, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	fc.stop, fc.cancel = time.Date(2025, 12, 10, 0, 0, 0, 0, loc), cancel
	newWeekly().Run(ctx)
	// A restart mid-week posts nothing new; the next Monday posts once.
	ctx, cancel = context.WithCancel(context.Background())
	fc.stop, fc.cancel = time.Date(2025, 12, 20, 0, 0, 0, 0, loc), cancel
	newWeekly().Run(ctx)
	// The first start catches up the slot it missed (24 November), then
	// 1, 8 and, after the restart, 15 December: each once.
	slots := []time.Time{time.Date(2025, 11, 24, 9, 0, 0, 0, loc), time.Date(2025, 12, 1, 9, 0, 0, 0, loc),
		time.Date(2025, 12, 8, 9, 0, 0, 0, loc), time.Date(2025, 12, 15, 9, 0, 0, 0, loc)}
	if len(p.posts) != len(slots) {
		t.Fatalf("%d reports posted, want %d (one a week, a restart in between)", len(p.posts), len(slots))
	}
	for i, want := range slots {
		if r := p.posts[i]; !r.Until.Equal(want) || !r.Since.Equal(want.AddDate(0, 0, -7)) {
			t.Errorf("report %d covers %v – %v, want the week before %v", i, r.Since, r.Until, want)
		}
	}
	if _, err := st.PostFor(context.Background(), "report:slack:C-report", "2025-W50"); err != nil {
		t.Errorf("no post-log row for week 50: %v", err)
	}
}

func TestParseWeekday(t *testing.T) {
	for in, want := range map[string]time.Weekday{"monday": time.Monday, "Mon": time.Monday, "SUNDAY": time.Sunday, "fri": time.Friday} {
		if got, err := bot.ParseWeekday(in); err != nil || got != want {
			t.Errorf("ParseWeekday(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "mo", "someday"} {
		if _, err := bot.ParseWeekday(bad); err == nil {
			t.Errorf("ParseWeekday(%q) accepted it", bad)
		}
	}
}
