// Package slacktest is a fake Slack for tests: a Web API that records
// chat.postMessage calls and response_url posts, enforces Slack's message
// limits, answers 429 with Retry-After on request, and serves
// apps.connections.open with a Socket Mode websocket that tests drive.
// It speaks Slack's wire format, so the adapter runs unchanged against it.
package slacktest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

// Identity of the fake workspace's bot, as auth.test reports it.
const (
	BotUserID = "UPARLEY01"
	BotID     = "BPARLEY01"
	TeamID    = "TFAKE0001"
)

// Post is one message delivered to the fake: by chat.postMessage or
// through a response_url.
type Post struct {
	Method       string // "chat.postMessage" or "response_url"
	Channel      string // chat.postMessage only
	ThreadTS     string // chat.postMessage only
	ResponseType string // response_url only: in_channel or ephemeral
	// ReplaceOriginal is response_url only: whether the post replaces
	// the message the command or button came from.
	ReplaceOriginal bool
	Text            string          // the fallback text, as sent (escaped)
	Blocks          json.RawMessage // the blocks, as sent
	TS              string          // the ts the fake assigned
	Token           string          // chat.postMessage only: the bot token it came with
}

// Ack is one Socket Mode acknowledgement the client sent.
type Ack struct {
	EnvelopeID string          `json:"envelope_id"`
	Payload    json.RawMessage `json:"payload"`
}

// Server is the fake. Its zero value is not usable; call New.
type Server struct {
	*httptest.Server

	mu          sync.Mutex
	changed     chan struct{} // closed and replaced on every recorded change
	posts       []Post
	calls       map[string]int
	limited     map[string]int // method -> 429s still to answer
	retryAfter  int
	acks        []Ack
	conn        *websocket.Conn
	connections int
	seq         int
}

// New starts a fake Slack and stops it when the test ends.
func New(tb testing.TB) *Server {
	s := &Server{changed: make(chan struct{}), calls: map[string]int{}, limited: map[string]int{}}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /api/{method}", s.serveAPI)
	mux.HandleFunc("POST /respond/{id}", s.serveResponse)
	mux.HandleFunc("GET /socket", s.serveSocket)
	s.Server = httptest.NewServer(mux)
	tb.Cleanup(func() {
		s.mu.Lock()
		if s.conn != nil {
			s.conn.Close()
		}
		s.mu.Unlock()
		s.Server.CloseClientConnections()
		s.Server.Close()
	})
	return s
}

// APIURL is the Web API base to configure (slack.api_url).
func (s *Server) APIURL() string { return s.URL + "/api/" }

// ResponseURL is a slash command response_url served by the fake.
func (s *Server) ResponseURL(id string) string { return s.URL + "/respond/" + url.PathEscape(id) }

// RateLimit makes the next n calls of method (e.g. "chat.postMessage" or
// "response_url") answer 429 with Retry-After: retryAfter seconds.
func (s *Server) RateLimit(method string, n, retryAfter int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.limited[method] = n
	s.retryAfter = retryAfter
}

// Posts returns the messages delivered so far, in order.
func (s *Server) Posts() []Post {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Post(nil), s.posts...)
}

// Calls returns how many times method was called, 429s included.
func (s *Server) Calls(method string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.calls[method]
}

// Acks returns the Socket Mode acknowledgements received so far.
func (s *Server) Acks() []Ack {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Ack(nil), s.acks...)
}

// Wait blocks until cond holds over the fake's state or timeout passes,
// and reports whether it held. cond runs with the fake locked and must
// not call the fake's methods.
func (s *Server) Wait(timeout time.Duration, cond func(posts []Post, acks []Ack) bool) bool {
	deadline := time.NewTimer(timeout)
	defer deadline.Stop()
	for {
		s.mu.Lock()
		ok, ch := cond(s.posts, s.acks), s.changed
		s.mu.Unlock()
		if ok {
			return true
		}
		select {
		case <-ch:
		case <-deadline.C:
			return false
		}
	}
}

// WaitPosts waits until at least n messages were delivered and returns
// them; it fails the test after timeout.
func (s *Server) WaitPosts(tb testing.TB, n int, timeout time.Duration) []Post {
	tb.Helper()
	if !s.Wait(timeout, func(p []Post, _ []Ack) bool { return len(p) >= n }) {
		tb.Fatalf("fake slack: %d posts after %v, want %d", len(s.Posts()), timeout, n)
	}
	return s.Posts()
}

// notify wakes waiters; s.mu must be held.
func (s *Server) notify() {
	close(s.changed)
	s.changed = make(chan struct{})
}

func (s *Server) takeLimit(method string) (int, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.calls[method]++
	if s.limited[method] > 0 {
		s.limited[method]--
		return s.retryAfter, true
	}
	return 0, false
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	json.NewEncoder(w).Encode(v)
}

