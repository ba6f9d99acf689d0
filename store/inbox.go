package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

// EventState is where an event in the inbox stands.
type EventState string

// The states of an inbox event: received until an outcome is known, then
// one of the other three for good.
const (
	// EventReceived: written before it was acknowledged; not answered yet.
	EventReceived EventState = "received"
	// EventAnswered: the reply was delivered (or a busy notice was).
	EventAnswered EventState = "answered"
	// EventFailed: the reply could not be delivered; Reason says why.
	EventFailed EventState = "failed"
	// EventMaybePosted: the post went out and no answer came back, so it
	// may or may not be in the channel; it is not tried again.
	EventMaybePosted EventState = "maybe_posted"
)

// Event is one row of the inbox: a platform event or interaction Parley
// has acknowledged.
type Event struct {
	Platform string
	ID       string // unique per platform, e.g. "event:Ev0123"
	Payload  []byte // what answering needs, as the bot encodes it; empty once answered
	State    EventState
	Reason   string
	Attempts int // times a process took the event up, the first included
	// Owner is the process working on a received event, and LeaseUntil
	// when its claim runs out unless renewed.
	Owner      string
	LeaseUntil time.Time
	ReceivedAt time.Time
	UpdatedAt  time.Time
}

// Lease is a process's claim on the events it works on: Owner names the
// process, and no other takes an event up before Until.
type Lease struct {
	Owner string
	Until time.Time
}

const eventColumns = `platform, id, payload, state, reason, attempts, owner, lease_until, received_at, updated_at`

func ms(t time.Time) int64 { return t.UnixMilli() }

func scanEvent(row interface{ Scan(...any) error }) (Event, error) {
	var e Event
	var payload string
	var lease, received, updated int64
	if err := row.Scan(&e.Platform, &e.ID, &payload, &e.State, &e.Reason, &e.Attempts, &e.Owner, &lease, &received, &updated); err != nil {
		return Event{}, err
	}
	e.Payload = []byte(payload)
	e.LeaseUntil, e.ReceivedAt, e.UpdatedAt = time.UnixMilli(lease).UTC(), time.UnixMilli(received).UTC(), time.UnixMilli(updated).UTC()
	return e, nil
}

// ReceiveEvent writes an arriving event to the inbox, before it is
// acknowledged, and reports whether the caller now holds it (taken):
//
//   - a new event is inserted as received, held by lease (Attempts 1);
//   - an event received before whose lease has run out — its process
//     died, or gave it back — is taken over (Attempts counts up): a
//     redelivery resumes it rather than being dropped as a duplicate;
//   - otherwise — answered, failed, maybe posted, or held by a live
//     lease — nothing changes and taken is false: a duplicate. The event
//     is returned as it stands.
//
// The insert or take-over is one statement, so of two processes receiving
// the same event only one holds it.
func (s *Store) ReceiveEvent(ctx context.Context, platform, id string, payload []byte, lease Lease, now time.Time) (Event, bool, error) {
	s.writes.Lock()
	defer s.writes.Unlock()
	e, err := scanEvent(s.db.QueryRowContext(ctx, `INSERT INTO inbox (platform, id, payload, state, attempts, owner, lease_until, received_at, updated_at)
		VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?)
		ON CONFLICT (platform, id) DO UPDATE SET owner = excluded.owner, lease_until = excluded.lease_until,
			attempts = inbox.attempts + 1, updated_at = excluded.updated_at
		WHERE inbox.state = ? AND inbox.lease_until <= ?
		RETURNING `+eventColumns,
		platform, id, string(payload), EventReceived, lease.Owner, ms(lease.Until), ms(now), ms(now), EventReceived, ms(now)))
	if err == nil {
		return e, true, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return Event{}, false, fmt.Errorf("receive event %s/%s: %w", platform, id, err)
	}
	e, err = s.Event(ctx, platform, id)
	if err != nil {
		return Event{}, false, fmt.Errorf("receive event: %w", err)
	}
	return e, false, nil
}

// Event returns one inbox event, or an error wrapping ErrNotFound.
func (s *Store) Event(ctx context.Context, platform, id string) (Event, error) {
	e, err := scanEvent(s.db.QueryRowContext(ctx, `SELECT `+eventColumns+` FROM inbox WHERE platform = ? AND id = ?`, platform, id))
	if errors.Is(err, sql.ErrNoRows) {
		return Event{}, fmt.Errorf("event %s/%s: %w", platform, id, ErrNotFound)
	}
	if err != nil {
		return Event{}, fmt.Errorf("event %s/%s: %w", platform, id, err)
	}
	return e, nil
}

