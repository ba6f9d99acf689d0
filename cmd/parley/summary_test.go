package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/parley-bot/parley/answers"
	"github.com/parley-bot/parley/bot"
	"github.com/parley-bot/parley/bot/discord/discordtest"
	"github.com/parley-bot/parley/bot/slack/slacktest"
	"github.com/parley-bot/parley/store"
)

// recorder is a hand-written Poster standing in for one platform: it
// records each post and can signal it.
type recorder struct {
	platform string
	mu       sync.Mutex
	posts    []string // channel/day
	posted   chan string
}

func (r *recorder) Platform() string { return r.platform }

func (r *recorder) PostSummary(ctx context.Context, channel string, s answers.Summary) (string, error) {
	if len(s.Lines) == 0 && !s.NothingNew {
		return "", fmt.Errorf("empty summary")
	}
	r.mu.Lock()
	r.posts = append(r.posts, channel+"/"+s.Date)
	n := len(r.posts)
	r.mu.Unlock()
	if r.posted != nil {
		r.posted <- channel + "/" + s.Date
	}
	return fmt.Sprintf("%s-%d", r.platform, n), nil
}

func (r *recorder) all() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.posts...)
}

// fakePosters makes the summary post through recorders instead of the
// real adapters, for the channels the config names, until the test ends.
func fakePosters(t *testing.T) (slack, discord *recorder) {
	slack, discord = &recorder{platform: "slack"}, &recorder{platform: "discord"}
	saved := posterMakers
	t.Cleanup(func() { posterMakers = saved })
	posterMakers = []func(context.Context, *Main) (bot.Target, bool, error){
		func(_ context.Context, m *Main) (bot.Target, bool, error) {
			return bot.Target{Poster: slack, Channel: m.Config.Slack.SummaryChannel}, m.Config.Slack.SummaryChannel != "", nil
		},
		func(_ context.Context, m *Main) (bot.Target, bool, error) {
			return bot.Target{Poster: discord, Channel: m.Config.Discord.SummaryChannel}, m.Config.Discord.SummaryChannel != "", nil
		},
	}
	return slack, discord
}

