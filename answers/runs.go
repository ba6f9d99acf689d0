package answers

// runCap is the longest run of question words that still counts for more
// in ranking: past it, a sentence is as good as a copy of the question.
const runCap = 6

// runShare is the share of the n-word runs of seq (a question's stems,
// stop words included) that the sentence holds as consecutive words.
// SQuAD-style questions copy phrases of the sentence that answers them
// ("graphs can be encoded"), which single words cannot tell apart.
func runShare(seq []string, s *sentence, n int) float64 {
	if len(seq) < n {
		return 0
	}
	held, total := 0, 0
	for i := 0; i+n <= len(seq); i++ {
		total++
	next:
		for j := 0; j+n <= len(s.toks); j++ {
			for k := 0; k < n; k++ {
				if s.toks[j+k].stem != seq[i+k] {
					continue next
				}
			}
			held++
			break
		}
	}
	return float64(held) / float64(total)
}

// longestRun is the length of the longest run of seq's words that the
// sentence holds consecutively, up to runCap.
func longestRun(seq []string, s *sentence) int {
	best := 0
	for i := range seq {
		for j := range s.toks {
			k := 0
			for i+k < len(seq) && j+k < len(s.toks) && s.toks[j+k].stem == seq[i+k] {
				k++
			}
			if k > best {
				if best = k; best >= runCap {
					return runCap
				}
			}
		}
	}
	return best
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
