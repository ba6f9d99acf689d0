// Package slack is Parley's Slack adapter: it receives mentions, direct
// messages and the /ask slash command — over Socket Mode or over signed
// HTTP requests — acknowledges them at once, answers them through the
// platform-independent bot core, and posts the reply as Block Kit. It is
// the only package that imports slack-go.
//
// One question gets one answer: events are deduplicated by event_id in
// the store, Web API calls wait out rate limits and retry, and nothing a
// user types can make Parley ping anyone.
package slack

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/slack-go/slack"

	"github.com/parley-bot/parley/answers"
	"github.com/parley-bot/parley/bot"
)

// The ways Slack delivers events to Parley.
const (
	ModeSocket = "socket" // Socket Mode: Parley dials out; no public URL needed
	ModeHTTP   = "http"   // Events API and slash commands as signed HTTP requests
)

// Replier is what the adapter needs of the bot core: one reply per
// request, never failing.
type Replier interface {
	Handle(ctx context.Context, req bot.Request) bot.Reply
}

// Dedupe records event ids, so a retried or redelivered event is answered
// once; *store.Store implements it, durably across restarts.
type Dedupe interface {
	FirstSeen(ctx context.Context, platform, eventID string, now time.Time) (bool, error)
	// ForgetEvent undoes FirstSeen for an event Parley could not take on,
	// so Slack's redelivery of it is answered.
	ForgetEvent(ctx context.Context, platform, eventID string) error
}

// forgetter is the optional part of a Dedupe that drops old event ids;
// *store.Store has it. Slack stops retrying an event within an hour, so
// ids older than keepEvents are no longer needed.
type forgetter interface {
	ForgetEvents(ctx context.Context, cutoff time.Time) (int64, error)
}

// keepEvents is how long event ids are kept for deduplication.
const keepEvents = 24 * time.Hour

// Options configure an Adapter. BotToken, Bot, Dedupe and Pool are
// required; AppToken in socket mode and SigningSecret in HTTP mode.
type Options struct {
	Mode          string // ModeSocket or ModeHTTP
	BotToken      string // xoxb-…
	AppToken      string // xapp-…, Socket Mode
	SigningSecret string // HTTP mode
	// APIURL is the Web API base, ending in a slash; empty means Slack's.
	APIURL string

	Bot     Replier
	Dedupe  Dedupe
	Pool    *bot.Pool
	Metrics *bot.Metrics // nil: counted but not exported
	Log     *slog.Logger // nil: discarded

	// Now is the clock for signature checks and dedupe; nil means time.Now.
	Now func() time.Time
	// Sleep waits between retries; nil means a timer. Tests record the
	// waits instead of sleeping through them.
	Sleep func(ctx context.Context, d time.Duration) error
	// Transport carries HTTP calls to Slack; nil means http.DefaultTransport.
	Transport http.RoundTripper
	// AnswerTimeout bounds answering and posting one message, including
	// rate-limit waits; zero means two minutes.
	AnswerTimeout time.Duration
}

// Adapter is the Slack side of Parley. It is an http.Handler provider
// (Routes), a long-running task (Run) and a bot.Poster for the daily
// summary. It is safe for concurrent use.
type Adapter struct {
	mode          string
	signingSecret []byte
	api           *slack.Client
	apiURL        string
	appToken      string
	httpClient    *http.Client
	webhookHTTP   *http.Client

	bot     Replier
	dedupe  Dedupe
	pool    *bot.Pool
	notices *bot.Pool // busy notices when pool is full
	metrics *bot.Metrics
	log     *slog.Logger
	now     func() time.Time
	sleep   func(ctx context.Context, d time.Duration) error
	timeout time.Duration

	mu       sync.Mutex
	self     identity // who Parley is in this workspace, from auth.test
	readyErr error
}

// identity is Parley's own user and bot id, to ignore its own messages and
// strip mentions of itself.
type identity struct {
	UserID, BotID string
}

