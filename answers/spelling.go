package answers

import (
	"strings"
	"sync"

	"gopkg.in/yaml.v3"
)

// spellingRules are general.yaml's British word endings and their
// American forms, read once: stem reads them, so a question that writes
// "center" finds the article's "centre", "organized" its "organised".
var spellingRules = sync.OnceValue(func() [][2]string {
	var f struct {
		Spellings [][2]string `yaml:"spellings"`
	}
	// general.yaml is decoded strictly, and its spellings checked, by
	// compileRules; here only that section is read.
	if err := yaml.Unmarshal(generalYAML, &f); err != nil {
		return nil
	}
	return f.Spellings
})

// inflections are the endings a spelling rule looks past: "centres",
// "organised".
var inflections = []string{"", "s", "d", "r", "rs"}

// american is w with a British ending rewritten to the American one
// when the result is an English word too ("centre" → "center", not
// "four" → "for"), else w.
func american(w string) string {
	if len(w) < 5 {
		return w
	}
	for _, r := range spellingRules() {
		for _, infl := range inflections {
			if base, ok := strings.CutSuffix(w, r[0]+infl); ok && base != "" {
				if a := base + r[1] + infl; isEnglish(a) {
					return a
				}
			}
		}
	}
	return w
}