func (s *Server) serveAPI(w http.ResponseWriter, r *http.Request) {
	method := r.PathValue("method")
	if after, limited := s.takeLimit(method); limited {
		w.Header().Set("Retry-After", strconv.Itoa(after))
		w.WriteHeader(http.StatusTooManyRequests)
		return
	}
	token := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
	if err := r.ParseForm(); err != nil {
		writeJSON(w, map[string]any{"ok": false, "error": "invalid_form_data"})
		return
	}
	if token == "" {
		token = r.PostForm.Get("token")
	}
	switch method {
	case "auth.test":
		if !strings.HasPrefix(token, "xoxb-") {
			writeJSON(w, map[string]any{"ok": false, "error": "invalid_auth"})
			return
		}
		writeJSON(w, map[string]any{"ok": true, "user_id": BotUserID, "bot_id": BotID, "team_id": TeamID, "user": "parley", "team": "Fake"})
	case "apps.connections.open":
		if !strings.HasPrefix(token, "xapp-") {
			writeJSON(w, map[string]any{"ok": false, "error": "invalid_auth"})
			return
		}
		writeJSON(w, map[string]any{"ok": true, "url": "ws" + strings.TrimPrefix(s.URL, "http") + "/socket"})
	case "chat.postMessage":
		if !strings.HasPrefix(token, "xoxb-") {
			writeJSON(w, map[string]any{"ok": false, "error": "not_authed"})
			return
		}
		p := Post{Method: method, Channel: r.PostForm.Get("channel"), ThreadTS: r.PostForm.Get("thread_ts"),
			Text: r.PostForm.Get("text"), Blocks: json.RawMessage(r.PostForm.Get("blocks")), Token: token}
		if p.Channel == "" {
			writeJSON(w, map[string]any{"ok": false, "error": "channel_not_found"})
			return
		}
		if err := checkLimits(p.Text, p.Blocks); err != nil {
			writeJSON(w, map[string]any{"ok": false, "error": err.Error()})
			return
		}
		p = s.record(p)
		writeJSON(w, map[string]any{"ok": true, "channel": p.Channel, "ts": p.TS, "message": map[string]any{"text": p.Text, "ts": p.TS}})
	default:
		writeJSON(w, map[string]any{"ok": false, "error": "unknown_method"})
	}
}

func (s *Server) record(p Post) Post {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.seq++
	p.TS = fmt.Sprintf("1765000000.%06d", s.seq)
	s.posts = append(s.posts, p)
	s.notify()
	return p
}

// serveResponse is a response_url: JSON in, "ok" out, as Slack does.
func (s *Server) serveResponse(w http.ResponseWriter, r *http.Request) {
	if after, limited := s.takeLimit("response_url"); limited {
		w.Header().Set("Retry-After", strconv.Itoa(after))
		w.WriteHeader(http.StatusTooManyRequests)
		return
	}
	var m struct {
		Text            string          `json:"text"`
		Blocks          json.RawMessage `json:"blocks"`
		ResponseType    string          `json:"response_type"`
		ReplaceOriginal bool            `json:"replace_original"`
	}
	if err := json.NewDecoder(r.Body).Decode(&m); err != nil {
		http.Error(w, "invalid_payload", http.StatusBadRequest)
		return
	}
	if err := checkLimits(m.Text, m.Blocks); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	s.record(Post{Method: "response_url", ResponseType: m.ResponseType, ReplaceOriginal: m.ReplaceOriginal, Text: m.Text, Blocks: m.Blocks})
	w.Write([]byte("ok"))
}

// checkLimits rejects what real Slack rejects: no text and no blocks,
// more than 50 blocks, a section over 3,000 characters, an actions block
// with more than 25 elements or a button whose label is over 75
// characters, value over 2,000 or action_id over 255 (or missing); and,
// stricter than Slack, a fallback text of 4,000 characters or more, which
// Slack advises against.
func checkLimits(text string, raw json.RawMessage) error {
	var blocks []struct {
		Type string `json:"type"`
		Text *struct {
			Type string `json:"type"`
			Text string `json:"text"`
		} `json:"text"`
		Elements []struct {
			Type     string          `json:"type"`
			Text     json.RawMessage `json:"text"`
			ActionID string          `json:"action_id"`
			Value    string          `json:"value"`
		} `json:"elements"`
	}
	if len(raw) > 0 {
		if err := json.Unmarshal(raw, &blocks); err != nil {
			return fmt.Errorf("invalid_blocks_format")
		}
	}
	if text == "" && len(blocks) == 0 {
		return fmt.Errorf("no_text")
	}
	if len([]rune(text)) >= 4000 {
		return fmt.Errorf("msg_too_long")
	}
	if len(blocks) > 50 {
		return fmt.Errorf("invalid_blocks")
	}
	for _, b := range blocks {
		if b.Type == "section" && (b.Text == nil || len([]rune(b.Text.Text)) > 3000 || b.Text.Text == "") {
			return fmt.Errorf("invalid_blocks")
		}
		if b.Type == "actions" && (len(b.Elements) == 0 || len(b.Elements) > 25) {
			return fmt.Errorf("invalid_blocks")
		}
		for _, e := range b.Elements {
			if e.Type == "button" {
				var label struct {
					Type string `json:"type"`
					Text string `json:"text"`
				}
				if json.Unmarshal(e.Text, &label) != nil || label.Type != "plain_text" || label.Text == "" || len([]rune(label.Text)) > 75 ||
					e.ActionID == "" || len(e.ActionID) > 255 || len(e.Value) > 2000 {
					return fmt.Errorf("invalid_blocks")
				}
				continue
			}
			var mrkdwn string
			if json.Unmarshal(e.Text, &mrkdwn) == nil && len([]rune(mrkdwn)) > 3000 {
				return fmt.Errorf("invalid_blocks")
			}
			var obj struct {
				Text string `json:"text"`
			}
			if json.Unmarshal(e.Text, &obj) == nil && len([]rune(obj.Text)) > 3000 {
				return fmt.Errorf("invalid_blocks")
			}
		}
	}
	return nil
}

