package main

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
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
		{"store url not postgres", "store:\n  url: mysql://u:p@h/db\n", "store.url"},
		{"store pool negative", "store:\n  pool: -1\n", "store.pool"},
		{"store statement timeout", "store:\n  statement_timeout: soon\n", "store.statement_timeout"},
		{"store connect timeout negative", "store:\n  connect_timeout: -1s\n", "store.connect_timeout"},
		{"lease too short", "inbox:\n  lease: 10ms\n", "inbox.lease"},
		{"lease not a duration", "inbox:\n  lease: soon\n", "inbox.lease"},
		{"retention under an hour", "inbox:\n  retention: 10m\n", "inbox.retention"},
		{"not yaml", "slack: [\n", "parse"},
		{"bad public url", "http:\n  public_url: parley.example\n", "line 2: http.public_url"},
		{"public url with query", "http:\n  public_url: https://p.example/?a=1\n", "http.public_url"},
		{"javascript public url", "http:\n  public_url: javascript:alert(1)\n", "http.public_url"},
		{"web rate zero", "web:\n  rate:\n    per_minute: 0\n", "line 3: web.rate.per_minute"},
		{"web burst too big", "web:\n  rate: {burst: 5000}\n", "line 2: web.rate.burst"},
		{"web rate not a number", "web:\n  rate: {per_minute: lots}\n", "web.rate.per_minute"},
		{"web user without password", "web:\n  enabled: true\n  auth:\n    user: ann\n    password: ${UNSET}\n", "line 5: web.auth.password"},
		{"web password without user", "web:\n  auth: {password: x}\n", "web.auth.user"},
		{"web user with colon", "web:\n  auth: {user: 'a:b', password: x}\n", "web.auth.user"},
		{"web unknown auth key", "web:\n  auth: {passwd: x}\n", "unknown key web.auth.passwd"},
		{"web bad proxy", "web:\n  trusted_proxies: [10.0.0.0/8, proxy.local]\n", "web.trusted_proxies"},
		{"web proxies not a list", "web:\n  trusted_proxies: 10.0.0.0/8\n", "web.trusted_proxies must be a list"},
		{"web proxies nested", "web:\n  trusted_proxies: [[10.0.0.1]]\n", "web.trusted_proxies[0]"},
		{"feeds not a list", "feeds:\n  url: x\n", "feeds must be a list"},
		{"unknown feed key", "feeds:\n  - url: https://e.example/rss\n    evry: 5m\n", "unknown key feeds[0].evry"},
		{"feed without url", "feeds:\n  - every: 5m\n", "feeds[0].url"},
		{"feed url not http", "feeds:\n  - url: file:///etc/passwd\n", "feeds[0].url"},
		{"feed polled too often", "feeds:\n  - url: https://e.example/rss\n    every: 5s\n", "feeds[0].every"},
		{"feed listed twice", "feeds:\n  - url: https://e.example/rss\n  - url: https://e.example/rss\n", "line 3: feeds[1].url"},
		{"feed every not a duration", "feeds:\n  - url: https://e.example/rss\n    every: often\n", "feeds[0].every"},
		{"include not a list", "feeds:\n  - url: https://e.example/rss\n    include: Kyiv\n", "feeds[0].include must be a list"},
		{"empty include word", "feeds:\n  - url: https://e.example/rss\n    include: ['']\n", "feeds[0].include"},
		{"bad allow_private", "ingest:\n  allow_private: sometimes\n", "ingest.allow_private"},
		{"window too short", "conversation:\n  window: 5s\n", "line 2: conversation.window"},
		{"window not a duration", "conversation:\n  window: ten\n", "conversation.window"},
		{"short salt", "feedback:\n  salt: abc\n", "feedback.salt"},
		{"retention not days", "report:\n  retention: forever\n", "report.retention: \"forever\" is not a number of days"},
		{"retention zero", "report:\n  retention: 0d\n", "report.retention"},
		{"bad weekday", "report:\n  weekday: someday\n", "report.weekday"},
		{"bad report time", "report:\n  time: 25:00\n", "report.time"},
		{"unknown report channel", "report:\n  channel:\n    teams: x\n", "unknown key report.channel.teams"},
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

func TestParseWebConfig(t *testing.T) {
	env := map[string]string{"PW": "s3cret"}
	cfg, err := ParseConfig([]byte(`
http: {public_url: "https://parley.example/news"}
web:
  enabled: true
  auth:
    user: ann
    password: ${PW}
  rate: {per_minute: 12, burst: 4}
  trusted_proxies: [10.0.0.0/8, "::1", 192.168.1.7]
`), func(k string) string { return env[k] })
	if err != nil {
		t.Fatal(err)
	}
	want := WebConfig{Enabled: true, Auth: WebAuthConfig{User: "ann", Password: "s3cret"}, Rate: WebRateConfig{PerMinute: 12, Burst: 4},
		TrustedProxies: []string{"10.0.0.0/8", "::1", "192.168.1.7"}}
	if !reflect.DeepEqual(cfg.Web, want) || cfg.HTTP.PublicURL != "https://parley.example/news" {
		t.Errorf("web config = %+v, public_url %q", cfg.Web, cfg.HTTP.PublicURL)
	}
	if r := cfg.Redacted(); r.Web.Auth.Password != "[redacted]" || r.Web.Auth.User != "ann" {
		t.Errorf("Redacted web auth = %+v", r.Web.Auth)
	}
	prefixes, err := parsePrefixes(cfg.Web.TrustedProxies)
	if err != nil || len(prefixes) != 3 || prefixes[1].String() != "::1/128" || prefixes[2].String() != "192.168.1.7/32" {
		t.Errorf("parsePrefixes = %v, %v", prefixes, err)
	}
	def := DefaultConfig()
	if def.Web.Enabled || def.Web.Rate.PerMinute < 1 || def.HTTP.PublicURL != "" {
		t.Errorf("default web config = %+v, public_url %q: web must be off and links unset", def.Web, def.HTTP.PublicURL)
	}
}