// PendingEvents lists up to limit received events whose lease has run out
// at now, oldest first: the work a crashed or stopped process left.
func (s *Store) PendingEvents(ctx context.Context, now time.Time, limit int) ([]Event, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+eventColumns+` FROM inbox WHERE state = ? AND lease_until <= ?
		ORDER BY received_at LIMIT ?`, EventReceived, ms(now), limit)
	if err != nil {
		return nil, fmt.Errorf("pending events: %w", err)
	}
	defer rows.Close()
	var out []Event
	for rows.Next() {
		e, err := scanEvent(rows)
		if err != nil {
			return nil, fmt.Errorf("pending events: %w", err)
		}
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("pending events: %w", err)
	}
	return out, nil
}

// TakeEvent takes up a received event whose lease has run out, under
// lease, and reports whether this caller got it: of processes racing for
// one event, one does.
func (s *Store) TakeEvent(ctx context.Context, platform, id string, lease Lease, now time.Time) (Event, bool, error) {
	s.writes.Lock()
	defer s.writes.Unlock()
	e, err := scanEvent(s.db.QueryRowContext(ctx, `UPDATE inbox SET owner = ?, lease_until = ?, attempts = attempts + 1, updated_at = ?
		WHERE platform = ? AND id = ? AND state = ? AND lease_until <= ?
		RETURNING `+eventColumns, lease.Owner, ms(lease.Until), ms(now), platform, id, EventReceived, ms(now)))
	if errors.Is(err, sql.ErrNoRows) {
		return Event{}, false, nil
	}
	if err != nil {
		return Event{}, false, fmt.Errorf("take event %s/%s: %w", platform, id, err)
	}
	return e, true, nil
}

// FinishEvent records a received event's outcome for good: answered (its
// payload is then cleared: only the id is kept, for deduplication), failed
// or maybe posted, with a reason. An event that has an outcome already
// keeps it: a process that lost its lease and finishes late changes
// nothing.
func (s *Store) FinishEvent(ctx context.Context, platform, id string, state EventState, reason string, now time.Time) error {
	s.writes.Lock()
	defer s.writes.Unlock()
	if state == EventReceived {
		return fmt.Errorf("finish event %s/%s: %q is not an outcome", platform, id, state)
	}
	_, err := s.db.ExecContext(ctx, `UPDATE inbox SET state = ?, reason = ?, owner = '', lease_until = 0, updated_at = ?,
		payload = CASE WHEN ? = ? THEN '' ELSE payload END
		WHERE platform = ? AND id = ? AND state = ?`, state, reason, ms(now), state, EventAnswered, platform, id, EventReceived)
	if err != nil {
		return fmt.Errorf("finish event %s/%s as %s: %w", platform, id, state, err)
	}
	return nil
}

// SetEventPayload replaces a received event's payload, for an adapter
// that learns more on the way (that its deferred response reached the
// platform, say).
func (s *Store) SetEventPayload(ctx context.Context, platform, id string, payload []byte) error {
	s.writes.Lock()
	defer s.writes.Unlock()
	_, err := s.db.ExecContext(ctx, `UPDATE inbox SET payload = ? WHERE platform = ? AND id = ? AND state = ?`,
		string(payload), platform, id, EventReceived)
	if err != nil {
		return fmt.Errorf("update event %s/%s: %w", platform, id, err)
	}
	return nil
}

// ReleaseEvent gives back owner's claim on a received event it did not
// get to work on (no worker was free), so that a redelivery or the next
// sweep takes it up at once; the claim does not count as an attempt.
func (s *Store) ReleaseEvent(ctx context.Context, platform, id, owner string) error {
	s.writes.Lock()
	defer s.writes.Unlock()
	_, err := s.db.ExecContext(ctx, `UPDATE inbox SET owner = '', lease_until = 0, attempts = CASE WHEN attempts > 0 THEN attempts - 1 ELSE 0 END
		WHERE platform = ? AND id = ? AND owner = ? AND state = ?`,
		platform, id, owner, EventReceived)
	if err != nil {
		return fmt.Errorf("release event %s/%s: %w", platform, id, err)
	}
	return nil
}

// EventKey names one inbox event.
type EventKey struct{ Platform, ID string }

