// Package discordtest is a fake of the parts of Discord's REST API that
// Parley uses, for tests: command registration by bulk overwrite (guild and
// global), interaction callbacks, follow-ups, edits and deletes of the
// original response, and channel messages. It records every call, speaks
// Discord's wire format, and can answer 429 with retry_after, or any
// error status, on demand. Point discordgo at it through the adapter's
// API URL.
package discordtest

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"net/http"
	"net/http/httptest"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/bwmarrin/discordgo"
)

// APIPrefix is where discordgo's REST endpoints live on the fake, as on
// Discord.
const APIPrefix = "/api/v9"

// Call is one request the fake received.
type Call struct {
	Method string
	Path   string // without APIPrefix, e.g. /channels/42/messages
	Header http.Header
	Body   []byte
	Status int // what the fake answered
}

// JSON decodes the call's body into v, failing tb on error.
func (c Call) JSON(tb testing.TB, v any) {
	tb.Helper()
	if err := json.Unmarshal(c.Body, v); err != nil {
		tb.Fatalf("%s %s: decode body %s: %v", c.Method, c.Path, c.Body, err)
	}
}

// fault is a queued failure: the next n requests whose path contains
// match get it.
type fault struct {
	match      string
	n          int
	status     int
	retryAfter float64
	headerOnly bool // a 429 with only a Retry-After header and an HTML body
}

// Server is the fake API. Its zero value is not usable; call New.
type Server struct {
	*httptest.Server
	// Token is the bot token the fake expects as "Bot <token>" on
	// authenticated endpoints.
	Token string

	mu       sync.Mutex
	calls    []Call
	commands map[string][]*discordgo.ApplicationCommand // by scope: "" global, else guild id
	nextID   int64
	faults   []*fault
	changed  chan struct{} // closed and replaced on every call
}

// New starts a fake expecting token and stops it when tb ends.
func New(tb testing.TB, token string) *Server {
	s := &Server{Token: token, commands: map[string][]*discordgo.ApplicationCommand{}, nextID: 1000, changed: make(chan struct{})}
	mux := http.NewServeMux()
	p := APIPrefix
	mux.HandleFunc("PUT "+p+"/applications/{app}/commands", s.auth(s.overwrite))
	mux.HandleFunc("PUT "+p+"/applications/{app}/guilds/{guild}/commands", s.auth(s.overwrite))
	mux.HandleFunc("GET "+p+"/applications/{app}/commands", s.auth(s.listCommands))
	mux.HandleFunc("GET "+p+"/applications/{app}/guilds/{guild}/commands", s.auth(s.listCommands))
	mux.HandleFunc("POST "+p+"/interactions/{id}/{token}/callback", s.callback)
	mux.HandleFunc("PATCH "+p+"/webhooks/{app}/{token}/messages/{msg}", s.message)
	mux.HandleFunc("DELETE "+p+"/webhooks/{app}/{token}/messages/{msg}", s.noContent)
	mux.HandleFunc("POST "+p+"/webhooks/{app}/{token}", s.message)
	mux.HandleFunc("POST "+p+"/channels/{channel}/messages", s.auth(s.message))
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, 0, "404: Not Found")
	})
	s.Server = httptest.NewServer(s.record(mux))
	tb.Cleanup(s.Close)
	return s
}

// RateLimit makes the next n requests whose path contains match answer
// 429 with retry_after seconds, as Discord does: JSON body and rate-limit
// headers.
func (s *Server) RateLimit(match string, n int, retryAfter float64) {
	s.addFault(&fault{match: match, n: n, status: http.StatusTooManyRequests, retryAfter: retryAfter})
}

// RateLimitHeaderOnly is RateLimit as a proxy might answer it: an HTML
// body and only a Retry-After header (whole seconds).
func (s *Server) RateLimitHeaderOnly(match string, n int, retryAfter float64) {
	s.addFault(&fault{match: match, n: n, status: http.StatusTooManyRequests, retryAfter: retryAfter, headerOnly: true})
}

// Fail makes the next n requests whose path contains match answer status
// with a Discord error body.
func (s *Server) Fail(match string, n, status int) {
	s.addFault(&fault{match: match, n: n, status: status})
}

func (s *Server) addFault(f *fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults = append(s.faults, f)
}

// Calls returns every call so far, in order.
func (s *Server) Calls() []Call {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Call(nil), s.calls...)
}

// CallsTo returns the calls with method whose path matches the regular
// expression pattern.
func (s *Server) CallsTo(method, pattern string) []Call {
	re := regexp.MustCompile(pattern)
	var out []Call
	for _, c := range s.Calls() {
		if c.Method == method && re.MatchString(c.Path) {
			out = append(out, c)
		}
	}
	return out
}

// Await waits until n successful (2xx) calls with method to a path
// matching pattern have arrived, or ctx ends, and returns them.
func (s *Server) Await(ctx context.Context, method, pattern string, n int) ([]Call, error) {
	for {
		s.mu.Lock()
		changed := s.changed
		s.mu.Unlock()
		var ok []Call
		for _, c := range s.CallsTo(method, pattern) {
			if c.Status < 300 {
				ok = append(ok, c)
			}
		}
		if len(ok) >= n {
			return ok, nil
		}
		select {
		case <-ctx.Done():
			return ok, fmt.Errorf("await %d× %s %s: have %d: %w", n, method, pattern, len(ok), ctx.Err())
		case <-changed:
		}
	}
}

