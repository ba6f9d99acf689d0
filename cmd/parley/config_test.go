package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestParseConfigErrorsNameTheKey(t *testing.T) {
	tests := []struct {
		name, yaml, want string
	}{
		{"unknown top key", "stor:\n  path: x.db\n", "unknown key stor"},
		{"unknown nested key", "slack:\n  bot_tokn: x\n", "unknown key slack.bot_tokn"},
		{"scalar for mapping", "slack: yes\n", "slack must be a mapping"},
		{"mapping for scalar", "store:\n  path:\n    a: b\n", "store.path must be a single value"},
		{"bad bool", "slack:\n  enabled: maybe\n", "enabled"},
		{"bad slack mode", "slack:\n  mode: rtm\n", "slack.mode"},
		{"bad discord mode", "discord:\n  mode: webhook\n", "discord.mode"},
		{"bad listen", "http:\n  listen: localhost\n", "http.listen"},
		{"bad time", "summary:\n  time: 8am\n", "summary.time"},
		{"bad zone", "summary:\n  timezone: Mars/Olympus\n", "summary.timezone"},
		{"bad api url", "slack:\n  api_url: ftp://x\n", "slack.api_url"},
		{"bad public key", "discord:\n  public_key: zz\n", "discord.public_key"},
		{"slack socket without app token", "slack:\n  enabled: true\n  bot_token: xoxb\n", "slack.app_token"},
		{"slack http without secret", "slack:\n  enabled: true\n  mode: http\n  bot_token: xoxb\n", "slack.signing_secret"},
		{"slack without bot token", "slack:\n  enabled: true\n  app_token: xapp\n", "slack.bot_token"},
		{"discord without token", "discord:\n  enabled: true\n  application_id: '1'\n", "discord.token"},
		{"discord http without key", "discord:\n  enabled: true\n  mode: http\n  token: t\n  application_id: '1'\n", "discord.public_key"},
		{"empty store path", "store:\n  path: ''\n", "store.path"},
		{"lease too short", "inbox:\n  lease: 10ms\n", "inbox.lease"},
		{"lease not a duration", "inbox:\n  lease: soon\n", "inbox.lease"},
		{"retention under an hour", "inbox:\n  retention: 10m\n", "inbox.retention"},
		{"not yaml", "slack: [\n", "parse"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseConfig([]byte(tt.yaml), func(string) string { return "" })
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("ParseConfig(%q) error = %v, want it to name %q", tt.yaml, err, tt.want)
			}
		})
	}
}

func TestExampleConfigLoads(t *testing.T) {
	env := map[string]string{"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_APP_TOKEN": "xapp-1", "DISCORD_BOT_TOKEN": "d-1"}
	cfg, err := LoadConfig(filepath.Join("..", "..", "config.example.yaml"), func(k string) string { return env[k] })
	if err != nil {
		t.Fatalf("config.example.yaml: %v", err)
	}
	want := DefaultConfig()
	if cfg.Store != want.Store || cfg.HTTP != want.HTTP || cfg.Summary != want.Summary {
		t.Errorf("example config = %+v, want defaults %+v", cfg, want)
	}
	if cfg.Slack.BotToken != "xoxb-1" || cfg.Slack.AppToken != "xapp-1" || cfg.Discord.Token != "d-1" {
		t.Errorf("${VAR} not expanded: %+v", cfg.Slack)
	}
}

func TestConfigExpandsOnlyValues(t *testing.T) {
	env := map[string]string{"TOKEN": "s3cret: with yaml {chars}", "DB": "from-env.db"}
	cfg, err := ParseConfig([]byte("store:\n  path: ${DB}\nslack:\n  bot_token: ${TOKEN}\n  app_token: ${UNSET}\n"), func(k string) string { return env[k] })
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Store.Path != "from-env.db" || cfg.Slack.BotToken != env["TOKEN"] || cfg.Slack.AppToken != "" {
		t.Errorf("expanded = %+v", cfg)
	}
	red := cfg.Redacted()
	if strings.Contains(red.Slack.BotToken, "s3cret") {
		t.Error("Redacted kept the token")
	}
}

func TestEmptyConfigIsDefault(t *testing.T) {
	cfg, err := ParseConfig(nil, os.Getenv)
	if err != nil || cfg != DefaultConfig() {
		t.Errorf("empty config = %+v, %v", cfg, err)
	}
}
