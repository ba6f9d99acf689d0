package discord

import (
	"context"
	"encoding/json"
	"flag"
	"net/http"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"

	"github.com/parley-bot/parley/answers"
	"github.com/parley-bot/parley/bot"
	"github.com/parley-bot/parley/bot/bottest"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

var (
	citeBloomberg = answers.Citation{
		Article: "003_7c3a7c60cc464903", Title: "US and Ukraine held 'constructive' talks in Florida, Witkoff says",
		Outlet: "Bloomberg News", Byline: "Se Young Lee", Published: "2025-12-02", URL: "https://example.com/news/talks",
	}
	citeBare = answers.Citation{Article: "000_2daefb0e2dba6216", Title: "Ukraine-US Talks Yield ‘Framework’ But Negotiations Continue"}
)

func goldenReplies() map[string]bot.Reply {
	long := strings.Repeat("The delegations met again in Florida and spoke at length about security guarantees. ", 120)
	var many []answers.Quote
	for range 40 {
		many = append(many, answers.Quote{Text: long[:1500], Citation: citeBare})
	}
	return map[string]bot.Reply{
		"answer": {
			Kind: bot.KindAnswer, Question: "Who met with Putin in Moscow?",
			Text: "Witkoff and Kushner",
			Quotes: []answers.Quote{
				{Text: "Witkoff and Kushner met Putin in Moscow on Tuesday.", Citation: citeBloomberg},
				{Text: "Putin received the US envoys at the Kremlin.", Citation: citeBare},
			},
		},
		"answer_empty": {
			Kind: bot.KindAnswer, Question: "What did the envoys do in Moscow?",
			Quotes: []answers.Quote{{Text: "Witkoff and Kushner met Putin in Moscow on Tuesday.", Citation: citeBloomberg}},
		},
		"answer_is_quote": {
			Kind: bot.KindAnswer, Question: "Where did the talks take place?",
			Text:   "The talks took place in Florida.",
			Quotes: []answers.Quote{{Text: "The talks took place in Florida.", Citation: citeBare}},
		},
		"conflict": {
			Kind: bot.KindAnswer, Question: "How many points does the plan have?", Conflict: true,
			Text: "The articles give different numbers of points.",
			Quotes: []answers.Quote{
				{Text: "The plan has 28 points.", Citation: citeBloomberg},
				{Text: "The revised plan has 20 points.", Citation: citeBare},
			},
		},
		"markdown_and_mentions": {
			Kind: bot.KindAnswer, Question: "What did *they* say to @everyone?",
			Text:   "They said `nothing` to @everyone.",
			Quotes: []answers.Quote{{Text: "A source said: **no deal** _yet_ > see #general, @here <@123>.", Citation: citeBare}},
		},
		"trimmed": {Kind: bot.KindAnswer, Question: strings.Repeat("why ", 100), Conflict: true, Text: long, Quotes: many},
		"sources": {Kind: bot.KindSources, Text: "…", Sources: []answers.Citation{citeBare, citeBloomberg}},
		"summary": {Kind: bot.KindSummary, Text: "…", Summary: &answers.Summary{
			Date: "2025-12-06", Title: "Parley daily summary — Saturday 6 December 2025",
			Lines: []answers.SummaryLine{
				{Text: "Talks continued in Florida.", Quotes: []answers.Quote{{Text: "The talks took place in Florida.", Citation: citeBare}}},
				{Text: "Witkoff and Kushner met Putin in Moscow on Tuesday.", Quotes: []answers.Quote{{Text: "Witkoff and Kushner met Putin in Moscow on Tuesday.", Citation: citeBloomberg}}, Conflict: true},
			},
			NewArticles: []answers.Citation{citeBloomberg},
		}},
		"refusal": {Kind: bot.KindRefusal, Text: "Sorry, I don't know: the articles I have don't answer that. " + testHint},
		"busy":    {Kind: bot.KindBusy, Text: bot.BusyText},
		// With http.public_url: every title opens Parley's page at the
		// quoted sentence; an article's own URL follows as "source".
		"answer_linked": {
			Kind: bot.KindAnswer, Question: "Who met with Putin in Moscow?",
			Text: "Witkoff and Kushner",
			Quotes: []answers.Quote{
				{Text: "Witkoff and Kushner met Putin in Moscow on Tuesday.", Sentence: 3, Citation: bottest.Linked(citeBloomberg, 3)},
				{Text: "Putin received the US envoys at the Kremlin.", Sentence: 12, Citation: bottest.Linked(citeBare, 12)},
			},
		},
		"conflict_linked": {
			Kind: bot.KindAnswer, Question: "How many points does the plan have?", Conflict: true,
			Text: "The articles give different numbers of points.",
			Quotes: []answers.Quote{
				{Text: "The plan has 28 points.", Sentence: 5, Citation: bottest.Linked(citeBloomberg, 5)},
				{Text: "The revised plan has 20 points.", Sentence: 7, Citation: bottest.Linked(citeBare, 7)},
			},
		},
		"sources_linked": {Kind: bot.KindSources, Text: "…", Sources: []answers.Citation{bottest.Linked(citeBare, 0), bottest.Linked(citeBloomberg, 0)}},
		// A logged answer carries its buttons; More sources only when
		// there are further sources.
		"answer_buttons": {
			Kind: bot.KindAnswer, Question: "Who met with Putin in Moscow?", ID: "0123456789abcdef0123456789abcdef", More: 2,
			Text:   "Witkoff and Kushner",
			Quotes: []answers.Quote{{Text: "Witkoff and Kushner met Putin in Moscow on Tuesday.", Citation: citeBloomberg}},
		},
		// A follow-up says how it was read, above the answer.
		"followup": {
			Kind: bot.KindAnswer, Question: "How long did it last?", ID: "0123456789abcdef0123456789abcdef",
			Carried: &answers.Carried{From: "Who met with Putin in Moscow?", Read: "How long did met with Putin in Moscow last?"},
			Text:    "five-hour",
			Quotes:  []answers.Quote{{Text: "His five-hour talks with Witkoff were useful.", Citation: citeBare}},
		},
		"more": {
			Kind: bot.KindMore, Question: "Who met *Putin*?", Text: "More sources",
			Quotes: []answers.Quote{
				{Text: "Witkoff and Kushner met Putin in Moscow on Tuesday.", Citation: citeBloomberg},
				{Text: "Putin received the US envoys at the Kremlin.", Sentence: 12, Citation: bottest.Linked(citeBare, 12)},
			},
		},
		"note": {Kind: bot.KindNote, Text: "Thanks — I've noted that this answer helped."},
		// An article URL that is not http(s) is never a link.
		"answer_javascript_url": {
			Kind: bot.KindAnswer, Question: "q", Text: "a",
			Quotes: []answers.Quote{{Text: "t", Citation: answers.Citation{Article: "x", Title: "T", URL: "javascript:alert(1)"}}},
		},
	}
}

func TestRenderGolden(t *testing.T) {
	for name, r := range goldenReplies() {
		t.Run(name, func(t *testing.T) {
			d := replyData(r)
			got, err := json.MarshalIndent(d, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			checkNoMentions(t, got)
			for _, e := range d.Embeds {
				checkLimits(t, e)
			}
			bottest.Golden(t, *update, filepath.Join("testdata", name+".golden"), "replyData("+name+")", got)
		})
	}
}

// checkLimits fails t if e breaks any of Discord's embed limits.
func checkLimits(t *testing.T, e *discordgo.MessageEmbed) {
	t.Helper()
	if n := length(e.Title); n > maxTitle {
		t.Errorf("title is %d characters", n)
	}
	if n := length(e.Description); n > maxDescription {
		t.Errorf("description is %d characters", n)
	}
	if len(e.Fields) > maxFields {
		t.Errorf("%d fields", len(e.Fields))
	}
	for _, f := range e.Fields {
		if length(f.Name) > maxFieldName || length(f.Value) > maxFieldValue {
			t.Errorf("field %q is %d/%d characters", f.Name, length(f.Name), length(f.Value))
		}
	}
	if e.Footer != nil && length(e.Footer.Text) > maxFooter {
		t.Errorf("footer is %d characters", length(e.Footer.Text))
	}
	if n := embedLength(e); n > maxEmbedTotal {
		t.Errorf("embed is %d characters in all", n)
	}
}

func TestTrimmedWithNote(t *testing.T) {
	r := goldenReplies()["trimmed"]
	e := replyData(r).Embeds[0]
	checkLimits(t, e)
	if e.Footer == nil || !strings.HasPrefix(e.Footer.Text, trimNote) {
		t.Errorf("trimmed embed has no note: footer %+v", e.Footer)
	}
	plain := replyData(goldenReplies()["answer"]).Embeds[0]
	if plain.Footer != nil && strings.Contains(plain.Footer.Text, trimNote) {
		t.Errorf("untrimmed embed says it was trimmed")
	}
	long := ephemeral(strings.Repeat("ü", 5000))
	if n := length(long.Content); n > maxContent || !strings.HasSuffix(long.Content, trimNote) {
		t.Errorf("ephemeral content %d characters, note %v", n, strings.HasSuffix(long.Content, trimNote))
	}
}

// longAnswerer answers everything with an answer far over Discord's limits.
type longAnswerer struct{ bot.Answerer }

func (longAnswerer) Answer(ctx context.Context, q string) (answers.Answer, error) {
	r := goldenReplies()["trimmed"]
	return answers.Answer{Question: q, Answered: true, Answer: r.Text, Quotes: r.Quotes, Conflict: true, Confidence: 1}, nil
}

func TestOverlongAnswerTrimmedNotRejected(t *testing.T) {
	h := newHarness(t, withAnswerer(func(a bot.Answerer) bot.Answerer { return longAnswerer{a} }))
	status, raw := h.signed(interaction("70", "ask", "question", "Tell me everything"))
	if status != http.StatusOK {
		t.Fatalf("status %d", status)
	}
	resp := decodeResponse(t, raw)
	if resp.Data == nil || len(resp.Data.Embeds) != 1 {
		t.Fatalf("response %s has no embed", raw[:min(len(raw), 300)])
	}
	checkLimits(t, resp.Data.Embeds[0])
	if f := resp.Data.Embeds[0].Footer; f == nil || !strings.Contains(f.Text, trimNote) {
		t.Errorf("no trim note in footer %+v", f)
	}
}

func TestCutNeverSplitsCharacters(t *testing.T) {
	tests := []struct {
		in   string
		n    int
		want string
	}{
		{"hello", 5, "hello"},
		{"hello", 4, "hel…"},
		{"😀😀😀", 4, "😀…"}, // each is two UTF-16 units
		{"😀😀😀", 3, "😀…"},
		{"abc", 0, ""},
		{"ab  cd", 4, "ab…"},
	}
	for _, tt := range tests {
		if got := cut(tt.in, tt.n); got != tt.want || length(got) > tt.n {
			t.Errorf("cut(%q, %d) = %q, want %q", tt.in, tt.n, got, tt.want)
		}
	}
}

func TestEscapeRoundTrip(t *testing.T) {
	for _, s := range []string{"plain", `a*b_c~d|e>f#g[h]i\j` + "`k`", "@everyone <@1>"} {
		if got := Unescape(escape(s)); got != s {
			t.Errorf("Unescape(escape(%q)) = %q", s, got)
		}
	}
}

func FuzzFit(f *testing.F) {
	f.Add("title", strings.Repeat("d", 5000), 30, strings.Repeat("v", 2000), "😀")
	f.Add("", "", 0, "", "")
	f.Fuzz(func(t *testing.T, title, desc string, fields int, value, footer string) {
		fields = max(0, min(fields, 60))
		e := &discordgo.MessageEmbed{Title: title, Description: desc, Footer: &discordgo.MessageEmbedFooter{Text: footer}}
		for range fields {
			e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: title, Value: value})
		}
		checkLimits(t, fit(e))
	})
}

