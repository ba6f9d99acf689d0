package main

import (
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"
)

// checkStoreURLEnv refuses a store.url that refers to the environment
// (${VAR}) and expands to nothing: left alone, Parley would quietly use
// the SQLite store.path instead, and what it stores would not be where
// the operator looks for it.
func checkStoreURLEnv(doc *yaml.Node, getenv func(string) string) error {
	n := mapValue(mapValue(doc, "store"), "url")
	if n == nil || n.Kind != yaml.ScalarNode || !envRef.MatchString(n.Value) {
		return nil
	}
	v := envRef.ReplaceAllStringFunc(n.Value, func(m string) string { return getenv(m[2 : len(m)-1]) })
	if strings.TrimSpace(v) != "" {
		return nil
	}
	return fmt.Errorf("line %d: store.url: %s is not set in the environment (set it, or remove store.url to use store.path)", n.Line, n.Value)
}

// mapValue is the value under key in the mapping n, or nil.
func mapValue(n *yaml.Node, key string) *yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}
