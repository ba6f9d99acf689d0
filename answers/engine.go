package answers

import (
	"context"
	"fmt"
	"log/slog"
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
// answer: one small query (store.Stamp), so new articles are answered
// from at once and a failed store is reported rather than hidden.
const DefaultRefresh = 0

// Engine answers questions from a store. It keeps an in-memory index of
// the store's sentences and facts, rebuilt when the store's version
// changes, so a running bot picks up newly ingested articles. It is safe
// for concurrent use, and it never writes to the store.
type Engine struct {
	st        *store.Store
	pack      *Pack
	rules     *rules
	log       *slog.Logger
	threshold float64
	refresh   time.Duration
	now       func() time.Time

	idx     atomic.Pointer[index]
	mu      sync.Mutex // serialises version checks and rebuilds
	checked time.Time
}

// Option configures an Engine.
type Option func(*Engine)

// WithPack makes the engine use the domain pack p (nil for none): its
// entities, aliases, related entities, synonyms and stop words join the
// general English rules.
func WithPack(p *Pack) Option { return func(e *Engine) { e.pack = p } }

// WithLogger makes the engine log index rebuilds to l.
func WithLogger(l *slog.Logger) Option { return func(e *Engine) { e.log = l } }

// WithThreshold sets the confidence below which the engine refuses
// (default: the gate's calibrated threshold in general.yaml).
func WithThreshold(t float64) Option { return func(e *Engine) { e.threshold = t } }

// WithRefresh sets how often, at most, Answer checks the store for new
// articles; 0 checks on every question.
func WithRefresh(d time.Duration) Option { return func(e *Engine) { e.refresh = d } }

// WithClock replaces the clock used to pace store checks.
func WithClock(now func() time.Time) Option { return func(e *Engine) { e.now = now } }

// NewEngine returns an engine over st, with its index built.
func NewEngine(ctx context.Context, st *store.Store, opts ...Option) (*Engine, error) {
	e := &Engine{st: st, log: slog.New(slog.DiscardHandler), threshold: -1, refresh: DefaultRefresh, now: time.Now}
	for _, o := range opts {
		o(e)
	}
	r, err := compileRules(e.pack)
	if err != nil {
		return nil, fmt.Errorf("new engine: %w", err)
	}
	e.rules = r
	if e.threshold < 0 {
		e.threshold = r.gate.threshold
	}
	v, err := st.Stamp(ctx)
	if err != nil {
		return nil, fmt.Errorf("new engine: %w", err)
	}
	ix, err := buildIndex(ctx, st, r, e.pack, v)
	if err != nil {
		return nil, fmt.Errorf("new engine: %w", err)
	}
	e.idx.Store(ix)
	e.checked = e.now()
	return e, nil
}

// current returns the index, rebuilding it first if the store changed
// since it was built (checked at most once per refresh interval).
func (e *Engine) current(ctx context.Context) (*index, error) {
	ix := e.idx.Load()
	if !e.mu.TryLock() {
		// Someone else is checking or rebuilding; answer from what we
		// have rather than queue behind a rebuild.
		return ix, nil
	}
	defer e.mu.Unlock()
	now := e.now()
	if now.Sub(e.checked) < e.refresh && e.refresh > 0 {
		return ix, nil
	}
	e.checked = now
	v, err := e.st.Stamp(ctx)
	if err != nil {
		return nil, fmt.Errorf("check store version: %w", err)
	}
	if v == ix.version {
		return ix, nil
	}
	nix, err := buildIndex(ctx, e.st, e.rules, e.pack, v)
	if err != nil {
		return nil, err
	}
	e.idx.Store(nix)
	e.log.Info("rebuilt answer index", slog.Int("articles", len(nix.articles)), slog.Int("sentences", len(nix.sents)))
	return nix, nil
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
	ix, err := e.current(ctx)
	if err != nil {
		return "", fmt.Errorf("hint: %w", err)
	}
	return ix.hint, nil
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
