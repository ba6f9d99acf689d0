package answers

// runCap is the longest run of question words that still counts for more
// in ranking: past it, a sentence is as good as a copy of the question.
const runCap = 6

// runs measures how s holds seq (a question's stems, stop words included)
// as runs of consecutive words: the shares of seq's two- and three-word
// runs it holds, and its longest run, up to runCap. SQuAD-style questions
// copy phrases of the sentence that answers them ("graphs can be
// encoded"), which single words cannot tell apart. One pass over the
// pairs of positions: at[j] is the length of the common run ending at
// seq[i] and s.toks[j].
func runs(seq []string, s *sentence, at []int) (two, three float64, longest int) {
	n := len(s.toks)
	if len(seq) == 0 || n == 0 {
		return 0, 0, 0
	}
	at = at[:0]
	for range n + 1 {
		at = append(at, 0)
	}
	held2, held3 := 0, 0
	for i := range seq {
		best := 0
		// Right to left, so at[j] still holds the run ending at seq[i-1]
		// and s.toks[j-1].
		for j := n; j >= 1; j-- {
			if s.toks[j-1].stem == seq[i] {
				at[j] = at[j-1] + 1
				best = max(best, at[j])
			} else {
				at[j] = 0
			}
		}
		if best >= 2 {
			held2++
		}
		if best >= 3 {
			held3++
		}
		longest = max(longest, best)
	}
	if len(seq) >= 2 {
		two = float64(held2) / float64(len(seq)-1)
	}
	if len(seq) >= 3 {
		three = float64(held3) / float64(len(seq)-2)
	}
	return two, three, min(longest, runCap)
}

// exactShare is the share of the question's content words that s holds
// as written (folded, not only stemmed): "population" for "population"
// rather than "populated".
func exactShare(words []string, s *sentence) float64 {
	if len(words) == 0 {
		return 0
	}
	n := 0
	for _, w := range words {
		for _, t := range s.toks {
			if t.word == w {
				n++
				break
			}
		}
	}
	return float64(n) / float64(len(words))
}
