package store

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

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
		if err := ValidID(m.ID); err != nil {
			return nil, fmt.Errorf("parse %s: article %d: id %q: %v", SourcesFile, i+1, m.ID, err)
		}
		out[m.ID] = m
	}
	return out, nil
}

// MaxFile is the largest article file Parley reads, in bytes. A larger
// file is refused from its size, before a byte of it is read, and reading
// stops at MaxFile whatever size the file claims (files in /proc claim 0).
const MaxFile = maxBody

// ErrTooLarge marks a file larger than MaxFile.
var ErrTooLarge = errors.New("too large")

// ReadFile reads the article file name of fsys: a regular file only (a
// named pipe, device, socket or folder is refused with ErrNotRegular), its
// size checked before reading and the reading bounded by MaxFile. With a
// Folder as fsys, opening never blocks and never leaves the folder.
func ReadFile(fsys fs.FS, name string) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, &fs.PathError{Op: "read", Path: name, Err: notRegular(fi.Mode())}
	}
	if fi.Size() > MaxFile {
		return nil, &fs.PathError{Op: "read", Path: name, Err: fmt.Errorf("%w: %s, more than the %s an article file may have", ErrTooLarge, byteSize(fi.Size()), byteSize(MaxFile))}
	}
	var buf bytes.Buffer
	buf.Grow(int(fi.Size()) + bytes.MinRead)
	if _, err := buf.ReadFrom(io.LimitReader(f, MaxFile+1)); err != nil {
		return nil, &fs.PathError{Op: "read", Path: name, Err: cause(err)}
	}
	if buf.Len() > MaxFile {
		return nil, &fs.PathError{Op: "read", Path: name, Err: fmt.Errorf("%w: more than the %s an article file may have", ErrTooLarge, byteSize(MaxFile))}
	}
	return buf.Bytes(), nil
}

// byteSize writes n bytes for people: 812 B, 4.0 MiB, 1.5 GiB.
func byteSize(n int64) string {
	const unit = 1024
	if n < unit {
		return fmt.Sprintf("%d B", n)
	}
	div, exp := int64(unit), 0
	for m := n / unit; m >= unit && exp < 4; m /= unit {
		div *= unit
		exp++
	}
	return fmt.Sprintf("%.1f %ciB", float64(n)/float64(div), "KMGTP"[exp])
}

// maxID is the longest article id, in bytes.
const maxID = 128

// ValidID reports why id cannot name an article, or nil: an id is 1 to
// 128 letters, digits, '.', '_' and '-', starting with a letter or a
// digit, with no "..". Such an id is safe in a file name, a URL path and
// a log line. Ids given in a header or a sources.yaml are held to it.
func ValidID(id string) error {
	switch {
	case id == "":
		return errors.New("empty")
	case len(id) > maxID:
		return fmt.Errorf("%d characters, more than %d", len(id), maxID)
	case !isAlnum(id[0]):
		return errors.New("must start with a letter or a digit")
	case strings.Contains(id, ".."):
		return errors.New(`must not contain ".."`)
	}
	for i := 0; i < len(id); i++ {
		if c := id[i]; !isAlnum(c) && c != '.' && c != '_' && c != '-' {
			return fmt.Errorf("%q is not allowed: use letters, digits, '.', '_' and '-'", rune(c))
		}
	}
	return nil
}

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// FileID is the article id a file gives when its header names none: its
// base name without the extension.
func FileID(name string) string {
	return strings.TrimSuffix(path.Base(name), path.Ext(name))
}

var utf8BOM = []byte("\xEF\xBB\xBF")

