package answers

import (
	"context"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/parley-bot/parley/store"
)

// MaxQuestion is the longest question, in bytes, the engine reads; the
// rest is ignored. No real question comes near it.
const MaxQuestion = 1000

// RefusalPrefix opens every refusal; a hint drawn from the store follows.
const RefusalPrefix = "Sorry, I don't know: the articles I have don't answer that."

// DefaultRefresh is how often, at most, Answer asks the store whether
// articles were added since the index was built. Zero asks before every
// answer: one small query (store.IndexTotals), so new articles are
// answered from at once and a failed store is reported rather than hidden.
const DefaultRefresh = 0

// DefaultFullLoad is the corpus size, in sentences, up to which the engine
// keeps the whole store in memory (about 150 articles of news). A larger
// store whose index was made by the engine's own analyzer is answered
// lazily: from the statistics and postings the analyzer stored at ingest,
// and the segments of each question's candidate articles (lazy.go).
const DefaultFullLoad = 3000

// Engine answers questions from a store. It reads nothing until the first
// question (or Hint): then it keeps, for a small store, an in-memory index
// of every article, and for a large one the store's corpus totals and a
// bounded cache of article segments. When the store changes it replaces
// only what the changed articles touch, so a running bot picks up newly
// ingested articles without a rebuild. It is safe for concurrent use, and
// it never writes to the store.
type Engine struct {
	st        *store.Store
	pack      *Pack
	rules     *rules
	log       *slog.Logger
	threshold float64
	refresh   time.Duration
	now       func() time.Time
	// version is the analyzer version whose facts and index it reads.
	version  string
	fullLoad int
	cache    *segmentCache

	// background brings a full index up to date off the answer path.
	background bool

	snap     atomic.Pointer[snapshot]
	mu       sync.Mutex // serialises store checks and updates
	checked  time.Time
	updating bool // a background update is due or running (under mu)
	// pending starts the background update snapshot found due (under mu):
	// the caller starts it once it has what it asked for (startUpdate), so
	// an answer does not share the CPU with the update it set off.
	pending func()
}

// startUpdate starts the background update a snapshot found due, if any.
func (e *Engine) startUpdate() {
	e.mu.Lock()
	start := e.pending
	e.pending = nil
	e.mu.Unlock()
	if start != nil {
		start()
	}
}

// snapshot is what the engine knows of the store at one stamp: the full
// index of a small store, or the corpus totals and hint of a large one.
type snapshot struct {
	stamp int64
	full  *index
	// over is set instead of full in a resident index brought up to date
	// since its last full layout (overlay.go).
	over   *overlay
	totals store.IndexTotals
	hint   string
}

// resident reports whether s holds the whole store in memory.
func (s *snapshot) resident() bool { return s != nil && (s.full != nil || s.over != nil) }

// Option configures an Engine.
type Option func(*Engine)

// WithPack makes the engine use the domain pack p (nil for none): its
// entities, aliases, related entities, synonyms and stop words join the
// general English rules.
func WithPack(p *Pack) Option { return func(e *Engine) { e.pack = p } }

// WithLogger makes the engine log index updates to l.
func WithLogger(l *slog.Logger) Option { return func(e *Engine) { e.log = l } }

// WithThreshold sets the confidence below which the engine refuses
// (default: the gate's calibrated threshold in general.yaml).
func WithThreshold(t float64) Option { return func(e *Engine) { e.threshold = t } }

// WithRefresh sets how often, at most, Answer checks the store for new
// articles; 0 checks on every question.
func WithRefresh(d time.Duration) Option { return func(e *Engine) { e.refresh = d } }

// WithClock replaces the clock used to pace store checks.
func WithClock(now func() time.Time) Option { return func(e *Engine) { e.now = now } }

// WithFullLoad sets the corpus size, in sentences, up to which the whole
// store is kept in memory (DefaultFullLoad); a negative size answers
// lazily whenever the store's index allows it.
func WithFullLoad(sentences int) Option { return func(e *Engine) { e.fullLoad = sentences } }

// WithCacheSize bounds, in bytes (estimated), the article segments kept
// between questions when answering lazily (DefaultCacheBytes).
func WithCacheSize(bytes int) Option { return func(e *Engine) { e.cache = newSegmentCache(bytes) } }

// WithBackground makes the engine build and update its full index (a
// store of up to the WithFullLoad size) in the background, for a
// long-running server: no answer waits for it. Until the first one is
// built it answers lazily from the store's index; while an update runs it
// answers from the index it has, which lacks the newest articles for the
// time the update takes: reading the changed articles and laying them over
// the index (overlay.go), or now and then laying the index out again. The
// update starts once the answer that found the store changed is given.
func WithBackground() Option { return func(e *Engine) { e.background = true } }

