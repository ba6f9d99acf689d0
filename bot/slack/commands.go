package slack

import (
	"context"
	"encoding/json"
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
// itself, to the asker only; everything else is answered in the channel
// through the command's response_url, on the worker pool.
func (a *Adapter) handleCommand(ctx context.Context, cmd slack.SlashCommand) ack {
	text := strings.TrimSpace(cmd.Text)
	log := a.log.With(slog.String("command", cmd.Command), slog.String("channel", cmd.ChannelID), slog.String("trigger_id", cmd.TriggerID))
	req := bot.Request{Platform: platform, Channel: cmd.ChannelID, User: cmd.UserID, Text: text, EventID: cmd.TriggerID}
	if isHelp(text) {
		m := Render(a.bot.Handle(ctx, req), "")
		return ack{ResponseType: slack.ResponseTypeEphemeral, Text: m.Text, Blocks: m.Blocks}
	}
	if cmd.TriggerID != "" && !a.firstSeen(ctx, "command:"+cmd.TriggerID, log) {
		log.Info("dropped duplicate slash command")
		return ack{ResponseType: slack.ResponseTypeEphemeral, Text: answeringText}
	}
	deliver := func(ctx context.Context, m Message) error {
		if cmd.ResponseURL == "" {
			_, err := a.postMessage(ctx, cmd.ChannelID, "", cmd.TriggerID, m)
			return err
		}
		return a.respond(ctx, cmd.ResponseURL, cmd.ChannelID, cmd.TriggerID, m)
	}
	if !a.answer(ctx, req, cmd.TriggerID, log, deliver, text) {
		// No slot for the work or a notice: the acknowledgement itself
		// carries the busy reply, and a repeat of the command is new.
		if cmd.TriggerID != "" {
			a.forget(ctx, "command:"+cmd.TriggerID, log)
		}
		return ack{ResponseType: slack.ResponseTypeEphemeral, Text: bot.BusyText}
	}
	return ack{ResponseType: slack.ResponseTypeEphemeral, Text: answeringText}
}

// isHelp reports whether a slash command's text asks for help: empty, or
// the word help.
func isHelp(text string) bool {
	t := strings.ToLower(strings.Trim(text, " ?!.\t"))
	return t == "" || t == "help"
}
