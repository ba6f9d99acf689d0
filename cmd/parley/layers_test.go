package main

import (
	"fmt"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// layers ranks the module's top-level folders: a package may import its
// own layer and those below it, never one above (cmd → bot → answers →
// store → seeds).
var layers = map[string]int{"cmd": 4, "bot": 3, "answers": 2, "store": 1, "seeds": 0}

// sdks are the platform libraries and the only folder (with its
// sub-packages) whose code may import each.
var sdks = map[string]string{
	"github.com/slack-go/slack":     "bot/slack",
	"github.com/bwmarrin/discordgo": "bot/discord",
}

// checkImport reports why the package in folder dir (slash-separated,
// relative to the module root) may not import path, or nil. test says the
// importing file is a _test.go file: tests may decode platform payloads
// with the platform's types, so the SDK rule holds for non-test code
// only (what the binary links), the layer rules for all.
func checkImport(module, dir, path string, test bool) error {
	for sdk, home := range sdks {
		if (path == sdk || strings.HasPrefix(path, sdk+"/")) && !test && !within(dir, home) {
			return fmt.Errorf("%s imports %s: only %s may", dir, path, home)
		}
	}
	rel, ok := strings.CutPrefix(path, module+"/")
	if !ok {
		return nil
	}
	from, to := top(dir), top(rel)
	rf, okf := layers[from]
	rt, okt := layers[to]
	switch {
	case !okf || !okt:
		return fmt.Errorf("%s imports %s: a folder outside the layers (%s, %s)", dir, rel, from, to)
	case rf < rt:
		return fmt.Errorf("%s imports %s: %s is below %s (cmd → bot → answers → store)", dir, rel, from, to)
	}
	if from == "bot" && to == "bot" {
		fa, ta := adapter(dir), adapter(rel)
		switch {
		case fa == "" && ta != "":
			return fmt.Errorf("%s imports %s: the bot core imports no adapter", dir, rel)
		case fa != "" && ta != "" && fa != ta:
			return fmt.Errorf("%s imports %s: adapters do not import each other", dir, rel)
		}
	}
	return nil
}

func top(p string) string {
	first, _, _ := strings.Cut(p, "/")
	return first
}

// adapter is the adapter a bot folder belongs to ("slack" for
// bot/slack/slacktest), or "" for the bot core and its test helpers
// (bot/bottest, which every adapter's tests share).
func adapter(p string) string {
	parts := strings.Split(p, "/")
	if len(parts) < 2 || parts[1] == "bottest" {
		return ""
	}
	return parts[1]
}

func within(dir, home string) bool { return dir == home || strings.HasPrefix(dir, home+"/") }

func TestImportRules(t *testing.T) {
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	gomod, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	var module string
	for _, line := range strings.Split(string(gomod), "\n") {
		if m, ok := strings.CutPrefix(strings.TrimSpace(line), "module "); ok {
			module = strings.Trim(strings.TrimSpace(m), `"`)
		}
	}
	if module == "" {
		t.Fatal("go.mod names no module")
	}
	fset := token.NewFileSet()
	files := 0
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata") && p != root {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(p, ".go") {
			return nil
		}
		f, err := parser.ParseFile(fset, p, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		files++
		dir, _ := filepath.Rel(root, filepath.Dir(p))
		dir = filepath.ToSlash(dir)
		for _, imp := range f.Imports {
			path, _ := strconv.Unquote(imp.Path.Value)
			if err := checkImport(module, dir, path, strings.HasSuffix(p, "_test.go")); err != nil {
				t.Errorf("%s: %v", filepath.Base(p), err)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files < 50 {
		t.Fatalf("checked %d files; the walk missed the module", files)
	}
}

func TestImportRulesCatchViolations(t *testing.T) {
	const m = "example.com/p"
	for _, c := range []struct {
		dir, path string
		test, ok  bool
	}{
		{"cmd/parley", m + "/bot/slack", false, true},
		{"bot/slack", m + "/bot", false, true},
		{"bot/slack/slacktest", "github.com/slack-go/slack/socketmode", false, true},
		{"bot", m + "/store", false, true},
		{"answers", m + "/store/clean", false, true},
		{"store", m + "/answers", false, false},
		{"store", m + "/bot", false, false},
		{"answers", m + "/bot", false, false},
		{"bot", m + "/cmd/parley", false, false},
		{"bot", m + "/bot/slack", false, false},
		{"bot/discord", m + "/bot/slack", false, false},
		{"bot", "github.com/slack-go/slack", false, false},
		{"answers", "github.com/bwmarrin/discordgo", false, false},
		{"bot/web", "github.com/slack-go/slack/slackevents", false, false},
		{"cmd/parley", "github.com/bwmarrin/discordgo", true, true},
		{"cmd/parley", "github.com/bwmarrin/discordgo", false, false},
		{"store", m + "/util", false, false},
	} {
		if err := checkImport(m, c.dir, c.path, c.test); (err == nil) != c.ok {
			t.Errorf("checkImport(%s → %s, test %v) = %v, want ok %v", c.dir, c.path, c.test, err, c.ok)
		}
	}
}
