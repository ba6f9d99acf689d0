package discord

import (
	"strconv"
	"strings"
	"unicode/utf16"

	"github.com/bwmarrin/discordgo"

	"github.com/parley-bot/parley/answers"
	"github.com/parley-bot/parley/bot"
)

// Discord's limits on a message, in characters (UTF-16 code units, as
// Discord's JavaScript counts them). Parley trims to them with a note and
// never sends a message Discord would reject.
const (
	maxContent     = 2000
	maxTitle       = 256
	maxDescription = 4096
	maxFields      = 25
	maxFieldName   = 256
	maxFieldValue  = 1024
	maxFooter      = 2048
	maxEmbedTotal  = 6000
)

// trimNote ends a message or embed Parley had to shorten.
const trimNote = "Trimmed to fit Discord's limits."

// Embed colours: answers green, disagreements amber, lists blue.
const (
	colorAnswer   = 0x2E7D32
	colorConflict = 0xEF6C00
	colorList     = 0x1565C0
)

// noMentions is set on every message: nothing Parley posts pings anyone,
// whatever the quoted text or question says.
func noMentions() *discordgo.MessageAllowedMentions {
	return &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}}
}

// replyData renders r as an interaction response. Answers, sources and
// summaries are public embeds; refusals, help, busy and error texts are
// ephemeral, seen only by the asker, and each says what to do next.
func replyData(r bot.Reply) *discordgo.InteractionResponseData {
	var e *discordgo.MessageEmbed
	switch r.Kind {
	case bot.KindAnswer:
		e = answerEmbed(r)
	case bot.KindMore:
		e = moreEmbed(r)
	case bot.KindSources:
		e = sourcesEmbed(r.Sources)
	case bot.KindSummary:
		if r.Summary != nil {
			return &discordgo.InteractionResponseData{Embeds: summaryEmbeds(*r.Summary), AllowedMentions: noMentions()}
		}
	}
	if e == nil {
		return ephemeral(r.Text)
	}
	d := &discordgo.InteractionResponseData{Embeds: []*discordgo.MessageEmbed{fit(e)}, AllowedMentions: noMentions()}
	if r.Kind == bot.KindAnswer {
		d.Components = buttons(r)
	}
	return d
}

// The custom ids of the buttons under an answer are "parley:<action>:<answer id>".
const customIDPrefix = "parley:"

// buttons are the components under a logged answer (r.ID): Helpful,
// Wrong and, when there are further sources, More sources.
func buttons(r bot.Reply) []discordgo.MessageComponent {
	if r.ID == "" {
		return nil
	}
	row := discordgo.ActionsRow{Components: []discordgo.MessageComponent{
		discordgo.Button{Label: "Helpful", Style: discordgo.SuccessButton, CustomID: customIDPrefix + bot.ActionHelpful + ":" + r.ID},
		discordgo.Button{Label: "Wrong", Style: discordgo.DangerButton, CustomID: customIDPrefix + bot.ActionWrong + ":" + r.ID},
	}}
	if r.More > 0 {
		row.Components = append(row.Components, discordgo.Button{Label: "More sources", Style: discordgo.SecondaryButton, CustomID: customIDPrefix + bot.ActionMore + ":" + r.ID})
	}
	return []discordgo.MessageComponent{row}
}

// actionOf reads one of Parley's buttons from a component's custom id.
func actionOf(customID string) (bot.Action, bool) {
	rest, ok := strings.CutPrefix(customID, customIDPrefix)
	if !ok {
		return bot.Action{}, false
	}
	kind, id, _ := strings.Cut(rest, ":")
	return bot.ParseAction(kind, id)
}

// moreEmbed shows the further sources of an answer's question, each
// quoted and cited.
func moreEmbed(r bot.Reply) *discordgo.MessageEmbed {
	e := &discordgo.MessageEmbed{
		Type:   discordgo.EmbedTypeRich,
		Title:  cut("More sources: "+escape(r.Question), maxTitle),
		Color:  colorList,
		Footer: &discordgo.MessageEmbedFooter{Text: "Quotes are verbatim from the articles · /sources lists them"},
	}
	for _, q := range r.Quotes {
		e.Fields = append(e.Fields, &discordgo.MessageEmbedField{
			Name:  cut(citationName(q.Citation), maxFieldName),
			Value: quoteBlock(q.Text) + "\n— " + citationMarkdown(q.Citation),
		})
	}
	return e
}

