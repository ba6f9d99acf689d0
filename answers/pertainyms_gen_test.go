// The pertainym list answers/pertainyms.txt.gz holds, for each adjective WordNet 3.0 says pertains
// to a noun ("Mexican" to "Mexico", "presidential" to "president"), among the first three senses of
// both (index.* and data.* of Debian's wordnet-base package), the noun, and for the noun the
// adjective: one stem and its related words a line. TestGeneratePertainyms makes it
// (PARLEY_WORDNET names that package's dict folder).
package answers

import (
	"regexp"
	"testing"
)

// TestGeneratePertainyms writes pertainyms.txt.gz from WordNet 3.0's
// database files in the folder PARLEY_WORDNET names.
func TestGeneratePertainyms(t *testing.T) {
	generateFromWordNet(t, "pertainyms.txt.gz", pertainymWords)
}

// pertainymWords reads the pertainym pointers ("\\") from an adjective to a
// noun, kept both ways when both are plain words (names too: "mexico") in
// one of their first synonymSenses senses.
func pertainymWords(t *testing.T, dir string, rank map[string]map[string]int) map[string]map[string]bool {
	plain := regexp.MustCompile(`^[a-z]{3,}$`)
	keep := func(w, key string) bool {
		r, ok := rank[w][key]
		return ok && r < synonymSenses && plain.MatchString(w)
	}
	out := map[string]map[string]bool{}
	add := func(a, b string) {
		if out[a] == nil {
			out[a] = map[string]bool{}
		}
		out[a][b] = true
	}
	wordPointers(t, dir, func(sym, pos, key, a, opos, okey, b string) {
		if sym != `\` || pos != "adj" || opos != "noun" || a == b || !keep(a, key) || !keep(b, okey) {
			return
		}
		add(a, b)
		add(b, a)
	})
	return out
}
