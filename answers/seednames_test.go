package answers

import (
	"bufio"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/parley-bot/parley/seeds"
)

// TestNoGoCodeNamesTheSeeds holds the house rule that no Go code, comments
// included, names the built-in articles' people and places: the words of
// the built-in pack's names (its own entities, not generic ones like "the
// United States", and not English words like "Club") appear in no non-test
// Go file outside seeds/. Rules and examples about them belong to the
// pack; the engine's own examples use invented names.
func TestNoGoCodeNamesTheSeeds(t *testing.T) {
	var pack struct {
		Entities []struct {
			Name    string `yaml:"name"`
			Generic bool   `yaml:"generic"`
		} `yaml:"entities"`
	}
	if err := yaml.Unmarshal(seeds.Domain, &pack); err != nil {
		t.Fatal(err)
	}
	var words []string
	for _, e := range pack.Entities {
		for _, w := range strings.Fields(e.Name) {
			if !e.Generic && len(w) >= 4 && w[0] >= 'A' && w[0] <= 'Z' && !isEnglish(fold(w)) {
				words = append(words, regexp.QuoteMeta(w))
			}
		}
	}
	if len(words) < 10 {
		t.Fatalf("read %d names from the built-in pack; the test reads nothing", len(words))
	}
	named := regexp.MustCompile(`(?i)\b(` + strings.Join(words, "|") + `)\b`)
	root := ".."
	files := 0
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name := d.Name(); p != root && (strings.HasPrefix(name, ".") || name == "testdata" || name == "seeds") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		files++
		f, err := os.Open(p)
		if err != nil {
			return err
		}
		defer f.Close()
		sc := bufio.NewScanner(f)
		for n := 1; sc.Scan(); n++ {
			if m := named.FindString(sc.Text()); m != "" {
				t.Errorf("%s:%d names %q, from the built-in articles", p, n, m)
			}
		}
		return sc.Err()
	})
	if err != nil {
		t.Fatal(err)
	}
	if files < 50 {
		t.Fatalf("read %d files; the walk missed the module", files)
	}
}
