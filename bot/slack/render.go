package slack

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/slack-go/slack"

	"github.com/parley-bot/parley/answers"
	"github.com/parley-bot/parley/bot"
)

// Slack's limits on one message. Parley stays inside them by splitting and
// trimming, with a note, so a reply is never rejected.
const (
	// MaxText is the longest plain-text fallback, in characters; Slack
	// truncates longer ones and recommends staying under 4,000.
	MaxText = 3900
	// MaxBlocks is the most blocks one message may carry.
	MaxBlocks = 50
	// MaxSection is the longest text of one section block, in characters.
	MaxSection = 3000
	// MaxContext is the longest text of one context element.
	MaxContext = 2000
)

// Message is one Slack message ready to post: Block Kit blocks and the
// plain-text fallback that notifications and screen readers use. Both are
// escaped for Slack's mrkdwn.
type Message struct {
	Text   string        `json:"text"`
	Blocks []slack.Block `json:"blocks"`
}

// slackHelp is how to reach Parley in Slack, added to the shared help.
const slackHelp = "In Slack: mention me with a question (I answer in a thread), send me a direct message, or use `/ask &lt;question&gt;`, `/ask sources`, `/ask summary`, `/ask help`."

// trimmedNote is appended when a reply had to be cut to fit.
const trimmedNote = "_(trimmed to fit Slack's message limits; ask a narrower question to see the rest)_"

var escaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// Escape makes s safe to echo in Slack text: &, < and > become entities,
// so nothing in s can form a link, a user mention (<@U…>) or a broadcast
// (<!channel>, <!here>, <!everyone>). Slack shows the text unchanged.
func Escape(s string) string { return escaper.Replace(s) }

var broadcastWord = regexp.MustCompile(`(?i)@(channel|here|everyone)\b`)

// EscapeUser is Escape for text a user typed: it also breaks the plain
// words @channel, @here and @everyone with a zero-width space, so no
// client setting can turn an echo into a ping.
func EscapeUser(s string) string {
	return broadcastWord.ReplaceAllString(Escape(s), "@\u200b$1")
}

// Render turns a reply into a Slack message. asked, when not empty, is the
// user's own text, echoed (escaped) above the answer: slash-command
// replies are seen by the whole channel without the question above them.
// A logged answer (r.ID) ends with its buttons: Helpful, Wrong and, when
// there are further sources, More sources.
func Render(r bot.Reply, asked string) Message {
	var blocks []slack.Block
	var text []string
	if asked = strings.TrimSpace(asked); asked != "" {
		blocks = append(blocks, contextBlock("*Asked:* "+EscapeUser(asked)))
	}
	if r.Carried.Shown() {
		blocks = append(blocks, contextBlock("_Following up on “"+EscapeUser(r.Carried.From)+"”: read as “"+EscapeUser(r.Carried.Read)+"”_"))
	}
	switch r.Kind {
	case bot.KindAnswer:
		b, t := renderAnswer(r)
		blocks, text = append(blocks, b...), t
	case bot.KindMore:
		blocks = append(blocks, section("*More sources for* “"+EscapeUser(r.Question)+"”"))
		text = []string{"More sources for “" + EscapeUser(r.Question) + "”"}
		for _, q := range r.Quotes {
			blocks = append(blocks, sections(blockQuote(q.Text), "> ")...)
			blocks = append(blocks, contextBlock(citation(q.Citation)))
			text = append(text, "> "+Escape(oneLine(q.Text))+" — "+Escape(bot.CitationText(q.Citation)))
		}
	case bot.KindSources:
		blocks = append(blocks, section("*I answer from these articles:*"))
		for i, c := range r.Sources {
			blocks = append(blocks, contextBlock(strconv.Itoa(i+1)+". "+citation(c)))
		}
		text = []string{Escape(r.Text)}
	case bot.KindHelp:
		blocks = append(blocks, sections(Escape(r.Text), "")...)
		blocks = append(blocks, contextBlock(slackHelp))
		text = []string{Escape(r.Text)}
	case bot.KindSummary:
		if r.Summary != nil {
			m := RenderSummary(*r.Summary)
			blocks, text = append(blocks, m.Blocks...), []string{m.Text}
			break
		}
		fallthrough
	default:
		blocks = append(blocks, sections(Escape(r.Text), "")...)
		text = []string{Escape(r.Text)}
	}
	m := fit(Message{Text: strings.Join(text, "\n"), Blocks: blocks})
	if r.Kind == bot.KindAnswer {
		// The buttons go after fitting, so a trim never drops them.
		m = withButtons(m, r)
	}
	return m
}

