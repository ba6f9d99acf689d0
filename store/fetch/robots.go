package fetch

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/temoto/robotstxt"
)

// How long a host's robots.txt is believed: an answer for a day (RFC 9309
// asks for no more), an unreachable one for a few minutes.
const (
	robotsTTL      = 24 * time.Hour
	robotsErrorTTL = 5 * time.Minute
	maxRobotsHosts = 10_000
)

type robotsCache struct {
	mu sync.Mutex
	m  map[string]robotsEntry
}

type robotsEntry struct {
	data    *robotstxt.RobotsData // nil: unreachable, everything disallowed
	why     string
	expires time.Time
	err     error // the host may not be fetched at all (a private address, a bad scheme)
}

func (rc *robotsCache) init() { rc.m = map[string]robotsEntry{} }

func (rc *robotsCache) get(origin string, now time.Time) (robotsEntry, bool) {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	e, ok := rc.m[origin]
	if !ok || now.After(e.expires) {
		return robotsEntry{}, false
	}
	return e, true
}

func (rc *robotsCache) put(origin string, e robotsEntry) {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	if len(rc.m) >= maxRobotsHosts {
		clear(rc.m)
	}
	rc.m[origin] = e
}

// agent is the product token robots.txt groups are matched against: the
// User-Agent's first word, without its version ("Parley").
func (c *Client) agent() string {
	a, _, _ := strings.Cut(c.opts.UserAgent, "/")
	if a, _, _ = strings.Cut(a, " "); a == "" {
		return "Parley"
	}
	return a
}

// allowed checks u against its host's robots.txt (RFC 9309): a missing
// robots.txt (4xx) allows everything; a server error or an unreachable
// host disallows everything, for a while.
func (c *Client) allowed(ctx context.Context, pu *url.URL) error {
	origin := pu.Scheme + "://" + pu.Host
	e, ok := c.robots.get(origin, time.Now())
	if !ok {
		e = c.fetchRobots(ctx, origin)
		if e.err != nil {
			return e.err // the page could not be fetched either; say why
		}
		c.robots.put(origin, e)
	}
	if e.data == nil {
		return fmt.Errorf("%w: %s", ErrRobots, e.why)
	}
	path := pu.EscapedPath()
	if pu.RawQuery != "" {
		path += "?" + pu.RawQuery
	}
	if path == "" {
		path = "/"
	}
	if !e.data.TestAgent(path, c.agent()) {
		return ErrRobots
	}
	return nil
}

func (c *Client) fetchRobots(ctx context.Context, origin string) robotsEntry {
	resp, err := c.Get(ctx, Request{URL: origin + "/robots.txt", Kind: Robots})
	var se *StatusError
	switch {
	case errors.As(err, &se):
		data, perr := robotstxt.FromStatusAndBytes(se.Code, nil)
		if perr != nil || se.Code >= 500 {
			return robotsEntry{why: "robots.txt answered " + se.Error(), expires: time.Now().Add(robotsErrorTTL)}
		}
		return robotsEntry{data: data, expires: time.Now().Add(robotsTTL)}
	case errors.Is(err, ErrPrivate), errors.Is(err, ErrScheme), errors.Is(err, context.Canceled):
		return robotsEntry{err: err}
	case err != nil:
		return robotsEntry{why: "robots.txt unreachable: " + err.Error(), expires: time.Now().Add(robotsErrorTTL)}
	}
	data, err := robotstxt.FromBytes(resp.Body)
	if err != nil {
		// An unparsable robots.txt states no rule we can follow; allow.
		data, _ = robotstxt.FromStatusAndBytes(404, nil)
	}
	return robotsEntry{data: data, expires: time.Now().Add(robotsTTL)}
}
