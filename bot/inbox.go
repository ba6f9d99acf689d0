package bot

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/parley-bot/parley/store"
)

// ErrMaybePosted marks a post whose outcome cannot be known: the request
// went out and no answer came back (the connection was cut, the time ran
// out), so the message may or may not be in the channel. Adapters wrap it
// (they alone can tell a request never sent from one sent); the bot core
// checks it with errors.Is. Neither the inbox nor the daily summary posts
// again after it: a second post could double the message, and Slack's
// chat.postMessage has no idempotency key. The inbox records the event as
// maybe_posted; the summary keeps its claim for the operator to check.
var ErrMaybePosted = errors.New("may have been posted: the request went out and no answer came back")

// ErrOverloaded is returned by Inbox.Receive when every worker and every
// busy-notice slot is taken. The event stays in the inbox, unclaimed: the
// adapter refuses the delivery (Slack then redelivers it, and the
// redelivery or the next sweep answers it) or answers "busy" itself.
var ErrOverloaded = errors.New("overloaded")

// Admission is what Inbox.Receive did with an event.
type Admission int

const (
	// Accepted: the event is new, or was received before and left
	// unanswered (a crash); its answer is on its way.
	Accepted Admission = iota
	// Duplicate: the event was answered (or failed, or may have been
	// posted) already, or another worker holds it: acknowledge it and do
	// nothing more.
	Duplicate
)

// Event is one platform event or interaction in the inbox: the request to
// answer and the route its adapter needs to deliver the reply.
type Event struct {
	Platform string
	// ID is the platform's id for it, unique per platform, with a kind
	// prefix: "event:Ev0123", "command:<trigger id>", "interaction:<id>".
	ID      string
	Request Request
	// Route is the adapter's own record of where and how to deliver the
	// reply (a thread, a response URL, an interaction token), as JSON.
	Route json.RawMessage
	// ReceivedAt is when the event was first written down; Attempts how
	// many times a worker took it up (1 the first time); Resumed whether
	// this is such a second take, after a restart or a redelivery.
	ReceivedAt time.Time
	Attempts   int
	Resumed    bool
}

// Deliverer delivers the replies to one platform's events; the Slack and
// Discord adapters are Deliverers, registered with Inbox.Register.
type Deliverer interface {
	// Platform names the platform whose events it delivers.
	Platform() string
	// Deliver delivers r as the answer to ev. It returns nil once the
	// platform has it; an error wrapping ErrMaybePosted when the outcome
	// cannot be known; any other error when nothing was delivered. A
	// resumed event may be past its route's life (an expired response URL
	// or interaction token): the deliverer falls back (a post to the
	// channel) or says why it cannot.
	Deliver(ctx context.Context, ev Event, r Reply) error
}

// InboxLog is the store's inbox table as the Inbox uses it;
// *store.Store implements it.
type InboxLog interface {
	ReceiveEvent(ctx context.Context, platform, id string, payload []byte, lease store.Lease, now time.Time) (store.Event, bool, error)
	PendingEvents(ctx context.Context, now time.Time, limit int) ([]store.Event, error)
	TakeEvent(ctx context.Context, platform, id string, lease store.Lease, now time.Time) (store.Event, bool, error)
	FinishEvent(ctx context.Context, platform, id string, state store.EventState, reason string, now time.Time) error
	ConfirmEvent(ctx context.Context, platform, id string, lease store.Lease, attempt int) (bool, error)
	SetEventPayload(ctx context.Context, platform, id string, payload []byte) error
	ReleaseEvent(ctx context.Context, platform, id, owner string) error
	RenewHeld(ctx context.Context, owner string, held []store.EventKey, until time.Time) (int64, error)
	ReleaseEvents(ctx context.Context, owner string) (int64, error)
	ExpireEvents(ctx context.Context, cutoff time.Time, reason string, now time.Time) (int64, error)
	PruneEvents(ctx context.Context, cutoff time.Time) (int64, error)
}

