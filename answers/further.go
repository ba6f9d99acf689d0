package answers

// Further quotes are what "More sources" shows under an answer: the next
// sentences the ranking found for the same question, beyond those quoted.
const (
	// maxFurther bounds them.
	maxFurther = 3
	// furtherShare is how close to the best sentence's score a further
	// one must come: below it a sentence merely shares a word or two.
	furtherShare = 0.5
)

// further returns up to maxFurther quotes from ranked, best first, that
// are not among shown and score at least furtherShare of the best, at most
// one per article beyond those shown.
func further(ranked []scored, shown []Quote) []Quote {
	if len(ranked) == 0 || len(shown) == 0 {
		return nil
	}
	seen := map[string]bool{}
	for _, q := range shown {
		seen[q.Article+"\x00"+q.Text] = true
	}
	best := ranked[0].score
	var out []Quote
	for _, c := range ranked {
		if len(out) == maxFurther || c.score < furtherShare*best {
			break
		}
		q := quoteOf(c.s)
		if seen[q.Article+"\x00"+q.Text] {
			continue
		}
		seen[q.Article+"\x00"+q.Text] = true
		out = append(out, q)
	}
	return out
}
