package slack

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"net/http/httptrace"
	"path"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/slack-go/slack"

	"github.com/parley-bot/parley/bot"
)

// client calls Slack's Web API and slash command response URLs within
// Parley's bounds: rate limits are waited out, failures that prove nothing
// went out are retried with backoff, and a post that may have gone out is
// never sent twice (bot.ErrMaybePosted). The adapter and the token-only
// Poster share it.
type client struct {
	api         *slack.Client
	httpClient  *http.Client
	webhookHTTP *http.Client
	metrics     *bot.Metrics
	log         *slog.Logger
	sleep       func(ctx context.Context, d time.Duration) error
}

// newClient builds a client from cfg's tokens, API URL, transport and
// sleep, with deps' metrics and log (deps has its defaults).
func newClient(cfg Config, deps bot.Deps) *client {
	if cfg.Sleep == nil {
		cfg.Sleep = sleepContext
	}
	if cfg.Transport == nil {
		cfg.Transport = http.DefaultTransport
	}
	if cfg.APIURL == "" {
		cfg.APIURL = slack.APIURL
	}
	if !strings.HasSuffix(cfg.APIURL, "/") {
		cfg.APIURL += "/" // slack-go appends the method name
	}
	c := &client{
		metrics: deps.Metrics, log: deps.Log.With(slog.String("adapter", platform)), sleep: cfg.Sleep,
		httpClient:  &http.Client{Timeout: 30 * time.Second, Transport: countingTransport{base: cfg.Transport, metrics: deps.Metrics}},
		webhookHTTP: &http.Client{Timeout: 30 * time.Second, Transport: countingTransport{base: cfg.Transport, metrics: deps.Metrics, method: "response_url"}},
	}
	opts := []slack.Option{slack.OptionAPIURL(cfg.APIURL), slack.OptionHTTPClient(c.httpClient)}
	if cfg.AppToken != "" {
		opts = append(opts, slack.OptionAppLevelToken(cfg.AppToken))
	}
	c.api = slack.New(cfg.BotToken, opts...)
	return c
}

// oncePerCall are the calls that create a message each time they reach
// Slack: they are never retried once the request has gone out.
var oncePerCall = map[string]bool{"chat.postMessage": true, "response_url": true}

// Bounds on retrying one Web API call. A rate-limited call is retried
// after Slack's Retry-After as often as maxRateLimitWaits allows (a reply
// is never dropped for a rate limit within that bound); a network or 5xx
// failure is retried maxNetworkRetries times with exponential backoff.
const (
	maxRateLimitWaits = 10
	maxNetworkRetries = 4
	firstBackoff      = 250 * time.Millisecond
	maxBackoff        = 8 * time.Second
	defaultRetryAfter = time.Second
)

// platform is the label in metrics, the inbox and bot requests.
const platform = "slack"

// countingTransport counts every HTTP call to Slack in APICalls by method
// (the last element of the URL path, or a fixed label) and status.
type countingTransport struct {
	base    http.RoundTripper
	metrics *bot.Metrics
	method  string // fixed method label; empty: from the URL path
}

func (t countingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	method := t.method
	if method == "" {
		method = path.Base(r.URL.Path)
	}
	resp, err := t.base.RoundTrip(r)
	status := "error"
	if err == nil {
		status = strconv.Itoa(resp.StatusCode)
	}
	t.metrics.APICalls.WithLabelValues(platform, method, status).Inc()
	return resp, err
}

