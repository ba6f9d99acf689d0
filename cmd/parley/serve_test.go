package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/parley-bot/parley/bot"
	"github.com/parley-bot/parley/bot/bottest"
)

// testConfig is the YAML every serve test starts from: loopback only, a
// small pool and a short shutdown bound.
const testConfig = `
http: {listen: "127.0.0.1:0"}
`

// testServe is testConfig's serve section unless a test gives its own.
const testServe = "serve: {workers: 8, shutdown_timeout: 5s}\n"

// writeConfig writes YAML to a file in dir and returns its path.
func writeConfig(tb testing.TB, dir, yaml string) string {
	tb.Helper()
	p := filepath.Join(dir, "parley.yaml")
	if err := os.WriteFile(p, []byte(yaml), 0o600); err != nil {
		tb.Fatal(err)
	}
	return p
}

// openTestMain opens a Main on db (filled from the seeds when new) with
// testConfig plus extra YAML, logging at debug into the returned buffer.
func openTestMain(tb testing.TB, db, extra string) (*Main, *bottest.SyncBuffer) {
	tb.Helper()
	logs := &bottest.SyncBuffer{}
	if !strings.Contains(extra, "serve:") {
		extra += testServe
	}
	g := &Globals{DB: db, ConfigFile: writeConfig(tb, tb.TempDir(), testConfig+extra), LogFormat: "text", LogLevel: "debug"}
	m, err := Open(context.Background(), g, Env{Stderr: logs, Getenv: func(string) string { return "" }})
	if err != nil {
		tb.Fatalf("Open: %v", err)
	}
	tb.Cleanup(func() { m.Close() })
	return m, logs
}

// serving is a Serve running in the background.
type serving struct {
	addr   string
	cancel context.CancelFunc
	done   chan error
	once   sync.Once
	err    error
}

// startServe runs m.Serve until the returned serving is stopped (or the
// test ends) and waits until it listens.
func startServe(tb testing.TB, m *Main) *serving {
	tb.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	s := &serving{cancel: cancel, done: make(chan error, 1)}
	ready := make(chan string, 1)
	go func() { s.done <- m.Serve(ctx, ready) }()
	select {
	case s.addr = <-ready:
	case err := <-s.done:
		cancel()
		tb.Fatalf("Serve ended before listening: %v", err)
	case <-time.After(30 * time.Second):
		cancel()
		tb.Fatal("Serve did not listen within 30s")
	}
	tb.Cleanup(func() { s.stop(tb) })
	return s
}

// stop cancels Serve's context and returns what Serve returned; it fails
// the test if Serve does not return within a generous bound.
func (s *serving) stop(tb testing.TB) error {
	s.once.Do(func() {
		s.cancel()
		select {
		case s.err = <-s.done:
		case <-time.After(60 * time.Second):
			s.err = errors.New("Serve did not return within 60s of cancel")
			tb.Error(s.err)
		}
	})
	return s.err
}

func (s *serving) url(path string) string { return "http://" + s.addr + path }

// get fetches url and returns the status and body.
func get(tb testing.TB, url string) (int, string) {
	tb.Helper()
	resp, err := http.Get(url)
	if err != nil {
		tb.Fatalf("GET %s: %v", url, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		tb.Fatalf("GET %s: read body: %v", url, err)
	}
	return resp.StatusCode, string(body)
}

// metricValue finds one sample in Prometheus text exposition, e.g.
// metricValue(body, `parley_questions_total{outcome="answered",platform="slack"}`);
// a sample that is absent reads as 0.
func metricValue(tb testing.TB, exposition, sample string) float64 {
	tb.Helper()
	sc := bufio.NewScanner(strings.NewReader(exposition))
	for sc.Scan() {
		name, val, ok := strings.Cut(sc.Text(), " ")
		if !ok || name != sample {
			continue
		}
		f, err := strconv.ParseFloat(strings.Fields(val)[0], 64)
		if err != nil {
			tb.Fatalf("metric %s: %v", sample, err)
		}
		return f
	}
	return 0
}

// fakeComponent is a component whose readiness the test sets, with a
// route that reads its whole body, for the body limit.
type fakeComponent struct {
	notReady atomic.Pointer[string]
	ran      atomic.Bool
}

func (c *fakeComponent) Routes(mux *http.ServeMux) {
	mux.HandleFunc("POST /fake/events", func(w http.ResponseWriter, r *http.Request) {
		n, err := io.Copy(io.Discard, r.Body)
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			http.Error(w, "too large", http.StatusRequestEntityTooLarge)
			return
		}
		fmt.Fprintf(w, "%d\n", n)
	})
}

