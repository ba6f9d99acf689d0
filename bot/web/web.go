// Package web is Parley's web adapter: a page to ask from, the daily
// summary, and the articles themselves, each sentence addressable
// (/articles/{id}#s12) so a citation opens on the very sentence it quotes,
// highlighted. Pages are rendered on the server with html/template and a
// small inline style sheet; there is no script, so they work with
// JavaScript off and under a Content-Security-Policy that allows none.
//
// A Server is an http.Handler, made as every adapter is made —
// New(Config, bot.Deps) — with the store's articles (Library, declared
// here as a small interface) in its Config.
package web

import (
	"context"
	"errors"
	"fmt"
	"html/template"
	"log/slog"
	"net/http"
	"net/netip"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/parley-bot/parley/bot"
	"github.com/parley-bot/parley/store"
)

// Library reads the articles Parley answers from. Ids are looked up, never
// used as file names.
type Library interface {
	Articles(ctx context.Context) ([]store.Article, error)
	Article(ctx context.Context, id string) (store.Article, error)
	// Body is the cleaned text, paragraphs separated by a blank line.
	Body(ctx context.Context, id string) (string, error)
	Sentences(ctx context.Context, articleIDs ...string) ([]store.Sentence, error)
}

// The routes a Server answers, in http.ServeMux syntax.
const (
	routeAsk      = "GET /{$}"
	routeSummary  = "GET /summary"
	routeArticles = "GET /articles"
	routeArticle  = "GET /articles/{id}"
)

// Patterns are the routes a Server answers, in http.ServeMux syntax; the
// caller registers the Server under each on its own mux, beside its own
// routes. Every other method on them is 405; every other path 404.
func Patterns() []string {
	return []string{routeAsk, routeSummary, routeArticles, routeArticle}
}

// Credentials are the user and password of HTTP basic auth.
type Credentials struct {
	User     string
	Password string
}

// Rate is the per-client limit on asks (and summaries, which cost as
// much): a token bucket of Burst asks refilled at PerMinute a minute.
type Rate struct {
	PerMinute int
	Burst     int
}

// Defaults for Options left zero.
const (
	// DefaultPerMinute and DefaultBurst let a person ask freely and stop
	// a script: 30 asks a minute, 10 at once.
	DefaultPerMinute = 30
	DefaultBurst     = 10
	// DefaultAskTimeout bounds one ask, well inside serve's write timeout.
	DefaultAskTimeout = 10 * time.Second
)

// Config is the web adapter's own settings. Library is required.
type Config struct {
	Library Library
	// Pool bounds answers in flight, shared with the other adapters; when
	// it is full the page says "busy, try again" (503). Nil: asks run on
	// the request's goroutine.
	Pool *bot.Pool
	// Auth, when set, guards every page with HTTP basic auth.
	Auth *Credentials
	// Rate limits asks per client; zero fields take the defaults.
	Rate Rate
	// TrustedProxies are the addresses of reverse proxies whose
	// X-Forwarded-For names the client. A request from anywhere else is
	// limited by its own address, whatever it claims.
	TrustedProxies []netip.Prefix
	// Prefix is the path the pages are reached under behind a proxy that
	// strips it ("/parley"), or "" at the root; links in pages carry it.
	Prefix string
	// Registry, when set, receives the web's own metrics.
	Registry prometheus.Registerer
	// AskTimeout bounds one ask; zero means DefaultAskTimeout.
	AskTimeout time.Duration
}

// Server serves Parley's web pages. It is safe for concurrent use.
type Server struct {
	bot      bot.Handler
	lib      Library
	pool     *bot.Pool
	auth     *credentials
	limiter  *limiter
	clients  clientIP
	prefix   string
	log      *slog.Logger
	timeout  time.Duration
	rejected *prometheus.CounterVec
	pages    map[string]*template.Template
	handler  http.Handler
}

// New checks cfg and returns a Server answering with deps.Handler
// (required); deps.Log and deps.Now (the rate limiter's clock) are
// optional. The pages need no inbox: the person waits for the page.
func New(o Config, deps bot.Deps) (*Server, error) {
	switch {
	case deps.Handler == nil:
		return nil, fmt.Errorf("web adapter: %w", bot.ErrNoHandler)
	case o.Library == nil:
		return nil, errors.New("web adapter needs a library of articles")
	case o.Auth != nil && (o.Auth.User == "" || o.Auth.Password == ""):
		return nil, errors.New("web basic auth needs both a user and a password")
	case o.Rate.PerMinute < 0 || o.Rate.Burst < 0:
		return nil, fmt.Errorf("web rate %d/min, burst %d: must not be negative", o.Rate.PerMinute, o.Rate.Burst)
	case o.Prefix != "" && (!strings.HasPrefix(o.Prefix, "/") || strings.HasSuffix(o.Prefix, "/")):
		return nil, fmt.Errorf("web prefix %q must start and not end with /", o.Prefix)
	}
	if o.Rate.PerMinute == 0 {
		o.Rate.PerMinute = DefaultPerMinute
	}
	if o.Rate.Burst == 0 {
		o.Rate.Burst = DefaultBurst
	}
	deps = deps.WithDefaults()
	if o.AskTimeout <= 0 {
		o.AskTimeout = DefaultAskTimeout
	}
	s := &Server{
		bot: deps.Handler, lib: o.Library, pool: o.Pool,
		limiter: newLimiter(o.Rate, deps.Now),
		clients: clientIP{trusted: o.TrustedProxies},
		prefix:  o.Prefix, log: deps.Log, timeout: o.AskTimeout,
		rejected: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "parley_web_rejected_total", Help: "Web requests refused, by reason: rate (too many asks) or auth (bad or missing credentials).",
		}, []string{"reason"}),
	}
	if o.Auth != nil {
		s.auth = newCredentials(*o.Auth)
	}
	var err error
	if s.pages, err = parsePages(o.Prefix); err != nil {
		return nil, fmt.Errorf("web templates: %w", err)
	}
	if o.Registry != nil {
		if err := o.Registry.Register(s.rejected); err != nil {
			var are prometheus.AlreadyRegisteredError
			if !errors.As(err, &are) {
				return nil, fmt.Errorf("register web metrics: %w", err)
			}
			s.rejected = are.ExistingCollector.(*prometheus.CounterVec)
		}
	}
	mux := http.NewServeMux()
	mux.HandleFunc(routeAsk, s.ask)
	mux.HandleFunc(routeSummary, s.summary)
	mux.HandleFunc(routeArticles, s.articles)
	mux.HandleFunc(routeArticle, s.article)
	s.handler = secure(s.guard(mux))
	return s, nil
}

// ServeHTTP serves one page.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.handler.ServeHTTP(w, r)
}