// The action ids of the buttons under an answer; each button's value is
// the answer's id.
const (
	ActionHelpful = "parley_helpful"
	ActionWrong   = "parley_wrong"
	ActionMore    = "parley_more"
)

// actionKinds maps the buttons' action ids to the bot's actions.
var actionKinds = map[string]string{ActionHelpful: bot.ActionHelpful, ActionWrong: bot.ActionWrong, ActionMore: bot.ActionMore}

// withButtons ends m with the buttons of answer r, if it was logged,
// keeping m within MaxBlocks.
func withButtons(m Message, r bot.Reply) Message {
	if r.ID == "" {
		return m
	}
	buttons := []slack.BlockElement{
		slack.NewButtonBlockElement(ActionHelpful, r.ID, slack.NewTextBlockObject(slack.PlainTextType, "Helpful", false, false)),
		slack.NewButtonBlockElement(ActionWrong, r.ID, slack.NewTextBlockObject(slack.PlainTextType, "Wrong", false, false)),
	}
	if r.More > 0 {
		buttons = append(buttons, slack.NewButtonBlockElement(ActionMore, r.ID, slack.NewTextBlockObject(slack.PlainTextType, "More sources", false, false)))
	}
	if len(m.Blocks) >= MaxBlocks {
		m.Blocks = append(m.Blocks[:MaxBlocks-2:MaxBlocks-2], contextBlock(trimmedNote))
	}
	m.Blocks = append(m.Blocks, slack.NewActionBlock("parley_feedback", buttons...))
	return m
}

// renderAnswer is the direct answer (verbatim spans of the first quote,
// or nothing when the quote speaks alone), then each quote as a block
// quote with its citation as a context line; further quotes are marked as
// also reported, or a conflict says so first.
func renderAnswer(r bot.Reply) ([]slack.Block, []string) {
	var blocks []slack.Block
	var text []string
	// The direct answer, unless it is empty or only the first quote repeated.
	if strings.TrimSpace(r.Text) != "" && (len(r.Quotes) == 0 || strings.TrimSpace(r.Text) != strings.TrimSpace(r.Quotes[0].Text)) {
		blocks = append(blocks, sections(Escape(r.Text), "")...)
		text = append(text, Escape(r.Text))
	}
	if r.Conflict {
		blocks = append(blocks, section("*The sources disagree.* Both sides, each cited:"))
		text = append(text, "The sources disagree; both sides:")
	}
	for i, q := range r.Quotes {
		if i > 0 && r.Conflict {
			blocks = append(blocks, slack.NewDividerBlock())
		}
		if i == 1 && !r.Conflict {
			blocks = append(blocks, contextBlock("*Also reported by:*"))
			text = append(text, "Also reported by:")
		}
		blocks = append(blocks, sections(blockQuote(q.Text), "> ")...)
		blocks = append(blocks, contextBlock(citation(q.Citation)))
		text = append(text, "> "+Escape(oneLine(q.Text))+" — "+Escape(bot.CitationText(q.Citation)))
	}
	return blocks, text
}

