// Package bot is Parley's conversation logic, the same on every platform:
// it turns a Request (who asked what, where) into a Reply (a cited answer,
// a refusal, help or the list of sources). Adapters in bot/slack,
// bot/discord and bot/console only translate and deliver; none of their
// types reach this package.
package bot

import (
	"context"
	"log/slog"
	"strconv"
	"strings"
	"time"

	"github.com/parley-bot/parley/answers"
)

// Answerer is what the bot needs of the answer engine.
type Answerer interface {
	Answer(ctx context.Context, question string) (answers.Answer, error)
	// FollowUp answers a question as the next turn of a conversation
	// whose last question was prev (nil for none).
	FollowUp(ctx context.Context, prev *answers.Turn, question string) (answers.Answer, error)
	Sources(ctx context.Context) ([]answers.Citation, error)
	Summary(ctx context.Context, day time.Time) (answers.Summary, error)
	// Hint says what can be asked, from what the store holds.
	Hint(ctx context.Context) (string, error)
}

// Poster delivers the daily summary to one channel of one platform;
// slack.Poster and discord.Poster implement it with their native
// formatting and nothing but a bot token.
type Poster interface {
	// Platform names the platform, for the post log and metrics.
	Platform() string
	// PostSummary posts s to channel and returns the platform's message
	// id. When the request went out and no answer came back its error
	// wraps ErrMaybePosted, and the daily job does not post again.
	PostSummary(ctx context.Context, channel string, s answers.Summary) (messageID string, err error)
}

// Request is one message addressed to Parley.
type Request struct {
	Platform string // "slack", "discord", "console"
	Channel  string
	User     string
	Thread   string
	Text     string // the question or command, with any mention of the bot removed
	// EventID is the platform's id for the event or interaction, logged
	// with the outcome so an operator can trace one question; optional.
	EventID string
	// Conversation names the conversation the message belongs to, as
	// its adapter reckons it (a Slack thread or DM, a Discord channel and
	// user, a console session): a question may lean on the one before
	// in the same conversation. Empty: every message stands alone.
	Conversation string
	// Action, when set, is a button pressed under an answer rather than
	// a message: Text is then unused.
	Action *Action
}

// The actions of the buttons under an answer.
const (
	ActionHelpful = "helpful" // the answer helped
	ActionWrong   = "wrong"   // the answer is wrong
	ActionMore    = "more"    // show the next sources for the same question
)

// Action is a button pressed under an answer: which, and the answer's id
// (Reply.ID).
type Action struct {
	Kind   string `json:"kind"`
	Answer string `json:"answer"`
}

// ParseAction reads an action from its kind and answer id as a button
// carries them, or reports false for anything that is not one of
// Parley's buttons.
func ParseAction(kind, answer string) (Action, bool) {
	switch kind {
	case ActionHelpful, ActionWrong, ActionMore:
	default:
		return Action{}, false
	}
	if !validAnswerID(answer) {
		return Action{}, false
	}
	return Action{Kind: kind, Answer: answer}, true
}

// Kind says what a Reply is, so adapters can render each natively.
type Kind int

// The kinds of Reply.
const (
	KindAnswer  Kind = iota // a cited answer
	KindRefusal             // the articles don't answer it; Text says what can be asked
	KindHelp                // how to use Parley
	KindSources             // the articles Parley knows
	KindSummary             // the daily summary; Summary is set
	KindBusy                // too much work in flight; try again
	KindError               // something failed inside; Text is a fixed, friendly message
	KindNote                // a short note for whoever pressed a button (feedback taken); not for the channel
	KindMore                // more sources for an answer's question; Quotes are set
)

// String names the kind, for logs and metric labels.
func (k Kind) String() string {
	switch k {
	case KindAnswer:
		return "answered"
	case KindRefusal:
		return "refused"
	case KindHelp:
		return "help"
	case KindSources:
		return "sources"
	case KindSummary:
		return "summary"
	case KindBusy:
		return "busy"
	case KindNote:
		return "note"
	case KindMore:
		return "more"
	default:
		return "error"
	}
}

// Reply is what Parley says back. Text is always set and reads well alone
// (notifications, screen readers); the other fields carry the parts for
// rich rendering.
type Reply struct {
	Kind       Kind
	Text       string
	Question   string // the question as understood (normalised), for echoing
	Quotes     []answers.Quote
	Conflict   bool
	Confidence float64
	Sources    []answers.Citation
	Summary    *answers.Summary
	// Carried says what a follow-up took from the question before it;
	// renderers show it, so the asker sees how Parley read the question.
	Carried *answers.Carried
	// ID is the answer's id in the question log, which the buttons under
	// it carry (feedback, More sources); empty when nothing was logged.
	ID string
	// More is how many further sources "More sources" would show.
	More int
}

// ErrorText is what users see when something fails inside Parley; the
// detail goes to the log, never to the chat.
const ErrorText = "Sorry, something went wrong on my side while answering. Please try again in a moment."

// BusyText is what users see when Parley has too much work in flight.
const BusyText = "I'm busy answering other questions right now. Please try again in a few seconds."

