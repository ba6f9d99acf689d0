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

// TestEvalSQuAD runs a SQuAD 2.0 file: its articles go into a temporary
// store without seeds, and the user's store is never touched.
func TestEvalSQuAD(t *testing.T) {
	db := filepath.Join(t.TempDir(), "parley.db")
	var out, errb bytes.Buffer
	code := run(context.Background(), []string{"--db", db, "eval", "../../answers/testdata/squad2-subset.json"}, Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb})
	// The subset is small and hard: below target is the honest outcome.
	if code != 0 && code != 1 {
		t.Fatalf("parley eval SQuAD = %d, stderr %q", code, errb.String())
	}
	for _, want := range []string{"SQuAD 2.0", "149 questions", "right sentence first", "BM25 baseline", "AUC of confidence", "in a store without seeds"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("parley eval SQuAD output lacks %q:\n%s", want, out.String())
		}
	}
	if _, err := os.Stat(db); err == nil {
		t.Errorf("parley eval SQuAD created the user's store %s", db)
	}
}

// TestEvalRejectsOtherFiles: a file that is neither format is a usage
// error with one line naming it.
func TestEvalRejectsOtherFiles(t *testing.T) {
	dir := t.TempDir()
	for name, body := range map[string]string{"a.json": `{"foo": 1}`, "b.txt": "hello\n", "c.json": `{"version": "v2.0", "data": []}`} {
		f := filepath.Join(dir, name)
		if err := os.WriteFile(f, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
		code, _, errs := runCLI(t, "", "eval", f)
		if code != 2 || !strings.Contains(errs, f) || strings.Count(strings.TrimSpace(errs), "\n") != 0 {
			t.Errorf("parley eval %s = %d, stderr %q; want 2 and one line naming the file", name, code, errs)
		}
	}
}

// TestNoSeedsAndDomain: --no-seeds keeps a new store empty; a bad pack is
// one line naming the file, exit 2, and no store is created.
func TestNoSeedsAndDomain(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "own.db")
	var out, errb bytes.Buffer
	code := run(context.Background(), []string{"--no-seeds", "--db", db, "sources"}, Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb})
	if code != 0 || strings.Contains(out.String(), "000_2daefb0e2dba6216") {
		t.Errorf("--no-seeds sources = %d, %q; want no built-in article", code, out.String())
	}
	bad := map[string][]byte{
		"typo.yaml":   []byte("entitys:\n  - {id: a, name: A, kind: person}\n"),
		"binary.yaml": {0x00, 0x01, 0xff, 0xfe},
		"huge.yaml":   []byte("stopwords: [" + strings.Repeat("word, ", 1<<20) + "x]\n"),
		"kind.yaml":   []byte("entities:\n  - {id: a, name: A, kind: planet}\n"),
	}
	for name, body := range bad {
		f := filepath.Join(dir, name)
		if err := os.WriteFile(f, body, 0o600); err != nil {
			t.Fatal(err)
		}
		fresh := filepath.Join(dir, "fresh-"+name+".db")
		out.Reset()
		errb.Reset()
		code := run(context.Background(), []string{"--db", fresh, "ask", "--domain", f, "Who?"}, Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb})
		if code != 2 || !strings.Contains(errb.String(), f) || strings.Count(strings.TrimSpace(errb.String()), "\n") != 0 {
			t.Errorf("ask --domain %s = %d, stderr %q; want 2 and one line naming the file", name, code, errb.String())
		}
		if _, err := os.Stat(fresh); err == nil {
			t.Errorf("ask --domain %s created a store", name)
		}
	}
	good := filepath.Join(dir, "good.yaml")
	if err := os.WriteFile(good, []byte("name: test\nentities:\n  - {id: ames, name: Ann Ames, kind: person, aliases: [ann ames, ames, the envoy]}\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if code, _, errs := runCLI(t, "", "ask", "--domain", good, "Who met with Putin in Moscow?"); code != 0 {
		t.Errorf("ask --domain good.yaml = %d, %q", code, errs)
	}
	if code, _, errs := runCLI(t, "", "ask", "--domain", "none", "Who met with Putin in Moscow?"); code != 0 {
		t.Errorf("ask --domain none = %d, %q", code, errs)
	}
}
