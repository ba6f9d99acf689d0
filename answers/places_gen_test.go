// The place list answers/places.txt.gz holds the names WordNet 3.0 gives places (the instances in its
// noun.location file: countries, states, cities, regions, rivers, mountains …; data.noun of Debian's
// wordnet-base package), one name a line as WordNet writes it, its words parted by spaces.
// TestGeneratePlaces makes it (PARLEY_WORDNET names that package's dict folder).
package answers

import (
	"bufio"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestGeneratePlaces writes places.txt.gz from WordNet 3.0's data.noun in
// the folder PARLEY_WORDNET names: the words of every instance synset of
// lexicographer file 15 (noun.location) that open with a capital.
func TestGeneratePlaces(t *testing.T) {
	seen := map[string]bool{}
	eachNounSynset(t, func(line string, fs []string) {
		if fs[1] != "15" || !strings.Contains(line, " @i ") {
			return
		}
		n, _ := strconv.ParseInt(fs[3], 16, 32)
		for i := 0; i < int(n); i++ {
			w := strings.ReplaceAll(fs[4+2*i], "_", " ")
			if w != "" && w[0] >= 'A' && w[0] <= 'Z' {
				seen[w] = true
			}
		}
	})
	t.Logf("places.txt.gz: %d names", writeList(t, "places.txt.gz", seen))
}

// eachNounSynset calls f with each synset line of WordNet 3.0's data.noun
// in the folder PARLEY_WORDNET names, and its fields (lexicographer file
// second, word count fourth, then each word and its lexical id); it skips
// the test when PARLEY_WORDNET is not set.
func eachNounSynset(t *testing.T, f func(line string, fs []string)) {
	dir := os.Getenv("PARLEY_WORDNET")
	if dir == "" {
		t.Skip("set PARLEY_WORDNET to WordNet's dict folder")
	}
	file, err := os.Open(filepath.Join(dir, "data.noun"))
	if err != nil {
		t.Fatal(err)
	}
	defer file.Close()
	sc := bufio.NewScanner(file)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		if fs := strings.Fields(sc.Text()); len(fs) >= 5 && !strings.HasPrefix(sc.Text(), " ") {
			f(sc.Text(), fs)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
}
