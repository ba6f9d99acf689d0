package slack

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/parley-bot/parley/answers"
	"github.com/parley-bot/parley/bot"
	"github.com/parley-bot/parley/bot/slack/slacktest"
	"github.com/parley-bot/parley/store"
)

const question = "Who met with Putin in Moscow?"

func TestURLVerification(t *testing.T) {
	f := newFixture(t, ModeHTTP)
	code, body := f.event([]byte(`{"token":"Jhj5dZrVaK7ZwHHjRyZWjbDl","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}`), nil)
	if code != http.StatusOK || body != "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P" {
		t.Errorf("url_verification = %d %q, want 200 and the challenge", code, body)
	}
	if n := len(f.fake.Posts()); n != 0 {
		t.Errorf("url_verification posted %d messages", n)
	}
}

func TestMentionAnsweredInThreadOnce(t *testing.T) {
	f := newFixture(t, ModeHTTP)
	ev := callback("Ev0MENTION1", mention("<@"+slacktest.BotUserID+"> "+question, "1765000100.000200"))
	if code, _ := f.event(ev, nil); code != http.StatusOK {
		t.Fatalf("event = %d, want 200", code)
	}
	posts := f.fake.WaitPosts(t, 1, waitFor)
	p := posts[0]
	if p.Method != "chat.postMessage" || p.Channel != "C0GENERAL" || p.ThreadTS != "1765000100.000200" {
		t.Errorf("post = %s to %s thread %q, want chat.postMessage to C0GENERAL in thread 1765000100.000200", p.Method, p.Channel, p.ThreadTS)
	}
	if p.Text == "" {
		t.Error("post has no text fallback")
	}
	assertVerbatim(t, f.st, p)
	arts, _ := f.st.Articles(context.Background())
	cited := false
	for _, a := range arts {
		cited = cited || strings.Contains(allText(t, p), Escape(a.Title))
	}
	if !cited {
		t.Errorf("post cites no article title: %s", allText(t, p))
	}

	// Slack retries the event (it thinks we were slow): no second answer.
	h := http.Header{"X-Slack-Retry-Num": {"1"}, "X-Slack-Retry-Reason": {"http_timeout"}}
	if code, _ := f.event(ev, h); code != http.StatusOK {
		t.Fatalf("retry = %d, want 200", code)
	}
	f.settle(f.a)
	// Parley restarts on the same store and Slack retries once more.
	again := f.adapter(ModeHTTP, bot.NewPool(2)) // f.srv now serves it
	h.Set("X-Slack-Retry-Num", "2")
	if code, _ := f.event(ev, h); code != http.StatusOK {
		t.Fatalf("retry after restart = %d, want 200", code)
	}
	f.settle(again)
	if n := len(f.fake.Posts()); n != 1 {
		t.Errorf("%d posts after two retries, want 1", n)
	}
	if got := counter(f.metrics.Deduplicated); got != 2 {
		t.Errorf("deduplicated = %v, want 2", got)
	}
}

func TestDirectMessageAnsweredInDM(t *testing.T) {
	f := newFixture(t, ModeHTTP)
	if code, _ := f.event(callback("Ev0DM1", dm(question, "1765000200.000100")), nil); code != http.StatusOK {
		t.Fatalf("event = %d", code)
	}
	p := f.fake.WaitPosts(t, 1, waitFor)[0]
	if p.Channel != "D0ALICE" || p.ThreadTS != "" {
		t.Errorf("DM answer went to %s thread %q, want D0ALICE unthreaded", p.Channel, p.ThreadTS)
	}
	assertVerbatim(t, f.st, p)
}

func TestIgnoredEvents(t *testing.T) {
	f := newFixture(t, ModeHTTP)
	withField := func(m map[string]any, k string, v any) map[string]any { m[k] = v; return m }
	tests := []struct {
		name  string
		inner map[string]any
	}{
		{"another bot's mention", withField(mention("<@UPARLEY01> "+question, "1.1"), "bot_id", "B0OTHER")},
		{"own message in DM", withField(dm(question, "1.2"), "user", slacktest.BotUserID)},
		{"bot message in DM", withField(withField(dm(question, "1.3"), "subtype", "bot_message"), "bot_id", "B0OTHER")},
		{"edited DM", withField(withField(dm("", "1.4"), "subtype", "message_changed"), "message", map[string]any{"text": question, "user": "U0ALICE", "ts": "1.0"})},
		{"edited mention", withField(mention("<@UPARLEY01> "+question, "1.5"), "edited", map[string]any{"user": "U0ALICE", "ts": "1.6"})},
		{"channel message", withField(dm(question, "1.7"), "channel_type", "channel")},
		{"reaction", map[string]any{"type": "reaction_added", "user": "U0ALICE", "reaction": "tada", "event_ts": "1.8"}},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if code, _ := f.event(callback("Ev0IGNORE"+strconv.Itoa(i), tt.inner), nil); code != http.StatusOK {
				t.Errorf("event = %d, want 200", code)
			}
		})
	}
	f.settle(f.a)
	if posts := f.fake.Posts(); len(posts) != 0 {
		t.Errorf("ignored events got %d posts, first %+v", len(posts), posts[0])
	}
}

