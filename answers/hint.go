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
// few titles (the first of the store's, in id order, given here), and the
// names its sentences mention most (as they are written in the articles;
// names counts sentences by entity NUL words, namesOf). It knows nothing
// of any topic but the store's.
func buildHint(articles int, titles []string, names map[string]int, r *rules) string {
	if articles == 0 {
		return "There are no articles to answer from yet: add some with \"parley ingest\"."
	}
	var b strings.Builder
	if articles == 1 {
		b.WriteString("I answer from one article")
	} else {
		fmt.Fprintf(&b, "I answer from %d articles", articles)
	}
	var quoted []string
	for _, t := range titles {
		if len(quoted) < hintTitles && strings.TrimSpace(t) != "" {
			quoted = append(quoted, "“"+shorten(t, 70)+"”")
		}
	}
	if len(quoted) > 0 {
		if articles > 1 {
			b.WriteString(", such as ")
		} else {
			b.WriteString(", ")
		}
		b.WriteString(joinAnd(quoted))
	}
	if top := topNames(names); len(top) > 0 {
		b.WriteString("; ask about " + joinAnd(top) + ", for example")
	}
	b.WriteString(". Type \"sources\" to list the articles.")
	return b.String()
}

// topNames are the people, places and organisations mentioned in the most
// sentences, each as the articles most often write it.
func topNames(names map[string]int) []string {
	count := map[string]int{}
	written := map[string]map[string]int{}
	for k, n := range names {
		id, w, _ := strings.Cut(k, "\x00")
		count[id] += n
		if written[id] == nil {
			written[id] = map[string]int{}
		}
		written[id][w] += n
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
