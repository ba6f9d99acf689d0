package bottest

import (
	"github.com/parley-bot/parley/answers"
	"github.com/parley-bot/parley/bot"
)

// Linked is c as bot.Links leaves it with http.public_url set to
// https://parley.example: linked to Parley's page of the article, at
// sentence n when n > 0.
func Linked(c answers.Citation, n int) answers.Citation {
	c.Link = "https://parley.example/articles/" + c.Article
	if n > 0 {
		c.Link += "#" + bot.SentenceID(n)
	}
	return c
}