func TestSlashCommand(t *testing.T) {
	f := newFixture(t, ModeHTTP)
	code, body := f.command(question, "T0TRIGGER1")
	if code != http.StatusOK || !strings.Contains(body, `"response_type":"ephemeral"`) || !strings.Contains(body, answeringText) {
		t.Fatalf("/ask = %d %s, want 200 and an ephemeral %q", code, body, answeringText)
	}
	p := f.fake.WaitPosts(t, 1, waitFor)[0]
	if p.Method != "response_url" || p.ResponseType != "in_channel" {
		t.Errorf("answer = %s %q, want response_url in_channel", p.Method, p.ResponseType)
	}
	assertVerbatim(t, f.st, p)
	if !strings.Contains(allText(t, p), Escape(question)) {
		t.Errorf("in-channel answer does not echo the question: %s", allText(t, p))
	}

	// help is answered at once, to the asker only, and posts nothing.
	code, body = f.command("help", "T0TRIGGER2")
	if code != http.StatusOK || !strings.Contains(body, `"response_type":"ephemeral"`) || !strings.Contains(body, "/ask sources") {
		t.Errorf("/ask help = %d %s, want the help, ephemeral", code, body)
	}
	// sources lists every article in the channel.
	if code, _ = f.command("sources", "T0TRIGGER3"); code != http.StatusOK {
		t.Fatalf("/ask sources = %d", code)
	}
	posts := f.fake.WaitPosts(t, 2, waitFor)
	f.settle(f.a)
	if len(f.fake.Posts()) != 2 {
		t.Errorf("%d posts, want 2 (question and sources; help is ephemeral)", len(f.fake.Posts()))
	}
	arts, _ := f.st.Articles(context.Background())
	for _, a := range arts {
		if !strings.Contains(allText(t, posts[1]), Escape(a.Title)) {
			t.Errorf("/ask sources does not list %q", a.Title)
		}
	}
}

func TestSignatureRejected(t *testing.T) {
	f := newFixture(t, ModeHTTP)
	body := callback("Ev0FORGED", mention("<@UPARLEY01> "+question, "2.1"))
	good := func(ts time.Time) (string, string) {
		s := strconv.FormatInt(ts.Unix(), 10)
		return s, Sign([]byte(testSecret), s, body)
	}
	ts, sig := good(clock)
	oldTS, oldSig := good(clock.Add(-MaxSkew - time.Second))
	futTS, futSig := good(clock.Add(MaxSkew + time.Second))
	tests := []struct {
		name, ts, sig string
	}{
		{"no signature", ts, ""},
		{"no timestamp", "", sig},
		{"wrong secret", ts, Sign([]byte("not the secret"), ts, body)},
		{"signature of another body", ts, Sign([]byte(testSecret), ts, []byte("{}"))},
		{"bad version", ts, "v1" + sig[2:]},
		{"expired timestamp", oldTS, oldSig},
		{"future timestamp", futTS, futSig},
		{"timestamp not a number", "soon", Sign([]byte(testSecret), "soon", body)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, _ := http.NewRequest(http.MethodPost, f.srv.URL+"/slack/events", strings.NewReader(string(body)))
			if tt.ts != "" {
				req.Header.Set("X-Slack-Request-Timestamp", tt.ts)
			}
			if tt.sig != "" {
				req.Header.Set("X-Slack-Signature", tt.sig)
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != http.StatusUnauthorized {
				t.Errorf("status = %d, want 401", resp.StatusCode)
			}
		})
	}
	// The commands endpoint is guarded the same way.
	code, _ := f.send("/slack/commands", "application/x-www-form-urlencoded", []byte("text=hi"), clock.Add(-time.Hour), nil)
	if code != http.StatusUnauthorized {
		t.Errorf("stale command = %d, want 401", code)
	}
	f.settle(f.a)
	if n := len(f.fake.Posts()); n != 0 {
		t.Errorf("forged requests got %d posts", n)
	}
	if got, want := counter(f.metrics.SignatureFailures), float64(len(tests)+1); got != want {
		t.Errorf("signature failures = %v, want %v", got, want)
	}
	// The same body, correctly signed, is accepted: the table fails for
	// the reason it names.
	if code, _ := f.event(body, nil); code != http.StatusOK {
		t.Errorf("signed event = %d, want 200", code)
	}
}

