package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/parley-bot/parley/store/clean"
)

// Article is one ingested article's metadata. Fields the article does not
// state are empty: Parley never invents an outlet, a date or a link.
type Article struct {
	ID         string
	Title      string
	Outlet     string
	Byline     string
	Published  string // YYYY-MM-DD, or empty
	URL        string
	Hash       string
	IngestedAt time.Time
	Sentences  int
	// Analyzed is the version of the analyzer that made the article's
	// facts, or empty when none has.
	Analyzed string
}

// Sentence is one sentence of an article, exactly as it reads after
// cleaning; Paragraph and Position count from 0 within the article.
type Sentence struct {
	ID        int64
	ArticleID string
	Paragraph int
	Position  int
	Heading   bool
	Text      string
}

// Document is an article to ingest: its id, the metadata it states and
// its raw text, furniture and all.
type Document struct {
	ID        string
	Title     string
	Outlet    string
	Byline    string
	Published string
	URL       string
	Body      string
}

// IngestResult says what Ingest did with a document.
type IngestResult int

// What Ingest can do with a document.
const (
	Added     IngestResult = iota // a new article
	Updated                       // an article with this id existed with other content
	Unchanged                     // the same content was already in the store
)

func (r IngestResult) String() string {
	switch r {
	case Added:
		return "added"
	case Updated:
		return "updated"
	default:
		return "unchanged"
	}
}

// ErrMalformed marks a document that cannot be ingested as given.
var ErrMalformed = errors.New("malformed article")

// maxBody bounds one article's raw size; news articles are far smaller.
const maxBody = 4 << 20

// Validate reports whether d can be ingested, wrapping ErrMalformed.
func (d Document) Validate() error {
	switch {
	case d.ID == "":
		return fmt.Errorf("%w: empty id", ErrMalformed)
	case !utf8.ValidString(d.Body):
		return fmt.Errorf("%w: text is not valid UTF-8", ErrMalformed)
	case strings.ContainsRune(d.Body, 0):
		return fmt.Errorf("%w: text contains a NUL byte", ErrMalformed)
	case len(d.Body) > maxBody:
		return fmt.Errorf("%w: text is %d bytes, more than %d", ErrMalformed, len(d.Body), maxBody)
	}
	if d.Published != "" {
		if _, err := time.Parse(time.DateOnly, d.Published); err != nil {
			return fmt.Errorf("%w: published %q is not a YYYY-MM-DD date", ErrMalformed, d.Published)
		}
	}
	return nil
}

// hash covers the id and metadata as well as the text, so the same text
// filed under two ids is two articles, and corrected metadata is an update.
func (d Document) hash() string {
	h := sha256.New()
	for _, f := range []string{d.ID, d.Title, d.Outlet, d.Byline, d.Published, d.URL, d.Body} {
		h.Write([]byte(f))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))
}

// Ingest cleans d, splits it into sentences and stores it with its facts
// (read by the store's analyzer, if any) in one transaction. A byline the
// cleaner drops from d's body gives the byline and outlet d leaves empty. The same
// content ingested again changes nothing, except that facts the analyzer
// did not make are made again; new content under an existing id replaces
// the old article whole.
func (s *Store) Ingest(ctx context.Context, d Document, now time.Time) (IngestResult, error) {
	var result IngestResult
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		result, err = s.ingestTx(ctx, tx, d, now)
		return err
	})
	if err != nil {
		return Unchanged, fmt.Errorf("ingest %s: %w", d.ID, err)
	}
	return result, nil
}

