package slack

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/slack-go/slack"

	"github.com/parley-bot/parley/bot"
)

// responseURLLife is how long a slash command's response_url takes posts:
// Slack's 30 minutes, less a margin for the post itself.
const responseURLLife = 28 * time.Minute

// route is where a reply goes, as stored with its event in the inbox.
type route struct {
	Channel string `json:"channel"`
	Thread  string `json:"thread,omitempty"`
	// ResponseURL and Asked are a slash command's: the URL to answer
	// through (valid 30 minutes) and the question, echoed above the answer.
	ResponseURL string `json:"response_url,omitempty"`
	Asked       string `json:"asked,omitempty"`
	// Action says the event is a button pressed under an answer: a note
	// goes to the presser alone, further sources to the answer's thread.
	Action bool `json:"action,omitempty"`
}

func encodeRoute(r route) json.RawMessage {
	b, _ := json.Marshal(r) // strings only: cannot fail
	return b
}

// Deliver posts r as the answer to ev (bot.Deliverer): in the thread of a
// mention, in place in a DM, and through the response_url of a slash
// command. A response_url past its 30 minutes (a slash command resumed
// after a long outage) is not used: the answer goes to the channel with
// chat.postMessage instead, which needs Parley to be a member; if it is
// not, the error says so and the event is recorded failed.
func (a *Adapter) Deliver(ctx context.Context, ev bot.Event, r bot.Reply) error {
	var rt route
	if err := json.Unmarshal(ev.Route, &rt); err != nil || rt.Channel == "" {
		return fmt.Errorf("slack: event %s has no route to answer by: %v", ev.ID, err)
	}
	if rt.Action {
		return a.deliverAction(ctx, ev, rt, r)
	}
	m := Render(r, rt.Asked)
	if rt.ResponseURL != "" {
		if age := a.now().Sub(ev.ReceivedAt); age < responseURLLife {
			return a.respond(ctx, rt.ResponseURL, rt.Channel, ev.ID, m, slack.ResponseTypeInChannel)
		}
		a.log.Info("response_url expired; answering in the channel", slog.String("event_id", ev.ID), slog.String("channel", rt.Channel))
	}
	_, err := a.postMessage(ctx, rt.Channel, rt.Thread, ev.ID, m)
	return err
}

// deliverAction answers a button: further sources are posted in the
// answer's thread (through the interaction's response_url when Parley is
// not in the channel, as after a slash command); anything else — the
// note that a verdict was taken, an error — goes to the person who
// pressed it alone, through the response_url, which lives 30 minutes.
func (a *Adapter) deliverAction(ctx context.Context, ev bot.Event, rt route, r bot.Reply) error {
	fresh := rt.ResponseURL != "" && a.now().Sub(ev.ReceivedAt) < responseURLLife
	m := Render(r, "")
	if r.Kind == bot.KindMore {
		_, err := a.postMessage(ctx, rt.Channel, rt.Thread, ev.ID, m)
		var refused slack.SlackErrorResponse
		if err != nil && fresh && errors.As(err, &refused) && (refused.Err == "not_in_channel" || refused.Err == "channel_not_found") {
			return a.respond(ctx, rt.ResponseURL, rt.Channel, ev.ID, m, slack.ResponseTypeInChannel)
		}
		return err
	}
	if !fresh {
		return fmt.Errorf("slack: the note for button %s is for the presser alone and its response_url has expired: not posted in the channel", ev.ID)
	}
	return a.respond(ctx, rt.ResponseURL, rt.Channel, ev.ID, m, slack.ResponseTypeEphemeral)
}
