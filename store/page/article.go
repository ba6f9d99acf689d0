package page

import (
	"slices"
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// An extracted text counts as an article when it has at least minWords
// words in at least minProse paragraphs of prose (a paragraph of prose
// ends like a sentence and has minProseWords words or more). A section
// front, a list of links or an error page has headlines, not prose.
const (
	minWords      = 80
	minProse      = 2
	minProseWords = 12
)

func isArticle(paras []string) bool {
	words, prose := 0, 0
	for _, p := range paras {
		n := len(strings.Fields(p))
		if n >= minProseWords && endsSentence(p) {
			prose++
			words += n
		}
	}
	return prose >= minProse && words >= minWords
}

// endsSentence reports whether p ends with sentence punctuation, perhaps
// followed by closing quotes or brackets.
func endsSentence(p string) bool {
	p = strings.TrimRightFunc(p, func(r rune) bool {
		return unicode.Is(unicode.Pf, r) || unicode.Is(unicode.Pe, r) || r == '"' || r == '\'' || r == '»'
	})
	return strings.HasSuffix(p, ".") || strings.HasSuffix(p, "!") || strings.HasSuffix(p, "?") || strings.HasSuffix(p, "…")
}

// lead is the headline and standfirst a page shows above its article,
// which extractors treat as page furniture and leave out.
type lead struct {
	headline   string // the first <h1> inside the first <article>, else the page's first <h1>
	standfirst string // a visible paragraph whose text is the page's stated description
}

// prepend puts the lead in front of the article's paragraphs, each part
// only when the text does not already have it, so that the headline and
// standfirst can be quoted like any other line of the page.
func (l lead) prepend(paras []string) []string {
	var front []string
	for _, p := range []string{l.headline, l.standfirst} {
		if p != "" && !slices.Contains(paras, p) && !slices.Contains(front, p) {
			front = append(front, p)
		}
	}
	return append(front, paras...)
}

// leadOf finds the page's lead. The standfirst is taken only when the
// page states it: a <p> or heading whose whole text equals the page's
// description (JSON-LD description, og:description or <meta name=
// "description">).
func leadOf(doc *html.Node, desc string) lead {
	var l lead
	var anyH1 string
	var walk func(n *html.Node, inArt bool)
	walk = func(n *html.Node, inArt bool) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Script, atom.Style, atom.Template, atom.Head:
				return
			case atom.Article:
				inArt = true
			case atom.H1:
				t := clip(textOf(n))
				if inArt && l.headline == "" {
					l.headline = t
				}
				if anyH1 == "" {
					anyH1 = t
				}
				return
			case atom.P, atom.H2:
				if desc != "" && l.standfirst == "" && clip(textOf(n)) == desc {
					l.standfirst = desc
				}
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inArt)
		}
	}
	walk(doc, false)
	l.headline = first(l.headline, anyH1)
	return l
}
