package main

import (
	"bytes"
	"context"
	"encoding/json"
	"html"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/parley-bot/parley/bot/slack"
	"github.com/parley-bot/parley/bot/slack/slacktest"
)

const e2eSecret = "e2e-signing-secret"

// serveSlack starts `parley serve` in-process with Slack enabled in mode
// against fake, and returns the Main and the HTTP address.
func serveSlack(t *testing.T, fake *slacktest.Server, mode string) (*Main, string) {
	t.Helper()
	dir := t.TempDir()
	cfg := filepath.Join(dir, "parley.yaml")
	yaml := "store: {path: " + filepath.Join(dir, "parley.db") + "}\n" +
		"http: {listen: \"127.0.0.1:0\"}\n" +
		"slack:\n  enabled: true\n  mode: " + mode + "\n" +
		"  bot_token: ${SLACK_BOT_TOKEN}\n  app_token: ${SLACK_APP_TOKEN}\n  signing_secret: ${SLACK_SIGNING_SECRET}\n" +
		"  api_url: " + fake.APIURL() + "\n"
	if err := os.WriteFile(cfg, []byte(yaml), 0o600); err != nil {
		t.Fatal(err)
	}
	env := map[string]string{"SLACK_BOT_TOKEN": "xoxb-e2e", "SLACK_APP_TOKEN": "xapp-e2e", "SLACK_SIGNING_SECRET": e2eSecret}
	m, err := Open(context.Background(), &Globals{ConfigFile: cfg, LogFormat: "text", LogLevel: "error"},
		Env{Stderr: io.Discard, Getenv: func(k string) string { return env[k] }})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done := make(chan error, 1)
	go func() { done <- m.Serve(ctx, ready) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Serve = %v, want nil on shutdown", err)
		}
		m.Close()
	})
	select {
	case addr := <-ready:
		return m, addr
	case err := <-done:
		t.Fatalf("Serve ended early: %v", err)
	}
	return nil, ""
}

// signedSlackRequest is a POST to u signed with secret at time at, as
// Slack sends it; retry > 0 marks it as Slack's retry number retry.
func signedSlackRequest(u, contentType string, body []byte, secret string, at time.Time, retry int) *http.Request {
	req, _ := http.NewRequest(http.MethodPost, u, bytes.NewReader(body))
	req.Header.Set("Content-Type", contentType)
	ts := strconv.FormatInt(at.Unix(), 10)
	req.Header.Set("X-Slack-Request-Timestamp", ts)
	req.Header.Set("X-Slack-Signature", slack.Sign([]byte(secret), ts, body))
	if retry > 0 {
		req.Header.Set("X-Slack-Retry-Num", strconv.Itoa(retry))
		req.Header.Set("X-Slack-Retry-Reason", "http_timeout")
	}
	return req
}

func signedPost(t *testing.T, u, contentType string, body []byte, secret string, at time.Time, retry int) int {
	t.Helper()
	resp, err := http.DefaultClient.Do(signedSlackRequest(u, contentType, body, secret, at, retry))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode
}

func mentionEvent(id, text, ts string) []byte {
	b, _ := json.Marshal(map[string]any{"type": "event_callback", "team_id": slacktest.TeamID, "event_id": id,
		"event": map[string]any{"type": "app_mention", "user": "U0ALICE", "channel": "C0GENERAL", "ts": ts, "text": text}})
	return b
}

// quoteOf returns the first block quote of a post, as Slack shows it.
func quoteOf(t *testing.T, p slacktest.Post) string {
	t.Helper()
	var blocks []struct {
		Type string `json:"type"`
		Text *struct {
			Text string `json:"text"`
		} `json:"text"`
	}
	if err := json.Unmarshal(p.Blocks, &blocks); err != nil {
		t.Fatalf("blocks %s: %v", p.Blocks, err)
	}
	for _, b := range blocks {
		if b.Type == "section" && b.Text != nil && strings.HasPrefix(b.Text.Text, "> ") {
			return html.UnescapeString(strings.TrimPrefix(b.Text.Text, "> "))
		}
	}
	t.Fatalf("post has no block quote: %s", p.Blocks)
	return ""
}