// RenewHeld extends owner's claim to until on those of the events held
// that are still received: the ones the process is working on. A process
// renews only what it holds, never every row under its name: an event it
// claimed without knowing (the database committed the claim, the answer
// was lost on the way back) lapses, and is taken up by a sweep, here or on
// another replica.
func (s *Store) RenewHeld(ctx context.Context, owner string, held []EventKey, until time.Time) (int64, error) {
	s.writes.Lock()
	defer s.writes.Unlock()
	var total int64
	err := inChunks(held, func(chunk []EventKey) error {
		args := []any{ms(until), owner, EventReceived}
		rows := make([]string, len(chunk))
		for i, k := range chunk {
			rows[i] = "(?, ?)"
			args = append(args, k.Platform, k.ID)
		}
		res, err := s.db.ExecContext(ctx, `UPDATE inbox SET lease_until = ? WHERE owner = ? AND state = ?
			AND (platform, id) IN (VALUES `+strings.Join(rows, ", ")+`)`, args...)
		if err != nil {
			return err
		}
		n, _ := res.RowsAffected()
		total += n
		return nil
	})
	if err != nil {
		return total, fmt.Errorf("renew events of %s: %w", owner, err)
	}
	return total, nil
}

// ReleaseEvents gives back every claim of owner's on events still
// received, for a process stopping with work unfinished: the next start
// takes them up at once.
func (s *Store) ReleaseEvents(ctx context.Context, owner string) (int64, error) {
	s.writes.Lock()
	defer s.writes.Unlock()
	res, err := s.db.ExecContext(ctx, `UPDATE inbox SET owner = '', lease_until = 0 WHERE owner = ? AND state = ?`, owner, EventReceived)
	if err != nil {
		return 0, fmt.Errorf("release events of %s: %w", owner, err)
	}
	n, _ := res.RowsAffected()
	return n, nil
}

// ExpireEvents marks failed, with reason, every unclaimed received event
// that arrived before cutoff: too old to be worth answering.
func (s *Store) ExpireEvents(ctx context.Context, cutoff time.Time, reason string, now time.Time) (int64, error) {
	s.writes.Lock()
	defer s.writes.Unlock()
	res, err := s.db.ExecContext(ctx, `UPDATE inbox SET state = ?, reason = ?, owner = '', lease_until = 0, updated_at = ?
		WHERE state = ? AND received_at < ? AND lease_until <= ?`, EventFailed, reason, ms(now), EventReceived, ms(cutoff), ms(now))
	if err != nil {
		return 0, fmt.Errorf("expire events: %w", err)
	}
	n, _ := res.RowsAffected()
	return n, nil
}

// PruneEvents deletes events with an outcome last updated before cutoff.
// Received events are never pruned: they wait for an answer or ExpireEvents.
func (s *Store) PruneEvents(ctx context.Context, cutoff time.Time) (int64, error) {
	s.writes.Lock()
	defer s.writes.Unlock()
	res, err := s.db.ExecContext(ctx, `DELETE FROM inbox WHERE state != ? AND updated_at < ?`, EventReceived, ms(cutoff))
	if err != nil {
		return 0, fmt.Errorf("prune events: %w", err)
	}
	n, _ := res.RowsAffected()
	return n, nil
}

// ConfirmEvent is the check a worker makes right before it posts: it
// reports whether lease.Owner still holds the received event under the
// take numbered attempt, and if so extends the lease to lease.Until, in
// one conditional statement. The attempt is the fencing token: every take
// over (ReceiveEvent after a lapse, TakeEvent) counts it up, and giving
// an event back (ReleaseEvent, ReleaseEvents) clears the owner, so a
// worker whose lease ran out and was taken over — by another replica, or
// by a sweep of its own process — is refused, while one whose lease ran
// out unnoticed by everyone claims it again. False means: do not post.
func (s *Store) ConfirmEvent(ctx context.Context, platform, id string, lease Lease, attempt int) (bool, error) {
	s.writes.Lock()
	defer s.writes.Unlock()
	res, err := s.db.ExecContext(ctx, `UPDATE inbox SET lease_until = ?
		WHERE platform = ? AND id = ? AND state = ? AND owner = ? AND attempts = ?`,
		ms(lease.Until), platform, id, EventReceived, lease.Owner, attempt)
	if err != nil {
		return false, fmt.Errorf("confirm event %s/%s: %w", platform, id, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, fmt.Errorf("confirm event %s/%s: %w", platform, id, err)
	}
	return n == 1, nil
}
