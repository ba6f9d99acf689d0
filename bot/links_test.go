package bot_test

import (
	"context"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/parley-bot/parley/answers"
	"github.com/parley-bot/parley/bot"
	"github.com/parley-bot/parley/store/storetest"
)

func TestNewLinks(t *testing.T) {
	tests := []struct {
		public, article, sentence string // sentence is article x, sentence 3
		ok                        bool
	}{
		{"", "", "", true},
		{"https://parley.example", "https://parley.example/articles/x", "https://parley.example/articles/x#s3", true},
		{"https://parley.example/", "https://parley.example/articles/x", "https://parley.example/articles/x#s3", true},
		{"http://10.0.0.5:8080/news//", "http://10.0.0.5:8080/news/articles/x", "http://10.0.0.5:8080/news/articles/x#s3", true},
		{"ftp://parley.example", "", "", false},
		{"javascript:alert(1)", "", "", false},
		{"/relative", "", "", false},
		{"https://", "", "", false},
		{"https://user:pw@parley.example", "", "", false},
		{"https://parley.example/?a=b", "", "", false},
		{"https://parley.example/#top", "", "", false},
		{"https://parley.example/a(b)", "https://parley.example/a%28b%29/articles/x", "https://parley.example/a%28b%29/articles/x#s3", true},
		{"https://parley.example/a|b", "https://parley.example/a%7Cb/articles/x", "https://parley.example/a%7Cb/articles/x#s3", true},
		{"https://parley example", "", "", false},
	}
	for _, tt := range tests {
		l, err := bot.NewLinks(tt.public)
		if (err == nil) != tt.ok {
			t.Errorf("NewLinks(%q) error = %v, want ok %v", tt.public, err, tt.ok)
			continue
		}
		if got := l.Article("x"); got != tt.article {
			t.Errorf("NewLinks(%q).Article(x) = %q, want %q", tt.public, got, tt.article)
		}
		if got := l.Sentence("x", 3); got != tt.sentence {
			t.Errorf("NewLinks(%q).Sentence(x, 3) = %q, want %q", tt.public, got, tt.sentence)
		}
	}
	l, _ := bot.NewLinks("https://parley.example/news")
	if got, want := l.Prefix(), "/news"; got != want {
		t.Errorf("Prefix() = %q, want %q", got, want)
	}
	// An id cannot leave /articles/ nor break a link in Slack or Markdown.
	if got, want := l.Sentence(`../a b|c>(d)`, 0), "https://parley.example/news/articles/..%2Fa%20b%7Cc%3E%28d%29"; got != want {
		t.Errorf("Sentence(hostile id) = %q, want %q", got, want)
	}
}

// TestLinkedAnswersPointAtTheQuotedSentence checks, over real answers and
// the real summary, that every quote's link names the sentence whose text
// it quotes, and that without a public URL nothing changes.
func TestLinkedAnswersPointAtTheQuotedSentence(t *testing.T) {
	ctx := context.Background()
	st := storetest.MustOpen(t)
	eng, err := answers.NewEngine(ctx, st)
	if err != nil {
		t.Fatal(err)
	}
	sents, err := st.Sentences(ctx)
	if err != nil {
		t.Fatal(err)
	}
	text := map[string]string{} // "article#sN" -> sentence
	for _, s := range sents {
		text[s.ArticleID+"#"+bot.SentenceID(s.Position+1)] = s.Text
	}
	l, err := bot.NewLinks("https://parley.example")
	if err != nil {
		t.Fatal(err)
	}
	linked := bot.Linked(eng, l)
	if plain := bot.Linked(eng, bot.Links{}); plain != bot.Answerer(eng) {
		t.Errorf("Linked without a public URL wrapped the engine")
	}
	check := func(what string, q answers.Quote) {
		t.Helper()
		anchor, ok := strings.CutPrefix(q.Link, "https://parley.example/articles/")
		if !ok {
			t.Errorf("%s: quote link %q is not an article page", what, q.Link)
			return
		}
		if got := text[anchor]; got != q.Text {
			t.Errorf("%s: %s is %q, the quote is %q", what, q.Link, got, q.Text)
		}
	}
	quotes := 0
	for _, question := range []string{"Who met with Putin in Moscow?", "How many points does the revised peace plan have?", "What did Ushakov say?", "Where did the talks take place?"} {
		plain, err := eng.Answer(ctx, question)
		if err != nil {
			t.Fatal(err)
		}
		a, err := linked.Answer(ctx, question)
		if err != nil {
			t.Fatal(err)
		}
		for _, q := range plain.Quotes {
			if q.Link != "" {
				t.Errorf("%q: the engine itself set a link", question)
			}
		}
		for _, q := range a.Quotes {
			check(question, q)
			quotes++
		}
	}
	sum, err := linked.Summary(ctx, time.Date(2025, 12, 8, 9, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range sum.Lines {
		for _, q := range line.Quotes {
			check("summary", q)
			quotes++
		}
	}
	for _, c := range sum.NewArticles {
		if c.Link != l.Article(c.Article) {
			t.Errorf("summary new article %s links %q, want its page", c.Article, c.Link)
		}
	}
	srcs, err := linked.Sources(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range srcs {
		if c.Link != "https://parley.example/articles/"+c.Article {
			t.Errorf("source %s links %q", c.Article, c.Link)
		}
	}
	if quotes < 10 {
		t.Errorf("checked %d quotes, want at least 10", quotes)
	}
}

func TestZeroLinksChangeNothing(t *testing.T) {
	a := answers.Answer{Answered: true, Quotes: []answers.Quote{{Text: "t", Sentence: 2, Citation: answers.Citation{Article: "x"}}}}
	if got := (bot.Links{}).Answer(a); !reflect.DeepEqual(got, a) {
		t.Errorf("zero Links changed an answer: %+v", got)
	}
	s := answers.Summary{Lines: []answers.SummaryLine{{Quotes: a.Quotes}}, NewArticles: []answers.Citation{{Article: "x"}}}
	if got := (bot.Links{}).Summary(s); !reflect.DeepEqual(got, s) {
		t.Errorf("zero Links changed a summary: %+v", got)
	}
	// Linking copies: the engine's slices are never written.
	l, _ := bot.NewLinks("https://p.example")
	_ = l.Answer(a)
	_ = l.Summary(s)
	if a.Quotes[0].Link != "" || s.Lines[0].Quotes[0].Link != "" || s.NewArticles[0].Link != "" {
		t.Errorf("Links wrote into its input")
	}
}
