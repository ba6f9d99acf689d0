package answers

import "slices"

// sourceCredit is what a word that only says where a fact is told ("per
// the joint statement") weighs.
const sourceCredit = 0.5

// creditSources weighs down the terms q says only inside a source phrase
// (general.yaml's source_phrases): "per the bit about the aide's praise"
// says where the answer is told, which the answer's sentence need not
// repeat.
func (r *rules) creditSources(q *query) {
	var spans [][]int
	for _, re := range r.sourcePhrases {
		spans = append(spans, re.FindAllStringIndex(q.text, -1)...)
	}
	if len(spans) == 0 {
		return
	}
	inside, outside := map[string]bool{}, map[string]bool{}
	for _, t := range q.toks {
		in := slices.ContainsFunc(spans, func(sp []int) bool { return t.start >= sp[0] && t.end <= sp[1] })
		if in {
			inside[t.stem] = true
		} else {
			outside[t.stem] = true
		}
	}
	for k, t := range q.terms {
		if inside[t.term] && !outside[t.term] {
			q.terms[k].weight *= sourceCredit
			q.terms[k].source = true
		}
	}
}
