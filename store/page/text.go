package page

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// paragraphs renders the text under n as paragraphs, one per block
// element (p, h1–h6, li, blockquote, figcaption, td, …) or line broken by
// <br>. Text is kept as the page reads it: entities decoded, runs of
// whitespace made one space, nothing else changed. Hidden and non-text
// elements (script, style, forms, templates, svg) are skipped.
func paragraphs(n *html.Node) []string {
	var r renderer
	r.walk(n)
	r.flush()
	return r.out
}

type renderer struct {
	out []string
	cur strings.Builder
}

// skipped are elements whose content is never article text.
var skipped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Svg: true, atom.Math: true, atom.Iframe: true, atom.Object: true, atom.Embed: true,
	atom.Form: true, atom.Button: true, atom.Select: true, atom.Textarea: true, atom.Input: true,
	atom.Head: true, atom.Title: true, atom.Canvas: true, atom.Audio: true, atom.Video: true,
}

// blocks are elements that start and end a paragraph.
var blocks = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.Li: true, atom.Ul: true, atom.Ol: true, atom.Dl: true,
	atom.Dt: true, atom.Dd: true, atom.Blockquote: true, atom.Figure: true, atom.Figcaption: true,
	atom.Pre: true, atom.Section: true, atom.Article: true, atom.Aside: true, atom.Header: true,
	atom.Footer: true, atom.Nav: true, atom.Main: true, atom.Table: true, atom.Tr: true,
	atom.Td: true, atom.Th: true, atom.Caption: true, atom.Hr: true, atom.Address: true,
	atom.Details: true, atom.Summary: true, atom.Body: true, atom.Html: true,
}

func (r *renderer) walk(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		r.cur.WriteString(n.Data)
		return
	case html.ElementNode:
		if skipped[n.DataAtom] || hidden(n) {
			return
		}
		if n.DataAtom == atom.Br {
			r.flush()
			return
		}
		if n.DataAtom == atom.Img {
			return
		}
	case html.CommentNode, html.DoctypeNode:
		return
	}
	block := n.Type == html.ElementNode && blocks[n.DataAtom]
	if block {
		r.flush()
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		r.walk(c)
	}
	if block {
		r.flush()
	}
}

// flush ends the paragraph being built, if it has any text.
func (r *renderer) flush() {
	p := strings.Join(strings.Fields(r.cur.String()), " ")
	r.cur.Reset()
	if p != "" {
		r.out = append(r.out, p)
	}
}

// hidden reports whether n is hidden by an attribute the page sets on it.
func hidden(n *html.Node) bool {
	for _, a := range n.Attr {
		switch {
		case a.Key == "hidden", a.Key == "aria-hidden" && a.Val == "true":
			return true
		case a.Key == "style":
			s := strings.ReplaceAll(strings.ToLower(a.Val), " ", "")
			if strings.Contains(s, "display:none") || strings.Contains(s, "visibility:hidden") {
				return true
			}
		}
	}
	return false
}

// textOf is the text of n on one line, as paragraphs would render it.
func textOf(n *html.Node) string {
	return strings.Join(paragraphs(n), " ")
}