// Commands returns the registered commands of a guild, or the global ones
// for guildID "".
func (s *Server) Commands(guildID string) []*discordgo.ApplicationCommand {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]*discordgo.ApplicationCommand(nil), s.commands[guildID]...)
}

// statusWriter remembers the status written.
type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

// record applies queued faults, then serves, then records the call.
func (s *Server) record(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(io.LimitReader(r.Body, 8<<20))
		r.Body = io.NopCloser(strings.NewReader(string(body)))
		sw := &statusWriter{ResponseWriter: w}
		if f := s.takeFault(r.URL.Path); f != nil {
			serveFault(sw, f)
		} else {
			next.ServeHTTP(sw, r)
		}
		s.mu.Lock()
		s.calls = append(s.calls, Call{
			Method: r.Method, Path: strings.TrimPrefix(r.URL.Path, APIPrefix), Header: r.Header.Clone(),
			Body: body, Status: sw.status,
		})
		close(s.changed)
		s.changed = make(chan struct{})
		s.mu.Unlock()
	})
}

func (s *Server) takeFault(path string) *fault {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i, f := range s.faults {
		if strings.Contains(path, f.match) {
			f.n--
			if f.n <= 0 {
				s.faults = append(s.faults[:i], s.faults[i+1:]...)
			}
			return f
		}
	}
	return nil
}

func serveFault(w http.ResponseWriter, f *fault) {
	if f.status != http.StatusTooManyRequests {
		writeError(w, f.status, 0, http.StatusText(f.status))
		return
	}
	h := w.Header()
	h.Set("Retry-After", strconv.Itoa(int(math.Ceil(f.retryAfter))))
	if f.headerOnly {
		h.Set("Content-Type", "text/html")
		w.WriteHeader(http.StatusTooManyRequests)
		io.WriteString(w, "<html><body>Too many requests</body></html>")
		return
	}
	h.Set("X-RateLimit-Limit", "5")
	h.Set("X-RateLimit-Remaining", "0")
	h.Set("X-RateLimit-Reset-After", strconv.FormatFloat(f.retryAfter, 'f', 3, 64))
	h.Set("X-RateLimit-Bucket", "fake-bucket")
	h.Set("X-RateLimit-Scope", "user")
	writeJSON(w, http.StatusTooManyRequests, map[string]any{
		"message": "You are being rate limited.", "retry_after": f.retryAfter, "global": false,
	})
}

func (s *Server) auth(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "Bot "+s.Token {
			writeError(w, http.StatusUnauthorized, 0, "401: Unauthorized")
			return
		}
		next(w, r)
	}
}

var commandName = regexp.MustCompile(`^[-_\p{Ll}\p{N}]{1,32}$`)

// overwrite is the bulk overwrite: the set replaces the scope's commands.
// As on Discord, a command overwritten with itself keeps its id and
// version; a changed one keeps its id and gets a new version.
func (s *Server) overwrite(w http.ResponseWriter, r *http.Request) {
	var in []*discordgo.ApplicationCommand
	if err := json.NewDecoder(r.Body).Decode(&in); err != nil {
		writeError(w, http.StatusBadRequest, 50109, "The request body contains invalid JSON.")
		return
	}
	seen := map[string]bool{}
	for _, c := range in {
		if c == nil || !commandName.MatchString(c.Name) || seen[c.Name] {
			writeError(w, http.StatusBadRequest, 50035, "Invalid Form Body: name")
			return
		}
		if n := len([]rune(c.Description)); n < 1 || n > 100 {
			writeError(w, http.StatusBadRequest, 50035, "Invalid Form Body: description")
			return
		}
		seen[c.Name] = true
	}
	scope := r.PathValue("guild")
	s.mu.Lock()
	old := map[string]*discordgo.ApplicationCommand{}
	for _, c := range s.commands[scope] {
		old[c.Name] = c
	}
	var out []*discordgo.ApplicationCommand
	for _, c := range in {
		nc := *c
		nc.ApplicationID, nc.GuildID = r.PathValue("app"), scope
		if nc.Type == 0 {
			nc.Type = discordgo.ChatApplicationCommand
		}
		if prev, ok := old[c.Name]; ok {
			nc.ID, nc.Version = prev.ID, prev.Version
			if !sameCommand(prev, &nc) {
				nc.Version = s.newID()
			}
		} else {
			nc.ID = s.newID()
			nc.Version = s.newID()
		}
		out = append(out, &nc)
	}
	s.commands[scope] = out
	s.mu.Unlock()
	writeJSON(w, http.StatusOK, out)
}

func (s *Server) newID() string {
	s.nextID++
	return strconv.FormatInt(s.nextID, 10)
}

