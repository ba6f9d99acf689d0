package answers

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// Pack is a domain pack: what the engine knows about one topic and no
// other — its people, places and organisations with their aliases,
// transliterations and roles, the entities that stand in for each other,
// the topic's synonyms, units and stop words, what the articles do not
// cover, and what the daily digest treats as background or as a disputed
// figure. General English is built into the engine; a pack is optional.
type Pack struct {
	// Name says what the pack is about.
	Name     string       `yaml:"name"`
	Entities []entityRule `yaml:"entities"`
	// Related lists, per entity id, the entities that stand in for it at
	// a discount ("the Citadel" acts for Dorn).
	Related map[string][]string `yaml:"related"`
	// Synonyms are groups of words that mean the same in these articles.
	Synonyms [][]string `yaml:"synonyms"`
	// Stopwords say nothing about these articles.
	Stopwords []string `yaml:"stopwords"`
	// Units a count can be of, on top of the general ones.
	Units map[string][]string `yaml:"units"`
	// OutOfScope words mark a topic the articles do not cover.
	OutOfScope []string   `yaml:"out_of_scope"`
	Digest     digestPack `yaml:"digest"`
	// hash identifies the pack's content, for the facts' version.
	hash string
}

// digestPack is what a pack tells the daily digest.
type digestPack struct {
	Background []string         `yaml:"background"`
	Disputes   []digestDispRule `yaml:"disputes"`
}

// digestDispRule is a figure the articles may state differently; see
// digestDispute.
type digestDispRule struct {
	Topic   string   `yaml:"topic"`
	Pattern string   `yaml:"pattern"`
	Other   []string `yaml:"other"`
}

// MaxPack is the largest pack file read, in bytes: a pack is a list of
// names and words, far smaller.
const MaxPack = 4 << 20

// ErrBadPack marks a domain pack that cannot be used.
var ErrBadPack = errors.New("bad domain pack")

// LoadPack reads and checks the domain pack at path. Any problem — a
// missing or unreadable file, one too large, binary or not UTF-8, a YAML
// error, an unknown key, an entity without an id — is one error wrapping
// ErrBadPack that names the file and, where there is one, the line.
func LoadPack(path string) (*Pack, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("%w %s: %v", ErrBadPack, path, errors.Unwrap(err))
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxPack+1))
	if err != nil {
		return nil, fmt.Errorf("%w %s: %v", ErrBadPack, path, err)
	}
	return ParsePack(path, data)
}

// ParsePack reads a domain pack from data; name is how errors call it.
// Decoding is strict: an unknown key is an error naming it and its line.
func ParsePack(name string, data []byte) (*Pack, error) {
	fail := func(format string, args ...any) error {
		return fmt.Errorf("%w %s: %s", ErrBadPack, name, fmt.Sprintf(format, args...))
	}
	switch {
	case len(data) > MaxPack:
		return nil, fail("larger than %d MB", MaxPack>>20)
	case bytes.IndexByte(data, 0) >= 0 || !utf8.Valid(data):
		return nil, fail("not a text file (binary or not UTF-8)")
	}
	var p Pack
	if err := decodeStrict(data, &p); err != nil {
		return nil, fail("%s", err)
	}
	if len(p.Entities) == 0 && len(p.Synonyms) == 0 && len(p.Stopwords) == 0 && len(p.OutOfScope) == 0 && len(p.Units) == 0 {
		return nil, fail("no entities, synonyms, stopwords, units or out_of_scope: is this a domain pack?")
	}
	// Compile it once now, so every mistake shows at load, not at the
	// first question.
	if _, err := compileRules(&p); err != nil {
		return nil, fail("%s", strings.TrimPrefix(err.Error(), "parse rules: "))
	}
	p.hash = contentHash(data)
	return &p, nil
}

// decodeStrict decodes YAML into v, rejecting unknown keys; its errors
// name the line ("line 5: unknown key entitys").
func decodeStrict(data []byte, v any) error {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(v); err != nil {
		if errors.Is(err, io.EOF) {
			return errors.New("empty")
		}
		msg := unknownField.ReplaceAllString(oneLineErr(err), "unknown key $1")
		return errors.New(strings.TrimPrefix(msg, "yaml: "))
	}
	return nil
}

// unknownField is yaml.v3's word for an unknown key, with the Go type it
// is not in.
var unknownField = regexp.MustCompile(`field (\S+) not found in type \S+`)

func oneLineErr(err error) string { return strings.Join(strings.Fields(err.Error()), " ") }
