// Package webtest serves Parley's web fixtures over httptest, for the
// tests of fetching, page reading, feeds and web ingest: the five seed
// articles as full news pages (navigation, share and follow widgets,
// related links, newsletter boxes, comments around the text, JSON-LD and
// OpenGraph), RSS, Atom and JSON feeds linking them, a Windows-1251 page,
// a section front with no article, and every way a fetch goes wrong: a
// 404, a 500, a response that never comes, a redirect loop, a 50 MiB
// body, a binary file and a redirect to 127.0.0.1.
//
// It is a test helper: nothing outside tests imports it.
package webtest

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

//go:embed site
var site embed.FS

// Article is one seed article's fixture page and what the page states.
type Article struct {
	Seed      string `json:"seed"` // the seed's article id (its .txt file name)
	Path      string `json:"path"` // where the server serves the page
	File      string `json:"file"` // the fixture file under site/
	Title     string `json:"title"`
	Outlet    string `json:"outlet"`
	Byline    string `json:"byline"`
	Published string `json:"published"`
}

// Articles are the five seed articles' pages, in seed order, as
// site/articles.json lists them.
var Articles = mustArticles()

// mustArticles decodes site/articles.json strictly; the file is embedded,
// so an error is a mistake in the fixture, found by any test that runs.
func mustArticles() []Article {
	b, err := site.ReadFile("site/articles.json")
	if err != nil {
		panic(fmt.Sprintf("webtest: %v", err))
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var as []Article
	if err := dec.Decode(&as); err != nil || len(as) == 0 {
		panic(fmt.Sprintf("webtest: site/articles.json: %v (%d articles)", err, len(as)))
	}
	return as
}

// Paths of the other fixtures.
const (
	Cyrillic    = "/ru/novosti/biblioteka-otkrylas" // a Windows-1251 page, declared only in <meta>
	Front       = "/world/"                         // a section front: no article
	WorldRSS    = "/feeds/world.rss"                // RSS 2.0 linking articles 0–2, teasers only
	DigestAtom  = "/feeds/digest.atom"              // Atom linking 3 and 4, and one entry with its whole article
	TalksJSON   = "/feeds/talks.json"               // JSON Feed 1.1 with all five; item 4 carries its whole article
	MixedRSS    = "/feeds/mixed.rss"                // items that fail each its own way, and one good one
	Members     = "/members/exclusive"              // an article robots.txt disallows
	Missing     = "/missing"                        // 404
	Broken      = "/broken"                         // 500
	Slow        = "/slow"                           // never answers until the client gives up
	Loop        = "/loop"                           // redirects to itself forever
	Huge        = "/huge"                           // 50 MiB with a Content-Length
	HugeStream  = "/huge-stream"                    // 50 MiB chunked, no Content-Length
	Binary      = "/files/report.pdf"               // a binary file
	ToLocalhost = "/to-localhost"                   // redirects to http://127.0.0.1:PORT/
	HugeSize    = 50 << 20
)

// Server is a running fixture site. Pages and feeds are served with an
// ETag and Last-Modified and answer conditional requests with 304.
type Server struct {
	*httptest.Server
	mu       sync.Mutex
	bodies   map[string]served
	hits     map[string]int
	notModif int
}

type served struct {
	body  []byte
	ctype string
	mod   time.Time
}

// modTime is the Last-Modified of every fixture.
var modTime = time.Date(2025, 12, 23, 18, 0, 0, 0, time.UTC)

// NewServer starts the fixture site and closes it when the test ends.
func NewServer(tb testing.TB) *Server {
	tb.Helper()
	s := &Server{bodies: map[string]served{}, hits: map[string]int{}}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	tb.Cleanup(s.Close)
	base := s.Server.URL
	add := func(path, file, ctype string) {
		s.bodies[path] = served{body: bytes.ReplaceAll(mustRead(file), []byte("{{BASE}}"), []byte(base)), ctype: ctype, mod: modTime}
	}
	for _, a := range Articles {
		add(a.Path, a.File, "text/html; charset=utf-8")
	}
	add(Cyrillic, "vechernie-cp1251.html", "text/html")
	add(Front, "northbridge-world-front.html", "text/html; charset=utf-8")
	add(Members, "northbridge-000.html", "text/html; charset=utf-8")
	add(WorldRSS, "world.rss", "application/rss+xml; charset=utf-8")
	add(DigestAtom, "digest.atom", "application/atom+xml")
	add(TalksJSON, "talks.json", "application/feed+json")
	add(MixedRSS, "mixed.rss", "application/rss+xml")
	s.bodies["/robots.txt"] = served{body: []byte("User-agent: *\nDisallow: /members/\n"), ctype: "text/plain", mod: modTime}
	return s
}

func mustRead(file string) []byte {
	b, err := site.ReadFile("site/" + file)
	if err != nil {
		panic(fmt.Sprintf("webtest: %v", err))
	}
	return b
}

// URL is the absolute URL of path on the server.
func (s *Server) URL(path string) string { return s.Server.URL + path }

// Body is what the server serves at path (a page or a feed), or nil.
func (s *Server) Body(path string) []byte {
	s.mu.Lock()
	defer s.mu.Unlock()
	return bytes.Clone(s.bodies[path].body)
}

// Replace edits the page or feed at path, as a correction would: the
// first occurrence of old becomes new, and the page gets a new ETag and
// Last-Modified. It reports whether old was found.
func (s *Server) Replace(path, old, new string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	b, ok := s.bodies[path]
	if !ok || !bytes.Contains(b.body, []byte(old)) {
		return false
	}
	b.body = bytes.Replace(b.body, []byte(old), []byte(new), 1)
	b.mod = b.mod.Add(time.Hour)
	s.bodies[path] = b
	return true
}

// Hits is how many requests reached path.
func (s *Server) Hits(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[path]
}

// NotModified is how many requests were answered 304 Not Modified.
func (s *Server) NotModified() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.notModif
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.hits[r.URL.Path]++
	b, ok := s.bodies[r.URL.Path]
	s.mu.Unlock()
	if ok {
		w.Header().Set("Content-Type", b.ctype)
		w.Header().Set("ETag", `"`+strconv.FormatInt(b.mod.Unix(), 36)+"-"+strconv.Itoa(len(b.body))+`"`)
		rec := &statusWriter{ResponseWriter: w}
		http.ServeContent(rec, r, "", b.mod, bytes.NewReader(b.body))
		if rec.status == http.StatusNotModified {
			s.mu.Lock()
			s.notModif++
			s.mu.Unlock()
		}
		return
	}
	switch {
	case r.URL.Path == Missing:
		http.NotFound(w, r)
	case r.URL.Path == Broken:
		http.Error(w, "internal error", http.StatusInternalServerError)
	case r.URL.Path == Slow:
		select {
		case <-r.Context().Done():
		case <-time.After(30 * time.Second):
		}
	case r.URL.Path == Loop:
		http.Redirect(w, r, Loop+"?n="+strconv.Itoa(len(r.URL.RawQuery)+1), http.StatusFound)
	case r.URL.Path == Huge || r.URL.Path == HugeStream:
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		if r.URL.Path == Huge {
			w.Header().Set("Content-Length", strconv.Itoa(HugeSize))
		}
		chunk := bytes.Repeat([]byte("<p>All work and no play makes a very long page.</p>\n"), 1<<10)
		for n := 0; n < HugeSize; n += len(chunk) {
			if _, err := w.Write(chunk[:min(len(chunk), HugeSize-n)]); err != nil {
				return
			}
		}
	case r.URL.Path == Binary:
		w.Header().Set("Content-Type", "application/pdf")
		io.WriteString(w, "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n\x00\x01\x02\x03")
	case r.URL.Path == ToLocalhost:
		port := s.Listener.Addr().String()
		port = port[strings.LastIndex(port, ":")+1:]
		http.Redirect(w, r, "http://127.0.0.1:"+port+Articles[0].Path, http.StatusFound)
	default:
		http.NotFound(w, r)
	}
}

type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	w.status = code
	w.ResponseWriter.WriteHeader(code)
}