// ephemeral is a short text only the asker sees.
func ephemeral(text string) *discordgo.InteractionResponseData {
	return &discordgo.InteractionResponseData{
		Content:         trimText(text, maxContent),
		Flags:           discordgo.MessageFlagsEphemeral,
		AllowedMentions: noMentions(),
	}
}

// answerEmbed shows a cited answer: the direct answer and the best quote
// in the description, the citation as a field, and the article's link as
// the embed URL where the article has one. With a conflict, each side is
// its own field, quoted and cited.
func answerEmbed(r bot.Reply) *discordgo.MessageEmbed {
	e := &discordgo.MessageEmbed{
		Type:   discordgo.EmbedTypeRich,
		Title:  cut(escape(firstNonEmpty(r.Question, "Answer")), maxTitle),
		Color:  colorAnswer,
		Footer: &discordgo.MessageEmbedFooter{Text: "Quotes are verbatim from the articles · /sources lists them"},
	}
	if r.Carried.Shown() {
		e.Author = &discordgo.MessageEmbedAuthor{Name: cut("Following up on “"+r.Carried.From+"”: read as “"+r.Carried.Read+"”", maxTitle)}
	}
	if len(r.Quotes) == 0 {
		e.Description = escape(r.Text)
		return e
	}
	q0 := r.Quotes[0]
	// The title opens the quoted sentence on Parley's page when a public
	// URL is set, else the article itself where it has a URL.
	switch {
	case q0.Link != "":
		e.URL = q0.Link
	case webURL(q0.URL):
		e.URL = q0.URL
	}
	if r.Conflict {
		e.Color = colorConflict
		e.Description = escape(r.Text) + "\n\n**The sources disagree.** Each side is quoted below with its source."
		for i, q := range r.Quotes {
			e.Fields = append(e.Fields, &discordgo.MessageEmbedField{
				Name:  cut("Side "+strconv.Itoa(i+1)+": "+citationName(q.Citation), maxFieldName),
				Value: quoteBlock(q.Text) + "\n— " + citationMarkdown(q.Citation),
			})
		}
		return e
	}
	if t := strings.TrimSpace(r.Text); t == "" || t == strings.TrimSpace(q0.Text) {
		// No direct answer: the quote speaks alone.
		e.Description = quoteBlock(q0.Text)
	} else {
		e.Description = escape(r.Text) + "\n\n" + quoteBlock(q0.Text)
	}
	e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: "Source", Value: citationMarkdown(q0.Citation)})
	for _, q := range r.Quotes[1:] {
		e.Fields = append(e.Fields, &discordgo.MessageEmbedField{
			Name:  "Also reported",
			Value: quoteBlock(q.Text) + "\n— " + citationMarkdown(q.Citation),
		})
	}
	return e
}

// sourcesEmbed lists the articles, linked where they have a link.
func sourcesEmbed(srcs []answers.Citation) *discordgo.MessageEmbed {
	e := &discordgo.MessageEmbed{
		Type:   discordgo.EmbedTypeRich,
		Title:  "Sources",
		Color:  colorList,
		Footer: &discordgo.MessageEmbedFooter{Text: "Ask with /ask question: and your question"},
	}
	if len(srcs) == 0 {
		e.Description = "I don't have any articles yet."
		return e
	}
	blocks := make([]string, len(srcs))
	for i, c := range srcs {
		blocks[i] = strconv.Itoa(i+1) + ". " + citationMarkdown(c)
	}
	e.Description = "I answer from these articles:\n" + joinBlocks(blocks, "\n", maxDescription-40)
	return e
}

// maxEmbeds is the most embeds one message may carry.
const maxEmbeds = 10

