package web

import (
	"context"
	"log/slog"
	"sync"
	"time"
)

// Source is one feed a Poller keeps current.
type Source struct {
	URL     string
	Every   time.Duration // between two reads; DefaultEvery when zero
	Include []string      // see FeedOptions
	Outlet  string        // see FeedOptions
}

// DefaultEvery is how often a feed is read when its Source does not say.
const DefaultEvery = 15 * time.Minute

// maxBackoffFactor bounds the backoff of a failing feed: at most this many
// times its interval between two tries.
const maxBackoffFactor = 16

// Poller reads feeds on their schedules for a running bot. New and
// corrected articles land in the store, where the engine finds them at its
// next answer (it watches the store's stamp) and the daily summary lists
// them as new.
type Poller struct {
	in      *Ingester
	sources []Source
	log     *slog.Logger
	// Wait sleeps for d or until ctx is done, reporting whether the full
	// wait passed; tests replace it.
	Wait func(ctx context.Context, d time.Duration) bool
}

// NewPoller returns a poller of sources through in.
func NewPoller(in *Ingester, sources []Source, logger *slog.Logger) *Poller {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	return &Poller{in: in, sources: sources, log: logger, Wait: wait}
}

func wait(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}

// Run reads every feed at once, then each on its own schedule, until ctx
// is done. A feed that fails is tried again later, waiting twice as long
// after each failure in a row (at most 16 times its interval); one
// feed's trouble never holds up another's.
func (p *Poller) Run(ctx context.Context) error {
	var wg sync.WaitGroup
	for _, s := range p.sources {
		wg.Go(func() { p.follow(ctx, s) })
	}
	wg.Wait()
	return ctx.Err()
}

func (p *Poller) follow(ctx context.Context, s Source) {
	every := s.Every
	if every <= 0 {
		every = DefaultEvery
	}
	log := p.log.With(slog.String("feed", s.URL))
	failures := 0
	for {
		if ctx.Err() != nil {
			return
		}
		if p.Once(ctx, s, log) {
			failures = 0
		} else {
			failures++
		}
		delay := every
		if failures > 0 {
			delay = every << min(failures, 4)
			delay = min(delay, every*maxBackoffFactor)
		}
		if !p.Wait(ctx, delay) {
			return
		}
	}
}

// Once reads one feed and logs what it did; it reports whether the feed
// itself could be read (its items may still have failed, each logged).
func (p *Poller) Once(ctx context.Context, s Source, log *slog.Logger) bool {
	rep, err := p.in.Feed(ctx, s.URL, FeedOptions{Include: s.Include, Outlet: s.Outlet})
	if err != nil {
		if ctx.Err() == nil {
			log.Warn("feed failed", slog.String("url", s.URL), slog.String("error", err.Error()))
		}
		return false
	}
	if rep.NotModified {
		log.Debug("feed not modified")
		return true
	}
	fetched, added, updated, unchanged, skipped, failed := rep.Count()
	for _, it := range rep.Items {
		if it.Err != nil {
			log.Warn("feed item failed", slog.String("url", it.Source), slog.String("error", it.Err.Error()))
		}
	}
	level := slog.LevelDebug
	if added+updated+failed > 0 {
		level = slog.LevelInfo
	}
	log.Log(ctx, level, "feed read", slog.Int("items", len(rep.Items)), slog.Int("fetched", fetched), slog.Int("added", added),
		slog.Int("updated", updated), slog.Int("unchanged", unchanged), slog.Int("skipped", skipped), slog.Int("failed", failed))
	return true
}
