package answers

// writingPlace is a place in a piece of writing a question names: its
// first or its last sentence or paragraph ("the closing line of the
// Bayton story").
type writingPlace int

const (
	placeNone writingPlace = iota
	placeFirst
	placeLast
)

// atPlace reports whether s is the first or the last sentence of its
// article's body (headings do not count), or, when para, in the
// paragraph of that sentence.
func (ix *index) atPlace(s *sentence, p writingPlace, para bool) bool {
	sp, ok := ix.spans[s.ArticleID]
	if !ok || s.pos < sp[0] || s.pos >= sp[1] || &ix.sents[s.pos] != s {
		return false
	}
	step, from := 1, sp[0]
	if p == placeLast {
		step, from = -1, sp[1]-1
	}
	for i := from; i >= sp[0] && i < sp[1]; i += step {
		if o := &ix.sents[i]; !o.Heading {
			return i == s.pos || para && o.Paragraph == s.Paragraph
		}
	}
	return false
}
