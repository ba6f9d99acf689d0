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

// errNotStored marks an event Parley could not take on: the inbox could
// not write it down, or no worker is free (bot.ErrOverloaded). The
// delivery is refused, so Slack redelivers it instead of it being lost.
var errNotStored = errors.New("not taken on")

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
	if errors.Is(err, errNotStored) {
		// Slack retries a failed delivery (at once, after a minute, after
		// five); by then workers are free, or the store answers again.
		http.Error(w, "not taken on, retry later", http.StatusServiceUnavailable)
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
// it returns the challenge of a url_verification, and hands an event
// Parley answers to the inbox, which writes it down and schedules its
// answer. It does no slow work: the caller acknowledges as soon as it
// returns nil, and must not when it returns errNotStored.
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
	id := "event:" + env.EventID
	if env.EventID == "" {
		id = "message:" + req.Channel + ":" + thread // no event id: the message is the event
	}
	adm, err := a.inbox.Receive(ctx, bot.Event{Platform: platform, ID: id, Request: req,
		Route: encodeRoute(route{Channel: req.Channel, Thread: thread})})
	if err != nil {
		a.log.Warn("event not taken on; refusing it so Slack redelivers it", slog.String("event_id", env.EventID), slog.String("retry", retry), slog.Any("err", err))
		return "", fmt.Errorf("%w: %w", errNotStored, err)
	}
	if adm == bot.Duplicate {
		a.log.Debug("duplicate event acknowledged", slog.String("event_id", env.EventID), slog.String("retry", retry))
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
		// A thread is one conversation, whoever asks in it.
		return bot.Request{Platform: platform, Channel: ev.Channel, User: ev.User, Thread: thread,
			Text: stripMentions(ev.Text, self.UserID), Conversation: ev.Channel + "/" + thread}, thread, true
	case *slackevents.MessageEvent:
		if ev.ChannelType != slackevents.ChannelTypeIM || ev.SubType != "" || ev.BotID != "" ||
			ev.User == "" || ev.User == self.UserID {
			return bot.Request{}, "", false
		}
		// In a DM answer in place; inside a DM thread, in that thread.
		// A DM is one conversation, and each thread inside it another.
		return bot.Request{Platform: platform, Channel: ev.Channel, User: ev.User, Thread: ev.ThreadTimeStamp,
			Text: stripMentions(ev.Text, self.UserID), Conversation: ev.Channel + "/" + ev.ThreadTimeStamp}, ev.ThreadTimeStamp, true
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
