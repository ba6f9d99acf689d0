package store

import (
	"bytes"
	"errors"
	"fmt"
	"net/http"
	"path"
	"strings"
)

// ErrHTML marks an HTML page given as a text article file; it wraps
// ErrMalformed. Markup is never stored raw: `parley ingest` hands such a
// file to the web ingester (store/web), which extracts its article text.
var ErrHTML = errors.New("an HTML page, not a plain-text article")

// plainText returns a file's body as article text. It is the one place
// that decides what a text file holds: an HTML page (IsHTML) is refused
// with ErrHTML, so its caller can extract it instead (the store does not
// import the extractor, which imports the store).
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
