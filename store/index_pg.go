package store

import (
	"context"
	"database/sql"
	"fmt"
	"unicode/utf8"
)

// indexTxPG is indexTx on PostgreSQL: the same index as SQLite's FTS5
// tables hold, as rows of plain tables, written with one statement per
// table for the whole article.
func indexTxPG(ctx context.Context, tx *sql.Tx, id string, sents []Sentence, ix []SentenceIndex) error {
	var termIDs, wordIDs []int64
	var terms, words, known []string
	var counts, lengths []int64
	seen := map[string]bool{}
	length := 0
	for i, s := range sents {
		length += ix[i].Length
		// A term is a row once however often the sentence holds it
		// (FTS5's document frequency with detail=none).
		held := map[string]bool{}
		for _, t := range asciiTokens(tokens(ix[i].Terms), '_') {
			if !held[t] {
				held[t] = true
				terms, termIDs = append(terms, t), append(termIDs, s.ID)
			}
		}
		n := map[string]int64{}
		var order []string
		for _, w := range asciiTokens(tokens(ix[i].Words), 0) {
			if n[w] == 0 {
				order = append(order, w)
			}
			n[w]++
		}
		for _, w := range order {
			words, wordIDs, counts = append(words, w), append(wordIDs, s.ID), append(counts, n[w])
		}
		for _, w := range ix[i].Words {
			if !seen[w] && w != "" {
				seen[w] = true
				known, lengths = append(known, w), append(lengths, int64(utf8.RuneCountInString(w)))
			}
		}
	}
	for _, q := range []struct {
		sql  string
		args []any
	}{
		{`INSERT INTO sentence_terms (term, sentence_id) SELECT * FROM unnest(?::text[], ?::bigint[]) ON CONFLICT DO NOTHING`, []any{terms, termIDs}},
		{`INSERT INTO sentence_words (word, sentence_id, n) SELECT * FROM unnest(?::text[], ?::bigint[], ?::int[])`, []any{words, wordIDs, counts}},
		{`INSERT INTO index_words (word, length) SELECT * FROM unnest(?::text[], ?::int[]) ON CONFLICT (word) DO NOTHING`, []any{known, lengths}},
	} {
		if _, err := tx.ExecContext(ctx, q.sql, q.args...); err != nil {
			return fmt.Errorf("index %s: %s", id, pgconnMessage(err))
		}
	}
	return addTotals(ctx, tx, id, len(sents), length)
}

// asciiTokens splits s as FTS5's ascii tokenizer does: a token is a run
// of ASCII letters and digits, any non-ASCII byte and the byte extra (when
// not 0); ASCII letters are folded to lower case.
func asciiTokens(s string, extra byte) []string {
	var out []string
	start := -1
	var b []byte
	for i := 0; i <= len(s); i++ {
		in := i < len(s)
		if in {
			c := s[i]
			in = c >= 0x80 || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || (extra != 0 && c == extra)
		}
		switch {
		case in && start < 0:
			start = i
		case !in && start >= 0:
			b = append(b[:0], s[start:i]...)
			for j, c := range b {
				if c >= 'A' && c <= 'Z' {
					b[j] = c + 'a' - 'A'
				}
			}
			out = append(out, string(b))
			start = -1
		}
	}
	return out
}
