package main

import (
	"errors"
	"fmt"
	"net/netip"
	"os"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/parley-bot/parley/bot"
	webpages "github.com/parley-bot/parley/bot/web"
	"github.com/parley-bot/parley/store"
)

// Config is everything an operator sets in the YAML file. Only cmd/parley
// reads it; packages get explicit constructor arguments.
type Config struct {
	Store   StoreConfig   `yaml:"store"`
	Answers AnswersConfig `yaml:"answers"`
	HTTP    HTTPConfig    `yaml:"http"`
	Slack   SlackConfig   `yaml:"slack"`
	Discord DiscordConfig `yaml:"discord"`
	Summary SummaryConfig `yaml:"summary"`
	Serve   ServeConfig   `yaml:"serve"`
	Inbox   InboxConfig   `yaml:"inbox"`
	Web     WebConfig     `yaml:"web"`
	Ingest  IngestConfig  `yaml:"ingest"`
	Feeds   []FeedConfig  `yaml:"feeds,omitempty"`
	// Conversation, Feedback and Report: follow-ups, the buttons under
	// answers, and the curator's report (issue 15).
	Conversation ConversationConfig `yaml:"conversation"`
	Feedback     FeedbackConfig     `yaml:"feedback"`
	Report       ReportConfig       `yaml:"report"`
}

// ConversationConfig governs follow-ups.
type ConversationConfig struct {
	// Window is how long a conversation (a Slack thread or DM, a person
	// in a Discord channel, a console session) remembers its last
	// question, so the next can lean on it ("When was that?").
	Window time.Duration `yaml:"window"`
}

// FeedbackConfig governs the buttons under answers.
type FeedbackConfig struct {
	// Salt keys the hashes Parley keeps instead of user ids and
	// conversation keys. Empty: one is made at random and kept in the
	// store. Set it (from the environment) to share it between stores.
	Salt string `yaml:"salt"`
}

// ReportConfig governs the curator's report: what people asked that went
// unanswered or was marked wrong.
type ReportConfig struct {
	// Channel is where the report is posted weekly; empty: nowhere.
	Channel ReportChannels `yaml:"channel"`
	// Weekday and Time are when, in summary.timezone.
	Weekday string `yaml:"weekday"`
	Time    string `yaml:"time"`
	// Retention is how many days questions, answers and verdicts are
	// kept before they are deleted.
	Retention Days `yaml:"retention"`
}

// ReportChannels are the channels the weekly report goes to.
type ReportChannels struct {
	Slack   string `yaml:"slack"`
	Discord string `yaml:"discord"`
}

// Days is a number of whole days, written 90 or 90d in the config.
type Days int

// UnmarshalYAML reads 90 or "90d".
func (d *Days) UnmarshalYAML(n *yaml.Node) error {
	v := strings.TrimSuffix(strings.TrimSpace(n.Value), "d")
	i, err := strconv.Atoi(v)
	if err != nil || n.Kind != yaml.ScalarNode {
		return fmt.Errorf("%q is not a number of days", n.Value)
	}
	*d = Days(i)
	return nil
}

// MarshalYAML writes d as 90d.
func (d Days) MarshalYAML() (any, error) { return strconv.Itoa(int(d)) + "d", nil }

// Duration is d as a time.Duration.
func (d Days) Duration() time.Duration { return time.Duration(d) * 24 * time.Hour }

// IngestConfig governs fetching from the web.
type IngestConfig struct {
	// AllowPrivate lets redirects and links found in feeds reach loopback,
	// private and link-local addresses (tests need it; production should not).
	AllowPrivate bool `yaml:"allow_private"`
	// HostDelay is the least time between two requests to one host; default 1s.
	HostDelay time.Duration `yaml:"host_delay"`
}

// FeedConfig is one feed `parley serve` keeps current.
type FeedConfig struct {
	URL     string        `yaml:"url"`
	Every   time.Duration `yaml:"every"`             // how often it is read; default 15m
	Include []string      `yaml:"include,omitempty"` // words an item must mention to be kept; none: every item
	Outlet  string        `yaml:"outlet"`            // names the outlet of its articles, over what the pages state
}

// minFeedEvery is the shortest interval a feed may be read at: more often
// is impolite to the publisher and buys nothing for news.
const minFeedEvery = time.Minute

