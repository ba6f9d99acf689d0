package slack

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"regexp"
	"strings"

	"github.com/slack-go/slack/slackevents"

	"github.com/parley-bot/parley/bot"
)

// envelope is the outer Events API payload, for the fields slack-go's
// parsed event does not keep.
type envelope struct {
	Type      string `json:"type"`
	EventID   string `json:"event_id"`
	Challenge string `json:"challenge"`
}

// errNotEvent marks a payload that is not an Events API payload at all.
var errNotEvent = errors.New("not an events api payload")

// errOverloaded marks an event Parley could not take on: every worker and
// every busy-notice slot is taken. Its id is forgotten and the delivery
// refused, so Slack redelivers it later instead of it meeting silence.
var errOverloaded = errors.New("overloaded")

// serveEvents is POST /slack/events, already verified: it answers the
// url_verification challenge, and acknowledges every event at once,
// leaving the answer to the worker pool.
func (a *Adapter) serveEvents(w http.ResponseWriter, r *http.Request) {
	body, err := readAll(r)
	if err != nil {
		http.Error(w, "cannot read body", http.StatusBadRequest)
		return
	}
	challenge, err := a.handleEvent(r.Context(), body, r.Header.Get("X-Slack-Retry-Num"))
	if errors.Is(err, errOverloaded) {
		// Slack retries a failed delivery (at once, after a minute, after
		// five); by then workers are free.
		http.Error(w, "overloaded, retry later", http.StatusServiceUnavailable)
		return
	}
	if err != nil {
		a.log.Warn("bad events payload", slog.Any("err", err))
		http.Error(w, "bad events payload", http.StatusBadRequest)
		return
	}
	if challenge != "" {
		w.Header().Set("Content-Type", "text/plain")
		w.Write([]byte(challenge))
		return
	}
	w.WriteHeader(http.StatusOK)
}

// handleEvent takes one Events API payload (from HTTP or Socket Mode):
// it returns the challenge of a url_verification, and for an event Parley
// answers, it records the event id and hands the answer to the pool. It
// does no slow work: the caller acknowledges as soon as it returns.
func (a *Adapter) handleEvent(ctx context.Context, body []byte, retry string) (challenge string, err error) {
	var env envelope
	if err := json.Unmarshal(body, &env); err != nil {
		return "", fmt.Errorf("%w: %w", errNotEvent, err)
	}
	switch env.Type {
	case slackevents.URLVerification:
		if env.Challenge == "" {
			return "", fmt.Errorf("%w: url_verification without a challenge", errNotEvent)
		}
		return env.Challenge, nil
	case slackevents.CallbackEvent:
	case "":
		return "", fmt.Errorf("%w: no type", errNotEvent)
	default:
		// app_rate_limited and future types: nothing to answer.
		a.log.Info("ignored events payload", slog.String("type", env.Type))
		return "", nil
	}
	ev, err := slackevents.ParseEvent(body, slackevents.OptionNoVerifyToken())
	if err != nil {
		// An inner event slack-go cannot read is not ours to answer;
		// acknowledge it so Slack does not retry it.
		a.log.Info("ignored unreadable event", slog.String("event_id", env.EventID), slog.Any("err", err))
		return "", nil
	}
	req, thread, ok := a.request(ev.InnerEvent)
	if !ok {
		return "", nil
	}
	req.EventID = env.EventID
	log := a.log.With(slog.String("event_id", env.EventID), slog.String("channel", req.Channel))
	if !a.firstSeen(ctx, "event:"+env.EventID, log) {
		log.Info("dropped duplicate event", slog.String("retry", retry))
		return "", nil
	}
	taken := a.answer(ctx, req, env.EventID, log, func(ctx context.Context, m Message) error {
		_, err := a.postMessage(ctx, req.Channel, thread, env.EventID, m)
		return err
	}, "")
	if !taken {
		a.forget(ctx, "event:"+env.EventID, log)
		return "", errOverloaded
	}
	return "", nil
}

