package page

import (
	"net"
	"net/url"
	"strings"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/publicsuffix"
)

// Meta is what a page states about its article. A field the page does not
// state is empty: nothing is guessed from the URL, the text or the clock.
type Meta struct {
	Title     string
	Outlet    string // the site or publisher name
	Byline    string // the authors' names, "A", "A and B", "A, B and C"
	Published string // YYYY-MM-DD, as the page writes the date (no time-zone shift)
	URL       string // the canonical URL, absolute http(s), no fragment
}

// ReadMeta reads the metadata doc states, from the first source that gives
// each field:
//
//   - Title: JSON-LD headline, og:title, the first <h1>, <title>.
//   - Outlet: JSON-LD publisher name, og:site_name.
//   - Byline: JSON-LD author names, <meta name="author">, article:author
//     (names only: a value that is a URL is not a name).
//   - Published: JSON-LD datePublished, article:published_time,
//     <time itemprop="datePublished"> or <time pubdate>, the first
//     <time datetime> inside the first <article>.
//   - URL: <link rel="canonical">, og:url, resolved against base.
//
// JSON-LD counts only from a node whose @type is an article type (see
// metadata.yaml), at the top level, in an array or in an @graph, with
// @id references followed. When base is given (the address the page was
// fetched from), a canonical URL on another site is not believed and the
// URL is base itself: a page cannot claim another site's article.
func ReadMeta(doc *html.Node, base *url.URL) Meta {
	m, _ := readMeta(doc, base)
	return m
}

// readMeta does ReadMeta's work and also returns the page's stated
// description, which finds the standfirst.
func readMeta(doc *html.Node, base *url.URL) (Meta, string) {
	var s scan
	s.walk(doc, false)
	ld := readJSONLD(s.jsonLD)
	desc := first(ld.description, s.meta["og:description"], s.meta["description"])

	m := Meta{
		Title:     first(ld.headline, s.meta["og:title"], s.h1, s.title),
		Outlet:    first(ld.publisher, s.meta["og:site_name"]),
		Byline:    first(ld.author, name(s.meta["author"]), name(s.meta["article:author"])),
		Published: first(date(ld.published), date(s.meta["article:published_time"]), date(s.timePublished), date(s.timeInArticle)),
	}
	canonical := first(absolute(s.canonical, base), absolute(s.meta["og:url"], base))
	switch {
	case base == nil:
		m.URL = canonical
	case canonical != "" && sameSite(canonical, base):
		m.URL = canonical
	default:
		m.URL = absolute(base.String(), nil)
	}
	return m, desc
}

// scan collects the raw values ReadMeta chooses from, in one walk.
type scan struct {
	meta          map[string]string // first content of each <meta property|name>, keys lowercased
	jsonLD        []string
	title, h1     string
	canonical     string
	timePublished string
	timeInArticle string
	seenArticle   bool
}

func (s *scan) walk(n *html.Node, inArticle bool) {
	if n.Type == html.ElementNode {
		switch n.DataAtom {
		case atom.Meta:
			key := strings.ToLower(strings.TrimSpace(first(attr(n, "property"), attr(n, "name"), attr(n, "itemprop"))))
			if key != "" {
				if s.meta == nil {
					s.meta = map[string]string{}
				}
				if _, ok := s.meta[key]; !ok {
					s.meta[key] = clip(attr(n, "content"))
				}
			}
		case atom.Link:
			if s.canonical == "" && hasToken(attr(n, "rel"), "canonical") {
				s.canonical = strings.TrimSpace(attr(n, "href"))
			}
		case atom.Script:
			if strings.EqualFold(strings.TrimSpace(attr(n, "type")), "application/ld+json") && n.FirstChild != nil {
				s.jsonLD = append(s.jsonLD, n.FirstChild.Data)
			}
			return
		case atom.Title:
			if s.title == "" && n.FirstChild != nil {
				s.title = clip(n.FirstChild.Data) // <title> holds raw text only
			}
			return
		case atom.H1:
			if s.h1 == "" {
				s.h1 = clip(textOf(n))
			}
		case atom.Time:
			dt := attr(n, "datetime")
			if dt != "" && s.timePublished == "" && (attr(n, "itemprop") == "datePublished" || hasAttr(n, "pubdate")) {
				s.timePublished = dt
			}
			if dt != "" && inArticle && s.timeInArticle == "" {
				s.timeInArticle = dt
			}
		case atom.Article:
			if !s.seenArticle {
				s.seenArticle = true
				inArticle = true
			}
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		s.walk(c, inArticle)
	}
}

// maxField bounds one metadata value; a longer one is hostile or broken.
const maxField = 1000

// clip trims s and returns it, or "" when it is longer than maxField.
func clip(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > maxField {
		return ""
	}
	return s
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Namespace == "" && strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return true
		}
	}
	return false
}

func hasToken(list, tok string) bool {
	for _, f := range strings.Fields(list) {
		if strings.EqualFold(f, tok) {
			return true
		}
	}
	return false
}

// first returns the first non-empty value.
func first(vs ...string) string {
	for _, v := range vs {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}

// name returns s when it reads as a person's or an organisation's name,
// not a link to a profile page.
func name(s string) string {
	s = clip(s)
	if s == "" || strings.Contains(s, "://") || strings.HasPrefix(s, "/") || strings.HasPrefix(s, "www.") {
		return ""
	}
	return s
}

// date returns the calendar date a timestamp states, YYYY-MM-DD, in the
// timestamp's own offset, or "" when s is not a date.
func date(s string) string {
	s = strings.TrimSpace(s)
	if len(s) >= 10 {
		d := s[:10]
		if len(s) == 10 || s[10] == 'T' || s[10] == 't' || s[10] == ' ' {
			if _, err := time.Parse(time.DateOnly, d); err == nil {
				return d
			}
		}
	}
	for _, layout := range []string{time.RFC1123Z, time.RFC1123, time.RFC850, time.RFC822Z, time.RFC822} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Format(time.DateOnly)
		}
	}
	return ""
}

// absolute resolves ref against base and returns it when it is an http or
// https URL, without its fragment.
func absolute(ref string, base *url.URL) string {
	ref = strings.TrimSpace(ref)
	if ref == "" || len(ref) > 2048 {
		return ""
	}
	u, err := url.Parse(ref)
	if err != nil {
		return ""
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	u.Fragment, u.RawFragment = "", ""
	return u.String()
}

// sameSite reports whether raw is on the same registrable domain as base
// (news.example.com and www.example.com are one site; an IP address or a
// host without a public suffix must match exactly).
func sameSite(raw string, base *url.URL) bool {
	u, err := url.Parse(raw)
	if err != nil {
		return false
	}
	a, b := strings.ToLower(u.Hostname()), strings.ToLower(base.Hostname())
	if a == b {
		return true
	}
	if net.ParseIP(a) != nil || net.ParseIP(b) != nil {
		return false
	}
	sa, errA := publicsuffix.EffectiveTLDPlusOne(a)
	sb, errB := publicsuffix.EffectiveTLDPlusOne(b)
	return errA == nil && errB == nil && sa == sb
}