// NewEngine returns an engine over st. It compiles its rules but reads
// nothing from the store until asked a question.
func NewEngine(ctx context.Context, st *store.Store, opts ...Option) (*Engine, error) {
	e := &Engine{st: st, log: slog.New(slog.DiscardHandler), threshold: -1, refresh: DefaultRefresh, now: time.Now,
		fullLoad: DefaultFullLoad, cache: newSegmentCache(DefaultCacheBytes)}
	for _, o := range opts {
		o(e)
	}
	r, err := compileRules(e.pack)
	if err != nil {
		return nil, fmt.Errorf("new engine: %w", err)
	}
	e.rules = r
	e.version = analyzerVersion(e.pack)
	if e.threshold < 0 {
		e.threshold = r.gate.threshold
	}
	return e, nil
}

// snapshot returns what the engine knows of the store, brought up to date
// first if the store changed (checked at most once per refresh interval).
// While one caller updates it, the others answer from the last one.
func (e *Engine) snapshot(ctx context.Context) (*snapshot, error) {
	cur := e.snap.Load()
	if cur == nil {
		e.mu.Lock() // the first one: wait for it
	} else if !e.mu.TryLock() {
		return cur, nil
	}
	defer e.mu.Unlock()
	cur = e.snap.Load()
	now := e.now()
	if cur != nil && e.refresh > 0 && now.Sub(e.checked) < e.refresh {
		return cur, nil
	}
	e.checked = now
	t, err := e.st.IndexTotals(ctx, e.version)
	if err != nil {
		return nil, fmt.Errorf("check store version: %w", err)
	}
	if cur != nil && t.Stamp == cur.stamp {
		return cur, nil
	}
	full := t.Stale > 0 || t.Sentences <= e.fullLoad
	if e.background && full && t.Stale == 0 {
		if !e.updating {
			e.updating = true
			uctx := context.WithoutCancel(ctx)
			e.pending = func() { go e.updateInBackground(uctx, cur, t) }
		}
		if cur.resident() {
			return cur, nil // until the update is done
		}
		next, err := e.lazySnapshot(ctx, cur, t)
		if err != nil {
			return nil, err
		}
		e.snap.Store(next)
		return next, nil
	}
	next, err := e.update(ctx, cur, t)
	if err != nil {
		return nil, err
	}
	e.snap.Store(next)
	return next, nil
}