// testHint stands for the hint the engine draws from its store.
const testHint = "I answer from 2 articles, such as “Talks resume”; ask about Geneva, for example. Type \"sources\" to list the articles."

// TestEverySummaryLineReachesDiscord: the built-in summary used to lose
// its last two lines, the disagreement among them ("…and 2 more"), with
// 4,292 of 6,000 characters used. Every line must reach Discord, within
// its limits, in the reply and in the posted message alike.
func TestEverySummaryLineReachesDiscord(t *testing.T) {
	for name, s := range bottest.Summaries(t) {
		t.Run(name, func(t *testing.T) {
			embeds := replyData(bot.Reply{Kind: bot.KindSummary, Summary: &s}).Embeds
			if len(embeds) > maxEmbeds || totalLength(embeds) > maxEmbedTotal {
				t.Fatalf("%d embeds, %d characters in all", len(embeds), totalLength(embeds))
			}
			var shown strings.Builder
			for _, e := range embeds {
				checkLimits(t, e)
				shown.WriteString(Unescape(e.Description) + "\n")
			}
			text := shown.String()
			if strings.Contains(text, "more. "+trimNote) {
				t.Errorf("lines were dropped:\n%s", text)
			}
			for i, l := range s.Lines {
				if !strings.Contains(text, l.Text) && !strings.Contains(text, l.Quotes[0].Text) {
					t.Errorf("line %d %q is not shown:\n%s", i+1, l.Text, text)
				}
			}
			if !reflect.DeepEqual(summaryEmbeds(s), embeds) {
				t.Error("the posted summary differs from the reply's")
			}
		})
	}
}

func TestRenderReportGolden(t *testing.T) {
	r := bottest.Report("@everyone", citeBare)
	embeds := reportEmbeds(r)
	if totalLength(embeds) > maxEmbedTotal {
		t.Errorf("report is %d characters", totalLength(embeds))
	}
	for _, e := range embeds {
		checkLimits(t, e)
	}
	got, err := json.MarshalIndent(embeds, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	bottest.Golden(t, *update, filepath.Join("testdata", "report.golden"), "reportEmbeds", got)
}