// Defaults and bounds of the inbox.
const (
	// DefaultLease is how long an event a process took up stays its own
	// without renewal. A live process renews its leases every third of
	// it; a process that died leaves them to run out, and then any other
	// start or sweep takes the events up.
	DefaultLease = 15 * time.Second
	// DefaultRetention is how long events with an outcome are kept (for
	// deduplication and the record) before they are pruned. Slack stops
	// retrying an event within the hour; Discord does not redeliver.
	DefaultRetention = 7 * 24 * time.Hour
	// DefaultAnswerTimeout bounds answering and delivering one event,
	// rate-limit waits and retries included.
	DefaultAnswerTimeout = 2 * time.Minute
	// MaxAge is the oldest a received event may be and still be
	// answered; older ones are marked failed. An answer a day late helps
	// no one.
	MaxAge = 24 * time.Hour
	// MaxAttempts is how many times an event is taken up before it is
	// marked failed: an event that keeps dying with its process is not
	// tried for ever.
	MaxAttempts = 5
	// pruneEvery is how often old events are pruned.
	pruneEvery = time.Hour
	// recordTimeout bounds writing one outcome; recordTries is how many
	// times it is tried, since an outcome lost means a second answer
	// after the next restart; recordBackoff is the first wait between
	// tries, doubled each time (0.25 + 0.5 + 1 + 2 + 4 s), so a database
	// that restarts in that time loses no outcome.
	recordTimeout = 10 * time.Second
	recordTries   = 6
	recordBackoff = 250 * time.Millisecond
	// maxReason bounds the reason kept for an outcome.
	maxReason = 500
)

// InboxOptions configure an Inbox; the zero value of each is its default.
type InboxOptions struct {
	Lease     time.Duration // DefaultLease
	Retention time.Duration // DefaultRetention
	Timeout   time.Duration // DefaultAnswerTimeout
	// Owner names this process in the store (for its leases); empty means
	// host, process id and a random suffix.
	Owner   string
	Metrics *Metrics         // nil: counted but not exported
	Log     *slog.Logger     // nil: discarded
	Now     func() time.Time // nil: time.Now
}

// Inbox is the durable path from acknowledging an event to answering it.
// An adapter hands each event to Receive before it acknowledges it; the
// Inbox writes it to the store as received, then runs its answer on the
// worker pool and records the outcome: answered, failed (with the
// reason) or maybe posted (ErrMaybePosted). Run takes up events a crashed
// process left received, renews this process's leases and prunes old
// events; Close gives back what is still unanswered at shutdown. It is
// safe for concurrent use.
type Inbox struct {
	log     InboxLog
	handler Handler
	pool    *Pool
	notices *Pool // busy notices when the pool is full
	metrics *Metrics
	logger  *slog.Logger
	now     func() time.Time
	owner   string

	lease, retention, timeout time.Duration

	mu         sync.Mutex
	deliverers map[string]Deliverer

	// gaveBack is set when an event was given back for want of a
	// worker; the next worker to finish then kicks Run to take it up at
	// once rather than at the next tick.
	gaveBack atomic.Bool
	kick     chan struct{}

	// held are the events this process works on; only their leases
	// are renewed.
	held held
}

// NewInbox returns an inbox over log that answers with h on pool.
func NewInbox(log InboxLog, h Handler, pool *Pool, o InboxOptions) *Inbox {
	d := Deps{Metrics: o.Metrics, Log: o.Log, Now: o.Now}.WithDefaults()
	in := &Inbox{
		log: log, handler: h, pool: pool, notices: NewPool(4), metrics: d.Metrics,
		logger: d.Log.With(slog.String("part", "inbox")), now: d.Now, owner: o.Owner,
		lease: cmp0(o.Lease, DefaultLease), retention: cmp0(o.Retention, DefaultRetention),
		timeout: cmp0(o.Timeout, DefaultAnswerTimeout), deliverers: map[string]Deliverer{},
		kick: make(chan struct{}, 1),
	}
	if in.owner == "" {
		in.owner = processName()
	}
	return in
}

// processName names this process for its leases: host, pid and a random
// suffix, so a restarted process with a reused pid is someone else.
func processName() string {
	host, _ := os.Hostname()
	var b [4]byte
	rand.Read(b[:])
	return host + "/" + strconv.Itoa(os.Getpid()) + "/" + hex.EncodeToString(b[:])
}

