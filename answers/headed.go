package answers

import "strings"

// headedPlace is the name s gives that a question asking which place of a
// kind wants ("Which county …?"): a capitalised name ending in that kind's
// word ("Wayne County"), none of whose words the question uses; "" when
// the question asks no such thing or s gives no such name.
func (e *Engine) headedPlace(q *query, s *sentence) string {
	head := e.whichPlaceWord(q)
	if head == "" {
		return ""
	}
	for _, loc := range learnedNames(s.Text) {
		ws := strings.Fields(s.Text[loc[0]:loc[1]])
		if len(ws) < 2 || stem(fold(ws[len(ws)-1])) != head {
			continue
		}
		fresh := false
		for _, w := range ws[:len(ws)-1] {
			f := fold(w)
			fresh = fresh || !q.words[f] && !q.words[stem(f)] && !e.stopword(f)
		}
		if fresh {
			return strings.Join(ws, " ")
		}
	}
	return ""
}

// whichPlaceWord is the stem of the place word a question asks which of
// ("Which county …", "what small town …"): a place_words word one or two
// words after its "which" or "what"; "" when it asks none.
func (e *Engine) whichPlaceWord(q *query) string {
	toks := q.toks
	for i, t := range toks {
		if t.word != "which" && t.word != "what" {
			continue
		}
		for j := i + 1; j < len(toks) && j <= i+2; j++ {
			if e.rules.lex.placeWords[toks[j].word] {
				return stem(toks[j].word)
			}
		}
		return ""
	}
	return ""
}
