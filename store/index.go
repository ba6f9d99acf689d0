package store

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// SentenceIndex is what the answer engine indexes of one sentence, as its
// analyzer reads it at ingest: the store keeps it so that a reader learns
// the corpus statistics, and finds the sentences holding a term, without
// loading the corpus.
type SentenceIndex struct {
	// Terms are the distinct terms the sentence is found under, and any
	// other keys the engine counts sentences by.
	Terms []string
	// Words are its words as the engine reads them, repeats included.
	Words []string
	// Length is its length as the engine counts it.
	Length int
}

// Indexer is an Analyzer that also indexes an article's sentences (given in
// position order, with the facts Analyze read off them); Index returns one
// SentenceIndex per sentence, in the same order. A store whose analyzer is
// an Indexer keeps that index in the transaction that writes the article.
type Indexer interface {
	Index(sents []Sentence, facts []Fact) []SentenceIndex
}

// IndexTotals are the corpus totals of the stored index, read in one
// snapshot with the store's change stamp.
type IndexTotals struct {
	Articles  int // articles indexed
	Sentences int // their sentences
	Length    int // the sum of the sentences' lengths
	// Stale counts the articles an analyzer of another version made (or
	// none): while it is not 0 the index does not describe the corpus as
	// the asking version reads it.
	Stale int
	Stamp int64
}

// IndexTotals reads the corpus totals and how many articles were not
// analysed by the analyzer version given.
func (s *Store) IndexTotals(ctx context.Context, version string) (IndexTotals, error) {
	var t IndexTotals
	err := s.db.QueryRowContext(ctx, `SELECT t.articles, t.sentences, t.length,
		(SELECT count(*) FROM articles WHERE analyzed < ? OR analyzed > ?),
		(SELECT coalesce(max(revision), 0) FROM article_changes)
		FROM index_totals t WHERE t.id = 1`, version, version).Scan(&t.Articles, &t.Sentences, &t.Length, &t.Stale, &t.Stamp)
	if err != nil {
		return IndexTotals{}, fmt.Errorf("read index totals: %w", err)
	}
	return t, nil
}

// Changes lists the articles added, replaced, re-analysed or removed since
// the stamp since (a value of Stamp), and the stamp they bring the store
// to; an article no longer in the store was removed.
func (s *Store) Changes(ctx context.Context, since int64) ([]string, int64, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT article_id, revision FROM article_changes WHERE revision > ? ORDER BY revision`, since)
	if err != nil {
		return nil, 0, fmt.Errorf("read changes: %w", err)
	}
	defer rows.Close()
	var ids []string
	stamp := since
	for rows.Next() {
		var id string
		var rev int64
		if err := rows.Scan(&id, &rev); err != nil {
			return nil, 0, fmt.Errorf("read changes: %w", err)
		}
		ids = append(ids, id)
		stamp = max(stamp, rev)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("read changes: %w", err)
	}
	return ids, stamp, nil
}

// touchTx gives article id the next revision.
func touchTx(ctx context.Context, tx *sql.Tx, id string) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO article_changes (article_id, revision)
		VALUES (?, (SELECT coalesce(max(revision), 0) + 1 FROM article_changes))
		ON CONFLICT (article_id) DO UPDATE SET revision = excluded.revision`, id)
	if err != nil {
		return fmt.Errorf("record change of %s: %w", id, err)
	}
	return nil
}