// Owner names this process in the store's leases.
func (in *Inbox) Owner() string { return in.owner }

// Register makes d the deliverer of its platform's events, those received
// now and those left from before. Adapters register in their constructor.
func (in *Inbox) Register(d Deliverer) {
	in.mu.Lock()
	defer in.mu.Unlock()
	in.deliverers[d.Platform()] = d
}

func (in *Inbox) deliverer(platform string) (Deliverer, bool) {
	in.mu.Lock()
	defer in.mu.Unlock()
	d, ok := in.deliverers[platform]
	return d, ok
}

// stored is an Event's payload in the store.
type stored struct {
	Channel      string          `json:"channel,omitempty"`
	User         string          `json:"user,omitempty"`
	Thread       string          `json:"thread,omitempty"`
	Text         string          `json:"text"`
	EventID      string          `json:"event_id,omitempty"`
	Conversation string          `json:"conversation,omitempty"`
	Action       *Action         `json:"action,omitempty"`
	Route        json.RawMessage `json:"route,omitempty"`
}

func encode(ev Event) ([]byte, error) {
	r := ev.Request
	return json.Marshal(stored{Channel: r.Channel, User: r.User, Thread: r.Thread, Text: r.Text, EventID: r.EventID,
		Conversation: r.Conversation, Action: r.Action, Route: ev.Route})
}

func decode(e store.Event) (Event, error) {
	var s stored
	if err := json.Unmarshal(e.Payload, &s); err != nil {
		return Event{}, fmt.Errorf("event %s/%s: unreadable payload: %w", e.Platform, e.ID, err)
	}
	return Event{
		Platform: e.Platform, ID: e.ID, Route: s.Route,
		Request: Request{Platform: e.Platform, Channel: s.Channel, User: s.User, Thread: s.Thread, Text: s.Text, EventID: s.EventID,
			Conversation: s.Conversation, Action: s.Action},
		ReceivedAt: e.ReceivedAt, Attempts: e.Attempts, Resumed: e.Attempts > 1,
	}, nil
}

func (in *Inbox) leaseFrom(now time.Time) store.Lease {
	return store.Lease{Owner: in.owner, Until: now.Add(in.lease)}
}

// Receive writes ev to the store before the caller acknowledges it, and
// schedules its answer. It returns Accepted for an event to answer — new,
// or received before and left unanswered (a redelivery after a crash is
// resumed, not dropped) — and Duplicate for one answered already or held
// by a live worker. It returns ErrOverloaded when no worker is free, and
// another error when the event could not be written: either way the
// caller must not acknowledge it as handled (Slack: refuse it, so it is
// redelivered). It does no slow work. ev's platform must have a
// registered Deliverer.
func (in *Inbox) Receive(ctx context.Context, ev Event) (Admission, error) {
	d, ok := in.deliverer(ev.Platform)
	if !ok {
		return 0, fmt.Errorf("inbox: no deliverer for platform %q", ev.Platform)
	}
	payload, err := encode(ev)
	if err != nil {
		return 0, fmt.Errorf("inbox: encode event %s: %w", ev.ID, err)
	}
	now := in.now()
	row, taken, err := in.log.ReceiveEvent(ctx, ev.Platform, ev.ID, payload, in.leaseFrom(now), now)
	if err != nil {
		return 0, fmt.Errorf("inbox: %w", err)
	}
	log := in.logger.With(slog.String("platform", ev.Platform), slog.String("event_id", ev.ID))
	if !taken {
		in.metrics.Deduplicated.WithLabelValues(ev.Platform).Inc()
		log.Info("dropped duplicate event", slog.String("state", string(row.State)))
		return Duplicate, nil
	}
	in.held.add(ev.Platform, ev.ID, row.Attempts)
	ev.Attempts = row.Attempts
	if row.Attempts > 1 {
		// Received before, never answered: the stored event (with what
		// its adapter noted since) is the one to answer.
		resumed, err := decode(row)
		if err != nil {
			in.record(ev, KindError, err)
			return Duplicate, nil
		}
		ev = resumed
		in.metrics.Inbox.WithLabelValues(ev.Platform, "resumed").Inc()
		log.Info("redelivered event taken up again", slog.Int("attempts", row.Attempts), slog.Duration("age", now.Sub(row.ReceivedAt)))
		if row.Attempts > MaxAttempts {
			in.record(ev, KindError, fmt.Errorf("gave up after %d attempts", MaxAttempts))
			return Duplicate, nil
		}
	} else {
		ev.ReceivedAt, ev.Attempts = row.ReceivedAt, 1
		in.metrics.Inbox.WithLabelValues(ev.Platform, "received").Inc()
	}
	return in.start(ctx, ev, d, true)
}

