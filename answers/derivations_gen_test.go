// The derivation list answers/derivations.txt.gz holds, for each single lower-case English word (in
// english.txt.gz) of three or more letters, the nouns and verbs WordNet 3.0 relates to it as
// derivationally related forms ("react", "reaction") among the first three senses of both (index.*
// and data.* of Debian's wordnet-base package), one stem and its derived words a line.
// TestGenerateDerivations makes it (PARLEY_WORDNET names that package's dict folder).
package answers

import (
	"regexp"
	"strconv"
	"strings"
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

// derivedWords reads the data files twice: the words of every synset,
// then the derivation pointers ("+") between a noun and a verb, kept when
// both ends are plain English words in one of their first synonymSenses
// senses.
func derivedWords(t *testing.T, dir string, rank map[string]map[string]int) map[string]map[string]bool {
	plain := regexp.MustCompile(`^[a-z]{3,}$`)
	words := map[string][]string{} // synset key -> its words, in order
	scanWordNet(t, dir, "data", func(pos string, fs []string) {
		n, _ := strconv.ParseInt(fs[3], 16, 32)
		for i := 0; i < int(n); i++ {
			w := strings.ToLower(fs[4+2*i])
			if k := strings.IndexByte(w, '('); k > 0 {
				w = w[:k]
			}
			words[pos+fs[0]] = append(words[pos+fs[0]], w)
		}
	})
	partOf := map[string]string{"n": "noun", "v": "verb"}
	keep := func(w, key string) bool {
		r, ok := rank[w][key]
		return ok && r < synonymSenses && plain.MatchString(w) && isEnglish(w)
	}
	der := map[string]map[string]bool{}
	scanWordNet(t, dir, "data", func(pos string, fs []string) {
		if pos != "noun" && pos != "verb" {
			return
		}
		n, _ := strconv.ParseInt(fs[3], 16, 32)
		at := 4 + 2*int(n)
		np, _ := strconv.Atoi(fs[at])
		key := pos + fs[0]
		for p := 0; p < np; p++ {
			sym, off, tpos, st := fs[at+1+4*p], fs[at+2+4*p], fs[at+3+4*p], fs[at+4+4*p]
			other := partOf[tpos]
			if sym != "+" || other == "" || other == pos {
				continue
			}
			src, _ := strconv.ParseInt(st[:2], 16, 32)
			dst, _ := strconv.ParseInt(st[2:], 16, 32)
			okey := other + off
			if src < 1 || dst < 1 || int(src) > len(words[key]) || int(dst) > len(words[okey]) {
				continue
			}
			a, b := words[key][src-1], words[okey][dst-1]
			if !keep(a, key) || !keep(b, okey) {
				continue
			}
			if der[a] == nil {
				der[a] = map[string]bool{}
			}
			der[a][b] = true
		}
	})
	return der
}
