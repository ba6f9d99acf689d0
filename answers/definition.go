package answers

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// compileDefinitions reads general.yaml's definitions: each pattern must
// name its term.
func (r *rules) compileDefinitions(f *generalFile) error {
	for _, p := range f.Definitions.Asks {
		re, err := regexp.Compile(p)
		if err != nil {
			return fmt.Errorf("definitions: %w", err)
		}
		if re.SubexpIndex("term") < 0 {
			return fmt.Errorf("definitions: pattern %q has no group \"term\"", p)
		}
		r.definitionAsks = append(r.definitionAsks, re)
	}
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

// defines reports whether s opens with the term (past a determiner) and a
// link word: "A glyph is an image, …" defines "glyph".
func (r *rules) defines(s *sentence, term []string) bool {
	i := 0
	if i < len(s.toks) && r.determiner[s.toks[i].word] {
		i++
	}
	if i+len(term) >= len(s.toks) {
		return false
	}
	for k, st := range term {
		if s.toks[i+k].stem != st {
			return false
		}
	}
	return r.definitionLinks[s.toks[i+len(term)].word]
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
