package answers

import (
	"bufio"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// Kinds of question set the ranking search weighs.
const (
	kindSQuAD = iota
	kindArticles
	kindSeeds
	nKinds
)

// searchQ is one answerable question of a dump: its candidates' features
// and which of them hold the answer, its kind of set and, for an article
// set, the half of the article sets its file falls in.
type searchQ struct {
	tuneQ
	kind, half int
}

// TestRankSearch is a calibration tool, not a check: it runs only with
// PARLEY_RANK_SEARCH naming a dump TestDump wrote (SQuAD first, then the
// article sets, through PARLEY_SQUAD, and the seeds' sets), and logs a
// coordinate search of the rank weights from general.yaml's. Each move
// adds ±0.25, ±0.5 or ±1 to one weight and is kept when it puts the right
// sentence first for more questions (SQuAD counted twice, PARLEY_SQUAD_FILE
// naming its file, squad2-dev-4articles.json by default) with no kind of
// set losing. PARLEY_HOLD=0 or 1 holds one half of the article sets (by a
// hash of the file's name) out of the search and logs it beside; docs/engine.md
// (forty-sixth pass) says what it found.
func TestRankSearch(t *testing.T) {
	path := os.Getenv("PARLEY_RANK_SEARCH")
	if path == "" {
		t.Skip("set PARLEY_RANK_SEARCH to a dump TestDump wrote")
	}
	squadFile := os.Getenv("PARLEY_SQUAD_FILE")
	if squadFile == "" {
		squadFile = "squad2-dev-4articles.json"
	}
	hold := -1
	if v := os.Getenv("PARLEY_HOLD"); v != "" {
		h, err := strconv.Atoi(v)
		if err != nil {
			t.Fatalf("PARLEY_HOLD: %v", err)
		}
		hold = h
	}
	qs := readSearchDump(t, path, filepath.Base(squadFile))
	r, err := loadRules()
	if err != nil {
		t.Fatal(err)
	}
	held := func(q searchQ) bool { return q.kind == kindArticles && q.half == hold }
	count := func(w [nFeat]float64) (in, out [nKinds]int) {
		for _, q := range qs {
			if !q.top1(w) {
				continue
			}
			if held(q) {
				out[q.kind]++
			} else {
				in[q.kind]++
			}
		}
		return in, out
	}
	score := func(c [nKinds]int) int { return 2*c[kindSQuAD] + c[kindArticles] + c[kindSeeds] }
	w := r.rankWeights
	base, out := count(w)
	t.Logf("start: searched %v, held out %v (SQuAD, article sets, seeds' sets)", base, out)
	for step := 0; step < 12; step++ {
		best, bestK, bestV := score(base), -1, 0.0
		var bestIn [nKinds]int
		for k := range w {
			for _, d := range []float64{-1, -0.5, -0.25, 0.25, 0.5, 1} {
				v := w
				v[k] += d
				in, _ := count(v)
				if in[kindSQuAD] < base[kindSQuAD] || in[kindArticles] < base[kindArticles] || in[kindSeeds] < base[kindSeeds] {
					continue
				}
				if s := score(in); s >= best+3 {
					best, bestK, bestV, bestIn = s, k, v[k], in
				}
			}
		}
		if bestK < 0 {
			break
		}
		w[bestK] = bestV
		base = bestIn
		_, out = count(w)
		t.Logf("%s → %.2f: searched %v, held out %v", featureNames[bestK], bestV, base, out)
	}
	var moved []string
	for k := range w {
		if w[k] != r.rankWeights[k] {
			moved = append(moved, fmt.Sprintf("%s %.2f → %.2f", featureNames[k], r.rankWeights[k], w[k]))
		}
	}
	t.Logf("moved: %s", strings.Join(moved, ", "))
}

// readSearchDump reads the answerable questions of a dump TestDump wrote.
func readSearchDump(t *testing.T, path, squadFile string) []searchQ {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<20), 64<<20)
	var qs []searchQ
	for sc.Scan() {
		var r struct {
			File, Group string
			Answerable  bool
			Cands       []struct {
				Feat [nFeat]float64
				Gold bool
			}
		}
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if !r.Answerable || len(r.Cands) == 0 {
			continue
		}
		q := searchQ{tuneQ: tuneQ{group: r.Group}, kind: kindArticles}
		switch r.File {
		case "seeds":
			q.kind = kindSeeds
		case squadFile:
			q.kind = kindSQuAD
		default:
			h := fnv.New32a()
			h.Write([]byte(r.File))
			q.half = int(h.Sum32() % 2)
		}
		for _, c := range r.Cands {
			q.feats = append(q.feats, c.Feat)
			q.gold = append(q.gold, c.Gold)
		}
		qs = append(qs, q)
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return qs
}
