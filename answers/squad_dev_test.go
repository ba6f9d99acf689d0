package answers

import (
	"context"
	"fmt"
	"os"
	"sort"
	"testing"

	"github.com/parley-bot/parley/store/storetest"
)

// TestSQuADDev ranks the questions of the SQuAD file named by PARLEY_SQUAD
// and logs ranking accuracy before any refusal; a tuning aid.
func TestSQuADDev(t *testing.T) {
	path := os.Getenv("PARLEY_SQUAD")
	if path == "" {
		t.Skip("set PARLEY_SQUAD to a SQuAD 2.0 file")
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	set, err := ReadSQuAD(f)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	st := storetest.MustOpenEmpty(t)
	for _, d := range set.Documents() {
		if _, err := st.Ingest(ctx, d, storetest.Epoch); err != nil {
			t.Fatal(err)
		}
	}
	e := mustEngine(t, st)
	ix, _ := e.current(ctx)
	type row struct{ n, top1, top3 int }
	by := map[string]*row{}
	for _, art := range set.Data {
		for _, p := range art.Paragraphs {
			for _, q := range p.QAs {
				if q.IsImpossible {
					continue
				}
				qq := e.analyse(ix, Normalize(q.Question))
				ranked := e.rank(ix, qq)
				r := by[qq.class.name]
				if r == nil {
					r = &row{}
					by[qq.class.name] = r
				}
				r.n++
				for i := 0; i < len(ranked) && i < 3; i++ {
					if goldAt(ranked[i].s.Text, ranked[i].s.ArticleID == art.ArticleID(), p.Context, q.Answers) {
						if i == 0 {
							r.top1++
							if os.Getenv("V") == "1" {
								fmt.Printf("OK   %s\n", q.Question)
							}
						}
						r.top3++
						break
					}
				}
				if os.Getenv("V") == "3" && len(ranked) > 0 && !goldAt(ranked[0].s.Text, ranked[0].s.ArticleID == art.ArticleID(), p.Context, q.Answers) {
					fmt.Printf("MISS [%s] %s  terms=%v\n", qq.class.name, q.Question, qterms(qq))
					for i, c := range ranked {
						g := goldAt(c.s.Text, c.s.ArticleID == art.ArticleID(), p.Context, q.Answers)
						if i < 2 || g {
							fmt.Printf("  %d gold=%v score %.3f cov %.2f bm %.2f prox %.2f type %v | %.110s\n", i, g, c.score, c.coverage, c.bm25, c.prox, c.typeMatch, c.s.Text)
						}
						if g {
							break
						}
					}
				}
				if os.Getenv("V") == "2" && (len(ranked) == 0 || !goldAt(ranked[0].s.Text, ranked[0].s.ArticleID == art.ArticleID(), p.Context, q.Answers)) {
					got := ""
					if len(ranked) > 0 {
						got = ranked[0].s.Text
					}
					fmt.Printf("MISS [%s] %s\n   gold %q\n   got  %.100s\n", qq.class.name, q.Question, q.Answers[0].Text, got)
				}
			}
		}
	}
	var names []string
	tot := row{}
	for k, r := range by {
		names = append(names, k)
		tot.n += r.n
		tot.top1 += r.top1
		tot.top3 += r.top3
	}
	sort.Strings(names)
	for _, k := range names {
		r := by[k]
		t.Logf("%-10s %4d top1 %5.1f%% top3 %5.1f%%", k, r.n, 100*float64(r.top1)/float64(r.n), 100*float64(r.top3)/float64(r.n))
	}
	t.Logf("%-10s %4d top1 %5.1f%% top3 %5.1f%%", "all", tot.n, 100*float64(tot.top1)/float64(tot.n), 100*float64(tot.top3)/float64(tot.n))
}

func TestSQuADTune(t *testing.T) {
	path := os.Getenv("PARLEY_SQUAD")
	if path == "" {
		t.Skip("set PARLEY_SQUAD to a SQuAD 2.0 file")
	}
	f, _ := os.Open(path)
	set, _ := ReadSQuAD(f)
	f.Close()
	ctx := context.Background()
	st := storetest.MustOpenEmpty(t)
	for _, d := range set.Documents() {
		st.Ingest(ctx, d, storetest.Epoch)
	}
	e := mustEngine(t, st)
	if os.Getenv("NOSYN") != "" {
		e.rules.synonyms = map[string][]string{}
	}
	if os.Getenv("NOALIAS") != "" {
		e.rules.aliases = map[string][]alias{}
	}
	if os.Getenv("NOTYPO") != "" {
		e.rules.known = nil
	}
	ix, _ := buildIndex(ctx, st, e.rules, nil, 1)
	seeds := mustEngine(t, storetest.MustOpen(t))
	six, _ := seeds.current(ctx)
	dev := BuiltinQuestions()
	score := func() (float64, float64) {
		n, ok := 0, 0
		for _, art := range set.Data {
			for _, p := range art.Paragraphs {
				for _, q := range p.QAs {
					if q.IsImpossible {
						continue
					}
					ranked := e.rank(ix, e.analyse(ix, Normalize(q.Question)))
					n++
					if len(ranked) > 0 && goldAt(ranked[0].s.Text, ranked[0].s.ArticleID == art.ArticleID(), p.Context, q.Answers) {
						ok++
					}
				}
			}
		}
		m, ok2 := 0, 0
		for _, q := range dev {
			if !q.Answerable {
				continue
			}
			ranked := seeds.rank(six, seeds.analyse(six, Normalize(q.Q)))
			m++
			if len(ranked) > 0 && holds(ranked[0].s.Text, q.Expect) {
				ok2++
			}
		}
		return float64(ok) / float64(n), float64(ok2) / float64(m)
	}
	for _, w := range [][3]float64{{0, 0, 0}, {0, 0.1, 0.2}, {0, 0.1, 0.4}, {0, 0.2, 0.4}, {0.2, 0.2, 0.4}, {0, 0.1, 0.6}, {0, 0.2, 0.8}} {
		tuneNbr, tuneBigram, tunePara = w[0], w[1], w[2]
		a, b := score()
		t.Logf("w %v: squad %.3f seeds %.3f", w, a, b)
	}
}

func qterms(q *query) []string {
	var out []string
	for _, t := range q.terms {
		out = append(out, fmt.Sprintf("%s:%.1f", t.term, t.weight))
	}
	return out
}
