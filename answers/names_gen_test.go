// The name list answers/names.txt.gz holds the proper names of Debian's wamerican and wbritish word
// lists (SCOWL, size 50; /usr/share/dict/american-english and british-english): each entry that
// is one capitalised word of letters, folded, less those english.txt.gz has as words, one a line.
// TestGenerateNames makes it (PARLEY_DICT names the folder holding both lists).
package answers

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
)

// TestGenerateNames writes names.txt.gz from the word lists in the folder
// PARLEY_DICT names.
func TestGenerateNames(t *testing.T) {
	dir := os.Getenv("PARLEY_DICT")
	if dir == "" {
		t.Skip("set PARLEY_DICT to the folder of american-english and british-english")
	}
	seen := map[string]bool{}
	for _, list := range []string{"american-english", "british-english"} {
		f, err := os.Open(filepath.Join(dir, list))
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			w := sc.Text()
			if w == "" || !unicode.IsUpper(rune(w[0])) || strings.IndexFunc(w[1:], func(c rune) bool { return c < 'a' || c > 'z' }) >= 0 {
				continue
			}
			if low := strings.ToLower(w); !isEnglish(low) {
				seen[low] = true
			}
		}
		err = sc.Err()
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("names.txt.gz: %d names", writeList(t, "names.txt.gz", seen))
}
