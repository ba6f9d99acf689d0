package discord

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"github.com/parley-bot/parley/bot"
)

// What users read when Parley cannot take an interaction as it stands:
// short, ephemeral, and each says what to do next.
const (
	textEmptyQuestion  = "Please type a question after /ask, for example: /ask question: Who signed the agreement?"
	textLongQuestion   = "That question is %d characters long; I read at most %d. Please ask about one thing at a time, in a sentence or two."
	textUnknownCommand = "I don't know that command. Use /ask to ask a question, /summary for the daily summary, or /sources for the articles I answer from."
	textUnknownOption  = "/%s has no option %q. Use /ask question: <your question>, /summary [date: YYYY-MM-DD] or /sources."
	textBadOption      = "I couldn't read the %s you gave /%s. Please type it again as plain text."
	textBadDate        = "The date must look like 2025-12-06 (YYYY-MM-DD). Or leave it out for today's summary."
	textUnknownButton  = "I don't know that button. Ask again with /ask to get an answer with working buttons."
)

// Parse decodes one interaction as Discord sends it, in an HTTP request
// body or a gateway event. Any input gives an interaction or an error,
// never a panic.
func Parse(body []byte) (*discordgo.Interaction, error) {
	var i discordgo.Interaction
	if err := json.Unmarshal(body, &i); err != nil {
		return nil, fmt.Errorf("parse interaction: %w", err)
	}
	if i.Type == 0 {
		return nil, errors.New("parse interaction: no type")
	}
	return &i, nil
}

// intent is what an application command asks of Parley: the text of a
// bot.Request, or a problem to answer ephemerally instead.
type intent struct {
	command string
	text    string
	problem string
}

// intentOf reads an application command interaction. It checks what
// Discord's client normally checks too (required options, lengths), since
// a signed request may come from any client.
func intentOf(i *discordgo.Interaction) intent {
	data, ok := i.Data.(discordgo.ApplicationCommandInteractionData)
	if !ok {
		return intent{problem: textUnknownCommand}
	}
	in := intent{command: data.Name}
	values := map[string]string{}
	for _, opt := range data.Options {
		if opt == nil {
			continue
		}
		if !knownOption(data.Name, opt.Name) {
			if !knownCommand(data.Name) {
				break
			}
			in.problem = fmt.Sprintf(textUnknownOption, data.Name, opt.Name)
			return in
		}
		v, ok := opt.Value.(string)
		if !ok {
			in.problem = fmt.Sprintf(textBadOption, opt.Name, data.Name)
			return in
		}
		values[opt.Name] = v
	}
	switch data.Name {
	case cmdAsk:
		q := strings.TrimSpace(values[optQuestion])
		switch n := utf8.RuneCountInString(q); {
		case n == 0:
			in.problem = textEmptyQuestion
		case n > MaxQuestion:
			in.problem = fmt.Sprintf(textLongQuestion, n, MaxQuestion)
		default:
			in.text = q
		}
	case cmdSummary:
		in.text = "summary"
		if d := strings.TrimSpace(values[optDate]); d != "" {
			if _, err := time.Parse(time.DateOnly, d); err != nil {
				in.text, in.problem = "", textBadDate
			} else {
				in.text += " " + d
			}
		}
	case cmdSources:
		in.text = "sources"
	default:
		in.problem = textUnknownCommand
	}
	return in
}

func knownCommand(name string) bool {
	for _, c := range Commands() {
		if c.Name == name {
			return true
		}
	}
	return false
}

func knownOption(command, option string) bool {
	for _, c := range Commands() {
		if c.Name != command {
			continue
		}
		for _, o := range c.Options {
			if o.Name == option {
				return true
			}
		}
	}
	return false
}

func message(d *discordgo.InteractionResponseData) *discordgo.InteractionResponse {
	return &discordgo.InteractionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource, Data: d}
}

// textAlready answers a second delivery of an interaction Parley has.
const textAlready = "I have this question already; its answer is on its way, or has been given."

// job hands an answer from the inbox's worker to the interaction's first
// response while that is still open, else to the edit of the deferred
// response.
type job struct {
	reply    chan bot.Reply // unbuffered: a send succeeds only while respond waits
	deferred chan struct{}  // closed when respond stops waiting and defers
	sent     chan error     // whether the first response (the answer or a deferral) reached Discord
}

