package answers

import (
	"fmt"
	"sort"
	"strings"
)

// hintNames is how many of the most mentioned names a hint offers, and
// hintTitles how many article titles.
const (
	hintNames  = 4
	hintTitles = 2
)

// buildHint says what the store can answer about: how many articles, a
// few titles, and the names its sentences mention most (as they are
// written in the articles). It knows nothing of any topic but the store's.
func buildHint(ix *index, r *rules) string {
	if len(ix.articles) == 0 {
		return "There are no articles to answer from yet: add some with \"parley ingest\"."
	}
	var b strings.Builder
	if len(ix.articles) == 1 {
		b.WriteString("I answer from one article")
	} else {
		fmt.Fprintf(&b, "I answer from %d articles", len(ix.articles))
	}
	var titles []string
	for _, a := range ix.articles {
		if len(titles) < hintTitles && strings.TrimSpace(a.Title) != "" {
			titles = append(titles, "“"+shorten(a.Title, 70)+"”")
		}
	}
	if len(titles) > 0 {
		if len(ix.articles) > 1 {
			b.WriteString(", such as ")
		} else {
			b.WriteString(", ")
		}
		b.WriteString(joinAnd(titles))
	}
	if names := topNames(ix, r); len(names) > 0 {
		b.WriteString("; ask about " + joinAnd(names) + ", for example")
	}
	b.WriteString(". Type \"sources\" to list the articles.")
	return b.String()
}

// topNames are the people, places and organisations mentioned in the most
// sentences, each as the articles most often write it.
func topNames(ix *index, r *rules) []string {
	count := map[string]int{}
	written := map[string]map[string]int{}
	for i := range ix.sents {
		s := &ix.sents[i]
		seen := map[string]bool{}
		for _, m := range s.ments {
			e := r.entities[m.entity]
			if seen[m.entity] || e.Generic {
				continue
			}
			seen[m.entity] = true
			count[m.entity]++
			if written[m.entity] == nil {
				written[m.entity] = map[string]int{}
			}
			written[m.entity][s.Text[s.toks[m.from].start:s.toks[m.to-1].end]]++
		}
	}
	ids := make([]string, 0, len(count))
	for id := range count {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(a, b int) bool {
		if count[ids[a]] != count[ids[b]] {
			return count[ids[a]] > count[ids[b]]
		}
		return ids[a] < ids[b]
	})
	var out []string
	for _, id := range ids {
		if len(out) == hintNames || count[id] < 2 {
			break
		}
		best, n := "", 0
		for w, k := range written[id] {
			if k > n || (k == n && w < best) {
				best, n = w, k
			}
		}
		out = append(out, best)
	}
	return out
}

// shorten cuts s to at most n runes, marking a cut with "…".
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return strings.TrimSpace(string(r[:n-1])) + "…"
}
