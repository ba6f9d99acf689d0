package slack

import (
	"bytes"
	"context"
	"encoding/json"
	"html"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	dto "github.com/prometheus/client_model/go"

	"github.com/parley-bot/parley/answers"
	"github.com/parley-bot/parley/bot"
	"github.com/parley-bot/parley/bot/slack/slacktest"
	"github.com/parley-bot/parley/seeds"
	"github.com/parley-bot/parley/store"
	"github.com/parley-bot/parley/store/storetest"
)

const (
	testSecret   = "8f742231b10e8888abcd99yyyzzz85a5"
	testBotToken = "xoxb-test-token"
	testAppToken = "xapp-test-token"
	waitFor      = 10 * time.Second
)

// clock is the fixed "now" of the tests.
var clock = time.Date(2025, 12, 6, 12, 0, 0, 0, time.UTC)

// fixture is one adapter wired to a real store, the real engine, an inbox
// and a fake Slack.
type fixture struct {
	t       testing.TB
	fake    *slacktest.Server
	st      *store.Store
	a       *Adapter
	metrics *bot.Metrics
	srv     *httptest.Server
	later   atomic.Int64 // how far the fixture's clock is past clock
	// remember gives the fixture's bots a memory in its store: follow-ups,
	// the question log and the buttons under answers.
	remember bool

	mu    sync.Mutex
	waits []time.Duration
}

type fixtureOpt func(*Config)

func newFixture(tb testing.TB, mode string, opts ...fixtureOpt) *fixture {
	tb.Helper()
	f := &fixture{t: tb, fake: slacktest.New(tb), st: storetest.MustOpen(tb)}
	f.metrics = bot.NewMetrics(prometheus.NewRegistry())
	f.a = f.adapter(mode, bot.NewPool(8), opts...)
	return f
}

// newRememberingFixture is newFixture with a bot that remembers.
func newRememberingFixture(tb testing.TB, mode string) *fixture {
	tb.Helper()
	f := &fixture{t: tb, fake: slacktest.New(tb), st: storetest.MustOpen(tb), remember: true}
	f.metrics = bot.NewMetrics(prometheus.NewRegistry())
	f.a = f.adapter(mode, bot.NewPool(8))
	return f
}

// now is the fixture's clock: clock, moved on by advance.
func (f *fixture) now() time.Time { return clock.Add(time.Duration(f.later.Load())) }

// advance moves the fixture's clock on by d.
func (f *fixture) advance(d time.Duration) { f.later.Add(int64(d)) }

// adapter builds an adapter, with its own bot, inbox and pool, over f's
// store and fake; a second one on the same store stands for Parley after
// a restart.
func (f *fixture) adapter(mode string, pool *bot.Pool, opts ...fixtureOpt) *Adapter {
	f.t.Helper()
	ctx := context.Background()
	eng, err := answers.NewEngine(ctx, f.st, seedPack())
	if err != nil {
		f.t.Fatal(err)
	}
	log := slog.New(slog.DiscardHandler)
	b := bot.New(eng, log, f.metrics)
	b.Now = f.now
	if f.remember {
		mem, err := bot.NewMemory(bot.Memory{Journal: f.st, Salt: []byte("the slack tests' salt"), Metrics: f.metrics})
		if err != nil {
			f.t.Fatal(err)
		}
		b.Remember(mem)
	}
	inbox := bot.NewInbox(f.st, b, pool, bot.InboxOptions{Metrics: f.metrics, Log: log, Now: f.now})
	cfg := Config{
		Mode: mode, BotToken: testBotToken, AppToken: testAppToken, SigningSecret: testSecret, APIURL: f.fake.APIURL(),
		Sleep: func(ctx context.Context, d time.Duration) error {
			f.mu.Lock()
			f.waits = append(f.waits, d)
			f.mu.Unlock()
			return ctx.Err()
		},
	}
	for _, opt := range opts {
		opt(&cfg)
	}
	a, err := New(cfg, bot.Deps{Handler: b, Inbox: inbox, Metrics: f.metrics, Log: log, Now: f.now})
	if err != nil {
		f.t.Fatal(err)
	}
	// Drain answers before the store closes (cleanups run last-in first-out).
	f.t.Cleanup(func() { inbox.Wait(context.Background()) })
	if mode == ModeHTTP {
		if err := a.authenticate(ctx); err != nil {
			f.t.Fatalf("authenticate: %v", err)
		}
		mux := http.NewServeMux()
		a.Routes(mux)
		f.srv = httptest.NewServer(mux)
		f.t.Cleanup(f.srv.Close)
	}
	return a
}

