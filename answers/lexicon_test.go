package answers

import (
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

func mustLexicon(t testing.TB) *lexicon {
	t.Helper()
	l, err := compileLexicon(lexiconYAML)
	if err != nil {
		t.Fatalf("embedded lexicon.yaml: %v", err)
	}
	return l
}

// TestLexiconStrict: lexicon.yaml decodes strictly and every list in it is
// required, so a misspelt key, an empty or missing list, an empty word (a
// pattern alternative matching nothing), a number that is not one or a
// word given twice is an error naming it.
func TestLexiconStrict(t *testing.T) {
	mustLexicon(t)
	var file map[string]any
	if err := yaml.Unmarshal(lexiconYAML, &file); err != nil {
		t.Fatal(err)
	}
	if len(file) < 10 {
		t.Fatalf("read %d keys from lexicon.yaml; the test reads nothing", len(file))
	}
	with := func(key string, value any) []byte {
		edited := map[string]any{}
		for k, v := range file {
			edited[k] = v
		}
		if value == nil {
			delete(edited, key)
		} else {
			edited[key] = value
		}
		data, err := yaml.Marshal(edited)
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	rejects := func(what string, data []byte, names ...string) {
		t.Helper()
		_, err := compileLexicon(data)
		if err == nil {
			t.Errorf("%s: compileLexicon accepted it", what)
			return
		}
		for _, n := range names {
			if !strings.Contains(err.Error(), n) {
				t.Errorf("%s: error %q, want it to name %q", what, err, n)
			}
		}
	}
	for key, v := range file {
		var empty any = []string{}
		if _, ok := v.(map[string]any); ok {
			empty = map[string]int{}
		}
		rejects("empty "+key, with(key, empty), key)
		rejects("no "+key, with(key, nil), key)
	}
	rejects("unknown key", append(append([]byte{}, lexiconYAML...), "\nspeach_verbs: [said]\n"...), "speach_verbs")
	rejects("word for a number", with("numbers", map[string]any{"one": "uno"}), "one")
	rejects("empty word", with("months", []string{"May", ""}), "months")
	rejects("empty number word", with("numbers", map[string]any{"": 1}), "numbers")
	rejects("empty phrase", with("clause_breaks", []string{"; ", ""}), "clause_breaks")
	rejects("unknown cue kind", with("digest_cues", []map[string]any{{"kind": "meating", "weight": 1, "terms": []string{"met"}}}), "digest_cues", "meating")
	rejects("cue weight", with("digest_cues", []map[string]any{{"kind": "meeting", "weight": 0, "terms": []string{"met"}}}), "digest_cues", "weight")
	rejects("word twice", []byte(strings.Replace(string(lexiconYAML), "  two: 2\n", "  two: 2\n  Two: 2\n", 1)), "numbers", "two")
}
