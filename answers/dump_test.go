package answers

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kljensen/snowball/english"
	"github.com/parley-bot/parley/store/storetest"
)

// TestDump writes, for offline analysis, every question of the SQuAD file
// named by PARLEY_SQUAD and of the seed sets with its ranked candidates
// (PARLEY_DUMP names the output file).
func TestDump(t *testing.T) {
	out := os.Getenv("PARLEY_DUMP")
	if out == "" {
		t.Skip("set PARLEY_DUMP")
	}
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	enc := json.NewEncoder(f)
	light := os.Getenv("PARLEY_DUMP_LIGHT") != ""
	ctx := context.Background()
	type tok struct {
		Raw, Word, Stem string
		Stop            bool
	}
	type term struct {
		Term   string
		Weight float64
		Known  bool
		// level per candidate: 5 sentence, 4 synonym, 3 previous, 2 next, 1 paragraph, 0.5 article, 0 none
		Level []float64
	}
	type cand struct {
		Art   string
		Para  int
		Pos   int
		Text  string
		Score float64
		Feat  [nFeat]float64
		Conf  float64
		Gold  bool
		Type  bool
		Words []string
		Stems []string
		Prev  []string
		Next  []string
		ParaS []string
		Raw   []string
		Len   int
	}
	type rec struct {
		// File is the SQuAD file's base name, or "seeds".
		File                   string
		Group, Q, Class, Wants string
		Answerable             bool
		Answered               bool
		Decision, Short        string
		Toks                   []tok
		Terms                  []term
		Cands                  []cand
		Ev                     map[string]float64
		GoldRank               int
		GoldText               string
		Base                   []cand
	}
	dump := func(e *Engine, file, group, q string, answerable bool, gold func(*sentence) bool) {
		ix, _ := e.current(ctx)
		a, _, err := e.answer(ctx, q, true)
		if err != nil {
			t.Fatal(err)
		}
		qq := e.analyse(ix, Normalize(q))
		ranked := e.rank(ix, qq)
		r := rec{File: file, Group: group, Q: q, Class: qq.class.name, Wants: qq.class.wants, Answerable: answerable, Answered: a.Answered, Decision: a.Explain.Decision, Short: a.Answer, Ev: a.Explain.Evidence}
		for _, t := range qq.toks {
			r.Toks = append(r.Toks, tok{t.raw, t.word, t.stem, e.rules.stop[t.word] || english.IsStopWord(t.word)})
		}
		r.GoldRank = -1
		if hits, err := e.st.Search(ctx, baselineTerms(q), 5); err == nil {
			for _, h := range hits {
				s := &sentence{Sentence: h.Sentence}
				r.Base = append(r.Base, cand{Art: h.ArticleID, Para: h.Paragraph, Pos: h.Position, Score: h.BM25, Gold: answerable && gold(s)})
			}
		}
		for i, c := range ranked {
			if answerable && gold(c.s) {
				r.GoldRank, r.GoldText = i, c.s.Text
				break
			}
		}
		if light {
			for _, c := range ranked {
				r.Cands = append(r.Cands, cand{Art: c.s.ArticleID, Para: c.s.Paragraph, Pos: c.s.Position, Score: c.score, Feat: c.feat, Gold: answerable && gold(c.s)})
			}
			if err := enc.Encode(r); err != nil {
				t.Fatal(err)
			}
			return
		}
		if len(ranked) > 30 {
			ranked = ranked[:30]
		}
		for _, c := range ranked {
			cd := cand{Art: c.s.ArticleID, Para: c.s.Paragraph, Pos: c.s.Position, Text: c.s.Text, Score: c.score, Feat: c.feat, Conf: c.conf, Gold: answerable && gold(c.s), Type: c.typeMatch}
			for _, t := range c.s.toks {
				cd.Words = append(cd.Words, t.word)
				cd.Stems = append(cd.Stems, t.stem)
			}
			if p := ix.previous(c.s); p != nil {
				for _, t := range p.toks {
					cd.Prev = append(cd.Prev, t.stem)
				}
			}
			if n := c.s.pos + 1; n < len(ix.sents) && ix.sents[n].ArticleID == c.s.ArticleID && ix.sents[n].Paragraph == c.s.Paragraph {
				for _, t := range ix.sents[n].toks {
					cd.Next = append(cd.Next, t.stem)
				}
			}
			cd.Len = c.s.length
			for _, t := range c.s.toks {
				cd.Raw = append(cd.Raw, t.raw)
			}
			if true {
				seen := map[string]bool{}
				sp := ix.spans[c.s.ArticleID]
				for i := sp[0]; i < sp[1]; i++ {
					if ix.sents[i].Paragraph == c.s.Paragraph {
						for _, t := range ix.sents[i].toks {
							if !seen[t.stem] {
								seen[t.stem] = true
								cd.ParaS = append(cd.ParaS, t.stem)
							}
						}
					}
				}
			}
			r.Cands = append(r.Cands, cd)
		}
		for _, qt := range qq.terms {
			tm := term{Term: qt.term, Weight: qt.weight, Known: qt.known}
			for _, c := range ranked {
				s := c.s
				lv := 0.0
				if _, ok := s.terms[qt.term]; ok {
					lv = 5
				} else if s.matches(qt.term, qt.alts) {
					lv = 4
				} else if p := ix.previous(s); p != nil && p.matches(qt.term, qt.alts) {
					lv = 3
				} else if s.pos+1 < len(ix.sents) && ix.sents[s.pos+1].ArticleID == s.ArticleID && ix.sents[s.pos+1].Paragraph == s.Paragraph && ix.sents[s.pos+1].matches(qt.term, qt.alts) {
					lv = 2
				} else {
					sp := ix.spans[s.ArticleID]
					for i := sp[0]; i < sp[1]; i++ {
						o := &ix.sents[i]
						if o.matches(qt.term, qt.alts) {
							if o.Paragraph == s.Paragraph {
								lv = 1
								break
							}
							lv = 0.5
						}
					}
				}
				tm.Level = append(tm.Level, lv)
			}
			r.Terms = append(r.Terms, tm)
		}
		if err := enc.Encode(r); err != nil {
			t.Fatal(err)
		}
	}
	if path := os.Getenv("PARLEY_SQUAD"); path != "" {
		for k, p := range strings.Split(path, ",") {
			file := filepath.Base(p)
			f, _ := os.Open(p)
			set, err := ReadSQuAD(f)
			f.Close()
			if err != nil {
				t.Fatal(err)
			}
			st := storetest.MustOpenEmpty(t)
			for _, d := range set.Documents() {
				if _, err := st.Ingest(ctx, d, storetest.Epoch); err != nil {
					t.Fatal(err)
				}
			}
			e := mustEngine(t, st, WithPack(nil))
			if k == 0 {
				ix, _ := e.current(ctx)
				b, _ := json.Marshal(map[string]any{"idf": ix.idf, "avg": ix.avgLen, "max": ix.maxIDF})
				os.WriteFile(out+".idf", b, 0o644)
			}
			for _, art := range set.Data {
				for _, p := range art.Paragraphs {
					for _, q := range p.QAs {
						dump(e, file, art.ArticleID(), q.Question, !q.IsImpossible, func(s *sentence) bool {
							return goldAt(s.Text, s.ArticleID == art.ArticleID(), p.Context, q.Answers)
						})
					}
				}
			}
		}
	}
	seeds := mustEngine(t, storetest.MustOpen(t))
	for _, name := range seedSets {
		b, err := os.ReadFile("testdata/" + name + ".jsonl")
		if err != nil {
			t.Fatal(err)
		}
		qs, _ := ReadQuestions(strings.NewReader(string(b)))
		for _, q := range qs {
			dump(seeds, "seeds", "seeds:"+name, q.Q, q.Answerable, func(s *sentence) bool { return holds(s.Text, q.Expect) })
		}
	}
}