// RenderReport turns the curator's report into a Slack message: the
// questions people asked that went unanswered, grouped; the answers
// marked wrong, with their quotes; the topics asked about most.
func RenderReport(r bot.Report) Message {
	blocks := []slack.Block{
		section("*" + Escape(r.Title()) + "*"),
		contextBlock(Escape(strconv.Itoa(r.Asked) + " questions: " + strconv.Itoa(r.Answered) + " answered, " + strconv.Itoa(r.Refused) + " not.")),
		section("*Asked and not answered* (the articles to add):"),
	}
	if len(r.Unanswered) == 0 {
		blocks = append(blocks, contextBlock("none"))
	}
	for i, u := range r.Unanswered {
		line := strconv.Itoa(i+1) + ". " + EscapeUser(u.Question) + " — asked " + strconv.Itoa(u.Asked) + "×"
		if len(u.Wordings) > 0 {
			line += "\n_also as:_ " + EscapeUser("“"+strings.Join(u.Wordings, "”; “")+"”")
		}
		blocks = append(blocks, sections(line, "")...)
	}
	blocks = append(blocks, slack.NewDividerBlock(), section("*Answers marked wrong:*"))
	if len(r.Wrong) == 0 {
		blocks = append(blocks, contextBlock("none"))
	}
	for i, w := range r.Wrong {
		line := strconv.Itoa(i+1) + ". " + EscapeUser(w.Question) + " — wrong for " + strconv.Itoa(w.Wrong) + ", helpful for " + strconv.Itoa(w.Helpful)
		if w.Answer != "" {
			line += "\n_answered:_ " + Escape(w.Answer)
		}
		blocks = append(blocks, sections(line, "")...)
		for _, q := range w.Quotes {
			blocks = append(blocks, sections(blockQuote(q.Text), "> ")...)
			blocks = append(blocks, contextBlock(citation(q.Citation)))
		}
	}
	topics := make([]string, len(r.Topics))
	for i, t := range r.Topics {
		topics[i] = EscapeUser(t.Name) + " (" + strconv.Itoa(t.Count) + ")"
	}
	if len(topics) > 0 {
		blocks = append(blocks, slack.NewDividerBlock(), section("*Most asked about:* "+strings.Join(topics, ", ")))
	}
	return fit(Message{Text: EscapeUser(bot.ReportText(r)), Blocks: blocks})
}

// RenderSummary turns the daily summary into a Slack message: the title,
// then each line with its quotes and citations. A message holds 50
// blocks, so when every quote in full would need more, the lines show
// less — the first quote of each in full and the others by their sources
// (a disagreement keeps both sides), then the sources alone — but every
// line, always.
func RenderSummary(s answers.Summary) Message {
	var m Message
	for detail := summaryFull; detail <= summarySources; detail++ {
		m = renderSummary(s, detail)
		if len(m.Blocks) <= MaxBlocks {
			break
		}
	}
	return fit(m)
}

// How much of each summary line's quotes RenderSummary shows.
const (
	summaryFull    = iota // every quote in full
	summaryFirst          // the first quote (every side of a disagreement); the others by source
	summarySources        // the sources alone
)

func renderSummary(s answers.Summary, detail int) Message {
	blocks := []slack.Block{section("*" + Escape(s.Title) + "*")}
	text := []string{Escape(s.Title)}
	for _, l := range s.Lines {
		text = append(text, "• "+Escape(l.Text))
		// A line that is only its quote is shown as the quote.
		if len(l.Quotes) == 0 || strings.TrimSpace(l.Quotes[0].Text) != strings.TrimSpace(l.Text) || l.Conflict || detail == summarySources {
			line := "• " + Escape(l.Text)
			if l.Conflict {
				line += " _(the sources disagree)_"
			}
			blocks = append(blocks, sections(line, "")...)
		}
		var named []string
		for i, q := range l.Quotes {
			if detail == summarySources || detail == summaryFirst && i > 0 && !l.Conflict {
				named = append(named, citation(q.Citation))
				continue
			}
			blocks = append(blocks, sections(blockQuote(q.Text), "> ")...)
			blocks = append(blocks, contextBlock(citation(q.Citation)))
		}
		if len(named) > 0 {
			label := "Also reported by: "
			if detail == summarySources {
				label = "Sources: "
			}
			blocks = append(blocks, contextBlock(label+strings.Join(named, "; ")))
		}
	}
	if len(s.NewArticles) > 0 {
		blocks = append(blocks, slack.NewDividerBlock(), section("*New articles:*"))
		for _, c := range s.NewArticles {
			blocks = append(blocks, contextBlock(citation(c)))
		}
	}
	return Message{Text: strings.Join(text, "\n"), Blocks: blocks}
}

// citation is the context line for an article: title, outlet and date,
// leaving out what it does not state. The title links to Parley's page of
// the article at the quoted sentence when a public URL is set (c.Link),
// else to the article's own URL; with both, the article's URL follows as
// "source".
func citation(c answers.Citation) string {
	title := c.Title
	if title == "" {
		title = c.Article
	}
	head := "*" + Escape(title) + "*"
	source := webURL(c.URL)
	switch {
	case c.Link != "":
		head = link(c.Link, title)
	case source:
		head = link(c.URL, title)
	}
	parts := []string{head}
	if c.Outlet != "" {
		parts = append(parts, Escape(c.Outlet))
	}
	if c.Published != "" {
		parts = append(parts, Escape(c.Published))
	}
	if c.Link != "" && source {
		parts = append(parts, link(c.URL, "source"))
	}
	return strings.Join(parts, " · ")
}

