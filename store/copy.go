package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
)

// CopyProgress is what CopyTo reports as it goes: of a table's Total
// rows, Done were looked at so far, and Copied of them were new to the
// destination (the rest were there already).
type CopyProgress struct {
	Table               string
	Done, Total, Copied int
	// Differs counts articles the destination holds with other content:
	// they are left as the destination has them.
	Differs int
}

// copyEvery is how many articles go between two progress reports.
const copyEvery = 100

// CopyTo copies this SQLite store into dst, a PostgreSQL store, so that
// a user moves to PostgreSQL without ingesting again: the articles with
// their sentences, facts and stored index (each article in one
// transaction, its sentence ids renumbered by the destination), then the
// post log, the inbox of handled events, fetches and feed items, settings,
// conversations, questions and verdicts. Rows the destination holds
// already are kept, so copying again copies nothing twice.
func (s *Store) CopyTo(ctx context.Context, dst *Store, progress func(CopyProgress)) error {
	if s.dialect.postgres() || !dst.dialect.postgres() {
		return errors.New("copy store: copies a SQLite store into a PostgreSQL one")
	}
	if progress == nil {
		progress = func(CopyProgress) {}
	}
	if err := s.copyArticles(ctx, dst, progress); err != nil {
		return fmt.Errorf("copy store: %w", err)
	}
	for _, t := range copiedTables {
		if err := s.copyTable(ctx, dst, t, progress); err != nil {
			return fmt.Errorf("copy store: %s: %w", t.name, err)
		}
	}
	return nil
}

// copiedArticle is one article as read from the source.
type copiedArticle struct {
	id, title, outlet, byline, published, url, hash, body, ingestedAt, analyzed string
}

