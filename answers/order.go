package answers

import "strings"

// nameRuns are the runs of two or more capitalised words the question
// says one after another, with nothing but spaces between them ("Major
// League Soccer"), folded; the question's first word never starts one.
func nameRuns(q *query) [][]string {
	var runs [][]string
	var cur []string
	flush := func() {
		if len(cur) >= 2 {
			runs = append(runs, cur)
		}
		cur = nil
	}
	for i, t := range q.toks {
		if t.start == 0 || !isCapitalised(t.raw) {
			flush()
			continue
		}
		if len(cur) > 0 && strings.TrimSpace(q.text[q.toks[i-1].end:t.start]) != "" {
			flush()
		}
		cur = append(cur, t.word)
	}
	flush()
	return runs
}

// scrambled reports whether s holds every word of a name the question
// says but never in its order ("Major Soccer League" against "Major
// League Soccer", "State of California University" against "University
// of California"): the same words naming something else.
func scrambled(q *query, s *sentence) bool {
	for _, run := range nameRuns(q) {
		all := true
		for _, w := range run {
			if !s.hasWord(w) {
				all = false
				break
			}
		}
		if all && !s.holdsRun(run) {
			return true
		}
	}
	return false
}

// holdsRun reports whether s says the folded words run one after another.
func (s *sentence) holdsRun(run []string) bool {
	for i := 0; i+len(run) <= len(s.toks); i++ {
		k := 0
		for k < len(run) && s.toks[i+k].word == run[k] {
			k++
		}
		if k == len(run) {
			return true
		}
	}
	return false
}
