// The hyponym list answers/hyponyms.txt.gz holds, for each English noun (in english.txt.gz) of three
// letters or more, the English nouns WordNet 3.0 puts at most hyponymDepth steps below it ("drink":
// "beer", "brandy"; "weapon": "dagger"), among the first three senses of both (index.noun and
// data.noun of Debian's wordnet-base package): one stem and the stems of its kinds a line.
// TestGenerateHyponyms makes it (PARLEY_WORDNET names that package's dict folder).
package answers

import (
	"regexp"
	"strconv"
	"testing"
)

// hyponymDepth is how many steps down WordNet's noun hierarchy a kind
// may lie: "drink" to "alcohol" to "brew" to "beer".
const hyponymDepth = 3

// TestGenerateHyponyms writes hyponyms.txt.gz from WordNet 3.0's database
// files in the folder PARLEY_WORDNET names.
func TestGenerateHyponyms(t *testing.T) {
	generateFromWordNet(t, "hyponyms.txt.gz", hyponymWords)
}

// hyponymWords reads the nouns' hypernym pointers ("@"; not those of
// instances, which are names) and, for each noun, the nouns up to
// hyponymDepth steps below it, both in one of their first synonymSenses
// senses.
func hyponymWords(t *testing.T, dir string, rank map[string]map[string]int) map[string]map[string]bool {
	plain := regexp.MustCompile(`^[a-z]{3,}$`)
	words := map[string][]string{} // synset offset -> its words
	up := map[string][]string{}    // synset offset -> its hypernyms
	scanWordNet(t, dir, "data", func(pos string, fs []string) {
		if pos != "noun" {
			return
		}
		words[fs[0]] = rankedWords(fs, "noun"+fs[0], rank, plain)
		n, _ := strconv.ParseInt(fs[3], 16, 32)
		at := 4 + 2*int(n)
		np, _ := strconv.Atoi(fs[at])
		for p := 0; p < np; p++ {
			if fs[at+1+4*p] == "@" && fs[at+3+4*p] == "n" {
				up[fs[0]] = append(up[fs[0]], fs[at+2+4*p])
			}
		}
	})
	out := map[string]map[string]bool{}
	for off, kinds := range words {
		frontier, seen := []string{off}, map[string]bool{off: true}
		for d := 0; d < hyponymDepth; d++ {
			var next []string
			for _, f := range frontier {
				for _, h := range up[f] {
					if seen[h] {
						continue
					}
					seen[h] = true
					next = append(next, h)
					for _, g := range words[h] {
						for _, k := range kinds {
							if k == g {
								continue
							}
							if out[g] == nil {
								out[g] = map[string]bool{}
							}
							out[g][k] = true
						}
					}
				}
			}
			frontier = next
		}
	}
	return out
}
