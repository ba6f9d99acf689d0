package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// Turn returns the turn last saved for the conversation key at or after
// since, or an error wrapping ErrNotFound when there is none that recent:
// a conversation's memory lasts its window.
func (s *Store) Turn(ctx context.Context, key string, since time.Time) ([]byte, error) {
	var turn string
	err := s.db.QueryRowContext(ctx, `SELECT turn FROM conversations WHERE key = ? AND updated_at >= ?`, key, ms(since)).Scan(&turn)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("conversation turn: %w", ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("conversation turn: %w", err)
	}
	return []byte(turn), nil
}

// SaveTurn keeps turn as the conversation key's last, replacing the one
// before.
func (s *Store) SaveTurn(ctx context.Context, key string, turn []byte, now time.Time) error {
	s.writes.Lock()
	defer s.writes.Unlock()
	_, err := s.db.ExecContext(ctx, `INSERT INTO conversations (key, turn, updated_at) VALUES (?, ?, ?)
		ON CONFLICT (key) DO UPDATE SET turn = excluded.turn, updated_at = excluded.updated_at`, key, string(turn), ms(now))
	if err != nil {
		return fmt.Errorf("save conversation turn: %w", err)
	}
	return nil
}

// PruneTurns deletes the turns saved before cutoff and returns how many.
func (s *Store) PruneTurns(ctx context.Context, cutoff time.Time) (int64, error) {
	s.writes.Lock()
	defer s.writes.Unlock()
	res, err := s.db.ExecContext(ctx, `DELETE FROM conversations WHERE updated_at < ?`, ms(cutoff))
	if err != nil {
		return 0, fmt.Errorf("prune conversation turns: %w", err)
	}
	n, _ := res.RowsAffected()
	return n, nil
}

// Asked is one question someone asked on a platform and what Parley
// answered. Quotes and Further are the bot's own encoding (JSON).
type Asked struct {
	ID       string
	At       time.Time
	Platform string
	Question string // as asked
	Read     string // as read, when a follow-up carried words into it
	Answered bool
	Answer   string
	Quotes   []byte // the quotes shown
	Further  []byte // the next quotes, for "More sources"
}

const askedColumns = `id, asked_at, platform, question, read, answered, answer, quotes, further`

func scanAsked(row interface{ Scan(...any) error }) (Asked, error) {
	var a Asked
	var at int64
	var quotes, further string
	if err := row.Scan(&a.ID, &at, &a.Platform, &a.Question, &a.Read, &a.Answered, &a.Answer, &quotes, &further); err != nil {
		return Asked{}, err
	}
	a.At, a.Quotes, a.Further = time.UnixMilli(at).UTC(), []byte(quotes), []byte(further)
	return a, nil
}

// RecordAsked writes a question and its answer.
func (s *Store) RecordAsked(ctx context.Context, a Asked) error {
	if a.ID == "" {
		return errors.New("record question: empty id")
	}
	quotes, further := string(a.Quotes), string(a.Further)
	if quotes == "" {
		quotes = "[]"
	}
	if further == "" {
		further = "[]"
	}
	s.writes.Lock()
	defer s.writes.Unlock()
	_, err := s.db.ExecContext(ctx, `INSERT INTO asked (`+askedColumns+`) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		a.ID, ms(a.At), a.Platform, a.Question, a.Read, a.Answered, a.Answer, quotes, further)
	if err != nil {
		return fmt.Errorf("record question: %w", err)
	}
	return nil
}

// AskedByID returns the question recorded under id, or an error wrapping
// ErrNotFound (never recorded, or pruned).
func (s *Store) AskedByID(ctx context.Context, id string) (Asked, error) {
	a, err := scanAsked(s.db.QueryRowContext(ctx, `SELECT `+askedColumns+` FROM asked WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return Asked{}, fmt.Errorf("question %s: %w", id, ErrNotFound)
	}
	if err != nil {
		return Asked{}, fmt.Errorf("question %s: %w", id, err)
	}
	return a, nil
}

// AskedSince returns the questions asked at or after since, oldest first.
func (s *Store) AskedSince(ctx context.Context, since time.Time) ([]Asked, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+askedColumns+` FROM asked WHERE asked_at >= ? ORDER BY asked_at, id`, ms(since))
	if err != nil {
		return nil, fmt.Errorf("questions since %s: %w", since.Format(time.RFC3339), err)
	}
	defer rows.Close()
	var out []Asked
	for rows.Next() {
		a, err := scanAsked(rows)
		if err != nil {
			return nil, fmt.Errorf("questions since: %w", err)
		}
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("questions since: %w", err)
	}
	return out, nil
}

// The verdicts a person may give an answer.
const (
	VerdictHelpful = "helpful"
	VerdictWrong   = "wrong"
)

// Verdict is one person's judgement of one answer. UserHash is a salted
// hash of the platform and user id: the store never sees the id.
type Verdict struct {
	AnswerID string
	UserHash string
	Verdict  string // VerdictHelpful or VerdictWrong
	Platform string
	At       time.Time
}

