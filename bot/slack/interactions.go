package slack

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"

	"github.com/slack-go/slack"

	"github.com/parley-bot/parley/bot"
)

// serveInteractions is POST /slack/interactions, already verified: the
// buttons under an answer, as Slack sends them (a form with one field,
// payload, holding a block_actions JSON object). It acknowledges at once
// with an empty 200; the verdict's note or the further sources follow.
func (a *Adapter) serveInteractions(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		http.Error(w, "bad interaction payload", http.StatusBadRequest)
		return
	}
	payload := r.PostForm.Get("payload")
	var cb slack.InteractionCallback
	if err := json.Unmarshal([]byte(payload), &cb); err != nil || payload == "" {
		a.log.Warn("bad interaction payload", slog.Any("err", err))
		http.Error(w, "bad interaction payload", http.StatusBadRequest)
		return
	}
	if err := a.handleInteraction(r.Context(), cb); errors.Is(err, errNotStored) {
		http.Error(w, "not taken on, try again", http.StatusServiceUnavailable)
		return
	}
	w.WriteHeader(http.StatusOK)
}

// Interactions is the verified interactions endpoint, for mounting
// elsewhere.
func (a *Adapter) Interactions() http.Handler {
	return a.verified(http.HandlerFunc(a.serveInteractions))
}

// handleInteraction takes one interaction (from HTTP or Socket Mode) and
// hands each of Parley's buttons in it to the inbox. Anything else
// (another app's buttons, a modal) is acknowledged and ignored. It does
// no slow work; it returns errNotStored when the inbox could not write an
// action down, and the caller must then not acknowledge it as handled.
func (a *Adapter) handleInteraction(ctx context.Context, cb slack.InteractionCallback) error {
	if cb.Type != slack.InteractionTypeBlockActions {
		a.log.Info("ignored interaction", slog.String("type", string(cb.Type)))
		return nil
	}
	channel := cb.Channel.ID
	if channel == "" {
		channel = cb.Container.ChannelID
	}
	// The further sources go in the thread of the answer: its thread,
	// or the thread under it when it started none.
	thread := firstNonEmpty(cb.Container.ThreadTs, cb.Message.ThreadTimestamp, cb.Container.MessageTs, cb.Message.Timestamp)
	for _, act := range cb.ActionCallback.BlockActions {
		if act == nil {
			continue
		}
		action, ok := bot.ParseAction(actionKinds[act.ActionID], act.Value)
		if !ok {
			a.log.Info("ignored button", slog.String("action_id", act.ActionID))
			continue
		}
		id := "action:" + cb.TriggerID
		if cb.TriggerID == "" {
			id = "action:" + channel + ":" + thread + ":" + act.ActionTs + ":" + act.ActionID
		}
		ev := bot.Event{Platform: platform, ID: id,
			Request: bot.Request{Platform: platform, Channel: channel, User: cb.User.ID, Thread: thread, EventID: cb.TriggerID, Action: &action},
			Route:   encodeRoute(route{Channel: channel, Thread: thread, ResponseURL: cb.ResponseURL, Action: true})}
		adm, err := a.inbox.Receive(ctx, ev)
		switch {
		case errors.Is(err, bot.ErrOverloaded):
			// Written down and given back: the next sweep answers it.
			a.log.Warn("button pressed while every worker is busy; it is answered when one is free", slog.String("trigger_id", cb.TriggerID))
		case err != nil:
			a.log.Warn("button not taken on", slog.String("trigger_id", cb.TriggerID), slog.Any("err", err))
			return fmt.Errorf("%w: %w", errNotStored, err)
		case adm == bot.Duplicate:
			a.log.Debug("duplicate button press acknowledged", slog.String("trigger_id", cb.TriggerID))
		}
	}
	return nil
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}