// Location is where the store is: the URL when set, else the path.
func (c StoreConfig) Location() string {
	if c.URL != "" {
		return c.URL
	}
	return c.Path
}

// Options are the store's connection settings.
func (c StoreConfig) Options() []store.Option {
	connect := c.ConnectTimeout
	if connect == 0 {
		connect = 10 * time.Second
	}
	return []store.Option{store.WithPool(c.Pool), store.WithStatementTimeout(c.StatementTimeout), store.WithConnectTimeout(connect)}
}

// StoreConfig locates the store: a SQLite file (Path), or a PostgreSQL
// database (URL, postgres://…) that replicas of serve share.
type StoreConfig struct {
	Path string `yaml:"path"`
	// URL, when set, is used instead of Path: a postgres:// URL, its
	// password from the environment through ${VAR}.
	URL string `yaml:"url"`
	// Pool bounds the PostgreSQL connections one process holds (0: 10).
	Pool int `yaml:"pool"`
	// StatementTimeout makes PostgreSQL cancel a statement that runs
	// longer (0: none).
	StatementTimeout time.Duration `yaml:"statement_timeout"`
	// ConnectTimeout bounds opening a PostgreSQL connection (0: 10s).
	ConnectTimeout time.Duration `yaml:"connect_timeout"`
	// Seeds fills a new, empty store with the built-in articles; false
	// (or the --no-seeds flag) keeps it to the operator's own.
	Seeds bool `yaml:"seeds"`
}

// AnswersConfig configures the answer engine.
type AnswersConfig struct {
	// Domain is the domain pack: a YAML file, "builtin" for the pack of
	// the built-in articles, or "none". Empty means builtin when the
	// store is seeded with the built-in articles, else none.
	Domain string `yaml:"domain"`
}

// HTTPConfig is the listener for webhooks, health, metrics and the web
// pages, and the public URL people reach the web pages at.
type HTTPConfig struct {
	Listen string `yaml:"listen"`
	// PublicURL, when set, makes every citation (Slack, Discord, console,
	// ask --json) link to Parley's page of the article at the quoted
	// sentence: PublicURL/articles/{id}#sN.
	PublicURL string `yaml:"public_url"`
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

// WebConfig configures the web pages (bot/web): off unless enabled.
type WebConfig struct {
	Enabled bool          `yaml:"enabled"`
	Auth    WebAuthConfig `yaml:"auth"`
	Rate    WebRateConfig `yaml:"rate"`
	// TrustedProxies are the addresses (IPs or CIDR prefixes) of reverse
	// proxies whose X-Forwarded-For header is believed; empty: none is.
	TrustedProxies []string `yaml:"trusted_proxies,omitempty"`
}

// WebAuthConfig is optional HTTP basic auth for the web pages: both set,
// or neither.
type WebAuthConfig struct {
	User     string `yaml:"user"`
	Password string `yaml:"password"`
}

// WebRateConfig limits asks per client: a bucket of Burst asks refilled at
// PerMinute a minute.
type WebRateConfig struct {
	PerMinute int `yaml:"per_minute"`
	Burst     int `yaml:"burst"`
}

// Bounds on web.rate, to keep the limit meaningful.
const (
	maxWebPerMinute = 6000
	maxWebBurst     = 1000
)

// DefaultConfig is the configuration with no file: the console works, no
// adapter is enabled.
func DefaultConfig() Config {
	return Config{
		Store:   StoreConfig{Path: "parley.db", Seeds: true},
		HTTP:    HTTPConfig{Listen: ":8080"},
		Slack:   SlackConfig{Mode: "socket"},
		Discord: DiscordConfig{Mode: "gateway"},
		Summary: SummaryConfig{Time: "08:00", Timezone: "UTC"},
		Serve:   ServeConfig{Workers: defaultWorkers, ShutdownTimeout: defaultShutdownTimeout},
		Inbox:   InboxConfig{Lease: bot.DefaultLease, Retention: bot.DefaultRetention},
		Web:     WebConfig{Rate: WebRateConfig{PerMinute: webpages.DefaultPerMinute, Burst: webpages.DefaultBurst}},
		Ingest:  IngestConfig{HostDelay: time.Second},

		Conversation: ConversationConfig{Window: bot.DefaultWindow},
		Report:       ReportConfig{Weekday: "monday", Time: "09:00", Retention: Days(bot.DefaultQuestionRetention / (24 * time.Hour))},
	}
}

// LoadConfig reads the YAML file at path over DefaultConfig. ${VAR} in any
// value expands from getenv; an unset variable expands to empty, except
// that store.url must not expand to nothing (see checkStoreURLEnv). Unknown
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
	if err := checkStoreURLEnv(doc, getenv); err != nil {
		return Config{}, err
	}
	expand(doc, getenv)
	if err := checkKeys(doc, reflect.TypeOf(cfg), ""); err != nil {
		return Config{}, err
	}
	if err := doc.Decode(&cfg); err != nil {
		return Config{}, fmt.Errorf("parse: %w", err)
	}
	cfg.normalize()
	if err := cfg.Validate(); err != nil {
		var ke *keyError
		if errors.As(err, &ke) {
			if line := lineOf(doc, ke.key); line > 0 {
				return Config{}, fmt.Errorf("line %d: %w", line, err)
			}
		}
		return Config{}, err
	}
	return cfg, nil
}