func (s *Store) copyArticles(ctx context.Context, dst *Store, progress func(CopyProgress)) error {
	ix, err := s.readIndex(ctx)
	if err != nil {
		return err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT id, title, outlet, byline, published, url, hash, body, ingested_at, analyzed FROM articles ORDER BY rowid`)
	if err != nil {
		return fmt.Errorf("read articles: %w", err)
	}
	var arts []copiedArticle
	for rows.Next() {
		var a copiedArticle
		if err := rows.Scan(&a.id, &a.title, &a.outlet, &a.byline, &a.published, &a.url, &a.hash, &a.body, &a.ingestedAt, &a.analyzed); err != nil {
			rows.Close()
			return fmt.Errorf("read articles: %w", err)
		}
		arts = append(arts, a)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read articles: %w", err)
	}
	p := CopyProgress{Table: "articles", Total: len(arts)}
	for i, a := range arts {
		copied, differs, err := s.copyArticle(ctx, dst, a, ix)
		if err != nil {
			return fmt.Errorf("article %s: %w", a.id, err)
		}
		p.Done = i + 1
		if copied {
			p.Copied++
		}
		if differs {
			p.Differs++
		}
		if p.Done%copyEvery == 0 || p.Done == p.Total {
			progress(p)
		}
	}
	if len(arts) == 0 {
		progress(p)
	}
	return nil
}

// storedIndex is the source's stored index: the terms and word counts of
// each sentence, by sentence id, and each article's part of the totals.
type storedIndex struct {
	terms    map[int64][]string
	words    map[int64]map[string]int64
	articles map[string][2]int64 // sentences, length
}

// readIndex reads the FTS5 index whole: asking per article would scan it
// once per article.
func (s *Store) readIndex(ctx context.Context) (storedIndex, error) {
	ix := storedIndex{terms: map[int64][]string{}, words: map[int64]map[string]int64{}, articles: map[string][2]int64{}}
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return ix, fmt.Errorf("read index: %w", err)
	}
	defer conn.Close()
	// The words' occurrences per sentence, which no permanent vocabulary
	// table lists: a temporary one on this connection does.
	if _, err := conn.ExecContext(ctx, `CREATE VIRTUAL TABLE IF NOT EXISTS temp.copy_words USING fts5vocab(main, sentence_words, 'instance')`); err != nil {
		return ix, fmt.Errorf("read index: %w", err)
	}
	err = scanAll(ctx, conn, `SELECT term, doc FROM sentence_terms_postings`, func(r *sql.Rows) error {
		var t string
		var id int64
		if err := r.Scan(&t, &id); err != nil {
			return err
		}
		ix.terms[id] = append(ix.terms[id], t)
		return nil
	})
	if err != nil {
		return ix, fmt.Errorf("read index terms: %w", err)
	}
	err = scanAll(ctx, conn, `SELECT term, doc, count(*) FROM temp.copy_words GROUP BY term, doc`, func(r *sql.Rows) error {
		var w string
		var id, n int64
		if err := r.Scan(&w, &id, &n); err != nil {
			return err
		}
		if ix.words[id] == nil {
			ix.words[id] = map[string]int64{}
		}
		ix.words[id][w] = n
		return nil
	})
	if err != nil {
		return ix, fmt.Errorf("read index words: %w", err)
	}
	err = scanAll(ctx, conn, `SELECT article_id, sentences, length FROM article_index`, func(r *sql.Rows) error {
		var id string
		var n, length int64
		if err := r.Scan(&id, &n, &length); err != nil {
			return err
		}
		ix.articles[id] = [2]int64{n, length}
		return nil
	})
	if err != nil {
		return ix, fmt.Errorf("read index totals: %w", err)
	}
	return ix, nil
}

func scanAll(ctx context.Context, conn *sql.Conn, q string, f func(*sql.Rows) error) error {
	rows, err := conn.QueryContext(ctx, q)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := f(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// copyArticle writes one article, its sentences, facts and index into dst
// in one transaction, unless dst holds an article of that id already.
func (s *Store) copyArticle(ctx context.Context, dst *Store, a copiedArticle, ix storedIndex) (copied, differs bool, err error) {
	sents, err := s.Sentences(ctx, a.id)
	if err != nil {
		return false, false, err
	}
	facts, err := s.ArticleFacts(ctx, []string{a.id})
	if err != nil {
		return false, false, err
	}
	err = dst.inTx(ctx, func(tx *sql.Tx) error {
		var hash string
		switch err := tx.QueryRowContext(ctx, `SELECT hash FROM articles WHERE id = ?`, a.id).Scan(&hash); {
		case err == nil:
			differs = hash != a.hash
			return nil
		case !errors.Is(err, sql.ErrNoRows):
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO articles (id, title, outlet, byline, published, url, hash, body, ingested_at, analyzed)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, a.id, a.title, a.outlet, a.byline, a.published, a.url, a.hash, a.body, a.ingestedAt, a.analyzed); err != nil {
			return fmt.Errorf("insert article: %w", err)
		}
		ids := map[int64]int64{}
		for _, st := range sents {
			var id int64
			if err := tx.QueryRowContext(ctx, `INSERT INTO sentences (article_id, paragraph, position, heading, text) VALUES (?, ?, ?, ?, ?) RETURNING id`,
				a.id, st.Paragraph, st.Position, st.Heading, st.Text).Scan(&id); err != nil {
				return fmt.Errorf("insert sentence %d: %w", st.Position, err)
			}
			ids[st.ID] = id
		}
		for i := range facts {
			facts[i].SentenceID = ids[facts[i].SentenceID]
		}
		if err := insertFactsPG(ctx, tx, facts); err != nil {
			return err
		}
		if tot, ok := ix.articles[a.id]; ok {
			if err := copyIndexTx(ctx, tx, a.id, sents, ids, ix, tot); err != nil {
				return err
			}
		}
		copied = true
		return touchTx(ctx, tx, a.id)
	})
	return copied, differs, err
}

// copyIndexTx writes the source's index of an article's sentences under
// their new ids: the tokens are already as the index splits them.
func copyIndexTx(ctx context.Context, tx *sql.Tx, id string, sents []Sentence, ids map[int64]int64, ix storedIndex, tot [2]int64) error {
	var terms, words []string
	var termIDs, wordIDs, counts []int64
	for _, st := range sents {
		for _, t := range ix.terms[st.ID] {
			terms, termIDs = append(terms, t), append(termIDs, ids[st.ID])
		}
		for w, n := range ix.words[st.ID] {
			words, wordIDs, counts = append(words, w), append(wordIDs, ids[st.ID]), append(counts, n)
		}
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO sentence_terms (term, sentence_id) SELECT * FROM unnest(?::text[], ?::bigint[]) ON CONFLICT DO NOTHING`, terms, termIDs); err != nil {
		return fmt.Errorf("index terms: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO sentence_words (word, sentence_id, n) SELECT * FROM unnest(?::text[], ?::bigint[], ?::int[])`, words, wordIDs, counts); err != nil {
		return fmt.Errorf("index words: %w", err)
	}
	return addTotals(ctx, tx, id, int(tot[0]), int(tot[1]))
}

// copiedTable is a table copied row for row; bools names the columns that
// SQLite keeps as 0 or 1 and PostgreSQL as a boolean.
type copiedTable struct {
	name, columns string
	bools         map[int]bool
	where         string // which rows, when not all
}

// maxCopiedWordBytes bounds the words of index_words copied. The table
// keeps every word ever indexed, so a store indexed by an analyzer that
// took a pasted blob for a word keeps it after it is analysed again;
// PostgreSQL cannot key a row of several kB, and no word read is this
// long.
const maxCopiedWordBytes = 1000

var copiedTables = []copiedTable{
	{name: "index_words", columns: "word, length", where: fmt.Sprintf("length(CAST(word AS BLOB)) <= %d", maxCopiedWordBytes)},
	{name: "post_log", columns: "channel, day, state, claimed_at, posted_at, message_id"},
	{name: "inbox", columns: eventColumns},
	{name: "fetches", columns: "url, etag, last_modified, article_id, checked_at, failures, error"},
	{name: "feed_items", columns: "feed, guid, article_id, seen_at"},
	{name: "settings", columns: "name, value"},
	{name: "conversations", columns: "key, turn, updated_at"},
	{name: "asked", columns: askedColumns, bools: map[int]bool{5: true}},
	{name: "verdicts", columns: "answer_id, user_hash, verdict, platform, at"},
}

// copyTable copies t's rows that dst lacks (by its key), in batches of
// one transaction each.
func (s *Store) copyTable(ctx context.Context, dst *Store, t copiedTable, progress func(CopyProgress)) error {
	q := `SELECT ` + t.columns + ` FROM ` + t.name
	if t.where != "" {
		q += ` WHERE ` + t.where
	}
	rows, err := s.db.QueryContext(ctx, q)
	if err != nil {
		return err
	}
	ncol := len(strings.Split(t.columns, ","))
	var all [][]any
	for rows.Next() {
		vals := make([]any, ncol)
		ptrs := make([]any, ncol)
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			rows.Close()
			return err
		}
		for i := range vals {
			if t.bools[i] {
				n, _ := vals[i].(int64)
				vals[i] = n != 0
			}
		}
		all = append(all, vals)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	p := CopyProgress{Table: t.name, Total: len(all)}
	ins := `INSERT INTO ` + t.name + ` (` + t.columns + `) VALUES ` + placeholders(ncol) + ` ON CONFLICT DO NOTHING`
	for len(all) > 0 {
		batch := all[:min(len(all), maxParams)]
		all = all[len(batch):]
		err := dst.inTx(ctx, func(tx *sql.Tx) error {
			for _, vals := range batch {
				res, err := tx.ExecContext(ctx, ins, vals...)
				if err != nil {
					return err
				}
				if n, _ := res.RowsAffected(); n > 0 {
					p.Copied++
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
		p.Done += len(batch)
	}
	progress(p)
	return nil
}
