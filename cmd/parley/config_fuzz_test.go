package main

import (
	"os"
	"reflect"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// FuzzParseConfig feeds arbitrary bytes to ParseConfig: it must never
// panic; whatever it accepts must validate and survive a round trip
// through YAML unchanged; whatever it rejects must say why on one line
// once printed, as run prints it.
func FuzzParseConfig(f *testing.F) {
	if data, err := os.ReadFile("../../config.example.yaml"); err == nil {
		f.Add(data)
	}
	for _, s := range []string{
		"",
		"store: {path: x.db}\nhttp: {listen: \":0\"}\n",
		"slack:\n  enabled: true\n  mode: http\n  bot_token: ${T}\n  signing_secret: ${S}\n",
		"discord: {enabled: true, mode: http, token: t, application_id: \"1\", public_key: " + strings.Repeat("ab", 32) + "}\n",
		"serve: {workers: ${N}, shutdown_timeout: 1m30s}\n",
		"summary: {time: \"07:30\", timezone: Europe/Kyiv}\n",
		"a: &x {b: 1}\nstore: *x\n",
		"slack: [1, 2]\n",
		"store:\n  path:\n    - nested\n",
		"--- !!binary\n",
	} {
		f.Add([]byte(s))
	}
	getenv := func(k string) string {
		return map[string]string{"T": "xoxb-1", "S": "sec", "N": "12"}[k]
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		cfg, err := ParseConfig(data, getenv)
		if err != nil {
			if oneLine(err.Error()) == "" {
				t.Fatalf("ParseConfig(%q) failed with an empty message", data)
			}
			return
		}
		if err := cfg.Validate(); err != nil {
			t.Fatalf("ParseConfig(%q) accepted a config that does not validate: %v", data, err)
		}
		out, err := yaml.Marshal(cfg)
		if err != nil {
			t.Fatalf("marshal accepted config: %v", err)
		}
		if strings.Contains(string(out), "${") {
			return // a value that would expand again; not a round trip
		}
		again, err := ParseConfig(out, getenv)
		if err != nil {
			t.Fatalf("ParseConfig rejects its own output %q: %v", out, err)
		}
		if !reflect.DeepEqual(cfg, again) {
			t.Fatalf("round trip changed the config:\n got %+v\nwant %+v", again, cfg)
		}
	})
}

func TestConfigExpandsTypedValues(t *testing.T) {
	env := map[string]string{"N": "12", "ON": "true", "BOUND": "3s", "TOK": "0123", "NUL": "null"}
	yml := "serve:\n  workers: ${N}\n  shutdown_timeout: ${BOUND}\nslack:\n  enabled: ${ON}\n  mode: http\n  bot_token: ${TOK}\n  signing_secret: ${NUL}x\n"
	cfg, err := ParseConfig([]byte(yml), func(k string) string { return env[k] })
	if err != nil {
		t.Fatalf("ParseConfig: %v", err)
	}
	if cfg.Serve.Workers != 12 || cfg.Serve.ShutdownTimeout.String() != "3s" || !cfg.Slack.Enabled {
		t.Errorf("typed values from the environment = %+v %+v", cfg.Serve, cfg.Slack)
	}
	if cfg.Slack.BotToken != "0123" || cfg.Slack.SigningSecret != "nullx" {
		t.Errorf("string values changed by re-resolving: bot_token %q, signing_secret %q", cfg.Slack.BotToken, cfg.Slack.SigningSecret)
	}
}
