package answers

import (
	"fmt"
	"slices"
	"strings"
)

// compileDefinitions reads general.yaml's definitions: each pattern must
// name its term.
func (r *rules) compileDefinitions(f *generalFile) error {
	asks, err := compileEach("definitions", f.Definitions.Asks)
	if err != nil {
		return err
	}
	for _, re := range asks {
		if re.SubexpIndex("term") < 0 {
			return fmt.Errorf("definitions: pattern %q has no group \"term\"", re.String())
		}
	}
	r.definitionAsks = asks
	r.definitionLinks = wordSet(f.Definitions.Links)
	return nil
}

// settingCredit is what a word of a definition question outside its term
// ("typography" in "In typography, what is a glyph?") weighs.
const settingCredit = 0.5

// definedTerm is the term a question, read from its asking on (asking),
// asks the definition of ("what is a glyph" → "glyph"), as the stems of
// its words; nil when it asks none.
func (r *rules) definedTerm(asking string) []string {
	for _, re := range r.definitionAsks {
		m := re.FindStringSubmatch(asking)
		if m == nil {
			continue
		}
		var term []string
		for _, w := range strings.Fields(m[re.SubexpIndex("term")]) {
			term = append(term, stem(w))
		}
		return term
	}
	return nil
}

// withoutSource is asking, the folded asking of text, without a source
// phrase naming a piece of writing that text opens or ends with: "What
// is a sluice, according to the harbour guide?" asks what a sluice is.
func (r *rules) withoutSource(text, asking string) string {
	from, to := r.sourceEnds(text)
	if from == 0 && to == len(text) {
		return asking
	}
	return r.asking(text[from:to])
}

// defines reports whether s opens with the term (past a determiner) and a
// link word: "A glyph is an image, …" defines "glyph"; so does a
// glossary's entry whose head names the term (glossaryHead).
func (r *rules) defines(s *sentence, term []string) bool {
	i := 0
	if i < len(s.toks) && r.determiner[s.toks[i].word] {
		i++
	}
	if i+len(term) < len(s.toks) && opensWith(s.toks[i:], term) && r.definitionLinks[s.toks[i+len(term)].word] {
		return true
	}
	return r.glossaryHead(s, term)
}

// maxGlossaryHead is the longest head, in bytes, a glossary's entry has
// before its colon.
const maxGlossaryHead = 120

// glossaryHead reports whether s opens as a glossary's entry, names
// split by commas up to a colon, one of which is the term: "Venice,
// Venezia: the provincial capital of …" defines "Venezia".
func (r *rules) glossaryHead(s *sentence, term []string) bool {
	colon := strings.IndexByte(s.Text, ':')
	if colon <= 0 || colon > maxGlossaryHead {
		return false
	}
	start := 0 // the first token of the name read
	for j := 0; j <= len(s.toks); j++ {
		end := j == len(s.toks) || s.toks[j].start > colon
		if !end && (j == start || !strings.Contains(s.Text[s.toks[j-1].end:s.toks[j].start], ",")) {
			continue
		}
		name := s.toks[start:j]
		if len(name) > 0 && r.determiner[name[0].word] {
			name = name[1:]
		}
		if len(name) == len(term) && opensWith(name, term) {
			return true
		}
		if end {
			return false
		}
		start = j
	}
	return false
}

// opensWith reports whether toks open with the stems of term.
func opensWith(toks []token, term []string) bool {
	if len(toks) < len(term) {
		return false
	}
	for k, st := range term {
		if toks[k].stem != st {
			return false
		}
	}
	return true
}

// definitionFirst puts the first candidate that defines the term a
// question asks about (definedTerm) first: "In typography, what is a
// glyph?" is answered by "A glyph is an image, often associated with one
// or several characters.", not by the sentence that says most of its
// words. ranked as it is when none does, or the best already does.
func (e *Engine) definitionFirst(q *query, ranked []scored) []scored {
	term := q.defined
	if term == nil || len(ranked) < 2 || e.rules.defines(ranked[0].s, term) {
		return ranked
	}
	if i := slices.IndexFunc(ranked, func(c scored) bool { return e.rules.defines(c.s, term) }); i > 0 {
		return toFront(ranked, i)
	}
	return ranked
}

// headShare is the least share of the best's score a glossary's entry
// headed by a name the question says needs to be put first.
const headShare = 0.95

// headFirst puts first, among candidates scoring all but level with the
// best, a glossary's entry headed by a name the question says ("whats
// bunsen best known for": "Bunsen, Robert Bunsen: German chemist …"),
// when the best is not one: the entry on the subject, not another that
// names it in passing ("Kirchhoff, …: physicist who with Bunsen …").
func (e *Engine) headFirst(q *query, ranked []scored) []scored {
	if q.defined != nil || len(ranked) < 2 {
		return ranked
	}
	// The names a head may be: runs of one to three of the question's
	// words, opening and closing with no stop word.
	var names [][]string
	for i := range q.toks {
		for n := 1; n <= 3 && i+n <= len(q.toks); n++ {
			if e.stopword(q.toks[i].word) || e.stopword(q.toks[i+n-1].word) {
				continue
			}
			name := make([]string, n)
			for k, t := range q.toks[i : i+n] {
				name[k] = t.stem
			}
			names = append(names, name)
		}
	}
	heads := func(s *sentence) bool {
		return slices.ContainsFunc(names, func(name []string) bool { return e.rules.glossaryHead(s, name) })
	}
	if heads(ranked[0].s) {
		return ranked
	}
	for i := 1; i < min(3, len(ranked)) && ranked[i].score >= headShare*ranked[0].score; i++ {
		if heads(ranked[i].s) {
			return toFront(ranked, i)
		}
	}
	return ranked
}
