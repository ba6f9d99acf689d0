package discord

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/prometheus/client_golang/prometheus"
	dto "github.com/prometheus/client_model/go"

	"github.com/parley-bot/parley/answers"
	"github.com/parley-bot/parley/bot"
	"github.com/parley-bot/parley/bot/bottest"
	"github.com/parley-bot/parley/bot/discord/discordtest"
	"github.com/parley-bot/parley/seeds"
	"github.com/parley-bot/parley/store"
	"github.com/parley-bot/parley/store/storetest"
)

const (
	testToken = "test-bot-token"
	testApp   = "app-1"
)

// gated is an Answerer that holds every answer until release is closed,
// so a test can make Parley defer without timing anything.
type gated struct {
	bot.Answerer
	release chan struct{}
}

func (g gated) Answer(ctx context.Context, q string) (answers.Answer, error) {
	select {
	case <-g.release:
	case <-ctx.Done():
		return answers.Answer{}, ctx.Err()
	}
	return g.Answerer.Answer(ctx, q)
}

// harness is one adapter wired to a real store, an inbox and a fake
// Discord API.
type harness struct {
	t       *testing.T
	api     *discordtest.Server
	a       *Adapter
	inbox   *bot.Inbox
	st      *store.Store
	priv    ed25519.PrivateKey
	metrics *bot.Metrics
	logs    *bottest.SyncBuffer
	http    *httptest.Server
	now     time.Time
	// remember gives the bot a memory in the store: the question log and
	// the buttons under answers.
	remember bool
}

type option func(*harness, *Config, *bot.Answerer, **bot.Pool)

func withAnswerer(f func(bot.Answerer) bot.Answerer) option {
	return func(_ *harness, _ *Config, a *bot.Answerer, _ **bot.Pool) { *a = f(*a) }
}

func withConfig(f func(*Config)) option {
	return func(_ *harness, c *Config, _ *bot.Answerer, _ **bot.Pool) { f(c) }
}

// remembering gives the harness's bot a memory.
func remembering() option {
	return func(h *harness, _ *Config, _ *bot.Answerer, _ **bot.Pool) { h.remember = true }
}

func withPool(p *bot.Pool) option {
	return func(_ *harness, _ *Config, _ *bot.Answerer, pp **bot.Pool) { *pp = p }
}

