// Package discord is Parley's Discord adapter: the slash commands /ask,
// /summary and /sources, answered with cited embeds. Interactions arrive
// either over discordgo's gateway websocket or as signed HTTP requests to
// POST /discord/interactions; both go through the same handler. This is
// the only package besides its test helper that imports discordgo; the
// conversation itself is bot.Bot's.
package discord

import (
	"context"
	"crypto/ed25519"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"sync/atomic"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/parley-bot/parley/bot"
)

// Platform is the name Parley uses for Discord in requests, logs and
// metric labels.
const Platform = "discord"

// Modes of receiving interactions.
const (
	ModeGateway = "gateway" // discordgo's websocket session, bot token
	ModeHTTP    = "http"    // signed POSTs to /discord/interactions, public key
)

// DefaultDeferAfter is how long Parley waits for an answer before it
// defers: Discord drops an interaction not acknowledged within 3 seconds,
// and the acknowledgement itself needs time to travel.
const DefaultDeferAfter = 2 * time.Second

// replyWindow is how long an interaction token stays valid for editing the
// original response.
const replyWindow = 15 * time.Minute

// Config is what the adapter needs to know; cmd/parley fills it from the
// discord section of the config file.
type Config struct {
	Mode          string // ModeGateway or ModeHTTP
	Token         string // bot token, without the "Bot " prefix
	ApplicationID string
	// PublicKey verifies HTTP interactions; required in ModeHTTP.
	PublicKey ed25519.PublicKey
	// GuildID registers the commands to one guild (instant) instead of
	// globally (may take up to an hour to appear).
	GuildID string
	// APIURL replaces https://discord.com/ as the REST base, for tests
	// and proxies. Empty means Discord itself.
	APIURL string
	// DeferAfter is how long to wait for an answer before deferring;
	// zero means DefaultDeferAfter.
	DeferAfter time.Duration
	// Now is the clock for signature timestamps; nil means time.Now.
	Now func() time.Time
}

// Adapter connects one Discord application to the bot. It implements
// bot.Poster and serve's component (Routes, Run, Ready).
type Adapter struct {
	cfg        Config
	publicKey  ed25519.PublicKey
	session    *discordgo.Session
	bot        *bot.Bot
	pool       *bot.Pool
	metrics    *bot.Metrics
	log        *slog.Logger
	deferAfter time.Duration
	now        func() time.Time
	// retry bounds and paces retried API calls.
	retry retryPolicy

	registered atomic.Bool
	connected  atomic.Bool
}

// New returns an adapter for cfg answering with b, running answer work on
// pool and counting in metrics. It makes no network calls; Register and
// Run do.
func New(cfg Config, b *bot.Bot, pool *bot.Pool, metrics *bot.Metrics, log *slog.Logger) (*Adapter, error) {
	switch cfg.Mode {
	case ModeGateway:
	case ModeHTTP:
		if len(cfg.PublicKey) != ed25519.PublicKeySize {
			return nil, errors.New("discord: http mode needs the application's Ed25519 public key")
		}
	default:
		return nil, fmt.Errorf("discord: mode %q is not %s or %s", cfg.Mode, ModeGateway, ModeHTTP)
	}
	if cfg.Token == "" {
		return nil, errors.New("discord: the bot token is empty")
	}
	if cfg.ApplicationID == "" {
		return nil, errors.New("discord: the application id is empty")
	}
	var base *url.URL
	if cfg.APIURL != "" {
		u, err := url.Parse(cfg.APIURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return nil, fmt.Errorf("discord: api url %q is not an http(s) URL", cfg.APIURL)
		}
		base = u
	}
	if metrics == nil {
		metrics = b.Metrics()
	}
	if pool == nil {
		pool = bot.NewPool(8)
	}
	s, err := discordgo.New("Bot " + cfg.Token)
	if err != nil {
		return nil, fmt.Errorf("discord: new session: %w", err)
	}
	// Retries are Parley's (bounded, counted, logged with the interaction
	// id); discordgo would retry a 429 forever and a 502 at once.
	s.ShouldRetryOnRateLimit = false
	s.MaxRestRetries = 0
	s.Client = &http.Client{
		Timeout:   20 * time.Second,
		Transport: &transport{base: http.DefaultTransport, rewrite: base, metrics: metrics},
	}
	s.Identify.Intents = discordgo.IntentsGuilds
	a := &Adapter{
		cfg: cfg, publicKey: cfg.PublicKey, session: s, bot: b, pool: pool, metrics: metrics,
		log: log.With(slog.String("adapter", Platform)), deferAfter: cfg.DeferAfter, now: cfg.Now,
		retry: defaultRetry,
	}
	if a.deferAfter <= 0 {
		a.deferAfter = DefaultDeferAfter
	}
	if a.now == nil {
		a.now = time.Now
	}
	return a, nil
}

// Platform names Discord, for the post log and metrics (bot.Poster).
func (a *Adapter) Platform() string { return Platform }

// Routes adds POST /discord/interactions in HTTP mode; the gateway mode
// needs no endpoint.
func (a *Adapter) Routes(mux *http.ServeMux) {
	if a.cfg.Mode != ModeHTTP {
		return
	}
	mux.Handle("POST /discord/interactions", a.verified(http.HandlerFunc(a.serveInteraction)))
}

// Run blocks until ctx is done. In gateway mode it holds the websocket
// session open (discordgo reconnects and resumes it); in HTTP mode the
// work arrives through Routes. On the way out it gives replies in flight
// a bounded time to be delivered.
func (a *Adapter) Run(ctx context.Context) error {
	var err error
	if a.cfg.Mode == ModeGateway {
		err = a.runGateway(ctx)
	} else {
		<-ctx.Done()
	}
	drain, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if werr := a.pool.Wait(drain); werr != nil {
		a.log.Warn("replies still in flight at shutdown", slog.Any("err", werr))
	}
	return err
}

// Ready reports nil once the commands are registered and, in gateway
// mode, the websocket session is connected.
func (a *Adapter) Ready() error {
	if !a.registered.Load() {
		return errors.New("discord: commands not registered yet")
	}
	if a.cfg.Mode == ModeGateway && !a.connected.Load() {
		return errors.New("discord: gateway not connected")
	}
	return nil
}
