package slack

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"html"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/parley-bot/parley/answers"
	"github.com/parley-bot/parley/bot"
	"github.com/parley-bot/parley/bot/bottest"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// testAnswerID is an answer's id as the bot logs it.
const testAnswerID = "0123456789abcdef0123456789abcdef"

var (
	withLink = answers.Citation{Article: "002_abc", Title: "Talks in Florida <end> & after", Outlet: "Wire & Co", Published: "2025-12-02", URL: "https://example.org/a?x=1&y=2"}
	noLink   = answers.Citation{Article: "000_2daefb0e2dba6216", Title: "Ukraine-US Talks Yield ‘Framework’ But Negotiations Continue"}
)

func TestRenderGolden(t *testing.T) {
	tests := []struct {
		name  string
		reply bot.Reply
		asked string
	}{
		{"answer", bot.Reply{Kind: bot.KindAnswer, Text: "Kushner and Witkoff",
			Quotes: []answers.Quote{{Text: "Kushner and Witkoff met earlier this week with Russian President Vladimir Putin.", Citation: noLink}}}, ""},
		{"answer_also_reported", bot.Reply{Kind: bot.KindAnswer, Text: "",
			Quotes: []answers.Quote{
				{Text: "Kushner and Witkoff met earlier this week with Russian President Vladimir Putin.", Citation: noLink},
				{Text: "Witkoff and Kushner met Putin in Moscow on Tuesday.", Citation: withLink},
			}}, "Who met Putin?"},
		{"answer_is_quote", bot.Reply{Kind: bot.KindAnswer, Text: "The talks took place in Florida.",
			Quotes: []answers.Quote{{Text: "The talks took place in Florida.", Citation: withLink}}}, "Where were the talks?"},
		{"conflict", bot.Reply{Kind: bot.KindAnswer, Text: "The sources disagree on how many points the plan has.", Conflict: true,
			Quotes: []answers.Quote{
				{Text: "The plan has 28 points.", Citation: noLink},
				{Text: "The revised plan has 20 points.", Citation: withLink},
			}}, ""},
		{"refusal", bot.Reply{Kind: bot.KindRefusal, Text: "Sorry, I don't know: the articles don't say. " + testHint}, "<!here> what's the weather?"},
		{"help", bot.Reply{Kind: bot.KindHelp, Text: bot.HelpText + "\n" + testHint}, ""},
		{"sources", bot.Reply{Kind: bot.KindSources, Text: bot.SourcesText([]answers.Citation{noLink, withLink}), Sources: []answers.Citation{noLink, withLink}}, ""},
		{"summary", bot.Reply{Kind: bot.KindSummary, Text: "summary", Summary: &answers.Summary{
			Date: "2025-12-06", Title: "Parley daily summary — Saturday 6 December 2025",
			Lines: []answers.SummaryLine{
				{Text: "Talks continued in Florida.", Quotes: []answers.Quote{{Text: "Talks continued in Florida on Saturday.", Citation: withLink}}},
				{Text: "Witkoff said the talks were productive.", Quotes: []answers.Quote{{Text: "Witkoff said the talks were productive.", Citation: noLink}}},
				{Text: "The sources disagree on the plan.", Conflict: true, Quotes: []answers.Quote{{Text: "The plan has 28 points.", Citation: noLink}, {Text: "The revised plan has 20 points.", Citation: withLink}}},
			},
			NewArticles: []answers.Citation{withLink},
		}}, ""},
		{"busy", bot.Reply{Kind: bot.KindBusy, Text: bot.BusyText}, ""},
		// With http.public_url: every title opens Parley's page at the
		// quoted sentence; an article's own URL follows as "source".
		{"answer_linked", bot.Reply{Kind: bot.KindAnswer, Text: "Kushner and Witkoff",
			Quotes: []answers.Quote{
				{Text: "Kushner and Witkoff met earlier this week with Russian President Vladimir Putin.", Sentence: 10, Citation: bottest.Linked(noLink, 10)},
				{Text: "Putin received the envoys.", Sentence: 4, Citation: bottest.Linked(withLink, 4)},
			}}, ""},
		{"sources_linked", bot.Reply{Kind: bot.KindSources, Text: "sources", Sources: []answers.Citation{bottest.Linked(noLink, 0), bottest.Linked(withLink, 0)}}, ""},
		{"summary_linked", bot.Reply{Kind: bot.KindSummary, Text: "summary", Summary: &answers.Summary{
			Date: "2025-12-06", Title: "Parley daily summary — Saturday 6 December 2025",
			Lines: []answers.SummaryLine{
				{Text: "Talks continued in Florida.", Quotes: []answers.Quote{{Text: "Talks continued in Florida on Saturday.", Sentence: 2, Citation: bottest.Linked(withLink, 2)}}},
			},
			NewArticles: []answers.Citation{bottest.Linked(withLink, 0)},
		}}, ""},
		// A logged answer ends with its buttons, each carrying its id;
		// More sources only when there are further sources.
		{"answer_buttons", bot.Reply{Kind: bot.KindAnswer, Text: "Kushner and Witkoff", ID: testAnswerID, More: 2,
			Quotes: []answers.Quote{{Text: "Kushner and Witkoff met earlier this week with Russian President Vladimir Putin.", Citation: noLink}}}, ""},
		{"answer_buttons_no_more", bot.Reply{Kind: bot.KindAnswer, Text: "Florida", ID: testAnswerID,
			Quotes: []answers.Quote{{Text: "The talks took place in Florida.", Citation: withLink}}}, ""},
		// A follow-up says how it was read, above the answer.
		{"followup", bot.Reply{Kind: bot.KindAnswer, Text: "earlier this week", Question: "When was that?", ID: testAnswerID,
			Carried: &answers.Carried{From: "Who met with Putin in Moscow?", Read: "When was Kushner and Witkoff met with Putin in Moscow?"},
			Quotes:  []answers.Quote{{Text: "Kushner and Witkoff met earlier this week with Russian President Vladimir Putin.", Citation: noLink}}}, ""},
		{"more", bot.Reply{Kind: bot.KindMore, Question: "Who met <@U1> Putin?", Text: "More sources", ID: testAnswerID,
			Quotes: []answers.Quote{{Text: "Witkoff and Kushner met Putin in Moscow on Tuesday.", Citation: withLink}, {Text: "Putin received the envoys.", Citation: bottest.Linked(noLink, 4)}}}, ""},
		{"note", bot.Reply{Kind: bot.KindNote, Text: "Thanks — I've noted that this answer helped."}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			enc := json.NewEncoder(&buf)
			enc.SetEscapeHTML(false) // goldens show <, > and & as Slack receives them
			enc.SetIndent("", "  ")
			if err := enc.Encode(Render(tt.reply, tt.asked)); err != nil {
				t.Fatal(err)
			}
			got := buf.Bytes()
			bottest.Golden(t, *update, filepath.Join("testdata", tt.name+".golden"), "Render("+tt.name+")", got)
		})
	}
}

