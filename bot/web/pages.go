package web

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/base64"
	"html/template"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/parley-bot/parley/answers"
	"github.com/parley-bot/parley/bot"
)

//go:embed templates
var files embed.FS

// styleSheet is the one style sheet, inlined in every page and allowed by
// its hash in the Content-Security-Policy: no request, no script.
var styleSheet = mustRead("templates/style.css")

// contentSecurityPolicy allows the inline style sheet (by hash), forms
// posting to this site, and nothing else: no script at all, no images,
// fonts or frames from anywhere, no <base> tricks, and no framing of
// Parley's pages.
var contentSecurityPolicy = "default-src 'none'; style-src '" + styleHash(styleSheet) + "'; " +
	"form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

func mustRead(name string) string {
	b, err := files.ReadFile(name)
	if err != nil {
		panic(err) // embedded at build time: cannot happen
	}
	return strings.TrimSpace(string(b))
}

func styleHash(css string) string {
	sum := sha256.Sum256([]byte(css))
	return "sha256-" + base64.StdEncoding.EncodeToString(sum[:])
}

// pageNames are the page templates; each is parsed with layout.html.
var pageNames = []string{"ask", "summary", "articles", "article", "problem"}

// parsePages parses every page with the layout, its links under prefix.
func parsePages(prefix string) (map[string]*template.Template, error) {
	funcs := template.FuncMap{
		"css":  func() template.CSS { return template.CSS(styleSheet) },
		"path": func(p string) string { return prefix + p },
	}
	base, err := template.New("layout").Funcs(funcs).ParseFS(files, "templates/layout.html")
	if err != nil {
		return nil, err
	}
	out := map[string]*template.Template{}
	for _, name := range pageNames {
		t, err := template.Must(base.Clone()).ParseFS(files, "templates/"+name+".html")
		if err != nil {
			return nil, err
		}
		out[name] = t
	}
	return out, nil
}

// page is what every template reads; each page fills its part.
type page struct {
	Title    string // the <title>, before " — Parley"
	Nav      string // the current nav item: ask, articles or summary
	Question string // the ask box's value
	// Problem and Detail explain an error page or a rejected ask.
	Problem  string
	Detail   string
	ShowForm bool

	Reply      *replyView
	Summary    *summaryView
	Articles   []citeView
	Article    *citeView
	Paragraphs []paragraph
}

// replyView is a bot reply ready to show.
type replyView struct {
	Kind     string // bot.Kind.String(): answered, refused, help, sources, summary, busy, error
	Text     string
	Direct   string // the direct answer, unless it only repeats the first quote
	Conflict bool
	Quotes   []quoteView // the answer's quote, or with Conflict every side
	Also     []quoteView // further articles saying the same
	Sources  []citeView
	Summary  *summaryView
}

type quoteView struct {
	Text string
	Cite citeView
	Side bool // one side of a disagreement
}

// citeView is an article's citation: its title linked to Parley's page
// (at the quoted sentence, for a quote) and what the article states.
type citeView struct {
	ID    string
	Title string
	Href  string
	Meta  []metaPart
}

// metaPart is one item of a citation's small print: plain text, a date
// (Time, for <time datetime>) or a link (Href).
type metaPart struct {
	Text string
	Href string
	Time string
}

type summaryView struct {
	Title       string
	Date        string
	Lines       []lineView
	NewArticles []citeView
}

type lineView struct {
	Text        string
	Conflict    bool
	QuotedAlone bool // the line is its first quote: show the quote only
	Quotes      []quoteView
}

// paragraph is one paragraph of an article, its sentences marked.
type paragraph struct {
	Heading bool
	Parts   []part
}

// part is a sentence (ID set, "s12") or the text between two.
type part struct {
	ID   string
	Text string
}

// sourceURL is an article's own URL when it is safe to link: absolute
// http(s) only. A javascript:, data: or relative URL is not linked at all.
func sourceURL(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	return u.String()
}