// ingestTx is Ingest inside tx.
func (s *Store) ingestTx(ctx context.Context, tx *sql.Tx, d Document, now time.Time) (IngestResult, error) {
	if err := d.Validate(); err != nil {
		return Unchanged, err
	}
	paras, credit := clean.Article(d.Body)
	if len(paras) == 0 {
		return Unchanged, fmt.Errorf("%w: no text left after cleaning", ErrMalformed)
	}
	// A byline the cleaner dropped ("Jane Doe, The Harbour Gazette on")
	// gives the writer and the outlet a source did not.
	if d.Byline == "" {
		d.Byline = credit.Byline
	}
	if d.Outlet == "" {
		d.Outlet = credit.Outlet
	}
	hash := d.hash()
	var oldHash, analyzed string
	result := Added
	switch err := tx.QueryRowContext(ctx, `SELECT hash, analyzed FROM articles WHERE id = ?`, d.ID).Scan(&oldHash, &analyzed); {
	case err == nil && oldHash == hash:
		if s.analyzer != nil && analyzed != s.analyzer.Version() {
			// Same article, facts of another analyzer (or none): heal.
			return Unchanged, s.analyzeTx(ctx, tx, d.ID)
		}
		return Unchanged, nil
	case err == nil:
		result = Updated
		if err := unindexTx(ctx, tx, s.dialect, d.ID); err != nil {
			return Unchanged, err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM articles WHERE id = ?`, d.ID); err != nil {
			return Unchanged, fmt.Errorf("replace: %w", err)
		}
	case !errors.Is(err, sql.ErrNoRows):
		return Unchanged, fmt.Errorf("look up: %w", err)
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO articles (id, title, outlet, byline, published, url, hash, body, ingested_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		d.ID, d.Title, d.Outlet, d.Byline, d.Published, d.URL, hash, strings.Join(paras, "\n\n"), now.UTC().Format(time.RFC3339Nano))
	if err != nil {
		return Unchanged, fmt.Errorf("insert article: %w", err)
	}
	if err := s.insertSentences(ctx, tx, d.ID, paras); err != nil {
		return Unchanged, err
	}
	if err := s.analyzeTx(ctx, tx, d.ID); err != nil {
		return Unchanged, err
	}
	if err := touchTx(ctx, tx, d.ID); err != nil {
		return Unchanged, err
	}
	return result, nil
}

// insertSentences splits paragraphs into sentences and inserts them in
// position order.
func (s *Store) insertSentences(ctx context.Context, tx *sql.Tx, id string, paras []string) error {
	var rows []sentenceRow
	for pi, p := range paras {
		heading := clean.IsHeading(p)
		for _, sent := range clean.Sentences(p) {
			rows = append(rows, sentenceRow{paragraph: pi, position: len(rows), heading: heading, text: sent})
		}
	}
	if s.dialect.postgres() {
		return insertSentencesPG(ctx, tx, id, rows)
	}
	ins, err := tx.PrepareContext(ctx, `INSERT INTO sentences (article_id, paragraph, position, heading, text) VALUES (?, ?, ?, ?, ?)`)
	if err != nil {
		return fmt.Errorf("prepare: %w", err)
	}
	defer ins.Close()
	for _, r := range rows {
		if _, err := ins.ExecContext(ctx, id, r.paragraph, r.position, r.heading, r.text); err != nil {
			return fmt.Errorf("insert sentence %d: %w", r.position, err)
		}
	}
	return nil
}

const articleColumns = `a.id, a.title, a.outlet, a.byline, a.published, a.url, a.hash, a.ingested_at,
	(SELECT count(*) FROM sentences s WHERE s.article_id = a.id), a.analyzed`

func scanArticle(row interface{ Scan(...any) error }) (Article, error) {
	var a Article
	var at string
	if err := row.Scan(&a.ID, &a.Title, &a.Outlet, &a.Byline, &a.Published, &a.URL, &a.Hash, &at, &a.Sentences, &a.Analyzed); err != nil {
		return Article{}, err
	}
	t, err := time.Parse(time.RFC3339Nano, at)
	if err != nil {
		return Article{}, fmt.Errorf("article %s: bad ingested_at %q: %w", a.ID, at, err)
	}
	a.IngestedAt = t
	return a, nil
}

// Articles lists every article, in id order.
func (s *Store) Articles(ctx context.Context) ([]Article, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+articleColumns+` FROM articles a ORDER BY a.id`)
	if err != nil {
		return nil, fmt.Errorf("list articles: %w", err)
	}
	defer rows.Close()
	var out []Article
	for rows.Next() {
		a, err := scanArticle(rows)
		if err != nil {
			return nil, fmt.Errorf("list articles: %w", err)
		}
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list articles: %w", err)
	}
	return out, nil
}

// Article returns one article by id, or an error wrapping ErrNotFound.
func (s *Store) Article(ctx context.Context, id string) (Article, error) {
	a, err := scanArticle(s.db.QueryRowContext(ctx, `SELECT `+articleColumns+` FROM articles a WHERE a.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return Article{}, fmt.Errorf("article %s: %w", id, ErrNotFound)
	}
	if err != nil {
		return Article{}, fmt.Errorf("article %s: %w", id, err)
	}
	return a, nil
}

// Body returns an article's cleaned text, paragraphs separated by a blank
// line: the text every quote must appear in verbatim.
func (s *Store) Body(ctx context.Context, id string) (string, error) {
	var body string
	err := s.db.QueryRowContext(ctx, `SELECT body FROM articles WHERE id = ?`, id).Scan(&body)
	if errors.Is(err, sql.ErrNoRows) {
		return "", fmt.Errorf("article %s: %w", id, ErrNotFound)
	}
	if err != nil {
		return "", fmt.Errorf("article %s body: %w", id, err)
	}
	return body, nil
}

// Sentences returns every sentence in the store in article and position
// order; with ids given, only those articles' sentences.
func (s *Store) Sentences(ctx context.Context, articleIDs ...string) ([]Sentence, error) {
	q := `SELECT id, article_id, paragraph, position, heading, text FROM sentences`
	args := make([]any, len(articleIDs))
	if len(articleIDs) > 0 {
		q += ` WHERE article_id IN (?` + strings.Repeat(`, ?`, len(articleIDs)-1) + `)`
		for i, id := range articleIDs {
			args[i] = id
		}
	}
	q += ` ORDER BY article_id, position`
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("list sentences: %w", err)
	}
	defer rows.Close()
	var out []Sentence
	for rows.Next() {
		var st Sentence
		if err := rows.Scan(&st.ID, &st.ArticleID, &st.Paragraph, &st.Position, &st.Heading, &st.Text); err != nil {
			return nil, fmt.Errorf("list sentences: %w", err)
		}
		out = append(out, st)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list sentences: %w", err)
	}
	return out, nil
}