func (c *fakeComponent) Run(ctx context.Context) error {
	c.ran.Store(true)
	<-ctx.Done()
	return ctx.Err() // as an adapter might: Serve must not treat it as a failure
}

func (c *fakeComponent) Ready() error {
	if p := c.notReady.Load(); p != nil {
		return errors.New(*p)
	}
	return nil
}

// withComponent makes Serve run c beside the real makers for one test.
// Tests that use it must not run in parallel.
func withComponent(tb testing.TB, c component) {
	saved := componentMakers
	componentMakers = append([]func(context.Context, *Main) (component, error){
		func(context.Context, *Main) (component, error) { return c, nil },
	}, saved...)
	tb.Cleanup(func() { componentMakers = saved })
}

func TestServeHealthReadyMetrics(t *testing.T) {
	m, _ := openTestMain(t, filepath.Join(t.TempDir(), "parley.db"), "")
	s := startServe(t, m)

	if code, body := get(t, s.url("/healthz")); code != 200 || strings.TrimSpace(body) != "ok" {
		t.Errorf("/healthz = %d %q, want 200 ok", code, body)
	}
	if code, body := get(t, s.url("/readyz")); code != 200 || strings.TrimSpace(body) != "ready" {
		t.Errorf("/readyz = %d %q, want 200 ready", code, body)
	}
	code, before := get(t, s.url("/metrics"))
	if code != 200 {
		t.Fatalf("/metrics = %d, want 200", code)
	}
	for _, want := range []string{"parley_pool_workers 8", "go_goroutines", "process_start_time_seconds"} {
		if !strings.Contains(before, want) {
			t.Errorf("/metrics lacks %q", want)
		}
	}

	// The metrics move when questions are handled: one answered, one refused.
	questions := []struct {
		text string
		want bot.Kind
	}{
		{"Who met with Putin in Moscow?", bot.KindAnswer},
		{"What is the airspeed velocity of an unladen swallow?", bot.KindRefusal},
	}
	for _, q := range questions {
		if r := m.Bot.Handle(context.Background(), bot.Request{Platform: "slack", Channel: "C1", Text: q.text}); r.Kind != q.want {
			t.Errorf("Handle(%q).Kind = %v, want %v", q.text, r.Kind, q.want)
		}
	}
	_, after := get(t, s.url("/metrics"))
	for _, c := range []struct {
		sample string
		delta  float64
	}{
		{`parley_questions_total{outcome="answered",platform="slack"}`, 1},
		{`parley_questions_total{outcome="refused",platform="slack"}`, 1},
		{`parley_answer_seconds_count{platform="slack"}`, 2},
	} {
		if got := metricValue(t, after, c.sample) - metricValue(t, before, c.sample); got != c.delta {
			t.Errorf("%s moved by %v, want %v", c.sample, got, c.delta)
		}
	}

	if err := s.stop(t); err != nil {
		t.Errorf("Serve after cancel = %v, want nil", err)
	}
}

