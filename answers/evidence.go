package answers

import (
	"math"
	"strings"
)

// Evidence features the gate weighs: what the question asserts against
// what the best sentence says. An unanswerable question usually reuses the
// articles' words but changes one thing — a name, a number, a negation, a
// word for its opposite — so each feature looks for one such change.
const (
	evConf     = iota // the best sentence's coverage, scaled down for a missing answer type, entity or future
	evCtx             // coverage by the sentence and the one before it (pronouns)
	evMissName        // share of the question's weight in names and numbers neither says
	evUnknown         // share of the question's weight in words no article uses
	evNegation        // the question negates ("never", "not") and the sentence does not, or the reverse
	evOpposite        // the sentence says the opposite of a question word ("worst" for "best")
	evNumber          // the question states a number the sentence does not
	evMargin          // how far the best sentence leads the next
	nEv
)

// evidenceNames name the features in explanations and in general.yaml.
var evidenceNames = [nEv]string{"coverage", "context", "missing_name", "unknown", "negation", "opposite", "number", "margin"}

// evidence reads the features of the best of ranked for q.
func (e *Engine) evidence(ix *index, q *query, ranked []scored) [nEv]float64 {
	var x [nEv]float64
	best := ranked[0]
	s := best.s
	x[evConf] = best.conf
	x[evCtx] = best.coverage + best.feat[fNbr] + best.feat[fNbrAna]
	if len(ranked) > 1 {
		x[evMargin] = best.score - ranked[1].score
	} else {
		x[evMargin] = best.score
	}
	prev := ix.previous(s)
	total := 0.0
	for _, t := range q.terms {
		total += t.weight
	}
	if total == 0 {
		return x
	}
	// Names and numbers the question says that neither the sentence nor
	// the one before it does.
	named := map[string]bool{}
	for _, t := range q.toks {
		if isNumber(t.word) || (t.start > 0 && isCapitalised(t.raw)) {
			named[t.stem] = true
		}
	}
	for _, t := range q.terms {
		if !t.known {
			x[evUnknown] += t.weight / total
		}
		isName := t.term[0] == '@' || named[t.term]
		if !isName {
			continue
		}
		if s.matches(t.term, t.alts) || (prev != nil && prev.matches(t.term, t.alts)) || ix.articleHas(s.ArticleID, t.term) && t.term[0] == '@' {
			continue
		}
		x[evMissName] += t.weight / total
	}
	for _, t := range q.toks {
		if isNumber(t.word) && !s.hasWord(t.word) {
			x[evNumber] = 1
		}
	}
	if e.negates(q.toks) != e.negates(s.toks) {
		x[evNegation] = 1
	}
	alts := map[string][]string{}
	for _, t := range q.terms {
		alts[t.term] = t.alts
	}
	for _, t := range q.toks {
		if s.hasStem(t.stem) || s.matches(t.stem, alts[t.stem]) {
			continue
		}
		for _, o := range e.rules.antonyms[t.stem] {
			if s.hasStem(o) {
				x[evOpposite] = 1
			}
		}
	}
	return x
}

// negates reports whether toks hold a negation ("not", "never", "isn’t").
func (e *Engine) negates(toks []token) bool {
	for i, t := range toks {
		if e.rules.negation[t.word] {
			return true
		}
		if t.word == "t" && i > 0 && strings.HasSuffix(toks[i-1].word, "n") {
			return true
		}
	}
	return false
}

// confidence weighs the evidence into a probability that the best
// sentence answers the question.
func (e *Engine) confidence(x [nEv]float64) float64 {
	z := e.rules.gate.bias
	for i, w := range e.rules.gate.weights {
		z += w * x[i]
	}
	return 1 / (1 + math.Exp(-z))
}

// previous is the sentence before s in its paragraph, or nil.
func (ix *index) previous(s *sentence) *sentence {
	i := s.pos
	if i <= 0 || i > len(ix.sents) || &ix.sents[i] != s {
		return nil
	}
	p := &ix.sents[i-1]
	if p.ArticleID != s.ArticleID || p.Paragraph != s.Paragraph {
		return nil
	}
	return p
}

// hasWord reports whether s holds the folded word w.
func (s *sentence) hasWord(w string) bool {
	for _, t := range s.toks {
		if t.word == w {
			return true
		}
	}
	return false
}

// hasStem reports whether s holds a word of stem st.
func (s *sentence) hasStem(st string) bool {
	_, ok := s.terms[st]
	return ok
}
