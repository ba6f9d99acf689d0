package store

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"slices"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

// Meta is the metadata an article file may state about itself, in a
// front-matter header or in a folder's sources.yaml.
type Meta struct {
	ID        string `yaml:"id"`
	Title     string `yaml:"title"`
	Outlet    string `yaml:"outlet"`
	Byline    string `yaml:"byline"`
	Published string `yaml:"published"`
	URL       string `yaml:"url"`
}

// SourcesFile is the name of the optional per-folder metadata file.
const SourcesFile = "sources.yaml"

type sourcesDoc struct {
	Articles []Meta `yaml:"articles"`
}

// ParseSources reads a sources.yaml: a list of per-article metadata keyed
// by article id. Unknown keys are errors so that typos do not pass silently.
func ParseSources(data []byte) (map[string]Meta, error) {
	var doc sourcesDoc
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&doc); err != nil && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("parse %s: %w", SourcesFile, err)
	}
	out := make(map[string]Meta, len(doc.Articles))
	for i, m := range doc.Articles {
		if m.ID == "" {
			return nil, fmt.Errorf("parse %s: article %d has no id", SourcesFile, i+1)
		}
		out[m.ID] = m
	}
	return out, nil
}

// ParseFile turns the bytes of an article file into a Document. The id is
// the file name without its extension. A file may start with a front-matter
// header between two lines of "---", holding the keys of Meta as YAML:
//
//	---
//	title: Talks resume in Geneva
//	outlet: Example News
//	published: 2025-12-08
//	url: https://example.com/talks
//	---
//	The article text...
//
// Header values override base, the metadata from a sources.yaml.
func ParseFile(name string, data []byte, base Meta) (Document, error) {
	id := strings.TrimSuffix(path.Base(name), path.Ext(name))
	meta := base
	body := data
	if b, ok := bytes.CutPrefix(data, []byte("---\n")); ok {
		head, rest, found := bytes.Cut(b, []byte("\n---\n"))
		if !found {
			head, found = bytes.CutSuffix(b, []byte("\n---"))
			rest = nil
		}
		if !found {
			return Document{}, fmt.Errorf("%s: %w: front matter has no closing ---", name, ErrMalformed)
		}
		var fm Meta
		dec := yaml.NewDecoder(bytes.NewReader(head))
		dec.KnownFields(true)
		if err := dec.Decode(&fm); err != nil && !errors.Is(err, io.EOF) {
			return Document{}, fmt.Errorf("%s: %w: front matter: %v", name, ErrMalformed, err)
		}
		meta = merge(meta, fm)
		body = rest
	}
	if meta.ID != "" {
		id = meta.ID
	}
	d := Document{
		ID: id, Title: meta.Title, Outlet: meta.Outlet, Byline: meta.Byline,
		Published: meta.Published, URL: meta.URL, Body: string(body),
	}
	if err := d.Validate(); err != nil {
		return Document{}, fmt.Errorf("%s: %w", name, err)
	}
	return d, nil
}

func merge(base, over Meta) Meta {
	for _, f := range []struct {
		dst *string
		src string
	}{
		{&base.ID, over.ID}, {&base.Title, over.Title}, {&base.Outlet, over.Outlet},
		{&base.Byline, over.Byline}, {&base.Published, over.Published}, {&base.URL, over.URL},
	} {
		if f.src != "" {
			*f.dst = f.src
		}
	}
	return base
}

// FileResult reports what happened to one file of an IngestFS call.
type FileResult struct {
	Name   string
	ID     string
	Result IngestResult
	Err    error // the file was skipped; the rest went on
}

// IngestFS ingests every *.txt file in the root of fsys; see IngestFiles.
func (s *Store) IngestFS(ctx context.Context, fsys fs.FS, now time.Time) ([]FileResult, error) {
	names, err := fs.Glob(fsys, "*.txt")
	if err != nil {
		return nil, fmt.Errorf("list articles: %w", err)
	}
	return s.IngestFiles(ctx, fsys, names, now)
}

// IngestFiles ingests the named files of fsys, with metadata from a
// sources.yaml in the root of fsys when there is one. A malformed file is
// reported in its FileResult and skipped; the others are ingested. The
// error is non-nil only when sources.yaml cannot be read or ctx is done.
func (s *Store) IngestFiles(ctx context.Context, fsys fs.FS, names []string, now time.Time) ([]FileResult, error) {
	metas := map[string]Meta{}
	if data, err := fs.ReadFile(fsys, SourcesFile); err == nil {
		if metas, err = ParseSources(data); err != nil {
			return nil, err
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("read %s: %w", SourcesFile, err)
	}
	names = slices.Sorted(slices.Values(names))
	out := make([]FileResult, 0, len(names))
	for _, name := range names {
		if err := ctx.Err(); err != nil {
			return out, err
		}
		out = append(out, s.ingestFile(ctx, fsys, name, metas, now))
	}
	return out, nil
}

func (s *Store) ingestFile(ctx context.Context, fsys fs.FS, name string, metas map[string]Meta, now time.Time) FileResult {
	r := FileResult{Name: name}
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		r.Err = fmt.Errorf("read %s: %w", name, err)
		return r
	}
	id := strings.TrimSuffix(path.Base(name), path.Ext(name))
	d, err := ParseFile(name, data, metas[id])
	if err != nil {
		r.Err = err
		return r
	}
	r.ID = d.ID
	r.Result, r.Err = s.Ingest(ctx, d, now)
	return r
}

// Empty reports whether the store holds no article yet.
func (s *Store) Empty(ctx context.Context) (bool, error) {
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM articles`).Scan(&n); err != nil {
		return false, fmt.Errorf("count articles: %w", err)
	}
	return n == 0, nil
}