func newHarness(t *testing.T, opts ...option) *harness {
	t.Helper()
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	h := &harness{t: t, api: discordtest.New(t, testToken), st: storetest.MustOpen(t), priv: priv,
		metrics: bot.NewMetrics(nil), logs: &bottest.SyncBuffer{}, now: time.Unix(1765000000, 0)}
	eng, err := answers.NewEngine(context.Background(), h.st, seedPack())
	if err != nil {
		t.Fatal(err)
	}
	var ans bot.Answerer = eng
	pool := bot.NewPool(4)
	cfg := Config{
		Mode: ModeHTTP, Token: testToken, ApplicationID: testApp, PublicKey: pub, APIURL: h.api.URL,
		DeferAfter: time.Minute,
	}
	for _, o := range opts {
		o(h, &cfg, &ans, &pool)
	}
	log := slog.New(slog.NewTextHandler(h.logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	now := func() time.Time { return h.now }
	b := bot.New(ans, log, h.metrics)
	if h.remember {
		mem, err := bot.NewMemory(bot.Memory{Journal: h.st, Salt: []byte("the discord tests' salt"), Metrics: h.metrics})
		if err != nil {
			t.Fatal(err)
		}
		b.Remember(mem)
	}
	h.inbox = bot.NewInbox(h.st, b, pool, bot.InboxOptions{Metrics: h.metrics, Log: log, Now: now})
	h.a, err = New(cfg, bot.Deps{Handler: b, Inbox: h.inbox, Metrics: h.metrics, Log: log, Now: now})
	if err != nil {
		t.Fatal(err)
	}
	h.a.retry.backoff = time.Millisecond
	mux := http.NewServeMux()
	h.a.Routes(mux)
	h.http = httptest.NewServer(mux)
	t.Cleanup(func() {
		h.http.Close()
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		h.inbox.Wait(ctx)
	})
	return h
}

func sign(priv ed25519.PrivateKey, ts string, body []byte) string {
	return hex.EncodeToString(ed25519.Sign(priv, append([]byte(ts), body...)))
}

// post sends body to /discord/interactions with the given signature
// headers and returns the status and response body.
func (h *harness) post(body []byte, ts, sig string) (int, []byte) {
	h.t.Helper()
	req, err := http.NewRequest(http.MethodPost, h.http.URL+"/discord/interactions", bytes.NewReader(body))
	if err != nil {
		h.t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	if ts != "" {
		req.Header.Set("X-Signature-Timestamp", ts)
	}
	if sig != "" {
		req.Header.Set("X-Signature-Ed25519", sig)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		h.t.Fatal(err)
	}
	defer resp.Body.Close()
	out, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, out
}

// signed posts body signed with the harness's key at its clock.
func (h *harness) signed(body []byte) (int, []byte) {
	ts := strconv.FormatInt(h.now.Unix(), 10)
	return h.post(body, ts, sign(h.priv, ts, body))
}

// interaction builds an application command interaction's JSON.
func interaction(id, name string, opts ...any) []byte {
	var options []map[string]any
	for i := 0; i+1 < len(opts); i += 2 {
		options = append(options, map[string]any{"name": opts[i], "type": 3, "value": opts[i+1]})
	}
	b, _ := json.Marshal(map[string]any{
		"id": id, "application_id": testApp, "type": 2, "token": "tok-" + id, "channel_id": "chan-1", "guild_id": "guild-1",
		"member": map[string]any{"user": map[string]any{"id": "user-1", "username": "u"}},
		"data":   map[string]any{"id": "cmd-" + name, "name": name, "type": 1, "options": options},
	})
	return b
}

// decodeResponse decodes an interaction response and checks what every
// response must have: allowed_mentions parsing nothing when it has data.
func decodeResponse(t *testing.T, raw []byte) discordgo.InteractionResponse {
	t.Helper()
	// discordgo reads a response's components only through the action
	// rows' own decoder: take them apart.
	var parts struct {
		Type discordgo.InteractionResponseType `json:"type"`
		Data map[string]json.RawMessage        `json:"data"`
	}
	if err := json.Unmarshal(raw, &parts); err != nil {
		t.Fatalf("decode response %s: %v", raw, err)
	}
	rowsRaw := parts.Data["components"]
	delete(parts.Data, "components")
	rest, _ := json.Marshal(parts)
	var resp discordgo.InteractionResponse
	if err := json.Unmarshal(rest, &resp); err != nil {
		t.Fatalf("decode response %s: %v", raw, err)
	}
	if len(rowsRaw) > 0 && string(rowsRaw) != "null" {
		var rows []discordgo.ActionsRow
		if err := json.Unmarshal(rowsRaw, &rows); err != nil {
			t.Fatalf("decode components %s: %v", rowsRaw, err)
		}
		for i := range rows {
			resp.Data.Components = append(resp.Data.Components, &rows[i])
		}
	}
	if resp.Data != nil && resp.Type != discordgo.InteractionApplicationCommandAutocompleteResult {
		checkNoMentions(t, raw)
	}
	return resp
}

// checkNoMentions checks a JSON message body sets allowed_mentions to
// {"parse": []}.
func checkNoMentions(t *testing.T, raw []byte) {
	t.Helper()
	var probe struct {
		AllowedMentions *struct {
			Parse *[]string `json:"parse"`
		} `json:"allowed_mentions"`
		Data *struct {
			AllowedMentions *struct {
				Parse *[]string `json:"parse"`
			} `json:"allowed_mentions"`
		} `json:"data"`
	}
	if err := json.Unmarshal(raw, &probe); err != nil {
		t.Fatalf("decode %s: %v", raw, err)
	}
	am := probe.AllowedMentions
	if probe.Data != nil {
		am = probe.Data.AllowedMentions
	}
	if am == nil || am.Parse == nil || len(*am.Parse) != 0 {
		t.Errorf("allowed_mentions in %s is not {\"parse\": []}", raw)
	}
}

func TestPing(t *testing.T) {
	h := newHarness(t)
	status, body := h.signed([]byte(`{"id":"1","application_id":"app-1","type":1,"token":"t","version":1}`))
	if status != http.StatusOK || strings.TrimSpace(string(body)) != `{"type":1}` {
		t.Fatalf("PING = %d %s, want 200 {\"type\":1}", status, body)
	}
}

func TestSignatureRejected(t *testing.T) {
	h := newHarness(t)
	_, otherKey, _ := ed25519.GenerateKey(rand.Reader)
	body := []byte(`{"id":"1","application_id":"app-1","type":1,"token":"t","version":1}`)
	ts := strconv.FormatInt(h.now.Unix(), 10)
	stale := strconv.FormatInt(h.now.Add(-time.Hour).Unix(), 10)
	good := sign(h.priv, ts, body)
	tests := []struct {
		name, ts, sig string
		body          []byte
	}{
		{"no headers", "", "", body},
		{"no signature", ts, "", body},
		{"no timestamp", "", good, body},
		{"not hex", ts, "zz" + good[2:], body},
		{"short", ts, good[:64], body},
		{"other key", ts, sign(otherKey, ts, body), body},
		{"tampered body", ts, good, append(append([]byte(nil), body...), ' ')},
		{"other timestamp", strconv.FormatInt(h.now.Unix()+1, 10), good, body},
		{"stale", stale, sign(h.priv, stale, body), body},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, _ := h.post(tt.body, tt.ts, tt.sig)
			if status != http.StatusUnauthorized {
				t.Errorf("status = %d, want 401", status)
			}
			if got := count(h.metrics.SignatureFailures.WithLabelValues(Platform)); got != float64(i+1) {
				t.Errorf("signature failures = %v, want %d", got, i+1)
			}
		})
	}
	if status, _ := h.post(body, ts, good); status != http.StatusOK {
		t.Errorf("correctly signed request: status %d, want 200", status)
	}
	big := bytes.Repeat([]byte("x"), MaxBody+1)
	if status, _ := h.post(big, ts, sign(h.priv, ts, big)); status != http.StatusRequestEntityTooLarge {
		t.Errorf("oversized body: status %d, want 413", status)
	}
	if len(h.api.Calls()) != 0 {
		t.Errorf("rejected requests reached the API: %v", h.api.Calls())
	}
}

// quoteIn reports whether the embed shows a verbatim sentence of the
// store's articles as a block quote, and returns it.
func quoteIn(t *testing.T, st *store.Store, text string) (string, bool) {
	t.Helper()
	sents, err := st.Sentences(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(text, "\n") {
		q, ok := strings.CutPrefix(line, "> ")
		if !ok {
			continue
		}
		q = Unescape(q)
		for _, s := range sents {
			if s.Text == q {
				return q, true
			}
		}
	}
	return "", false
}

func TestAskAnsweredWithVerbatimQuote(t *testing.T) {
	h := newHarness(t)
	status, raw := h.signed(interaction("10", "ask", "question", "Who met with Putin in Moscow?"))
	if status != http.StatusOK {
		t.Fatalf("status = %d %s", status, raw)
	}
	resp := decodeResponse(t, raw)
	if resp.Type != discordgo.InteractionResponseChannelMessageWithSource || resp.Data == nil || len(resp.Data.Embeds) != 1 {
		t.Fatalf("response = %s, want a message with one embed", raw)
	}
	if resp.Data.Flags&discordgo.MessageFlagsEphemeral != 0 {
		t.Errorf("an answer is ephemeral: %s", raw)
	}
	e := resp.Data.Embeds[0]
	q, ok := quoteIn(t, h.st, e.Description)
	if !ok {
		t.Fatalf("description %q quotes no article sentence verbatim", e.Description)
	}
	if !strings.Contains(strings.ToLower(q), "putin") {
		t.Errorf("quote %q does not answer the question", q)
	}
	if len(e.Fields) == 0 || e.Fields[0].Name != "Source" || !strings.Contains(e.Fields[0].Value, "`0") {
		t.Errorf("no citation field with the article id: %+v", e.Fields)
	}
	if e.URL != "" {
		t.Errorf("embed URL %q, but no seed article has a link", e.URL)
	}
	if len(h.api.Calls()) != 0 {
		t.Errorf("a direct HTTP answer made API calls: %v", h.api.Calls())
	}
}

func TestAskDeferredThenEdited(t *testing.T) {
	release := make(chan struct{})
	h := newHarness(t,
		withAnswerer(func(a bot.Answerer) bot.Answerer { return gated{a, release} }),
		withConfig(func(c *Config) { c.DeferAfter = time.Millisecond }))
	status, raw := h.signed(interaction("11", "ask", "question", "Where did the talks take place?"))
	if status != http.StatusOK {
		t.Fatalf("status = %d %s", status, raw)
	}
	if resp := decodeResponse(t, raw); resp.Type != discordgo.InteractionResponseDeferredChannelMessageWithSource {
		t.Fatalf("response = %s, want a deferral (type 5)", raw)
	}
	close(release)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	edits, err := h.api.Await(ctx, http.MethodPatch, `^/webhooks/app-1/tok-11/messages/@original$`, 1)
	if err != nil {
		t.Fatal(err)
	}
	checkNoMentions(t, edits[0].Body)
	var edit discordgo.WebhookEdit
	edits[0].JSON(t, &edit)
	if edit.Embeds == nil || len(*edit.Embeds) != 1 {
		t.Fatalf("edit %s has no embed", edits[0].Body)
	}
	if _, ok := quoteIn(t, h.st, (*edit.Embeds)[0].Description); !ok {
		t.Errorf("edited answer %q quotes no article sentence", (*edit.Embeds)[0].Description)
	}
}

func TestDeferredRefusalIsEphemeralFollowup(t *testing.T) {
	release := make(chan struct{})
	h := newHarness(t,
		withAnswerer(func(a bot.Answerer) bot.Answerer { return gated{a, release} }),
		withConfig(func(c *Config) { c.DeferAfter = time.Millisecond }))
	_, raw := h.signed(interaction("12", "ask", "question", "What is the airspeed velocity of an unladen swallow?"))
	if resp := decodeResponse(t, raw); resp.Type != discordgo.InteractionResponseDeferredChannelMessageWithSource {
		t.Fatalf("response = %s, want a deferral", raw)
	}
	close(release)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if _, err := h.api.Await(ctx, http.MethodDelete, `^/webhooks/app-1/tok-12/messages/@original$`, 1); err != nil {
		t.Fatal(err)
	}
	fu := h.api.CallsTo(http.MethodPost, `^/webhooks/app-1/tok-12$`)
	if len(fu) != 1 {
		t.Fatalf("follow-ups = %d, want 1", len(fu))
	}
	var p discordgo.WebhookParams
	fu[0].JSON(t, &p)
	if p.Flags&discordgo.MessageFlagsEphemeral == 0 || !strings.Contains(p.Content, "don't know") {
		t.Errorf("follow-up %s is not an ephemeral refusal", fu[0].Body)
	}
	checkNoMentions(t, fu[0].Body)
}

func TestSources(t *testing.T) {
	h := newHarness(t)
	_, raw := h.signed(interaction("13", "sources"))
	resp := decodeResponse(t, raw)
	if resp.Data == nil || len(resp.Data.Embeds) != 1 {
		t.Fatalf("response %s has no embed", raw)
	}
	arts, err := h.st.Articles(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	desc := Unescape(resp.Data.Embeds[0].Description)
	for _, a := range arts {
		if !strings.Contains(desc, a.Title) || !strings.Contains(desc, a.ID) {
			t.Errorf("sources embed lacks %s %q:\n%s", a.ID, a.Title, desc)
		}
	}
}

func TestSummaryCommand(t *testing.T) {
	h := newHarness(t)
	_, raw := h.signed(interaction("14", "summary"))
	resp := decodeResponse(t, raw)
	if resp.Data == nil || len(resp.Data.Embeds) == 0 {
		t.Fatalf("response %s has no embed", raw)
	}
	e := resp.Data.Embeds[0]
	if !strings.Contains(e.Title, "summary") {
		t.Errorf("summary title = %q", e.Title)
	}
	if _, ok := quoteIn(t, h.st, e.Description); !ok {
		t.Errorf("summary %q quotes no article sentence", e.Description)
	}
	if n := totalLength(resp.Data.Embeds); n > maxEmbedTotal || len(resp.Data.Embeds) > maxEmbeds {
		t.Errorf("summary is %d embeds, %d characters in all", len(resp.Data.Embeds), n)
	}
}

func TestProblemsAreEphemeral(t *testing.T) {
	h := newHarness(t)
	tests := []struct {
		name string
		body []byte
		want string
	}{
		{"empty question", interaction("20", "ask", "question", "   "), "type a question"},
		{"missing question", interaction("21", "ask"), "type a question"},
		{"over-long question", interaction("22", "ask", "question", strings.Repeat("peace ", 100)), "at most 500"},
		{"unknown command", interaction("23", "weather"), "don't know that command"},
		{"unknown option", interaction("24", "ask", "query", "Who met Putin?"), `no option "query"`},
		{"option on sources", interaction("25", "sources", "question", "x"), `no option "question"`},
		{"bad date", interaction("26", "summary", "date", "yesterday"), "YYYY-MM-DD"},
		{"refusal", interaction("27", "ask", "question", "What is the airspeed velocity of an unladen swallow?"), "sources"},
		{"component", []byte(`{"id":"28","application_id":"app-1","type":3,"token":"t","data":{"custom_id":"x","component_type":2}}`), "/ask"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, raw := h.signed(tt.body)
			if status != http.StatusOK {
				t.Fatalf("status = %d %s", status, raw)
			}
			resp := decodeResponse(t, raw)
			if resp.Type != discordgo.InteractionResponseChannelMessageWithSource || resp.Data == nil {
				t.Fatalf("response = %s, want a message", raw)
			}
			if resp.Data.Flags&discordgo.MessageFlagsEphemeral == 0 {
				t.Errorf("reply %s is not ephemeral", raw)
			}
			if !strings.Contains(resp.Data.Content, tt.want) {
				t.Errorf("content = %q, want it to contain %q", resp.Data.Content, tt.want)
			}
		})
	}
}

func TestMalformedInteraction(t *testing.T) {
	h := newHarness(t)
	for _, body := range []string{`{`, `{}`, `{"type":"x"}`, `[]`} {
		if status, _ := h.signed([]byte(body)); status != http.StatusBadRequest {
			t.Errorf("signed %s: status %d, want 400", body, status)
		}
	}
}

func TestBusyWhenPoolFull(t *testing.T) {
	release := make(chan struct{})
	pool := bot.NewPool(1)
	h := newHarness(t, withPool(pool))
	if !pool.TryGo(func() { <-release }) {
		t.Fatal("could not fill the pool")
	}
	defer close(release)
	_, raw := h.signed(interaction("30", "ask", "question", "Who met with Putin in Moscow?"))
	resp := decodeResponse(t, raw)
	if resp.Data == nil || resp.Data.Content != bot.BusyText || resp.Data.Flags&discordgo.MessageFlagsEphemeral == 0 {
		t.Errorf("response = %s, want the ephemeral busy text", raw)
	}
}

// event is a gateway InteractionCreate as discordgo delivers it.
func event(t *testing.T, body []byte) *discordgo.InteractionCreate {
	t.Helper()
	i, err := Parse(body)
	if err != nil {
		t.Fatal(err)
	}
	return &discordgo.InteractionCreate{Interaction: i}
}

func TestGatewayHandler(t *testing.T) {
	h := newHarness(t, withConfig(func(c *Config) { c.Mode = ModeGateway; c.PublicKey = nil }))
	ctx := context.Background()
	h.a.OnInteraction(ctx, event(t, interaction("40", "ask", "question", "Who met with Putin in Moscow?")))
	h.a.OnInteraction(ctx, event(t, interaction("41", "nope")))
	h.a.OnInteraction(ctx, nil)

	cb := h.api.CallsTo(http.MethodPost, `^/interactions/40/tok-40/callback$`)
	if len(cb) != 1 || cb[0].Status != http.StatusNoContent {
		t.Fatalf("callbacks for 40 = %+v, want one 204", cb)
	}
	resp := decodeResponse(t, cb[0].Body)
	if resp.Type != discordgo.InteractionResponseChannelMessageWithSource || len(resp.Data.Embeds) != 1 {
		t.Fatalf("callback body %s, want an embed", cb[0].Body)
	}
	if _, ok := quoteIn(t, h.st, resp.Data.Embeds[0].Description); !ok {
		t.Errorf("gateway answer quotes no article sentence: %s", cb[0].Body)
	}
	cb = h.api.CallsTo(http.MethodPost, `^/interactions/41/tok-41/callback$`)
	if len(cb) != 1 {
		t.Fatalf("callbacks for 41 = %d, want 1", len(cb))
	}
	if resp := decodeResponse(t, cb[0].Body); resp.Data.Flags&discordgo.MessageFlagsEphemeral == 0 {
		t.Errorf("unknown command reply %s is not ephemeral", cb[0].Body)
	}
	if got := count(h.metrics.APICalls.WithLabelValues(Platform, opCallback, "204")); got != 2 {
		t.Errorf("api calls (callback, 204) = %v, want 2", got)
	}
}

func TestGatewayDeferred(t *testing.T) {
	release := make(chan struct{})
	h := newHarness(t,
		withAnswerer(func(a bot.Answerer) bot.Answerer { return gated{a, release} }),
		withConfig(func(c *Config) { c.Mode = ModeGateway; c.PublicKey = nil; c.DeferAfter = time.Millisecond }))
	h.a.OnInteraction(context.Background(), event(t, interaction("42", "ask", "question", "Who met with Putin in Moscow?")))
	cb := h.api.CallsTo(http.MethodPost, `^/interactions/42/tok-42/callback$`)
	if len(cb) != 1 || decodeResponse(t, cb[0].Body).Type != discordgo.InteractionResponseDeferredChannelMessageWithSource {
		t.Fatalf("callback = %+v, want one deferral", cb)
	}
	close(release)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	edits, err := h.api.Await(ctx, http.MethodPatch, `^/webhooks/app-1/tok-42/messages/@original$`, 1)
	if err != nil {
		t.Fatal(err)
	}
	checkNoMentions(t, edits[0].Body)
}

func TestRateLimitedCallbackRetried(t *testing.T) {
	for _, headerOnly := range []bool{false, true} {
		t.Run("header only "+strconv.FormatBool(headerOnly), func(t *testing.T) {
			h := newHarness(t, withConfig(func(c *Config) { c.Mode = ModeGateway; c.PublicKey = nil }))
			if headerOnly {
				h.api.RateLimitHeaderOnly("/callback", 1, 0) // Retry-After: 0
			} else {
				h.api.RateLimit("/callback", 2, 0.01)
			}
			want := 2.0
			if headerOnly {
				want = 1
			}
			h.a.OnInteraction(context.Background(), event(t, interaction("50", "ask", "question", "Who met with Putin in Moscow?")))
			cb := h.api.CallsTo(http.MethodPost, `/callback$`)
			if len(cb) != int(want)+1 || cb[len(cb)-1].Status != http.StatusNoContent {
				t.Fatalf("callback statuses = %v, want %v×429 then 204", statuses(cb), want)
			}
			for _, c := range cb[1:] {
				if !bytes.Equal(c.Body, cb[0].Body) {
					t.Errorf("retry sent a different body: %s vs %s", c.Body, cb[0].Body)
				}
			}
			if got := count(h.metrics.Retries.WithLabelValues(Platform, opCallback)); got != want {
				t.Errorf("retries = %v, want %v", got, want)
			}
			if got := count(h.metrics.RateLimitWaits.WithLabelValues(Platform)); got != want {
				t.Errorf("rate limit waits = %v, want %v", got, want)
			}
			if got := count(h.metrics.APICalls.WithLabelValues(Platform, opCallback, "429")); got != want {
				t.Errorf("api calls (429) = %v, want %v", got, want)
			}
			if !strings.Contains(h.logs.String(), "interaction_id=50") {
				t.Errorf("retry not logged with the interaction id:\n%s", h.logs.String())
			}
		})
	}
}

func TestRetriesBounded(t *testing.T) {
	tests := []struct {
		name      string
		setup     func(*discordtest.Server)
		wantCalls int
	}{
		{"401 never retried", func(s *discordtest.Server) { s.Fail("/callback", 5, http.StatusUnauthorized) }, 1},
		{"403 never retried", func(s *discordtest.Server) { s.Fail("/callback", 5, http.StatusForbidden) }, 1},
		{"5xx retried up to the bound", func(s *discordtest.Server) { s.Fail("/callback", 10, http.StatusBadGateway) }, defaultRetry.attempts},
		{"429 retried up to the bound", func(s *discordtest.Server) { s.RateLimit("/callback", 10, 0.001) }, defaultRetry.attempts},
		{"retry_after too long is not waited out", func(s *discordtest.Server) { s.RateLimit("/callback", 1, 3600) }, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, withConfig(func(c *Config) { c.Mode = ModeGateway; c.PublicKey = nil }))
			tt.setup(h.api)
			h.a.OnInteraction(context.Background(), event(t, interaction("60", "sources")))
			if cb := h.api.CallsTo(http.MethodPost, `/callback$`); len(cb) != tt.wantCalls {
				t.Errorf("callback calls = %d %v, want %d", len(cb), statuses(cb), tt.wantCalls)
			}
			if !strings.Contains(h.logs.String(), "reply lost") || !strings.Contains(h.logs.String(), "interaction_id=60") {
				t.Errorf("lost reply not logged with its interaction id:\n%s", h.logs.String())
			}
		})
	}
}