// request turns an inner event into a bot request and the thread to
// answer in, or reports false for events Parley does not answer: anything
// but a mention or a direct message, and any message from a bot (itself
// included), an edit or another subtype.
func (a *Adapter) request(inner slackevents.EventsAPIInnerEvent) (bot.Request, string, bool) {
	self := a.identity()
	switch ev := inner.Data.(type) {
	case *slackevents.AppMentionEvent:
		if ev.BotID != "" || ev.User == "" || ev.User == self.UserID || ev.Edited != nil {
			return bot.Request{}, "", false
		}
		thread := ev.ThreadTimeStamp
		if thread == "" {
			thread = ev.TimeStamp // start a thread under the question
		}
		return bot.Request{Platform: platform, Channel: ev.Channel, User: ev.User, Thread: thread,
			Text: stripMentions(ev.Text, self.UserID)}, thread, true
	case *slackevents.MessageEvent:
		if ev.ChannelType != slackevents.ChannelTypeIM || ev.SubType != "" || ev.BotID != "" ||
			ev.User == "" || ev.User == self.UserID {
			return bot.Request{}, "", false
		}
		// In a DM answer in place; inside a DM thread, in that thread.
		return bot.Request{Platform: platform, Channel: ev.Channel, User: ev.User, Thread: ev.ThreadTimeStamp,
			Text: stripMentions(ev.Text, self.UserID)}, ev.ThreadTimeStamp, true
	}
	return bot.Request{}, "", false
}

var leadingMention = regexp.MustCompile(`^\s*<@[A-Z0-9]+(\|[^>]*)?>[\s,:]*`)

// stripMentions removes the mention that addressed Parley: any leading
// user mention, and Parley's own mention anywhere.
func stripMentions(text, self string) string {
	for {
		t := leadingMention.ReplaceAllString(text, "")
		if t == text {
			break
		}
		text = t
	}
	if self != "" {
		text = strings.ReplaceAll(text, "<@"+self+">", "")
	}
	return strings.TrimSpace(text)
}

// firstSeen reports whether key is new, counting duplicates. If the store
// fails, the event is answered: a rare double answer beats silence.
func (a *Adapter) firstSeen(ctx context.Context, key string, log *slog.Logger) bool {
	first, err := a.dedupe.FirstSeen(ctx, platform, key, a.now())
	if err != nil {
		log.Error("dedupe failed; answering anyway", slog.Any("err", err))
		return true
	}
	if !first {
		a.metrics.Deduplicated.WithLabelValues(platform).Inc()
	}
	return first
}

// forget undoes firstSeen for key after Parley could not take the event on.
func (a *Adapter) forget(ctx context.Context, key string, log *slog.Logger) {
	if err := a.dedupe.ForgetEvent(ctx, platform, key); err != nil {
		log.Error("could not forget refused event; its redelivery will be dropped", slog.Any("err", err))
	}
}

// answer runs the bot on req and delivers the rendered reply on the
// worker pool, after the caller has acknowledged. When the pool is full it
// delivers bot.BusyText instead, so the user never meets silence. asked is
// echoed above the reply (slash commands). It reports false when neither
// could be scheduled; the caller must then refuse the request so that it
// is delivered again, never drop it.
func (a *Adapter) answer(ctx context.Context, req bot.Request, id string, log *slog.Logger, deliver func(context.Context, Message) error, asked string) bool {
	// The work outlives the request that brought it: keep its values,
	// drop its cancellation, bound it on its own.
	base := context.WithoutCancel(ctx)
	ok := a.pool.TryGo(func() {
		ctx, cancel := context.WithTimeout(base, a.timeout)
		defer cancel()
		reply := a.bot.Handle(ctx, req)
		if err := deliver(ctx, Render(reply, asked)); err != nil {
			log.Error("reply not delivered", slog.String("kind", reply.Kind.String()), slog.Any("err", err))
		}
	})
	if ok {
		return true
	}
	log.Warn("worker pool full; sending busy notice", slog.String("id", id))
	a.metrics.Questions.WithLabelValues(platform, bot.KindBusy.String()).Inc()
	busy := Render(bot.Reply{Kind: bot.KindBusy, Text: bot.BusyText}, "")
	if !a.notices.TryGo(func() {
		ctx, cancel := context.WithTimeout(base, a.timeout)
		defer cancel()
		if err := deliver(ctx, busy); err != nil {
			log.Error("busy notice not delivered", slog.Any("err", err))
		}
	}) {
		log.Warn("overloaded: no slot even for a busy notice; refusing for redelivery")
		return false
	}
	return true
}
