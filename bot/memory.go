package bot

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"time"

	"github.com/parley-bot/parley/answers"
	"github.com/parley-bot/parley/store"
)

// Defaults of what the bot remembers.
const (
	// DefaultWindow is how long a conversation remembers its last
	// question: a question within it may lean on that one.
	DefaultWindow = 10 * time.Minute
	// DefaultQuestionRetention is how long the questions people asked,
	// their answers and the verdicts on them are kept, for the curator's
	// report and the buttons under an answer.
	DefaultQuestionRetention = 90 * 24 * time.Hour
)

// Journal is the store as the bot's memory needs it; *store.Store
// implements it.
type Journal interface {
	Turn(ctx context.Context, key string, since time.Time) ([]byte, error)
	SaveTurn(ctx context.Context, key string, turn []byte, now time.Time) error
	PruneTurns(ctx context.Context, cutoff time.Time) (int64, error)
	RecordAsked(ctx context.Context, a store.Asked) error
	AskedByID(ctx context.Context, id string) (store.Asked, error)
	SetVerdict(ctx context.Context, v store.Verdict) (string, error)
	PruneAsked(ctx context.Context, cutoff time.Time) (questions, verdicts int64, err error)
}

// Memory is what the bot keeps between messages, in the store: each
// conversation's last question (for follow-ups, Window long), and the
// questions people asked on the platforms with their answers (for the
// curator's report and the buttons under an answer, Retention long),
// with one verdict per person per answer. Platform ids never reach the
// store: conversation keys and user ids are kept as HMAC-SHA256 hashes
// under Salt. The console's questions are not logged (its user is the
// operator, at the terminal).
type Memory struct {
	Journal   Journal
	Salt      []byte        // required: keys the hashes of conversations and users
	Window    time.Duration // 0: DefaultWindow
	Retention time.Duration // 0: DefaultQuestionRetention
	Metrics   *Metrics      // nil: counted but not exported
}

// ErrNoSalt is returned by NewMemory without a salt: hashes of user ids
// without one could be reversed by hashing every id.
var ErrNoSalt = errors.New("memory: no salt for hashing user ids")

// NewMemory checks m and fills its defaults.
func NewMemory(m Memory) (*Memory, error) {
	switch {
	case m.Journal == nil:
		return nil, errors.New("memory: no journal")
	case len(m.Salt) < 16:
		return nil, ErrNoSalt
	}
	if m.Window <= 0 {
		m.Window = DefaultWindow
	}
	if m.Retention <= 0 {
		m.Retention = DefaultQuestionRetention
	}
	if m.Metrics == nil {
		m.Metrics = NewMetrics(nil)
	}
	return &m, nil
}

// NewSalt returns a random salt, hex-encoded, for a store that has none.
func NewSalt() (string, error) {
	var b [32]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", fmt.Errorf("new salt: %w", err)
	}
	return hex.EncodeToString(b[:]), nil
}

// hash is the salted hash of parts, hex.
func (m *Memory) hash(parts ...string) string {
	mac := hmac.New(sha256.New, m.Salt)
	for _, p := range parts {
		mac.Write([]byte(strconv.Itoa(len(p))))
		mac.Write([]byte{':'})
		mac.Write([]byte(p))
	}
	return hex.EncodeToString(mac.Sum(nil))[:40]
}

// conversation is the store key of req's conversation, or "" when the bot
// keeps none or the request belongs to none.
func (m *Memory) conversation(req Request) string {
	if m == nil || req.Conversation == "" {
		return ""
	}
	return m.hash("conversation", req.Platform, req.Conversation)
}

// turn loads the conversation's last turn within the window; nil when
// there is none (or it cannot be read: the question then stands alone).
func (m *Memory) turn(ctx context.Context, log *slog.Logger, key string, now time.Time) *answers.Turn {
	raw, err := m.Journal.Turn(ctx, key, now.Add(-m.Window))
	if err != nil {
		if !errors.Is(err, store.ErrNotFound) {
			log.Warn("could not read the conversation's last turn; answering the question alone", slog.Any("err", err))
		}
		return nil
	}
	var t answers.Turn
	if err := json.Unmarshal(raw, &t); err != nil || t.Empty() {
		return nil
	}
	return &t
}

// keep saves t as the conversation's last turn.
func (m *Memory) keep(ctx context.Context, log *slog.Logger, key string, t answers.Turn, now time.Time) {
	raw, err := json.Marshal(t)
	if err == nil {
		err = m.Journal.SaveTurn(ctx, key, raw, now)
	}
	if err != nil {
		log.Warn("could not keep the conversation's turn; the next question stands alone", slog.Any("err", err))
	}
}

// record logs the question req asked and its answer, and returns the
// answer's id for the buttons; "" when nothing is logged (no memory, the
// console, or a failed write, which only costs the buttons).
func (m *Memory) record(ctx context.Context, log *slog.Logger, req Request, a answers.Answer, now time.Time) string {
	if m == nil || req.Platform == "console" {
		return ""
	}
	id := newAnswerID()
	quotes, _ := json.Marshal(a.Quotes)
	more, _ := json.Marshal(a.Further)
	row := store.Asked{ID: id, At: now, Platform: req.Platform, Question: answers.Normalize(req.Text),
		Answered: a.Answered, Answer: a.Answer, Quotes: quotes, Further: more}
	if a.Carried != nil {
		row.Read = a.Carried.Read
	}
	if !a.Answered {
		row.Answer, row.Quotes, row.Further = "", nil, nil
	}
	if err := m.Journal.RecordAsked(ctx, row); err != nil {
		log.Warn("could not log the question; its answer goes out without buttons", slog.Any("err", err))
		return ""
	}
	return id
}