// start schedules ev's answer on the pool; when the pool is full and
// notice is set, a busy notice instead. When neither can be scheduled it
// gives ev back (unclaimed, for a redelivery or the next sweep) and
// returns ErrOverloaded.
func (in *Inbox) start(ctx context.Context, ev Event, d Deliverer, notice bool) (Admission, error) {
	// The work outlives the request that brought it: keep its values,
	// drop its cancellation; answer bounds it on its own.
	base := context.WithoutCancel(ctx)
	if in.pool.TryGo(func() { in.answer(base, ev, d) }) {
		return Accepted, nil
	}
	if notice {
		busy := Reply{Kind: KindBusy, Text: BusyText}
		if in.notices.TryGo(func() { in.deliver(base, ev, d, busy) }) {
			in.metrics.Questions.WithLabelValues(ev.Platform, KindBusy.String()).Inc()
			in.logger.Warn("worker pool full; sending busy notice", slog.String("platform", ev.Platform), slog.String("event_id", ev.ID))
			return Accepted, nil
		}
	}
	in.gaveBack.Store(true)
	rctx, cancel := context.WithTimeout(base, recordTimeout)
	defer cancel()
	if err := in.log.ReleaseEvent(rctx, ev.Platform, ev.ID, in.owner); err != nil {
		in.logger.Error("could not give back an event after overload; it is taken up when its lease runs out",
			slog.String("platform", ev.Platform), slog.String("event_id", ev.ID), slog.Any("err", err))
	}
	in.held.remove(ev.Platform, ev.ID, ev.Attempts)
	return 0, ErrOverloaded
}

// answer runs the bot on ev and delivers the reply, bounded by the answer
// timeout.
func (in *Inbox) answer(base context.Context, ev Event, d Deliverer) {
	ctx, cancel := context.WithTimeout(base, in.timeout)
	defer cancel()
	in.deliver(ctx, ev, d, in.handler.Handle(ctx, ev.Request))
	if in.gaveBack.Swap(false) {
		select {
		case in.kick <- struct{}{}:
		default:
		}
	}
}

// deliver delivers r as ev's answer, if this worker still holds ev (see
// confirm), and records the outcome.
func (in *Inbox) deliver(ctx context.Context, ev Event, d Deliverer, r Reply) {
	if !in.confirm(ev) {
		return
	}
	err := d.Deliver(withHold(ctx, func() bool { return in.confirm(ev) }), ev, r)
	if errors.Is(err, ErrNotHeld) {
		return // confirm has logged and counted it; the holder records
	}
	in.record(ev, r.Kind, err)
}

// record writes ev's outcome: answered when err is nil, maybe posted when
// it wraps ErrMaybePosted, failed otherwise. Delivered and not recorded
// would mean answered twice after a restart, so the write is bounded on
// its own, not by the answer's context, and tried again.
func (in *Inbox) record(ev Event, kind Kind, err error) {
	state, reason := store.EventAnswered, kind.String()
	switch {
	case err == nil:
	case errors.Is(err, ErrMaybePosted):
		state, reason = store.EventMaybePosted, err.Error()
	default:
		state, reason = store.EventFailed, err.Error()
	}
	if len(reason) > maxReason {
		reason = reason[:maxReason]
	}
	log := in.logger.With(slog.String("platform", ev.Platform), slog.String("event_id", ev.ID),
		slog.String("channel", ev.Request.Channel), slog.String("kind", kind.String()))
	var werr error
	wait := recordBackoff
	for try := 1; try <= recordTries; try++ {
		ctx, cancel := context.WithTimeout(context.Background(), recordTimeout)
		werr = in.log.FinishEvent(ctx, ev.Platform, ev.ID, state, reason, in.now())
		cancel()
		if werr == nil {
			in.held.remove(ev.Platform, ev.ID, ev.Attempts)
			break
		}
		log.Warn("could not record an event's outcome; trying again", slog.Int("try", try), slog.Any("err", werr))
		if try < recordTries {
			time.Sleep(wait)
			wait *= 2
		}
	}
	if werr != nil {
		log.Error("event outcome not recorded: after a restart it will be answered again", slog.String("state", string(state)), slog.Any("err", werr))
	}
	in.metrics.Inbox.WithLabelValues(ev.Platform, string(state)).Inc()
	switch state {
	case store.EventMaybePosted:
		log.Warn("reply may have been posted; not posting again", slog.Any("err", err))
	case store.EventFailed:
		log.Error("reply not delivered", slog.Any("err", err))
	default:
		log.Debug("reply delivered", slog.Bool("resumed", ev.Resumed))
	}
}