func TestEscape(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", "plain"},
		{"a & b < c > d", "a &amp; b &lt; c &gt; d"},
		{"<!channel> hi", "&lt;!channel&gt; hi"},
		{"<@U123|bob>", "&lt;@U123|bob&gt;"},
		{"&amp;", "&amp;amp;"},
	}
	for _, tt := range tests {
		if got := Escape(tt.in); got != tt.want {
			t.Errorf("Escape(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	for in, want := range map[string]string{
		"@here now":           "@\u200bhere now",
		"ping @Channel":       "ping @\u200bChannel",
		"@everyone & <!here>": "@\u200beveryone &amp; &lt;!here&gt;",
		"mail me@hereford.uk": "mail me@hereford.uk",
	} {
		if got := EscapeUser(in); got != want {
			t.Errorf("EscapeUser(%q) = %q, want %q", in, got, want)
		}
	}
}

// checkLimits fails t if m breaks one of Slack's limits.
func checkLimits(t *testing.T, m Message) {
	t.Helper()
	if n := utf8.RuneCountInString(m.Text); n >= 4000 {
		t.Errorf("text is %d characters, want < 4000", n)
	}
	if len(m.Blocks) > MaxBlocks {
		t.Errorf("%d blocks, want at most %d", len(m.Blocks), MaxBlocks)
	}
	raw, _ := json.Marshal(m.Blocks)
	for _, b := range blocksOf(t, raw) {
		if b.Text != nil && utf8.RuneCountInString(b.Text.Text) > MaxSection {
			t.Errorf("section of %d characters, want at most %d", utf8.RuneCountInString(b.Text.Text), MaxSection)
		}
		for _, e := range b.Elements {
			if utf8.RuneCountInString(e.Text) > MaxContext {
				t.Errorf("context of %d characters", utf8.RuneCountInString(e.Text))
			}
		}
	}
}

func TestLimits(t *testing.T) {
	long := strings.Repeat("The delegations & their advisers <met> again in Florida on Sunday. ", 150) // ~10,000 chars, escapes grow it
	var many []answers.Quote
	for range 60 {
		many = append(many, answers.Quote{Text: "Talks continued.", Citation: withLink})
	}
	tests := []struct {
		name    string
		reply   bot.Reply
		trimmed bool
	}{
		{"long answer is split", bot.Reply{Kind: bot.KindAnswer, Text: long, Quotes: []answers.Quote{{Text: "Q: " + long, Citation: noLink}}}, true},
		{"many quotes are trimmed", bot.Reply{Kind: bot.KindAnswer, Text: "Many.", Quotes: many}, true},
		{"one unbroken word", bot.Reply{Kind: bot.KindRefusal, Text: strings.Repeat("&", 7000)}, true},
		{"short", bot.Reply{Kind: bot.KindRefusal, Text: "No."}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := Render(tt.reply, "")
			checkLimits(t, m)
			if got := strings.Contains(m.Text, "trimmed"); got != tt.trimmed {
				t.Errorf("text says trimmed = %v, want %v", got, tt.trimmed)
			}
			raw, _ := json.Marshal(m.Blocks)
			// Splitting keeps every character of a long section: nothing
			// but whitespace is lost unless the block count forced a trim.
			if tt.name == "long answer is split" {
				joined := ""
				for _, b := range blocksOf(t, raw) {
					if b.Type == "section" && !strings.HasPrefix(b.Text.Text, "> ") {
						joined += b.Text.Text
					}
				}
				if strings.ReplaceAll(joined, " ", "") != strings.ReplaceAll(Escape(long), " ", "") {
					t.Error("split answer sections do not add up to the answer")
				}
			}
			for _, b := range blocksOf(t, raw) {
				if b.Text != nil && strings.Contains(b.Text.Text, "&am") && !strings.Contains(b.Text.Text, "&amp;") {
					t.Errorf("an entity was cut in two: %q", b.Text.Text[:40])
				}
			}
		})
	}
}

