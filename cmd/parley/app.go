package main

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/parley-bot/parley/answers"
	"github.com/parley-bot/parley/bot"
	"github.com/parley-bot/parley/seeds"
	"github.com/parley-bot/parley/store"
	"github.com/parley-bot/parley/store/web"
)

// defaultWorkers bounds concurrent answers (serve.workers). An answer
// takes little CPU but holds its slot while it posts, retries and waits
// out rate limits; the load test (docs/operations.md) found 64 slots
// overflowing under a 50-concurrent burst with API faults, and 256 not.
// Each slot costs a goroutine and one reply, so the bound stays small.
const defaultWorkers = 256

// residentSentences is the largest store, in sentences (about 2,500 news
// articles, some 500 MB), serve keeps whole in memory, updated in the
// background as feeds and ingests add articles; a larger one is answered
// lazily from the store's index with a bounded cache (docs/scale.md).
const residentSentences = 60000

// Main is one wired-up Parley: config, store, engine and bot. Commands and
// end-to-end tests build one with Open and release it with Close.
type Main struct {
	Config Config
	Log    *slog.Logger
	Store  *store.Store
	Engine *answers.Engine
	// Links makes citations link to the web pages (http.public_url);
	// Answers is the engine with its citations so linked.
	Links   bot.Links
	Answers bot.Answerer
	Bot     *bot.Bot
	// Registry holds the metrics /metrics exports; Metrics are Parley's own.
	Registry *prometheus.Registry
	Metrics  *bot.Metrics
	// WebMetrics count fetches and web articles (ingest and feeds).
	WebMetrics *web.Metrics
	// Pool bounds answer work in flight across every adapter.
	Pool *bot.Pool
	// Inbox writes each platform event down before it is acknowledged
	// and runs its answer on Pool; serve works it.
	Inbox *bot.Inbox
	// Memory keeps conversations, the questions people asked and their
	// verdicts in the store; serve prunes it.
	Memory *bot.Memory
	// Now is the clock; tests replace it.
	Now func() time.Time
}

// Open loads the config, opens the store (filling a new one from the
// built-in seeds) and builds the engine and bot.
func Open(ctx context.Context, g *Globals, env Env) (*Main, error) {
	logger, err := newLogger(g, env.Stderr)
	if err != nil {
		return nil, err
	}
	cfg := DefaultConfig()
	if g.ConfigFile != "" {
		if cfg, err = LoadConfig(g.ConfigFile, env.Getenv); err != nil {
			return nil, err
		}
	}
	switch {
	case store.IsURL(g.DB):
		cfg.Store.URL = g.DB
	case g.DB != "":
		cfg.Store.Path, cfg.Store.URL = g.DB, ""
	}
	if g.NoSeeds {
		cfg.Store.Seeds = false
	}
	if g.Domain != "" {
		cfg.Answers.Domain = g.Domain
	}
	// The pack is read before the store is touched: a bad one changes
	// nothing.
	pack, err := loadDomain(cfg)
	if err != nil {
		return nil, err
	}
	analyzer, err := answers.NewAnalyzer(pack)
	if err != nil {
		return nil, err
	}
	m := &Main{Config: cfg, Log: logger, Now: time.Now}
	if m.Store, err = store.Open(ctx, cfg.Store.Location(), append(cfg.Store.Options(), store.WithAnalyzer(analyzer))...); err != nil {
		return nil, err
	}
	if err := m.seed(ctx); err != nil {
		m.Close()
		return nil, err
	}
	// Facts made by another analyzer version (or lost) are made again.
	if n, err := m.Store.Heal(ctx); err != nil {
		m.Close()
		return nil, err
	} else if n > 0 {
		logger.Info("re-analysed articles", slog.Int("articles", n))
	}
	// The engine reads nothing until asked: sources, ingest and the
	// summary never build an index.
	opts := []answers.Option{answers.WithLogger(logger), answers.WithPack(pack)}
	if g.Resident {
		opts = append(opts, answers.WithBackground(), answers.WithFullLoad(residentSentences))
	}
	if m.Engine, err = answers.NewEngine(ctx, m.Store, opts...); err != nil {
		m.Close()
		return nil, err
	}
	m.Registry = prometheus.NewRegistry()
	m.Metrics = bot.NewMetrics(m.Registry)
	m.WebMetrics = web.NewMetrics(m.Registry)
	m.Pool = bot.NewPool(cfg.Serve.Workers)
	if m.Links, err = bot.NewLinks(cfg.HTTP.PublicURL); err != nil {
		m.Close()
		return nil, fmt.Errorf("http.public_url: %w", err)
	}
	m.Answers = bot.Linked(m.Engine, m.Links)
	m.Bot = bot.New(m.Answers, logger, m.Metrics)
	m.Bot.Now = summaryClock(m)
	if m.Memory, err = m.memory(ctx); err != nil {
		m.Close()
		return nil, err
	}
	m.Bot.Remember(m.Memory)
	m.Inbox = bot.NewInbox(m.Store, m.Bot, m.Pool, bot.InboxOptions{
		Lease: cfg.Inbox.Lease, Retention: cfg.Inbox.Retention,
		Metrics: m.Metrics, Log: logger, Now: m.clock,
	})
	return m, nil
}

