package main

import (
	"context"
	"encoding/json"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/parley-bot/parley/bot"
	"github.com/parley-bot/parley/bot/slack"
	"github.com/parley-bot/parley/bot/slack/slacktest"
)

// TestServeConversationFeedbackReport goes the whole way: questions in a
// Slack thread through serve (a follow-up among them), a Wrong click
// through POST /slack/interactions, refusals asked in other words, and
// then `parley report --json` over the same store.
func TestServeConversationFeedbackReport(t *testing.T) {
	fake := slacktest.New(t)
	m, addr := serveSlack(t, fake, "http")
	events := "http://" + addr + "/slack/events"
	ask := func(id, text, ts, thread string) slacktest.Post {
		t.Helper()
		before := len(fake.Posts())
		ev := map[string]any{"type": "app_mention", "user": "U0ALICE", "channel": "C0GENERAL", "ts": ts, "text": "<@" + slacktest.BotUserID + "> " + text}
		if thread != "" {
			ev["thread_ts"] = thread
		}
		body, _ := json.Marshal(map[string]any{"type": "event_callback", "team_id": slacktest.TeamID, "event_id": id, "event": ev})
		if code := signedPost(t, events, "application/json", body, e2eSecret, time.Now(), 0); code != http.StatusOK {
			t.Fatalf("event %s = %d", id, code)
		}
		return fake.WaitPosts(t, before+1, 10*time.Second)[before]
	}
	ask("Ev0R1", "Who met with Putin in Moscow?", "1765000400.000100", "")
	followup := ask("Ev0R2", "How long did it last?", "1765000400.000200", "1765000400.000100")
	if !strings.Contains(string(followup.Blocks), "Following up on") {
		t.Errorf("follow-up in the thread not read as one: %s", followup.Blocks)
	}
	ask("Ev0R3", "What did Macron say about the talks?", "1765000401.000100", "")
	ask("Ev0R4", "what has macron said about the negotiations", "1765000402.000100", "")
	ask("Ev0R5", "How many soldiers died?", "1765000403.000100", "")

	// Wrong, on the follow-up.
	var id string
	var blocks []struct {
		Type     string `json:"type"`
		Elements []struct {
			ActionID string `json:"action_id"`
			Value    string `json:"value"`
		} `json:"elements"`
	}
	json.Unmarshal(followup.Blocks, &blocks)
	for _, b := range blocks {
		for _, e := range b.Elements {
			if e.ActionID == slack.ActionWrong {
				id = e.Value
			}
		}
	}
	if id == "" {
		t.Fatalf("no Wrong button under %s", followup.Blocks)
	}
	press := slacktest.Press{User: "U0BOB", Channel: "C0GENERAL", MessageTS: followup.TS, ThreadTS: "1765000400.000100",
		ActionID: slack.ActionWrong, Value: id, TriggerID: "T0WRONG", ResponseURL: fake.ResponseURL("wrong")}
	if code := signedPost(t, "http://"+addr+"/slack/interactions", "application/x-www-form-urlencoded", press.Form(), e2eSecret, time.Now(), 0); code != http.StatusOK {
		t.Fatalf("click = %d", code)
	}
	if code := signedPost(t, "http://"+addr+"/slack/interactions", "application/x-www-form-urlencoded", press.Form(), "guessed", time.Now(), 0); code != http.StatusUnauthorized {
		t.Errorf("forged click = %d, want 401", code)
	}
	fake.WaitPosts(t, 6, 10*time.Second)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	m.Pool.Wait(ctx)

	db := m.Store.Path()
	code, out, errs := cli(t, filepath.Dir(db), "", "report", "--json")
	if code != 0 {
		t.Fatalf("report --json: exit %d: %s", code, errs)
	}
	var r bot.Report
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("report --json printed %q: %v", out, err)
	}
	if r.Asked != 5 || r.Refused != 3 {
		t.Errorf("asked %d, refused %d; want 5 and 3", r.Asked, r.Refused)
	}
	if len(r.Unanswered) != 2 || r.Unanswered[0].Asked != 2 || !strings.Contains(strings.ToLower(r.Unanswered[0].Question), "macron") {
		t.Errorf("unanswered = %+v, want the Macron question twice, in two wordings, first", r.Unanswered)
	}
	if len(r.Wrong) != 1 || r.Wrong[0].Question != "How long did it last?" || !strings.Contains(r.Wrong[0].Read, "Moscow") || len(r.Wrong[0].Quotes) == 0 {
		t.Errorf("wrong = %+v, want the follow-up, as read, with its quotes", r.Wrong)
	}
	code, out, _ = cli(t, filepath.Dir(db), "", "report", "--since", "2w")
	if code != 0 || !strings.Contains(out, "Answers marked wrong:") || !strings.Contains(out, "(asked 2 times)") {
		t.Errorf("report: exit %d\n%s", code, out)
	}
}

func TestReportFlags(t *testing.T) {
	dir := t.TempDir()
	for _, bad := range []string{"nope", "-3d", "0"} {
		if code, _, errs := cli(t, dir, "", "report", "--since", bad); code != 2 || !strings.Contains(errs, "--since") {
			t.Errorf("report --since %s: exit %d, %q; want 2 naming --since", bad, code, errs)
		}
	}
	code, out, _ := cli(t, dir, "", "report")
	if code != 0 || !strings.Contains(out, "0 questions") {
		t.Errorf("report of an empty log: exit %d\n%s", code, out)
	}
	for in, want := range map[string]time.Duration{"7d": 7 * 24 * time.Hour, "2w": 14 * 24 * time.Hour, "36h": 36 * time.Hour} {
		if got, err := parseSince(in); err != nil || got != want {
			t.Errorf("parseSince(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
}

func TestAskConversation(t *testing.T) {
	dir := t.TempDir()
	code, out, _ := cli(t, dir, "Who met with Putin in Moscow?\nHow long did it last?\n", "ask", "--json", "--conversation")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != 0 || len(lines) != 2 {
		t.Fatalf("exit %d, %d lines", code, len(lines))
	}
	var a struct {
		Carried *struct {
			From, Read string
			Why        []string
		} `json:"carried"`
	}
	json.Unmarshal([]byte(lines[1]), &a)
	if a.Carried == nil || a.Carried.From != "Who met with Putin in Moscow?" {
		t.Errorf("second answer %s, want what it carried", lines[1])
	}
	// Without --conversation every line stands alone.
	_, out, _ = cli(t, dir, "Who met with Putin in Moscow?\nHow long did it last?\n", "ask", "--json")
	if strings.Contains(out, `"carried"`) {
		t.Errorf("ask carried without --conversation: %s", out)
	}
	code, out, _ = cli(t, dir, "", "ask", "--explain", "--after", "Who met with Putin in Moscow?", "When was that?")
	if code != 0 || !strings.Contains(out, "follow-up to: Who met with Putin in Moscow?") || !strings.Contains(out, `carried: "that" →`) {
		t.Errorf("ask --explain --after:\n%s", out)
	}
	// A fragment whose reading finds nothing is answered as typed; the
	// explanation shows the reading tried.
	code, out, _ = cli(t, dir, "", "ask", "--explain", "--after", "What did Putin tell Today TV on Thursday?", "And Ushakov on Sunday?")
	if code != 0 || !strings.Contains(out, "tried: What did Ushakov tell Today TV on Sunday?") || !strings.Contains(out, "read as: And Ushakov on Sunday?") || !strings.Contains(out, "answered as typed") {
		t.Errorf("ask --explain --after, answered as typed:\n%s", out)
	}
}