// summaryEmbeds shows the daily summary as one message of embeds: each
// line with its quotes and citations, in as many embeds as the lines need
// (a description holds 4,096 characters), new articles as a field of the
// last. Discord's 6,000 characters are for all the embeds of a message
// together, so when the lines with every quote in full would pass them,
// the summary is shown with less per line — first the first quote of
// each line in full and the others by their sources (a disagreement keeps
// both sides), then each quote cut short, then the sources alone — but
// every line, always.
func summaryEmbeds(s answers.Summary) []*discordgo.MessageEmbed {
	var embeds []*discordgo.MessageEmbed
	for detail := fullQuotes; detail <= sourcesOnly; detail++ {
		embeds = packSummary(s, summaryBlocks(s, detail))
		if totalLength(embeds) <= maxEmbedTotal && len(embeds) <= maxEmbeds {
			return embeds
		}
	}
	// Six lines of sources alone never come near the limits; should a
	// summary ever, it is trimmed with a note rather than rejected.
	embeds = embeds[:min(len(embeds), maxEmbeds)]
	for i := range embeds {
		embeds[i] = fit(embeds[i])
	}
	for over := totalLength(embeds) - maxEmbedTotal; over > 0 && len(embeds) > 1; over = totalLength(embeds) - maxEmbedTotal {
		embeds = embeds[:len(embeds)-1]
	}
	return embeds
}

// How much of each line's quotes a summary shows.
const (
	fullQuotes  = iota // every quote in full
	firstQuote         // the first quote in full (every side of a disagreement), the others by source
	shortQuotes        // as firstQuote, each quote cut to summaryQuoteCut characters
	sourcesOnly        // no quotes: the sources by name
)

// summaryQuoteCut is how long a quote may be in a summary shown with
// shortQuotes.
const summaryQuoteCut = 200

// summaryBlocks renders each line of s at a level of detail.
func summaryBlocks(s answers.Summary, detail int) []string {
	blocks := make([]string, 0, len(s.Lines))
	for i, l := range s.Lines {
		var b strings.Builder
		b.WriteString("**" + strconv.Itoa(i+1) + ".** ")
		if l.Conflict {
			b.WriteString("*(the sources disagree)*")
		}
		quotedAlone := len(l.Quotes) > 0 && strings.TrimSpace(l.Text) == strings.TrimSpace(l.Quotes[0].Text)
		if !quotedAlone || detail == sourcesOnly {
			if l.Conflict {
				b.WriteString(" ")
			}
			b.WriteString(escape(l.Text))
		}
		var named []string
		for j, q := range l.Quotes {
			full := detail == fullQuotes || (detail < sourcesOnly && (j == 0 || l.Conflict))
			switch {
			case !full:
				named = append(named, citationMarkdown(q.Citation))
			case detail == shortQuotes:
				b.WriteString("\n" + quoteBlock(cut(q.Text, summaryQuoteCut)) + "\n— " + citationMarkdown(q.Citation))
			default:
				b.WriteString("\n" + quoteBlock(q.Text) + "\n— " + citationMarkdown(q.Citation))
			}
		}
		if len(named) > 0 {
			label := "Also reported by: "
			if detail == sourcesOnly {
				label = "Sources: "
			}
			b.WriteString("\n" + label + strings.Join(named, "; "))
		}
		blocks = append(blocks, b.String())
	}
	return blocks
}

// packSummary lays blocks out in embeds: the title on the first, the
// footer and the new articles on the last, each description as full as
// 4,096 characters allow without splitting a line.
func packSummary(s answers.Summary, blocks []string) []*discordgo.MessageEmbed {
	first := &discordgo.MessageEmbed{Type: discordgo.EmbedTypeRich, Title: cut(s.Title, maxTitle), Color: colorList}
	embeds := []*discordgo.MessageEmbed{first}
	if s.NothingNew || len(s.Lines) == 0 {
		first.Description = "No new articles since the last summary."
	}
	cur := first
	for _, blk := range blocks {
		blk = cut(blk, maxDescription)
		switch {
		case cur.Description == "":
			cur.Description = blk
		case length(cur.Description)+2+length(blk) <= maxDescription:
			cur.Description += "\n\n" + blk
		default:
			cur = &discordgo.MessageEmbed{Type: discordgo.EmbedTypeRich, Color: colorList, Description: blk}
			embeds = append(embeds, cur)
		}
	}
	last := embeds[len(embeds)-1]
	last.Footer = &discordgo.MessageEmbedFooter{Text: "Quotes are verbatim from the articles · " + s.Date}
	if len(s.NewArticles) > 0 {
		items := make([]string, len(s.NewArticles))
		for i, c := range s.NewArticles {
			items[i] = "• " + citationMarkdown(c)
		}
		last.Fields = append(last.Fields, &discordgo.MessageEmbedField{Name: "New articles", Value: joinBlocks(items, "\n", maxFieldValue-40)})
	}
	return embeds
}