// answerIDLen is the length of an answer id: 16 random bytes, hex.
const answerIDLen = 32

func newAnswerID() string {
	var b [answerIDLen / 2]byte
	rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// validAnswerID reports whether s is shaped like an answer id, so nothing
// else a button might carry reaches the store.
func validAnswerID(s string) bool {
	if len(s) != answerIDLen {
		return false
	}
	_, err := hex.DecodeString(s)
	return err == nil
}

// What the person who pressed a button reads.
const (
	noteHelpful       = "Thanks — I've noted that this answer helped."
	noteWrong         = "Thanks — I've noted that this answer is wrong; whoever keeps the articles will see it in the weekly report."
	noteSame          = "You had already marked this answer %s; it counts once."
	noteChanged       = "Changed: your verdict on this answer is now “%s” (it was “%s”)."
	noteGone          = "I no longer keep that answer (answers are kept %d days), so I can't take feedback on it or find more sources. Please ask again."
	noteNoMore        = "I have no further sources for that question than the ones shown."
	noteNoMemory      = "Feedback and more sources are not switched on here."
	noteUnknownButton = "I don't know that button."
)

// act handles a button pressed under an answer: a verdict, kept once per
// person per answer (a change of mind replaces it), or the next sources
// for the answer's question.
func (b *Bot) act(ctx context.Context, req Request) Reply {
	m := b.memory
	if m == nil {
		return Reply{Kind: KindNote, Text: noteNoMemory}
	}
	act := req.Action
	asked, err := m.Journal.AskedByID(ctx, act.Answer)
	if errors.Is(err, store.ErrNotFound) {
		return Reply{Kind: KindNote, Text: fmt.Sprintf(noteGone, int(m.Retention/(24*time.Hour)))}
	}
	if err != nil {
		return b.fail(req, "find answer", err)
	}
	switch act.Kind {
	case ActionMore:
		var more []answers.Quote
		if err := json.Unmarshal(asked.Further, &more); err != nil || len(more) == 0 {
			return Reply{Kind: KindNote, Text: noteNoMore}
		}
		q := asked.Question
		return Reply{Kind: KindMore, Question: q, Quotes: more, Text: "More sources for “" + q + "”", ID: asked.ID}
	case ActionHelpful, ActionWrong:
	default:
		return Reply{Kind: KindNote, Text: noteUnknownButton}
	}
	user := m.hash("user", req.Platform, req.User)
	prev, err := m.Journal.SetVerdict(ctx, store.Verdict{AnswerID: asked.ID, UserHash: user, Verdict: act.Kind, Platform: req.Platform, At: b.now()})
	if errors.Is(err, store.ErrNotFound) {
		return Reply{Kind: KindNote, Text: fmt.Sprintf(noteGone, int(m.Retention/(24*time.Hour)))}
	}
	if err != nil {
		return b.fail(req, "record verdict", err)
	}
	outcome, text := "recorded", noteHelpful
	switch {
	case prev == act.Kind:
		outcome, text = "repeated", fmt.Sprintf(noteSame, act.Kind)
	case prev != "":
		outcome, text = "changed", fmt.Sprintf(noteChanged, act.Kind, prev)
	case act.Kind == ActionWrong:
		text = noteWrong
	}
	m.Metrics.Feedback.WithLabelValues(req.Platform, act.Kind, outcome).Inc()
	return Reply{Kind: KindNote, Text: text}
}

// Prune forgets what is past its time at now: conversation turns older
// than the window, and questions and verdicts older than the retention.
func (m *Memory) Prune(ctx context.Context, now time.Time) (turns, questions, verdicts int64, err error) {
	if turns, err = m.Journal.PruneTurns(ctx, now.Add(-m.Window)); err != nil {
		return 0, 0, 0, err
	}
	questions, verdicts, err = m.Journal.PruneAsked(ctx, now.Add(-m.Retention))
	return turns, questions, verdicts, err
}

// pruneEvery is how often Keep prunes.
const keepEvery = time.Hour

// Keep prunes the memory at once and then every hour until ctx is done,
// logging what it deleted; serve runs it. now is the clock (nil:
// time.Now).
func (m *Memory) Keep(ctx context.Context, log *slog.Logger, now func() time.Time) error {
	if now == nil {
		now = time.Now
	}
	t := time.NewTicker(keepEvery)
	defer t.Stop()
	for {
		turns, qs, vs, err := m.Prune(ctx, now())
		switch {
		case err != nil && ctx.Err() == nil:
			log.Warn("could not prune conversations and old questions", slog.Any("err", err))
		case turns+qs+vs > 0:
			log.Debug("pruned memory", slog.Int64("turns", turns), slog.Int64("questions", qs), slog.Int64("verdicts", vs))
		}
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		}
	}
}