// saltSetting names the salt Parley made for itself in the store.
const saltSetting = "user_salt"

// memory builds what the bot remembers: conversations for
// conversation.window, questions and verdicts for report.retention, ids
// hashed with feedback.salt or, when none is set, a salt made once and
// kept in the store.
func (m *Main) memory(ctx context.Context) (*bot.Memory, error) {
	salt := m.Config.Feedback.Salt
	if salt == "" {
		var err error
		if salt, err = m.Store.Setting(ctx, saltSetting, bot.NewSalt); err != nil {
			return nil, err
		}
	}
	return bot.NewMemory(bot.Memory{
		Journal: m.Store, Salt: []byte(salt), Window: m.Config.Conversation.Window,
		Retention: m.Config.Report.Retention.Duration(), Metrics: m.Metrics,
	})
}

// clock reads m.Now, which tests may replace after Open.
func (m *Main) clock() time.Time { return m.Now() }

// deps are what every adapter is built with.
func (m *Main) deps() bot.Deps {
	return bot.Deps{Handler: m.Bot, Inbox: m.Inbox, Metrics: m.Metrics, Log: m.Log, Now: m.clock}
}

// seed fills an empty store from the embedded articles, with their facts,
// in one transaction, unless seeding is off.
func (m *Main) seed(ctx context.Context) error {
	if !m.Config.Store.Seeds {
		return nil
	}
	docs, err := store.Documents(seeds.FS)
	if err != nil {
		return fmt.Errorf("load built-in articles: %w", err)
	}
	seeded, err := m.Store.Seed(ctx, docs, m.Now())
	if err != nil {
		return fmt.Errorf("load built-in articles: %w", err)
	}
	if seeded {
		m.Log.Debug("filled new store from built-in articles", slog.Int("articles", len(docs)), slog.String("path", m.Store.Path()))
	}
	return nil
}

// Domain pack names that are not files.
const (
	domainBuiltin = "builtin"
	domainNone    = "none"
)

// loadDomain reads the domain pack the config names: a file, "builtin",
// "none", or by default the built-in pack when the store is seeded with
// the built-in articles. A bad pack is a usage error naming the file.
func loadDomain(cfg Config) (*answers.Pack, error) {
	d := cfg.Answers.Domain
	if d == "" {
		d = domainNone
		if cfg.Store.Seeds {
			d = domainBuiltin
		}
	}
	switch d {
	case domainNone:
		return nil, nil
	case domainBuiltin:
		p, err := answers.ParsePack("built-in domain pack", seeds.Domain)
		if err != nil {
			return nil, err
		}
		return p, nil
	}
	p, err := answers.LoadPack(d)
	if err != nil {
		return nil, usageError("%v", err)
	}
	return p, nil
}

// Close releases the store.
func (m *Main) Close() error {
	if m.Store == nil {
		return nil
	}
	return m.Store.Close()
}

// withMain opens a Main for one command, runs f with it and closes it.
func withMain(ctx context.Context, g *Globals, env Env, f func(*Main) error) error {
	m, err := Open(ctx, g, env)
	if err != nil {
		return err
	}
	defer m.Close()
	return f(m)
}
