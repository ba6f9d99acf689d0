package main

import (
	"context"
	"net/http"
	"runtime/debug"

	"github.com/parley-bot/parley/answers"
	"github.com/parley-bot/parley/store/fetch"
	"github.com/parley-bot/parley/store/web"
)

// version is the module version the binary was built from, or "dev".
func version() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "dev"
}

// userAgent names Parley and its version on every web request, with where
// to read about it, as polite crawlers do.
func userAgent() string {
	return "Parley/" + version() + " (+https://github.com/parley-bot/parley)"
}

// webIngester wires fetching, reading and storing web articles; facts are
// built for each article added or changed, so a running bot answers from
// it at its next question.
func (m *Main) webIngester(allowPrivate bool) *web.Ingester {
	delay := m.Config.Ingest.HostDelay
	if delay == 0 {
		delay = -1 // fetch.Options: none
	}
	client := fetch.New(fetch.Options{
		UserAgent:    userAgent(),
		AllowPrivate: allowPrivate || m.Config.Ingest.AllowPrivate,
		MinDelay:     delay,
		Logger:       m.Log,
	})
	return web.New(m.Store, web.Options{
		Client:  client,
		Logger:  m.Log,
		Metrics: m.WebMetrics,
		Now:     m.Now,
		Analyze: func(ctx context.Context, ids ...string) error {
			return answers.BuildFacts(ctx, m.Store, ids...)
		},
	})
}

// feedsComponent keeps the configured feeds current in `parley serve`.
type feedsComponent struct {
	poller *web.Poller
}

// newFeeds builds the feed poller, or nil when no feeds are configured.
func newFeeds(ctx context.Context, m *Main) (component, error) {
	if len(m.Config.Feeds) == 0 {
		return nil, nil
	}
	var sources []web.Source
	for _, f := range m.Config.Feeds {
		sources = append(sources, web.Source{URL: f.URL, Every: f.Every, Include: f.Include, Outlet: f.Outlet})
	}
	return &feedsComponent{poller: web.NewPoller(m.webIngester(false), sources, m.Log.With("job", "feeds"))}, nil
}

func (c *feedsComponent) Routes(*http.ServeMux)         {}
func (c *feedsComponent) Ready() error                  { return nil }
func (c *feedsComponent) Run(ctx context.Context) error { return c.poller.Run(ctx) }
