package page

import (
	"fmt"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Fragment reads an HTML fragment that is an article on its own, such as
// a feed item's content: its paragraphs, verbatim as Read gives them,
// separated by a blank line. It returns ErrNoArticle when the fragment is
// not prose enough to be an article (see isArticle).
func Fragment(s string) (string, error) {
	if len(s) > maxFragment {
		return "", fmt.Errorf("%w: content is more than %d bytes", ErrNoArticle, maxFragment)
	}
	body := &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body}
	nodes, err := html.ParseFragment(strings.NewReader(s), body)
	if err != nil {
		return "", fmt.Errorf("parse content: %w", err)
	}
	var paras []string
	for _, n := range nodes {
		paras = append(paras, paragraphs(n)...)
	}
	if !isArticle(paras) {
		return "", ErrNoArticle
	}
	return strings.Join(paras, "\n\n"), nil
}

// maxFragment bounds a fragment; feeds are bounded at 10 MiB as a whole.
const maxFragment = 5 << 20
