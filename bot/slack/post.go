package slack

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"path"
	"strconv"
	"time"

	"github.com/slack-go/slack"

	"github.com/parley-bot/parley/bot"
)

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

// platform is the label in metrics, dedupe keys and bot requests.
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
// bounds above. Every failure is logged with the channel and event id.
func (a *Adapter) call(ctx context.Context, method, channel, eventID string, f func(ctx context.Context) error) error {
	log := a.log.With(slog.String("method", method), slog.String("channel", channel), slog.String("event_id", eventID))
	backoff := firstBackoff
	waits, netFails := 0, 0
	for {
		err := f(ctx)
		if err == nil {
			return nil
		}
		var wait time.Duration
		var rl *slack.RateLimitedError
		var status slack.StatusCodeError
		switch {
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
			a.metrics.RateLimitWaits.WithLabelValues(platform).Inc()
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
		a.metrics.Retries.WithLabelValues(platform, method).Inc()
		if err := a.sleep(ctx, wait); err != nil {
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
func (a *Adapter) postMessage(ctx context.Context, channel, thread, eventID string, m Message) (string, error) {
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
	err := a.call(ctx, "chat.postMessage", channel, eventID, func(ctx context.Context) error {
		var err error
		_, ts, err = a.api.PostMessageContext(ctx, channel, opts...)
		return err
	})
	return ts, err
}

// respond posts m through a slash command's response_url, visible to the
// whole channel. Slack accepts up to five posts per response_url within
// 30 minutes, wherever the command was used — also in channels Parley has
// not joined and in DMs — so slash commands answer through it.
func (a *Adapter) respond(ctx context.Context, responseURL, channel, eventID string, m Message) error {
	msg := &slack.WebhookMessage{
		Text: m.Text, Blocks: &slack.Blocks{BlockSet: m.Blocks},
		ResponseType: slack.ResponseTypeInChannel,
	}
	return a.call(ctx, "response_url", channel, eventID, func(ctx context.Context) error {
		return slack.PostWebhookCustomHTTPContext(ctx, responseURL, a.webhookHTTP, msg)
	})
}