// webURL reports whether u is an http(s) URL, the only kind Parley links.
func webURL(u string) bool {
	return strings.HasPrefix(u, "https://") || strings.HasPrefix(u, "http://")
}

// link is a mrkdwn link to u showing text. In a link, | ends the URL: it
// cannot appear unescaped in either part.
func link(u, text string) string {
	return "<" + strings.ReplaceAll(Escape(u), "|", "%7C") + "|" + strings.ReplaceAll(Escape(text), "|", "¦") + ">"
}

// blockQuote renders text as a mrkdwn block quote, escaped, every line
// marked.
func blockQuote(text string) string {
	return "> " + strings.ReplaceAll(Escape(strings.TrimSpace(text)), "\n", "\n> ")
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func section(mrkdwn string) slack.Block {
	return slack.NewSectionBlock(slack.NewTextBlockObject(slack.MarkdownType, mrkdwn, false, false), nil, nil)
}

func contextBlock(mrkdwn string) slack.Block {
	return slack.NewContextBlock("", slack.NewTextBlockObject(slack.MarkdownType, truncate(mrkdwn, MaxContext), false, false))
}

// sections is one section per MaxSection characters of mrkdwn, split at
// line or word breaks; each continuation starts with cont (the block
// quote marker for quotes).
func sections(mrkdwn, cont string) []slack.Block {
	var out []slack.Block
	for i, part := range split(mrkdwn, MaxSection-len(cont)) {
		if i > 0 && cont != "" && !strings.HasPrefix(part, cont) {
			part = cont + part
		}
		out = append(out, section(part))
	}
	return out
}

// split cuts s into pieces of at most limit characters, preferring line
// breaks, then spaces, and never cutting an entity such as &amp; in two.
func split(s string, limit int) []string {
	var out []string
	for utf8.RuneCountInString(s) > limit {
		cut := byteIndex(s, limit)
		at := strings.LastIndex(s[:cut], "\n")
		if at <= 0 {
			at = strings.LastIndex(s[:cut], " ")
		}
		if at <= 0 {
			at = entitySafe(s, cut)
		}
		if at <= 0 {
			at = cut
		}
		out = append(out, strings.TrimRight(s[:at], " \n"))
		s = strings.TrimLeft(s[at:], " \n")
	}
	if s != "" || len(out) == 0 {
		out = append(out, s)
	}
	return out
}

// truncate shortens s to at most limit characters, ending with an
// ellipsis when it cut.
func truncate(s string, limit int) string {
	if utf8.RuneCountInString(s) <= limit {
		return s
	}
	return s[:entitySafe(s, byteIndex(s, limit-1))] + "…"
}

// byteIndex is the byte offset of the n-th rune of s (len(s) if shorter).
func byteIndex(s string, n int) int {
	for i := range s {
		if n == 0 {
			return i
		}
		n--
	}
	return len(s)
}

// entitySafe moves a cut at byte i back to before any &…; entity it
// would split.
func entitySafe(s string, i int) int {
	if amp := strings.LastIndexByte(s[:i], '&'); amp >= 0 && i-amp < len("&amp;") && !strings.Contains(s[amp:i], ";") {
		return amp
	}
	return i
}

// fit keeps a message inside Slack's limits: at most MaxBlocks blocks (the
// last one a note when some were dropped) and a fallback text under
// MaxText characters.
func fit(m Message) Message {
	if len(m.Blocks) > MaxBlocks {
		m.Blocks = append(m.Blocks[:MaxBlocks-1:MaxBlocks-1], contextBlock(trimmedNote))
	}
	if utf8.RuneCountInString(m.Text) > MaxText {
		note := "\n" + trimmedNote
		m.Text = truncate(m.Text, MaxText-utf8.RuneCountInString(note)) + note
	}
	if m.Blocks == nil {
		m.Blocks = []slack.Block{}
	}
	return m
}
