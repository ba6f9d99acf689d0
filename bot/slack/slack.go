// Package slack is Parley's Slack adapter: it receives mentions, direct
// messages and the /ask slash command — over Socket Mode or over signed
// HTTP requests — writes each to the inbox before acknowledging it,
// answers it through the platform-independent bot core, and posts the
// reply as Block Kit. It is the only package that imports slack-go.
//
// One question gets one answer: the inbox deduplicates events by id
// across restarts and resumes those a crash left unanswered, Web API
// calls wait out rate limits and retry only what provably did not go out,
// and nothing a user types can make Parley ping anyone.
package slack

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"sync"
	"time"

	"github.com/slack-go/slack"

	"github.com/parley-bot/parley/bot"
)

// The ways Slack delivers events to Parley.
const (
	ModeSocket = "socket" // Socket Mode: Parley dials out; no public URL needed
	ModeHTTP   = "http"   // Events API and slash commands as signed HTTP requests
)

// Config is the Slack adapter's own settings: the slack section of the
// config file, and what tests replace. The bot token is always required;
// the app token in Socket Mode and the signing secret in HTTP mode.
type Config struct {
	Mode          string // ModeSocket or ModeHTTP
	BotToken      string // xoxb-…
	AppToken      string // xapp-…, Socket Mode
	SigningSecret string // HTTP mode
	// APIURL is the Web API base, ending in a slash; empty means Slack's.
	APIURL string
	// Sleep waits between retries; nil means a timer. Tests record the
	// waits instead of sleeping through them.
	Sleep func(ctx context.Context, d time.Duration) error
	// Transport carries HTTP calls to Slack; nil means http.DefaultTransport.
	Transport http.RoundTripper
}

// Adapter is the Slack side of Parley: HTTP endpoints (Routes), a
// long-running task (Run) and the bot.Deliverer of Slack's events. It is
// safe for concurrent use.
type Adapter struct {
	*client
	mode          string
	signingSecret []byte
	appToken      string

	bot   bot.Handler
	inbox *bot.Inbox
	now   func() time.Time

	mu       sync.Mutex
	self     identity // who Parley is in this workspace, from auth.test
	readyErr error
}

// identity is Parley's own user and bot id, to ignore its own messages and
// strip mentions of itself.
type identity struct {
	UserID, BotID string
}

// New checks cfg and returns an adapter answering with deps.Handler
// through deps.Inbox (both required), with which it registers as Slack's
// deliverer. Nothing is sent to Slack until Run.
func New(cfg Config, deps bot.Deps) (*Adapter, error) {
	switch {
	case cfg.Mode != ModeSocket && cfg.Mode != ModeHTTP:
		return nil, fmt.Errorf("slack mode %q is not %s or %s", cfg.Mode, ModeSocket, ModeHTTP)
	case cfg.BotToken == "":
		return nil, errors.New("slack bot token is empty")
	case cfg.Mode == ModeSocket && cfg.AppToken == "":
		return nil, errors.New("slack socket mode needs an app-level token")
	case cfg.Mode == ModeHTTP && cfg.SigningSecret == "":
		return nil, errors.New("slack http mode needs the signing secret")
	case deps.Handler == nil:
		return nil, fmt.Errorf("slack adapter: %w", bot.ErrNoHandler)
	case deps.Inbox == nil:
		return nil, fmt.Errorf("slack adapter: %w", bot.ErrNoInbox)
	}
	deps = deps.WithDefaults()
	a := &Adapter{
		client: newClient(cfg, deps), mode: cfg.Mode, signingSecret: []byte(cfg.SigningSecret), appToken: cfg.AppToken,
		bot: deps.Handler, inbox: deps.Inbox, now: deps.Now,
		readyErr: errors.New("slack: not connected yet"),
	}
	deps.Inbox.Register(a)
	return a, nil
}

// Routes adds the HTTP-mode endpoints, each behind signature verification:
// POST /slack/events, POST /slack/commands and POST /slack/interactions
// (the buttons under answers). In Socket Mode it adds none.
func (a *Adapter) Routes(mux *http.ServeMux) {
	if a.mode != ModeHTTP {
		return
	}
	mux.Handle("POST /slack/events", a.verified(http.HandlerFunc(a.serveEvents)))
	mux.Handle("POST /slack/commands", a.verified(http.HandlerFunc(a.serveCommands)))
	mux.Handle("POST /slack/interactions", a.verified(http.HandlerFunc(a.serveInteractions)))
}

// Events is the verified Events API endpoint, for mounting elsewhere.
func (a *Adapter) Events() http.Handler { return a.verified(http.HandlerFunc(a.serveEvents)) }

// Commands is the verified slash command endpoint.
func (a *Adapter) Commands() http.Handler { return a.verified(http.HandlerFunc(a.serveCommands)) }

func (a *Adapter) verified(h http.Handler) http.Handler {
	return Verify(a.signingSecret, a.now, func(r *http.Request, err error) {
		if errors.Is(err, ErrNoSignature) || errors.Is(err, ErrStale) || errors.Is(err, ErrBadSignature) {
			a.metrics.SignatureFailures.WithLabelValues(platform).Inc()
		}
		a.log.Warn("rejected request", slog.String("path", r.URL.Path), slog.String("remote", r.RemoteAddr), slog.Any("err", err))
	}, h)
}

// Run learns Parley's identity (auth.test) and, in Socket Mode, holds the
// connection to Slack, until ctx is done. It returns an error only when
// Slack refuses the tokens. Answers in flight belong to the inbox, which
// serve drains on the way out.
func (a *Adapter) Run(ctx context.Context) error {
	if err := a.authenticate(ctx); err != nil {
		if ctx.Err() != nil {
			return nil
		}
		return err
	}
	var err error
	if a.mode == ModeSocket {
		err = a.runSocket(ctx)
	} else {
		a.setReady(nil)
		<-ctx.Done()
	}
	a.setReady(errors.New("slack: stopped"))
	return err
}

// authenticate calls auth.test until it succeeds, Slack refuses the token
// (an error) or ctx is done.
func (a *Adapter) authenticate(ctx context.Context) error {
	var res *slack.AuthTestResponse
	for backoff := firstBackoff; ; backoff = min(2*backoff, 30*time.Second) {
		err := a.call(ctx, "auth.test", "", "", func(ctx context.Context) error {
			var err error
			res, err = a.api.AuthTestContext(ctx)
			return err
		})
		if err == nil {
			break
		}
		var refused slack.SlackErrorResponse
		if errors.As(err, &refused) {
			a.setReady(fmt.Errorf("slack: auth.test: %w", err))
			return fmt.Errorf("slack bot token refused (auth.test): %w", err)
		}
		a.setReady(fmt.Errorf("slack: auth.test: %w", err))
		if err := a.sleep(ctx, backoff); err != nil {
			return err
		}
	}
	a.mu.Lock()
	a.self = identity{UserID: res.UserID, BotID: res.BotID}
	a.mu.Unlock()
	a.log.Info("slack authenticated", slog.String("bot_user", res.UserID), slog.String("team", res.TeamID), slog.String("mode", a.mode))
	return nil
}

// Ready reports nil once Parley can take events: authenticated and, in
// Socket Mode, connected.
func (a *Adapter) Ready() error {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.readyErr
}

func (a *Adapter) setReady(err error) {
	a.mu.Lock()
	a.readyErr = err
	a.mu.Unlock()
}

func (a *Adapter) identity() identity {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.self
}

// Platform is "slack": the inbox's and the metrics' name for Slack.
func (a *Adapter) Platform() string { return platform }

var _ bot.Deliverer = (*Adapter)(nil)
