package web

import (
	"errors"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/parley-bot/parley/store"
	"github.com/parley-bot/parley/store/fetch"
)

// Metrics count web ingest for /metrics. A nil *Metrics counts nothing.
type Metrics struct {
	// Fetches counts HTTP fetches by kind (page, feed) and outcome:
	// fetched, not_modified (a 304 that cost nothing) or failed.
	Fetches *prometheus.CounterVec
	// Failures counts failed fetches by kind and reason: status (an HTTP
	// error), too_large, private, robots, timeout or other.
	Failures *prometheus.CounterVec
	// Articles counts web articles stored, by result: added, updated or unchanged.
	Articles *prometheus.CounterVec
}

// NewMetrics creates the metrics and registers them with reg (nil: not exported).
func NewMetrics(reg prometheus.Registerer) *Metrics {
	m := &Metrics{
		Fetches: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "parley_web_fetches_total", Help: "Web fetches by kind (page, feed) and outcome (fetched, not_modified, failed).",
		}, []string{"kind", "outcome"}),
		Failures: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "parley_web_fetch_failures_total", Help: "Failed web fetches by kind and reason.",
		}, []string{"kind", "reason"}),
		Articles: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "parley_web_articles_total", Help: "Web articles stored, by result (added, updated, unchanged).",
		}, []string{"result"}),
	}
	if reg != nil {
		reg.MustRegister(m.Fetches, m.Failures, m.Articles)
	}
	return m
}

func (m *Metrics) fetched(kind fetch.Kind, notModified bool, err error) {
	if m == nil {
		return
	}
	switch {
	case err != nil:
		m.Fetches.WithLabelValues(kind.String(), "failed").Inc()
		m.Failures.WithLabelValues(kind.String(), reason(err)).Inc()
	case notModified:
		m.Fetches.WithLabelValues(kind.String(), "not_modified").Inc()
	default:
		m.Fetches.WithLabelValues(kind.String(), "fetched").Inc()
	}
}

func (m *Metrics) article(r store.IngestResult) {
	if m != nil {
		m.Articles.WithLabelValues(r.String()).Inc()
	}
}

func reason(err error) string {
	var se *fetch.StatusError
	switch {
	case errors.As(err, &se):
		return "status"
	case errors.Is(err, fetch.ErrTooLarge):
		return "too_large"
	case errors.Is(err, fetch.ErrPrivate):
		return "private"
	case errors.Is(err, fetch.ErrRobots):
		return "robots"
	case errors.Is(err, fetch.ErrRedirects):
		return "redirects"
	case errors.Is(err, fetch.ErrScheme):
		return "scheme"
	case errors.Is(err, fetch.ErrTimeout):
		return "timeout"
	}
	return "other"
}
