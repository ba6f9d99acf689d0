package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parley-bot/parley/answers"
	"github.com/parley-bot/parley/store"
)

// cli runs the whole command in-process against a store in dir and returns
// its exit status, stdout and stderr.
func cli(t *testing.T, dir, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	no := false
	env := Env{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb, Getenv: func(string) string { return "" }, Interactive: &no}
	full := append([]string{"--db", filepath.Join(dir, "parley.db")}, args...)
	code := run(context.Background(), full, env)
	return code, out.String(), errb.String()
}

func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	cfg := filepath.Join(dir, "bad.yaml")
	os.WriteFile(cfg, []byte("slack:\n  enabled: true\n  bot_tokn: x\n"), 0o600)
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string // a substring of the one-line message
		stdout string
	}{
		{"no command", nil, 2, "Usage: parley", ""},
		{"unknown command", []string{"frobnicate"}, 2, `unknown command "frobnicate"`, ""},
		{"unknown global flag", []string{"--nope", "ask", "x"}, 2, "flag provided but not defined: -nope", ""},
		{"unknown command flag", []string{"ask", "--nope", "x"}, 2, "flag provided but not defined: -nope", ""},
		{"help", []string{"help"}, 0, "", "Commands:"},
		{"global --help", []string{"--help"}, 0, "", "Commands:"},
		{"ask --help", []string{"ask", "--help"}, 0, "", "Usage: parley ask"},
		{"summary --help", []string{"summary", "--help"}, 0, "", "--post"},
		{"ingest nothing", []string{"ingest"}, 2, "ingest needs at least one file or folder", ""},
		{"ingest missing", []string{"ingest", filepath.Join(dir, "missing.txt")}, 1, "could not be ingested", ""},
		{"chat with args", []string{"chat", "hello"}, 2, "chat takes no arguments", ""},
		{"bad log level", []string{"--log-level", "loud", "sources"}, 2, "--log-level", ""},
		{"config unknown key", []string{"--config", cfg, "sources"}, 1, "unknown key slack.bot_tokn", ""},
		{"config missing file", []string{"--config", filepath.Join(dir, "nope.yaml"), "sources"}, 1, "read config", ""},
		{"unanswerable is success", []string{"ask", "What is the weather in Paris?"}, 0, "", "don't know"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errs := cli(t, dir, "", tt.args...)
			if code != tt.code {
				t.Errorf("exit = %d, want %d (stderr %q)", code, tt.code, errs)
			}
			if !strings.Contains(errs, tt.stderr) {
				t.Errorf("stderr = %q, want it to contain %q", errs, tt.stderr)
			}
			if !strings.Contains(out, tt.stdout) {
				t.Errorf("stdout = %q, want it to contain %q", out, tt.stdout)
			}
			if tt.code == 1 && tt.args[0] != "ingest" && strings.Count(strings.TrimSpace(errs), "\n") > 0 {
				t.Errorf("runtime error took more than one line: %q", errs)
			}
		})
	}
}