// SetVerdict records v, one per person per answer: a second verdict from
// the same person replaces the first. It returns the verdict it replaced,
// "" when there was none, and an error wrapping ErrNotFound when the
// answer is not (or no longer) recorded.
func (s *Store) SetVerdict(ctx context.Context, v Verdict) (previous string, err error) {
	if v.Verdict != VerdictHelpful && v.Verdict != VerdictWrong {
		return "", fmt.Errorf("set verdict: %q is not %s or %s", v.Verdict, VerdictHelpful, VerdictWrong)
	}
	s.writes.Lock()
	defer s.writes.Unlock()
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return "", fmt.Errorf("set verdict: %w", err)
	}
	defer tx.Rollback()
	var one int
	if err := tx.QueryRowContext(ctx, `SELECT 1 FROM asked WHERE id = ?`, v.AnswerID).Scan(&one); errors.Is(err, sql.ErrNoRows) {
		return "", fmt.Errorf("set verdict on %s: %w", v.AnswerID, ErrNotFound)
	} else if err != nil {
		return "", fmt.Errorf("set verdict: %w", err)
	}
	err = tx.QueryRowContext(ctx, `SELECT verdict FROM verdicts WHERE answer_id = ? AND user_hash = ?`, v.AnswerID, v.UserHash).Scan(&previous)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return "", fmt.Errorf("set verdict: %w", err)
	}
	if previous != v.Verdict {
		_, err = tx.ExecContext(ctx, `INSERT INTO verdicts (answer_id, user_hash, verdict, platform, at) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (answer_id, user_hash) DO UPDATE SET verdict = excluded.verdict, platform = excluded.platform, at = excluded.at`,
			v.AnswerID, v.UserHash, v.Verdict, v.Platform, ms(v.At))
		if err != nil {
			return "", fmt.Errorf("set verdict: %w", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return "", fmt.Errorf("set verdict: %w", err)
	}
	return previous, nil
}

// Judged is an answer with the verdicts given it.
type Judged struct {
	Asked
	Helpful, Wrong int
}

// Judgements returns the answers that got a verdict at or after since,
// with how many people found each helpful and wrong, most wrong first.
func (s *Store) Judgements(ctx context.Context, since time.Time) ([]Judged, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT a.id, a.asked_at, a.platform, a.question, a.read, a.answered, a.answer, a.quotes, a.further,
			sum(CASE WHEN v.verdict = ? THEN 1 ELSE 0 END), sum(CASE WHEN v.verdict = ? THEN 1 ELSE 0 END)
		FROM verdicts v JOIN asked a ON a.id = v.answer_id
		WHERE v.at >= ?
		GROUP BY a.id
		ORDER BY 11 DESC, 10 ASC, a.asked_at`, VerdictHelpful, VerdictWrong, ms(since))
	if err != nil {
		return nil, fmt.Errorf("judgements: %w", err)
	}
	defer rows.Close()
	var out []Judged
	for rows.Next() {
		var j Judged
		var at int64
		var quotes, further string
		if err := rows.Scan(&j.ID, &at, &j.Platform, &j.Question, &j.Read, &j.Answered, &j.Answer, &quotes, &further, &j.Helpful, &j.Wrong); err != nil {
			return nil, fmt.Errorf("judgements: %w", err)
		}
		j.At, j.Quotes, j.Further = time.UnixMilli(at).UTC(), []byte(quotes), []byte(further)
		out = append(out, j)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("judgements: %w", err)
	}
	return out, nil
}

// PruneAsked deletes the questions asked before cutoff, with their
// verdicts, and the verdicts given before cutoff, and returns how many
// questions and verdicts went.
func (s *Store) PruneAsked(ctx context.Context, cutoff time.Time) (questions, verdicts int64, err error) {
	s.writes.Lock()
	defer s.writes.Unlock()
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, 0, fmt.Errorf("prune questions: %w", err)
	}
	defer tx.Rollback()
	res, err := tx.ExecContext(ctx, `DELETE FROM verdicts WHERE at < ? OR answer_id IN (SELECT id FROM asked WHERE asked_at < ?)`, ms(cutoff), ms(cutoff))
	if err != nil {
		return 0, 0, fmt.Errorf("prune verdicts: %w", err)
	}
	verdicts, _ = res.RowsAffected()
	res, err = tx.ExecContext(ctx, `DELETE FROM asked WHERE asked_at < ?`, ms(cutoff))
	if err != nil {
		return 0, 0, fmt.Errorf("prune questions: %w", err)
	}
	questions, _ = res.RowsAffected()
	if err := tx.Commit(); err != nil {
		return 0, 0, fmt.Errorf("prune questions: %w", err)
	}
	return questions, verdicts, nil
}

// Setting returns the value kept under name, making it with make and
// keeping it when there is none. Of two processes making it at once, both
// get the one kept first.
func (s *Store) Setting(ctx context.Context, name string, make func() (string, error)) (string, error) {
	var v string
	err := s.db.QueryRowContext(ctx, `SELECT value FROM settings WHERE name = ?`, name).Scan(&v)
	if err == nil {
		return v, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return "", fmt.Errorf("setting %s: %w", name, err)
	}
	nv, err := make()
	if err != nil {
		return "", fmt.Errorf("setting %s: %w", name, err)
	}
	s.writes.Lock()
	_, err = s.db.ExecContext(ctx, `INSERT INTO settings (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING`, name, nv)
	s.writes.Unlock()
	if err != nil {
		return "", fmt.Errorf("setting %s: %w", name, err)
	}
	if err := s.db.QueryRowContext(ctx, `SELECT value FROM settings WHERE name = ?`, name).Scan(&v); err != nil {
		return "", fmt.Errorf("setting %s: %w", name, err)
	}
	return v, nil
}