func TestReadyzReportsWhyNotReady(t *testing.T) {
	fc := &fakeComponent{}
	withComponent(t, fc)
	m, _ := openTestMain(t, filepath.Join(t.TempDir(), "parley.db"), "")
	s := startServe(t, m)

	if code, body := get(t, s.url("/readyz")); code != 200 {
		t.Fatalf("/readyz = %d %q, want 200", code, body)
	}
	reason := "fake: not connected to the gateway"
	fc.notReady.Store(&reason)
	if code, body := get(t, s.url("/readyz")); code != 503 || !strings.Contains(body, reason) {
		t.Errorf("/readyz with a component not ready = %d %q, want 503 naming %q", code, body, reason)
	}
	fc.notReady.Store(nil)
	if code, body := get(t, s.url("/readyz")); code != 200 {
		t.Errorf("/readyz after the component recovered = %d %q, want 200", code, body)
	}
	if code, _ := get(t, s.url("/healthz")); code != 200 {
		t.Errorf("/healthz = %d, want 200 (liveness does not depend on readiness)", code)
	}

	m.Store.Close() // a store that no longer answers
	if code, body := get(t, s.url("/readyz")); code != 503 || !strings.HasPrefix(body, "not ready: store:") {
		t.Errorf("/readyz with the store closed = %d %q, want 503 naming the store", code, body)
	}
	if err := s.stop(t); err != nil {
		t.Errorf("Serve after cancel = %v, want nil", err)
	}
	if !fc.ran.Load() {
		t.Error("the component's Run was never called")
	}
}

func TestReadinessWhileDraining(t *testing.T) {
	m, _ := openTestMain(t, filepath.Join(t.TempDir(), "parley.db"), "")
	var draining atomic.Bool
	if err := m.readiness(context.Background(), &draining, nil); err != nil {
		t.Fatalf("readiness = %v, want nil", err)
	}
	draining.Store(true)
	if err := m.readiness(context.Background(), &draining, nil); err == nil || !strings.Contains(err.Error(), "shutting down") {
		t.Errorf("readiness while draining = %v, want shutting down", err)
	}
}

func TestServeLimitsRequestBodies(t *testing.T) {
	withComponent(t, &fakeComponent{})
	m, _ := openTestMain(t, filepath.Join(t.TempDir(), "parley.db"), "")
	s := startServe(t, m)
	for _, c := range []struct {
		size int
		want int
	}{
		{4 << 10, 200},
		{maxBodyBytes + 1, http.StatusRequestEntityTooLarge},
	} {
		resp, err := http.Post(s.url("/fake/events"), "application/json", bytes.NewReader(make([]byte, c.size)))
		if err != nil {
			t.Fatalf("POST %d bytes: %v", c.size, err)
		}
		resp.Body.Close()
		if resp.StatusCode != c.want {
			t.Errorf("POST %d bytes = %d, want %d", c.size, resp.StatusCode, c.want)
		}
	}
}

func TestServeDrainsAnswersInFlight(t *testing.T) {
	m, logs := openTestMain(t, filepath.Join(t.TempDir(), "parley.db"), "")
	s := startServe(t, m)

	// Answers running when the shutdown starts finish, and their replies
	// reach the store (still open) before Serve returns.
	const n = 6
	release := make(chan struct{})
	var finished atomic.Int32
	for i := range n {
		if !m.Pool.TryGo(func() {
			<-release
			r := m.Bot.Handle(context.Background(), bot.Request{Platform: "slack", Channel: "C1", Text: "Who met with Putin in Moscow?"})
			if _, err := m.Store.ClaimPost(context.Background(), "test", fmt.Sprint("drain-", i), time.Now()); err == nil && r.Kind == bot.KindAnswer {
				finished.Add(1)
			}
		}) {
			t.Fatalf("pool refused task %d of %d with 8 workers", i, n)
		}
	}
	stopped := make(chan error, 1)
	go func() { stopped <- s.stop(t) }()
	// Serve must wait for the tasks: it cannot return while they block.
	select {
	case err := <-stopped:
		t.Fatalf("Serve returned (%v) while answers were still in flight", err)
	case <-time.After(100 * time.Millisecond):
	}
	close(release)
	if err := <-stopped; err != nil {
		t.Errorf("Serve = %v, want nil", err)
	}
	if got := finished.Load(); got != n {
		t.Errorf("%d of %d answers in flight finished before Serve returned", got, n)
	}
	if strings.Contains(logs.String(), "abandoned") {
		t.Errorf("logs say answers were abandoned:\n%s", logs)
	}
}