func TestReplicasConfigLoads(t *testing.T) {
	env := map[string]string{"PARLEY_DB_PASSWORD": "pw", "SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s"}
	cfg, err := LoadConfig(filepath.Join("..", "..", "deploy", "parley.replicas.yaml"), func(k string) string { return env[k] })
	if err != nil {
		t.Fatalf("deploy/parley.replicas.yaml: %v", err)
	}
	if !strings.HasPrefix(cfg.Store.Location(), "postgres://parley:pw@") || cfg.Slack.Mode != "http" || cfg.Store.Pool != 10 {
		t.Errorf("replicas config: store %+v, slack mode %q", cfg.Store, cfg.Slack.Mode)
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

func TestStoreURLFromEnvironment(t *testing.T) {
	env := map[string]string{"PGPASS": "pa55"}
	cfg, err := ParseConfig([]byte("store:\n  url: postgres://parley:${PGPASS}@db:5432/parley\n  pool: 4\n  statement_timeout: 5s\n"), func(k string) string { return env[k] })
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Store.Location() != "postgres://parley:pa55@db:5432/parley" || cfg.Store.Pool != 4 || cfg.Store.StatementTimeout != 5*time.Second {
		t.Errorf("store = %+v", cfg.Store)
	}
	if red := cfg.Redacted(); strings.Contains(red.Store.URL, "pa55") {
		t.Errorf("Redacted kept the password: %s", red.Store.URL)
	}
	if def := DefaultConfig(); def.Store.Location() != def.Store.Path {
		t.Errorf("default store location = %q, want the path", def.Store.Location())
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

func TestFeedsConfig(t *testing.T) {
	cfg, err := ParseConfig([]byte("ingest:\n  allow_private: true\nfeeds:\n  - url: https://e.example/rss\n    every: 30m\n    include: [Kyiv, peace talks]\n    outlet: Example\n  - url: https://f.example/atom\n"), os.Getenv)
	if err != nil {
		t.Fatal(err)
	}
	want := []FeedConfig{{URL: "https://e.example/rss", Every: 30 * time.Minute, Include: []string{"Kyiv", "peace talks"}, Outlet: "Example"}, {URL: "https://f.example/atom"}}
	if !cfg.Ingest.AllowPrivate || !reflect.DeepEqual(cfg.Feeds, want) {
		t.Errorf("parsed %+v %+v, want allow_private and %+v", cfg.Ingest, cfg.Feeds, want)
	}
}

func TestEmptyConfigIsDefault(t *testing.T) {
	cfg, err := ParseConfig(nil, os.Getenv)
	if err != nil || !reflect.DeepEqual(cfg, DefaultConfig()) {
		t.Errorf("empty config = %+v, %v", cfg, err)
	}
}

func TestParseConversationConfig(t *testing.T) {
	cfg, err := ParseConfig([]byte("conversation: {window: 15m}\nfeedback:\n  salt: ${SALT}\nreport:\n  channel: {slack: C0REPORT, discord: '123'}\n  weekday: Fri\n  time: '17:30'\n  retention: 30d\n"),
		func(k string) string { return map[string]string{"SALT": "a-salt-of-some-length"}[k] })
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Conversation.Window != 15*time.Minute || cfg.Feedback.Salt != "a-salt-of-some-length" || cfg.Report.Retention != 30 ||
		cfg.Report.Channel.Slack != "C0REPORT" || cfg.Report.Channel.Discord != "123" || cfg.Report.Weekday != "Fri" {
		t.Errorf("config = %+v %+v %+v", cfg.Conversation, cfg.Feedback, cfg.Report)
	}
	def := DefaultConfig()
	if def.Conversation.Window != 10*time.Minute || def.Report.Retention != 90 || def.Report.Weekday != "monday" {
		t.Errorf("defaults = %+v %+v", def.Conversation, def.Report)
	}
	for _, days := range []string{"90", "90d"} {
		cfg, err := ParseConfig([]byte("report: {retention: "+days+"}\n"), func(string) string { return "" })
		if err != nil || cfg.Report.Retention.Duration() != 90*24*time.Hour {
			t.Errorf("retention %s = %v, %v", days, cfg.Report.Retention, err)
		}
	}
	if r := cfg.Redacted(); r.Feedback.Salt != "[redacted]" {
		t.Errorf("salt not redacted: %q", r.Feedback.Salt)
	}
}
