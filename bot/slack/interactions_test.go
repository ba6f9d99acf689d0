package slack

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/parley-bot/parley/bot/slack/slacktest"
)

// answerWithButtons asks in a thread and returns the answer's post and
// its buttons by action id.
func answerWithButtons(t *testing.T, f *fixture, eventID, text, ts string) (slacktest.Post, map[string]element) {
	t.Helper()
	before := len(f.fake.Posts())
	if status, _ := f.event(callback(eventID, mention("<@"+slacktest.BotUserID+"> "+text, ts)), nil); status != http.StatusOK {
		t.Fatalf("event status %d", status)
	}
	p := f.fake.WaitPosts(t, before+1, waitFor)[before]
	buttons := map[string]element{}
	bs := blocksOf(t, p.Blocks)
	if last := bs[len(bs)-1]; last.Type == "actions" {
		for _, e := range last.Elements {
			buttons[e.ActionID] = e
		}
	}
	return p, buttons
}

func (f *fixture) press(p slacktest.Press, ts time.Time) (int, string) {
	f.t.Helper()
	return f.send("/slack/interactions", "application/x-www-form-urlencoded", p.Form(), ts, nil)
}

// TestButtonsFeedbackOnce presses the buttons as Slack sends the clicks:
// a signed, form-encoded block_actions payload. The verdict is noted to
// the presser alone; a double click is one verdict; a change of mind
// replaces it; a forged click is refused.
func TestButtonsFeedbackOnce(t *testing.T) {
	f := newRememberingFixture(t, ModeHTTP)
	answer, buttons := answerWithButtons(t, f, "Ev0BTN1", question, "9.1")
	for _, id := range []string{ActionHelpful, ActionWrong, ActionMore} {
		if buttons[id].Value == "" {
			t.Fatalf("answer has no %s button: %+v", id, buttons)
		}
	}
	id := buttons[ActionWrong].Value
	click := slacktest.Press{User: "U0BOB", Channel: "C0GENERAL", MessageTS: answer.TS, ThreadTS: "9.1",
		ActionID: ActionWrong, Value: id, TriggerID: "trig-1", ResponseURL: f.fake.ResponseURL("act-1")}
	if status, body := f.press(click, clock); status != http.StatusOK || body != "" {
		t.Fatalf("click: %d %q, want an empty 200", status, body)
	}
	note := f.fake.WaitPosts(t, 2, waitFor)[1]
	if note.Method != "response_url" || note.ResponseType != "ephemeral" || note.ReplaceOriginal || !strings.Contains(note.Text, "wrong") {
		t.Fatalf("note = %+v, want an ephemeral response that leaves the answer in place", note)
	}
	// A double click: a new trigger, the same person.
	second := click
	second.TriggerID, second.ResponseURL = "trig-2", f.fake.ResponseURL("act-2")
	f.press(second, clock)
	if p := f.fake.WaitPosts(t, 3, waitFor)[2]; !strings.Contains(p.Text, "already") {
		t.Errorf("double click note %q, want it to say it counts once", p.Text)
	}
	// The same click delivered again: nothing new.
	f.press(click, clock)
	// Someone else finds it helpful.
	other := click
	other.User, other.ActionID, other.TriggerID, other.ResponseURL = "U0CAROL", ActionHelpful, "trig-3", f.fake.ResponseURL("act-3")
	f.press(other, clock)
	f.fake.WaitPosts(t, 4, waitFor)
	f.settle(f.a)
	if n := len(f.fake.Posts()); n != 4 {
		t.Errorf("%d posts, want 4: the answer and three notes (the redelivered click answers nothing)", n)
	}
	js, err := f.st.Judgements(context.Background(), time.Time{})
	if err != nil || len(js) != 1 || js[0].Wrong != 1 || js[0].Helpful != 1 {
		t.Fatalf("Judgements = %+v, %v; want 1 wrong (a double click counts once) and 1 helpful", js, err)
	}

	// Forged and stale clicks are refused before anything is read.
	forged := click
	forged.TriggerID = "trig-forged"
	req, _ := http.NewRequest(http.MethodPost, f.srv.URL+"/slack/interactions", strings.NewReader(string(forged.Form())))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("X-Slack-Request-Timestamp", "1765022400")
	req.Header.Set("X-Slack-Signature", "v0="+strings.Repeat("0", 64))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("forged click: %d, want 401", resp.StatusCode)
	}
	if status, _ := f.press(forged, clock.Add(-10*time.Minute)); status != http.StatusUnauthorized {
		t.Errorf("stale click: %d, want 401", status)
	}
	if got := counter(f.metrics.SignatureFailures); got != 2 {
		t.Errorf("signature failures = %v, want 2", got)
	}
	if got := counter(f.metrics.Feedback); got != 3 {
		t.Errorf("feedback counted %v, want 3 (wrong, wrong repeated, helpful)", got)
	}
}