func TestServeShutdownIsBounded(t *testing.T) {
	m, logs := openTestMain(t, filepath.Join(t.TempDir(), "parley.db"), "serve: {workers: 2, shutdown_timeout: 200ms}\n")
	s := startServe(t, m)
	stuck := make(chan struct{})
	t.Cleanup(func() { close(stuck) })
	if !m.Pool.TryGo(func() { <-stuck }) {
		t.Fatal("pool refused the stuck task")
	}
	start := time.Now()
	if err := s.stop(t); err != nil {
		t.Errorf("Serve = %v, want nil", err)
	}
	t.Logf("shutdown with a stuck answer took %v (bound 200ms)", time.Since(start))
	if !strings.Contains(logs.String(), "abandoned") {
		t.Errorf("logs do not report the abandoned answer:\n%s", logs)
	}
}

func TestQuestionLogLine(t *testing.T) {
	logs := &bottest.SyncBuffer{}
	dir := t.TempDir()
	g := &Globals{DB: filepath.Join(dir, "parley.db"), ConfigFile: writeConfig(t, dir, testConfig+testServe), LogFormat: "json", LogLevel: "info"}
	m, err := Open(context.Background(), g, Env{Stderr: logs})
	if err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	const secret = "Who met with Putin in Moscow on the quiet secret-marker-7731?"
	m.Bot.Handle(context.Background(), bot.Request{Platform: "discord", Channel: "D42", User: "U9", EventID: "Ev123", Text: secret})
	m.Bot.Handle(context.Background(), bot.Request{Platform: "console", Channel: "console", Text: "hello"})

	var lines []map[string]any
	for _, l := range strings.Split(strings.TrimSpace(logs.String()), "\n") {
		var rec map[string]any
		if err := json.Unmarshal([]byte(l), &rec); err != nil {
			t.Fatalf("log line is not JSON: %q: %v", l, err)
		}
		if rec["msg"] == "question" {
			lines = append(lines, rec)
		}
	}
	if len(lines) != 1 {
		t.Fatalf("got %d question lines at info, want 1 (the console's is debug):\n%s", len(lines), logs)
	}
	rec := lines[0]
	for k, want := range map[string]any{"platform": "discord", "channel": "D42", "user": "U9", "event_id": "Ev123", "level": "INFO"} {
		if rec[k] != want {
			t.Errorf("question line %s = %v, want %v", k, rec[k], want)
		}
	}
	if o := rec["outcome"]; o != "answered" && o != "refused" {
		t.Errorf("question line outcome = %v, want answered or refused", o)
	}
	if _, ok := rec["latency"].(float64); !ok {
		t.Errorf("question line latency = %v, want a number", rec["latency"])
	}
	if strings.Contains(logs.String(), "secret-marker-7731") {
		t.Errorf("the message body reached the log:\n%s", logs)
	}
}

func TestServeThroughRun(t *testing.T) {
	// The whole command in-process: JSON logs, /readyz, a clean exit on
	// cancel (what SIGTERM does in main), secrets kept out of the log.
	dir := t.TempDir()
	cfg := writeConfig(t, dir, testConfig+testServe+"slack:\n  bot_token: ${SLACK_BOT_TOKEN}\n")
	env := map[string]string{"SLACK_BOT_TOKEN": "xoxb-test-secret-1234"}
	var stdout, stderr bottest.SyncBuffer
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	code := make(chan int, 1)
	go func() {
		code <- run(ctx, []string{"--log-format", "json", "--db", filepath.Join(dir, "parley.db"), "--config", cfg, "serve"},
			Env{Stdout: &stdout, Stderr: &stderr, Getenv: func(k string) string { return env[k] }})
	}()
	addr := waitForServing(t, &stderr, code)
	if c, body := get(t, "http://"+addr+"/readyz"); c != 200 {
		t.Errorf("/readyz = %d %q, want 200", c, body)
	}
	cancel()
	select {
	case c := <-code:
		if c != 0 {
			t.Errorf("serve exited %d after cancel, want 0; stderr:\n%s", c, stderr.String())
		}
	case <-time.After(30 * time.Second):
		t.Fatal("serve did not exit within 30s of cancel")
	}
	if strings.Contains(stderr.String(), "xoxb-test-secret") {
		t.Errorf("a token reached the log:\n%s", stderr.String())
	}
	for _, l := range strings.Split(strings.TrimSpace(stderr.String()), "\n") {
		if !json.Valid([]byte(l)) {
			t.Errorf("--log-format json wrote a non-JSON line: %q", l)
		}
	}
}

