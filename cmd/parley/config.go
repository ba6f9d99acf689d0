package main

import (
	"encoding/hex"
	"fmt"
	"net"
	"net/url"
	"os"
	"reflect"
	"regexp"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/parley-bot/parley/bot"
)

// Config is everything an operator sets in the YAML file. Only cmd/parley
// reads it; packages get explicit constructor arguments.
type Config struct {
	Store   StoreConfig   `yaml:"store"`
	HTTP    HTTPConfig    `yaml:"http"`
	Slack   SlackConfig   `yaml:"slack"`
	Discord DiscordConfig `yaml:"discord"`
	Summary SummaryConfig `yaml:"summary"`
	Serve   ServeConfig   `yaml:"serve"`
	Inbox   InboxConfig   `yaml:"inbox"`
}

// StoreConfig locates the SQLite store.
type StoreConfig struct {
	Path string `yaml:"path"`
}

// HTTPConfig is the listener for webhooks, health and metrics.
type HTTPConfig struct {
	Listen string `yaml:"listen"`
}

// SlackConfig configures the Slack adapter. Tokens come from the
// environment through ${VAR}.
type SlackConfig struct {
	Enabled        bool   `yaml:"enabled"`
	Mode           string `yaml:"mode"` // socket | http
	BotToken       string `yaml:"bot_token"`
	AppToken       string `yaml:"app_token"`
	SigningSecret  string `yaml:"signing_secret"`
	APIURL         string `yaml:"api_url"`
	SummaryChannel string `yaml:"summary_channel"`
}

// DiscordConfig configures the Discord adapter.
type DiscordConfig struct {
	Enabled        bool   `yaml:"enabled"`
	Mode           string `yaml:"mode"` // gateway | http
	Token          string `yaml:"token"`
	ApplicationID  string `yaml:"application_id"`
	PublicKey      string `yaml:"public_key"`
	GuildID        string `yaml:"guild_id"`
	APIURL         string `yaml:"api_url"`
	SummaryChannel string `yaml:"summary_channel"`
}

// SummaryConfig is when the daily summary is posted.
type SummaryConfig struct {
	Time     string `yaml:"time"`     // HH:MM
	Timezone string `yaml:"timezone"` // IANA name
}

// ServeConfig bounds the work `parley serve` takes on: how many answers run
// at once across every adapter, and how long a shutdown waits for them.
type ServeConfig struct {
	// Workers is the size of the shared answer pool; when every worker is
	// busy, users are told to try again rather than queued without bound.
	Workers int `yaml:"workers"`
	// ShutdownTimeout bounds how long SIGINT/SIGTERM waits for requests
	// and answers in flight before exiting anyway.
	ShutdownTimeout time.Duration `yaml:"shutdown_timeout"`
}

// InboxConfig tunes the inbox, where serve writes each Slack and Discord
// event down before acknowledging it.
type InboxConfig struct {
	// Lease is how long an event a process took up stays its own without
	// renewal: a live process renews it, and one that died (kill -9, a
	// lost machine) leaves its unanswered events for another start to
	// take up once it runs out.
	Lease time.Duration `yaml:"lease"`
	// Retention is how long events with an outcome are kept, for
	// deduplication and the record, before they are pruned.
	Retention time.Duration `yaml:"retention"`
}

// DefaultConfig is the configuration with no file: the console works, no
// adapter is enabled.
func DefaultConfig() Config {
	return Config{
		Store:   StoreConfig{Path: "parley.db"},
		HTTP:    HTTPConfig{Listen: ":8080"},
		Slack:   SlackConfig{Mode: "socket"},
		Discord: DiscordConfig{Mode: "gateway"},
		Summary: SummaryConfig{Time: "08:00", Timezone: "UTC"},
		Serve:   ServeConfig{Workers: defaultWorkers, ShutdownTimeout: defaultShutdownTimeout},
		Inbox:   InboxConfig{Lease: bot.DefaultLease, Retention: bot.DefaultRetention},
	}
}

// LoadConfig reads the YAML file at path over DefaultConfig. ${VAR} in any
// value expands from getenv; an unset variable expands to empty. Unknown
// keys and invalid values are errors that name the key.
func LoadConfig(path string, getenv func(string) string) (Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return Config{}, fmt.Errorf("read config: %w", err)
	}
	cfg, err := ParseConfig(data, getenv)
	if err != nil {
		return Config{}, fmt.Errorf("config %s: %w", path, err)
	}
	return cfg, nil
}

