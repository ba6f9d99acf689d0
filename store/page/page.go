// Package page reads a news web page: the metadata it states about its
// article (title, outlet, byline, published date, canonical URL) and the
// article's main text, without the navigation, share buttons, related
// links, newsletter boxes and comment widgets around it.
//
// The main text is found by go-readability (codeberg.org/readeck/go-readability/v2),
// chosen over go-trafilatura on Parley's fixtures (docs/ingest.md has the
// figures). The text comes out as paragraphs exactly as the page reads:
// entities decoded, whitespace collapsed, nothing reworded, so that every
// quote Parley later gives stays verbatim to the page.
package page

import (
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
)

// Page is a read web page: what it states about its article, and the
// article's text, paragraphs separated by a blank line.
type Page struct {
	Meta
	Text string
}

// ErrNoArticle is returned for a page that holds no article text: an index
// page, a login wall, an error page.
var ErrNoArticle = errors.New("no article text found on the page")

// ErrNotHTML is returned for a document that is not an HTML page.
var ErrNotHTML = errors.New("not an HTML page")

// maxElements bounds the elements the extractor scores; a news page has a
// few thousand, and a page with vastly more is refused rather than let
// extraction run for minutes.
const maxElements = 200_000

// Read reads an HTML page from r. contentType is the Content-Type the page
// was served with ("" for a file): its charset, else a BOM or a <meta
// charset> in the page, else a guess from the bytes, decides how the
// page is decoded to UTF-8. base is the address the page was fetched
// from, or nil for a saved file; see ReadMeta. The caller bounds r.
func Read(r io.Reader, contentType string, base *url.URL) (Page, error) {
	utf8, err := charset.NewReader(r, contentType)
	if errors.Is(err, io.EOF) {
		return Page{}, fmt.Errorf("%w: the page is empty", ErrNoArticle)
	}
	if err != nil {
		return Page{}, fmt.Errorf("decode page: %w", err)
	}
	doc, err := html.Parse(utf8)
	if err != nil {
		return Page{}, fmt.Errorf("parse page: %w", err)
	}
	meta, desc := readMeta(doc, base)
	lead := leadOf(doc, desc)
	paras, err := mainText(doc, base)
	if err != nil {
		return Page{}, err
	}
	return Page{Meta: meta, Text: strings.Join(lead.prepend(paras), "\n\n")}, nil
}

// mainText extracts the article's paragraphs from doc, which it changes.
func mainText(doc *html.Node, base *url.URL) ([]string, error) {
	p := readability.NewParser()
	p.MaxElemsToParse = maxElements
	p.DisableJSONLD = true // ReadMeta reads the metadata; readability only finds the text
	art, err := p.ParseAndMutate(doc, base)
	if err != nil {
		if strings.Contains(err.Error(), "too many elements") {
			return nil, fmt.Errorf("%w: more than %d elements", ErrNoArticle, maxElements)
		}
		return nil, fmt.Errorf("%w: %v", ErrNoArticle, err)
	}
	if art.Node == nil {
		return nil, ErrNoArticle
	}
	paras := paragraphs(art.Node)
	if !isArticle(paras) {
		return nil, ErrNoArticle
	}
	return paras, nil
}
