package answers

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/parley-bot/parley/store"
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
	// Since is the day of the last summary sent before this one, or empty
	// when none was: every article is then new.
	Since string `json:"since"`
}

// SummaryLine is one development: a short text and the quotes behind it.
// Text is either the first quote's sentence, or its opening cut at a
// clause boundary and marked with "…", or (for a disagreement) a fixed
// sentence naming only values quoted verbatim from the quotes.
type SummaryLine struct {
	Text     string  `json:"text"`
	Quotes   []Quote `json:"quotes"`
	Conflict bool    `json:"conflict"`
}

// summaryTitle is the title of the digest for a day.
const summaryTitle = "Parley daily summary — "

const longDate = "Monday 2 January 2006"

// Summary composes the digest as of day, in day's location: the articles
// published on or before that date (or, when an article states no date,
// ingested by its end). It names the articles new since the last summary
// sent (the post log's latest day before this one) and builds its lines
// from the sentences of those articles, ranked by how much news they carry
// and how many articles corroborate them, near-duplicates collapsed into
// one line quoting each article, disagreements shown side by side. When
// nothing is new it says so in its title and has no lines.
func (e *Engine) Summary(ctx context.Context, day time.Time) (Summary, error) {
	date := day.Format(time.DateOnly)
	s := Summary{Date: date, Title: summaryTitle + day.Format(longDate), Lines: []SummaryLine{}, NewArticles: []Citation{}}
	all, err := e.st.Articles(ctx)
	if err != nil {
		return Summary{}, fmt.Errorf("compose summary %s: %w", date, err)
	}
	var inScope []store.Article
	for _, a := range all {
		if articleDate(a, day.Location()) <= date {
			inScope = append(inScope, a)
		}
	}
	last, err := e.st.LastPosted(ctx, date)
	switch {
	case errors.Is(err, store.ErrNotFound):
		last = store.Post{}
	case err != nil:
		return Summary{}, fmt.Errorf("compose summary %s: %w", date, err)
	default:
		s.Since = last.Day
	}
	isNew := map[string]bool{}
	arts := map[string]store.Article{}
	var ids []string
	for _, a := range inScope {
		arts[a.ID] = a
		ids = append(ids, a.ID)
		// An article was in the last summary if it was dated by then and
		// already in the store when that summary was sent.
		seen := s.Since != "" && articleDate(a, day.Location()) <= last.Day && !a.IngestedAt.After(last.PostedAt)
		if !seen {
			isNew[a.ID] = true
			s.NewArticles = append(s.NewArticles, CitationOf(a))
		}
	}
	if len(inScope) == 0 {
		s.NothingNew = true
		s.Title += ": no articles yet."
		return s, nil
	}
	if len(isNew) == 0 {
		s.NothingNew = true
		s.Title += ": nothing new since the last summary"
		if since, err := time.Parse(time.DateOnly, s.Since); err == nil {
			s.Title += " (" + since.Format(longDate) + ")"
		}
		s.Title += "."
		return s, nil
	}
	sents, err := e.st.Sentences(ctx, ids...)
	if err != nil {
		return Summary{}, fmt.Errorf("compose summary %s: %w", date, err)
	}
	dg := newDigester(e.rules, e.pack)
	s.Lines = dg.compose(dg.rankSentences(arts, isNew, sents), isNew)
	return s, nil
}

// articleDate is the day an article counts from: the date it states, or
// else the day it was ingested, in loc.
func articleDate(a store.Article, loc *time.Location) string {
	if a.Published != "" {
		return a.Published
	}
	return a.IngestedAt.In(loc).Format(time.DateOnly)
}
