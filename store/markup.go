package store

import (
	"bytes"
	"errors"
	"fmt"
	"net/http"
	"path"
	"strings"
)

// ErrHTML marks an HTML page given as an article file. It wraps
// ErrMalformed: Parley reads plain-text articles, and stores no markup.
var ErrHTML = errors.New("an HTML page; Parley reads plain-text articles for now: save the article's text as .txt")

// plainText returns a file's body as article text. It is the one place
// that decides what a file holds: today an HTML page (IsHTML) is refused
// with ErrHTML, never stored raw. Extracting a page's article text, when
// Parley learns it, replaces this refusal.
func plainText(name string, body []byte) ([]byte, error) {
	if IsHTML(name, body) {
		return nil, fmt.Errorf("%w: %w", ErrMalformed, ErrHTML)
	}
	return body, nil
}

// IsHTML reports whether a file is an HTML page: by its extension (.html,
// .htm, .xhtml, .shtml), or whatever its name by its content — its first
// bytes sniff as HTML (http.DetectContentType, the WHATWG algorithm: a
// doctype, <html>, <head>, <body>, <p>, a comment… after any white space),
// or an <html or <!doctype html tag opens within its first KiB.
func IsHTML(name string, data []byte) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".html", ".htm", ".xhtml", ".shtml":
		return true
	}
	if strings.HasPrefix(http.DetectContentType(data), "text/html") {
		return true
	}
	head := bytes.ToLower(data[:min(len(data), 1024)])
	return bytes.Contains(head, []byte("<html")) || bytes.Contains(head, []byte("<!doctype html"))
}