// ParseFile turns the bytes of an article file into a Document. The id is
// the file name without its extension. A file may start with a front-matter
// header between two lines of "---", holding the keys of Meta as YAML:
//
//	---
//	title: Talks resume in Northport
//	outlet: Example News
//	published: 2025-12-08
//	url: https://example.com/talks
//	---
//	The article text...
//
// Header values override base, the metadata from a sources.yaml. A UTF-8
// byte order mark is dropped and CRLF line endings read as LF, so a file
// saved on Windows keeps its header. An id: in the header must pass
// ValidID. An HTML page is refused (see plainText).
func ParseFile(name string, data []byte, base Meta) (Document, error) {
	id := FileID(name)
	if strings.IndexFunc(id, unicode.IsControl) >= 0 || !utf8.ValidString(id) {
		return Document{}, fmt.Errorf("%s: %w: the file name cannot be an article id; rename the file or give an id: in its header", name, ErrMalformed)
	}
	data = bytes.TrimPrefix(data, utf8BOM)
	data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
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
		if fm.ID != "" {
			if err := ValidID(fm.ID); err != nil {
				return Document{}, fmt.Errorf("%s: %w: header id %q: %v", name, ErrMalformed, fm.ID, err)
			}
		}
		meta = merge(meta, fm)
		body = rest
	}
	body, err := plainText(name, body)
	if err != nil {
		return Document{}, fmt.Errorf("%s: %w", name, err)
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

// FileResult reports what happened to one file of an ingest.
type FileResult struct {
	Name   string // the file, as the caller named its folder
	ID     string
	Result IngestResult
	Err    error // the file was skipped; the rest went on
}

// IngestFS ingests every article file in the root of fsys in one Batch;
// see Batch.Folder.
func (s *Store) IngestFS(ctx context.Context, fsys fs.FS, now time.Time) ([]FileResult, error) {
	return s.NewBatch(now).Folder(ctx, fsys, "")
}

// IngestFiles ingests the named files of fsys in one Batch; see
// Batch.Files.
func (s *Store) IngestFiles(ctx context.Context, fsys fs.FS, names []string, now time.Time) ([]FileResult, error) {
	return s.NewBatch(now).Files(ctx, fsys, "", names)
}

// Batch is one ingest run, over files of one or more folders. It
// remembers which file gave each article id, so a second file of the run
// claiming an id already taken (by its name or by an id: in its header) is
// refused instead of silently replacing the first. Across runs an id is
// the article's identity: new content under it is an update.
type Batch struct {
	store *Store
	now   time.Time
	ids   map[string]string // article id -> the file that gave it
	// Progress, when not nil, receives each file's result as soon as it
	// is known, so a long run shows its progress file by file.
	Progress func(FileResult)
}

// NewBatch starts an ingest run whose articles are stamped now.
func (s *Store) NewBatch(now time.Time) *Batch {
	return &Batch{store: s, now: now, ids: map[string]string{}}
}

// Folder ingests every *.txt file in the root of fsys, in name order. dir
// names fsys in results (the folder's path; empty for an embedded FS).
// Saved HTML pages are not text articles: the web ingester reads them.
func (b *Batch) Folder(ctx context.Context, fsys fs.FS, dir string) ([]FileResult, error) {
	names, err := fs.Glob(fsys, "*.txt")
	if err != nil {
		return nil, fmt.Errorf("list articles in %s: %w", orDot(dir), err)
	}
	return b.Files(ctx, fsys, dir, names)
}

// Files ingests the named files of fsys in name order, with metadata from
// a sources.yaml in the root of fsys when there is one; dir names fsys in
// results, as for Folder. Each file is read with ReadFile, parsed with
// ParseFile and stored whole or not at all. A file that cannot be
// ingested is reported in its FileResult and skipped; the others go on.
// The error is non-nil only when sources.yaml cannot be read or ctx is
// done: ctx is checked between files, and a file cut short by it is rolled
// back and left out of the results.
func (b *Batch) Files(ctx context.Context, fsys fs.FS, dir string, names []string) ([]FileResult, error) {
	metas := map[string]Meta{}
	if data, err := ReadFile(fsys, SourcesFile); err == nil {
		if metas, err = ParseSources(data); err != nil {
			return nil, fmt.Errorf("%s: %w", filepath.Join(dir, SourcesFile), err)
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("read %s: %w", filepath.Join(dir, SourcesFile), cause(err))
	}
	names = slices.Sorted(slices.Values(names))
	out := make([]FileResult, 0, len(names))
	for _, name := range names {
		if err := ctx.Err(); err != nil {
			return out, err
		}
		shown := name
		if dir != "" {
			shown = filepath.Join(dir, filepath.FromSlash(name))
		}
		r := b.file(ctx, fsys, name, shown, fileKey(dir, shown), metas)
		if r.Err != nil && ctx.Err() != nil {
			return out, ctx.Err()
		}
		if r.Err == nil {
			b.ids[r.ID] = fileKey(dir, shown)
		}
		out = append(out, r)
		if b.Progress != nil {
			b.Progress(r)
		}
	}
	return out, nil
}

// file ingests one file; shown is its name in results and messages, key
// its identity in the run.
func (b *Batch) file(ctx context.Context, fsys fs.FS, name, shown, key string, metas map[string]Meta) FileResult {
	r := FileResult{Name: shown}
	data, err := ReadFile(fsys, name)
	if err != nil {
		r.Err = err
		return r
	}
	d, err := ParseFile(name, data, metas[FileID(name)])
	if err != nil {
		r.Err = err
		return r
	}
	r.ID = d.ID
	if other, taken := b.ids[d.ID]; taken && other != key {
		r.Err = fmt.Errorf("%s: %w: id %q is already the id of %s in this run; give one of them another id", name, ErrMalformed, d.ID, other)
		return r
	}
	r.Result, r.Err = b.store.Ingest(ctx, d, b.now)
	return r
}

// fileKey identifies a file across the folders of a run: its absolute
// path when it is on disk, so the same file named two ways is one file.
func fileKey(dir, shown string) string {
	if dir != "" {
		if abs, err := filepath.Abs(shown); err == nil {
			return abs
		}
	}
	return shown
}

func orDot(dir string) string {
	if dir == "" {
		return "."
	}
	return dir
}

// Empty reports whether the store holds no article yet.
func (s *Store) Empty(ctx context.Context) (bool, error) {
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM articles`).Scan(&n); err != nil {
		return false, fmt.Errorf("count articles: %w", err)
	}
	return n == 0, nil
}
