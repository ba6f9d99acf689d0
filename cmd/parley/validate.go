package main

import (
	"encoding/hex"
	"fmt"
	"net"
	"net/url"
	"strings"
	"time"

	"github.com/parley-bot/parley/bot"
	"github.com/parley-bot/parley/store"
)

// badFunc records an invalid value under its config key.
type badFunc = func(key, format string, args ...any)

// Validate reports the first invalid value, naming its key.
func (c Config) Validate() error {
	var errs []error
	bad := func(key, format string, args ...any) {
		errs = append(errs, &keyError{key: key, msg: fmt.Sprintf(format, args...)})
	}
	c.Store.validate(bad)
	if c.HTTP.Listen != "" {
		if _, _, err := net.SplitHostPort(c.HTTP.Listen); err != nil {
			bad("http.listen", "%q is not host:port", c.HTTP.Listen)
		}
	}
	c.Slack.validate(bad)
	c.Discord.validate(bad)
	c.Summary.validate(bad)
	c.Serve.validate(bad)
	c.Inbox.validate(bad)
	if _, err := bot.NewLinks(c.HTTP.PublicURL); err != nil {
		bad("http.public_url", "%q is not the http(s) URL of Parley's web pages, e.g. https://parley.example.org (no query, fragment or credentials)", c.HTTP.PublicURL)
	}
	c.Web.validate(bad)
	if c.Conversation.Window < time.Minute || c.Conversation.Window > 24*time.Hour {
		bad("conversation.window", "%s is not a duration between 1m and 24h, e.g. 10m", c.Conversation.Window)
	}
	if s := c.Feedback.Salt; s != "" && len(s) < 16 {
		bad("feedback.salt", "is %d characters; use at least 16 random ones (or leave it empty for Parley to make one)", len(s))
	}
	c.Report.validate(bad)
	if c.Ingest.HostDelay < 0 || c.Ingest.HostDelay > time.Minute {
		bad("ingest.host_delay", "%s is not between 0s and 1m", c.Ingest.HostDelay)
	}
	validateFeeds(bad, c.Feeds)
	if len(errs) > 0 {
		return errs[0]
	}
	return nil
}

// validate reports the store's invalid values through bad.
func (s StoreConfig) validate(bad badFunc) {
	switch {
	case s.URL != "":
		if !store.IsURL(s.URL) {
			bad("store.url", "%q is not a postgres:// URL", store.Redact(s.URL))
		}
	case s.Path == "":
		bad("store.path", "must not be empty")
	}
	if s.Pool < 0 {
		bad("store.pool", "must not be negative")
	}
	if s.StatementTimeout < 0 {
		bad("store.statement_timeout", "must not be negative")
	}
	if s.ConnectTimeout < 0 {
		bad("store.connect_timeout", "must not be negative")
	}
}

// validate reports Slack's invalid values through bad; the tokens and
// secret its mode needs are checked only when Slack is enabled.
func (s SlackConfig) validate(bad badFunc) {
	switch s.Mode {
	case "socket", "http":
	default:
		bad("slack.mode", "%q is not socket or http", s.Mode)
	}
	checkURL(bad, "slack.api_url", s.APIURL)
	if !s.Enabled {
		return
	}
	if s.BotToken == "" {
		bad("slack.bot_token", "is empty (set SLACK_BOT_TOKEN)")
	}
	if s.Mode == "socket" && s.AppToken == "" {
		bad("slack.app_token", "is empty; socket mode needs an app-level token (set SLACK_APP_TOKEN)")
	}
	if s.Mode == "http" && s.SigningSecret == "" {
		bad("slack.signing_secret", "is empty; http mode needs it to verify requests (set SLACK_SIGNING_SECRET)")
	}
}

// validate reports Discord's invalid values through bad; the token,
// application id and key its mode needs are checked only when Discord is
// enabled.
func (d DiscordConfig) validate(bad badFunc) {
	switch d.Mode {
	case "gateway", "http":
	default:
		bad("discord.mode", "%q is not gateway or http", d.Mode)
	}
	checkURL(bad, "discord.api_url", d.APIURL)
	if d.PublicKey != "" {
		if k, err := hex.DecodeString(d.PublicKey); err != nil || len(k) != 32 {
			bad("discord.public_key", "must be 64 hex characters (an Ed25519 public key)")
		}
	}
	if !d.Enabled {
		return
	}
	if d.Token == "" {
		bad("discord.token", "is empty (set DISCORD_BOT_TOKEN)")
	}
	if d.ApplicationID == "" {
		bad("discord.application_id", "is empty; it is needed to register slash commands")
	}
	if d.Mode == "http" && d.PublicKey == "" {
		bad("discord.public_key", "is empty; http mode needs it to verify requests")
	}
}

