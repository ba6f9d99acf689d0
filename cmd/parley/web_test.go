package main

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/parley-bot/parley/answers"
	"github.com/parley-bot/parley/bot"
	"github.com/parley-bot/parley/store"
	"github.com/parley-bot/parley/store/fetch"
	"github.com/parley-bot/parley/store/web"
	"github.com/parley-bot/parley/store/webtest"
)

// webStore fills a new store in dir from the fixture pages of the five
// seed articles (and no seeds), as `parley ingest URL...` would.
func webStore(t *testing.T, srv *webtest.Server, dir string) {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(dir, "parley.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	in := web.New(st, web.Options{
		Client:  fetch.New(fetch.Options{UserAgent: "Parley/test", AllowPrivate: true, MinDelay: -1}),
		Analyze: func(ctx context.Context, ids ...string) error { return answers.BuildFacts(ctx, st, ids...) },
	})
	for _, a := range webtest.Articles {
		if r := in.Page(ctx, srv.URL(a.Path)); r.Err != nil || r.Result != store.Added {
			t.Fatalf("ingest %s: %v %v", a.Path, r.Result, r.Err)
		}
	}
}

type askReply struct {
	Answered bool
	Answer   string
	Quotes   []struct {
		Text, Article, Title, Outlet, Byline, Published, URL string
	}
}

func askAll(t *testing.T, dir string, questions []string) []askReply {
	t.Helper()
	code, out, errs := cli(t, dir, strings.Join(questions, "\n")+"\n", "ask", "--json")
	if code != 0 {
		t.Fatalf("ask: exit %d: %s", code, errs)
	}
	var replies []askReply
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var r askReply
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("ask --json line %q: %v", sc.Text(), err)
		}
		replies = append(replies, r)
	}
	if len(replies) != len(questions) {
		t.Fatalf("%d replies to %d questions", len(replies), len(questions))
	}
	return replies
}

// devQuestions reads the answerable questions of the development set.
func devQuestions(t *testing.T) []string {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "..", "answers", "testdata", "questions.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var qs []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var q struct {
			Q          string `json:"q"`
			Answerable bool   `json:"answerable"`
		}
		if json.Unmarshal(sc.Bytes(), &q) == nil && q.Q != "" {
			qs = append(qs, q.Q)
		}
	}
	return qs
}

// TestHTMLAnswersAsSeeds asks the development questions of a store filled
// from the seed articles' web pages and of one filled from the .txt seeds:
// the answers and their top quotes must be the same, and the quotes from
// the web carry the metadata the pages state.
func TestHTMLAnswersAsSeeds(t *testing.T) {
	srv := webtest.NewServer(t)
	seedDir, webDir := t.TempDir(), t.TempDir()
	webStore(t, srv, webDir)
	qs := devQuestions(t)
	fromSeeds, fromWeb := askAll(t, seedDir, qs), askAll(t, webDir, qs)
	byURL := map[string]webtest.Article{}
	for _, a := range webtest.Articles {
		byURL[srv.URL(a.Path)] = a
	}
	same := 0
	for i, q := range qs {
		s, w := fromSeeds[i], fromWeb[i]
		agree := s.Answered == w.Answered && unframed(s.Answer) == unframed(w.Answer) && len(s.Quotes) > 0 == (len(w.Quotes) > 0) &&
			(len(s.Quotes) == 0 || s.Quotes[0].Text == w.Quotes[0].Text)
		if agree {
			same++
		} else {
			t.Logf("differs: %q\n  seeds: %v %q %.100q\n  web:   %v %q %.100q", q, s.Answered, s.Answer, firstQuote(s), w.Answered, w.Answer, firstQuote(w))
		}
		for _, qt := range w.Quotes {
			a, ok := byURL[qt.URL]
			if !ok || qt.Title != a.Title || qt.Outlet != a.Outlet || qt.Byline != a.Byline || qt.Published != a.Published || qt.Article != web.ID(qt.URL) {
				t.Errorf("%q: quote cites %+v, want the page's stated metadata", q, qt)
			}
		}
	}
	t.Logf("%d of %d development questions answer the same from the web pages as from the .txt seeds", same, len(qs))
	if same != len(qs) {
		t.Errorf("only %d of %d questions answer the same from HTML as from the seeds", same, len(qs))
	}
}

// unframed is a direct answer without the rendering that names sources,
// which differs by design: titles for the seeds, outlets for the pages.
func unframed(answer string) string {
	answer, _, _ = strings.Cut(answer, " Also reported by ")
	if strings.HasPrefix(answer, "The articles disagree") {
		return "The articles disagree"
	}
	return answer
}

func firstQuote(r askReply) string {
	if len(r.Quotes) == 0 {
		return ""
	}
	return r.Quotes[0].Text
}