// indexTx writes the index of article id's sentences and adds them to the
// totals. The article must have no index yet (unindexTx).
func indexTx(ctx context.Context, tx *sql.Tx, d dialect, id string, sents []Sentence, ix []SentenceIndex) error {
	if len(ix) != len(sents) {
		return fmt.Errorf("index %s: %d entries for %d sentences", id, len(ix), len(sents))
	}
	if d.postgres() {
		return indexTxPG(ctx, tx, id, sents, ix)
	}
	terms, err := tx.PrepareContext(ctx, `INSERT INTO sentence_terms (rowid, terms) VALUES (?, ?)`)
	if err != nil {
		return fmt.Errorf("index %s: %w", id, err)
	}
	defer terms.Close()
	words, err := tx.PrepareContext(ctx, `INSERT INTO sentence_words (rowid, words) VALUES (?, ?)`)
	if err != nil {
		return fmt.Errorf("index %s: %w", id, err)
	}
	defer words.Close()
	known, err := tx.PrepareContext(ctx, `INSERT INTO index_words (word, length) VALUES (?, ?) ON CONFLICT (word) DO NOTHING`)
	if err != nil {
		return fmt.Errorf("index %s: %w", id, err)
	}
	defer known.Close()
	length := 0
	seen := map[string]bool{}
	for i, s := range sents {
		length += ix[i].Length
		if _, err := terms.ExecContext(ctx, s.ID, tokens(ix[i].Terms)); err != nil {
			return fmt.Errorf("index %s: sentence %d: %w", id, s.ID, err)
		}
		if _, err := words.ExecContext(ctx, s.ID, tokens(ix[i].Words)); err != nil {
			return fmt.Errorf("index %s: sentence %d: %w", id, s.ID, err)
		}
		for _, w := range ix[i].Words {
			if seen[w] || w == "" {
				continue
			}
			seen[w] = true
			if _, err := known.ExecContext(ctx, w, utf8.RuneCountInString(w)); err != nil {
				return fmt.Errorf("index %s: word: %w", id, err)
			}
		}
	}
	return addTotals(ctx, tx, id, len(sents), length)
}

