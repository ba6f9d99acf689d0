package seeds

import (
	"io/fs"
	"regexp"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// TestSourcesMatchArticles holds the rule that metadata is never invented:
// every article has an entry, and every non-empty title, outlet and byline
// is text the article itself shows.
func TestSourcesMatchArticles(t *testing.T) {
	var doc struct {
		Articles []map[string]string `yaml:"articles"`
	}
	data, err := FS.ReadFile("sources.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if err := yaml.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	files, _ := fs.Glob(FS, "*.txt")
	if len(files) != 5 || len(doc.Articles) != len(files) {
		t.Fatalf("%d files, %d sources entries", len(files), len(doc.Articles))
	}
	date := regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
	for _, a := range doc.Articles {
		body, err := FS.ReadFile(a["id"] + ".txt")
		if err != nil {
			t.Errorf("sources entry %q has no article file", a["id"])
			continue
		}
		text := string(body)
		for _, k := range []string{"title", "outlet", "byline", "url"} {
			if v := a[k]; v != "" && !strings.Contains(text, v) {
				t.Errorf("%s: %s %q is not in the article", a["id"], k, v)
			}
		}
		if p := a["published"]; p != "" && !date.MatchString(p) {
			t.Errorf("%s: published %q is not YYYY-MM-DD", a["id"], p)
		}
	}
}
