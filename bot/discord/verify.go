package discord

import (
	"bytes"
	"crypto/ed25519"
	"encoding/hex"
	"errors"
	"io"
	"net/http"
	"strconv"
	"time"
)

// MaxBody is the largest interaction body Parley reads. Discord's
// interactions are a few kilobytes; anything near this is not Discord.
const MaxBody = 256 << 10

// MaxSkew is how far a request's X-Signature-Timestamp may be from the
// local clock. The signature covers the timestamp, so this bounds how long
// a captured request can be replayed.
const MaxSkew = 5 * time.Minute

// Verify reports whether sigHex is a valid Ed25519 signature by key over
// timestamp followed by body, as Discord signs every interaction it sends
// (X-Signature-Ed25519 over X-Signature-Timestamp + body). It never panics,
// whatever the input.
func Verify(key ed25519.PublicKey, timestamp, sigHex string, body []byte) bool {
	if len(key) != ed25519.PublicKeySize || timestamp == "" {
		return false
	}
	sig, err := hex.DecodeString(sigHex)
	if err != nil || len(sig) != ed25519.SignatureSize {
		return false
	}
	msg := make([]byte, 0, len(timestamp)+len(body))
	msg = append(msg, timestamp...)
	msg = append(msg, body...)
	return ed25519.Verify(key, msg, sig)
}

// errStale marks a correctly signed request whose timestamp is too far
// from now: a replay, or a badly wrong clock.
var errStale = errors.New("signature timestamp out of range")

// verified wraps next so that it only sees requests Discord signed: the
// body is read once, at most MaxBody bytes, checked against key, and handed
// on as a fresh reader. Anything else gets 401 (413 when too large) and is
// counted in SignatureFailures. Discord itself sends forged requests to
// check this, and removes an endpoint that accepts them.
func (a *Adapter) verified(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxBody))
		if err != nil {
			var tooBig *http.MaxBytesError
			if errors.As(err, &tooBig) {
				http.Error(w, "request body too large", http.StatusRequestEntityTooLarge)
				return
			}
			http.Error(w, "cannot read request body", http.StatusBadRequest)
			return
		}
		ts := r.Header.Get("X-Signature-Timestamp")
		if !Verify(a.publicKey, ts, r.Header.Get("X-Signature-Ed25519"), body) {
			a.rejectSignature(w, r, "bad signature")
			return
		}
		if err := checkTimestamp(ts, a.now()); err != nil {
			a.rejectSignature(w, r, err.Error())
			return
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
		next.ServeHTTP(w, r)
	})
}

func (a *Adapter) rejectSignature(w http.ResponseWriter, r *http.Request, why string) {
	a.metrics.SignatureFailures.WithLabelValues(Platform).Inc()
	a.log.Warn("rejected interaction request", "reason", why, "remote", r.RemoteAddr)
	http.Error(w, "invalid request signature", http.StatusUnauthorized)
}

// checkTimestamp reports errStale unless ts (Unix seconds) is within
// MaxSkew of now.
func checkTimestamp(ts string, now time.Time) error {
	sec, err := strconv.ParseInt(ts, 10, 64)
	if err != nil {
		return errStale
	}
	d := now.Sub(time.Unix(sec, 0))
	if d > MaxSkew || d < -MaxSkew {
		return errStale
	}
	return nil
}