// updateInBackground brings the resident index from cur (which may be
// lazy, or nil) up to the store at t, and makes it current.
func (e *Engine) updateInBackground(ctx context.Context, cur *snapshot, t store.IndexTotals) {
	var next *snapshot
	var err error
	if cur.resident() {
		next, err = e.overlaySnapshot(ctx, cur, t)
	} else {
		next, err = e.fullSnapshot(ctx, nil, t) // read every article
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	e.updating = false
	if err != nil {
		e.log.Warn("answer index update failed; the next answer tries again", slog.Any("err", err))
		return
	}
	e.snap.Store(next)
}

// update makes the snapshot of the store at totals t from cur (nil at
// first): only the articles changed since cur are read again.
func (e *Engine) update(ctx context.Context, cur *snapshot, t store.IndexTotals) (*snapshot, error) {
	if t.Stale == 0 && t.Sentences > e.fullLoad {
		return e.lazySnapshot(ctx, cur, t)
	}
	return e.fullSnapshot(ctx, cur, t)
}

// lazySnapshot is the snapshot of a store answered lazily at totals t:
// the segments of the articles changed since cur are dropped from the
// cache.
func (e *Engine) lazySnapshot(ctx context.Context, cur *snapshot, t store.IndexTotals) (*snapshot, error) {
	if cur != nil {
		changed, _, err := e.st.Changes(ctx, cur.stamp)
		if err != nil {
			return nil, err
		}
		e.cache.evict(changed)
	}
	hint, err := e.storedHint(ctx, t)
	if err != nil {
		return nil, err
	}
	e.logUpdate(cur)("answering from the store's index", slog.Int("articles", t.Articles), slog.Int("sentences", t.Sentences))
	return &snapshot{stamp: t.Stamp, totals: t, hint: hint}, nil
}

// fullSnapshot is the snapshot of the whole store in memory at totals t:
// from cur's full index with the articles changed since read again, or
// every article.
func (e *Engine) fullSnapshot(ctx context.Context, cur *snapshot, t store.IndexTotals) (*snapshot, error) {
	var changed []string
	var segs []*segment
	var err error
	if cur != nil && cur.full != nil {
		if changed, _, err = e.st.Changes(ctx, cur.stamp); err != nil {
			return nil, err
		}
		segs, err = e.replaceSegments(ctx, cur.full.segments, changed)
	} else {
		segs, err = e.allSegments(ctx)
	}
	if err != nil {
		return nil, err
	}
	ix := fullIndex(e.rules, segs, t.Stamp)
	e.logUpdate(cur)("updated answer index", slog.Int("articles", len(ix.articles)), slog.Int("sentences", len(ix.sents)), slog.Int("changed", len(changed)))
	return &snapshot{stamp: t.Stamp, full: ix, totals: t, hint: ix.hint}, nil
}

// overlaySnapshot is the resident snapshot of the store at totals t made
// from cur's (resident) in time proportional to the articles changed since:
// their segments are read and laid over cur's base (overlay.go). Once the
// overlay has grown past its share of the base, a full index is laid out
// again instead.
func (e *Engine) overlaySnapshot(ctx context.Context, cur *snapshot, t store.IndexTotals) (*snapshot, error) {
	changed, _, err := e.st.Changes(ctx, cur.stamp)
	if err != nil {
		return nil, err
	}
	fresh, err := e.loadSegments(ctx, changed)
	if err != nil {
		return nil, err
	}
	ov := cur.over
	if ov == nil {
		ov = newOverlay(cur.full)
	}
	ov = ov.with(e.rules, changed, fresh)
	if ov.full() {
		ix := fullIndex(e.rules, ov.segments(), t.Stamp)
		e.log.Info("updated answer index", slog.Int("articles", len(ix.articles)), slog.Int("sentences", len(ix.sents)), slog.Int("changed", len(changed)))
		return &snapshot{stamp: t.Stamp, full: ix, totals: t, hint: ix.hint}, nil
	}
	e.log.Info("updated answer index over its last layout", slog.Int("articles", ov.articles), slog.Int("sentences", ov.sentences),
		slog.Int("changed", len(changed)), slog.Int("delta_articles", len(ov.delta)), slog.Int("masked_articles", len(ov.gone)))
	return &snapshot{stamp: t.Stamp, over: ov, totals: t, hint: ov.hint}, nil
}

// logUpdate logs an update at info level, and the first read of the
// store, which every command that answers makes, at debug level.
func (e *Engine) logUpdate(cur *snapshot) func(string, ...any) {
	if cur == nil {
		return e.log.Debug
	}
	return e.log.Info
}

// replaceSegments returns segs with the segments of the articles changed
// read again (dropped when the article is gone), in id order.
func (e *Engine) replaceSegments(ctx context.Context, segs []*segment, changed []string) ([]*segment, error) {
	fresh, err := e.loadSegments(ctx, changed)
	if err != nil {
		return nil, err
	}
	gone := map[string]bool{}
	for _, id := range changed {
		gone[id] = true
	}
	out := make([]*segment, 0, len(segs)+len(fresh))
	for _, seg := range segs {
		if !gone[seg.article.ID] {
			out = append(out, seg)
		}
	}
	out = append(out, fresh...)
	slices.SortFunc(out, func(a, b *segment) int { return strings.Compare(a.article.ID, b.article.ID) })
	return out, nil
}

// storedHint is the hint of a store answered lazily, from its totals, its
// first titles and the names its index counts.
func (e *Engine) storedHint(ctx context.Context, t store.IndexTotals) (string, error) {
	titles, err := e.st.Titles(ctx, 4*hintTitles)
	if err != nil {
		return "", fmt.Errorf("hint: %w", err)
	}
	found, err := e.st.TermsWithPrefix(ctx, keyName)
	if err != nil {
		return "", fmt.Errorf("hint: %w", err)
	}
	names := make(map[string]int, len(found))
	for k, n := range found {
		names[strings.TrimPrefix(k, keyName)] = n
	}
	return buildHint(t.Articles, titles, names, e.rules), nil
}

// readIndex is the index follow-ups and the curator read names from: the
// full index (read first if need be), or for a store answered lazily (or
// one that fails) an index of no articles, in which the kinds the articles
// give learned names and learned acronyms are unknown.
func (e *Engine) readIndex(ctx context.Context) *index {
	snap, err := e.snapshot(ctx)
	e.startUpdate()
	if err == nil && snap.over != nil {
		return snap.over.ix
	}
	if err != nil || snap.full == nil {
		return assemble(e.rules, nil, 0)
	}
	return snap.full
}

// current returns the full index, for tests on small stores.
func (e *Engine) current(ctx context.Context) (*index, error) {
	snap, err := e.snapshot(ctx)
	e.startUpdate()
	if err != nil {
		return nil, err
	}
	if snap.full == nil {
		return nil, fmt.Errorf("the engine answers this store lazily")
	}
	return snap.full, nil
}

// Answer answers one question. Any text is accepted: a question the
// articles cannot answer, or that is not a question at all, gets
// Answered false and a polite refusal, not an error. Errors are only for
// a store that fails.
func (e *Engine) Answer(ctx context.Context, question string) (Answer, error) {
	a, _, err := e.answer(ctx, question, false)
	return a, err
}

// Explain answers like Answer and also fills Answer.Explain with how the
// answer was reached: the class, the terms, the candidates and the
// decision.
func (e *Engine) Explain(ctx context.Context, question string) (Answer, error) {
	a, _, err := e.answer(ctx, question, true)
	return a, err
}

// Hint says what can be asked, from what the store holds: how many
// articles, a few of their titles and the names they mention most. Every
// refusal ends with it; the bot's help shows it.
func (e *Engine) Hint(ctx context.Context) (string, error) {
	snap, err := e.snapshot(ctx)
	e.startUpdate()
	if err != nil {
		return "", fmt.Errorf("hint: %w", err)
	}
	return snap.hint, nil
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
		if unicode.IsControl(r) || r == utf8.RuneError || unicode.Is(unicode.Cf, r) {
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
