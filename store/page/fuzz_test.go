package page

import (
	"bytes"
	"errors"
	"net/url"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// FuzzRead feeds hostile pages to Read: it must never panic, and what it
// returns must be well formed.
func FuzzRead(f *testing.F) {
	// Small seeds: the fuzzer's baseline and minimisation run slowly on
	// whole fixture pages (TestReadSeedPages covers those).
	f.Add([]byte(article(`<meta property="og:title" content="T"><meta property="og:site_name" content="S"><link rel=canonical href="/c">`,
		`<article><h1>H</h1><time datetime="2025-12-05T21:47:00-05:00">x</time></article>`)), "text/html; charset=utf-8")
	f.Add([]byte("<meta charset=windows-1251><h1>\xcc\xee\xf1\xea\xe2\xe0</h1><p>\xc3\xee\xf0\xee\xe4.</p>"), "text/html")
	f.Add([]byte(`<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","author":{"@id":"x"}},{"@id":"x","name":{"@id":"x"}}]}</script>`), "")
	f.Add([]byte(`<script type="application/ld+json">[[[[{"@type":["Article"],"headline":["a",1,null],"datePublished":{"@value":"9999-99-99"}}]]]]</script>`), "")
	f.Add([]byte("<article><time datetime='2025-13-01'>"+strings.Repeat("<div><p>x y z. ", 300)), "text/html; charset=utf-16")
	f.Add([]byte("\xff\xfe<\x00h\x001\x00>\x00"), "")
	base, _ := url.Parse("https://www.example.com/a/b")
	f.Fuzz(func(t *testing.T, data []byte, contentType string) {
		p, err := Read(bytes.NewReader(data), contentType, base)
		if err != nil {
			if p != (Page{}) {
				t.Errorf("Read returned a page with error %v", err)
			}
			return
		}
		for name, v := range map[string]string{"title": p.Title, "outlet": p.Outlet, "byline": p.Byline, "text": p.Text} {
			if !utf8.ValidString(v) {
				t.Errorf("%s is not valid UTF-8: %q", name, v)
			}
		}
		for name, v := range map[string]string{"title": p.Title, "outlet": p.Outlet, "byline": p.Byline} {
			if len(v) > maxField*(maxAuthors+1) || strings.ContainsAny(v, "\n\r") {
				t.Errorf("%s is not one bounded line: %q", name, v)
			}
		}
		if p.Published != "" {
			if _, err := time.Parse(time.DateOnly, p.Published); err != nil {
				t.Errorf("published %q is not a date", p.Published)
			}
		}
		if u, err := url.Parse(p.URL); err != nil || (u.Scheme != "http" && u.Scheme != "https") {
			t.Errorf("url %q is not http(s)", p.URL)
		}
		if errors.Is(err, ErrNoArticle) || p.Text == "" {
			t.Errorf("Read returned no text and no error")
		}
	})
}
