package discord

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptrace"
	"net/url"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/parley-bot/parley/bot"
)

// The API operations Parley performs, as the "method" label of its metrics
// and the "op" of its logs.
const (
	opRegister = "bulk_overwrite_commands"
	opCallback = "interaction_callback"
	opEdit     = "edit_original_response"
	opFollowup = "followup_message"
	opDelete   = "delete_original_response"
	opPost     = "channel_message"
)

// retryPolicy bounds retries so Parley never hammers Discord, which bans
// an IP for a while after 10,000 invalid requests (401, 403, 429) in ten
// minutes.
type retryPolicy struct {
	attempts int           // tries in all, the first included
	maxWait  time.Duration // the longest retry_after Parley waits out
	backoff  time.Duration // first pause after a 5xx or network error; doubles
}

var defaultRetry = retryPolicy{attempts: 4, maxWait: time.Minute, backoff: 500 * time.Millisecond}

// rest calls Discord's REST API within Parley's bounds; the adapter and
// the token-only Poster share it.
type rest struct {
	session *discordgo.Session
	retry   retryPolicy
	metrics *bot.Metrics
	log     *slog.Logger
}

// createsMessage reports whether op makes a new message each time it
// reaches Discord, so that it must not be sent twice.
func createsMessage(op string) bool { return op == opPost || op == opFollowup }

// call runs one API operation f with ctx, retrying on 429 (after the
// retry_after Discord asks for), on 5xx and on network errors that left
// the request unsent (any, for operations that create no message), at
// most retry.attempts times. 4xx other than 429 is never retried. An
// operation that creates a message whose request went out with no usable
// answer back (the connection cut, the time run out, a 2xx cut short) may
// have posted: its error wraps bot.ErrMaybePosted and it is not retried.
// It logs each retry with the interaction id; the caller logs the final
// failure.
func (a *rest) call(ctx context.Context, op, interactionID string, f func(...discordgo.RequestOption) error) error {
	backoff := a.retry.backoff
	for attempt := 1; ; attempt++ {
		at := &apiAttempt{op: op}
		trace := &httptrace.ClientTrace{WroteRequest: func(i httptrace.WroteRequestInfo) {
			if i.Err == nil {
				at.wrote.Store(true)
			}
		}}
		err := f(discordgo.WithContext(httptrace.WithClientTrace(context.WithValue(ctx, attemptKey{}, at), trace)))
		if err == nil {
			return nil
		}
		if createsMessage(op) && at.wrote.Load() && (at.status == 0 || at.status/100 == 2) {
			return fmt.Errorf("%s: %w: %w", op, bot.ErrMaybePosted, err)
		}
		wait, limited, retryable := classify(err, at.status, backoff, !createsMessage(op) || !at.wrote.Load())
		if limited && wait > a.retry.maxWait {
			return fmt.Errorf("%s: rate limited for %s, longer than Parley waits: %w", op, wait, err)
		}
		if !retryable || attempt >= a.retry.attempts || ctx.Err() != nil {
			return fmt.Errorf("%s (attempt %d): %w", op, attempt, err)
		}
		a.metrics.Retries.WithLabelValues(Platform, op).Inc()
		if limited {
			a.metrics.RateLimitWaits.WithLabelValues(Platform).Inc()
		}
		a.log.Warn("retrying discord api call", slog.String("op", op), slog.String("interaction_id", interactionID),
			slog.Int("attempt", attempt), slog.Duration("wait", wait), slog.Bool("rate_limited", limited), slog.String("err", errText(err)))
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return fmt.Errorf("%s: gave up waiting to retry: %w", op, ctx.Err())
		case <-t.C:
		}
		if createsMessage(op) {
			// The wait may have outlasted the event's lease: post again
			// only if the inbox still holds the event.
			if err := bot.StillHeld(ctx); err != nil {
				return fmt.Errorf("%s: %w", op, err)
			}
		}
		if !limited {
			backoff *= 2
		}
	}
}