// webCLI runs the CLI like cli with a config that lets it fetch the
// fixture site quickly (no delay between requests to one host).
func webCLI(t *testing.T, dir, stdin string, args ...string) (int, string, string) {
	t.Helper()
	cfg := filepath.Join(dir, "web.yaml")
	if err := os.WriteFile(cfg, []byte("ingest:\n  host_delay: 0s\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	return cli(t, dir, stdin, append([]string{"--config", cfg}, args...)...)
}

func TestIngestURLs(t *testing.T) {
	srv := webtest.NewServer(t)
	dir := t.TempDir()
	a0, a1 := srv.URL(webtest.Articles[0].Path), srv.URL(webtest.Articles[1].Path)
	code, out, errs := webCLI(t, dir, "", "ingest", "--allow-private", a0, a1, srv.URL(webtest.Missing), srv.URL(webtest.Binary), srv.URL(webtest.Front))
	if code != 1 {
		t.Errorf("ingest with bad URLs exited %d, want 1", code)
	}
	for _, want := range []string{"added     " + web.ID(a0) + " " + a0, "added     " + web.ID(a1), "2 added, 0 updated, 0 unchanged, 3 skipped"} {
		if !strings.Contains(out, want) {
			t.Errorf("stdout lacks %q:\n%s", want, out)
		}
	}
	for _, want := range []string{
		"skipped " + srv.URL(webtest.Missing) + ": 404 Not Found",
		"skipped " + srv.URL(webtest.Binary) + ": not an HTML page (application/pdf)",
		"skipped " + srv.URL(webtest.Front) + ": no article text found on the page",
	} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errs)
		}
	}
	if n := strings.Count(strings.TrimSpace(errs), "\n") + 1; n != 4 { // three skips and the closing error
		t.Errorf("stderr has %d lines, want one per failure and one summing up:\n%s", n, errs)
	}
	// Again: the same content is no change.
	code, out, _ = webCLI(t, dir, "", "ingest", "--allow-private", a0)
	if code != 0 || !strings.Contains(out, "0 added, 0 updated, 1 unchanged, 0 skipped") {
		t.Errorf("second ingest = %d %q, want unchanged", code, out)
	}
	// sources shows each web article's URL and date.
	_, out, _ = webCLI(t, dir, "", "sources")
	if !strings.Contains(out, a0) || !strings.Contains(out, "2025-12-05") || !strings.Contains(out, "The Northbridge Times") {
		t.Errorf("sources does not show the URL, date and outlet:\n%s", out)
	}
}

func TestIngestRefusesPrivateRedirect(t *testing.T) {
	srv := webtest.NewServer(t)
	dir := t.TempDir()
	code, _, errs := webCLI(t, dir, "", "ingest", srv.URL(webtest.ToLocalhost))
	if code != 1 || !strings.Contains(errs, "127.0.0.1 is a loopback address") {
		t.Errorf("redirect to 127.0.0.1 = exit %d, %q; want refused", code, errs)
	}
	code, _, errs = webCLI(t, dir, "", "ingest", "--allow-private", srv.URL(webtest.ToLocalhost))
	if code != 0 {
		t.Errorf("with --allow-private: exit %d, %s", code, errs)
	}
}

func TestIngestFeeds(t *testing.T) {
	srv := webtest.NewServer(t)
	dir := t.TempDir()
	code, out, errs := webCLI(t, dir, "", "ingest", "--feed", "--allow-private", srv.URL(webtest.WorldRSS), srv.URL(webtest.DigestAtom), srv.URL(webtest.TalksJSON))
	if code != 0 {
		t.Fatalf("ingest --feed exited %d: %s", code, errs)
	}
	for _, want := range []string{
		"feed " + srv.URL(webtest.WorldRSS) + ": 3 items, 3 pages fetched, 3 added, 0 updated, 0 unchanged, 0 skipped, 0 failed",
		"feed " + srv.URL(webtest.DigestAtom) + ": 3 items, 2 pages fetched, 3 added",
		"6 added, 0 updated, 5 unchanged, 0 skipped",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("stdout lacks %q:\n%s", want, out)
		}
	}
	// Read again: the feeds answer 304 and nothing is fetched.
	code, out, _ = webCLI(t, dir, "", "ingest", "--feed", "--allow-private", srv.URL(webtest.WorldRSS))
	if code != 0 || !strings.Contains(out, "not modified") {
		t.Errorf("second read = %d %q, want not modified", code, out)
	}
	// A feed with bad items: the good one is ingested, each bad one named, exit 1.
	code, out, errs = webCLI(t, dir, "", "ingest", "--feed", "--allow-private", srv.URL(webtest.MixedRSS))
	if code != 1 || strings.Count(errs, "skipped ") != 6 || !strings.Contains(out, "1 unchanged") {
		t.Errorf("mixed feed = exit %d\n%s\n%s", code, out, errs)
	}
	// A feed file.
	feedFile := filepath.Join(dir, "talks.json")
	os.WriteFile(feedFile, srv.Body(webtest.TalksJSON), 0o600)
	if code, out, errs := webCLI(t, dir, "", "ingest", "--feed", "--allow-private", feedFile); code != 0 || !strings.Contains(out, "5 unchanged") {
		t.Errorf("feed file = exit %d\n%s\n%s", code, out, errs)
	}
	// Not a feed.
	if code, _, errs := webCLI(t, dir, "", "ingest", "--feed", "--allow-private", srv.URL(webtest.Articles[0].Path)); code != 1 || !strings.Contains(errs, "not an RSS, Atom or JSON feed") {
		t.Errorf("a page as a feed = exit %d, %q", code, errs)
	}
	if code, _, errs := webCLI(t, dir, "", "ingest", "--feed"); code != 2 {
		t.Errorf("ingest --feed with nothing = exit %d, %q; want 2", code, errs)
	}
}

