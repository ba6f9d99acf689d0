package feed

import (
	"bytes"
	"errors"
	"net/url"
	"strings"
	"testing"

	"github.com/parley-bot/parley/store/webtest"
)

func parse(t *testing.T, srv *webtest.Server, path string) Feed {
	t.Helper()
	u, _ := url.Parse(srv.URL(path))
	f, err := Parse(bytes.NewReader(srv.Body(path)), u)
	if err != nil {
		t.Fatalf("Parse(%s): %v", path, err)
	}
	return f
}

func TestParseFixtures(t *testing.T) {
	srv := webtest.NewServer(t)
	a := webtest.Articles
	type want struct{ guid, link, title, byline, published string }
	tests := []struct {
		path  string
		title string
		items []want
		full  map[int]string // item index → a sentence its own content must hold
	}{
		{webtest.WorldRSS, "World news", []want{
			{"nbt-2025-120501", srv.URL(a[0].Path), a[0].Title, "", "2025-12-06"},
			{"cw-88412", srv.URL(a[1].Path), a[1].Title, "", "2025-12-06"},
			{"edb-7731", srv.URL(a[2].Path), a[2].Title, "", "2025-12-06"},
		}, nil},
		{webtest.DigestAtom, "Digest", []want{
			{"tag:digest.example,2025:003", srv.URL(a[3].Path), a[3].Title, "Se Young Lee", "2025-12-23"},
			{"tag:digest.example,2025:004", srv.URL(a[4].Path), a[4].Title, "", ""},
			{"tag:digest.example,2025:tram", srv.URL("/city/tram-extension-approved"), "Council approves tram line extension to hospital campus", "Marek Nowak", "2025-12-04"},
		}, map[int]string{2: "Councillors backed the plan by 31 votes to 9."}},
		{webtest.TalksJSON, "Talks watch", []want{
			{srv.URL(a[0].Path), srv.URL(a[0].Path), a[0].Title, "Daniel Okafor", "2025-12-05"},
			{srv.URL(a[1].Path), srv.URL(a[1].Path), a[1].Title, "Lena Marchetti", "2025-12-06"},
			{srv.URL(a[2].Path), srv.URL(a[2].Path), a[2].Title, "", "2025-12-06"},
			{srv.URL(a[3].Path), srv.URL(a[3].Path), a[3].Title, "Se Young Lee", "2025-12-23"},
			{"digest-004", srv.URL(a[4].Path), a[4].Title, "", ""},
		}, map[int]string{4: "Russia currently controls about one-fifth of Ukrainian territory."}},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			f := parse(t, srv, tt.path)
			if f.Title != tt.title {
				t.Errorf("Title = %q, want %q", f.Title, tt.title)
			}
			if len(f.Items) != len(tt.items) {
				t.Fatalf("%d items, want %d", len(f.Items), len(tt.items))
			}
			for i, w := range tt.items {
				it := f.Items[i]
				got := want{it.GUID, it.Link, it.Title, it.Byline, it.Published}
				if got != w {
					t.Errorf("item %d =\n%+v\nwant\n%+v", i, got, w)
				}
				sentence, isFull := tt.full[i]
				switch {
				case isFull && !strings.Contains(it.Content, sentence):
					t.Errorf("item %d: content lacks %q:\n%s", i, sentence, it.Content)
				case !isFull && it.Content != "":
					t.Errorf("item %d: a teaser was taken for the whole article: %q", i, it.Content)
				}
			}
		})
	}
}

func TestFullContentRule(t *testing.T) {
	para := "<p>The council met on Tuesday evening and voted on the plan for the new library after a long debate in the chamber.</p>"
	for name, tc := range map[string]struct {
		content string
		full    bool
	}{
		"long prose":                  {strings.Repeat(para, 8), true},
		"teaser":                      {para + para, false},
		"cut with an ellipsis":        {strings.Repeat(para, 8) + "<p>And then the mayor said that […]</p>", false},
		"a list of links":             {"<ul>" + strings.Repeat("<li><a href='/x'>Another headline about the news of the day here</a></li>", 40) + "</ul>", false},
		"plain text, one para a line": {strings.Repeat("The council met on Tuesday evening and voted on the plan for the new library after a long debate.\n", 8), true},
	} {
		t.Run(name, func(t *testing.T) {
			if _, got := full(tc.content); got != tc.full {
				t.Errorf("full = %v, want %v", got, tc.full)
			}
		})
	}
}

func TestParseBad(t *testing.T) {
	srv := webtest.NewServer(t)
	for name, data := range map[string][]byte{
		"empty":          nil,
		"an HTML page":   srv.Body(webtest.Articles[0].Path),
		"binary":         []byte("%PDF-1.7\n\x00\x01\x02"),
		"truncated rss":  []byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item><title>`),
		"json, not feed": []byte(`{"hello": "world"}`),
	} {
		t.Run(name, func(t *testing.T) {
			if _, err := Parse(bytes.NewReader(data), nil); !errors.Is(err, ErrNotFeed) {
				t.Errorf("Parse = %v, want ErrNotFeed", err)
			}
		})
	}
}

func TestParseWindows1251Feed(t *testing.T) {
	// "Новости" and "Библиотека открылась" in Windows-1251.
	data := []byte("<?xml version=\"1.0\" encoding=\"windows-1251\"?><rss version=\"2.0\"><channel><title>\xcd\xee\xe2\xee\xf1\xf2\xe8</title>" +
		"<item><title>\xc1\xe8\xe1\xeb\xe8\xee\xf2\xe5\xea\xe0 \xee\xf2\xea\xf0\xfb\xeb\xe0\xf1\xfc</title><link>http://news.example/1</link></item></channel></rss>")
	f, err := Parse(bytes.NewReader(data), nil)
	if err != nil {
		t.Fatal(err)
	}
	if f.Title != "Новости" || len(f.Items) != 1 || f.Items[0].Title != "Библиотека открылась" {
		t.Errorf("Parse = %+v, want the titles decoded to UTF-8", f)
	}
}

func TestRelativeLinks(t *testing.T) {
	data := []byte(`<rss version="2.0"><channel><title>x</title><link>https://news.example/</link>
<item><title>a</title><link>/2025/story#comments</link></item>
<item><title>b</title><link>javascript:alert(1)</link></item></channel></rss>`)
	base, _ := url.Parse("https://news.example/feeds/all.rss")
	f, err := Parse(bytes.NewReader(data), base)
	if err != nil {
		t.Fatal(err)
	}
	if got := f.Items[0].Link; got != "https://news.example/2025/story" {
		t.Errorf("relative link = %q, want it resolved without its fragment", got)
	}
	if got := f.Items[1].Link; strings.HasPrefix(got, "http") {
		t.Errorf("javascript link = %q, want it left unfetchable", got)
	}
}
