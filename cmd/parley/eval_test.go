package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func runCLI(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	db := filepath.Join(t.TempDir(), "parley.db")
	code := run(context.Background(), append([]string{"--db", db}, args...), Env{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb})
	return code, out.String(), errb.String()
}

func TestEvalBuiltin(t *testing.T) {
	code, out, errs := runCLI(t, "", "eval")
	if code != 0 {
		t.Fatalf("parley eval = %d, stderr %q, stdout:\n%s", code, errs, out)
	}
	for _, want := range []string{"top-1", "top-3", "refused", "conflicts shown", "verbatim quotes", "all"} {
		if !strings.Contains(out, want) {
			t.Errorf("parley eval output lacks %q:\n%s", want, out)
		}
	}
}

func TestEvalFileBelowTarget(t *testing.T) {
	f := filepath.Join(t.TempDir(), "q.jsonl")
	lines := `{"q": "What is the weather in Kyiv?", "class": "out_of_scope", "answerable": false}
{"q": "Who is Ukraine's chief negotiator?", "class": "who", "answerable": true, "expect": ["a sentence no article has"]}
`
	if err := os.WriteFile(f, []byte(lines), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, errs := runCLI(t, "", "eval", "-v", f)
	if code != 1 || !strings.Contains(errs, "below target") || !strings.Contains(out, "misses:") {
		t.Errorf("parley eval FILE = %d, stderr %q, stdout:\n%s; want 1, below target and the misses", code, errs, out)
	}
	if code, _, _ := runCLI(t, "", "eval", filepath.Join(t.TempDir(), "missing.jsonl")); code != 1 {
		t.Errorf("parley eval on a missing file = %d, want 1", code)
	}
	if code, _, _ := runCLI(t, "", "eval", "a", "b"); code != 2 {
		t.Errorf("parley eval with two files = %d, want 2", code)
	}
}

func TestAskExplain(t *testing.T) {
	code, out, errs := runCLI(t, "", "ask", "--explain", "Who is Ukraine's chief negotiator?")
	if code != 0 || !strings.Contains(out, "how this was answered") || !strings.Contains(out, "class: role") || !strings.Contains(out, "decision: answered") {
		t.Errorf("ask --explain = %d, stderr %q, stdout:\n%s", code, errs, out)
	}
	code, out, _ = runCLI(t, "Who met with Putin in Moscow?\n@everyone weather?\n", "ask", "--json", "--explain")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != 0 || len(lines) != 2 {
		t.Fatalf("ask --json --explain = %d with %d lines, want 0 and 2:\n%s", code, len(lines), out)
	}
	for _, l := range lines {
		var m map[string]any
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Fatalf("ask --json line %q: %v", l, err)
		}
		if m["explain"] == nil {
			t.Errorf("ask --json --explain line lacks explain: %s", l)
		}
	}
}