// totalLength counts a message's embeds together, as Discord does for
// its 6,000 characters.
func totalLength(embeds []*discordgo.MessageEmbed) int {
	n := 0
	for _, e := range embeds {
		n += embedLength(e)
	}
	return n
}

// citationName is the short name of a source: its title, else its id.
func citationName(c answers.Citation) string {
	return firstNonEmpty(c.Title, c.Article)
}

// citationMarkdown renders a citation: the title, outlet, byline and date
// where stated, and the article id Parley's other outputs use. The title
// links to Parley's page of the article at the quoted sentence when a
// public URL is set (c.Link), else to the article's own URL; with both,
// the article's URL follows as "source".
func citationMarkdown(c answers.Citation) string {
	title := "*" + escape(citationName(c)) + "*"
	source := webURL(c.URL)
	switch {
	case c.Link != "":
		title = "[" + escape(citationName(c)) + "](" + mdURL(c.Link) + ")"
	case source:
		title = "[" + escape(citationName(c)) + "](" + mdURL(c.URL) + ")"
	}
	parts := []string{title}
	if c.Outlet != "" {
		parts = append(parts, escape(c.Outlet))
	}
	if c.Byline != "" {
		parts = append(parts, "by "+escape(c.Byline))
	}
	if c.Published != "" {
		parts = append(parts, c.Published)
	}
	if c.Link != "" && source {
		parts = append(parts, "[source]("+mdURL(c.URL)+")")
	}
	return strings.Join(parts, ", ") + " `" + strings.ReplaceAll(c.Article, "`", "") + "`"
}

// mdURL percent-encodes what would end a Markdown link's URL early.
var mdURL = strings.NewReplacer("(", "%28", ")", "%29", " ", "%20", "<", "%3C", ">", "%3E").Replace

// webURL reports whether u is an http(s) URL, the only kind Parley links:
// a javascript: or data: URL an article states is shown nowhere as a link.
func webURL(u string) bool {
	return strings.HasPrefix(u, "https://") || strings.HasPrefix(u, "http://")
}

// quoteBlock renders a verbatim quote as a Markdown block quote. The text
// is escaped, so Discord shows exactly the article's characters.
func quoteBlock(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	for i, l := range lines {
		lines[i] = "> " + escape(l)
	}
	return strings.Join(lines, "\n")
}

// mdEscaper backslash-escapes the characters Discord's Markdown would
// otherwise read as formatting.
var mdEscaper = strings.NewReplacer(
	`\`, `\\`, `*`, `\*`, `_`, `\_`, "`", "\\`", `~`, `\~`, `|`, `\|`, `>`, `\>`, `#`, `\#`, `[`, `\[`, `]`, `\]`,
)

// escape makes s display literally in Discord Markdown.
func escape(s string) string { return mdEscaper.Replace(s) }