// count reads a counter's value.
func count(c prometheus.Counter) float64 {
	var m dto.Metric
	if err := c.Write(&m); err != nil {
		return -1
	}
	return m.GetCounter().GetValue()
}

func statuses(cs []discordtest.Call) []int {
	var out []int
	for _, c := range cs {
		out = append(out, c.Status)
	}
	return out
}

func TestRegister(t *testing.T) {
	for _, guild := range []string{"guild-9", ""} {
		t.Run("guild "+guild, func(t *testing.T) {
			h := newHarness(t, withConfig(func(c *Config) { c.GuildID = guild }))
			if h.a.Ready() == nil {
				t.Error("ready before registering")
			}
			ctx := context.Background()
			if err := h.a.Register(ctx); err != nil {
				t.Fatal(err)
			}
			first := h.api.Commands(guild)
			if err := h.a.Register(ctx); err != nil {
				t.Fatal(err)
			}
			second := h.api.Commands(guild)
			if err := h.a.Ready(); err != nil {
				t.Errorf("Ready after registering: %v", err)
			}
			path := "^/applications/app-1/commands$"
			if guild != "" {
				path = "^/applications/app-1/guilds/guild-9/commands$"
			}
			if puts := h.api.CallsTo(http.MethodPut, path); len(puts) != 2 {
				t.Errorf("bulk overwrites to %s = %d, want 2", path, len(puts))
			}
			if len(h.api.Calls()) != 2 {
				t.Errorf("calls = %d, want only the two overwrites", len(h.api.Calls()))
			}
			var names []string
			for i, c := range second {
				names = append(names, c.Name)
				if c.ID != first[i].ID || c.Version != first[i].Version {
					t.Errorf("command %s changed on re-registering: %s/%s -> %s/%s", c.Name, first[i].ID, first[i].Version, c.ID, c.Version)
				}
			}
			if strings.Join(names, ",") != "ask,summary,sources" {
				t.Errorf("registered %v, want ask, summary, sources", names)
			}
			other := "guild-9"
			if guild != "" {
				other = ""
			}
			if len(h.api.Commands(other)) != 0 {
				t.Errorf("commands also registered in scope %q", other)
			}
		})
	}
}

