// The pertainym list answers/pertainyms.txt.gz holds, for each adjective WordNet 3.0 says pertains
// to a noun ("Mexican" to "Mexico", "presidential" to "president"), among the first three senses of
// both (index.* and data.* of Debian's wordnet-base package), the noun, and for the noun the
// adjective: one stem and its related words a line. TestGeneratePertainyms makes it
// (PARLEY_WORDNET names that package's dict folder).
package answers

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestGeneratePertainyms writes pertainyms.txt.gz from WordNet 3.0's
// database files in the folder PARLEY_WORDNET names.
func TestGeneratePertainyms(t *testing.T) {
	generateFromWordNet(t, "pertainyms.txt.gz", pertainymWords)
}

// pertainymWords reads the data files twice: the words of every synset,
// then the pertainym pointers ("\") from an adjective to a noun, kept
// both ways when both are plain words (names too: "mexico") in one of
// their first synonymSenses senses.
func pertainymWords(t *testing.T, dir string, rank map[string]map[string]int) map[string]map[string]bool {
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
	scanWordNet(t, dir, "data", func(pos string, fs []string) {
		if pos != "adj" {
			return
		}
		n, _ := strconv.ParseInt(fs[3], 16, 32)
		at := 4 + 2*int(n)
		np, _ := strconv.Atoi(fs[at])
		key := pos + fs[0]
		for p := 0; p < np; p++ {
			sym, off, tpos, st := fs[at+1+4*p], fs[at+2+4*p], fs[at+3+4*p], fs[at+4+4*p]
			if sym != `\` || tpos != "n" {
				continue
			}
			src, _ := strconv.ParseInt(st[:2], 16, 32)
			dst, _ := strconv.ParseInt(st[2:], 16, 32)
			okey := "noun" + off
			if src < 1 || dst < 1 || int(src) > len(words[key]) || int(dst) > len(words[okey]) {
				continue
			}
			a, b := words[key][src-1], words[okey][dst-1]
			if !keep(a, key) || !keep(b, okey) || a == b {
				continue
			}
			add(a, b)
			add(b, a)
		}
	})
	return out
}