func TestAskJSONContract(t *testing.T) {
	dir := t.TempDir()
	code, out, errs := cli(t, dir, "Who met with Putin in Moscow?\n", "ask", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var a answers.Answer
	if err := json.Unmarshal([]byte(out), &a); err != nil {
		t.Fatalf("output %q is not one JSON object: %v", out, err)
	}
	if !a.Answered || len(a.Quotes) == 0 {
		t.Fatalf("not answered: %+v", a)
	}
	q := a.Quotes[0]
	if !strings.Contains(q.Text, "Witkoff") && !strings.Contains(q.Text, "Kushner") {
		t.Errorf("first quote %q names neither Witkoff nor Kushner", q.Text)
	}
	if q.Article == "" || q.Title == "" {
		t.Errorf("quote not cited: %+v", q)
	}
	assertVerbatim(t, dir, a)
	// Keys of the contract are all present, even when empty.
	var raw map[string]any
	json.Unmarshal([]byte(out), &raw)
	for _, k := range []string{"question", "answered", "answer", "quotes", "conflict", "confidence"} {
		if _, ok := raw[k]; !ok {
			t.Errorf("key %q missing from %s", k, out)
		}
	}
	quote := raw["quotes"].([]any)[0].(map[string]any)
	for _, k := range []string{"text", "article", "title", "outlet", "byline", "published", "url"} {
		if _, ok := quote[k]; !ok {
			t.Errorf("quote key %q missing", k)
		}
	}
}

// assertVerbatim checks every quote of a appears in its article's sentences.
func assertVerbatim(t *testing.T, dir string, a answers.Answer) {
	t.Helper()
	st, err := store.Open(context.Background(), filepath.Join(dir, "parley.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for _, q := range a.Quotes {
		body, err := st.Body(context.Background(), q.Article)
		if err != nil {
			t.Fatalf("quote cites %q: %v", q.Article, err)
		}
		if !strings.Contains(strings.Join(strings.Fields(body), " "), strings.Join(strings.Fields(q.Text), " ")) {
			t.Errorf("quote %q is not verbatim in %s", q.Text, q.Article)
		}
	}
}

func TestAskGarbageGetsOneLineEach(t *testing.T) {
	garbage := []string{
		`"`, `""`, `NEAR(putin witkoff)`, `putin*`, `text:putin`, `a OR b AND NOT c`, `^Putin`, `{text}: x`,
		`'; DROP TABLE articles; --`, `1' OR '1'='1`, `SELECT * FROM sentences`, `) OR 1=1 --`,
		strings.Repeat("Putin ", 20000), strings.Repeat("x", 100000), "\xff\xfe\xfd", "bad \xc3\x28 utf8",
		"nul\x00byte", "\x00", "\t\t", "   ", "", "<!channel> who met?", "@everyone hi", "<@U123> ping",
		"¿Dónde?", "🤖🤖🤖", "Ukraine\u202eevil", "\x1b[31mred", "%s%s%n", "${HOME}", "../../etc/passwd",
		"Who met with Putin?\r", "MATCH 'x'", `"unterminated`, `*`, `-`, `+`, `(`, `)`, `:`,
	}
	if len(garbage) != 40 {
		t.Fatalf("want 40 garbage lines, have %d", len(garbage))
	}
	dir := t.TempDir()
	in := strings.Join(garbage, "\n") + "\n"
	code, out, errs := cli(t, dir, in, "ask", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(make([]byte, 1<<20), 1<<22)
	n := 0
	for sc.Scan() {
		var a answers.Answer
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			t.Fatalf("line %d is not JSON: %v", n+1, err)
		}
		if a.Quotes == nil {
			t.Errorf("line %d: quotes is null, want []", n+1)
		}
		if strings.Contains(a.Answer, "<!channel>") || strings.Contains(a.Answer, "@everyone") {
			t.Errorf("line %d echoes a mention: %q", n+1, a.Answer)
		}
		n++
	}
	if n != 40 {
		t.Fatalf("%d JSON lines for 40 questions", n)
	}
	// The store still answers normally.
	code, out, _ = cli(t, dir, "", "ask", "--json", "Who met with Putin in Moscow?")
	if code != 0 || !strings.Contains(out, `"answered":true`) {
		t.Errorf("after garbage: exit %d, %s", code, out)
	}
	code, out, _ = cli(t, dir, "", "sources")
	if code != 0 || strings.Count(out, "\n") < 6 {
		t.Errorf("after garbage, sources = %d, %q", code, out)
	}
}

func TestIngestTwiceAddsNothing(t *testing.T) {
	dir := t.TempDir()
	arts := filepath.Join(dir, "articles")
	os.Mkdir(arts, 0o755)
	os.WriteFile(filepath.Join(arts, "geneva.txt"), []byte("---\ntitle: Geneva talks\npublished: 2025-12-08\n---\nNegotiators met in Geneva on Monday. They talked for six hours.\n"), 0o644)
	os.WriteFile(filepath.Join(arts, "broken.txt"), []byte("bad \xff bytes"), 0o644)
	code, out, errs := cli(t, dir, "", "ingest", arts)
	if code != 1 || !strings.Contains(out, "1 added, 0 updated, 0 unchanged, 1 skipped") || !strings.Contains(errs, "broken.txt") {
		t.Fatalf("first ingest: exit %d, out %q, err %q", code, out, errs)
	}
	os.Remove(filepath.Join(arts, "broken.txt"))
	code, out, errs = cli(t, dir, "", "ingest", arts, filepath.Join(arts, "geneva.txt"))
	if code != 0 || !strings.Contains(out, "0 added, 0 updated, 2 unchanged, 0 skipped") {
		t.Fatalf("second ingest: exit %d, out %q, err %q", code, out, errs)
	}
	code, out, _ = cli(t, dir, "", "sources", "--json")
	if code != 0 {
		t.Fatal(out)
	}
	var srcs []map[string]any
	if err := json.Unmarshal([]byte(out), &srcs); err != nil || len(srcs) != 6 {
		t.Fatalf("sources --json = %d entries, %v", len(srcs), err)
	}
}

func TestChatPiped(t *testing.T) {
	dir := t.TempDir()
	code, out, errs := cli(t, dir, "help\nsources\nWho met with Putin in Moscow?\nquit\nnot reached\n", "chat")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"I'm Parley", "I answer from these articles", "Witkoff", "— “"} {
		if !strings.Contains(out, want) {
			t.Errorf("chat output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "not reached") {
		t.Error("chat went on after quit")
	}
}