func summaryConfig(t *testing.T, dir string) string {
	t.Helper()
	path := filepath.Join(dir, "parley.yaml")
	cfg := "slack: {summary_channel: C123}\ndiscord: {summary_channel: \"456\"}\nsummary: {time: \"08:00\", timezone: Europe/Kyiv}\n"
	if err := os.WriteFile(path, []byte(cfg), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestSummaryCommand(t *testing.T) {
	dir := t.TempDir()
	code, out, errs := cli(t, dir, "", "summary")
	if code != 0 {
		t.Fatalf("summary: exit %d: %s", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if !strings.HasPrefix(lines[0], "Parley daily summary — ") {
		t.Errorf("first line %q, want the dated title", lines[0])
	}
	bullets := 0
	for _, l := range lines {
		if strings.HasPrefix(l, "• ") {
			bullets++
			if !strings.HasSuffix(l, "]") {
				t.Errorf("line %q does not end with its sources", l)
			}
		}
	}
	if bullets < 3 || bullets > 8 {
		t.Errorf("%d summary lines, want 3 to 8:\n%s", bullets, out)
	}

	code, out, errs = cli(t, dir, "", "summary", "--json")
	if code != 0 {
		t.Fatalf("summary --json: exit %d: %s", code, errs)
	}
	var s answers.Summary
	if err := json.Unmarshal([]byte(out), &s); err != nil {
		t.Fatalf("summary --json is not a summary: %v\n%s", err, out)
	}
	if len(s.Lines) < 3 || len(s.Lines[0].Quotes) == 0 || s.Lines[0].Quotes[0].Article == "" || s.Lines[0].Quotes[0].Title == "" {
		t.Errorf("summary --json lines %+v: want lines with cited quotes", s.Lines)
	}
}

func TestSummaryCommandUsage(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"bad date", []string{"summary", "--date", "7 December"}, 2, `--date "7 December" is not a YYYY-MM-DD date`},
		{"argument", []string{"summary", "today"}, 2, "summary takes no arguments"},
		{"post without channels", []string{"summary", "--post"}, 2, "no summary channel is configured"},
		{"post and release", []string{"summary", "--post", "--release"}, 2, "do not go together"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errs := cli(t, dir, "", tt.args...)
			if code != tt.code || !strings.Contains(errs, tt.stderr) {
				t.Errorf("exit %d, stderr %q; want %d and %q", code, errs, tt.code, tt.stderr)
			}
		})
	}
}

// TestSummaryPostTwice: the second --post for the same day posts nothing
// and says it was already posted.
func TestSummaryPostTwice(t *testing.T) {
	dir := t.TempDir()
	slack, discord := fakePosters(t)
	cfg := summaryConfig(t, dir)
	code, out, errs := cli(t, dir, "", "--config", cfg, "summary", "--post", "--date", "2026-11-20")
	if code != 0 || strings.Count(out, ": posted (message ") != 2 {
		t.Fatalf("first --post: exit %d, stdout %q, stderr %q; want two posted", code, out, errs)
	}
	code, out, errs = cli(t, dir, "", "--config", cfg, "summary", "--post", "--date", "2026-11-20")
	if code != 0 || strings.Count(out, "already posted at") != 2 {
		t.Fatalf("second --post: exit %d, stdout %q, stderr %q; want already posted twice", code, out, errs)
	}
	if got := fmt.Sprint(slack.all(), discord.all()); got != "[C123/2026-11-20] [456/2026-11-20]" {
		t.Errorf("posts %s, want one per channel", got)
	}
}

// TestSummaryPostConcurrent races --post runs, each opening the store
// file on its own as separate processes would: one post per channel.
func TestSummaryPostConcurrent(t *testing.T) {
	dir := t.TempDir()
	slack, discord := fakePosters(t)
	cfg := summaryConfig(t, dir)
	if code, _, errs := cli(t, dir, "", "sources"); code != 0 { // create and seed the store once
		t.Fatal(errs)
	}
	var wg sync.WaitGroup
	codes := make([]int, 6)
	for i := range codes {
		wg.Go(func() {
			codes[i], _, _ = cli(t, dir, "", "--config", cfg, "summary", "--post", "--date", "2026-11-21")
		})
	}
	wg.Wait()
	if got := fmt.Sprint(slack.all(), discord.all()); got != "[C123/2026-11-21] [456/2026-11-21]" {
		t.Errorf("posts %s, want exactly one per channel", got)
	}
	for i, c := range codes {
		if c != 0 {
			t.Errorf("run %d: exit %d, want 0", i, c)
		}
	}
}

// TestSummaryReleaseStaleClaim: a claim left by a crash blocks posting
// until the operator releases it.
func TestSummaryReleaseStaleClaim(t *testing.T) {
	dir := t.TempDir()
	slack, _ := fakePosters(t)
	cfg := summaryConfig(t, dir)
	if code, _, errs := cli(t, dir, "", "sources"); code != 0 {
		t.Fatal(errs)
	}
	st, err := store.Open(context.Background(), filepath.Join(dir, "parley.db"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.ClaimPost(context.Background(), "slack:C123", "2026-11-22", time.Now()); err != nil {
		t.Fatal(err)
	}
	st.Close()
	code, out, _ := cli(t, dir, "", "--config", cfg, "summary", "--post", "--date", "2026-11-22")
	if code != 0 || !strings.Contains(out, "slack channel C123, 2026-11-22: claimed at") || !strings.Contains(out, "parley summary --release --date 2026-11-22") {
		t.Fatalf("--post over a stale claim: exit %d, stdout %q; want it reported with the release command", code, out)
	}
	if len(slack.all()) != 0 {
		t.Fatalf("slack posted %v over a stale claim", slack.all())
	}
	code, out, errs := cli(t, dir, "", "--config", cfg, "summary", "--release", "--date", "2026-11-22")
	if code != 0 || !strings.Contains(out, "released slack:C123 for 2026-11-22") {
		t.Fatalf("--release: exit %d, stdout %q, stderr %q", code, out, errs)
	}
	code, out, _ = cli(t, dir, "", "--config", cfg, "summary", "--post", "--date", "2026-11-22")
	if code != 0 || !strings.Contains(out, "slack channel C123, 2026-11-22: posted") || len(slack.all()) != 1 {
		t.Errorf("--post after release: exit %d, stdout %q, posts %v", code, out, slack.all())
	}
}

// TestServeCatchesUpDailySummary starts serve after today's slot with no
// post made: the daily job posts once to each channel at start.
func TestServeCatchesUpDailySummary(t *testing.T) {
	dir := t.TempDir()
	slack, discord := fakePosters(t)
	slack.posted, discord.posted = make(chan string, 4), make(chan string, 4)
	cfg := summaryConfig(t, dir)
	base, err := os.ReadFile(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(cfg, append(base, "http: {listen: \"127.0.0.1:0\"}\n"...), 0o600); err != nil {
		t.Fatal(err)
	}
	g := &Globals{DB: filepath.Join(dir, "parley.db"), ConfigFile: cfg, LogFormat: "text", LogLevel: "error"}
	var stderr strings.Builder
	m, err := Open(context.Background(), g, Env{Stderr: &stderr, Getenv: func(string) string { return "" }})
	if err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	kyiv := time.FixedZone("EET", 2*3600)
	m.Now = func() time.Time { return time.Date(2026, 1, 15, 11, 0, 0, 0, kyiv) } // 08:00 Kyiv was missed
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- m.Serve(ctx, nil) }()
	for _, r := range []*recorder{slack, discord} {
		select {
		case got := <-r.posted:
			if !strings.HasSuffix(got, "/2026-01-15") {
				t.Errorf("%s caught up %s, want 2026-01-15", r.platform, got)
			}
		case err := <-done:
			t.Fatalf("serve stopped before posting: %v", err)
		}
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("serve: %v", err)
	}
	if len(slack.all()) != 1 || len(discord.all()) != 1 {
		t.Errorf("posts %v %v, want one each", slack.all(), discord.all())
	}
}

// TestSummaryPostFakeAPIs posts through the real Slack and Discord
// adapters to their fake APIs: run twice, one message per channel, Block
// Kit and an embed carrying the summary; then several runs racing on
// another day, each opening the store itself: still one message each.
func TestSummaryPostFakeAPIs(t *testing.T) {
	dir := t.TempDir()
	dapi := discordtest.New(t, "tok-summary")
	sapi := slacktest.New(t)
	cfg := filepath.Join(dir, "parley.yaml")
	body := fmt.Sprintf(`slack:
  mode: http
  bot_token: xoxb-summary
  signing_secret: secret
  api_url: %q
  summary_channel: C0SUMMARY
discord:
  token: ${DISCORD_BOT_TOKEN}
  application_id: app-1
  api_url: %q
  summary_channel: "777"
summary: {time: "08:00", timezone: UTC}
`, sapi.APIURL(), dapi.URL)
	if err := os.WriteFile(cfg, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	env := func(k string) string {
		if k == "DISCORD_BOT_TOKEN" {
			return "tok-summary"
		}
		return ""
	}
	post := func(date string) (int, string, string) {
		var out, errb bytes.Buffer
		code := run(context.Background(), []string{"--db", filepath.Join(dir, "parley.db"), "--config", cfg, "summary", "--post", "--date", date},
			Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb, Getenv: env})
		return code, out.String(), errb.String()
	}
	// The seeds state no dates, so they count from their ingest, today:
	// post tomorrow's summary, which has them all.
	day := time.Now().UTC().AddDate(0, 0, 1)
	date := day.Format(time.DateOnly)
	code, out, errs := post(date)
	if code != 0 || !strings.Contains(out, "discord channel 777, "+date+": posted (message ") || !strings.Contains(out, "slack channel C0SUMMARY, "+date+": posted (message ") {
		t.Fatalf("first --post: exit %d, stdout %q, stderr %q", code, out, errs)
	}
	code, out, errs = post(date)
	if code != 0 || !strings.Contains(out, "discord channel 777, "+date+": already posted at") || !strings.Contains(out, "slack channel C0SUMMARY, "+date+": already posted at") {
		t.Fatalf("second --post: exit %d, stdout %q, stderr %q", code, out, errs)
	}

	calls := dapi.CallsTo(http.MethodPost, `^/channels/777/messages$`)
	if len(calls) != 1 {
		t.Fatalf("%d messages posted to the fake Discord, want 1", len(calls))
	}
	var msg discordgo.MessageSend
	calls[0].JSON(t, &msg)
	if len(msg.Embeds) == 0 || !strings.Contains(msg.Embeds[0].Title, day.Format("2 January 2006")) || !strings.Contains(msg.Embeds[0].Description, "Witkoff") {
		t.Errorf("posted embed %+v: want the dated summary with its quotes", msg.Embeds)
	}
	posts := sapi.Posts()
	if len(posts) != 1 || posts[0].Channel != "C0SUMMARY" || !strings.Contains(string(posts[0].Blocks), day.Format("2 January 2006")) || !strings.Contains(string(posts[0].Blocks), "Witkoff") {
		t.Fatalf("slack posts %+v: want one Block Kit summary in C0SUMMARY", posts)
	}

	race := day.AddDate(0, 0, 1).Format(time.DateOnly)
	var wg sync.WaitGroup
	codes := make([]int, 4)
	for i := range codes {
		wg.Go(func() { codes[i], _, _ = post(race) })
	}
	wg.Wait()
	if n := len(dapi.CallsTo(http.MethodPost, `^/channels/777/messages$`)); n != 2 {
		t.Errorf("discord messages after racing runs: %d, want 2 (one per day)", n)
	}
	if n := len(sapi.Posts()); n != 2 {
		t.Errorf("slack messages after racing runs: %d, want 2 (one per day)", n)
	}
	for i, c := range codes {
		if c != 0 {
			t.Errorf("racing run %d: exit %d, want 0", i, c)
		}
	}
}

// TestServePostsToFakeDiscord: serve, started after the day's slot with
// nothing posted, catches up through the Discord adapter to the fake API,
// once.
func TestServePostsToFakeDiscord(t *testing.T) {
	dir := t.TempDir()
	api := discordtest.New(t, "tok-serve")
	cfg := filepath.Join(dir, "parley.yaml")
	body := fmt.Sprintf("http: {listen: \"127.0.0.1:0\"}\ndiscord:\n  token: tok-serve\n  application_id: app-1\n  api_url: %q\n  summary_channel: \"888\"\nsummary: {time: \"06:30\", timezone: Europe/Kyiv}\n", api.URL)
	if err := os.WriteFile(cfg, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	g := &Globals{DB: filepath.Join(dir, "parley.db"), ConfigFile: cfg, LogFormat: "text", LogLevel: "error"}
	m, err := Open(context.Background(), g, Env{Stderr: io.Discard, Getenv: func(string) string { return "" }})
	if err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	// The seeds were ingested now; the injected clock says tomorrow 09:00 in Kyiv.
	kyiv, err := time.LoadLocation("Europe/Kyiv")
	if err != nil {
		t.Skip("no zoneinfo:", err)
	}
	y, mo, d := time.Now().In(kyiv).AddDate(0, 0, 1).Date()
	m.Now = func() time.Time { return time.Date(y, mo, d, 9, 0, 0, 0, kyiv) }
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- m.Serve(ctx, nil) }()
	wait, stop := context.WithTimeout(ctx, 30*time.Second)
	defer stop()
	calls, err := api.Await(wait, http.MethodPost, `^/channels/888/messages$`, 1)
	if err != nil {
		cancel()
		t.Fatalf("no summary posted: %v (serve: %v)", err, <-done)
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("serve: %v", err)
	}
	var msg discordgo.MessageSend
	calls[0].JSON(t, &msg)
	if len(msg.Embeds) == 0 || !strings.Contains(msg.Embeds[0].Title, time.Date(y, mo, d, 0, 0, 0, 0, time.UTC).Format("2 January 2006")) {
		t.Errorf("embed %+v: want the catch-up day's summary", msg.Embeds)
	}
	if n := len(api.CallsTo(http.MethodPost, `^/channels/888/messages$`)); n != 1 {
		t.Errorf("%d posts, want 1", n)
	}
	p, err := m.Store.PostFor(context.Background(), "discord:888", time.Date(y, mo, d, 0, 0, 0, 0, time.UTC).Format(time.DateOnly))
	if err != nil || p.State != store.PostSent || p.MessageID == "" {
		t.Errorf("post log %+v, %v; want sent with the message id", p, err)
	}
}