func TestRateLimitedPostIsRetried(t *testing.T) {
	f := newFixture(t, ModeHTTP)
	f.fake.RateLimit("chat.postMessage", 2, 3)
	if code, _ := f.event(callback("Ev0LIMITED", mention("<@UPARLEY01> "+question, "3.1")), nil); code != http.StatusOK {
		t.Fatalf("event = %d", code)
	}
	p := f.fake.WaitPosts(t, 1, waitFor)[0]
	f.settle(f.a)
	if n := len(f.fake.Posts()); n != 1 {
		t.Errorf("%d posts, want exactly 1", n)
	}
	if p.ThreadTS != "3.1" {
		t.Errorf("retried post thread = %q, want 3.1", p.ThreadTS)
	}
	if n := f.fake.Calls("chat.postMessage"); n != 3 {
		t.Errorf("chat.postMessage called %d times, want 3 (two 429s, one success)", n)
	}
	f.mu.Lock()
	waits := append([]time.Duration(nil), f.waits...)
	f.mu.Unlock()
	if len(waits) != 2 || waits[0] != 3*time.Second || waits[1] != 3*time.Second {
		t.Errorf("waited %v, want Retry-After twice: [3s 3s]", waits)
	}
	if got := counter(f.metrics.RateLimitWaits); got != 2 {
		t.Errorf("rate limit waits = %v, want 2", got)
	}
	if got := counter(f.metrics.Retries); got != 2 {
		t.Errorf("retries = %v, want 2", got)
	}
}

// flaky fails the first n round trips to chat.postMessage, as a network
// would.
type flaky struct {
	n    atomic.Int32
	base http.RoundTripper
}

func (f *flaky) RoundTrip(r *http.Request) (*http.Response, error) {
	if strings.HasSuffix(r.URL.Path, "chat.postMessage") && f.n.Add(-1) >= 0 {
		return nil, errors.New("connection reset by peer")
	}
	return f.base.RoundTrip(r)
}

func TestNetworkErrorIsRetriedBounded(t *testing.T) {
	for _, tt := range []struct {
		fails, posts int
	}{{2, 1}, {maxNetworkRetries + 1, 0}} {
		t.Run(strconv.Itoa(tt.fails)+" failures", func(t *testing.T) {
			tr := &flaky{base: http.DefaultTransport}
			tr.n.Store(int32(tt.fails))
			f := newFixture(t, ModeHTTP, func(c *Config) { c.Transport = tr })
			if code, _ := f.event(callback("Ev0FLAKY", mention("<@UPARLEY01> "+question, "4.1")), nil); code != http.StatusOK {
				t.Fatalf("event = %d", code)
			}
			f.settle(f.a)
			if n := len(f.fake.Posts()); n != tt.posts {
				t.Errorf("%d posts, want %d", n, tt.posts)
			}
			f.mu.Lock()
			defer f.mu.Unlock()
			if want := min(tt.fails, maxNetworkRetries); len(f.waits) != want {
				t.Errorf("%d backoffs, want %d", len(f.waits), want)
			}
		})
	}
}

func TestMentionInjection(t *testing.T) {
	f := newFixture(t, ModeHTTP)
	evil := "<!channel> <!here|here> <!everyone> @here <@U0BOB> <https://evil.example|click> & who met with Putin in Moscow?"
	if code, _ := f.command(evil, "T0EVIL"); code != http.StatusOK {
		t.Fatalf("/ask = %d", code)
	}
	if code, _ := f.event(callback("Ev0EVIL", mention("<@UPARLEY01> "+evil, "5.1")), nil); code != http.StatusOK {
		t.Fatalf("event = %d", code)
	}
	posts := f.fake.WaitPosts(t, 2, waitFor)
	for _, p := range posts {
		text := allText(t, p)
		for _, bad := range []string{"<!", "<@", "<https://evil", "@here"} {
			if strings.Contains(text, bad) {
				t.Errorf("%s post contains %q: %s", p.Method, bad, text)
			}
		}
	}
	echo := allText(t, posts[0]) + allText(t, posts[1])
	if !strings.Contains(echo, "&lt;!channel&gt;") || !strings.Contains(echo, "&lt;@U0BOB&gt;") {
		t.Errorf("the question is not echoed escaped: %s", echo)
	}
}