func sameCommand(a, b *discordgo.ApplicationCommand) bool {
	x, y := *a, *b
	x.ID, x.Version, y.ID, y.Version = "", "", "", ""
	ja, _ := json.Marshal(x)
	jb, _ := json.Marshal(y)
	var va, vb any
	json.Unmarshal(ja, &va)
	json.Unmarshal(jb, &vb)
	return reflect.DeepEqual(va, vb)
}

func (s *Server) listCommands(w http.ResponseWriter, r *http.Request) {
	cmds := s.Commands(r.PathValue("guild"))
	if cmds == nil {
		cmds = []*discordgo.ApplicationCommand{}
	}
	writeJSON(w, http.StatusOK, cmds)
}

func (s *Server) callback(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	var resp struct {
		Type discordgo.InteractionResponseType `json:"type"`
		Data struct {
			Components json.RawMessage `json:"components"`
		} `json:"data"`
	}
	if err := json.Unmarshal(body, &resp); err != nil || resp.Type == 0 {
		writeError(w, http.StatusBadRequest, 50035, "Invalid Form Body")
		return
	}
	if err := CheckComponents(resp.Data.Components); err != nil {
		writeError(w, http.StatusBadRequest, 50035, "Invalid Form Body: components: "+err.Error())
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// CheckComponents rejects message components Discord rejects: more than
// five action rows, anything but buttons in a row, more than five buttons
// in one, a button without a label or custom id, a label over 80
// characters, a custom id over 100, or a style Discord does not have.
func CheckComponents(raw json.RawMessage) error {
	if len(raw) == 0 || string(raw) == "null" {
		return nil
	}
	var rows []struct {
		Type       int `json:"type"`
		Components []struct {
			Type     int    `json:"type"`
			Label    string `json:"label"`
			Style    int    `json:"style"`
			CustomID string `json:"custom_id"`
			URL      string `json:"url"`
		} `json:"components"`
	}
	if err := json.Unmarshal(raw, &rows); err != nil {
		return fmt.Errorf("not a list of action rows: %w", err)
	}
	if len(rows) > 5 {
		return fmt.Errorf("%d action rows", len(rows))
	}
	for _, row := range rows {
		if row.Type != int(discordgo.ActionsRowComponent) || len(row.Components) == 0 || len(row.Components) > 5 {
			return fmt.Errorf("an action row of type %d with %d components", row.Type, len(row.Components))
		}
		for _, b := range row.Components {
			switch {
			case b.Type != int(discordgo.ButtonComponent):
				return fmt.Errorf("component type %d in a row of buttons", b.Type)
			case b.Style < 1 || b.Style > 5:
				return fmt.Errorf("button style %d", b.Style)
			case b.Label == "" || len([]rune(b.Label)) > 80:
				return fmt.Errorf("button label %q", b.Label)
			case b.Style != int(discordgo.LinkButton) && (b.CustomID == "" || len(b.CustomID) > 100):
				return fmt.Errorf("button custom_id %q", b.CustomID)
			}
		}
	}
	return nil
}

// Click is a press of a message component button, as Discord sends it to
// the interactions endpoint (and over the gateway): a MESSAGE_COMPONENT
// interaction (type 3) carrying the button's custom_id and the message
// it is under.
type Click struct {
	ID, AppID, Token string
	Channel, Guild   string
	User             string
	Message          string // the id of the message holding the button
	CustomID         string
}

// JSON is the interaction as Discord sends it.
func (c Click) JSON() []byte {
	b, _ := json.Marshal(map[string]any{
		"id": c.ID, "application_id": c.AppID, "type": int(discordgo.InteractionMessageComponent), "token": c.Token, "version": 1,
		"channel_id": c.Channel, "guild_id": c.Guild, "locale": "en-US", "app_permissions": "2248473465835073",
		"member": map[string]any{"user": map[string]any{"id": c.User, "username": "someone", "discriminator": "0"}, "roles": []string{}},
		"message": map[string]any{"id": c.Message, "channel_id": c.Channel, "type": 20, "content": "", "embeds": []any{},
			"author": map[string]any{"id": c.AppID, "username": "Parley", "bot": true}},
		"data": map[string]any{"custom_id": c.CustomID, "component_type": int(discordgo.ButtonComponent)},
	})
	return b
}

func (s *Server) noContent(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusNoContent)
}

// message answers a created or edited message with the message object.
func (s *Server) message(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	var m discordgo.Message
	if err := json.Unmarshal(body, &m); err != nil {
		writeError(w, http.StatusBadRequest, 50109, "The request body contains invalid JSON.")
		return
	}
	var probe struct {
		Components json.RawMessage `json:"components"`
	}
	json.Unmarshal(body, &probe)
	if err := CheckComponents(probe.Components); err != nil {
		writeError(w, http.StatusBadRequest, 50035, "Invalid Form Body: components: "+err.Error())
		return
	}
	s.mu.Lock()
	m.ID = s.newID()
	s.mu.Unlock()
	m.ChannelID = r.PathValue("channel")
	writeJSON(w, http.StatusOK, m)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

func writeError(w http.ResponseWriter, status, code int, msg string) {
	writeJSON(w, status, map[string]any{"code": code, "message": msg})
}