// send posts body to path on the adapter's HTTP server, signed at ts, with
// extra headers, and returns the status and body.
func (f *fixture) send(path, contentType string, body []byte, ts time.Time, header http.Header) (int, string) {
	f.t.Helper()
	req, err := http.NewRequest(http.MethodPost, f.srv.URL+path, bytes.NewReader(body))
	if err != nil {
		f.t.Fatal(err)
	}
	req.Header.Set("Content-Type", contentType)
	stamp := strconv.FormatInt(ts.Unix(), 10)
	req.Header.Set("X-Slack-Request-Timestamp", stamp)
	req.Header.Set("X-Slack-Signature", Sign([]byte(testSecret), stamp, body))
	for k, v := range header {
		req.Header[k] = v
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		f.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func (f *fixture) event(body []byte, header http.Header) (int, string) {
	f.t.Helper()
	return f.send("/slack/events", "application/json", body, clock, header)
}

func (f *fixture) command(text, trigger string) (int, string) {
	f.t.Helper()
	form := url.Values{"command": {"/ask"}, "text": {text}, "channel_id": {"C0GENERAL"}, "user_id": {"U0ALICE"},
		"team_id": {slacktest.TeamID}, "trigger_id": {trigger}, "response_url": {f.fake.ResponseURL(trigger)}}
	return f.send("/slack/commands", "application/x-www-form-urlencoded", []byte(form.Encode()), clock, nil)
}

// settle waits until every answer in flight was delivered, so a test can
// then assert that something was NOT posted.
func (f *fixture) settle(a *Adapter) {
	f.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), waitFor)
	defer cancel()
	if err := a.inbox.Wait(ctx); err != nil {
		f.t.Fatalf("answers still running: %v", err)
	}
}

// callback builds an event_callback payload around inner.
func callback(eventID string, inner map[string]any) []byte {
	b, _ := json.Marshal(map[string]any{
		"token": "ignored", "team_id": slacktest.TeamID, "api_app_id": "AFAKE0001", "type": "event_callback",
		"event_id": eventID, "event_time": clock.Unix(), "event": inner,
	})
	return b
}

func mention(text, ts string) map[string]any {
	return map[string]any{"type": "app_mention", "user": "U0ALICE", "text": text, "ts": ts,
		"channel": "C0GENERAL", "event_ts": ts}
}

func dm(text, ts string) map[string]any {
	return map[string]any{"type": "message", "channel_type": "im", "user": "U0ALICE", "text": text, "ts": ts,
		"channel": "D0ALICE", "event_ts": ts}
}

func counter(c prometheus.Collector) float64 {
	ch := make(chan prometheus.Metric, 16)
	c.Collect(ch)
	close(ch)
	total := 0.0
	for m := range ch {
		var d dto.Metric
		m.Write(&d)
		total += d.GetCounter().GetValue()
	}
	return total
}

// block is the part of a Block Kit block the tests read.
type block struct {
	Type string `json:"type"`
	Text *struct {
		Text string `json:"text"`
	} `json:"text"`
	Elements []element `json:"elements"`
}

// element is a context block's text or an actions block's button.
type element struct {
	Text     string // a context element's mrkdwn, or a button's label
	ActionID string
	Value    string
}

func (e *element) UnmarshalJSON(b []byte) error {
	var raw struct {
		Text     json.RawMessage `json:"text"`
		ActionID string          `json:"action_id"`
		Value    string          `json:"value"`
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		return err
	}
	e.ActionID, e.Value = raw.ActionID, raw.Value
	if json.Unmarshal(raw.Text, &e.Text) == nil {
		return nil
	}
	var label struct {
		Text string `json:"text"`
	}
	if err := json.Unmarshal(raw.Text, &label); err != nil {
		return err
	}
	e.Text = label.Text
	return nil
}

func blocksOf(t testing.TB, raw json.RawMessage) []block {
	t.Helper()
	var bs []block
	if err := json.Unmarshal(raw, &bs); err != nil {
		t.Fatalf("blocks %s: %v", raw, err)
	}
	return bs
}

// quotes returns the block quotes of a post, unescaped as Slack shows them.
func quotes(t testing.TB, p slacktest.Post) []string {
	var out []string
	for _, b := range blocksOf(t, p.Blocks) {
		if b.Type == "section" && b.Text != nil && strings.HasPrefix(b.Text.Text, "> ") {
			lines := strings.Split(b.Text.Text, "\n")
			for i := range lines {
				lines[i] = strings.TrimPrefix(lines[i], "> ")
			}
			out = append(out, html.UnescapeString(strings.Join(lines, "\n")))
		}
	}
	return out
}

// allText is every text of a post: fallback and blocks, as sent.
func allText(t testing.TB, p slacktest.Post) string {
	parts := []string{p.Text}
	for _, b := range blocksOf(t, p.Blocks) {
		if b.Text != nil {
			parts = append(parts, b.Text.Text)
		}
		for _, e := range b.Elements {
			parts = append(parts, e.Text)
		}
	}
	return strings.Join(parts, "\n")
}

// assertVerbatim checks every quote of p is a sentence run of the store,
// exactly (whitespace aside), and that there is at least one.
func assertVerbatim(t *testing.T, st *store.Store, p slacktest.Post) {
	t.Helper()
	sents, err := st.Sentences(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var corpus []string
	for _, s := range sents {
		corpus = append(corpus, strings.Join(strings.Fields(s.Text), " "))
	}
	all := strings.Join(corpus, " ")
	qs := quotes(t, p)
	if len(qs) == 0 {
		t.Fatalf("post has no block quote: %s", p.Blocks)
	}
	for _, q := range qs {
		q = strings.Join(strings.Fields(q), " ")
		if !strings.Contains(all, q) {
			t.Errorf("quote %q is not verbatim in the store", q)
		}
	}
}

// seedPack is the engine option of the seeds' domain pack, as parley
// uses it over the built-in articles.
func seedPack() answers.Option {
	p, err := answers.ParsePack("seeds/domain.yaml", seeds.Domain)
	if err != nil {
		panic(err)
	}
	return answers.WithPack(p)
}
