package answers

import (
	"context"
	"sort"
	"strings"
)

// GroupThreshold is how alike two questions' normalised words must be
// (Jaccard similarity of their sets: stems, entities and synonym groups,
// with stop words out and the question's class in) for the curator's
// report to count them as one question asked in other words.
const GroupThreshold = 0.5

// Group sorts questions into groups of the same question in other words,
// and returns the groups as indexes into questions, the largest first
// (ties: the group asked first). Two questions join when their
// normalised words — stems, with stop words dropped, synonyms and the
// pack's aliases made one ("the envoy" is the envoy's name), and the question's
// class ("who" is not "when") — are at least GroupThreshold alike; a
// question joins the group of any question it is like.
func (e *Engine) Group(questions []string) [][]int {
	ix := e.readIndex(context.Background())
	sets := make([]map[string]bool, len(questions))
	for i, q := range questions {
		sets[i] = e.normalised(ix, q)
	}
	parent := make([]int, len(questions))
	for i := range parent {
		parent[i] = i
	}
	find := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	for i := range sets {
		for j := i + 1; j < len(sets); j++ {
			if sameNames(sets[i], sets[j]) && setJaccard(sets[i], sets[j]) >= GroupThreshold {
				if a, b := find(i), find(j); a != b {
					parent[max(a, b)] = min(a, b)
				}
			}
		}
	}
	byRoot := map[int][]int{}
	var roots []int
	for i := range questions {
		r := find(i)
		if _, ok := byRoot[r]; !ok {
			roots = append(roots, r)
		}
		byRoot[r] = append(byRoot[r], i)
	}
	out := make([][]int, 0, len(roots))
	for _, r := range roots {
		out = append(out, byRoot[r])
	}
	sort.SliceStable(out, func(a, b int) bool { return len(out[a]) > len(out[b]) })
	return out
}

// normalised is a question's set of normalised words, as Group compares
// them: "#class", "@entity" for the pack's entities, "!word" for the
// names it gives (capitalised, or no English word: "macron" typed
// lower-case), and the canonical stem of every other word that is not a
// stop word.
func (e *Engine) normalised(ix *index, q string) map[string]bool {
	r := e.rules
	text := r.trimLeadIns(Normalize(q))
	toks := tokenize(text)
	set := map[string]bool{"#" + r.classOf(text).name: true}
	inMention := make([]bool, len(toks))
	for _, m := range r.mentions(toks) {
		set["@"+m.entity] = true
		for i := m.from; i < m.to; i++ {
			inMention[i] = true
		}
	}
	named := e.namesIn(ix, text)
	for i, t := range toks {
		if inMention[i] || e.stopword(t.word) {
			continue
		}
		w := canonical(t.stem, r.synonyms[t.stem], ix.aliasesOf(t.word))
		if e.inName(named, t) || !isEnglish(t.word) && !isNumber(t.word) {
			w = "!" + w
		}
		set[w] = true
	}
	return set
}

// sameNames reports whether two normalised questions give the same
// entities and names: a question about another subject is another
// question, however alike the rest. A name one question capitalises and
// the other types as a plain word ("Macron", "macron") is the same.
func sameNames(a, b map[string]bool) bool {
	covers := func(a, b map[string]bool) bool {
		for w := range a {
			switch {
			case strings.HasPrefix(w, "@") && !b[w]:
				return false
			case strings.HasPrefix(w, "!") && !b[w] && !b[w[1:]]:
				return false
			}
		}
		return true
	}
	return covers(a, b) && covers(b, a)
}

// canonical is one name for a word and the words it stands for (its
// synonyms, or the full name a learned alias stands for): the least of
// them, so every member of a group maps to the same.
func canonical(stem string, alts, full []string) string {
	c := stem
	for _, a := range append(alts, full...) {
		if a < c && !strings.HasPrefix(a, "@") {
			c = a
		}
	}
	return c
}

// setJaccard is the Jaccard similarity of two normalised questions, a
// name and the same word unmarked counting as one.
func setJaccard(a, b map[string]bool) float64 {
	if len(a) == 0 && len(b) == 0 {
		return 1
	}
	inter := 0
	for w := range a {
		if b[w] || strings.HasPrefix(w, "!") && b[w[1:]] || b["!"+w] {
			inter++
		}
	}
	return float64(inter) / float64(len(a)+len(b)-inter)
}

// Topic is a name people asked about and how many questions named it.
type Topic struct {
	Name  string `json:"name"`
	Count int    `json:"count"`
}

// Topics counts the people, places and things questions name — the
// pack's entities by their own names, else the names the articles taught
// the engine, as written most often — and returns the most asked, at
// most limit, most asked first (ties by name).
func (e *Engine) Topics(questions []string, limit int) []Topic {
	ix := e.readIndex(context.Background())
	count := map[string]int{}
	shown := map[string]map[string]int{}
	for _, q := range questions {
		seen := map[string]bool{}
		for _, n := range e.namesIn(ix, e.rules.trimLeadIns(Normalize(q))) {
			key, text := fold(n.Text), n.Text
			if n.canon != "" {
				key, text = fold(n.canon), n.canon
			}
			if seen[key] {
				continue
			}
			seen[key] = true
			count[key]++
			if shown[key] == nil {
				shown[key] = map[string]int{}
			}
			shown[key][text]++
		}
	}
	out := make([]Topic, 0, len(count))
	for key, n := range count {
		best, bestN := "", 0
		for text, m := range shown[key] {
			if m > bestN || m == bestN && text < best {
				best, bestN = text, m
			}
		}
		out = append(out, Topic{Name: best, Count: n})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Name < out[j].Name
	})
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out
}
