// Package seeds carries Parley's built-in corpus: the article files and
// their metadata, embedded so that the binary answers questions on a fresh
// machine without any file beside it.
package seeds

import "embed"

// FS holds the seed articles (*.txt, one article per file, the file name
// without .txt being the article id) and sources.yaml, the metadata each
// article states about itself. It is read-only and safe for concurrent use.
//
//go:embed *.txt sources.yaml
var FS embed.FS
