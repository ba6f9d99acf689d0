package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parley-bot/parley/answers"
	"github.com/parley-bot/parley/bot/bottest"
)

// openWebMain opens a Main with yaml as its whole config and env as the
// environment ${VAR} reads.
func openWebMain(tb testing.TB, yaml string, env map[string]string) (*Main, *bottest.SyncBuffer) {
	tb.Helper()
	logs := &bottest.SyncBuffer{}
	dir := tb.TempDir()
	g := &Globals{DB: filepath.Join(dir, "parley.db"), ConfigFile: writeConfig(tb, dir, yaml), LogFormat: "text", LogLevel: "debug"}
	m, err := Open(context.Background(), g, Env{Stderr: logs, Getenv: func(k string) string { return env[k] }})
	if err != nil {
		tb.Fatalf("Open: %v", err)
	}
	tb.Cleanup(func() { m.Close() })
	return m, logs
}

func TestServeWebPages(t *testing.T) {
	m, logs := openWebMain(t, `
http: {listen: "127.0.0.1:0", public_url: "https://parley.example/news"}
serve: {workers: 4, shutdown_timeout: 5s}
web:
  enabled: true
  auth:
    user: ann
    password: ${PARLEY_WEB_PASSWORD}
  rate: {per_minute: 60, burst: 5}
`, map[string]string{"PARLEY_WEB_PASSWORD": "correct horse"})
	s := startServe(t, m)
	do := func(method, path string, auth bool) (int, string, http.Header) {
		t.Helper()
		req, err := http.NewRequest(method, s.url(path), nil)
		if err != nil {
			t.Fatal(err)
		}
		if auth {
			req.SetBasicAuth("ann", "correct horse")
		}
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatalf("%s %s: %v", method, path, err)
		}
		defer res.Body.Close()
		var b bytes.Buffer
		b.ReadFrom(res.Body)
		return res.StatusCode, b.String(), res.Header
	}
	tests := []struct {
		method, path string
		auth         bool
		want         int
		has          string
	}{
		{"GET", "/", false, 401, "Sign in"},
		{"GET", "/articles", false, 401, ""},
		{"GET", "/", true, 200, `action="/news/"`},
		{"GET", "/?q=Who+met+with+Putin+in+Moscow%3F", true, 200, `href="/news/articles/`},
		{"GET", "/articles", true, 200, "/news/articles/000_2daefb0e2dba6216"},
		{"GET", "/articles/000_2daefb0e2dba6216", true, 200, `id="s1"`},
		{"GET", "/articles/nope", true, 404, ""},
		{"GET", "/summary", true, 200, "daily summary"},
		{"POST", "/", true, 405, ""},
		{"GET", "/healthz", false, 200, "ok"}, // probes need no password
	}
	for _, tt := range tests {
		code, body, h := do(tt.method, tt.path, tt.auth)
		if code != tt.want || !strings.Contains(body, tt.has) {
			t.Errorf("%s %s (auth %v) = %d, want %d with %q", tt.method, tt.path, tt.auth, code, tt.want, tt.has)
		}
		if strings.HasPrefix(tt.path, "/healthz") {
			continue
		}
		if code != 405 && !strings.Contains(h.Get("Content-Security-Policy"), "default-src 'none'") {
			t.Errorf("%s %s: no strict CSP: %q", tt.method, tt.path, h.Get("Content-Security-Policy"))
		}
	}
	_, metrics, _ := do("GET", "/metrics", false)
	if v := metricValue(t, metrics, `parley_web_rejected_total{reason="auth"}`); v < 2 {
		t.Errorf("parley_web_rejected_total{reason=auth} = %v, want 2 or more", v)
	}
	if v := metricValue(t, metrics, `parley_questions_total{outcome="answered",platform="web"}`); v != 1 {
		t.Errorf("web questions answered = %v, want 1", v)
	}
	if strings.Contains(logs.String(), "correct horse") {
		t.Errorf("the web password reached the log")
	}
}

func TestServeWithoutWeb(t *testing.T) {
	m, _ := openTestMain(t, filepath.Join(t.TempDir(), "parley.db"), "")
	s := startServe(t, m)
	for _, path := range []string{"/", "/articles", "/articles/000_2daefb0e2dba6216", "/summary"} {
		if code, _ := get(t, s.url(path)); code != 404 {
			t.Errorf("GET %s with web off = %d, want 404", path, code)
		}
	}
}

// TestAskJSONLinks checks ask --json: with http.public_url every quote has
// a link to its sentence; without, no link key at all.
func TestAskJSONLinks(t *testing.T) {
	dir := t.TempDir()
	cfg := writeConfig(t, dir, "http: {public_url: \"https://parley.example/\"}\n")
	for _, withURL := range []bool{true, false} {
		args := []string{"ask", "--json", "Who met with Putin in Moscow?"}
		if withURL {
			args = append([]string{"--config", cfg}, args...)
		}
		code, out, errs := cli(t, dir, "", args...)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errs)
		}
		var a answers.Answer
		if err := json.Unmarshal([]byte(out), &a); err != nil || len(a.Quotes) == 0 {
			t.Fatalf("output %q: %v", out, err)
		}
		for _, q := range a.Quotes {
			switch {
			case withURL && !strings.HasPrefix(q.Link, "https://parley.example/articles/"+q.Article+"#s"):
				t.Errorf("quote link = %q, want its sentence on parley.example", q.Link)
			case !withURL && strings.Contains(out, `"link"`):
				t.Errorf("without public_url the JSON has a link: %s", out)
			}
		}
	}
	code, out, _ := cli(t, dir, "", "--config", cfg, "sources", "--json")
	if code != 0 || !strings.Contains(out, `"link":"https://parley.example/articles/000_2daefb0e2dba6216"`) {
		t.Errorf("sources --json with public_url = %d %s, want each article's page", code, out)
	}
}
