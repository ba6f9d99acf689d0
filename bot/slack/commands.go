package slack

import (
	"context"
	"crypto/rand"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"strings"

	"github.com/slack-go/slack"

	"github.com/parley-bot/parley/bot"
)

// answeringText is the ephemeral acknowledgement of /ask, shown only to
// the asker while the answer is prepared.
const answeringText = "Answering…"

// ack is the immediate response to a slash command: shown to the asker
// only ("ephemeral").
type ack struct {
	ResponseType string        `json:"response_type"`
	Text         string        `json:"text"`
	Blocks       []slack.Block `json:"blocks,omitempty"`
}

// serveCommands is POST /slack/commands, already verified: it
// acknowledges at once and answers in the channel afterwards.
func (a *Adapter) serveCommands(w http.ResponseWriter, r *http.Request) {
	cmd, err := slack.SlashCommandParse(r)
	if err != nil {
		a.log.Warn("bad slash command payload", slog.Any("err", err))
		http.Error(w, "bad slash command payload", http.StatusBadRequest)
		return
	}
	res := a.handleCommand(r.Context(), cmd)
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(res)
}

// handleCommand takes one /ask (from HTTP or Socket Mode) and returns the
// acknowledgement to send now. Help is answered in the acknowledgement
// itself, to the asker only; everything else goes through the inbox and is
// answered in the channel through the command's response_url.
func (a *Adapter) handleCommand(ctx context.Context, cmd slack.SlashCommand) ack {
	text := strings.TrimSpace(cmd.Text)
	log := a.log.With(slog.String("command", cmd.Command), slog.String("channel", cmd.ChannelID), slog.String("trigger_id", cmd.TriggerID))
	// /ask in a channel is one person's conversation there.
	req := bot.Request{Platform: platform, Channel: cmd.ChannelID, User: cmd.UserID, Text: text, EventID: cmd.TriggerID,
		Conversation: cmd.ChannelID + "/user/" + cmd.UserID}
	if isHelp(text) {
		m := Render(a.bot.Handle(ctx, req), "")
		return ack{ResponseType: slack.ResponseTypeEphemeral, Text: m.Text, Blocks: m.Blocks}
	}
	id := "command:" + cmd.TriggerID
	if cmd.TriggerID == "" {
		id = "command:" + rand.Text() // no id to deduplicate by: each delivery is its own
	}
	ev := bot.Event{Platform: platform, ID: id, Request: req,
		Route: encodeRoute(route{Channel: cmd.ChannelID, ResponseURL: cmd.ResponseURL, Asked: text})}
	adm, err := a.inbox.Receive(ctx, ev)
	switch {
	case errors.Is(err, bot.ErrOverloaded):
		// No slot for the work or a notice: the acknowledgement itself
		// carries the busy reply, and a repeat of the command is new.
		a.metrics.Questions.WithLabelValues(platform, bot.KindBusy.String()).Inc()
		if err := a.inbox.Answered(context.WithoutCancel(ctx), ev, "busy, in the acknowledgement"); err != nil {
			log.Error("busy command not recorded; it may be answered later too", slog.Any("err", err))
		}
		return ack{ResponseType: slack.ResponseTypeEphemeral, Text: bot.BusyText}
	case err != nil:
		// Slack does not redeliver slash commands: say so at once.
		log.Error("slash command not taken on", slog.Any("err", err))
		return ack{ResponseType: slack.ResponseTypeEphemeral, Text: bot.ErrorText}
	case adm == bot.Duplicate:
		log.Info("duplicate slash command acknowledged")
	}
	return ack{ResponseType: slack.ResponseTypeEphemeral, Text: answeringText}
}

// isHelp reports whether a slash command's text asks for help: empty, or
// the word help.
func isHelp(text string) bool {
	t := strings.ToLower(strings.Trim(text, " ?!.\t"))
	return t == "" || t == "help"
}