func TestRegisterUnauthorizedFailsOnce(t *testing.T) {
	h := newHarness(t)
	h.api.Token = "another-token"
	if err := h.a.Register(context.Background()); err == nil {
		t.Fatal("Register with a wrong token succeeded")
	}
	if n := len(h.api.Calls()); n != 1 {
		t.Errorf("calls = %d, want 1 (a 401 is not retried)", n)
	}
	if h.a.Ready() == nil {
		t.Error("ready although registration failed")
	}
}

func newPoster(t *testing.T, h *harness) *Poster {
	t.Helper()
	p, err := NewPoster(Config{Token: testToken, APIURL: h.api.URL}, bot.Deps{Metrics: h.metrics})
	if err != nil {
		t.Fatal(err)
	}
	p.retry.backoff = time.Millisecond
	return p
}

func TestPostSummary(t *testing.T) {
	// The daily job's poster needs the bot token alone.
	h := newHarness(t)
	eng, _ := answers.NewEngine(context.Background(), h.st, seedPack())
	sum, err := eng.Summary(context.Background(), storetest.Epoch)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := NewPoster(Config{ApplicationID: testApp}, bot.Deps{}); err == nil {
		t.Error("NewPoster without a token succeeded")
	}
	var p bot.Poster = newPoster(t, h)
	if p.Platform() != "discord" {
		t.Errorf("Platform() = %q", p.Platform())
	}
	id, err := p.PostSummary(context.Background(), "chan-7", sum)
	if err != nil {
		t.Fatal(err)
	}
	posts := h.api.CallsTo(http.MethodPost, `^/channels/chan-7/messages$`)
	if len(posts) != 1 || id == "" {
		t.Fatalf("posts = %d, id %q; want 1 with an id", len(posts), id)
	}
	checkNoMentions(t, posts[0].Body)
	var m discordgo.MessageSend
	posts[0].JSON(t, &m)
	if len(m.Embeds) == 0 || m.Embeds[0].Title != sum.Title {
		t.Errorf("posted %s, want embeds, the first titled %q", posts[0].Body, sum.Title)
	}
}