// keyError is an invalid config value, named by its dotted key.
type keyError struct {
	key, msg string
}

func (e *keyError) Error() string { return e.key + ": " + e.msg }

// lineOf is the line of the value at a dotted key under the mapping n
// ("web.rate.burst", "feeds[1].url"), or 0 when the file does not set it
// (a default).
func lineOf(n *yaml.Node, key string) int {
	first, rest, more := strings.Cut(key, ".")
	name, index, indexed := strings.Cut(first, "[")
	if n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	if n.Kind != yaml.MappingNode {
		return 0
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value != name {
			continue
		}
		v := n.Content[i+1]
		if indexed {
			j, err := strconv.Atoi(strings.TrimSuffix(index, "]"))
			if err != nil || v.Kind != yaml.SequenceNode || j < 0 || j >= len(v.Content) {
				return v.Line
			}
			v = v.Content[j]
		}
		if !more {
			return v.Line
		}
		return lineOf(v, rest)
	}
	return 0
}

// checkKeys walks a mapping node against the struct type t and reports the
// first key t has no field for, or a value of the wrong shape, by its
// dotted path and line.
func checkKeys(n *yaml.Node, t reflect.Type, prefix string) error {
	if n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	if t.Kind() == reflect.Slice {
		key := strings.TrimSuffix(prefix, ".")
		if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
			return nil
		}
		if n.Kind != yaml.SequenceNode {
			return fmt.Errorf("line %d: %s must be a list", n.Line, key)
		}
		for i, e := range n.Content {
			if err := checkKeys(e, t.Elem(), fmt.Sprintf("%s[%d].", key, i)); err != nil {
				return err
			}
		}
		return nil
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
	case t == reflect.TypeOf(Days(0)):
		return "a number of days such as 90 or 90d"
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

// normalize makes empty lists nil, so "feeds: []" and no feeds are one config.
func (c *Config) normalize() {
	if len(c.Feeds) == 0 {
		c.Feeds = nil
	}
	if len(c.Web.TrustedProxies) == 0 {
		c.Web.TrustedProxies = nil
	}
	for i := range c.Feeds {
		if len(c.Feeds[i].Include) == 0 {
			c.Feeds[i].Include = nil
		}
	}
}

// parsePrefixes reads IP addresses and CIDR prefixes ("10.0.0.0/8",
// "::1"); an address alone is a prefix of one address.
func parsePrefixes(ss []string) ([]netip.Prefix, error) {
	var out []netip.Prefix
	for _, s := range ss {
		if p, err := netip.ParsePrefix(s); err == nil {
			out = append(out, p.Masked())
			continue
		}
		a, err := netip.ParseAddr(s)
		if err != nil {
			return nil, fmt.Errorf("%q is not an IP address or CIDR prefix such as 10.0.0.0/8", s)
		}
		out = append(out, netip.PrefixFrom(a.Unmap(), a.Unmap().BitLen()))
	}
	return out, nil
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
	c.Web.Auth.Password = hide(c.Web.Auth.Password)
	c.Feedback.Salt = hide(c.Feedback.Salt)
	c.Store.URL = store.Redact(c.Store.URL)
	return c
}