var envRef = regexp.MustCompile(`\$\{([A-Za-z_][A-Za-z0-9_]*)\}`)

// ParseConfig parses YAML config bytes; see LoadConfig.
func ParseConfig(data []byte, getenv func(string) string) (Config, error) {
	cfg := DefaultConfig()
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return Config{}, fmt.Errorf("parse: %w", err)
	}
	if root.Kind == 0 || len(root.Content) == 0 {
		return cfg, cfg.Validate()
	}
	doc := root.Content[0]
	expand(doc, getenv)
	if err := checkKeys(doc, reflect.TypeOf(cfg), ""); err != nil {
		return Config{}, err
	}
	if err := doc.Decode(&cfg); err != nil {
		return Config{}, fmt.Errorf("parse: %w", err)
	}
	return cfg, cfg.Validate()
}

// checkKeys walks a mapping node against the struct type t and reports the
// first key t has no field for, or a value of the wrong shape, by its
// dotted path and line.
func checkKeys(n *yaml.Node, t reflect.Type, prefix string) error {
	if n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	if t.Kind() != reflect.Struct {
		key := strings.TrimSuffix(prefix, ".")
		if n.Kind != yaml.ScalarNode {
			return fmt.Errorf("line %d: %s must be a single value", n.Line, key)
		}
		if err := n.Decode(reflect.New(t).Interface()); err != nil {
			return fmt.Errorf("line %d: %s: %q is not %s", n.Line, key, n.Value, kindName(t))
		}
		return nil
	}
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return nil
	}
	if n.Kind != yaml.MappingNode {
		return fmt.Errorf("line %d: %s must be a mapping of keys", n.Line, strings.TrimSuffix(prefix, "."))
	}
	fields := map[string]reflect.Type{}
	var names []string
	for i := range t.NumField() {
		tag, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ",")
		fields[tag] = t.Field(i).Type
		names = append(names, tag)
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		ft, ok := fields[k.Value]
		if !ok {
			where := "top level"
			if prefix != "" {
				where = strings.TrimSuffix(prefix, ".")
			}
			return fmt.Errorf("line %d: unknown key %s%s (known in %s: %s)", k.Line, prefix, k.Value, where, strings.Join(names, ", "))
		}
		if err := checkKeys(v, ft, prefix+k.Value+"."); err != nil {
			return err
		}
	}
	return nil
}

// kindName says in words what a config value of type t must look like.
func kindName(t reflect.Type) string {
	switch {
	case t == reflect.TypeOf(time.Duration(0)):
		return "a duration such as 10s or 1m30s"
	case t.Kind() == reflect.Bool:
		return "true or false"
	case t.Kind() >= reflect.Int && t.Kind() <= reflect.Uint64:
		return "a whole number"
	}
	return "a " + t.Kind().String()
}

// expand replaces ${VAR} in every value (not key) under n.
func expand(n *yaml.Node, getenv func(string) string) {
	switch n.Kind {
	case yaml.ScalarNode:
		v := envRef.ReplaceAllStringFunc(n.Value, func(m string) string {
			return getenv(m[2 : len(m)-1])
		})
		if v != n.Value && n.Style&(yaml.SingleQuotedStyle|yaml.DoubleQuotedStyle) == 0 {
			// A plain ${VAR} was read as a string; let the expanded
			// value resolve afresh, so "workers: ${N}" can be a number.
			n.Tag = ""
		}
		n.Value = v
	case yaml.MappingNode:
		for i := 1; i < len(n.Content); i += 2 {
			expand(n.Content[i], getenv)
		}
	default:
		for _, c := range n.Content {
			expand(c, getenv)
		}
	}
}

