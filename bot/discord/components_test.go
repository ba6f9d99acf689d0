package discord

import (
	"context"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/parley-bot/parley/bot"
	"github.com/parley-bot/parley/bot/discord/discordtest"
)

// askForButtons asks over HTTP and returns the answer's buttons by
// action, checked against Discord's rules for components.
func askForButtons(t *testing.T, h *harness, id, question string) map[string]discordgo.Button {
	t.Helper()
	status, raw := h.signed(interaction(id, "ask", "question", question))
	if status != http.StatusOK {
		t.Fatalf("ask: status %d", status)
	}
	var probe struct {
		Data struct {
			Components json.RawMessage `json:"components"`
		} `json:"data"`
	}
	json.Unmarshal(raw, &probe)
	if err := discordtest.CheckComponents(probe.Data.Components); err != nil {
		t.Fatalf("components %s: %v", probe.Data.Components, err)
	}
	resp := decodeResponse(t, raw)
	out := map[string]discordgo.Button{}
	for _, c := range resp.Data.Components {
		row, ok := c.(*discordgo.ActionsRow)
		if !ok {
			continue
		}
		for _, b := range row.Components {
			if btn, ok := b.(*discordgo.Button); ok {
				act, ok := actionOf(btn.CustomID)
				if !ok {
					t.Fatalf("button %q is not one of Parley's", btn.CustomID)
				}
				out[act.Kind] = *btn
			}
		}
	}
	return out
}

// click is a press of button, signed as Discord signs interactions.
func (h *harness) click(id, user string, b discordgo.Button) (int, discordgo.InteractionResponse) {
	h.t.Helper()
	c := discordtest.Click{ID: id, AppID: testApp, Token: "tok-" + id, Channel: "chan-1", Guild: "guild-1", User: user, Message: "msg-1", CustomID: b.CustomID}
	status, raw := h.signed(c.JSON())
	if status != http.StatusOK {
		return status, discordgo.InteractionResponse{}
	}
	return status, decodeResponse(h.t, raw)
}

// TestComponentFeedbackOnce presses the buttons as Discord sends a
// click: a signed MESSAGE_COMPONENT interaction. The note is for the
// presser alone; a double click is one verdict; a forged click is 401.
func TestComponentFeedbackOnce(t *testing.T) {
	h := newHarness(t, remembering())
	buttons := askForButtons(t, h, "80", "Who met with Putin in Moscow?")
	for _, k := range []string{bot.ActionHelpful, bot.ActionWrong, bot.ActionMore} {
		if buttons[k].CustomID == "" {
			t.Fatalf("no %s button: %+v", k, buttons)
		}
	}
	wrong := buttons[bot.ActionWrong]
	_, resp := h.click("81", "user-9", wrong)
	if resp.Type != discordgo.InteractionResponseChannelMessageWithSource || resp.Data.Flags&discordgo.MessageFlagsEphemeral == 0 ||
		!strings.Contains(resp.Data.Content, "wrong") {
		t.Fatalf("note = %+v, want an ephemeral message", resp.Data)
	}
	// A double click: a new interaction from the same person.
	if _, resp := h.click("82", "user-9", wrong); !strings.Contains(resp.Data.Content, "already") {
		t.Errorf("double click note %q, want it to say it counts once", resp.Data.Content)
	}
	// The same interaction delivered twice is answered once.
	if _, resp := h.click("82", "user-9", wrong); resp.Data.Content != textAlready {
		t.Errorf("redelivered click: %q", resp.Data.Content)
	}
	h.click("83", "user-10", buttons[bot.ActionHelpful])
	js, err := h.st.Judgements(context.Background(), time.Time{})
	if err != nil || len(js) != 1 || js[0].Wrong != 1 || js[0].Helpful != 1 {
		t.Fatalf("Judgements = %+v, %v; want 1 wrong (a double click counts once), 1 helpful", js, err)
	}

	// Forged and stale clicks never reach the bot.
	c := discordtest.Click{ID: "84", AppID: testApp, Token: "tok-84", Channel: "chan-1", User: "user-9", Message: "msg-1", CustomID: wrong.CustomID}
	ts := strconv.FormatInt(h.now.Unix(), 10)
	if status, _ := h.post(c.JSON(), ts, strings.Repeat("ab", 64)); status != http.StatusUnauthorized {
		t.Errorf("forged click: %d, want 401", status)
	}
	stale := strconv.FormatInt(h.now.Add(-time.Hour).Unix(), 10)
	if status, _ := h.post(c.JSON(), stale, sign(h.priv, stale, c.JSON())); status != http.StatusUnauthorized {
		t.Errorf("stale click: %d, want 401", status)
	}
	if got := count(h.metrics.Feedback.WithLabelValues(Platform, bot.ActionWrong, "recorded")); got != 1 {
		t.Errorf("wrong recorded %v times, want 1", got)
	}
}

