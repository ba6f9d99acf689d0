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
	generateFromWordNet(t, "synonyms.txt.gz", synsetWords)
}

// generateFromWordNet writes to path the word lists read reads from the
// WordNet dict folder PARLEY_WORDNET names, keyed by stem (skipped when
// it names none).
func generateFromWordNet(t *testing.T, path string, read func(*testing.T, string, map[string]map[string]int) map[string]map[string]bool) {
	dir := os.Getenv("PARLEY_WORDNET")
	if dir == "" {
		t.Skip("set PARLEY_WORDNET to WordNet's dict folder")
	}
	words := read(t, dir, senseRanks(t, dir))
	n := writeSynonyms(t, path, synonymsByStem(words))
	t.Logf("%s: %d words", path, n)
}

// wordNetParts are the parts of speech WordNet keeps a file pair for.
var wordNetParts = []string{"noun", "verb", "adj", "adv"}

// scanWordNet calls each with the part of speech and the fields of every
// entry (the licence lines, indented, passed over) of dir's file
// <kind>.<part of speech>, for each part of speech in turn.
func scanWordNet(t *testing.T, dir, kind string, each func(pos string, fs []string)) {
	t.Helper()
	for _, pos := range wordNetParts {
		f, err := os.Open(filepath.Join(dir, kind+"."+pos))
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
			each(pos, strings.Fields(line))
		}
		f.Close()
	}
}

// senseRanks reads the index files: for each word, the rank of each of
// its synsets (keyed part of speech and offset) among its senses, most
// frequent first.
func senseRanks(t *testing.T, dir string) map[string]map[string]int {
	rank := map[string]map[string]int{} // word -> synset -> sense rank
	scanWordNet(t, dir, "index", func(pos string, fs []string) {
		n, _ := strconv.Atoi(fs[2])
		p, _ := strconv.Atoi(fs[3])
		offs := fs[4+p+2:]
		for i := 0; i < n && i < len(offs); i++ {
			if rank[fs[0]] == nil {
				rank[fs[0]] = map[string]int{}
			}
			rank[fs[0]][pos+offs[i]] = i
		}
	})
	return rank
}

// synsetWords reads the data files: for each plain English word, the
// words sharing a synset with it that is among the first synonymSenses
// senses of each.
func synsetWords(t *testing.T, dir string, rank map[string]map[string]int) map[string]map[string]bool {
	plain := regexp.MustCompile(`^[a-z]{3,}$`)
	syn := map[string]map[string]bool{}
	scanWordNet(t, dir, "data", func(pos string, fs []string) {
		words := rankedWords(fs, pos+fs[0], rank, plain)
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
	})
	return syn
}

// rankedWords are the words of the synset whose data line is fs (key,
// its part of speech and offset) that are plain English words with it
// among their first synonymSenses senses.
func rankedWords(fs []string, key string, rank map[string]map[string]int, plain *regexp.Regexp) []string {
	n, _ := strconv.ParseInt(fs[3], 16, 32)
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
	return words
}

// synonymsByStem keys syn by stem, each synonym under its own stem (the
// alphabetically first word of that stem), so reading the list stems
// nothing: "photo photograph", "percentag percent=percentage".
func synonymsByStem(syn map[string]map[string]bool) map[string]map[string]string {
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
	return byStem
}

// writeList writes the entries of set to the gzipped file path, sorted,
// one a line, and returns how many it wrote.
func writeList(t *testing.T, path string, set map[string]bool) int {
	lines := make([]string, 0, len(set))
	for w := range set {
		lines = append(lines, w)
	}
	sort.Strings(lines)
	return writeLines(t, path, lines)
}

// writeLines writes lines to the gzipped file path, each ended by a
// newline, and returns how many it wrote.
func writeLines(t *testing.T, path string, lines []string) int {
	out, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	zw, _ := gzip.NewWriterLevel(out, gzip.BestCompression)
	bw := bufio.NewWriter(zw)
	for _, l := range lines {
		fmt.Fprintln(bw, l)
	}
	if err := bw.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return len(lines)
}

// writeSynonyms writes byStem to the gzipped file path, a line per stem
// with synonyms, in order, and returns how many lines it wrote.
func writeSynonyms(t *testing.T, path string, byStem map[string]map[string]string) int {
	heads := make([]string, 0, len(byStem))
	for h, os := range byStem {
		if len(os) > 0 {
			heads = append(heads, h)
		}
	}
	sort.Strings(heads)
	lines := make([]string, 0, len(heads))
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
		lines = append(lines, h+" "+strings.Join(fs, " "))
	}
	return writeLines(t, path, lines)
}

// wordNetPart is the part of speech a data file's pointer names by its
// letter ("s", an adjective satellite, is an adjective).
var wordNetPart = map[string]string{"n": "noun", "v": "verb", "a": "adj", "s": "adj", "r": "adv"}

// wordPointers reads dir's data files twice: the words of every synset,
// then each lexical pointer between two words (not between whole synsets),
// which it passes to each with its symbol, the parts of speech and synset
// keys of both ends and the two words, lower-cased.
func wordPointers(t *testing.T, dir string, each func(sym, pos, key, a, opos, okey, b string)) {
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
	scanWordNet(t, dir, "data", func(pos string, fs []string) {
		n, _ := strconv.ParseInt(fs[3], 16, 32)
		at := 4 + 2*int(n)
		np, _ := strconv.Atoi(fs[at])
		key := pos + fs[0]
		for p := 0; p < np; p++ {
			sym, off, tpos, st := fs[at+1+4*p], fs[at+2+4*p], fs[at+3+4*p], fs[at+4+4*p]
			opos := wordNetPart[tpos]
			src, _ := strconv.ParseInt(st[:2], 16, 32)
			dst, _ := strconv.ParseInt(st[2:], 16, 32)
			okey := opos + off
			if opos == "" || src < 1 || dst < 1 || int(src) > len(words[key]) || int(dst) > len(words[okey]) {
				continue
			}
			each(sym, pos, key, words[key][src-1], opos, okey, words[okey][dst-1])
		}
	})
}
