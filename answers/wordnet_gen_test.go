package answers

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// synonymSenses is how many of a word's most frequent WordNet senses
// (per part of speech) count: beyond them a synset is a rare reading
// ("rule" as "find").
const synonymSenses = 3

// TestGenerateSynonyms writes synonyms.txt.gz from WordNet 3.0's database
// files in the folder PARLEY_WORDNET names (the dict folder of Debian's
// wordnet-base): for each single lower-case word, the words that
// share with it a synset among the first synonymSenses senses of both,
// English words (english.txt.gz) only.
func TestGenerateSynonyms(t *testing.T) {
	dir := os.Getenv("PARLEY_WORDNET")
	if dir == "" {
		t.Skip("set PARLEY_WORDNET to WordNet's dict folder")
	}
	plain := regexp.MustCompile(`^[a-z]{3,}$`)
	rank := map[string]map[string]int{} // word -> synset -> sense rank
	for _, pos := range []string{"noun", "verb", "adj", "adv"} {
		f, err := os.Open(filepath.Join(dir, "index."+pos))
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			line := sc.Text()
			if strings.HasPrefix(line, " ") {
				continue
			}
			fs := strings.Fields(line)
			n, _ := strconv.Atoi(fs[2])
			p, _ := strconv.Atoi(fs[3])
			offs := fs[4+p+2:]
			for i := 0; i < n && i < len(offs); i++ {
				if rank[fs[0]] == nil {
					rank[fs[0]] = map[string]int{}
				}
				rank[fs[0]][pos+offs[i]] = i
			}
		}
		f.Close()
	}
	syn := map[string]map[string]bool{}
	for _, pos := range []string{"noun", "verb", "adj", "adv"} {
		f, err := os.Open(filepath.Join(dir, "data."+pos))
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			line := sc.Text()
			if strings.HasPrefix(line, " ") {
				continue
			}
			fs := strings.Fields(line)
			n, _ := strconv.ParseInt(fs[3], 16, 32)
			key := pos + fs[0]
			var words []string
			for i := 0; i < int(n); i++ {
				w := strings.ToLower(fs[4+2*i])
				if k := strings.IndexByte(w, '('); k > 0 {
					w = w[:k]
				}
				if r, ok := rank[w][key]; ok && r < synonymSenses && plain.MatchString(w) && isEnglish(w) {
					words = append(words, w)
				}
			}
			for _, a := range words {
				for _, b := range words {
					if a != b {
						if syn[a] == nil {
							syn[a] = map[string]bool{}
						}
						syn[a][b] = true
					}
				}
			}
		}
		f.Close()
	}
	// Keyed by stem, each synonym with its stem, so reading the list
	// stems nothing: "photo photograph", "percentag percent=percentage".
	byStem := map[string]map[string]string{}
	for w, os := range syn {
		h := stem(w)
		if byStem[h] == nil {
			byStem[h] = map[string]string{}
		}
		for o := range os {
			if so := stem(o); so != h {
				if old, ok := byStem[h][so]; !ok || o < old {
					byStem[h][so] = o
				}
			}
		}
	}
	heads := make([]string, 0, len(byStem))
	for h, os := range byStem {
		if len(os) > 0 {
			heads = append(heads, h)
		}
	}
	sort.Strings(heads)
	out, err := os.Create("synonyms.txt.gz")
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	zw, _ := gzip.NewWriterLevel(out, gzip.BestCompression)
	bw := bufio.NewWriter(zw)
	for _, h := range heads {
		var fs []string
		for so, o := range byStem[h] {
			if so == o {
				fs = append(fs, o)
			} else {
				fs = append(fs, so+"="+o)
			}
		}
		sort.Strings(fs)
		fmt.Fprintln(bw, h+" "+strings.Join(fs, " "))
	}
	if err := bw.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d words", len(heads))
}
