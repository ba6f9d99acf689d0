package clean

import (
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parley-bot/parley/seeds"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden from the current output")

// seedArticle is one embedded seed article.
type seedArticle struct {
	id  string // file name without .txt
	raw string
}

// mustSeeds returns the embedded seed articles in file order.
func mustSeeds(tb testing.TB) []seedArticle {
	tb.Helper()
	names, err := fs.Glob(seeds.FS, "*.txt")
	if err != nil {
		tb.Fatalf("glob seeds: %v", err)
	}
	if len(names) == 0 {
		tb.Fatal("no seed articles")
	}
	var out []seedArticle
	for _, name := range names {
		b, err := fs.ReadFile(seeds.FS, name)
		if err != nil {
			tb.Fatalf("read seed %s: %v", name, err)
		}
		out = append(out, seedArticle{id: strings.TrimSuffix(name, ".txt"), raw: string(b)})
	}
	return out
}

// render shows an article the way a reviewer checks it: each dropped line
// with ✂ and the rule's reason, each paragraph as ¶n (marked "heading"
// when IsHeading), and each of its sentences on its own line as n.m.
func render(id, raw string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s: cleaned by store/clean; regenerate with go test ./store/clean -run TestGolden -update\n", id)
	fmt.Fprintf(&b, "# ✂ dropped furniture line [why]   ¶n paragraph   n.m sentence m of paragraph n\n")
	n := 0
	for _, p := range clean(raw) {
		if p.rule != nil {
			fmt.Fprintf(&b, "✂ %s [%s]\n", p.text, p.rule.Why)
			continue
		}
		n++
		b.WriteString("\n")
		if IsHeading(p.text) {
			fmt.Fprintf(&b, "¶%d heading\n", n)
		} else {
			fmt.Fprintf(&b, "¶%d\n", n)
		}
		for m, s := range Sentences(p.text) {
			fmt.Fprintf(&b, "%d.%d %s\n", n, m+1, s)
		}
	}
	return b.String()
}

func TestGolden(t *testing.T) {
	for _, a := range mustSeeds(t) {
		t.Run(a.id, func(t *testing.T) {
			got := render(a.id, a.raw)
			path := filepath.Join("testdata", a.id+".golden")
			if *update {
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatalf("write golden: %v", err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("read golden (run with -update to create it): %v", err)
			}
			if got != string(want) {
				t.Errorf("render(%s) differs from %s; run with -update and review the diff:\n%s", a.id, path, got)
			}
		})
	}
}
