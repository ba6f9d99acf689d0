package discord

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/parley-bot/parley/bot"
)

// route is where an interaction's reply goes, as stored with it in the
// inbox: the interaction's token (valid 15 minutes, and only once the
// first response reached Discord within 3 seconds) and its channel.
type route struct {
	AppID   string `json:"app"`
	Token   string `json:"token"`
	Channel string `json:"channel"`
	// Acked says the deferred first response reached Discord, so the
	// answer can edit it while the token lives.
	Acked bool `json:"acked,omitempty"`
}

func encodeRoute(r route) json.RawMessage {
	b, _ := json.Marshal(r) // strings and a bool: cannot fail
	return b
}

// Deliver delivers r as the answer to an interaction (bot.Deliverer).
// While the interaction's first response is open it goes in it; after a
// deferral it edits the deferred response. An interaction taken up again
// after a restart has no open response: if its deferral had reached
// Discord and the token still lives, the answer edits it; otherwise (no
// first response reached Discord, so the token is void, or it is past its
// 15 minutes) a public answer is posted in the channel with the bot
// token, naming the question it answers, and a reply meant for the asker
// alone (a refusal, help) is not posted: the event is recorded failed,
// with that reason.
func (a *Adapter) Deliver(ctx context.Context, ev bot.Event, r bot.Reply) error {
	var rt route
	if err := json.Unmarshal(ev.Route, &rt); err != nil || rt.Token == "" {
		return fmt.Errorf("discord: interaction %s has no route to answer by: %v", ev.ID, err)
	}
	if j := a.unwait(ev.ID); j != nil {
		return a.deliverLive(ctx, ev, rt, j, r)
	}
	return a.deliverResumed(ctx, ev, rt, r)
}

// deliverLive hands r to the open first response, or edits the deferred
// one, and reports whether Discord got it.
func (a *Adapter) deliverLive(ctx context.Context, ev bot.Event, rt route, j *job, r bot.Reply) error {
	select {
	case j.reply <- r:
		select {
		case err := <-j.sent:
			if err != nil {
				return fmt.Errorf("the interaction response did not reach Discord: %w", err)
			}
			return nil
		case <-ctx.Done():
			return fmt.Errorf("no word on the interaction response: %w: %w", bot.ErrMaybePosted, ctx.Err())
		}
	case <-j.deferred:
	case <-ctx.Done():
		return fmt.Errorf("the interaction response never took the answer: %w", ctx.Err())
	}
	select {
	case err := <-j.sent:
		if err != nil {
			return fmt.Errorf("the deferral did not reach Discord, so there is no response to edit: %w", err)
		}
	case <-ctx.Done():
		return fmt.Errorf("no word on the deferral before the answer's time ran out: %w", ctx.Err())
	}
	rt.Acked = true
	ev.Route = encodeRoute(rt)
	if err := a.inbox.Note(ctx, ev); err != nil {
		a.log.Warn("could not note the deferral; after a crash the answer would go to the channel instead", slog.String("interaction_id", ev.Request.EventID), slog.Any("err", err))
	}
	return a.deliverLate(ctx, rt.interaction(ev), replyData(r))
}

// tokenLife is how long after an interaction its token may still edit
// the response: Discord's 15 minutes, less a margin for the edit itself.
const tokenLife = replyWindow - time.Minute

// deliverResumed delivers r for an interaction taken up again after a
// restart, as Deliver describes.
func (a *Adapter) deliverResumed(ctx context.Context, ev bot.Event, rt route, r bot.Reply) error {
	d := replyData(r)
	if rt.Acked && a.now().Sub(ev.ReceivedAt) < tokenLife {
		return a.deliverLate(ctx, rt.interaction(ev), d)
	}
	why := "no first response reached Discord"
	if rt.Acked {
		why = "its token has expired"
	}
	if d.Flags&discordgo.MessageFlagsEphemeral != 0 {
		return fmt.Errorf("the interaction cannot be answered (%s) and its reply is for the asker alone: not posted in the channel", why)
	}
	a.log.Info("answering an interaction in its channel", slog.String("interaction_id", ev.Request.EventID), slog.String("channel", rt.Channel), slog.String("why", why))
	msg := &discordgo.MessageSend{Content: lateIntro(ev), Embeds: d.Embeds, Components: d.Components, AllowedMentions: noMentions()}
	return a.call(ctx, opPost, ev.Request.EventID, func(opts ...discordgo.RequestOption) error {
		_, err := a.session.ChannelMessageSendComplex(rt.Channel, msg, opts...)
		return err
	})
}

// lateIntro says which question a late answer in the channel answers. The
// asker is named by a mention that pings no one (allowed_mentions is
// empty), and the question is escaped.
func lateIntro(ev bot.Event) string {
	q := strings.Join(strings.Fields(ev.Request.Text), " ")
	if n := 200; len([]rune(q)) > n {
		q = string([]rune(q)[:n]) + "…"
	}
	who := "a question"
	if ev.Request.User != "" {
		who = "<@" + ev.Request.User + ">'s question"
	}
	return fmt.Sprintf("Late answer to %s “%s” (asked <t:%d:R>):", who, escape(q), ev.ReceivedAt.Unix())
}

// interaction is the interaction to answer through this route's token.
func (rt route) interaction(ev bot.Event) *discordgo.Interaction {
	return &discordgo.Interaction{ID: ev.Request.EventID, AppID: rt.AppID, Token: rt.Token, ChannelID: rt.Channel}
}

var _ bot.Deliverer = (*Adapter)(nil)