// Answered records that the adapter answered ev itself — a busy reply in
// the acknowledgement after ErrOverloaded — so it is not answered again.
func (in *Inbox) Answered(ctx context.Context, ev Event, how string) error {
	if err := in.log.FinishEvent(ctx, ev.Platform, ev.ID, store.EventAnswered, how, in.now()); err != nil {
		return fmt.Errorf("inbox: %w", err)
	}
	in.held.remove(ev.Platform, ev.ID, ev.Attempts)
	in.metrics.Inbox.WithLabelValues(ev.Platform, string(store.EventAnswered)).Inc()
	return nil
}

// Note stores ev's Route again, after its adapter learned something a
// resumed delivery needs (that a deferred response reached the platform).
func (in *Inbox) Note(ctx context.Context, ev Event) error {
	payload, err := encode(ev)
	if err != nil {
		return fmt.Errorf("inbox: encode event %s: %w", ev.ID, err)
	}
	if err := in.log.SetEventPayload(ctx, ev.Platform, ev.ID, payload); err != nil {
		return fmt.Errorf("inbox: %w", err)
	}
	return nil
}

// Run works the inbox until ctx is done: at once and then every third of
// the lease it renews this process's leases, marks failed the received
// events older than MaxAge, and takes up received events whose lease has
// run out (a crashed process's work, or work given back under overload)
// while workers are free — work given back is also taken up as soon as a
// worker finishes; every hour it prunes events with an outcome older than
// the retention. It returns nil when ctx is done.
func (in *Inbox) Run(ctx context.Context) error {
	in.sweep(ctx)
	in.prune(ctx)
	pruned := in.now()
	tick := time.NewTicker(in.lease / 3)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-in.kick:
			in.resume(ctx)
			continue
		case <-tick.C:
		}
		in.sweep(ctx)
		if in.now().Sub(pruned) >= pruneEvery {
			in.prune(ctx)
			pruned = in.now()
		}
	}
}

// sweep renews, expires and resumes, as Run describes.
func (in *Inbox) sweep(ctx context.Context) {
	now := in.now()
	if err := in.renew(ctx); err != nil && ctx.Err() == nil {
		in.logger.Warn("could not renew leases", slog.Any("err", err))
	}
	if n, err := in.log.ExpireEvents(ctx, now.Add(-MaxAge), "not answered within "+MaxAge.String(), now); err != nil && ctx.Err() == nil {
		in.logger.Warn("could not expire old events", slog.Any("err", err))
	} else if n > 0 {
		in.logger.Warn("events too old to answer marked failed", slog.Int64("events", n), slog.Duration("max_age", MaxAge))
	}
	in.resume(ctx)
}

// resume takes up received events whose lease has run out, while workers
// are free, and reports how many it took. Each is taken only once a
// worker is secured for it, so an event is never taken and then given
// back for want of one.
func (in *Inbox) resume(ctx context.Context) int {
	free := in.pool.Size() - in.pool.Running()
	if free <= 0 {
		return 0
	}
	pending, err := in.log.PendingEvents(ctx, in.now(), free+64)
	if err != nil {
		if ctx.Err() == nil {
			in.logger.Warn("could not list pending events", slog.Any("err", err))
		}
		return 0
	}
	base := context.WithoutCancel(ctx)
	taken := 0
	for _, p := range pending {
		d, ok := in.deliverer(p.Platform)
		if !ok {
			continue // its adapter is not enabled; MaxAge ends it
		}
		got := make(chan bool, 1)
		if !in.pool.TryGo(func() {
			ev, ok := in.take(base, p)
			got <- ok
			if ok {
				in.answer(base, ev, d)
			}
		}) {
			break // the pool is full again; the next sweep goes on
		}
		if <-got {
			taken++
		}
	}
	return taken
}