// addTotals records what article id adds to the index totals.
func addTotals(ctx context.Context, tx *sql.Tx, id string, sentences, length int) error {
	if _, err := tx.ExecContext(ctx, `INSERT INTO article_index (article_id, sentences, length) VALUES (?, ?, ?)`, id, sentences, length); err != nil {
		return fmt.Errorf("index %s: %w", id, err)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE index_totals SET articles = articles + 1, sentences = sentences + ?, length = length + ? WHERE id = 1`, sentences, length); err != nil {
		return fmt.Errorf("index %s: totals: %w", id, err)
	}
	return nil
}

// unindexTx removes article id's sentences from the index and its part of
// the totals; an article without an index is left as it is.
func unindexTx(ctx context.Context, tx *sql.Tx, d dialect, id string) error {
	var n, length int
	switch err := tx.QueryRowContext(ctx, `SELECT sentences, length FROM article_index WHERE article_id = ?`, id).Scan(&n, &length); {
	case errors.Is(err, sql.ErrNoRows):
		return nil
	case err != nil:
		return fmt.Errorf("unindex %s: %w", id, err)
	}
	for _, q := range d.unindex() {
		if _, err := tx.ExecContext(ctx, q, id); err != nil {
			return fmt.Errorf("unindex %s: %w", id, err)
		}
	}
	if _, err := tx.ExecContext(ctx, `UPDATE index_totals SET articles = articles - 1, sentences = sentences - ?, length = length - ? WHERE id = 1`, n, length); err != nil {
		return fmt.Errorf("unindex %s: totals: %w", id, err)
	}
	return nil
}

// TermCounts returns, for each of terms that some indexed sentence holds,
// how many sentences hold it (its document frequency).
func (s *Store) TermCounts(ctx context.Context, terms []string) (map[string]int, error) {
	return s.vocabCounts(ctx, s.dialect.termCounts(), terms)
}

// WordCounts returns, for each of words that some indexed sentence holds,
// how many times the sentences hold it.
func (s *Store) WordCounts(ctx context.Context, words []string) (map[string]int, error) {
	return s.vocabCounts(ctx, s.dialect.wordCounts(), words)
}

// TermsWithPrefix returns every indexed term starting with prefix, with
// its document frequency: for keys the engine counts by kind ("names
// mentioned"), never for ordinary terms.
func (s *Store) TermsWithPrefix(ctx context.Context, prefix string) (map[string]int, error) {
	lo := token(prefix)
	if !strings.HasPrefix(lo, "_") {
		return nil, fmt.Errorf("terms with prefix %q: only keys the store escapes can be listed by prefix", prefix)
	}
	rows, err := s.db.QueryContext(ctx, s.dialect.termsInRange(), lo, lo+"~")
	if err != nil {
		return nil, fmt.Errorf("terms with prefix: %w", err)
	}
	return scanCounts(rows)
}

// IndexedWords lists the words ever indexed whose length in characters is
// between minLen and maxLen, in order, and whose first byte is first when
// it is not 0; some may no longer be used (WordCounts says).
func (s *Store) IndexedWords(ctx context.Context, minLen, maxLen int, first byte) ([]string, error) {
	q := `SELECT word FROM index_words WHERE length BETWEEN ? AND ?`
	args := []any{minLen, maxLen}
	if first != 0 {
		q += ` AND word >= ?`
		args = append(args, string([]byte{first}))
		if first < 0xff {
			q += ` AND word < ?`
			args = append(args, string([]byte{first + 1}))
		}
	}
	rows, err := s.db.QueryContext(ctx, q+` ORDER BY word`, args...)
	if err != nil {
		return nil, fmt.Errorf("indexed words: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var w string
		if err := rows.Scan(&w); err != nil {
			return nil, fmt.Errorf("indexed words: %w", err)
		}
		out = append(out, w)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("indexed words: %w", err)
	}
	return out, nil
}

// Postings returns, for each of terms, the ids of the sentences holding it,
// in increasing order.
func (s *Store) Postings(ctx context.Context, terms []string) (map[string][]int64, error) {
	out := map[string][]int64{}
	err := inChunks(terms, func(chunk []string) error {
		args, in := tokenArgs(chunk)
		rows, err := s.db.QueryContext(ctx, s.dialect.postings(in), args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var t string
			var id int64
			if err := rows.Scan(&t, &id); err != nil {
				return err
			}
			k := untoken(t)
			out[k] = append(out[k], id)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("postings: %w", err)
	}
	return out, nil
}

// SentenceRef places a sentence in its article.
type SentenceRef struct {
	ID        int64
	ArticleID string
	Position  int
}

// Locate returns the article and position of each sentence id that exists.
func (s *Store) Locate(ctx context.Context, ids []int64) ([]SentenceRef, error) {
	var out []SentenceRef
	err := inChunks(ids, func(chunk []int64) error {
		args := make([]any, len(chunk))
		for i, id := range chunk {
			args[i] = id
		}
		rows, err := s.db.QueryContext(ctx, `SELECT id, article_id, position FROM sentences WHERE id IN `+placeholders(len(chunk)), args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var r SentenceRef
			if err := rows.Scan(&r.ID, &r.ArticleID, &r.Position); err != nil {
				return err
			}
			out = append(out, r)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("locate sentences: %w", err)
	}
	return out, nil
}

func (s *Store) vocabCounts(ctx context.Context, query string, keys []string) (map[string]int, error) {
	out := map[string]int{}
	err := inChunks(keys, func(chunk []string) error {
		args, in := tokenArgs(chunk)
		rows, err := s.db.QueryContext(ctx, fmt.Sprintf(query, in), args...)
		if err != nil {
			return err
		}
		m, err := scanCounts(rows)
		for k, v := range m {
			out[k] = v
		}
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("index counts: %w", err)
	}
	return out, nil
}

func scanCounts(rows *sql.Rows) (map[string]int, error) {
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var t string
		var n int
		if err := rows.Scan(&t, &n); err != nil {
			return nil, err
		}
		if n > 0 {
			out[untoken(t)] = n
		}
	}
	return out, rows.Err()
}

// maxParams bounds the parameters of one query.
const maxParams = 500

func inChunks[T any](all []T, f func([]T) error) error {
	for len(all) > 0 {
		n := min(len(all), maxParams)
		if err := f(all[:n]); err != nil {
			return err
		}
		all = all[n:]
	}
	return nil
}

func placeholders(n int) string {
	return "(?" + strings.Repeat(", ?", n-1) + ")"
}

func tokenArgs(keys []string) ([]any, string) {
	args := make([]any, len(keys))
	for i, k := range keys {
		args[i] = token(k)
	}
	return args, placeholders(len(keys))
}

// token is how a term is written in the index: as it is when the ascii
// tokenizer keeps it whole and unchanged (lower-case ASCII letters and
// digits, and any non-ASCII character), else "_" and its bytes in hex,
// which sorts and prefixes as the term does.
func token(t string) string {
	for i := 0; i < len(t); i++ {
		c := t[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 0x80) {
			return "_" + hex.EncodeToString([]byte(t))
		}
	}
	return t
}

func untoken(t string) string {
	if h, ok := strings.CutPrefix(t, "_"); ok {
		if b, err := hex.DecodeString(h); err == nil {
			return string(b)
		}
	}
	return t
}

func tokens(ts []string) string {
	var b strings.Builder
	for _, t := range ts {
		if t == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(token(t))
	}
	return b.String()
}

// ArticlesByID returns the articles with the given ids that exist, in id
// order.
func (s *Store) ArticlesByID(ctx context.Context, ids []string) ([]Article, error) {
	var out []Article
	err := inChunks(ids, func(chunk []string) error {
		args := make([]any, len(chunk))
		for i, id := range chunk {
			args[i] = id
		}
		rows, err := s.db.QueryContext(ctx, `SELECT `+articleColumns+` FROM articles a WHERE a.id IN `+placeholders(len(chunk)), args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			a, err := scanArticle(rows)
			if err != nil {
				return err
			}
			out = append(out, a)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("articles by id: %w", err)
	}
	slices.SortFunc(out, func(a, b Article) int { return strings.Compare(a.ID, b.ID) })
	return out, nil
}

// ArticleFacts returns the facts of the given articles' sentences, in
// sentence and fact order.
func (s *Store) ArticleFacts(ctx context.Context, ids []string) ([]Fact, error) {
	var out []Fact
	err := inChunks(ids, func(chunk []string) error {
		args := make([]any, len(chunk))
		for i, id := range chunk {
			args[i] = id
		}
		rows, err := s.db.QueryContext(ctx, `SELECT f.id, f.sentence_id, f.kind, f.subject, f.predicate, f.object, f.value, f.extractor
			FROM facts f JOIN sentences s ON s.id = f.sentence_id WHERE s.article_id IN `+placeholders(len(chunk)), args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var f Fact
			if err := rows.Scan(&f.ID, &f.SentenceID, &f.Kind, &f.Subject, &f.Predicate, &f.Object, &f.Value, &f.Extractor); err != nil {
				return err
			}
			out = append(out, f)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("facts of articles: %w", err)
	}
	slices.SortFunc(out, func(a, b Fact) int {
		if a.SentenceID != b.SentenceID {
			return cmp.Compare(a.SentenceID, b.SentenceID)
		}
		return cmp.Compare(a.ID, b.ID)
	})
	return out, nil
}

// Titles returns up to limit non-empty article titles, in article id
// order.
func (s *Store) Titles(ctx context.Context, limit int) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT title FROM articles WHERE title <> '' ORDER BY id LIMIT ?`, limit)
	if err != nil {
		return nil, fmt.Errorf("titles: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var t string
		if err := rows.Scan(&t); err != nil {
			return nil, fmt.Errorf("titles: %w", err)
		}
		out = append(out, t)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("titles: %w", err)
	}
	return out, nil
}
