package main

import (
	"context"
	"log/slog"
	"net/http"
	"strings"

	webpages "github.com/parley-bot/parley/bot/web"
)

// newWebPages builds the web pages for serve when web.enabled is set: the ask
// page, the summary and the articles, on http.listen beside the webhooks.
func newWebPages(ctx context.Context, m *Main) (component, error) {
	c := m.Config.Web
	if !c.Enabled {
		return nil, nil
	}
	proxies, err := parsePrefixes(c.TrustedProxies)
	if err != nil {
		return nil, err // Validate has already said which key
	}
	o := webpages.Config{
		Library: m.Store, Pool: m.Pool,
		Rate:           webpages.Rate{PerMinute: c.Rate.PerMinute, Burst: c.Rate.Burst},
		TrustedProxies: proxies,
		Prefix:         m.Links.Prefix(),
		Registry:       m.Registry,
	}
	if c.Auth.User != "" {
		o.Auth = &webpages.Credentials{User: c.Auth.User, Password: c.Auth.Password}
	} else {
		m.Log.Warn("web pages are enabled without web.auth: anyone who reaches http.listen can ask and read the articles")
	}
	if o.Auth != nil && strings.HasPrefix(m.Config.HTTP.PublicURL, "http://") {
		m.Log.Warn("web.auth over plain http: the password crosses the network readable; serve https in front of Parley")
	}
	deps := m.deps()
	deps.Log = m.Log.With("adapter", "web")
	s, err := webpages.New(o, deps)
	if err != nil {
		return nil, err
	}
	m.Log.Info("web pages enabled", slog.String("public_url", m.Config.HTTP.PublicURL),
		slog.Bool("auth", o.Auth != nil), slog.Int("asks_per_minute", c.Rate.PerMinute))
	return webPages{s}, nil
}

// webPages is the web adapter as a serve component: routes only; it has
// nothing to run or connect.
type webPages struct{ h http.Handler }

func (w webPages) Routes(mux *http.ServeMux) {
	for _, p := range webpages.Patterns() {
		mux.Handle(p, w.h)
	}
}

func (webPages) Run(ctx context.Context) error {
	<-ctx.Done()
	return nil
}

func (webPages) Ready() error { return nil }