// call runs one Web API call, retrying it on a rate limit (after
// Retry-After) and on network or server errors (with backoff), within the
// bounds above. A call that creates a message (oncePerCall) whose request
// went out with no answer back — the connection cut, the time run out —
// may have posted: it is not retried, and its error wraps
// bot.ErrMaybePosted. Every failure is logged with the channel and event
// id.
func (c *client) call(ctx context.Context, method, channel, eventID string, f func(ctx context.Context) error) error {
	log := c.log.With(slog.String("method", method), slog.String("channel", channel), slog.String("event_id", eventID))
	backoff := firstBackoff
	waits, netFails := 0, 0
	for try := 0; ; try++ {
		if try > 0 && oncePerCall[method] {
			// The wait may have outlasted the event's lease: post again
			// only if the inbox still holds the event.
			if err := bot.StillHeld(ctx); err != nil {
				log.Warn("slack call not sent again: the event is no longer held", slog.Any("err", err))
				return fmt.Errorf("%s: %w", method, err)
			}
		}
		var wrote atomic.Bool
		err := f(httptrace.WithClientTrace(ctx, &httptrace.ClientTrace{
			WroteRequest: func(i httptrace.WroteRequestInfo) {
				if i.Err == nil {
					wrote.Store(true)
				}
			},
		}))
		if err == nil {
			return nil
		}
		var wait time.Duration
		var rl *slack.RateLimitedError
		var status slack.StatusCodeError
		var refused slack.SlackErrorResponse
		answered := errors.As(err, &rl) || errors.As(err, &status) || errors.As(err, &refused)
		switch {
		case oncePerCall[method] && wrote.Load() && !answered:
			log.Error("slack call went out and no answer came back; it may have posted, so it is not sent again", slog.Any("err", err))
			return fmt.Errorf("%s: %w: %w", method, bot.ErrMaybePosted, err)
		case ctx.Err() != nil:
			log.Error("slack call abandoned", slog.Any("err", err))
			return fmt.Errorf("%s: %w", method, err)
		case errors.As(err, &rl), errors.As(err, &status) && status.Code == http.StatusTooManyRequests:
			waits++
			if waits > maxRateLimitWaits {
				log.Error("slack call still rate limited, giving up", slog.Int("waits", waits-1), slog.Any("err", err))
				return fmt.Errorf("%s: rate limited %d times: %w", method, waits-1, err)
			}
			wait = defaultRetryAfter
			if rl != nil && rl.RetryAfter > 0 {
				wait = rl.RetryAfter
			}
			c.metrics.RateLimitWaits.WithLabelValues(platform).Inc()
			log.Warn("slack rate limit, waiting", slog.Duration("retry_after", wait))
		case retryable(err):
			netFails++
			if netFails > maxNetworkRetries {
				log.Error("slack call failed, giving up", slog.Int("attempts", netFails), slog.Any("err", err))
				return fmt.Errorf("%s: %d attempts: %w", method, netFails, err)
			}
			// Full jitter keeps many retrying replies from moving in step.
			wait = backoff/2 + rand.N(backoff/2+1)
			backoff = min(2*backoff, maxBackoff)
			log.Warn("slack call failed, retrying", slog.Duration("backoff", wait), slog.Any("err", err))
		default:
			log.Error("slack call failed", slog.Any("err", err))
			return fmt.Errorf("%s: %w", method, err)
		}
		c.metrics.Retries.WithLabelValues(platform, method).Inc()
		if err := c.sleep(ctx, wait); err != nil {
			log.Error("slack call abandoned while waiting to retry", slog.Any("err", err))
			return fmt.Errorf("%s: %w", method, err)
		}
	}
}

// retryable reports whether err is worth another try: a network failure or
// a 5xx, not Slack saying no (an ok:false answer) or another 4xx.
func retryable(err error) bool {
	var refused slack.SlackErrorResponse
	if errors.As(err, &refused) {
		return false
	}
	var status slack.StatusCodeError
	if errors.As(err, &status) {
		return status.Code >= 500
	}
	return !errors.Is(err, context.Canceled) && !errors.Is(err, context.DeadlineExceeded)
}

// sleepContext waits for d or until ctx is done.
func sleepContext(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// postMessage posts m to channel (in thread, when not empty) with
// chat.postMessage and returns the message's ts.
func (c *client) postMessage(ctx context.Context, channel, thread, eventID string, m Message) (string, error) {
	opts := []slack.MsgOption{
		slack.MsgOptionText(m.Text, false),
		slack.MsgOptionBlocks(m.Blocks...),
		slack.MsgOptionDisableLinkUnfurl(),
		slack.MsgOptionDisableMediaUnfurl(),
	}
	if thread != "" {
		opts = append(opts, slack.MsgOptionTS(thread))
	}
	var ts string
	err := c.call(ctx, "chat.postMessage", channel, eventID, func(ctx context.Context) error {
		var err error
		_, ts, err = c.api.PostMessageContext(ctx, channel, opts...)
		return err
	})
	return ts, err
}

// respond posts m through a slash command's or an interaction's
// response_url, visible to the whole channel (slack.ResponseTypeInChannel)
// or to the user alone (slack.ResponseTypeEphemeral), never replacing the
// message the interaction came from. Slack accepts up to five posts per
// response_url within 30 minutes, wherever the command was used — also
// in channels Parley has not joined and in DMs — so slash commands answer
// through it.
func (c *client) respond(ctx context.Context, responseURL, channel, eventID string, m Message, responseType string) error {
	msg := &slack.WebhookMessage{
		Text: m.Text, Blocks: &slack.Blocks{BlockSet: m.Blocks},
		ResponseType: responseType,
	}
	return c.call(ctx, "response_url", channel, eventID, func(ctx context.Context) error {
		return slack.PostWebhookCustomHTTPContext(ctx, responseURL, c.webhookHTTP, msg)
	})
}
