package main

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/parley-bot/parley/bot/discord"
	"github.com/parley-bot/parley/bot/discord/discordtest"
)

// discordConfig writes a config enabling Discord in HTTP mode against api,
// with the bot token taken from the environment as operators do.
func discordConfig(t *testing.T, dir string, pub ed25519.PublicKey, api string) string {
	t.Helper()
	cfg := fmt.Sprintf(`store: {path: %q}
http: {listen: "127.0.0.1:0"}
discord:
  enabled: true
  mode: http
  token: ${DISCORD_BOT_TOKEN}
  application_id: "app-e2e"
  public_key: %q
  guild_id: "guild-e2e"
  api_url: %q
`, filepath.Join(dir, "parley.db"), hex.EncodeToString(pub), api)
	path := filepath.Join(dir, "parley.yaml")
	if err := os.WriteFile(path, []byte(cfg), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func getenv(token string) func(string) string {
	return func(k string) string {
		if k == "DISCORD_BOT_TOKEN" {
			return token
		}
		return ""
	}
}

func TestServeDiscordHTTP(t *testing.T) {
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	api := discordtest.New(t, "e2e-token")
	dir := t.TempDir()
	var logs bytes.Buffer
	env := Env{Stdout: io.Discard, Stderr: &logs, Getenv: getenv("e2e-token")}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	m, err := Open(ctx, &Globals{ConfigFile: discordConfig(t, dir, pub, api.URL), LogFormat: "text", LogLevel: "warn"}, env)
	if err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	ready := make(chan string, 1)
	served := make(chan error, 1)
	go func() { served <- m.Serve(ctx, ready) }()
	var addr string
	select {
	case addr = <-ready:
	case err := <-served:
		t.Fatalf("serve stopped: %v\n%s", err, logs.String())
	}

	// Commands were registered, to the guild, before serve listened.
	var names []string
	for _, c := range api.Commands("guild-e2e") {
		names = append(names, c.Name)
	}
	if strings.Join(names, ",") != "ask,summary,sources" {
		t.Errorf("registered commands = %v, want ask, summary, sources", names)
	}

	post := func(body []byte, sign ed25519.PrivateKey) (int, []byte) {
		t.Helper()
		ts := strconv.FormatInt(time.Now().Unix(), 10)
		req, _ := http.NewRequest(http.MethodPost, "http://"+addr+"/discord/interactions", bytes.NewReader(body))
		req.Header.Set("X-Signature-Timestamp", ts)
		req.Header.Set("X-Signature-Ed25519", hex.EncodeToString(ed25519.Sign(sign, append([]byte(ts), body...))))
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		out, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, out
	}

	ping := []byte(`{"id":"1","application_id":"app-e2e","type":1,"token":"t","version":1}`)
	if status, body := post(ping, priv); status != http.StatusOK || strings.TrimSpace(string(body)) != `{"type":1}` {
		t.Errorf("signed PING = %d %s, want 200 {\"type\":1}", status, body)
	}
	_, forger, _ := ed25519.GenerateKey(rand.Reader)
	if status, _ := post(ping, forger); status != http.StatusUnauthorized {
		t.Errorf("forged PING = %d, want 401", status)
	}

	ask, _ := json.Marshal(map[string]any{
		"id": "2", "application_id": "app-e2e", "type": 2, "token": "tok-2", "channel_id": "c", "guild_id": "guild-e2e",
		"member": map[string]any{"user": map[string]any{"id": "u"}},
		"data": map[string]any{"id": "x", "name": "ask", "type": 1, "options": []map[string]any{
			{"name": "question", "type": 3, "value": "Who met with Putin in Moscow?"},
		}},
	})
	status, raw := post(ask, priv)
	if status != http.StatusOK {
		t.Fatalf("/ask = %d %s", status, raw)
	}
	var resp struct {
		Type int `json:"type"`
		Data struct {
			Embeds          []discordgo.MessageEmbed `json:"embeds"`
			AllowedMentions *struct {
				Parse []string `json:"parse"`
			} `json:"allowed_mentions"`
		} `json:"data"`
	}
	if err := json.Unmarshal(raw, &resp); err != nil {
		t.Fatalf("decode %s: %v", raw, err)
	}
	if resp.Type != 4 || len(resp.Data.Embeds) != 1 {
		t.Fatalf("/ask response %s, want a message with one embed", raw)
	}
	if am := resp.Data.AllowedMentions; am == nil || am.Parse == nil || len(am.Parse) != 0 {
		t.Errorf("allowed_mentions = %+v, want parse []", am)
	}
	e := resp.Data.Embeds[0]
	sents, err := m.Store.Sentences(ctx)
	if err != nil {
		t.Fatal(err)
	}
	quoted := false
	for _, line := range strings.Split(e.Description, "\n") {
		q, ok := strings.CutPrefix(line, "> ")
		if !ok {
			continue
		}
		for _, s := range sents {
			quoted = quoted || s.Text == discord.Unescape(q)
		}
	}
	if !quoted {
		t.Errorf("embed description %q quotes no article sentence verbatim", e.Description)
	}
	arts, _ := m.Store.Articles(ctx)
	cited := false
	for _, a := range arts {
		for _, f := range e.Fields {
			cited = cited || (strings.Contains(discord.Unescape(f.Value), a.Title) && strings.Contains(f.Value, a.ID))
		}
	}
	if !cited {
		t.Errorf("embed fields %+v cite no article by title and id", e.Fields)
	}

	cancel()
	if err := <-served; err != nil {
		t.Errorf("serve returned %v", err)
	}
}

func TestServeDiscordBadTokenFailsAtStart(t *testing.T) {
	pub, _, _ := ed25519.GenerateKey(rand.Reader)
	api := discordtest.New(t, "the-real-token")
	dir := t.TempDir()
	var out, errs bytes.Buffer
	env := Env{Stdout: &out, Stderr: &errs, Getenv: getenv("a-wrong-token")}
	code := run(context.Background(), []string{"--config", discordConfig(t, dir, pub, api.URL), "--log-level", "error", "serve"}, env)
	if code != 1 {
		t.Fatalf("exit = %d, want 1; stderr %s", code, errs.String())
	}
	if !strings.Contains(errs.String(), "register commands") || !strings.Contains(errs.String(), "401") {
		t.Errorf("stderr = %q, want it to say registration failed with 401", errs.String())
	}
	if n := len(api.Calls()); n != 1 {
		t.Errorf("API calls = %d, want 1 (a 401 is not retried)", n)
	}
}
