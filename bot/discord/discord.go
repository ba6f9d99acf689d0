// Package discord is Parley's Discord adapter: the slash commands /ask,
// /summary and /sources, answered with cited embeds. Interactions arrive
// either over discordgo's gateway websocket or as signed HTTP requests to
// POST /discord/interactions; both go through the same handler, and each
// is written to the inbox (deduplicated by interaction id) before it is
// answered. This is the only package besides its test helper that imports
// discordgo; the conversation itself is the bot core's.
package discord

import (
	"context"
	"crypto/ed25519"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"sync"
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
}

// Adapter connects one Discord application to the bot: serve's component
// (Routes, Run, Ready) and the bot.Deliverer of Discord's interactions.
type Adapter struct {
	*rest
	cfg        Config
	publicKey  ed25519.PublicKey
	bot        bot.Handler
	inbox      *bot.Inbox
	deferAfter time.Duration
	now        func() time.Time

	mu      sync.Mutex
	waiting map[string]*job // interactions whose first response is still open, by inbox id

	registered atomic.Bool
	connected  atomic.Bool
}

// New returns an adapter for cfg answering with deps.Handler through
// deps.Inbox (both required), with which it registers as Discord's
// deliverer. It makes no network calls; Register and Run do.
func New(cfg Config, deps bot.Deps) (*Adapter, error) {
	switch cfg.Mode {
	case ModeGateway:
	case ModeHTTP:
		if len(cfg.PublicKey) != ed25519.PublicKeySize {
			return nil, errors.New("discord: http mode needs the application's Ed25519 public key")
		}
	default:
		return nil, fmt.Errorf("discord: mode %q is not %s or %s", cfg.Mode, ModeGateway, ModeHTTP)
	}
	if cfg.ApplicationID == "" {
		return nil, errors.New("discord: the application id is empty")
	}
	switch {
	case deps.Handler == nil:
		return nil, fmt.Errorf("discord: %w", bot.ErrNoHandler)
	case deps.Inbox == nil:
		return nil, fmt.Errorf("discord: %w", bot.ErrNoInbox)
	}
	deps = deps.WithDefaults()
	r, err := newRest(cfg.Token, cfg.APIURL, deps)
	if err != nil {
		return nil, err
	}
	r.session.Identify.Intents = discordgo.IntentsGuilds
	a := &Adapter{
		rest: r, cfg: cfg, publicKey: cfg.PublicKey, bot: deps.Handler, inbox: deps.Inbox,
		deferAfter: cfg.DeferAfter, now: deps.Now, waiting: map[string]*job{},
	}
	if a.deferAfter <= 0 {
		a.deferAfter = DefaultDeferAfter
	}
	deps.Inbox.Register(a)
	return a, nil
}

// newRest builds a REST client for token, pointed at apiURL (empty:
// Discord), counting in deps.Metrics; the adapter and the token-only
// Poster share it.
func newRest(token, apiURL string, deps bot.Deps) (*rest, error) {
	if token == "" {
		return nil, errors.New("discord: the bot token is empty")
	}
	var base *url.URL
	if apiURL != "" {
		u, err := url.Parse(apiURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return nil, fmt.Errorf("discord: api url %q is not an http(s) URL", apiURL)
		}
		base = u
	}
	s, err := discordgo.New("Bot " + token)
	if err != nil {
		return nil, fmt.Errorf("discord: new session: %w", err)
	}
	// Retries are Parley's (bounded, counted, logged with the interaction
	// id); discordgo would retry a 429 forever and a 502 at once.
	s.ShouldRetryOnRateLimit = false
	s.MaxRestRetries = 0
	s.Client = &http.Client{
		Timeout:   20 * time.Second,
		Transport: &transport{base: http.DefaultTransport, rewrite: base, metrics: deps.Metrics},
	}
	return &rest{session: s, retry: defaultRetry, metrics: deps.Metrics, log: deps.Log.With(slog.String("adapter", Platform))}, nil
}

// Platform names Discord, for the inbox and metrics (bot.Deliverer).
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
// work arrives through Routes. Replies in flight belong to the inbox,
// which serve drains on the way out.
func (a *Adapter) Run(ctx context.Context) error {
	if a.cfg.Mode == ModeGateway {
		return a.runGateway(ctx)
	}
	<-ctx.Done()
	return nil
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