// TestLimitsAcceptedByFake posts an over-long reply: the fake rejects
// what Slack would, so acceptance means the reply fits.
func TestLimitsAcceptedByFake(t *testing.T) {
	f := newFixture(t, ModeHTTP)
	long := strings.Repeat("word ", 5000)
	ts, err := f.a.postMessage(context.Background(), "C0GENERAL", "", "Ev0LONG", Render(bot.Reply{Kind: bot.KindAnswer, Text: long,
		Quotes: []answers.Quote{{Text: long, Citation: noLink}}}, ""))
	if err != nil || ts == "" {
		t.Fatalf("post of a long reply = %q, %v; want it accepted", ts, err)
	}
	// And the fake does reject a message over the limits.
	_, err = f.a.postMessage(context.Background(), "C0GENERAL", "", "Ev0RAW", Message{Text: long})
	if err == nil || !strings.Contains(err.Error(), "msg_too_long") {
		t.Errorf("unfitted post error = %v, want msg_too_long", err)
	}
}

// testHint stands for the hint the engine draws from its store.
const testHint = "I answer from 2 articles, such as “Talks resume”; ask about Geneva, for example. Type \"sources\" to list the articles."

func TestRenderReportGolden(t *testing.T) {
	r := bottest.Report("<!here>", noLink)
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	m := RenderReport(r)
	checkLimits(t, m)
	if err := enc.Encode(m); err != nil {
		t.Fatal(err)
	}
	bottest.Golden(t, *update, filepath.Join("testdata", "report.golden"), "RenderReport", buf.Bytes())
}

// TestEverySummaryLineReachesSlack: every line of a summary is in the
// message, within Slack's limits, however long its quotes.
func TestEverySummaryLineReachesSlack(t *testing.T) {
	for name, s := range bottest.Summaries(t) {
		t.Run(name, func(t *testing.T) {
			m := RenderSummary(s)
			checkLimits(t, m)
			var shown strings.Builder
			for _, b := range m.Blocks {
				raw, _ := json.Marshal(b)
				var bl struct {
					Text *struct {
						Text string `json:"text"`
					} `json:"text"`
				}
				json.Unmarshal(raw, &bl)
				if bl.Text != nil {
					shown.WriteString(html.UnescapeString(strings.ReplaceAll(bl.Text.Text, "\n> ", "\n")) + "\n")
				}
			}
			text := shown.String()
			if strings.Contains(text, "trimmed") {
				t.Errorf("the summary was trimmed:\n%s", text)
			}
			for i, l := range s.Lines {
				if !strings.Contains(text, l.Text) {
					t.Errorf("line %d %q is not shown:\n%s", i+1, l.Text, text)
				}
			}
		})
	}
}