func TestServeSlackHTTP(t *testing.T) {
	fake := slacktest.New(t)
	m, addr := serveSlack(t, fake, "http")
	events := "http://" + addr + "/slack/events"
	ev := mentionEvent("Ev0E2E1", "<@"+slacktest.BotUserID+"> Who met with Putin in Moscow?", "1765000300.000100")

	if code := signedPost(t, events, "application/json", ev, e2eSecret, time.Now(), 0); code != http.StatusOK {
		t.Fatalf("signed app_mention = %d, want 200", code)
	}
	p := fake.WaitPosts(t, 1, 10*time.Second)[0]
	if p.Method != "chat.postMessage" || p.Channel != "C0GENERAL" || p.ThreadTS != "1765000300.000100" {
		t.Errorf("answer = %s to %s in thread %q, want chat.postMessage in the question's thread", p.Method, p.Channel, p.ThreadTS)
	}
	sents, err := m.Store.Sentences(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var corpus []string
	for _, s := range sents {
		corpus = append(corpus, strings.Join(strings.Fields(s.Text), " "))
	}
	q := quoteOf(t, p)
	if !strings.Contains(strings.Join(corpus, " "), strings.Join(strings.Fields(q), " ")) {
		t.Errorf("posted quote %q is not a sentence of the store", q)
	}

	// Slack retries the same event; a forger tries without the secret.
	if code := signedPost(t, events, "application/json", ev, e2eSecret, time.Now(), 1); code != http.StatusOK {
		t.Errorf("retried event = %d, want 200", code)
	}
	forged := mentionEvent("Ev0E2E2", "<@"+slacktest.BotUserID+"> Who met with Putin in Moscow?", "1765000300.000200")
	if code := signedPost(t, events, "application/json", forged, "guessed-secret", time.Now(), 0); code != http.StatusUnauthorized {
		t.Errorf("forged event = %d, want 401", code)
	}

	// /ask in the channel, answered through the response_url.
	form := url.Values{"command": {"/ask"}, "text": {"sources"}, "channel_id": {"C0GENERAL"}, "user_id": {"U0ALICE"},
		"trigger_id": {"T0E2E"}, "response_url": {fake.ResponseURL("e2e")}}
	if code := signedPost(t, "http://"+addr+"/slack/commands", "application/x-www-form-urlencoded", []byte(form.Encode()), e2eSecret, time.Now(), 0); code != http.StatusOK {
		t.Errorf("/ask sources = %d, want 200", code)
	}
	fake.WaitPosts(t, 2, 10*time.Second)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := m.Pool.Wait(ctx); err != nil {
		t.Fatal(err)
	}
	posts := fake.Posts()
	if len(posts) != 2 || posts[1].Method != "response_url" {
		t.Errorf("posts = %+v, want the one answer and the /ask reply: no post for the retry or the forgery", posts)
	}
}

func TestServeSlackSocketMode(t *testing.T) {
	fake := slacktest.New(t)
	serveSlack(t, fake, "socket")
	if !fake.Connected(10 * time.Second) {
		t.Fatal("parley serve never opened a Socket Mode connection")
	}
	var payload map[string]any
	json.Unmarshal(mentionEvent("Ev0E2ESOCK", "<@"+slacktest.BotUserID+"> Who met with Putin in Moscow?", "1765000400.000100"), &payload)
	fake.Send(t, "env-e2e", "events_api", 0, payload)
	p := fake.WaitPosts(t, 1, 10*time.Second)[0]
	if p.ThreadTS != "1765000400.000100" || quoteOf(t, p) == "" {
		t.Errorf("socket answer thread %q, want 1765000400.000100 with a quote", p.ThreadTS)
	}
	if !fake.Wait(10*time.Second, func(_ []slacktest.Post, acks []slacktest.Ack) bool {
		return len(acks) == 1 && acks[0].EnvelopeID == "env-e2e"
	}) {
		t.Errorf("acks = %+v, want env-e2e acknowledged", fake.Acks())
	}
}