// TestMoreSourcesInTheThread: "More sources" posts the next quotes,
// cited, in the answer's thread.
func TestMoreSourcesInTheThread(t *testing.T) {
	f := newRememberingFixture(t, ModeHTTP)
	answer, buttons := answerWithButtons(t, f, "Ev0MORE1", question, "11.1")
	more := buttons[ActionMore]
	if more.Value == "" {
		t.Fatalf("no More sources button: %+v", buttons)
	}
	f.press(slacktest.Press{User: "U0BOB", Channel: "C0GENERAL", MessageTS: answer.TS, ThreadTS: "11.1",
		ActionID: ActionMore, Value: more.Value, TriggerID: "trig-more", ResponseURL: f.fake.ResponseURL("more")}, clock)
	p := f.fake.WaitPosts(t, 2, waitFor)[1]
	if p.Method != "chat.postMessage" || p.Channel != "C0GENERAL" || p.ThreadTS != "11.1" {
		t.Fatalf("more sources went %s to %s thread %q, want the answer's thread", p.Method, p.Channel, p.ThreadTS)
	}
	shown := map[string]bool{}
	for _, q := range quotes(t, answer) {
		shown[q] = true
	}
	qs := quotes(t, p)
	if len(qs) == 0 {
		t.Fatalf("no quotes in %s", p.Blocks)
	}
	for _, q := range qs {
		if shown[q] {
			t.Errorf("More sources repeats %q", q)
		}
	}
	assertVerbatim(t, f.st, p)
	if !strings.Contains(allText(t, p), "More sources for") {
		t.Errorf("post does not say what it is: %s", allText(t, p))
	}
}

// TestFollowUpInAThread: a follow-up in the thread is read with the
// question before it, and says so.
func TestFollowUpInAThread(t *testing.T) {
	f := newRememberingFixture(t, ModeHTTP)
	answerWithButtons(t, f, "Ev0FU1", "Who met with Putin in Moscow?", "12.1")
	// The follow-up is a reply in the thread 12.1.
	inner := mention("<@"+slacktest.BotUserID+"> How long did it last?", "12.5")
	inner["thread_ts"] = "12.1"
	f.event(callback("Ev0FU2", inner), nil)
	p := f.fake.WaitPosts(t, 2, waitFor)[1]
	text := allText(t, p)
	if !strings.Contains(text, "Following up on") || !strings.Contains(strings.Join(quotes(t, p), " "), "five") {
		t.Errorf("follow-up answer:\n%s", text)
	}
}

// TestSocketModeButtons: a click in an interactive envelope is
// acknowledged and handled as over HTTP.
func TestSocketModeButtons(t *testing.T) {
	f := newRememberingFixture(t, ModeSocket)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- f.a.Run(ctx) }()
	t.Cleanup(func() { cancel(); <-done })
	if !f.fake.Connected(waitFor) {
		t.Fatal("socket mode client never connected")
	}
	var payload map[string]any
	json.Unmarshal(callback("Ev0SOCKBTN", mention("<@"+slacktest.BotUserID+"> "+question, "13.1")), &payload)
	f.fake.Send(t, "env-q", "events_api", 0, payload)
	answer := f.fake.WaitPosts(t, 1, waitFor)[0]
	var id string
	for _, b := range blocksOf(t, answer.Blocks) {
		for _, e := range b.Elements {
			if e.ActionID == ActionHelpful {
				id = e.Value
			}
		}
	}
	if id == "" {
		t.Fatal("no Helpful button")
	}
	press := slacktest.Press{User: "U0BOB", Channel: "C0GENERAL", MessageTS: answer.TS, ThreadTS: "13.1",
		ActionID: ActionHelpful, Value: id, TriggerID: "trig-sock", ResponseURL: f.fake.ResponseURL("sock-act")}
	f.fake.Send(t, "env-btn", "interactive", 0, json.RawMessage(press.Payload()))
	note := f.fake.WaitPosts(t, 2, waitFor)[1]
	if note.ResponseType != "ephemeral" || !strings.Contains(note.Text, "helped") {
		t.Errorf("note = %+v", note)
	}
	if !f.fake.Wait(waitFor, func(_ []slacktest.Post, acks []slacktest.Ack) bool {
		for _, a := range acks {
			if a.EnvelopeID == "env-btn" {
				return true
			}
		}
		return false
	}) {
		t.Error("interactive envelope not acknowledged")
	}
}