// waitForServing reads JSON logs until the "serving" line and returns its
// address; it fails if the command exits first.
func waitForServing(tb testing.TB, logs *bottest.SyncBuffer, code <-chan int) string {
	tb.Helper()
	deadline := time.After(30 * time.Second)
	for {
		for _, l := range strings.Split(logs.String(), "\n") {
			var rec struct{ Msg, Addr string }
			if json.Unmarshal([]byte(l), &rec) == nil && rec.Msg == "serving" {
				return rec.Addr
			}
		}
		select {
		case c := <-code:
			tb.Fatalf("serve exited %d before serving; stderr:\n%s", c, logs)
		case <-deadline:
			tb.Fatalf("serve did not log serving within 30s; stderr:\n%s", logs)
		case <-time.After(10 * time.Millisecond):
		}
	}
}

func TestConfigErrorsExitOneLine(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		name, yaml string
		missing    bool
		want       []string // each must appear in the one line
	}{
		{name: "unknown key", yaml: "slack:\n  enabled: false\n  tokn: x\n", want: []string{"slack.tokn", "line 3"}},
		{name: "unknown section", yaml: "slak: {enabled: true}\n", want: []string{"slak", "unknown key"}},
		{name: "bad value", yaml: "summary: {time: \"25:99\"}\n", want: []string{"summary.time", "25:99"}},
		{name: "wrong type", yaml: "serve: {workers: lots}\n", want: []string{"serve.workers", "whole number"}},
		{name: "bad duration", yaml: "serve: {shutdown_timeout: 10}\n", want: []string{"serve.shutdown_timeout", "duration"}},
		{name: "out of range", yaml: "serve: {workers: 0}\n", want: []string{"serve.workers"}},
		{name: "enabled without token", yaml: "slack: {enabled: true, mode: http}\n", want: []string{"slack.bot_token"}},
		{name: "bad listen", yaml: "http: {listen: \"8080\"}\n", want: []string{"http.listen"}},
		{name: "missing file", missing: true, want: []string{"nope.yaml"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			cfg := filepath.Join(dir, "nope.yaml")
			if !c.missing {
				cfg = writeConfig(t, t.TempDir(), c.yaml)
			}
			db := filepath.Join(t.TempDir(), "parley.db")
			var stdout, stderr bytes.Buffer
			got := run(context.Background(), []string{"--db", db, "--config", cfg, "serve"}, Env{Stdout: &stdout, Stderr: &stderr})
			if got != 1 {
				t.Errorf("exit = %d, want 1; stderr: %q", got, stderr.String())
			}
			msg := stderr.String()
			if strings.Count(msg, "\n") != 1 || !strings.HasSuffix(msg, "\n") {
				t.Errorf("stderr is not one line: %q", msg)
			}
			for _, w := range c.want {
				if !strings.Contains(msg, w) {
					t.Errorf("stderr %q does not mention %q", msg, w)
				}
			}
			if _, err := os.Stat(db); err == nil {
				t.Errorf("a config error still created the store %s", db)
			}
		})
	}
}

func TestLogFlagErrorsAreUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"--log-level", "loud", "sources"},
		{"--log-format", "xml", "sources"},
	} {
		var stderr bytes.Buffer
		if got := run(context.Background(), append([]string{"--db", filepath.Join(t.TempDir(), "p.db")}, args...), Env{Stdout: io.Discard, Stderr: &stderr}); got != 2 {
			t.Errorf("run(%q) = %d, want 2; stderr %q", args, got, stderr.String())
		}
		if strings.Count(stderr.String(), "\n") != 1 {
			t.Errorf("run(%q) stderr is not one line: %q", args, stderr.String())
		}
	}
}