// take takes up the pending event p for this process, and reports
// whether there is an answer to run: not when another process took it
// first, when its payload is unreadable or when it has had its attempts
// (both recorded failed).
func (in *Inbox) take(ctx context.Context, p store.Event) (Event, bool) {
	row, taken, err := in.log.TakeEvent(ctx, p.Platform, p.ID, in.leaseFrom(in.now()), in.now())
	if err != nil || !taken {
		return Event{}, false
	}
	in.held.add(row.Platform, row.ID, row.Attempts)
	ev, err := decode(row)
	if err != nil {
		in.record(Event{Platform: row.Platform, ID: row.ID, Attempts: row.Attempts}, KindError, err)
		return Event{}, false
	}
	if row.Attempts > MaxAttempts {
		in.record(ev, KindError, fmt.Errorf("gave up after %d attempts", MaxAttempts))
		return Event{}, false
	}
	ev.Resumed = true
	in.metrics.Inbox.WithLabelValues(ev.Platform, "resumed").Inc()
	in.logger.Info("taking up an unanswered event", slog.String("platform", ev.Platform), slog.String("event_id", ev.ID),
		slog.Int("attempts", row.Attempts), slog.Duration("age", in.now().Sub(row.ReceivedAt)))
	return ev, true
}

// prune deletes events whose outcome is older than the retention.
func (in *Inbox) prune(ctx context.Context) {
	n, err := in.log.PruneEvents(ctx, in.now().Add(-in.retention))
	switch {
	case err != nil && ctx.Err() == nil:
		in.logger.Warn("could not prune old events", slog.Any("err", err))
	case n > 0:
		in.logger.Debug("pruned old events", slog.Int64("events", n), slog.Duration("retention", in.retention))
	}
}

// waitRenewing is Wait, renewing this process's leases while it waits.
func (in *Inbox) waitRenewing(ctx context.Context) error {
	done := make(chan error, 1)
	go func() { done <- in.Wait(ctx) }()
	tick := time.NewTicker(in.lease / 3)
	defer tick.Stop()
	for {
		select {
		case err := <-done:
			return err
		case <-tick.C:
			if err := in.renew(context.WithoutCancel(ctx)); err != nil {
				in.logger.Warn("could not renew leases", slog.Any("err", err))
			}
		}
	}
}

// Wait blocks until the answers and busy notices in flight are done, or
// ctx is (returning its error).
func (in *Inbox) Wait(ctx context.Context) error {
	if err := in.pool.Wait(ctx); err != nil {
		return err
	}
	return in.notices.Wait(ctx)
}

// Close finishes the inbox's work on the way out, until ctx is done: it
// waits for the answers and busy notices in flight, renewing this
// process's leases meanwhile, and takes up and answers events still
// waiting (given back under overload) until none is left. Then it gives
// back the leases of events still unanswered, so that the next start
// takes them up at once rather than after the lease. It returns ctx's
// error when answers were still running. serve calls it once the HTTP
// server and the adapters have stopped, so nothing new arrives.
func (in *Inbox) Close(ctx context.Context) error {
	var err error
	for {
		if err = in.waitRenewing(ctx); err != nil || in.resume(ctx) == 0 {
			break
		}
	}
	rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), recordTimeout)
	defer cancel()
	n, rerr := in.log.ReleaseEvents(rctx, in.owner)
	if rerr != nil {
		in.logger.Error("could not give back unanswered events; they are taken up when their lease runs out", slog.Any("err", rerr))
	} else if n > 0 {
		in.logger.Warn("stopping with events unanswered; the next start answers them", slog.Int64("events", n))
	}
	return err
}