func TestIngestSavedPages(t *testing.T) {
	srv := webtest.NewServer(t)
	dir, pages := t.TempDir(), t.TempDir()
	for _, a := range webtest.Articles[:2] {
		os.WriteFile(filepath.Join(pages, filepath.Base(a.File)), srv.Body(a.Path), 0o600)
	}
	os.WriteFile(filepath.Join(pages, "note.txt"), []byte("A short note that was saved by hand. It has two sentences.\n"), 0o600)
	code, out, errs := webCLI(t, dir, "", "ingest", pages)
	if code != 0 || !strings.Contains(out, "3 added") {
		t.Errorf("ingest of a folder with .txt and .html = exit %d\n%s\n%s", code, out, errs)
	}
	one := filepath.Join(pages, filepath.Base(webtest.Articles[0].File))
	if code, out, _ := webCLI(t, dir, "", "ingest", one); code != 0 || !strings.Contains(out, "1 unchanged") {
		t.Errorf("ingest of one saved page again = exit %d\n%s", code, out)
	}
}

// TestServeFollowsFeeds runs serve with a feed in its config: the feed's
// article is answered without a restart and listed as new in the next
// daily summary, and /metrics counts the fetches.
func TestServeFollowsFeeds(t *testing.T) {
	srv := webtest.NewServer(t)
	dir := t.TempDir()
	m, _ := openTestMain(t, filepath.Join(dir, "parley.db"),
		"ingest: {allow_private: true, host_delay: 0s}\nfeeds:\n  - url: "+srv.URL(webtest.DigestAtom)+"\n    every: 1m\n    include: [tram]\n    outlet: Digest Wire\n")
	ask := func() bot.Reply {
		return m.Bot.Handle(context.Background(), bot.Request{Platform: "slack", Channel: "C1", Text: "By how many votes did the councillors back the tram plan?"})
	}
	if r := ask(); r.Kind == bot.KindAnswer {
		t.Fatalf("answered before the feed was read: %q", r.Text)
	}
	s := startServe(t, m)
	id := web.ID(srv.URL("/city/tram-extension-approved"))
	deadline := time.Now().Add(20 * time.Second)
	for {
		if _, err := m.Store.Article(context.Background(), id); err == nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the feed's article did not arrive within 20s")
		}
		time.Sleep(20 * time.Millisecond)
	}
	r := ask()
	if r.Kind != bot.KindAnswer || len(r.Quotes) == 0 || r.Quotes[0].Article != id || !strings.Contains(r.Quotes[0].Text, "31 votes to 9") {
		t.Fatalf("after the poll, Handle = %v %q %+v; want an answer quoting %s", r.Kind, r.Text, r.Quotes, id)
	}
	if q := r.Quotes[0]; q.Outlet != "Digest Wire" || q.Byline != "Marek Nowak" || q.Published != "2025-12-04" || q.URL != srv.URL("/city/tram-extension-approved") {
		t.Errorf("quote cites %+v, want the feed's stated metadata and the operator's outlet", q.Citation)
	}
	sum, err := m.Engine.Summary(context.Background(), time.Now())
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, c := range sum.NewArticles {
		found = found || c.Article == id
	}
	if !found {
		t.Errorf("the daily summary's new articles %+v lack %s", sum.NewArticles, id)
	}
	_, body := get(t, s.url("/metrics"))
	for _, want := range []string{`parley_web_fetches_total{kind="feed",outcome="fetched"} 1`, `parley_web_articles_total{result="added"} 1`} {
		if !strings.Contains(body, want) {
			t.Errorf("/metrics lacks %s", want)
		}
	}
}
