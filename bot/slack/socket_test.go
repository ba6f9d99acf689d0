package slack

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/parley-bot/parley/bot/slack/slacktest"
)

func TestSocketModeAcksAndDispatches(t *testing.T) {
	f := newFixture(t, ModeSocket)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- f.a.Run(ctx) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Run = %v, want nil after cancel", err)
		}
	})
	if !f.fake.Connected(waitFor) {
		t.Fatal("socket mode client never connected")
	}

	var payload map[string]any
	json.Unmarshal(callback("Ev0SOCKET1", mention("<@"+slacktest.BotUserID+"> "+question, "7.1")), &payload)
	f.fake.Send(t, "env-1", "events_api", 0, payload)
	p := f.fake.WaitPosts(t, 1, waitFor)[0]
	if p.Channel != "C0GENERAL" || p.ThreadTS != "7.1" {
		t.Errorf("socket answer went to %s thread %q, want C0GENERAL thread 7.1", p.Channel, p.ThreadTS)
	}
	assertVerbatim(t, f.st, p)

	// Slack redelivers the same event in a new envelope: ack, no answer.
	f.fake.Send(t, "env-2", "events_api", 1, payload)
	// A slash command: its ack carries the ephemeral acknowledgement.
	f.fake.Send(t, "env-3", "slash_commands", 0, map[string]any{
		"command": "/ask", "text": "sources", "channel_id": "C0GENERAL", "user_id": "U0ALICE",
		"trigger_id": "T0SOCKETCMD", "response_url": f.fake.ResponseURL("sock"),
	})
	if !f.fake.Wait(waitFor, func(_ []slacktest.Post, acks []slacktest.Ack) bool { return len(acks) >= 3 }) {
		t.Fatalf("acks = %+v, want three", f.fake.Acks())
	}
	posts := f.fake.WaitPosts(t, 2, waitFor)
	f.settle(f.a)

	acks := map[string]string{}
	for _, a := range f.fake.Acks() {
		acks[a.EnvelopeID] = string(a.Payload)
	}
	for _, id := range []string{"env-1", "env-2", "env-3"} {
		if _, ok := acks[id]; !ok {
			t.Errorf("envelope %s not acknowledged (acks %v)", id, acks)
		}
	}
	if !strings.Contains(acks["env-3"], answeringText) || !strings.Contains(acks["env-3"], "ephemeral") {
		t.Errorf("slash command ack payload = %s, want the ephemeral %q", acks["env-3"], answeringText)
	}
	if n := len(f.fake.Posts()); n != 2 {
		t.Errorf("%d posts, want 2 (the redelivery must not post)", n)
	}
	if posts[1].Method != "response_url" || !strings.Contains(allText(t, posts[1]), "I answer from these articles") {
		t.Errorf("second post = %s %q, want the sources through response_url", posts[1].Method, posts[1].Text)
	}
	if got := counter(f.metrics.Deduplicated); got != 1 {
		t.Errorf("deduplicated = %v, want 1", got)
	}
	if err := f.a.Ready(); err != nil {
		t.Errorf("Ready() = %v while connected", err)
	}
}