// cite builds the citation of c, its link at sentence n when n > 0.
func (s *Server) cite(c answers.Citation, n int) citeView {
	v := citeView{ID: c.Article, Title: c.Title, Href: s.prefix + bot.ArticlePath(c.Article)}
	if v.Title == "" {
		v.Title = "Article " + c.Article
	}
	if n > 0 {
		v.Href += "#" + bot.SentenceID(n)
	}
	if c.Outlet != "" {
		v.Meta = append(v.Meta, metaPart{Text: c.Outlet})
	}
	if c.Byline != "" {
		v.Meta = append(v.Meta, metaPart{Text: "by " + c.Byline})
	}
	if c.Published != "" {
		v.Meta = append(v.Meta, metaPart{Text: c.Published, Time: c.Published})
	}
	if u := sourceURL(c.URL); u != "" {
		v.Meta = append(v.Meta, metaPart{Text: "source", Href: u})
	}
	return v
}

func (s *Server) quotes(qs []answers.Quote, side bool) []quoteView {
	out := make([]quoteView, len(qs))
	for i, q := range qs {
		out[i] = quoteView{Text: q.Text, Cite: s.cite(q.Citation, q.Sentence), Side: side}
	}
	return out
}

func (s *Server) citations(cs []answers.Citation) []citeView {
	out := make([]citeView, len(cs))
	for i, c := range cs {
		out[i] = s.cite(c, 0)
	}
	return out
}

// replyView turns a bot reply into what the ask page shows.
func (s *Server) replyView(r bot.Reply) *replyView {
	v := &replyView{Kind: r.Kind.String(), Text: r.Text, Conflict: r.Conflict, Sources: s.citations(r.Sources)}
	if r.Summary != nil {
		v.Summary = s.summaryView(*r.Summary)
	}
	if len(r.Quotes) == 0 || strings.TrimSpace(r.Text) != strings.TrimSpace(r.Quotes[0].Text) {
		v.Direct = r.Text
	}
	switch {
	case r.Conflict:
		v.Quotes = s.quotes(r.Quotes, true)
	case len(r.Quotes) > 0:
		v.Quotes = s.quotes(r.Quotes[:1], false)
		v.Also = s.quotes(r.Quotes[1:], false)
	}
	return v
}

func (s *Server) summaryView(sum answers.Summary) *summaryView {
	v := &summaryView{Title: sum.Title, Date: sum.Date, NewArticles: s.citations(sum.NewArticles)}
	for _, l := range sum.Lines {
		v.Lines = append(v.Lines, lineView{
			Text: l.Text, Conflict: l.Conflict, Quotes: s.quotes(l.Quotes, l.Conflict),
			QuotedAlone: len(l.Quotes) > 0 && strings.TrimSpace(l.Quotes[0].Text) == strings.TrimSpace(l.Text),
		})
	}
	return v
}

// render writes page name with status. The page is rendered in full
// before anything is sent, so a template error is a clean 500.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name string, p page) {
	var buf bytes.Buffer
	if err := s.pages[name].ExecuteTemplate(&buf, "layout", p); err != nil {
		s.log.Error("web: render page", slog.String("page", name), slog.Any("err", err))
		http.Error(w, "Sorry, this page could not be shown.", http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Content-Length", strconv.Itoa(buf.Len()))
	if h.Get("Cache-Control") == "" {
		h.Set("Cache-Control", "no-cache")
	}
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(buf.Bytes())
	}
}

// fail shows a short page explaining a refused request.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, status int, problem, detail string) {
	s.render(w, r, status, "problem", page{Title: problem, Problem: problem, Detail: detail})
}

// tooMany is the 429 page, with Retry-After.
func (s *Server) tooMany(w http.ResponseWriter, r *http.Request, wait time.Duration) {
	s.rejected.WithLabelValues("rate").Inc()
	secs := retryAfter(wait)
	w.Header().Set("Retry-After", strconv.Itoa(secs))
	unit := "seconds"
	if secs == 1 {
		unit = "second"
	}
	s.fail(w, r, http.StatusTooManyRequests, "Too many questions at once",
		"Please wait "+strconv.Itoa(secs)+" "+unit+" and ask again.")
}