func TestBusyPoolStillAnswers(t *testing.T) {
	f := newFixture(t, ModeHTTP)
	// A pool of one, held by a task that waits for the test.
	pool := bot.NewPool(1)
	release := make(chan struct{})
	pool.TryGo(func() { <-release })
	f.adapter(ModeHTTP, pool) // f.srv now serves it
	if code, _ := f.event(callback("Ev0BUSY", mention("<@UPARLEY01> "+question, "6.1")), nil); code != http.StatusOK {
		t.Fatalf("event = %d", code)
	}
	p := f.fake.WaitPosts(t, 1, waitFor)[0]
	close(release)
	if !strings.Contains(p.Text, "busy") || p.ThreadTS != "6.1" {
		t.Errorf("full pool posted %q in thread %q, want the busy notice in thread 6.1", p.Text, p.ThreadTS)
	}
}

func TestPostSummary(t *testing.T) {
	// The daily job's poster needs the bot token alone.
	f := newFixture(t, ModeHTTP)
	eng, _ := answers.NewEngine(context.Background(), f.st, seedPack())
	sum, err := eng.Summary(context.Background(), clock)
	if err != nil {
		t.Fatal(err)
	}
	p, err := NewPoster(Config{BotToken: testBotToken, APIURL: f.fake.APIURL(), Sleep: func(ctx context.Context, d time.Duration) error { return ctx.Err() }}, bot.Deps{Metrics: f.metrics})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := NewPoster(Config{Mode: ModeHTTP, SigningSecret: testSecret}, bot.Deps{}); err == nil {
		t.Error("NewPoster without a bot token succeeded")
	}
	f.fake.RateLimit("chat.postMessage", 1, 2)
	ts, err := p.PostSummary(context.Background(), "C0DIGEST", sum)
	if err != nil {
		t.Fatalf("PostSummary: %v", err)
	}
	posts := f.fake.Posts()
	if len(posts) != 1 || posts[0].Channel != "C0DIGEST" || posts[0].TS != ts || p.Platform() != "slack" {
		t.Fatalf("PostSummary = %q; posts %+v, want one post in C0DIGEST with that ts", ts, posts)
	}
	if !strings.Contains(allText(t, posts[0]), Escape(sum.Title)) {
		t.Errorf("summary post lacks the title %q", sum.Title)
	}
	if len(sum.Lines) > 0 {
		assertVerbatim(t, f.st, posts[0])
	}
}

// answerLost lets chat.postMessage reach Slack, then loses Slack's answer,
// as a connection cut after the request was sent would.
type answerLost struct{ base http.RoundTripper }

func (a answerLost) RoundTrip(r *http.Request) (*http.Response, error) {
	resp, err := a.base.RoundTrip(r)
	if err != nil || !strings.HasSuffix(r.URL.Path, "chat.postMessage") {
		return resp, err
	}
	resp.Body.Close()
	return nil, errors.New("read: connection reset by peer")
}

func TestPostCutAfterSendIsNotRepeated(t *testing.T) {
	// The post reached Slack but its answer was lost: Parley cannot know
	// it was posted, so it does not post again (a second post would show
	// twice), and records the event as maybe posted.
	f := newFixture(t, ModeHTTP, func(c *Config) { c.Transport = answerLost{http.DefaultTransport} })
	if code, _ := f.event(callback("Ev0CUT", mention("<@UPARLEY01> "+question, "8.1")), nil); code != http.StatusOK {
		t.Fatalf("event = %d", code)
	}
	f.settle(f.a)
	if n := len(f.fake.Posts()); n != 1 {
		t.Errorf("%d posts, want 1: a post whose answer was lost must not be sent again", n)
	}
	e, err := f.st.Event(context.Background(), "slack", "event:Ev0CUT")
	if err != nil || e.State != store.EventMaybePosted || !strings.Contains(e.Reason, "may have been posted") {
		t.Errorf("event = %+v, %v; want maybe_posted", e, err)
	}
	// The token-only poster says so too, for the daily summary.
	p, _ := NewPoster(Config{BotToken: testBotToken, APIURL: f.fake.APIURL(), Transport: answerLost{http.DefaultTransport}}, bot.Deps{})
	if _, err := p.PostSummary(context.Background(), "C0DIGEST", answers.Summary{Title: "Summary"}); !errors.Is(err, bot.ErrMaybePosted) {
		t.Errorf("PostSummary with the answer lost = %v, want ErrMaybePosted", err)
	}
}

