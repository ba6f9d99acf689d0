package answers

import (
	"context"
	"fmt"
	"time"
)

// Summary is the daily digest: a dated title and a few lines, each built
// from verbatim quotes with their citations — never invented text.
type Summary struct {
	Date        string        `json:"date"` // YYYY-MM-DD
	Title       string        `json:"title"`
	Lines       []SummaryLine `json:"lines"`
	NewArticles []Citation    `json:"new_articles"`
	// NothingNew is set when no article was added since the last summary;
	// Lines is then empty and Title says so.
	NothingNew bool `json:"nothing_new"`
}

// SummaryLine is one development: a short text and the quotes behind it.
type SummaryLine struct {
	Text     string  `json:"text"`
	Quotes   []Quote `json:"quotes"`
	Conflict bool    `json:"conflict"`
}

// Summary composes the digest as of day: one line per article, its lead
// sentence quoted. (The ranked, deduplicated digest replaces this.)
func (e *Engine) Summary(ctx context.Context, day time.Time) (Summary, error) {
	arts, err := e.st.Articles(ctx)
	if err != nil {
		return Summary{}, fmt.Errorf("compose summary: %w", err)
	}
	s := Summary{Date: day.Format(time.DateOnly), Title: "Parley daily summary — " + day.Format("Monday 2 January 2006"), Lines: []SummaryLine{}, NewArticles: []Citation{}}
	for _, a := range arts {
		sents, err := e.st.Sentences(ctx, a.ID)
		if err != nil {
			return Summary{}, fmt.Errorf("compose summary: %w", err)
		}
		for _, st := range sents {
			if st.Heading {
				continue
			}
			q := Quote{Text: st.Text, Citation: CitationOf(a)}
			s.Lines = append(s.Lines, SummaryLine{Text: st.Text, Quotes: []Quote{q}})
			break
		}
	}
	return s, nil
}
