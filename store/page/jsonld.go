package page

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"
)

//go:embed metadata.yaml
var metadataYAML []byte

// articleTypes ranks the JSON-LD types that describe an article; see
// metadata.yaml. Read-only after init.
var articleTypes = mustLoadTypes(metadataYAML)

func mustLoadTypes(data []byte) map[string]int {
	var d struct {
		ArticleTypes []string `yaml:"article_types"`
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&d); err != nil || len(d.ArticleTypes) == 0 {
		// Embedded data: a mistake is a programming error every test run catches.
		panic(fmt.Sprintf("store/page: metadata.yaml: %v", err))
	}
	out := make(map[string]int, len(d.ArticleTypes))
	for i, t := range d.ArticleTypes {
		out[t] = i
	}
	return out
}

// ldFields are the article fields JSON-LD states.
type ldFields struct {
	headline, description, author, publisher, published string
}

// maxLDNodes bounds the JSON-LD nodes looked at on one page.
const maxLDNodes = 2000

// readJSONLD reads the best article node of the page's JSON-LD blocks.
// Blocks that are not valid JSON are ignored, as browsers and search
// engines ignore them.
func readJSONLD(blocks []string) ldFields {
	var nodes []map[string]any
	for _, b := range blocks {
		var v any
		if err := json.Unmarshal([]byte(strings.TrimSpace(b)), &v); err != nil {
			continue
		}
		collect(v, &nodes, 0)
	}
	byID := map[string]map[string]any{}
	for _, n := range nodes {
		if id, ok := n["@id"].(string); ok && id != "" {
			if _, seen := byID[id]; !seen {
				byID[id] = n
			}
		}
	}
	var best map[string]any
	bestRank := len(articleTypes)
	for _, n := range nodes {
		if r, ok := rank(n); ok && r < bestRank {
			best, bestRank = n, r
		}
	}
	if best == nil {
		return ldFields{}
	}
	r := resolver{byID: byID}
	return ldFields{
		headline:    clip(r.text(best["headline"])),
		description: clip(r.text(best["description"])),
		author:      r.names(best["author"]),
		publisher:   clip(r.nameOf(best["publisher"])),
		published:   clip(r.text(best["datePublished"])),
	}
}

// collect gathers the JSON objects of v that may be schema.org nodes: the
// top level, members of a top-level array, and members of @graph.
func collect(v any, out *[]map[string]any, depth int) {
	if depth > 3 || len(*out) >= maxLDNodes {
		return
	}
	switch t := v.(type) {
	case []any:
		for _, e := range t {
			collect(e, out, depth+1)
		}
	case map[string]any:
		*out = append(*out, t)
		if g, ok := t["@graph"]; ok {
			collect(g, out, depth+1)
		}
	}
}

// rank is the node's best article-type rank, if it is an article.
func rank(n map[string]any) (int, bool) {
	best, ok := len(articleTypes), false
	var types []string
	switch t := n["@type"].(type) {
	case string:
		types = []string{t}
	case []any:
		for _, e := range t {
			if s, isStr := e.(string); isStr {
				types = append(types, s)
			}
		}
	}
	for _, t := range types {
		t = strings.TrimPrefix(strings.TrimPrefix(t, "https://schema.org/"), "http://schema.org/")
		if r, isArticle := articleTypes[t]; isArticle && r < best {
			best, ok = r, true
		}
	}
	return best, ok
}

// resolver follows {"@id": …} references within the page's nodes.
type resolver struct {
	byID map[string]map[string]any
}

// deref returns the node a reference points at, or v itself.
func (r resolver) deref(v any) any {
	if m, ok := v.(map[string]any); ok && len(m) == 1 {
		if id, ok := m["@id"].(string); ok {
			if n, found := r.byID[id]; found {
				return n
			}
		}
	}
	return v
}

// text is a string value, or the @value of a value object.
func (r resolver) text(v any) string {
	switch t := r.deref(v).(type) {
	case string:
		return t
	case map[string]any:
		if s, ok := t["@value"].(string); ok {
			return s
		}
	case []any:
		if len(t) > 0 {
			return r.text(t[0])
		}
	}
	return ""
}

// nameOf is the name of a Person or Organization (a string is a name).
func (r resolver) nameOf(v any) string {
	switch t := r.deref(v).(type) {
	case string:
		return name(t)
	case map[string]any:
		return name(r.text(t["name"]))
	case []any:
		if len(t) > 0 {
			return r.nameOf(t[0])
		}
	}
	return ""
}

// maxAuthors bounds a byline; a longer author list is cut there.
const maxAuthors = 10

// names joins the authors' names: "A", "A and B", "A, B and C".
func (r resolver) names(v any) string {
	var list []any
	if a, ok := r.deref(v).([]any); ok {
		list = a
	} else if v != nil {
		list = []any{v}
	}
	var out []string
	for _, e := range list {
		if n := clip(r.nameOf(e)); n != "" && !slices.Contains(out, n) {
			out = append(out, n)
		}
		if len(out) == maxAuthors {
			break
		}
	}
	switch len(out) {
	case 0:
		return ""
	case 1:
		return out[0]
	}
	return strings.Join(out[:len(out)-1], ", ") + " and " + out[len(out)-1]
}
