package web

import (
	"errors"
	"log/slog"
	"net/http"
	"strings"
	"unicode/utf8"

	"github.com/parley-bot/parley/answers"
	"github.com/parley-bot/parley/bot"
	"github.com/parley-bot/parley/store"
)

// maxID bounds an article id in a URL; longer ones are not looked up.
const maxID = 512

// articles serves GET /articles: every article, with what it states of
// itself.
func (s *Server) articles(w http.ResponseWriter, r *http.Request) {
	arts, err := s.lib.Articles(r.Context())
	if err != nil {
		s.internal(w, r, "list articles", err)
		return
	}
	p := page{Title: "Articles", Nav: "articles", Articles: make([]citeView, len(arts))}
	for i, a := range arts {
		p.Articles[i] = s.cite(answers.CitationOf(a), 0)
	}
	s.render(w, r, http.StatusOK, "articles", p)
}

// article serves GET /articles/{id}: the article's cleaned text, each
// sentence a <span id="sN">, so /articles/{id}#sN opens on sentence N
// highlighted (CSS :target). The id is only ever a key for the store.
func (s *Server) article(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	if id == "" || len(id) > maxID || !utf8.ValidString(id) {
		s.notFound(w, r)
		return
	}
	ctx := r.Context()
	a, err := s.lib.Article(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		s.notFound(w, r)
		return
	}
	if err != nil {
		s.internal(w, r, "read article", err)
		return
	}
	body, err := s.lib.Body(ctx, id)
	if err != nil {
		s.internal(w, r, "read article", err)
		return
	}
	sents, err := s.lib.Sentences(ctx, id)
	if err != nil {
		s.internal(w, r, "read article", err)
		return
	}
	c := s.cite(answers.CitationOf(a), 0)
	s.render(w, r, http.StatusOK, "article", page{
		Title: c.Title, Nav: "articles", Article: &c, Paragraphs: paragraphs(body, sents),
	})
}

// paragraphs lays out an article's body with its sentences marked. Each
// stored sentence is a trimmed substring of its paragraph, so the page
// shows the body exactly: sentences in spans, whatever lies between them
// as plain text. Should a sentence not be found in its paragraph (a body
// and sentences out of step), that paragraph is shown as its sentences
// alone, each still marked.
func paragraphs(body string, sents []store.Sentence) []paragraph {
	paras := strings.Split(body, "\n\n")
	byPara := make([][]store.Sentence, len(paras))
	for _, st := range sents {
		if st.Paragraph < 0 || st.Paragraph >= len(paras) {
			return sentencesOnly(sents)
		}
		byPara[st.Paragraph] = append(byPara[st.Paragraph], st)
	}
	out := make([]paragraph, 0, len(paras))
	for i, text := range paras {
		p, ok := mark(text, byPara[i])
		if !ok {
			p = sentencesOnly(byPara[i])[0]
		}
		out = append(out, p)
	}
	return out
}

// mark splits text into its sentences and the text between them.
func mark(text string, sents []store.Sentence) (paragraph, bool) {
	p := paragraph{}
	if len(sents) > 0 {
		p.Heading = sents[0].Heading
	}
	at := 0
	for _, st := range sents {
		i := strings.Index(text[at:], st.Text)
		if i < 0 || st.Text == "" {
			return paragraph{}, false
		}
		if i > 0 {
			p.Parts = append(p.Parts, part{Text: text[at : at+i]})
		}
		p.Parts = append(p.Parts, part{ID: bot.SentenceID(st.Position + 1), Text: st.Text})
		at += i + len(st.Text)
	}
	if at < len(text) {
		p.Parts = append(p.Parts, part{Text: text[at:]})
	}
	return p, true
}

// sentencesOnly lays out sentences without the body: one paragraph per
// paragraph number, sentences joined by a space.
func sentencesOnly(sents []store.Sentence) []paragraph {
	var out []paragraph
	last := -1
	for _, st := range sents {
		if len(out) == 0 || st.Paragraph != last {
			out = append(out, paragraph{Heading: st.Heading})
			last = st.Paragraph
		}
		p := &out[len(out)-1]
		if len(p.Parts) > 0 {
			p.Parts = append(p.Parts, part{Text: " "})
		}
		p.Parts = append(p.Parts, part{ID: bot.SentenceID(st.Position + 1), Text: st.Text})
	}
	if len(out) == 0 {
		out = append(out, paragraph{})
	}
	return out
}

func (s *Server) notFound(w http.ResponseWriter, r *http.Request) {
	s.render(w, r, http.StatusNotFound, "problem", page{
		Title: "No such article", Nav: "articles", Problem: "No such article",
		Detail: "Parley has no article with that id. The list of articles is under Articles.",
	})
}

// internal logs err once and shows a fixed, friendly page.
func (s *Server) internal(w http.ResponseWriter, r *http.Request, op string, err error) {
	s.log.Error("web: "+op, slog.String("path", r.URL.Path), slog.Any("err", err))
	s.fail(w, r, http.StatusInternalServerError, "Something went wrong", "Sorry, something went wrong on Parley’s side. Please try again in a moment.")
}
