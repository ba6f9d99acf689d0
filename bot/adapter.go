package bot

import (
	"context"
	"errors"
	"log/slog"
	"time"
)

// Handler answers one request. It is the one thing every adapter —
// console, Slack, Discord, the web page — needs of Parley's conversation,
// and it never fails: an internal error comes back as a KindError reply
// with a friendly text. *Bot is the Handler.
type Handler interface {
	Handle(ctx context.Context, req Request) Reply
}

var _ Handler = (*Bot)(nil)

// Deps are what every adapter is built with beside its own Config. Each
// adapter package has one constructor of one shape,
//
//	New(cfg Config, deps bot.Deps) (*Adapter, error)
//
// and uses the parts it needs: all of them need a Handler; adapters for
// platforms that expect a fast acknowledgement (Slack, Discord) also need
// an Inbox, which writes each event down before it is acknowledged and
// runs its answer.
type Deps struct {
	Handler Handler
	Inbox   *Inbox
	Metrics *Metrics         // nil: counted but not exported
	Log     *slog.Logger     // nil: discarded
	Now     func() time.Time // nil: time.Now
}

// ErrNoHandler is returned by adapter constructors given Deps without a
// Handler.
var ErrNoHandler = errors.New("no bot handler")

// ErrNoInbox is returned by constructors of adapters that need an Inbox
// and were given none.
var ErrNoInbox = errors.New("no inbox")

// WithDefaults returns d with its optional parts filled in.
func (d Deps) WithDefaults() Deps {
	if d.Metrics == nil {
		d.Metrics = NewMetrics(nil)
	}
	if d.Log == nil {
		d.Log = slog.New(slog.DiscardHandler)
	}
	if d.Now == nil {
		d.Now = time.Now
	}
	return d
}