func TestServeSeesArticlesIngestedMeanwhile(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "parley.db")
	m, _ := openTestMain(t, db, "")
	s := startServe(t, m)

	ask := func() bot.Reply {
		return m.Bot.Handle(context.Background(), bot.Request{Platform: "slack", Channel: "C1", Text: "Who signed the Zanzibar grain accord?"})
	}
	if r := ask(); r.Kind == bot.KindAnswer {
		t.Fatalf("answered before the article existed: %q", r.Text)
	}

	// `parley ingest` as the operator runs it, with its own connection to
	// the same file, while serve runs.
	art := filepath.Join(dir, "zz_zanzibar.txt")
	body := "---\ntitle: Harbour commission signs accord\noutlet: Test Wire\npublished: 2025-12-09\n---\n" +
		"The Zanzibar grain accord was signed by the harbour commission in Odesa on Tuesday, officials said.\n\n" +
		"Shipments are expected to resume within weeks under the accord.\n"
	if err := os.WriteFile(art, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), []string{"--db", db, "ingest", art}, Env{Stdout: &stdout, Stderr: &stderr}); code != 0 {
		t.Fatalf("ingest while serving exited %d: %s", code, stderr.String())
	}
	if !strings.Contains(stdout.String(), "added") {
		t.Errorf("ingest output %q does not report the article added", stdout.String())
	}
	if code, body := get(t, s.url("/readyz")); code != 200 {
		t.Errorf("/readyz after ingest = %d %q", code, body)
	}

	r := ask()
	if r.Kind != bot.KindAnswer {
		t.Fatalf("after ingest, Handle = %v %q; want an answer from the new article without a restart", r.Kind, r.Text)
	}
	if len(r.Quotes) == 0 || r.Quotes[0].Article != "zz_zanzibar" {
		t.Errorf("answer quotes %+v, want the new article zz_zanzibar first", r.Quotes)
	}
}

func TestStartupToReady(t *testing.T) {
	// Reports (does not assert) the time from Open on an existing store to
	// /readyz answering 200; the target is under 500 ms.
	db := filepath.Join(t.TempDir(), "parley.db")
	m, _ := openTestMain(t, db, "")
	m.Close()
	var total time.Duration
	const runs = 3
	for range runs {
		total += startupToReady(t, db)
	}
	t.Logf("start-up to ready on an existing store: %v (mean of %d)", total/runs, runs)
}

// startupToReady opens a Main on db, serves and polls /readyz until 200,
// then stops; it returns the time until ready.
func startupToReady(tb testing.TB, db string) time.Duration {
	tb.Helper()
	start := time.Now()
	logs := &bottest.SyncBuffer{}
	g := &Globals{DB: db, ConfigFile: writeConfig(tb, tb.TempDir(), testConfig+testServe), LogFormat: "text", LogLevel: "warn"}
	m, err := Open(context.Background(), g, Env{Stderr: logs})
	if err != nil {
		tb.Fatal(err)
	}
	defer m.Close()
	s := startServe(tb, m)
	var took time.Duration
	for {
		if code, _ := get(tb, s.url("/readyz")); code == 200 {
			took = time.Since(start)
			break
		}
		if time.Since(start) > 30*time.Second {
			tb.Fatal("not ready within 30s")
		}
		time.Sleep(time.Millisecond)
	}
	if err := s.stop(tb); err != nil {
		tb.Fatal(err)
	}
	return took
}

func BenchmarkStartupToReady(b *testing.B) {
	db := filepath.Join(b.TempDir(), "parley.db")
	m, _ := openTestMain(b, db, "")
	m.Close()
	b.ReportAllocs()
	for b.Loop() {
		startupToReady(b, db)
	}
}
