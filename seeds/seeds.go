// Package seeds carries Parley's built-in corpus: the article files and
// their metadata, embedded so that the binary answers questions on a fresh
// machine without any file beside it, and the domain pack that describes
// them to the answer engine.
package seeds

import "embed"

// FS holds the seed articles (*.txt, one article per file, the file name
// without .txt being the article id) and sources.yaml, the metadata each
// article states about itself. It is read-only and safe for concurrent use.
//
//go:embed *.txt sources.yaml
var FS embed.FS

// Domain is the domain pack of the seed articles (domain.yaml): their
// people, places, aliases and topic words, as answers.ParsePack reads it.
// It ships with the articles it describes, so a store without them can
// drop it.
//
//go:embed domain.yaml
var Domain []byte
