package web

import (
	"context"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/parley-bot/parley/answers"
	"github.com/parley-bot/parley/bot"
)

// busyRetry is the Retry-After of a "busy" page.
const busyRetry = "5"

// ask serves GET /: the form, or with ?q= the answer page. An empty
// question is 400, a question over answers.MaxQuestion bytes 400, too many
// asks from one client 429, a full answer pool 503.
func (s *Server) ask(w http.ResponseWriter, r *http.Request) {
	values, asked := r.URL.Query()["q"]
	if !asked {
		s.render(w, r, http.StatusOK, "ask", page{Title: "Ask", Nav: "ask"})
		return
	}
	q := strings.TrimSpace(values[0])
	p := page{Title: "Ask", Nav: "ask", Question: q}
	switch {
	case q == "":
		p.Problem = "Please type a question."
		s.render(w, r, http.StatusBadRequest, "ask", p)
		return
	case len(q) > answers.MaxQuestion:
		p.Problem = "That question is too long: please keep it under 1,000 characters."
		s.render(w, r, http.StatusBadRequest, "ask", p)
		return
	}
	client := s.clients.of(r)
	if wait, ok := s.limiter.allow(client); !ok {
		s.tooMany(w, r, wait)
		return
	}
	reply := s.run(r.Context(), bot.Request{Platform: "web", Channel: "web", User: client.String(), Text: q})
	p.Title = q
	p.Reply = s.replyView(reply)
	w.Header().Set("Cache-Control", "no-store")
	s.render(w, r, s.status(w, reply.Kind), "ask", p)
}

// summary serves GET /summary: today's digest, or ?date=YYYY-MM-DD's.
func (s *Server) summary(w http.ResponseWriter, r *http.Request) {
	text := "summary"
	if date := r.URL.Query().Get("date"); date != "" {
		if _, err := time.Parse(time.DateOnly, date); err != nil {
			s.render(w, r, http.StatusBadRequest, "problem", page{
				Title: "Not a date", Nav: "summary", Problem: "Not a date",
				Detail: "Give the day as YYYY-MM-DD, for example 2025-12-07.",
			})
			return
		}
		text += " " + date
	}
	client := s.clients.of(r)
	if wait, ok := s.limiter.allow(client); !ok {
		s.tooMany(w, r, wait)
		return
	}
	reply := s.run(r.Context(), bot.Request{Platform: "web", Channel: "web", User: client.String(), Text: text})
	status := s.status(w, reply.Kind)
	if reply.Kind != bot.KindSummary || reply.Summary == nil {
		s.render(w, r, status, "problem", page{Title: "Daily summary", Nav: "summary", Problem: "No summary", Detail: reply.Text})
		return
	}
	sum := s.summaryView(*reply.Summary)
	s.render(w, r, status, "summary", page{Title: sum.Title, Nav: "summary", Summary: sum})
}

// status is the HTTP status of a reply: 503 (with Retry-After) when Parley
// is busy, 500 when it failed, else 200.
func (s *Server) status(w http.ResponseWriter, k bot.Kind) int {
	switch k {
	case bot.KindBusy:
		w.Header().Set("Retry-After", busyRetry)
		return http.StatusServiceUnavailable
	case bot.KindError:
		return http.StatusInternalServerError
	}
	return http.StatusOK
}

// run asks the bot on the shared pool, within the ask timeout. A full
// pool is a busy reply; a timeout an error reply (the bot logs its own
// failures; this one is logged here).
func (s *Server) run(ctx context.Context, req bot.Request) bot.Reply {
	ctx, cancel := context.WithTimeout(ctx, s.timeout)
	defer cancel()
	if s.pool == nil {
		return s.bot.Handle(ctx, req)
	}
	done := make(chan bot.Reply, 1)
	if !s.pool.TryGo(func() { done <- s.bot.Handle(ctx, req) }) {
		return bot.Reply{Kind: bot.KindBusy, Text: bot.BusyText}
	}
	select {
	case reply := <-done:
		return reply
	case <-ctx.Done():
		s.log.Warn("web: ask abandoned", slog.String("reason", context.Cause(ctx).Error()))
		return bot.Reply{Kind: bot.KindError, Text: bot.ErrorText}
	}
}