// classify says how long to wait before retrying err, whether that wait
// is a rate limit, and whether to retry at all. status is the HTTP status
// the transport saw (0 when no response came): discordgo reports some
// statuses (a 502) only in an error string. safe says a network error may
// be retried: the operation creates no message, or its request never
// went out.
func classify(err error, status int, backoff time.Duration, safe bool) (wait time.Duration, limited, retry bool) {
	switch {
	case status == http.StatusTooManyRequests:
		wait = time.Second // no retry_after to go by
		var rl *discordgo.RateLimitError
		if errors.As(err, &rl) {
			wait = max(rl.RetryAfter, 0)
		}
		return wait, true, true
	case status >= 500:
		return backoff, false, true
	case status != 0:
		// 4xx: retrying cannot help and counts towards Discord's ban
		// limit; a 2xx with an unreadable body was delivered.
		return 0, false, false
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return 0, false, false
	}
	var uerr *url.Error
	if errors.As(err, &uerr) && safe {
		return backoff, false, true
	}
	return 0, false, false
}

// errText is err for a log line, without the URL (interaction tokens are
// part of webhook paths and must not reach the log).
func errText(err error) string {
	var rest *discordgo.RESTError
	if errors.As(err, &rest) && rest.Response != nil {
		msg := ""
		if rest.Message != nil {
			msg = rest.Message.Message
		}
		return strings.TrimSpace("HTTP " + strconv.Itoa(rest.Response.StatusCode) + " " + msg)
	}
	var rl *discordgo.RateLimitError
	if errors.As(err, &rl) {
		return "rate limited, retry after " + rl.RetryAfter.String()
	}
	var uerr *url.Error
	if errors.As(err, &uerr) {
		return uerr.Op + ": " + uerr.Err.Error()
	}
	return err.Error()
}

// apiAttempt is one try of an API operation, carried to the transport in
// the request's context: the transport labels its metrics with op and
// notes the status it saw; the client trace notes that the request went
// out whole.
type apiAttempt struct {
	op     string
	status int
	wrote  atomic.Bool
}

type attemptKey struct{}

// transport is discordgo's HTTP client transport: it points every request
// at the configured API base (discordgo's endpoints are package variables
// fixed to discord.com, which Parley never mutates), counts each call in
// APICalls, and makes every 429 readable by discordgo.
type transport struct {
	base    http.RoundTripper
	rewrite *url.URL // nil: leave requests as they are
	metrics *bot.Metrics
}

// RoundTrip implements http.RoundTripper.
func (t *transport) RoundTrip(req *http.Request) (*http.Response, error) {
	at, _ := req.Context().Value(attemptKey{}).(*apiAttempt)
	op := strings.ToLower(req.Method)
	if at != nil {
		op = at.op
	}
	if t.rewrite != nil {
		req = req.Clone(req.Context())
		req.URL.Scheme = t.rewrite.Scheme
		req.URL.Host = t.rewrite.Host
		if p := strings.TrimSuffix(t.rewrite.Path, "/"); p != "" {
			req.URL.Path = p + req.URL.Path
			req.URL.RawPath = ""
		}
		req.Host = ""
	}
	resp, err := t.base.RoundTrip(req)
	if err != nil {
		t.metrics.APICalls.WithLabelValues(Platform, op, "error").Inc()
		return nil, err
	}
	t.metrics.APICalls.WithLabelValues(Platform, op, strconv.Itoa(resp.StatusCode)).Inc()
	if at != nil {
		at.status = resp.StatusCode
	}
	if resp.StatusCode == http.StatusTooManyRequests {
		normalize429(resp)
	}
	return resp, nil
}

// normalize429 makes sure a 429's body is the JSON discordgo expects,
// with retry_after in seconds: a proxy or Cloudflare may answer with HTML
// and only a Retry-After header, which discordgo would fail to parse and
// so lose the status.
func normalize429(resp *http.Response) {
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
	resp.Body.Close()
	var probe struct {
		RetryAfter *float64 `json:"retry_after"`
	}
	if json.Unmarshal(body, &probe) != nil || probe.RetryAfter == nil {
		after, err := strconv.ParseFloat(resp.Header.Get("Retry-After"), 64)
		if err != nil || after < 0 {
			after = 1
		}
		body, _ = json.Marshal(map[string]any{"message": "rate limited", "retry_after": after})
		resp.Header.Set("Content-Type", "application/json")
	}
	resp.Body = io.NopCloser(bytes.NewReader(body))
	resp.ContentLength = int64(len(body))
}
