package discord

import (
	"strconv"
	"strings"

	"github.com/bwmarrin/discordgo"

	"github.com/parley-bot/parley/bot"
)

// reportEmbeds shows the curator's report: the questions that went
// unanswered and the topics in one embed, the answers marked wrong with
// their quotes in another, within Discord's 6,000 characters for the
// message (the wrong answers' quotes are cut first).
func reportEmbeds(r bot.Report) []*discordgo.MessageEmbed {
	head := &discordgo.MessageEmbed{Type: discordgo.EmbedTypeRich, Title: cut(r.Title(), maxTitle), Color: colorList}
	var b strings.Builder
	b.WriteString(strconv.Itoa(r.Asked) + " questions: " + strconv.Itoa(r.Answered) + " answered, " + strconv.Itoa(r.Refused) + " not.\n\n**Asked and not answered** (the articles to add):")
	if len(r.Unanswered) == 0 {
		b.WriteString("\nnone")
	}
	items := make([]string, len(r.Unanswered))
	for i, u := range r.Unanswered {
		item := strconv.Itoa(i+1) + ". " + escape(u.Question) + " — asked " + strconv.Itoa(u.Asked) + "×"
		if len(u.Wordings) > 0 {
			item += "\n   *also as:* “" + escape(strings.Join(u.Wordings, "”; “")) + "”"
		}
		items[i] = item
	}
	if len(items) > 0 {
		b.WriteString("\n" + joinBlocks(items, "\n", maxDescription/2))
	}
	head.Description = b.String()
	if len(r.Topics) > 0 {
		topics := make([]string, len(r.Topics))
		for i, t := range r.Topics {
			topics[i] = escape(t.Name) + " (" + strconv.Itoa(t.Count) + ")"
		}
		head.Fields = append(head.Fields, &discordgo.MessageEmbedField{Name: "Most asked about", Value: cut(strings.Join(topics, ", "), maxFieldValue)})
	}
	wrong := &discordgo.MessageEmbed{Type: discordgo.EmbedTypeRich, Title: "Answers marked wrong", Color: colorConflict,
		Footer: &discordgo.MessageEmbedFooter{Text: "Parley's weekly report · questions are kept for the report, never who asked"}}
	if len(r.Wrong) == 0 {
		wrong.Description = "none"
	}
	for quoteCut := 1000; ; quoteCut /= 2 {
		wrong.Fields = nil
		for i, w := range r.Wrong {
			if i == maxFields {
				break
			}
			var v strings.Builder
			if w.Answer != "" {
				v.WriteString("*answered:* " + escape(w.Answer) + "\n")
			}
			for _, q := range w.Quotes {
				v.WriteString(quoteBlock(cut(q.Text, quoteCut)) + "\n— " + citationMarkdown(q.Citation) + "\n")
			}
			wrong.Fields = append(wrong.Fields, &discordgo.MessageEmbedField{
				Name:  cut(strconv.Itoa(i+1)+". "+w.Question+" — wrong for "+strconv.Itoa(w.Wrong)+", helpful for "+strconv.Itoa(w.Helpful), maxFieldName),
				Value: cut(strings.TrimSpace(v.String()), maxFieldValue),
			})
		}
		embeds := []*discordgo.MessageEmbed{fit(head), fit(wrong)}
		if totalLength(embeds) <= maxEmbedTotal || quoteCut < 50 {
			for over := totalLength(embeds) - maxEmbedTotal; over > 0 && len(embeds[1].Fields) > 0; over = totalLength(embeds) - maxEmbedTotal {
				embeds[1].Fields = embeds[1].Fields[:len(embeds[1].Fields)-1]
			}
			return embeds
		}
	}
}