// validate reports the summary's invalid time or zone through bad.
func (s SummaryConfig) validate(bad badFunc) {
	if _, err := time.Parse("15:04", s.Time); err != nil {
		bad("summary.time", "%q is not HH:MM", s.Time)
	}
	if _, err := time.LoadLocation(s.Timezone); err != nil || s.Timezone == "" {
		bad("summary.timezone", "%q is not an IANA time zone name", s.Timezone)
	}
}

// validate reports serve's out-of-bounds values through bad.
func (s ServeConfig) validate(bad badFunc) {
	if s.Workers < 1 || s.Workers > maxWorkers {
		bad("serve.workers", "%d is not between 1 and %d", s.Workers, maxWorkers)
	}
	if s.ShutdownTimeout <= 0 || s.ShutdownTimeout > maxShutdownTimeout {
		bad("serve.shutdown_timeout", "%s is not a duration between 0s and %s, e.g. 10s", s.ShutdownTimeout, maxShutdownTimeout)
	}
}

// Bounds of the inbox settings.
const (
	minLease     = time.Second
	maxLease     = 10 * time.Minute
	minRetention = time.Hour
)

// validate reports the inbox's out-of-bounds values through bad.
func (in InboxConfig) validate(bad badFunc) {
	if in.Lease < minLease || in.Lease > maxLease {
		bad("inbox.lease", "%s is not a duration between %s and %s, e.g. 15s", in.Lease, minLease, maxLease)
	}
	if in.Retention < minRetention {
		bad("inbox.retention", "%s is shorter than %s: Slack retries an event for up to an hour", in.Retention, minRetention)
	}
}

// validate reports the weekly report's invalid values through bad.
func (r ReportConfig) validate(bad badFunc) {
	if r.Retention < 1 || r.Retention > 3650 {
		bad("report.retention", "%d days is not between 1 and 3650", r.Retention)
	}
	if _, err := bot.ParseWeekday(r.Weekday); err != nil {
		bad("report.weekday", "%q is not a day of the week, e.g. monday", r.Weekday)
	}
	if _, err := time.Parse("15:04", r.Time); err != nil {
		bad("report.time", "%q is not HH:MM", r.Time)
	}
}

// validateFeeds reports each feed's invalid values through bad, under
// feeds[i]: an empty, malformed or repeated URL, too short an interval,
// an empty include word.
func validateFeeds(bad badFunc, feeds []FeedConfig) {
	seen := map[string]bool{}
	for i, f := range feeds {
		key := fmt.Sprintf("feeds[%d]", i)
		if f.URL == "" {
			bad(key+".url", "is empty")
		}
		checkURL(bad, key+".url", f.URL)
		if seen[f.URL] {
			bad(key+".url", "%q is listed twice", f.URL)
		}
		seen[f.URL] = true
		if f.Every != 0 && f.Every < minFeedEvery {
			bad(key+".every", "%s is shorter than %s", f.Every, minFeedEvery)
		}
		for _, w := range f.Include {
			if strings.TrimSpace(w) == "" {
				bad(key+".include", "has an empty word")
			}
		}
	}
}

// validate reports web's invalid values through bad.
func (w WebConfig) validate(bad badFunc) {
	switch {
	case w.Auth.User != "" && w.Auth.Password == "":
		bad("web.auth.password", "is empty; basic auth needs a password (set it from the environment, e.g. ${PARLEY_WEB_PASSWORD})")
	case w.Auth.User == "" && w.Auth.Password != "":
		bad("web.auth.user", "is empty; basic auth needs a user name as well as the password")
	case strings.ContainsRune(w.Auth.User, ':'):
		bad("web.auth.user", "must not contain a colon (basic auth cannot carry one)")
	}
	if w.Rate.PerMinute < 1 || w.Rate.PerMinute > maxWebPerMinute {
		bad("web.rate.per_minute", "%d is not between 1 and %d", w.Rate.PerMinute, maxWebPerMinute)
	}
	if w.Rate.Burst < 1 || w.Rate.Burst > maxWebBurst {
		bad("web.rate.burst", "%d is not between 1 and %d", w.Rate.Burst, maxWebBurst)
	}
	if _, err := parsePrefixes(w.TrustedProxies); err != nil {
		bad("web.trusted_proxies", "%v", err)
	}
}

// checkURL reports raw through bad under key unless it is empty or an
// http(s) URL with a host.
func checkURL(bad badFunc, key, raw string) {
	if raw == "" {
		return
	}
	if u, err := url.Parse(raw); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		bad(key, "%q is not an http(s) URL", raw)
	}
}
