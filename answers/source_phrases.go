package answers

import (
	"slices"
	"strings"
)

// sourceCredit is what a word that only says where a fact is told ("per
// the joint statement") weighs.
const sourceCredit = 0.5

// creditSources weighs down the terms q says only inside a source phrase
// (general.yaml's source_phrases): "per the bit about the aide's praise"
// says where the answer is told, which the answer's sentence need not
// repeat. Those said only in one that names a piece of writing
// ("deadlock piece - …") name the article (qterm.names), and leave the
// question's plain words, which a sentence's own wording is matched on.
func (r *rules) creditSources(q *query) {
	var spans, writings [][]int
	for _, re := range r.sourcePhrases {
		for _, sp := range re.FindAllStringIndex(q.text, -1) {
			if r.rate(q.text[sp[0]:sp[1]]) {
				continue
			}
			spans = append(spans, sp)
			if r.namesDocument(q.text[sp[0]:sp[1]]) {
				writings = append(writings, sp)
			}
		}
	}
	if len(spans) == 0 {
		return
	}
	inside, outside, writing := map[string]bool{}, map[string]bool{}, map[string]bool{}
	in := make([]bool, len(q.toks))
	for i, t := range q.toks {
		within := func(sp []int) bool { return t.start >= sp[0] && t.end <= sp[1] }
		in[i] = slices.ContainsFunc(spans, within)
		if in[i] {
			inside[t.stem] = true
			writing[t.stem] = writing[t.stem] || slices.ContainsFunc(writings, within)
		} else {
			outside[t.stem] = true
		}
	}
	// A name said only there ("per the Northport piece") names the
	// article, as its other words do.
	for _, m := range q.mentions {
		if m.from < m.to && !slices.Contains(in[m.from:m.to], false) {
			inside["@"+m.entity] = true
			writing["@"+m.entity] = writing["@"+m.entity] || writing[q.toks[m.from].stem]
		} else {
			outside["@"+m.entity] = true
		}
	}
	// A word naming the writing ("story", "piece") in one says which
	// article, nothing of the fact: it is no term at all.
	q.terms = slices.DeleteFunc(q.terms, func(t qterm) bool { return inside[t.term] && !outside[t.term] && r.documentStem[t.term] })
	for k, t := range q.terms {
		if inside[t.term] && !outside[t.term] {
			q.terms[k].weight *= sourceCredit
			q.terms[k].source = true
			q.terms[k].names = writing[t.term]
		}
	}
	// A word naming the article is no word of the question's own wording
	// either (exactShare).
	names := map[string]bool{}
	for i, t := range q.toks {
		names[t.word] = names[t.word] || in[i] && writing[t.stem] && !outside[t.stem]
	}
	q.plain = slices.DeleteFunc(q.plain, func(w string) bool { return names[w] })
}

// sourceEnds are where question's words start after a source phrase
// naming a piece of writing it opens with, and where they end before one
// it ends with (0 and len(question) when it has none).
func (r *rules) sourceEnds(question string) (int, int) {
	from, to := 0, len(question)
	// A hyphen inside a word ends no phrase ("per the stalled-talks
	// report"): read as a letter, at the same place.
	joined := []byte(question)
	for i := 1; i+1 < len(joined); i++ {
		if joined[i] == '-' && isWordByte(joined[i-1]) && isWordByte(joined[i+1]) {
			joined[i] = '_'
		}
	}
	// Both ways: a phrase may itself hold a hyphenated word ("in the
	// Bayton write-up,").
	masked := string(joined)
	for _, re := range r.sourcePhrases {
		spans := re.FindAllStringIndex(masked, -1)
		if masked != question {
			spans = append(spans, re.FindAllStringIndex(question, -1)...)
		}
		for _, sp := range spans {
			if !r.namesDocument(question[sp[0]:sp[1]]) {
				continue
			}
			switch {
			case strings.TrimSpace(question[:sp[0]]) == "":
				from = max(from, sp[1])
			case strings.Trim(question[sp[1]:], " ?!.") == "":
				to = min(to, sp[0])
			}
		}
	}
	if from >= to {
		return 0, len(question)
	}
	return from, to
}

// rate reports whether phrase opens with "per" and a rate word ("per
// second does …"): a rate, not a source.
func (r *rules) rate(phrase string) bool {
	ws := foldWords(phrase)
	return len(ws) > 1 && ws[0] == "per" && r.rateWords[ws[1]]
}

// namesDocument says whether phrase holds a word naming a piece of
// writing.
func (r *rules) namesDocument(phrase string) bool {
	for _, w := range foldWords(phrase) {
		if r.sourceDocument[w] {
			return true
		}
	}
	return false
}

// opensWithSource reports whether question opens with a source phrase
// ("According to Bloomberg, …", "Per the Gazette, …"), whether or not it
// names a piece of writing.
func (r *rules) opensWithSource(question string) bool {
	for _, re := range r.sourcePhrases {
		if loc := re.FindStringIndex(question); loc != nil && strings.TrimSpace(question[:loc[0]]) == "" {
			return true
		}
	}
	return false
}
