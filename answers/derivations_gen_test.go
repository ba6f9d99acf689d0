// The derivation list answers/derivations.txt.gz holds, for each single lower-case English word (in
// english.txt.gz) of three or more letters, the nouns and verbs WordNet 3.0 relates to it as
// derivationally related forms ("react", "reaction") among the first three senses of both (index.*
// and data.* of Debian's wordnet-base package), one stem and its derived words a line.
// TestGenerateDerivations makes it (PARLEY_WORDNET names that package's dict folder).
package answers

import (
	"regexp"
	"testing"
)

// TestGenerateDerivations writes derivations.txt.gz from WordNet 3.0's
// database files in the folder PARLEY_WORDNET names: for each plain
// English noun or verb, the verbs or nouns its senses among the first
// synonymSenses are derivationally related to, in one of their first
// synonymSenses senses.
func TestGenerateDerivations(t *testing.T) {
	generateFromWordNet(t, "derivations.txt.gz", derivedWords)
}

// derivedWords reads the derivation pointers ("+") between a noun and a
// verb, kept when both ends are plain English words in one of their first
// synonymSenses senses.
func derivedWords(t *testing.T, dir string, rank map[string]map[string]int) map[string]map[string]bool {
	plain := regexp.MustCompile(`^[a-z]{3,}$`)
	keep := func(w, key string) bool {
		r, ok := rank[w][key]
		return ok && r < synonymSenses && plain.MatchString(w) && isEnglish(w)
	}
	nounOrVerb := map[string]bool{"noun": true, "verb": true}
	der := map[string]map[string]bool{}
	wordPointers(t, dir, func(sym, pos, key, a, opos, okey, b string) {
		if sym != "+" || !nounOrVerb[pos] || !nounOrVerb[opos] || pos == opos || !keep(a, key) || !keep(b, okey) {
			return
		}
		if der[a] == nil {
			der[a] = map[string]bool{}
		}
		der[a][b] = true
	})
	return der
}
