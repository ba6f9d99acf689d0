package answers

import (
	"strings"
)

// clauses numbers the clause each token of text lies in: the joins at
// which a sentence turns to another matter are lexicon.yaml's
// clause_breaks.
func (r *rules) clauses(text string, toks []token) []int {
	var breaks []int
	var all []string
	for _, b := range r.lex.clauseBreaks {
		all = append(all, b)
		if strings.HasPrefix(b, ",") {
			// A closing quote may sit between the comma and the join:
			// "…make a deal,” though the Citadel…".
			all = append(all, ",”"+b[1:], ",\""+b[1:])
		}
	}
	for _, b := range all {
		for off := 0; ; {
			k := strings.Index(text[off:], b)
			if k < 0 {
				break
			}
			breaks = append(breaks, off+k)
			off += k + len(b)
		}
	}
	out := make([]int, len(toks))
	for i, t := range toks {
		for _, b := range breaks {
			if b < t.start {
				out[i]++
			}
		}
	}
	return out
}

func clauseAt(s *sentence, i int) int {
	if i >= len(s.clause) {
		return 0
	}
	return s.clause[i]
}

// clausesWithMatches marks the clauses of s holding a word or entity of q.
func clausesWithMatches(q *query, s *sentence) map[int]bool {
	want := map[string]bool{}
	for _, t := range q.terms {
		if t.term[0] == '@' {
			continue
		}
		want[t.term] = true
		for _, a := range t.alts {
			want[a] = true
		}
	}
	out := map[int]bool{}
	for i, t := range s.toks {
		if want[t.stem] {
			out[clauseAt(s, i)] = true
		}
	}
	for _, m := range qMentionsIn(q, s) {
		out[clauseAt(s, m)] = true
	}
	return out
}