// wait registers a job for the interaction id, or returns nil when one is
// registered already (the same interaction delivered twice at once).
func (a *Adapter) wait(id string) *job {
	a.mu.Lock()
	defer a.mu.Unlock()
	if _, ok := a.waiting[id]; ok {
		return nil
	}
	j := &job{reply: make(chan bot.Reply), deferred: make(chan struct{}), sent: make(chan error, 1)}
	a.waiting[id] = j
	return j
}

// unwait removes and returns the job of id, or nil.
func (a *Adapter) unwait(id string) *job {
	a.mu.Lock()
	defer a.mu.Unlock()
	j := a.waiting[id]
	delete(a.waiting, id)
	return j
}

// respond works out the first response to interaction i. A PING gets a
// PONG; a problem gets its ephemeral text; a command is written to the
// inbox, which answers it on the worker pool, and the answer is the
// response itself if it is ready within deferAfter, else the response
// defers. For a command it returns sent, which the caller must call with
// whether the response reached Discord; the inbox's delivery waits on it
// to record the outcome, and after a deferral edits the response with the
// answer.
func (a *Adapter) respond(ctx context.Context, i *discordgo.Interaction) (resp *discordgo.InteractionResponse, sent func(error)) {
	var req bot.Request
	var log *slog.Logger
	switch i.Type {
	case discordgo.InteractionPing:
		return &discordgo.InteractionResponse{Type: discordgo.InteractionResponsePong}, nil
	case discordgo.InteractionApplicationCommand:
		in := intentOf(i)
		log = a.log.With(slog.String("interaction_id", i.ID), slog.String("command", in.command))
		if in.problem != "" {
			log.Debug("interaction refused before asking", slog.String("guild", i.GuildID), slog.String("channel", i.ChannelID))
			return message(ephemeral(in.problem)), nil
		}
		// A channel is one conversation per person in it.
		req = bot.Request{Platform: Platform, Channel: i.ChannelID, User: userID(i), Text: in.text, EventID: i.ID,
			Conversation: i.ChannelID + "/" + userID(i)}
	case discordgo.InteractionMessageComponent:
		data, _ := i.Data.(discordgo.MessageComponentInteractionData)
		act, ok := actionOf(data.CustomID)
		if !ok || data.ComponentType != discordgo.ButtonComponent {
			return message(ephemeral(textUnknownButton)), nil
		}
		log = a.log.With(slog.String("interaction_id", i.ID), slog.String("button", act.Kind))
		req = bot.Request{Platform: Platform, Channel: i.ChannelID, User: userID(i), EventID: i.ID, Action: &act}
	case discordgo.InteractionApplicationCommandAutocomplete:
		// No option autocompletes; an empty list keeps the client happy.
		return &discordgo.InteractionResponse{
			Type: discordgo.InteractionApplicationCommandAutocompleteResult,
			Data: &discordgo.InteractionResponseData{Choices: []*discordgo.ApplicationCommandOptionChoice{}},
		}, nil
	default:
		return message(ephemeral(textUnknownCommand)), nil
	}
	ev := bot.Event{
		Platform: Platform, ID: "interaction:" + i.ID, Request: req,
		Route: encodeRoute(route{AppID: i.AppID, Token: i.Token, Channel: i.ChannelID}),
	}
	j := a.wait(ev.ID)
	if j == nil {
		return message(ephemeral(textAlready)), nil
	}
	adm, err := a.inbox.Receive(ctx, ev)
	switch {
	case errors.Is(err, bot.ErrOverloaded):
		a.unwait(ev.ID)
		a.metrics.Questions.WithLabelValues(Platform, bot.KindBusy.String()).Inc()
		log.Warn("worker pool full; told the user to retry")
		if err := a.inbox.Answered(context.WithoutCancel(ctx), ev, "busy, in the response"); err != nil {
			log.Error("busy interaction not recorded; it may be answered later too", slog.Any("err", err))
		}
		return message(ephemeral(bot.BusyText)), nil
	case err != nil:
		// Discord does not redeliver an interaction: say so at once.
		a.unwait(ev.ID)
		log.Error("interaction not taken on", slog.Any("err", err))
		return message(ephemeral(bot.ErrorText)), nil
	case adm == bot.Duplicate:
		a.unwait(ev.ID)
		return message(ephemeral(textAlready)), nil
	}
	done := func(err error) { j.sent <- err }
	t := time.NewTimer(a.deferAfter)
	defer t.Stop()
	select {
	case r := <-j.reply:
		log.Debug("answered directly", slog.String("kind", r.Kind.String()))
		return message(replyData(r)), done
	case <-t.C:
		close(j.deferred)
		log.Debug("deferred; the answer will edit the response")
		return &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredChannelMessageWithSource}, done
	}
}