var upgrader = websocket.Upgrader{CheckOrigin: func(*http.Request) bool { return true }}

// serveSocket is the Socket Mode websocket: it says hello, then records
// every acknowledgement the client writes.
func (s *Server) serveSocket(w http.ResponseWriter, r *http.Request) {
	conn, err := upgrader.Upgrade(w, r, nil)
	if err != nil {
		return
	}
	s.mu.Lock()
	if s.conn != nil {
		s.conn.Close()
	}
	s.conn = conn
	s.connections++
	err = conn.WriteJSON(map[string]any{"type": "hello", "num_connections": 1,
		"connection_info": map[string]any{"app_id": "AFAKE0001"}})
	if err == nil {
		err = conn.WriteControl(websocket.PingMessage, []byte("ping"), time.Now().Add(time.Second))
	}
	s.notify()
	s.mu.Unlock()
	if err != nil {
		return
	}
	for {
		var a Ack
		if err := conn.ReadJSON(&a); err != nil {
			return
		}
		s.mu.Lock()
		s.acks = append(s.acks, a)
		s.notify()
		s.mu.Unlock()
	}
}

// Connected waits until a Socket Mode client is connected.
func (s *Server) Connected(timeout time.Duration) bool {
	return s.Wait(timeout, func([]Post, []Ack) bool { return s.conn != nil })
}

// Send writes one Socket Mode envelope to the connected client: typ is
// events_api or slash_commands, payload the envelope's payload.
func (s *Server) Send(tb testing.TB, envelopeID, typ string, retry int, payload any) {
	tb.Helper()
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.conn == nil {
		tb.Fatalf("fake slack: no socket mode client connected")
	}
	env := map[string]any{"envelope_id": envelopeID, "type": typ, "payload": payload,
		"accepts_response_payload": typ == "slash_commands", "retry_attempt": retry}
	if retry > 0 {
		env["retry_reason"] = "timeout"
	}
	if err := s.conn.WriteJSON(env); err != nil {
		tb.Fatalf("fake slack: send envelope: %v", err)
	}
}

// Press is a click on a Block Kit button, as Slack reports it to the
// app's interactivity request URL (and in Socket Mode's interactive
// envelopes): a block_actions payload.
type Press struct {
	User      string // who clicked
	Channel   string
	MessageTS string // the message holding the button
	ThreadTS  string // its thread, if it is in one
	ActionID  string
	Value     string
	TriggerID string // unique per click
	// ResponseURL is where to answer; the fake serves it when made with
	// Server.ResponseURL.
	ResponseURL string
}

// Payload is the block_actions JSON object Slack sends for p, shaped as
// Slack documents it.
func (p Press) Payload() []byte {
	container := map[string]any{"type": "message", "message_ts": p.MessageTS, "channel_id": p.Channel, "is_ephemeral": false}
	message := map[string]any{"type": "message", "user": BotUserID, "bot_id": BotID, "ts": p.MessageTS, "text": "an answer"}
	if p.ThreadTS != "" {
		container["thread_ts"] = p.ThreadTS
		message["thread_ts"] = p.ThreadTS
	}
	b, _ := json.Marshal(map[string]any{
		"type":                  "block_actions",
		"user":                  map[string]any{"id": p.User, "username": "someone", "name": "someone", "team_id": TeamID},
		"api_app_id":            "AFAKE0001",
		"token":                 "verification-token-unused",
		"container":             container,
		"trigger_id":            p.TriggerID,
		"team":                  map[string]any{"id": TeamID, "domain": "fake"},
		"enterprise":            nil,
		"is_enterprise_install": false,
		"channel":               map[string]any{"id": p.Channel, "name": "general"},
		"message":               message,
		"state":                 map[string]any{"values": map[string]any{}},
		"response_url":          p.ResponseURL,
		"actions": []map[string]any{{
			"action_id": p.ActionID, "block_id": "parley_feedback", "value": p.Value, "type": "button",
			"text": map[string]any{"type": "plain_text", "text": "button", "emoji": true}, "action_ts": "1765000100.000100",
		}},
	})
	return b
}

// Form is p as the interactivity request URL receives it: a form whose
// one field, payload, holds the JSON.
func (p Press) Form() []byte {
	return []byte(url.Values{"payload": {string(p.Payload())}}.Encode())
}
