package answers

import (
	"context"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"

	"github.com/parley-bot/parley/store"
)

// MaxQuestion is the longest question, in bytes, the engine reads; the
// rest is ignored. No real question comes near it.
const MaxQuestion = 1000

// Hint is what a refusal suggests instead.
const Hint = "I can answer questions about the December 2025 US–Ukraine peace talks in Florida: who took part, where they met, what was agreed, what Russia said, and the peace plan. Try \"Who met with Putin in Moscow?\" or type \"sources\" to see the articles."

// Engine answers questions from a store. It is safe for concurrent use.
type Engine struct {
	st *store.Store
	// minConfidence is the share of a question's content words a sentence
	// must hold before Parley answers from it.
	minConfidence float64
}

// NewEngine returns an engine over st.
func NewEngine(ctx context.Context, st *store.Store) (*Engine, error) {
	return &Engine{st: st, minConfidence: 0.5}, nil
}

// Answer answers one question. Any text is accepted: a question the
// articles cannot answer, or that is not a question at all, gets
// Answered false and a polite refusal, not an error. Errors are only for
// a store that fails.
func (e *Engine) Answer(ctx context.Context, question string) (Answer, error) {
	q := Normalize(question)
	refuse := Answer{Question: q, Answer: "Sorry, I don't know: the articles I have don't answer that. " + Hint, Quotes: []Quote{}}
	terms := contentWords(q)
	if len(terms) == 0 {
		return refuse, nil
	}
	hits, err := e.st.Search(ctx, terms, 20)
	if err != nil {
		return Answer{}, fmt.Errorf("answer: %w", err)
	}
	best, bestScore := -1, 0.0
	for i, h := range hits {
		if h.Heading {
			continue
		}
		score := coverage(terms, h.Text)
		if score > bestScore {
			best, bestScore = i, score
		}
	}
	if best < 0 || bestScore < e.minConfidence {
		return refuse, nil
	}
	h := hits[best]
	return Answer{
		Question:   q,
		Answered:   true,
		Answer:     h.Text,
		Quotes:     []Quote{{Text: h.Text, Citation: CitationOf(h.Article)}},
		Confidence: bestScore,
	}, nil
}

// Sources lists the articles the engine answers from.
func (e *Engine) Sources(ctx context.Context) ([]Citation, error) {
	arts, err := e.st.Articles(ctx)
	if err != nil {
		return nil, fmt.Errorf("list sources: %w", err)
	}
	out := make([]Citation, len(arts))
	for i, a := range arts {
		out[i] = CitationOf(a)
	}
	return out, nil
}

// CitationOf is the citation of an article.
func CitationOf(a store.Article) Citation {
	return Citation{Article: a.ID, Title: a.Title, Outlet: a.Outlet, Byline: a.Byline, Published: a.Published, URL: a.URL}
}

// Normalize makes any input safe to process and to echo: invalid UTF-8 and
// control characters become spaces, whitespace collapses, and the text is
// cut to MaxQuestion bytes on a rune boundary.
func Normalize(s string) string {
	if len(s) > 4*MaxQuestion {
		s = s[:4*MaxQuestion]
	}
	s = strings.ToValidUTF8(s, " ")
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == utf8.RuneError {
			return ' '
		}
		return r
	}, s)
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > MaxQuestion {
		cut := MaxQuestion
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut]
	}
	return s
}

var stopwords = map[string]bool{
	"a": true, "an": true, "the": true, "and": true, "or": true, "of": true, "to": true, "in": true, "on": true,
	"at": true, "for": true, "with": true, "by": true, "from": true, "is": true, "are": true, "was": true,
	"were": true, "be": true, "been": true, "do": true, "does": true, "did": true, "what": true, "who": true,
	"whom": true, "where": true, "when": true, "why": true, "how": true, "which": true, "that": true,
	"this": true, "it": true, "its": true, "as": true, "about": true, "has": true, "have": true, "had": true,
	"s": true, "i": true, "me": true, "you": true, "we": true, "they": true, "he": true, "she": true,
	"there": true, "any": true, "can": true, "will": true, "would": true, "many": true, "much": true,
}

func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

func contentWords(s string) []string {
	var out []string
	for _, w := range words(s) {
		if !stopwords[w] {
			out = append(out, w)
		}
	}
	return out
}

// coverage is the share of terms whose stem occurs in text.
func coverage(terms []string, text string) float64 {
	have := map[string]bool{}
	for _, w := range words(text) {
		have[english.Stem(w, false)] = true
	}
	n := 0
	for _, t := range terms {
		if have[english.Stem(t, false)] {
			n++
		}
	}
	return float64(n) / float64(len(terms))
}
