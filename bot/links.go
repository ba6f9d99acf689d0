package bot

import (
	"context"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/parley-bot/parley/answers"
)

// ArticlePath is the path of Parley's page of an article, relative to
// where the web pages are served. The id is path-escaped, so no id can
// leave /articles/ or break a link in Slack or Markdown.
func ArticlePath(id string) string { return "/articles/" + url.PathEscape(id) }

// SentenceID is the HTML id, and the URL fragment, of sentence n (counting
// from 1) on an article's page: "s12".
func SentenceID(n int) string { return "s" + strconv.Itoa(n) }

// Links makes the absolute addresses of Parley's article pages, for
// citations read outside the web pages (Slack, Discord, the console,
// `ask --json`). The zero Links has no public URL and makes none: every
// method then returns its input unchanged, so replies stay as they were.
type Links struct {
	base string // scheme://host[/prefix], no trailing slash
}

// NewLinks returns the Links for the public URL the web pages are reached
// at (http.public_url), which must be an absolute http(s) URL without a
// query, fragment or credentials; "" gives the zero Links.
func NewLinks(publicURL string) (Links, error) {
	if publicURL == "" {
		return Links{}, nil
	}
	u, err := url.Parse(publicURL)
	switch {
	case err != nil:
		return Links{}, fmt.Errorf("public url %q: %w", publicURL, err)
	case (u.Scheme != "http" && u.Scheme != "https") || u.Host == "":
		return Links{}, fmt.Errorf("public url %q is not an absolute http(s) URL", publicURL)
	case u.User != nil || u.RawQuery != "" || u.ForceQuery || u.Fragment != "":
		return Links{}, fmt.Errorf("public url %q must not carry credentials, a query or a fragment", publicURL)
	}
	u.Path = strings.TrimRight(u.Path, "/")
	u.RawPath = ""
	base := u.String()
	// Links are pasted into Slack's <url|text>, Markdown's [text](url) and
	// HTML; characters that end a link there have no place in a base URL.
	if strings.ContainsAny(base, " <>|()[]{}\"'`^") {
		return Links{}, fmt.Errorf("public url %q has characters that break links (spaces, brackets, quotes, | or <>)", publicURL)
	}
	return Links{base: base}, nil
}

// Enabled reports whether l makes links (a public URL is set).
func (l Links) Enabled() bool { return l.base != "" }

// Prefix is the path the pages sit under behind a proxy: "" for a public
// URL at its host's root, "/parley" for https://example.org/parley.
func (l Links) Prefix() string {
	u, err := url.Parse(l.base)
	if err != nil {
		return ""
	}
	return u.EscapedPath()
}

// Article is the address of an article's page, or "" without a public URL.
func (l Links) Article(id string) string {
	if !l.Enabled() {
		return ""
	}
	return l.base + ArticlePath(id)
}

// Sentence is the address of sentence n (from 1) of an article's page,
// where it is highlighted; the article's page when n is unknown (0).
func (l Links) Sentence(id string, n int) string {
	if !l.Enabled() || n < 1 {
		return l.Article(id)
	}
	return l.Article(id) + "#" + SentenceID(n)
}

// Quotes returns a copy of qs with each quote's Link set to its sentence.
func (l Links) Quotes(qs []answers.Quote) []answers.Quote {
	if !l.Enabled() || qs == nil {
		return qs
	}
	out := slices.Clone(qs)
	for i := range out {
		out[i].Link = l.Sentence(out[i].Article, out[i].Sentence)
	}
	return out
}

// Citations returns a copy of cs with each citation's Link set to its
// article's page.
func (l Links) Citations(cs []answers.Citation) []answers.Citation {
	if !l.Enabled() || cs == nil {
		return cs
	}
	out := slices.Clone(cs)
	for i := range out {
		out[i].Link = l.Article(out[i].Article)
	}
	return out
}

// Answer returns a with every quote linked, the further ones too.
func (l Links) Answer(a answers.Answer) answers.Answer {
	a.Quotes = l.Quotes(a.Quotes)
	a.Further = l.Quotes(a.Further)
	return a
}

// Summary returns s with every quote linked to its sentence and every new
// article to its page.
func (l Links) Summary(s answers.Summary) answers.Summary {
	if !l.Enabled() {
		return s
	}
	lines := slices.Clone(s.Lines)
	for i := range lines {
		lines[i].Quotes = l.Quotes(lines[i].Quotes)
	}
	s.Lines = lines
	s.NewArticles = l.Citations(s.NewArticles)
	return s
}

// Linked returns an Answerer that answers as a does and links every
// citation with l; a itself when l makes no links.
func Linked(a Answerer, l Links) Answerer {
	if !l.Enabled() {
		return a
	}
	return linked{a: a, l: l}
}

type linked struct {
	a Answerer
	l Links
}

func (x linked) Answer(ctx context.Context, question string) (answers.Answer, error) {
	a, err := x.a.Answer(ctx, question)
	return x.l.Answer(a), err
}

func (x linked) FollowUp(ctx context.Context, prev *answers.Turn, question string) (answers.Answer, error) {
	a, err := x.a.FollowUp(ctx, prev, question)
	return x.l.Answer(a), err
}

func (x linked) Sources(ctx context.Context) ([]answers.Citation, error) {
	cs, err := x.a.Sources(ctx)
	return x.l.Citations(cs), err
}

func (x linked) Summary(ctx context.Context, day time.Time) (answers.Summary, error) {
	s, err := x.a.Summary(ctx, day)
	return x.l.Summary(s), err
}

func (x linked) Hint(ctx context.Context) (string, error) { return x.a.Hint(ctx) }
