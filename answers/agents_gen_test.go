// The agent-noun list answers/agents.txt.gz holds the single lower-case words WordNet 3.0 files
// as people or groups of them (lexicographer files 18, noun.person: "negotiator", "chemist"; and
// 14, noun.group: "commission", "delegation", "army"; data.noun of Debian's wordnet-base
// package), one a line. TestGenerateAgentNouns makes it (PARLEY_WORDNET names that package's
// dict folder).
package answers

import (
	"strconv"
	"strings"
	"testing"
)

// TestGenerateAgentNouns writes agents.txt.gz from WordNet 3.0's
// data.noun in the folder PARLEY_WORDNET names: the single lower-case
// words of every synset of lexicographer files 14 and 18.
func TestGenerateAgentNouns(t *testing.T) {
	seen := map[string]bool{}
	eachNounSynset(t, func(_ string, fs []string) {
		if fs[1] != "14" && fs[1] != "18" {
			return
		}
		n, _ := strconv.ParseInt(fs[3], 16, 32)
		for i := 0; i < int(n); i++ {
			w, _, _ := strings.Cut(fs[4+2*i], "(") // "(a)" and "(p)" mark adjectives' places
			if isLetters(w) && w == strings.ToLower(w) {
				seen[w] = true
			}
		}
	})
	t.Logf("agents.txt.gz: %d words", writeList(t, "agents.txt.gz", seen))
}