// Validate reports the first invalid value, naming its key.
func (c Config) Validate() error {
	var errs []error
	bad := func(key, format string, args ...any) {
		errs = append(errs, fmt.Errorf("%s: "+format, append([]any{key}, args...)...))
	}
	if c.Store.Path == "" {
		bad("store.path", "must not be empty")
	}
	if c.HTTP.Listen != "" {
		if _, _, err := net.SplitHostPort(c.HTTP.Listen); err != nil {
			bad("http.listen", "%q is not host:port", c.HTTP.Listen)
		}
	}
	switch c.Slack.Mode {
	case "socket", "http":
	default:
		bad("slack.mode", "%q is not socket or http", c.Slack.Mode)
	}
	checkURL(bad, "slack.api_url", c.Slack.APIURL)
	if c.Slack.Enabled {
		if c.Slack.BotToken == "" {
			bad("slack.bot_token", "is empty (set SLACK_BOT_TOKEN)")
		}
		if c.Slack.Mode == "socket" && c.Slack.AppToken == "" {
			bad("slack.app_token", "is empty; socket mode needs an app-level token (set SLACK_APP_TOKEN)")
		}
		if c.Slack.Mode == "http" && c.Slack.SigningSecret == "" {
			bad("slack.signing_secret", "is empty; http mode needs it to verify requests (set SLACK_SIGNING_SECRET)")
		}
	}
	switch c.Discord.Mode {
	case "gateway", "http":
	default:
		bad("discord.mode", "%q is not gateway or http", c.Discord.Mode)
	}
	checkURL(bad, "discord.api_url", c.Discord.APIURL)
	if c.Discord.PublicKey != "" {
		if k, err := hex.DecodeString(c.Discord.PublicKey); err != nil || len(k) != 32 {
			bad("discord.public_key", "must be 64 hex characters (an Ed25519 public key)")
		}
	}
	if c.Discord.Enabled {
		if c.Discord.Token == "" {
			bad("discord.token", "is empty (set DISCORD_BOT_TOKEN)")
		}
		if c.Discord.ApplicationID == "" {
			bad("discord.application_id", "is empty; it is needed to register slash commands")
		}
		if c.Discord.Mode == "http" && c.Discord.PublicKey == "" {
			bad("discord.public_key", "is empty; http mode needs it to verify requests")
		}
	}
	if _, err := time.Parse("15:04", c.Summary.Time); err != nil {
		bad("summary.time", "%q is not HH:MM", c.Summary.Time)
	}
	if _, err := time.LoadLocation(c.Summary.Timezone); err != nil || c.Summary.Timezone == "" {
		bad("summary.timezone", "%q is not an IANA time zone name", c.Summary.Timezone)
	}
	if c.Serve.Workers < 1 || c.Serve.Workers > maxWorkers {
		bad("serve.workers", "%d is not between 1 and %d", c.Serve.Workers, maxWorkers)
	}
	if c.Serve.ShutdownTimeout <= 0 || c.Serve.ShutdownTimeout > maxShutdownTimeout {
		bad("serve.shutdown_timeout", "%s is not a duration between 0s and %s, e.g. 10s", c.Serve.ShutdownTimeout, maxShutdownTimeout)
	}
	if c.Inbox.Lease < minLease || c.Inbox.Lease > maxLease {
		bad("inbox.lease", "%s is not a duration between %s and %s, e.g. 15s", c.Inbox.Lease, minLease, maxLease)
	}
	if c.Inbox.Retention < minRetention {
		bad("inbox.retention", "%s is shorter than %s: Slack retries an event for up to an hour", c.Inbox.Retention, minRetention)
	}
	if len(errs) > 0 {
		return errs[0]
	}
	return nil
}

// Bounds of the inbox settings.
const (
	minLease     = time.Second
	maxLease     = 10 * time.Minute
	minRetention = time.Hour
)

func checkURL(bad func(string, string, ...any), key, raw string) {
	if raw == "" {
		return
	}
	if u, err := url.Parse(raw); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		bad(key, "%q is not an http(s) URL", raw)
	}
}

// Redacted returns the config with secrets blanked, safe to log or print.
func (c Config) Redacted() Config {
	hide := func(s string) string {
		if s == "" {
			return ""
		}
		return "[redacted]"
	}
	c.Slack.BotToken = hide(c.Slack.BotToken)
	c.Slack.AppToken = hide(c.Slack.AppToken)
	c.Slack.SigningSecret = hide(c.Slack.SigningSecret)
	c.Discord.Token = hide(c.Discord.Token)
	return c
}
