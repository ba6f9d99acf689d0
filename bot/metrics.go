package bot

import (
	"fmt"

	"github.com/prometheus/client_golang/prometheus"
)

// Metrics are the counters and histograms every part of the bot reports
// to, in Prometheus form. Adapters share one Metrics, so /metrics shows
// Slack and Discord side by side under a platform label.
type Metrics struct {
	// Questions counts handled requests by platform and outcome:
	// answered, refused, help, sources, summary, busy or error.
	Questions *prometheus.CounterVec
	// AnswerSeconds is the time from request to reply, by platform.
	AnswerSeconds *prometheus.HistogramVec
	// Deduplicated counts platform events dropped as retries or
	// redeliveries of an event already handled, by platform.
	Deduplicated *prometheus.CounterVec
	// SignatureFailures counts requests rejected for a missing, stale or
	// wrong signature, by platform.
	SignatureFailures *prometheus.CounterVec
	// APICalls counts calls to a platform's API by platform, method and
	// status (an HTTP status code, or "error" for a network failure).
	APICalls *prometheus.CounterVec
	// Retries counts retried platform API calls, by platform and method.
	Retries *prometheus.CounterVec
	// RateLimitWaits counts waits on a platform's rate limit, by platform.
	RateLimitWaits *prometheus.CounterVec
	// SummaryPosts counts daily summary posts by platform and outcome:
	// posted, skipped (already posted) or failed.
	SummaryPosts *prometheus.CounterVec
	// Inbox counts events through the inbox by platform and step:
	// received, resumed (taken up again after a crash, a stop or an
	// overload), and their outcomes answered, failed and maybe_posted.
	Inbox *prometheus.CounterVec
	// Feedback counts verdicts on answers by platform, verdict (helpful
	// or wrong) and outcome: recorded, changed (a change of mind) or
	// repeated (a second click, counted once in the store).
	Feedback *prometheus.CounterVec
	// ReportPosts counts weekly report posts by platform and outcome:
	// posted, skipped or failed.
	ReportPosts *prometheus.CounterVec
}

// NewMetrics creates the metrics and registers them with reg; with a nil
// reg they work but are not exported, which suits tests and the CLI.
func NewMetrics(reg prometheus.Registerer) *Metrics {
	m := &Metrics{
		Questions: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "parley_questions_total", Help: "Requests handled, by platform and outcome.",
		}, []string{"platform", "outcome"}),
		AnswerSeconds: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "parley_answer_seconds", Help: "Time from request to reply, by platform.",
			Buckets: []float64{.0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5},
		}, []string{"platform"}),
		Deduplicated: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "parley_events_deduplicated_total", Help: "Platform events dropped as retries or redeliveries, by platform.",
		}, []string{"platform"}),
		SignatureFailures: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "parley_signature_failures_total", Help: "Requests rejected for a missing, stale or wrong signature, by platform.",
		}, []string{"platform"}),
		APICalls: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "parley_platform_api_calls_total", Help: "Platform API calls, by platform, method and status.",
		}, []string{"platform", "method", "status"}),
		Retries: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "parley_platform_api_retries_total", Help: "Retried platform API calls, by platform and method.",
		}, []string{"platform", "method"}),
		RateLimitWaits: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "parley_rate_limit_waits_total", Help: "Waits on a platform's rate limit, by platform.",
		}, []string{"platform"}),
		SummaryPosts: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "parley_summary_posts_total", Help: "Daily summary posts, by platform and outcome.",
		}, []string{"platform", "outcome"}),
		Inbox: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "parley_inbox_events_total", Help: "Events through the inbox, by platform and step: received, resumed, answered, failed, maybe_posted, superseded (lease lost before posting: not posted), unconfirmed (lease not confirmed, database unreachable: not posted).",
		}, []string{"platform", "step"}),
		Feedback: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "parley_feedback_total", Help: "Verdicts on answers, by platform, verdict (helpful, wrong) and outcome (recorded, changed, repeated).",
		}, []string{"platform", "verdict", "outcome"}),
		ReportPosts: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "parley_report_posts_total", Help: "Weekly report posts, by platform and outcome.",
		}, []string{"platform", "outcome"}),
	}
	if reg != nil {
		reg.MustRegister(m.Questions, m.AnswerSeconds, m.Deduplicated, m.SignatureFailures,
			m.APICalls, m.Retries, m.RateLimitWaits, m.SummaryPosts, m.Inbox, m.Feedback, m.ReportPosts)
	}
	return m
}

// RegisterPool exports p's size, tasks running and tasks refused with reg
// (parley_pool_workers, parley_pool_running, parley_pool_rejected_total),
// so operators see a saturated pool before users complain.
func RegisterPool(reg prometheus.Registerer, p *Pool) error {
	for _, c := range []prometheus.Collector{
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Name: "parley_pool_workers", Help: "Answers that may run at once (serve.workers).",
		}, func() float64 { return float64(p.Size()) }),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Name: "parley_pool_running", Help: "Answers running now.",
		}, func() float64 { return float64(p.Running()) }),
		prometheus.NewCounterFunc(prometheus.CounterOpts{
			Name: "parley_pool_rejected_total", Help: "Answers refused with \"busy, try again\" because every worker was busy.",
		}, func() float64 { return float64(p.Rejected()) }),
	} {
		if err := reg.Register(c); err != nil {
			return fmt.Errorf("register pool metrics: %w", err)
		}
	}
	return nil
}