// Unescape reverses escape; tests use it to compare displayed text with
// the articles.
func Unescape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) && strings.IndexByte("\\*_`~|>#[]", s[i+1]) >= 0 {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// joinBlocks joins whole blocks with sep up to limit characters; blocks
// that do not fit are counted in a closing "…and N more" line.
func joinBlocks(blocks []string, sep string, limit int) string {
	var b strings.Builder
	used := 0
	for i, blk := range blocks {
		add := length(blk)
		if i > 0 {
			add += length(sep)
		}
		if used+add > limit {
			if i == 0 {
				return cut(blk, limit)
			}
			b.WriteString(sep + "…and " + strconv.Itoa(len(blocks)-i) + " more. " + trimNote)
			return b.String()
		}
		if i > 0 {
			b.WriteString(sep)
		}
		b.WriteString(blk)
		used += add
	}
	return b.String()
}

// fit returns a copy of e within Discord's embed limits: every part cut to
// its own limit, at most 25 fields, 6,000 characters in all. When anything
// is cut, the footer says so.
func fit(e *discordgo.MessageEmbed) *discordgo.MessageEmbed {
	out := *e
	trimmed := false
	clip := func(s string, n int) string {
		if length(s) > n {
			trimmed = true
			return cut(s, n)
		}
		return s
	}
	out.Title = clip(out.Title, maxTitle)
	out.Description = clip(out.Description, maxDescription)
	if len(e.Fields) > maxFields {
		trimmed = true
	}
	out.Fields = nil
	for i, f := range e.Fields {
		if i == maxFields {
			break
		}
		out.Fields = append(out.Fields, &discordgo.MessageEmbedField{
			Name: clip(f.Name, maxFieldName), Value: clip(f.Value, maxFieldValue), Inline: f.Inline,
		})
	}
	footer := ""
	if e.Footer != nil {
		footer = e.Footer.Text
	}
	if e.Author != nil {
		a := *e.Author
		a.Name = clip(a.Name, maxTitle)
		out.Author = &a
	}
	setFooter := func() {
		text := footer
		if trimmed {
			text = trimNote
			if footer != "" {
				text += " " + footer
			}
		}
		if text == "" {
			out.Footer = nil
			return
		}
		f := discordgo.MessageEmbedFooter{Text: cut(text, maxFooter)}
		if e.Footer != nil {
			f.IconURL = e.Footer.IconURL
		}
		out.Footer = &f
	}
	setFooter()
	for over := embedLength(&out) - maxEmbedTotal; over > 0; over = embedLength(&out) - maxEmbedTotal {
		if !trimmed {
			trimmed = true
			setFooter()
			continue
		}
		d := length(out.Description)
		switch {
		case d > maxFieldValue:
			out.Description = cut(out.Description, max(maxFieldValue, d-over))
		case len(out.Fields) > 0:
			out.Fields = out.Fields[:len(out.Fields)-1]
		case d > 0:
			out.Description = cut(out.Description, max(0, d-over))
		default:
			out.Footer = nil
			out.Title = cut(out.Title, max(0, length(out.Title)-over))
		}
	}
	return &out
}

// embedLength counts an embed's characters as Discord does for its
// 6,000-character total: title, description, field names and values,
// footer text and author name.
func embedLength(e *discordgo.MessageEmbed) int {
	n := length(e.Title) + length(e.Description)
	for _, f := range e.Fields {
		n += length(f.Name) + length(f.Value)
	}
	if e.Footer != nil {
		n += length(e.Footer.Text)
	}
	if e.Author != nil {
		n += length(e.Author.Name)
	}
	return n
}

// length counts s in UTF-16 code units, as Discord does.
func length(s string) int {
	n := 0
	for _, r := range s {
		n += runeLen(r)
	}
	return n
}

// cut shortens s to at most n UTF-16 units, ending with "…" when cut,
// and never splits a character.
func cut(s string, n int) string {
	if length(s) <= n {
		return s
	}
	if n <= 0 {
		return ""
	}
	var b strings.Builder
	used := 0
	for _, r := range s {
		w := runeLen(r)
		if used+w > n-1 {
			break
		}
		b.WriteRune(r)
		used += w
	}
	return strings.TrimRight(b.String(), " \n") + "…"
}

// runeLen is r's length in UTF-16 units.
func runeLen(r rune) int {
	if w := utf16.RuneLen(r); w > 0 {
		return w
	}
	return 1
}

// trimText cuts plain content to n characters with a note saying so.
func trimText(s string, n int) string {
	if length(s) <= n {
		return s
	}
	return cut(s, n-length(trimNote)-1) + "\n" + trimNote
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			return s
		}
	}
	return ""
}