// deliverLate replaces the deferred "thinking…" response with d. An
// ephemeral d cannot be made so by an edit (a response's visibility is
// fixed when it is deferred), so it goes as an ephemeral follow-up and
// the public placeholder is deleted.
func (a *Adapter) deliverLate(ctx context.Context, i *discordgo.Interaction, d *discordgo.InteractionResponseData) error {
	if d.Flags&discordgo.MessageFlagsEphemeral != 0 {
		err := a.call(ctx, opFollowup, i.ID, func(opts ...discordgo.RequestOption) error {
			_, err := a.session.FollowupMessageCreate(i, true, &discordgo.WebhookParams{
				Content: d.Content, Flags: discordgo.MessageFlagsEphemeral, AllowedMentions: noMentions(),
			}, opts...)
			return err
		})
		if err != nil {
			return err
		}
		return a.call(ctx, opDelete, i.ID, func(opts ...discordgo.RequestOption) error {
			return a.session.InteractionResponseDelete(i, opts...)
		})
	}
	edit := &discordgo.WebhookEdit{Content: &d.Content, Embeds: &d.Embeds, AllowedMentions: noMentions()}
	if d.Components != nil {
		edit.Components = &d.Components
	}
	return a.call(ctx, opEdit, i.ID, func(opts ...discordgo.RequestOption) error {
		_, err := a.session.InteractionResponseEdit(i, edit, opts...)
		return err
	})
}

func userID(i *discordgo.Interaction) string {
	switch {
	case i.Member != nil && i.Member.User != nil:
		return i.Member.User.ID
	case i.User != nil:
		return i.User.ID
	}
	return ""
}

// OnInteraction handles one interaction from the gateway: it sends the
// first response through the interaction callback endpoint and, when it
// had to defer, lets the worker edit it later. It is a plain function of
// the event, so tests feed it events directly.
func (a *Adapter) OnInteraction(ctx context.Context, ev *discordgo.InteractionCreate) {
	if ev == nil || ev.Interaction == nil {
		return
	}
	i := ev.Interaction
	if i.AppID == "" {
		i.AppID = a.cfg.ApplicationID
	}
	resp, sent := a.respond(ctx, i)
	err := a.call(ctx, opCallback, i.ID, func(opts ...discordgo.RequestOption) error {
		return a.session.InteractionRespond(i, resp, opts...)
	})
	if err != nil {
		a.log.Error("reply lost: interaction callback failed", slog.String("interaction_id", i.ID), slog.String("err", errText(err)))
	}
	if sent != nil {
		sent(err)
	}
}

// serveInteraction is POST /discord/interactions, behind verified: the
// first response is the HTTP response itself.
func (a *Adapter) serveInteraction(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(r.Body) // already read once and bounded by verified
	if err != nil {
		http.Error(w, "cannot read request body", http.StatusBadRequest)
		return
	}
	i, err := Parse(body)
	if err != nil {
		a.log.Warn("malformed interaction", slog.String("err", err.Error()))
		http.Error(w, "malformed interaction", http.StatusBadRequest)
		return
	}
	if i.AppID == "" {
		i.AppID = a.cfg.ApplicationID
	}
	resp, sent := a.respond(r.Context(), i)
	buf, err := json.Marshal(resp)
	if err != nil { // cannot happen with these types; never leave Discord waiting
		a.log.Error("encode interaction response", slog.String("interaction_id", i.ID), slog.Any("err", err))
		buf, _ = json.Marshal(message(ephemeral(bot.ErrorText)))
	}
	w.Header().Set("Content-Type", "application/json")
	_, werr := w.Write(buf)
	if f, ok := w.(http.Flusher); ok && werr == nil {
		f.Flush()
	}
	if werr != nil {
		a.log.Error("reply lost: writing the interaction response failed", slog.String("interaction_id", i.ID), slog.Any("err", werr))
		werr = fmt.Errorf("write the interaction response: %w", werr)
	}
	if sent != nil {
		sent(werr)
	}
}
