package slack

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strconv"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/socketmode"
)

// slogOutput lets slack-go's Socket Mode client log through slog, at
// debug level.
type slogOutput struct{ log *slog.Logger }

func (o slogOutput) Output(_ int, s string) error {
	o.log.Debug(s)
	return nil
}

// runSocket holds a Socket Mode connection until ctx is done: it
// acknowledges every envelope as soon as it arrives and dispatches events
// and slash commands to the same handlers as HTTP mode. slack-go
// reconnects on its own; a refused app token ends Run with an error.
func (a *Adapter) runSocket(ctx context.Context) error {
	client := socketmode.New(a.api, socketmode.OptionLog(slogOutput{a.log}))
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- client.RunContext(ctx) }()
	for {
		select {
		case err := <-done:
			if err == nil || errors.Is(err, context.Canceled) || ctx.Err() != nil {
				return nil
			}
			a.setReady(fmt.Errorf("slack socket mode: %w", err))
			return fmt.Errorf("slack socket mode: %w", err)
		case evt := <-client.Events:
			a.socketEvent(ctx, client, evt)
		}
	}
}

// socketEvent handles one Socket Mode event.
func (a *Adapter) socketEvent(ctx context.Context, client *socketmode.Client, evt socketmode.Event) {
	switch evt.Type {
	case socketmode.EventTypeConnecting:
		a.log.Debug("socket mode connecting")
	case socketmode.EventTypeHello:
		a.setReady(nil)
		a.log.Info("socket mode connected")
	case socketmode.EventTypeConnectionError, socketmode.EventTypeInvalidAuth:
		a.setReady(fmt.Errorf("slack socket mode: %s", evt.Type))
		a.log.Warn("socket mode connection problem", slog.String("type", string(evt.Type)))
	case socketmode.EventTypeDisconnect:
		a.setReady(errors.New("slack socket mode: reconnecting"))
		a.log.Info("socket mode disconnect requested; reconnecting")
	case socketmode.EventTypeEventsAPI:
		req := evt.Request
		if req == nil {
			return
		}
		// handleEvent does no slow work, so the acknowledgement still
		// goes out well within Slack's 3 seconds; an event Parley cannot
		// take on is left unacknowledged, so Slack redelivers it.
		_, err := a.handleEvent(ctx, req.Payload, strconv.Itoa(req.RetryAttempt))
		if errors.Is(err, errNotStored) {
			a.log.Warn("event not taken on; leaving its envelope for redelivery", slog.String("envelope_id", req.EnvelopeID))
			return
		}
		a.ackEnvelope(ctx, client, req.EnvelopeID, nil)
		if err != nil {
			a.log.Warn("bad socket mode event", slog.String("envelope_id", req.EnvelopeID), slog.Any("err", err))
		}
	case socketmode.EventTypeSlashCommand:
		req := evt.Request
		cmd, ok := evt.Data.(slack.SlashCommand)
		if req == nil || !ok {
			return
		}
		// The slash command's acknowledgement carries the ephemeral reply.
		a.ackEnvelope(ctx, client, req.EnvelopeID, a.handleCommand(ctx, cmd))
	case socketmode.EventTypeInteractive:
		req := evt.Request
		if req == nil {
			return
		}
		cb, ok := evt.Data.(slack.InteractionCallback)
		if !ok {
			a.ackEnvelope(ctx, client, req.EnvelopeID, nil)
			return
		}
		// As for events: an action the inbox could not write down is
		// left unacknowledged.
		if err := a.handleInteraction(ctx, cb); errors.Is(err, errNotStored) {
			a.log.Warn("button not taken on; leaving its envelope unacknowledged", slog.String("envelope_id", req.EnvelopeID))
			return
		}
		a.ackEnvelope(ctx, client, req.EnvelopeID, nil)
	case socketmode.EventTypeErrorBadMessage, socketmode.EventTypeIncomingError, socketmode.EventTypeErrorWriteFailed:
		a.log.Warn("socket mode error", slog.String("type", string(evt.Type)))
	}
}

func (a *Adapter) ackEnvelope(ctx context.Context, client *socketmode.Client, id string, payload any) {
	if err := client.AckCtx(ctx, id, payload); err != nil {
		a.log.Error("socket mode ack failed", slog.String("envelope_id", id), slog.Any("err", err))
	}
}