// hangs holds every chat.postMessage until the test ends: a process
// killed while posting. Each held post is announced on posting (when
// not nil), so a test can wait until the process is past its last
// database write.
type hangs struct {
	base    http.RoundTripper
	dead    chan struct{}
	posting chan<- struct{}
}

func (h hangs) RoundTrip(r *http.Request) (*http.Response, error) {
	if strings.HasSuffix(r.URL.Path, "chat.postMessage") {
		if h.posting != nil {
			h.posting <- struct{}{}
		}
		<-h.dead
		return nil, errors.New("process gone")
	}
	return h.base.RoundTrip(r)
}

func TestUnansweredEventResumedAfterRestart(t *testing.T) {
	// Parley acknowledges an event, then dies before posting. Started
	// again on the same store, it answers the event once the dead
	// process's lease has run out, in the right thread; a redelivery of
	// it is resumed, not dropped.
	dead, posting := make(chan struct{}), make(chan struct{}, 2)
	f := newFixture(t, ModeHTTP, func(c *Config) { c.Transport = hangs{http.DefaultTransport, dead, posting} })
	t.Cleanup(func() { close(dead) })
	for _, id := range []string{"Ev0LOST1", "Ev0LOST2"} {
		if code, _ := f.event(callback(id, mention("<@UPARLEY01> "+question, "9."+id[len(id)-1:])), nil); code != http.StatusOK {
			t.Fatalf("event %s = %d", id, code)
		}
	}
	// The process dies once both answers are on their way out: past the
	// lease check before posting, which renews the lease from the clock
	// it reads. Moving the clock sooner would let a slow worker renew
	// from the later time, as no dead process can.
	for range 2 {
		select {
		case <-posting:
		case <-time.After(waitFor):
			t.Fatal("the first process never got to posting")
		}
	}
	f.advance(bot.DefaultLease + time.Second)
	again := f.adapter(ModeHTTP, bot.NewPool(4)) // f.srv now serves it
	// Slack redelivers one of them (its first try was not acknowledged
	// in time, say): resumed, not a duplicate.
	h := http.Header{"X-Slack-Retry-Num": {"1"}}
	if code, _ := f.event(callback("Ev0LOST1", mention("<@UPARLEY01> "+question, "9.1")), h); code != http.StatusOK {
		t.Fatalf("redelivery = %d", code)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go again.inbox.Run(ctx) // takes up the other
	posts := f.fake.WaitPosts(t, 2, waitFor)
	f.settle(again)
	threads := map[string]int{}
	for _, p := range f.fake.Posts() {
		threads[p.ThreadTS]++
	}
	if len(posts) != 2 || threads["9.1"] != 1 || threads["9.2"] != 1 {
		t.Errorf("posts by thread = %v, want one in 9.1 and one in 9.2", threads)
	}
	for _, id := range []string{"event:Ev0LOST1", "event:Ev0LOST2"} {
		if e, _ := f.st.Event(context.Background(), "slack", id); e.State != store.EventAnswered || e.Attempts != 2 {
			t.Errorf("%s = %+v, want answered on attempt 2", id, e)
		}
	}
}

func TestSlashCommandPastItsResponseURL(t *testing.T) {
	// A slash command taken up after its response_url expired is answered
	// in the channel instead.
	f := newFixture(t, ModeHTTP)
	ev := bot.Event{Platform: platform, ID: "command:T0OLD", ReceivedAt: clock.Add(-31 * time.Minute), Resumed: true,
		Route: encodeRoute(route{Channel: "C0GENERAL", ResponseURL: f.fake.ResponseURL("T0OLD"), Asked: "sources"})}
	if err := f.a.Deliver(context.Background(), ev, bot.Reply{Kind: bot.KindHelp, Text: bot.HelpText}); err != nil {
		t.Fatal(err)
	}
	ev.ReceivedAt = clock.Add(-time.Minute)
	if err := f.a.Deliver(context.Background(), ev, bot.Reply{Kind: bot.KindHelp, Text: bot.HelpText}); err != nil {
		t.Fatal(err)
	}
	posts := f.fake.Posts()
	if len(posts) != 2 || posts[0].Method != "chat.postMessage" || posts[0].Channel != "C0GENERAL" || posts[1].Method != "response_url" {
		t.Errorf("posts = %+v, want chat.postMessage to C0GENERAL past the 30 minutes, response_url within", posts)
	}
}
