package slack

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/parley-bot/parley/bot"
	"github.com/parley-bot/parley/bot/slack/slacktest"
)

func FuzzVerify(f *testing.F) {
	secret := []byte(testSecret)
	now := clock.Unix()
	body := []byte(`{"type":"event_callback","event_id":"Ev1"}`)
	f.Add(strconv.FormatInt(now, 10), Sign(secret, strconv.FormatInt(now, 10), body), body)
	f.Add(strconv.FormatInt(now-301, 10), Sign(secret, strconv.FormatInt(now-301, 10), body), body)
	f.Add("", "", []byte(nil))
	f.Add("9223372036854775807", "v0=00", []byte("x"))
	f.Add("-9223372036854775808", "v0=", []byte("token=x&text=hi"))
	f.Fuzz(func(t *testing.T, ts, sig string, body []byte) {
		h := http.Header{}
		h.Set("X-Slack-Request-Timestamp", ts)
		h.Set("X-Slack-Signature", sig)
		err := Check(secret, h, body, clock)
		if err == nil {
			// Accepted: it must be exactly the signature, within the window.
			secs, perr := strconv.ParseInt(h.Get("X-Slack-Request-Timestamp"), 10, 64)
			if perr != nil || secs < now-300 || secs > now+300 {
				t.Fatalf("accepted timestamp %q at %d", ts, now)
			}
			if h.Get("X-Slack-Signature") != Sign(secret, h.Get("X-Slack-Request-Timestamp"), body) {
				t.Fatalf("accepted a wrong signature %q", sig)
			}
		} else if !errors.Is(err, ErrNoSignature) && !errors.Is(err, ErrStale) && !errors.Is(err, ErrBadSignature) {
			t.Fatalf("Check error %v wraps none of the reasons", err)
		}
		// Whatever the body, its true signature within the window passes.
		stamp := strconv.FormatInt(now-60, 10)
		h.Set("X-Slack-Request-Timestamp", stamp)
		h.Set("X-Slack-Signature", Sign(secret, stamp, body))
		if err := Check(secret, h, body, clock); err != nil {
			t.Fatalf("true signature rejected: %v", err)
		}
	})
}

// FuzzEvents feeds arbitrary payloads to the events handler: it must never
// panic, and a payload is either a challenge, acknowledged, or an error:
// not an Events API payload, or an event refused because every worker is
// busy (the fuzzer sends events faster than the fixture's workers answer
// them; Slack redelivers a refused event).
func FuzzEvents(f *testing.F) {
	fx := newFixture(f, ModeHTTP)
	f.Add([]byte(`{"type":"url_verification","challenge":"abc"}`))
	f.Add(callback("Ev0F1", mention("<@UPARLEY01> who met Putin?", "1.1")))
	f.Add(callback("Ev0F2", dm("sources", "1.2")))
	f.Add([]byte(`{"type":"event_callback","event_id":"Ev0F3","event":{"type":"message","subtype":"message_changed"}}`))
	f.Add([]byte(`{"type":"event_callback","event":null}`))
	f.Add([]byte(`{"type":"app_rate_limited"}`))
	f.Add([]byte(`[]`))
	f.Fuzz(func(t *testing.T, body []byte) {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		challenge, err := fx.a.handleEvent(ctx, body, "")
		if err != nil && !errors.Is(err, errNotEvent) && !(errors.Is(err, errNotStored) && errors.Is(err, bot.ErrOverloaded)) {
			t.Fatalf("handleEvent error %v is neither errNotEvent nor an overload", err)
		}
		if err != nil && challenge != "" {
			t.Fatalf("challenge %q with error %v", challenge, err)
		}
	})
}

// FuzzInteractions feeds arbitrary payloads to the interactions endpoint,
// as Slack's form field: it never panics, answers 200 (taken, or not one
// of Parley's buttons: acknowledged and ignored) or 400 (unreadable), and
// nothing but a well-formed answer id reaches the bot.
func FuzzInteractions(f *testing.F) {
	fx := newRememberingFixture(f, ModeHTTP)
	press := slacktest.Press{User: "U1", Channel: "C1", MessageTS: "1.1", ActionID: ActionWrong, Value: strings.Repeat("ab", 16), TriggerID: "t1"}
	f.Add(press.Payload())
	press.ActionID, press.Value = ActionMore, "'; DROP TABLE asked; --"
	f.Add(press.Payload())
	f.Add([]byte(`{"type":"view_submission"}`))
	f.Add([]byte(`{"type":"block_actions","actions":[null,{"action_id":"parley_helpful","value":""}]}`))
	f.Add([]byte(`not json`))
	h := fx.a.Interactions()
	f.Fuzz(func(t *testing.T, payload []byte) {
		form := []byte(url.Values{"payload": {string(payload)}}.Encode())
		req := httptest.NewRequest(http.MethodPost, "/slack/interactions", bytes.NewReader(form))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		stamp := strconv.FormatInt(clock.Unix(), 10)
		req.Header.Set("X-Slack-Request-Timestamp", stamp)
		req.Header.Set("X-Slack-Signature", Sign([]byte(testSecret), stamp, form))
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK && rec.Code != http.StatusBadRequest {
			t.Fatalf("status %d for %q", rec.Code, payload)
		}
	})
}