func TestPostSummaryRetriedOnlyWhenUnsent(t *testing.T) {
	// A connection refused proves nothing went out: retried, and the
	// error says nothing may have been posted.
	h := newHarness(t)
	p := newPoster(t, h)
	h.api.Close()
	_, err := p.PostSummary(context.Background(), "chan-7", answers.Summary{Title: "t"})
	if err == nil || errors.Is(err, bot.ErrMaybePosted) {
		t.Fatalf("PostSummary to a closed server = %v, want a plain failure", err)
	}
	if got := count(h.metrics.Retries.WithLabelValues(Platform, opPost)); got != float64(defaultRetry.attempts-1) {
		t.Errorf("retries = %v, want %d", got, defaultRetry.attempts-1)
	}
}

// answerLost lets a request reach Discord, then loses the answer, as a
// connection cut after the request was sent would.
type answerLost struct{ base http.RoundTripper }

func (a answerLost) RoundTrip(r *http.Request) (*http.Response, error) {
	resp, err := a.base.RoundTrip(r)
	if err != nil {
		return nil, err
	}
	resp.Body.Close()
	return nil, errors.New("read: connection reset by peer")
}

func TestPostCutAfterSendIsNotRepeated(t *testing.T) {
	h := newHarness(t)
	p := newPoster(t, h)
	p.session.Client.Transport.(*transport).base = answerLost{http.DefaultTransport}
	_, err := p.PostSummary(context.Background(), "chan-7", answers.Summary{Title: "t"})
	if !errors.Is(err, bot.ErrMaybePosted) {
		t.Fatalf("PostSummary with the answer lost = %v, want ErrMaybePosted", err)
	}
	if n := len(h.api.CallsTo(http.MethodPost, `^/channels/chan-7/messages$`)); n != 1 {
		t.Errorf("%d posts reached Discord, want 1 (not retried)", n)
	}
}

