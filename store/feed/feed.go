// Package feed reads news feeds — RSS 2.0, Atom and JSON Feed, with
// github.com/mmcdole/gofeed — into the items Parley ingests: each item's
// link, id, title, byline and published date as the feed states them, and
// the item's own article text when the feed carries the whole article.
//
// The rule for "the whole article": the item has content of its own
// (RSS content:encoded, Atom <content>, JSON Feed content_html or
// content_text; never the summary or description), that content reads as
// an article (page.Fragment: prose paragraphs, not a list of links), it
// has at least FullWords words, and it does not end in an ellipsis, the
// mark of a cut teaser ("…", "[…]", "..."). Otherwise the item's link is
// fetched and read as a page.
package feed

import (
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
	"github.com/mmcdole/gofeed/atom"
	"github.com/parley-bot/parley/store/page"
	"golang.org/x/net/html"
)

// atomTranslator is gofeed's, except that an entry's publication date is
// only its <published>: gofeed falls back to <updated>, a date the entry
// does not state as its publication.
type atomTranslator struct{}

func (atomTranslator) Translate(feed any) (*gofeed.Feed, error) {
	f, err := (&gofeed.DefaultAtomTranslator{}).Translate(feed)
	if err != nil {
		return nil, err
	}
	entries := feed.(*atom.Feed).Entries
	for i, it := range f.Items {
		if i < len(entries) && entries[i] != nil {
			it.Published, it.PublishedParsed = entries[i].Published, entries[i].PublishedParsed
		}
	}
	return f, nil
}

// FullWords is the fewest words an item's own content needs to count as
// the whole article rather than a teaser.
const FullWords = 150

// MaxItems bounds the items read from one feed; news feeds carry tens.
const MaxItems = 1000

// ErrNotFeed is returned for a document that is not an RSS, Atom or JSON feed.
var ErrNotFeed = errors.New("not an RSS, Atom or JSON feed")

// Feed is a read feed.
type Feed struct {
	Title string
	Items []Item
}

// Item is one entry of a feed. Fields the feed does not state are empty.
type Item struct {
	GUID      string // the item's id as the feed gives it, else its link
	Link      string // absolute http(s) URL of the article, or ""
	Title     string
	Byline    string
	Published string // YYYY-MM-DD as the feed writes it (no time-zone shift)
	Summary   string // the summary or description, as text
	Content   string // the whole article's text, when the item carries it (see the package doc)
}

// Parse reads a feed from r, which the caller bounds. base is the feed's
// own URL, against which relative links resolve (nil for a file).
func Parse(r io.Reader, base *url.URL) (Feed, error) {
	p := gofeed.NewParser()
	p.AtomTranslator = atomTranslator{}
	f, err := p.Parse(r)
	if errors.Is(err, gofeed.ErrFeedTypeNotDetected) {
		return Feed{}, ErrNotFeed
	}
	if err != nil {
		return Feed{}, fmt.Errorf("%w: %v", ErrNotFeed, oneLine(err.Error()))
	}
	if f.FeedType == "json" && f.FeedVersion == "" {
		return Feed{}, fmt.Errorf("%w: JSON without a JSON Feed version", ErrNotFeed)
	}
	if base == nil && f.Link != "" {
		base, _ = url.Parse(f.Link)
	}
	out := Feed{Title: line(f.Title)}
	for i, it := range f.Items {
		if i == MaxItems || it == nil {
			break
		}
		out.Items = append(out.Items, item(it, base))
	}
	return out, nil
}

func item(it *gofeed.Item, base *url.URL) Item {
	out := Item{
		Link:      link(it, base),
		Title:     line(it.Title),
		Byline:    byline(it.Authors),
		Published: published(it),
		Summary:   summary(it.Description),
	}
	out.GUID = first(line(it.GUID), out.Link)
	if it.Content != "" {
		if text, ok := full(it.Content); ok {
			out.Content = text
		}
	}
	return out
}

// full returns content's text when it is the whole article.
func full(content string) (string, bool) {
	if !strings.Contains(content, "<") {
		// Plain text (JSON Feed content_text): one paragraph per line.
		content = "<p>" + strings.Join(strings.Split(htmlEscape(content), "\n"), "</p><p>") + "</p>"
	}
	text, err := page.Fragment(content)
	if err != nil || len(strings.Fields(text)) < FullWords {
		return "", false
	}
	last := strings.TrimSpace(text[strings.LastIndex(text, "\n")+1:])
	for _, cut := range []string{"…", "...", "[…]", "[...]", "…]"} {
		if strings.HasSuffix(last, cut) {
			return "", false
		}
	}
	return text, true
}

func link(it *gofeed.Item, base *url.URL) string {
	raw := it.Link
	if raw == "" && len(it.Links) > 0 {
		raw = it.Links[0]
	}
	if raw == "" && it.GUID != "" && strings.HasPrefix(it.GUID, "http") {
		raw = it.GUID // RSS: a guid with isPermaLink is the item's link
	}
	raw = strings.TrimSpace(raw)
	if raw == "" || len(raw) > 2048 {
		return ""
	}
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return raw // kept so the failure can name it; fetching refuses it
	}
	u.Fragment, u.RawFragment = "", ""
	return u.String()
}

// maxAuthors bounds a byline.
const maxAuthors = 10

func byline(authors []*gofeed.Person) string {
	var names []string
	for _, a := range authors {
		if a == nil {
			continue
		}
		if n := line(a.Name); n != "" && !strings.Contains(n, "://") {
			names = append(names, n)
		}
		if len(names) == maxAuthors {
			break
		}
	}
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// published is the item's publication date as it writes it. An Atom
// entry's <updated> is not its publication date.
func published(it *gofeed.Item) string {
	s := strings.TrimSpace(it.Published)
	if s == "" {
		return ""
	}
	if len(s) >= 10 && (len(s) == 10 || s[10] == 'T' || s[10] == ' ') {
		if _, err := time.Parse(time.DateOnly, s[:10]); err == nil {
			return s[:10]
		}
	}
	if it.PublishedParsed != nil && it.PublishedParsed.Year() > 0 && it.PublishedParsed.Year() < 10000 {
		return it.PublishedParsed.Format(time.DateOnly)
	}
	return ""
}

// summary is the item's summary or description as one line of text.
func summary(s string) string {
	if !strings.Contains(s, "<") && !strings.Contains(s, "&") {
		return line(s)
	}
	var b strings.Builder
	z := html.NewTokenizer(strings.NewReader(s))
	skip := 0
	for b.Len() <= 4*maxLine {
		switch z.Next() {
		case html.ErrorToken:
			return line(b.String())
		case html.TextToken:
			if skip == 0 {
				b.Write(z.Text())
			}
		case html.StartTagToken:
			if name, _ := z.TagName(); string(name) == "script" || string(name) == "style" {
				skip++
			}
			b.WriteByte(' ')
		case html.EndTagToken:
			if name, _ := z.TagName(); (string(name) == "script" || string(name) == "style") && skip > 0 {
				skip--
			}
			b.WriteByte(' ')
		}
	}
	return ""
}

// maxLine bounds a title or name from a feed.
const maxLine = 1000

// line is s on one line with runs of whitespace made one space, or ""
// when it is longer than maxLine.
func line(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > maxLine {
		return ""
	}
	return s
}

func first(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

var escaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

func htmlEscape(s string) string { return escaper.Replace(s) }
