package slack

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"time"
)

// MaxBody is the largest request body Parley reads from Slack. Events and
// slash commands are a few kilobytes; anything near this is not Slack.
const MaxBody = 1 << 20

// MaxSkew is how far a request's timestamp may be from now before it is
// rejected as a replay.
const MaxSkew = 5 * time.Minute

// The reasons Verify rejects a request, for errors.Is and logs.
var (
	ErrNoSignature  = errors.New("missing X-Slack-Signature or X-Slack-Request-Timestamp")
	ErrStale        = errors.New("request timestamp more than 5 minutes from now")
	ErrBadSignature = errors.New("signature does not match")
)

// Sign returns the X-Slack-Signature value for body sent at ts: "v0=" and
// the hex HMAC-SHA256 of "v0:ts:body" under secret. Tests use it to make
// requests that Slack would make.
func Sign(secret []byte, ts string, body []byte) string {
	mac := hmac.New(sha256.New, secret)
	mac.Write([]byte("v0:" + ts + ":"))
	mac.Write(body)
	return "v0=" + hex.EncodeToString(mac.Sum(nil))
}

// Check reports whether a request with these headers and body was signed
// by Slack with secret within MaxSkew of now. The comparison is constant
// time. It returns nil or an error wrapping ErrNoSignature, ErrStale or
// ErrBadSignature.
func Check(secret []byte, h http.Header, body []byte, now time.Time) error {
	ts, sig := h.Get("X-Slack-Request-Timestamp"), h.Get("X-Slack-Signature")
	if ts == "" || sig == "" {
		return ErrNoSignature
	}
	secs, err := strconv.ParseInt(ts, 10, 64)
	if err != nil {
		return fmt.Errorf("%w: timestamp %.20q is not a number", ErrStale, ts)
	}
	// Compare in seconds, so no timestamp can overflow a Duration.
	skew := now.Unix() - secs
	if skew > int64(MaxSkew/time.Second) || skew < -int64(MaxSkew/time.Second) {
		return ErrStale
	}
	if !hmac.Equal([]byte(sig), []byte(Sign(secret, ts, body))) {
		return ErrBadSignature
	}
	return nil
}

// Verify is middleware that lets through only requests Slack signed with
// secret, answering 401 otherwise and 413 for a body over MaxBody. It reads
// the body once and hands next an in-memory copy, so next may read it
// again. failed, if not nil, is told why each request was rejected.
func Verify(secret []byte, now func() time.Time, failed func(r *http.Request, err error), next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxBody))
		if err != nil {
			if failed != nil {
				failed(r, fmt.Errorf("read body: %w", err))
			}
			var tooBig *http.MaxBytesError
			if errors.As(err, &tooBig) {
				http.Error(w, "request body too large", http.StatusRequestEntityTooLarge)
				return
			}
			http.Error(w, "cannot read request body", http.StatusBadRequest)
			return
		}
		if err := Check(secret, r.Header, body, now()); err != nil {
			if failed != nil {
				failed(r, err)
			}
			http.Error(w, "invalid request signature", http.StatusUnauthorized)
			return
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
		r.ContentLength = int64(len(body))
		next.ServeHTTP(w, r)
	})
}

// readAll reads a body Verify has already buffered.
func readAll(r *http.Request) ([]byte, error) {
	return io.ReadAll(io.LimitReader(r.Body, MaxBody))
}