// HelpText explains how to use Parley, on every platform; the help reply
// adds what the store's articles are about (Answerer.Hint).
const HelpText = "I'm Parley. I answer questions about the news articles in my store, " +
	"and every answer quotes and cites the article it comes from. If the articles don't say, I tell you so.\n" +
	"Ask who, what, where, when, how many or why: \"Who met whom?\", \"Where did the talks take place?\", \"What did she say about the plan?\"\n" +
	"Commands: help — this message; sources — the articles I know; summary — the daily summary."

// Bot is the platform-independent conversation core. It is safe for
// concurrent use.
type Bot struct {
	engine  Answerer
	log     *slog.Logger
	metrics *Metrics
	memory  *Memory
	// Now is the clock "summary" reads today from, in the summary's time
	// zone; nil means time.Now. Set it before the bot handles requests.
	Now func() time.Time
}

// Remember makes the bot keep conversations, the questions people ask
// and their feedback in m (see Memory); without it every message stands
// alone and answers have no buttons. Call it before the bot handles
// requests.
func (b *Bot) Remember(m *Memory) { b.memory = m }

// New returns a bot answering from engine, logging to log and counting in
// metrics (nil for unexported metrics); a nil log discards.
func New(engine Answerer, log *slog.Logger, metrics *Metrics) *Bot {
	if metrics == nil {
		metrics = NewMetrics(nil)
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Bot{engine: engine, log: log, metrics: metrics}
}

// Metrics returns the metrics the bot counts in, for adapters to share.
func (b *Bot) Metrics() *Metrics { return b.metrics }

// Handle answers one request. It never fails: an internal error becomes a
// KindError reply with a friendly text, logged here once.
func (b *Bot) Handle(ctx context.Context, req Request) Reply {
	start := time.Now()
	reply := b.handle(ctx, req)
	took := time.Since(start)
	b.metrics.Questions.WithLabelValues(req.Platform, reply.Kind.String()).Inc()
	b.metrics.AnswerSeconds.WithLabelValues(req.Platform).Observe(took.Seconds())
	// One line per question, with ids and never the text: message bodies
	// stay out of logs. The console user sees the reply itself, so there
	// the line is debug only.
	level := slog.LevelInfo
	if req.Platform == "console" {
		level = slog.LevelDebug
	}
	b.log.LogAttrs(ctx, level, "question",
		slog.String("platform", req.Platform), slog.String("channel", req.Channel),
		slog.String("user", req.User), slog.String("event_id", req.EventID),
		slog.String("outcome", reply.Kind.String()), slog.Duration("latency", took))
	return reply
}

func (b *Bot) handle(ctx context.Context, req Request) Reply {
	if req.Action != nil {
		return b.act(ctx, req)
	}
	text := strings.TrimSpace(req.Text)
	switch command(text) {
	case "help":
		hint, err := b.engine.Hint(ctx)
		if err != nil {
			return b.fail(req, "help", err)
		}
		return Reply{Kind: KindHelp, Text: HelpText + "\n" + hint}
	case "sources":
		srcs, err := b.engine.Sources(ctx)
		if err != nil {
			return b.fail(req, "list sources", err)
		}
		return Reply{Kind: KindSources, Text: SourcesText(srcs), Sources: srcs}
	case "summary":
		return b.summary(ctx, req, b.now())
	}
	if day, ok, valid := summaryDay(text, b.now().Location()); ok {
		if !valid {
			return Reply{Kind: KindRefusal, Text: SummaryDateHint, Question: text}
		}
		return b.summary(ctx, req, day)
	}
	return b.answer(ctx, req, text)
}

// answer answers a question: as a follow-up when the request belongs to a
// conversation the bot remembers, logged for the report and the buttons
// when it keeps a log.
func (b *Bot) answer(ctx context.Context, req Request, text string) Reply {
	var ans answers.Answer
	var err error
	key := b.memory.conversation(req)
	switch {
	case key != "":
		prev := b.memory.turn(ctx, b.log, key, b.now())
		ans, err = b.engine.FollowUp(ctx, prev, text)
	case b.memory != nil:
		// No conversation, but the log keeps the further sources.
		ans, err = b.engine.FollowUp(ctx, nil, text)
	default:
		ans, err = b.engine.Answer(ctx, text)
	}
	if err != nil {
		return b.fail(req, "answer", err)
	}
	if key != "" {
		b.memory.keep(ctx, b.log, key, ans.Next, b.now())
	}
	r := Reply{Kind: KindRefusal, Text: ans.Answer, Question: ans.Question, Carried: ans.Carried}
	if ans.Answered {
		r = Reply{
			Kind: KindAnswer, Text: ans.Answer, Question: ans.Question, Quotes: ans.Quotes,
			Conflict: ans.Conflict, Confidence: ans.Confidence, Carried: ans.Carried, More: len(ans.Further),
		}
	}
	r.ID = b.memory.record(ctx, b.log, req, ans, b.now())
	return r
}

func (b *Bot) now() time.Time {
	if b.Now != nil {
		return b.Now()
	}
	return time.Now()
}

func (b *Bot) summary(ctx context.Context, req Request, day time.Time) Reply {
	sum, err := b.engine.Summary(ctx, day)
	if err != nil {
		return b.fail(req, "summary", err)
	}
	return Reply{Kind: KindSummary, Text: SummaryText(sum), Summary: &sum}
}

// SummaryDateHint is the reply to "summary" with a day Parley cannot read.
const SummaryDateHint = "I can show the summary of a given day: write it as YYYY-MM-DD, for example \"summary 2025-12-07\"."

// summaryDay recognises "summary YYYY-MM-DD" (or "digest ..."): ok when
// the text is the command with one argument, valid when that argument is
// a real date, read in loc.
func summaryDay(text string, loc *time.Location) (day time.Time, ok, valid bool) {
	f := strings.Fields(strings.ToLower(strings.Trim(text, " /!?.\t")))
	if len(f) != 2 || (f[0] != "summary" && f[0] != "digest") {
		return time.Time{}, false, false
	}
	day, err := time.ParseInLocation(time.DateOnly, f[1], loc)
	return day, true, err == nil
}

func (b *Bot) fail(req Request, what string, err error) Reply {
	b.log.Error("handle request", slog.String("op", what), slog.String("platform", req.Platform),
		slog.String("channel", req.Channel), slog.Any("err", err))
	return Reply{Kind: KindError, Text: ErrorText}
}

// command recognises the bot's own commands: a message that is only the
// command word, with or without a leading slash or trailing punctuation.
func command(text string) string {
	w := strings.ToLower(strings.Trim(text, " /!?.\t"))
	switch w {
	case "help", "?", "", "hi", "hello", "commands":
		return "help"
	case "sources", "source", "articles", "list sources":
		return "sources"
	case "summary", "digest":
		return "summary"
	}
	return ""
}

// SourcesText lists citations as plain text, one per line.
func SourcesText(srcs []answers.Citation) string {
	if len(srcs) == 0 {
		return "I don't have any articles yet."
	}
	var b strings.Builder
	b.WriteString("I answer from these articles:")
	for i, c := range srcs {
		b.WriteString("\n")
		b.WriteString(strconv.Itoa(i+1) + ". " + CitationText(c))
		if c.Link != "" {
			b.WriteString("\n   " + c.Link)
		}
	}
	return b.String()
}

// SummaryText renders a summary as plain text: the dated title; each line
// with the numbers of the articles it quotes (a disagreement also shows
// its quotes in full); then the articles new since the last summary and
// any others cited, numbered, with their citations.
func SummaryText(s answers.Summary) string {
	var b strings.Builder
	b.WriteString(s.Title)
	num := map[string]int{}
	var order []answers.Citation
	ref := func(c answers.Citation) int {
		if n, ok := num[c.Article]; ok {
			return n
		}
		order = append(order, c)
		num[c.Article] = len(order)
		return len(order)
	}
	for _, c := range s.NewArticles {
		ref(c)
	}
	for _, l := range s.Lines {
		refs := make([]string, len(l.Quotes))
		for i, q := range l.Quotes {
			refs[i] = strconv.Itoa(ref(q.Citation))
		}
		b.WriteString("\n• " + l.Text + " [" + strings.Join(refs, ", ") + "]")
		for i, q := range l.Quotes {
			if l.Conflict {
				b.WriteString("\n    [" + refs[i] + "] " + quoted(q.Text))
			}
			if q.Link != "" {
				b.WriteString("\n    [" + refs[i] + "] " + q.Link)
			}
		}
	}
	if s.NothingNew {
		return b.String()
	}
	for i, c := range order {
		switch {
		case i == 0 && len(s.NewArticles) > 0 && s.Since == "":
			b.WriteString("\nArticles:")
		case i == 0 && len(s.NewArticles) > 0:
			b.WriteString("\nNew since the last summary (" + s.Since + "):")
		case i == len(s.NewArticles):
			b.WriteString("\nAlso cited:")
		}
		b.WriteString("\n[" + strconv.Itoa(i+1) + "] " + CitationText(c))
		if page, _, _ := strings.Cut(c.Link, "#"); page != "" {
			b.WriteString("\n    " + page)
		}
	}
	return b.String()
}

// quoted puts text in quotation marks unless it already opens with one.
func quoted(text string) string {
	if strings.HasPrefix(text, "“") || strings.HasPrefix(text, "\"") {
		return text
	}
	return "“" + text + "”"
}

// CitationText renders a citation as one line of plain text, leaving out
// what the article does not state.
func CitationText(c answers.Citation) string {
	parts := []string{"“" + c.Title + "”"}
	if c.Title == "" {
		parts[0] = c.Article
	}
	if c.Outlet != "" {
		parts = append(parts, c.Outlet)
	}
	if c.Byline != "" {
		parts = append(parts, "by "+c.Byline)
	}
	if c.Published != "" {
		parts = append(parts, c.Published)
	}
	if c.URL != "" {
		parts = append(parts, c.URL)
	}
	return strings.Join(parts, ", ") + " [" + c.Article + "]"
}