func TestInteractionDeduplicated(t *testing.T) {
	// The same interaction delivered again (a gateway replay, a resent
	// request) is not answered twice.
	h := newHarness(t)
	body := interaction("70", "ask", "question", "Who met with Putin in Moscow?")
	_, first := h.signed(body)
	_, second := h.signed(body)
	if r := decodeResponse(t, first); r.Data == nil || len(r.Data.Embeds) != 1 {
		t.Fatalf("first response %s, want the answer", first)
	}
	if r := decodeResponse(t, second); r.Data == nil || r.Data.Content != textAlready || r.Data.Flags&discordgo.MessageFlagsEphemeral == 0 {
		t.Errorf("second response %s, want the ephemeral %q", second, textAlready)
	}
	if got := count(h.metrics.Deduplicated.WithLabelValues(Platform)); got != 1 {
		t.Errorf("deduplicated = %v, want 1", got)
	}
	// The outcome is recorded once the response has gone out.
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := h.inbox.Wait(ctx); err != nil {
		t.Fatal(err)
	}
	if e, err := h.st.Event(context.Background(), Platform, "interaction:70"); err != nil || e.State != store.EventAnswered {
		t.Errorf("interaction 70 in the inbox = %+v, %v; want answered", e, err)
	}
}

func TestResumedInteraction(t *testing.T) {
	// After a restart no first response is open: an acknowledged
	// (deferred) interaction whose token lives is edited; one never
	// acknowledged, or past its token, gets its answer in the channel; a
	// reply for the asker alone is not posted there.
	answer := bot.Reply{Kind: bot.KindSources, Text: "sources", Sources: []answers.Citation{{Article: "a1", Title: "Talks"}}}
	refusal := bot.Reply{Kind: bot.KindRefusal, Text: "I don't know."}
	tests := []struct {
		name  string
		acked bool
		age   time.Duration
		reply bot.Reply
		want  string // the call made, or "" for none
	}{
		{"acked, token alive", true, 5 * time.Minute, answer, "PATCH /webhooks/app-1/tok-80/messages/@original"},
		{"acked, token expired", true, 20 * time.Minute, answer, "POST /channels/chan-1/messages"},
		{"never acked", false, time.Minute, answer, "POST /channels/chan-1/messages"},
		{"never acked, ephemeral", false, time.Minute, refusal, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t)
			ev := bot.Event{Platform: Platform, ID: "interaction:80", Resumed: true, ReceivedAt: h.now.Add(-tt.age),
				Request: bot.Request{Platform: Platform, Channel: "chan-1", User: "user-1", Text: "sources <@everyone>", EventID: "80"},
				Route:   encodeRoute(route{AppID: testApp, Token: "tok-80", Channel: "chan-1", Acked: tt.acked})}
			err := h.a.Deliver(context.Background(), ev, tt.reply)
			calls := h.api.Calls()
			if tt.want == "" {
				if err == nil || !strings.Contains(err.Error(), "for the asker alone") || len(calls) != 0 {
					t.Errorf("Deliver = %v with calls %v; want a refusal to post, and no call", err, calls)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(calls) != 1 || calls[0].Method+" "+calls[0].Path != tt.want {
				t.Fatalf("calls = %+v, want one %s", calls, tt.want)
			}
			checkNoMentions(t, calls[0].Body)
			if strings.HasPrefix(tt.want, "POST") {
				var m discordgo.MessageSend
				calls[0].JSON(t, &m)
				if !strings.HasPrefix(m.Content, "Late answer to <@user-1>'s question “sources ") || strings.Contains(m.Content, "<@everyone>") {
					t.Errorf("channel post content = %q, want it to name the question, escaped", m.Content)
				}
			}
		})
	}
}

func TestAPIPrefixMatchesDiscordgo(t *testing.T) {
	if want := "/api/v" + discordgo.APIVersion; discordtest.APIPrefix != want {
		t.Errorf("discordtest.APIPrefix = %q, discordgo uses %q", discordtest.APIPrefix, want)
	}
}

func TestCommandsWithinDiscordLimits(t *testing.T) {
	for _, c := range Commands() {
		if n := len([]rune(c.Description)); n < 1 || n > 100 {
			t.Errorf("/%s description is %d characters; Discord allows 1–100", c.Name, n)
		}
		for _, o := range c.Options {
			if n := len([]rune(o.Description)); n < 1 || n > 100 {
				t.Errorf("/%s %s description is %d characters", c.Name, o.Name, n)
			}
		}
	}
}

// seedPack is the engine option of the seeds' domain pack, as parley
// uses it over the built-in articles.
func seedPack() answers.Option {
	p, err := answers.ParsePack("seeds/domain.yaml", seeds.Domain)
	if err != nil {
		panic(err)
	}
	return answers.WithPack(p)
}