// TestMoreSourcesComponent: More sources answers in the channel with the
// next quotes, each cited.
func TestMoreSourcesComponent(t *testing.T) {
	h := newHarness(t, remembering())
	buttons := askForButtons(t, h, "90", "Who met with Putin in Moscow?")
	_, resp := h.click("91", "user-9", buttons[bot.ActionMore])
	if resp.Data == nil || resp.Data.Flags&discordgo.MessageFlagsEphemeral != 0 || len(resp.Data.Embeds) != 1 {
		t.Fatalf("more sources = %+v, want a public embed", resp.Data)
	}
	e := resp.Data.Embeds[0]
	checkLimits(t, e)
	if !strings.HasPrefix(e.Title, "More sources") || len(e.Fields) == 0 {
		t.Fatalf("embed %+v", e)
	}
	for _, f := range e.Fields {
		if _, ok := quoteIn(t, h.st, f.Value); !ok {
			t.Errorf("field %q quotes no article sentence", f.Value)
		}
	}
	// A button that is not Parley's, or an id that is not an answer's.
	if _, resp := h.click("92", "user-9", discordgo.Button{CustomID: "someone-else:thing"}); resp.Data.Content != textUnknownButton {
		t.Errorf("unknown button: %q", resp.Data.Content)
	}
	if _, resp := h.click("93", "user-9", discordgo.Button{CustomID: "parley:more:" + strings.Repeat("0", 32)}); !strings.Contains(resp.Data.Content, "no longer keep") {
		t.Errorf("unknown answer: %q", resp.Data.Content)
	}
}

// TestGatewayComponent: a click over the gateway is answered through the
// callback endpoint.
func TestGatewayComponent(t *testing.T) {
	h := newHarness(t, remembering(), withConfig(func(c *Config) { c.Mode = ModeGateway; c.PublicKey = nil }))
	ctx := context.Background()
	h.a.OnInteraction(ctx, event(t, interaction("95", "ask", "question", "Who met with Putin in Moscow?")))
	cb := h.api.CallsTo(http.MethodPost, `^/interactions/95/tok-95/callback$`)
	if len(cb) != 1 || cb[0].Status != http.StatusNoContent {
		t.Fatalf("answer callback = %+v (the fake checks the components)", cb)
	}
	resp := decodeResponse(t, cb[0].Body)
	var helpful string
	for _, c := range resp.Data.Components {
		for _, b := range c.(*discordgo.ActionsRow).Components {
			if btn := b.(*discordgo.Button); strings.Contains(btn.CustomID, ":helpful:") {
				helpful = btn.CustomID
			}
		}
	}
	c := discordtest.Click{ID: "96", AppID: testApp, Token: "tok-96", Channel: "chan-1", User: "user-9", Message: "msg-1", CustomID: helpful}
	h.a.OnInteraction(ctx, event(t, c.JSON()))
	cb = h.api.CallsTo(http.MethodPost, `^/interactions/96/tok-96/callback$`)
	if len(cb) != 1 {
		t.Fatalf("click callbacks = %d", len(cb))
	}
	if r := decodeResponse(t, cb[0].Body); r.Data.Flags&discordgo.MessageFlagsEphemeral == 0 || !strings.Contains(r.Data.Content, "helped") {
		t.Errorf("note %s", cb[0].Body)
	}
}
