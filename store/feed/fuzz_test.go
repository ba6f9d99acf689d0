package feed

import (
	"bytes"
	"net/url"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// FuzzParse feeds hostile documents to Parse: it must never panic, and
// what it returns must be well formed.
func FuzzParse(f *testing.F) {
	f.Add([]byte(`<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>T</title>
<item><title>A</title><link>/a</link><guid>g</guid><pubDate>Sat, 06 Dec 2025 02:47:00 +0000</pubDate><content:encoded><![CDATA[<p>x</p>]]></content:encoded></item></channel></rss>`))
	f.Add([]byte(`<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><entry><id>i</id><link href="http://e.example/a"/><published>2025-12-23T09:00:00-05:00</published><author><name>N</name></author><content type="html">&lt;p&gt;x&lt;/p&gt;</content></entry></feed>`))
	f.Add([]byte(`{"version":"https://jsonfeed.org/version/1.1","title":"T","items":[{"id":"1","url":"https://e.example/1","content_text":"a\nb","date_published":"2025-12-05T21:47:00-05:00","authors":[{"name":"N"}]}]}`))
	f.Add([]byte(`<?xml version="1.0" encoding="windows-1251"?><rss version="2.0"><channel><title>` + "\xcd\xee" + `</title></channel></rss>`))
	f.Add([]byte(`<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><rss version="2.0"><channel><title>&b;</title></channel></rss>`))
	base, _ := url.Parse("https://news.example/feed")
	f.Fuzz(func(t *testing.T, data []byte) {
		feed, err := Parse(bytes.NewReader(data), base)
		if err != nil {
			return
		}
		if len(feed.Items) > MaxItems {
			t.Errorf("%d items, more than %d", len(feed.Items), MaxItems)
		}
		for _, it := range feed.Items {
			for name, v := range map[string]string{"guid": it.GUID, "title": it.Title, "byline": it.Byline, "summary": it.Summary} {
				if strings.ContainsAny(v, "\n\r") {
					t.Errorf("%s is not one line: %q", name, v)
				}
			}
			if !utf8.ValidString(it.Content) && utf8.Valid(data) {
				t.Errorf("content of valid UTF-8 input is not valid UTF-8")
			}
			if it.Published != "" {
				if _, err := time.Parse(time.DateOnly, it.Published); err != nil {
					t.Errorf("published %q is not a date", it.Published)
				}
			}
		}
	})
}