// New checks the options and returns an adapter; nothing is sent to Slack
// until Run.
func New(o Options) (*Adapter, error) {
	switch {
	case o.Mode != ModeSocket && o.Mode != ModeHTTP:
		return nil, fmt.Errorf("slack mode %q is not %s or %s", o.Mode, ModeSocket, ModeHTTP)
	case o.BotToken == "":
		return nil, errors.New("slack bot token is empty")
	case o.Mode == ModeSocket && o.AppToken == "":
		return nil, errors.New("slack socket mode needs an app-level token")
	case o.Mode == ModeHTTP && o.SigningSecret == "":
		return nil, errors.New("slack http mode needs the signing secret")
	case o.Bot == nil || o.Dedupe == nil || o.Pool == nil:
		return nil, errors.New("slack adapter needs a bot, a dedupe store and a worker pool")
	}
	if o.Metrics == nil {
		o.Metrics = bot.NewMetrics(nil)
	}
	if o.Log == nil {
		o.Log = slog.New(slog.DiscardHandler)
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Sleep == nil {
		o.Sleep = sleepContext
	}
	if o.Transport == nil {
		o.Transport = http.DefaultTransport
	}
	if o.AnswerTimeout <= 0 {
		o.AnswerTimeout = 2 * time.Minute
	}
	if o.APIURL == "" {
		o.APIURL = slack.APIURL
	}
	if !strings.HasSuffix(o.APIURL, "/") {
		o.APIURL += "/" // slack-go appends the method name
	}
	a := &Adapter{
		mode: o.Mode, signingSecret: []byte(o.SigningSecret), apiURL: o.APIURL, appToken: o.AppToken,
		bot: o.Bot, dedupe: o.Dedupe, pool: o.Pool, notices: bot.NewPool(4),
		metrics: o.Metrics, log: o.Log.With(slog.String("adapter", platform)),
		now: o.Now, sleep: o.Sleep, timeout: o.AnswerTimeout,
		readyErr: errors.New("slack: not connected yet"),
	}
	a.httpClient = &http.Client{Timeout: 30 * time.Second, Transport: countingTransport{base: o.Transport, metrics: o.Metrics}}
	a.webhookHTTP = &http.Client{Timeout: 30 * time.Second, Transport: countingTransport{base: o.Transport, metrics: o.Metrics, method: "response_url"}}
	opts := []slack.Option{slack.OptionAPIURL(o.APIURL), slack.OptionHTTPClient(a.httpClient)}
	if o.AppToken != "" {
		opts = append(opts, slack.OptionAppLevelToken(o.AppToken))
	}
	a.api = slack.New(o.BotToken, opts...)
	return a, nil
}

// Routes adds the HTTP-mode endpoints, each behind signature verification:
// POST /slack/events and POST /slack/commands. In Socket Mode it adds none.
func (a *Adapter) Routes(mux *http.ServeMux) {
	if a.mode != ModeHTTP {
		return
	}
	mux.Handle("POST /slack/events", a.verified(http.HandlerFunc(a.serveEvents)))
	mux.Handle("POST /slack/commands", a.verified(http.HandlerFunc(a.serveCommands)))
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
// connection to Slack, until ctx is done. On the way out it waits briefly
// for answers in flight. It returns an error only when Slack refuses the
// tokens.
func (a *Adapter) Run(ctx context.Context) error {
	if err := a.authenticate(ctx); err != nil {
		if ctx.Err() != nil {
			return nil
		}
		return err
	}
	var err error
	if a.mode == ModeSocket {
		pctx, stop := context.WithCancel(ctx)
		go a.forgetOldEvents(pctx)
		err = a.runSocket(ctx)
		stop()
	} else {
		a.setReady(nil)
		a.forgetOldEvents(ctx)
	}
	a.setReady(errors.New("slack: stopped"))
	drain, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	if werr := a.pool.Wait(drain); werr != nil {
		a.log.Warn("answers still in flight at shutdown", slog.Any("err", werr))
	}
	if werr := a.notices.Wait(drain); werr != nil {
		a.log.Warn("busy notices still in flight at shutdown", slog.Any("err", werr))
	}
	return err
}

// forgetOldEvents prunes the dedupe log hourly until ctx is done.
func (a *Adapter) forgetOldEvents(ctx context.Context) {
	f, ok := a.dedupe.(forgetter)
	tick := time.NewTicker(time.Hour)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
			if !ok {
				continue
			}
			if n, err := f.ForgetEvents(ctx, a.now().Add(-keepEvents)); err != nil {
				a.log.Warn("prune event log", slog.Any("err", err))
			} else if n > 0 {
				a.log.Debug("pruned event log", slog.Int64("events", n))
			}
		}
	}
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

// Platform is "slack", for the post log and metrics.
func (a *Adapter) Platform() string { return platform }

// PostSummary posts the daily summary to channel as Block Kit and returns
// the message's ts. It honours rate limits like every other post.
func (a *Adapter) PostSummary(ctx context.Context, channel string, s answers.Summary) (string, error) {
	ts, err := a.postMessage(ctx, channel, "", "summary:"+s.Date, RenderSummary(s))
	if err != nil {
		return "", fmt.Errorf("post summary to slack %s: %w", channel, err)
	}
	return ts, nil
}

var _ bot.Poster = (*Adapter)(nil)
