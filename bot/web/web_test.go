package web_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"html"
	"log/slog"
	"net/http"
	"net/netip"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/parley-bot/parley/answers"
	"github.com/parley-bot/parley/bot"
	"github.com/parley-bot/parley/bot/web"
	"github.com/parley-bot/parley/store"
)

const (
	firstSeed = "000_2daefb0e2dba6216"
	askPutin  = "/?q=Who+met+with+Putin+in+Moscow%3F"
	askPoints = "/?q=How+many+points+does+the+revised+peace+plan+have%3F"
)

func TestRoutesStatus(t *testing.T) {
	s := mustServer(t, seeded(t), web.Config{})
	tests := []struct {
		method, target string
		want           int
		has            string // in the body
	}{
		{"GET", "/", 200, `<label for="q">`},
		{"HEAD", "/", 200, ""},
		{"GET", askPutin, 200, "Also reported by"},
		{"GET", askPoints, 200, "The sources disagree"},
		{"GET", "/?q=What+is+the+weather+in+Kyiv%3F", 200, "No answer in the articles"},
		{"GET", "/?q=sources", 200, "The articles I answer from"},
		{"GET", "/?q=", 400, "Please type a question."},
		{"GET", "/?q=+%09+", 400, "Please type a question."},
		{"GET", "/?q=" + strings.Repeat("why+", 300), 400, "too long"},
		{"GET", "/articles", 200, `href="/articles/` + firstSeed + `"`},
		{"GET", "/articles/" + firstSeed, 200, `id="s1"`},
		{"GET", "/articles/no-such-article", 404, "No such article"},
		{"GET", "/articles/..%2f..%2f..%2fetc%2fpasswd", 404, "No such article"},
		{"GET", "/articles/%2fetc%2fpasswd", 404, "No such article"},
		{"GET", "/articles/seeds%2f000_2daefb0e2dba6216.txt", 404, "No such article"},
		{"GET", "/articles/" + strings.Repeat("a", 600), 404, "No such article"},
		{"GET", "/articles/%ff%fe", 404, "No such article"},
		{"GET", "/summary", 200, "Parley daily summary — Monday 8 December 2025"},
		{"GET", "/summary?date=2025-12-07", 200, "Sunday 7 December 2025"},
		{"GET", "/summary?date=tomorrow", 400, "YYYY-MM-DD"},
		{"GET", "/summary?date=2025-02-30", 400, "YYYY-MM-DD"},
		{"POST", "/", 405, ""},
		{"POST", "/?q=hi", 405, ""},
		{"PUT", "/articles", 405, ""},
		{"DELETE", "/articles/" + firstSeed, 405, ""},
		{"POST", "/summary", 405, ""},
		{"GET", "/nothing-here", 404, ""},
		{"GET", "/articles/" + firstSeed + "/more", 404, ""},
	}
	for _, tt := range tests {
		t.Run(tt.method+" "+tt.target[:min(len(tt.target), 60)], func(t *testing.T) {
			res, body := get(t, s, tt.method, tt.target)
			if res.StatusCode != tt.want {
				t.Fatalf("%s %s = %d, want %d\n%s", tt.method, tt.target, res.StatusCode, tt.want, body)
			}
			if !strings.Contains(body, tt.has) {
				t.Errorf("%s %s: body does not contain %q", tt.method, tt.target, tt.has)
			}
			if tt.want == 405 && res.Header.Get("Allow") == "" {
				t.Errorf("%s %s: 405 without an Allow header", tt.method, tt.target)
			}
			if tt.method == "HEAD" && body != "" {
				t.Errorf("HEAD %s sent a body of %d bytes", tt.target, len(body))
			}
		})
	}
}

var styleRE = regexp.MustCompile(`(?s)<style>(.*?)</style>`)

func TestSecurityHeaders(t *testing.T) {
	s := mustServer(t, seeded(t), web.Config{Auth: &web.Credentials{User: "ann", Password: "pw"}, Rate: web.Rate{PerMinute: 1000, Burst: 1000}})
	auth := func(r *http.Request) { r.SetBasicAuth("ann", "pw") }
	for _, target := range []string{"/", askPutin, "/?q=", "/articles", "/articles/" + firstSeed, "/articles/nope", "/summary", "/summary?date=x"} {
		for _, signedIn := range []bool{true, false} {
			edit := []func(*http.Request){}
			if signedIn {
				edit = append(edit, auth)
			}
			res, body := get(t, s, "GET", target, edit...)
			h := res.Header
			csp := h.Get("Content-Security-Policy")
			for _, want := range []string{"default-src 'none'", "frame-ancestors 'none'", "base-uri 'none'", "form-action 'self'"} {
				if !strings.Contains(csp, want) {
					t.Errorf("GET %s: CSP %q lacks %q", target, csp, want)
				}
			}
			if strings.Contains(csp, "unsafe") || strings.Contains(csp, "script-src") {
				t.Errorf("GET %s: CSP %q allows script or unsafe sources", target, csp)
			}
			for k, want := range map[string]string{
				"X-Content-Type-Options": "nosniff",
				"Referrer-Policy":        "no-referrer",
				"X-Frame-Options":        "DENY",
				"Content-Type":           "text/html; charset=utf-8",
			} {
				if got := h.Get(k); got != want {
					t.Errorf("GET %s: %s = %q, want %q", target, k, got, want)
				}
			}
			if strings.Contains(strings.ToLower(body), "<script") || eventAttr(body) != "" {
				t.Errorf("GET %s: page carries script", target)
			}
			// The inline style sheet is exactly what the CSP hash allows.
			m := styleRE.FindStringSubmatch(body)
			if m == nil {
				t.Fatalf("GET %s: no <style> in the page", target)
			}
			sum := sha256.Sum256([]byte(m[1]))
			if hash := "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"; !strings.Contains(csp, "style-src "+hash) {
				t.Errorf("GET %s: CSP %q does not allow the page's style sheet %s", target, csp, hash)
			}
		}
	}
	res, _ := get(t, s, "GET", askPutin, auth)
	if cc := res.Header.Get("Cache-Control"); cc != "no-store" {
		t.Errorf("answer page Cache-Control = %q, want no-store (a question is private)", cc)
	}
}

// hostile is an article whose every field tries to inject markup.
var hostile = store.Document{
	ID:     "zz_hostile",
	Title:  `<script>alert("title")</script>`,
	Outlet: `"><img src=x onerror=alert("outlet")>`,
	Byline: `<a href="javascript:alert('byline')">me</a>`,
	URL:    `javascript:alert("url")`,
	Body: "The delegates from Zorblat met in Quuxville <script>alert(\"body\")</script> on Monday.\n\n" +
		"They talked about \"><img src=x onerror=alert('img')> gardens and <style>body{display:none}</style> fences.",
}

// injected reports markup an attacker put in that survived as markup.
func injected(body string) []string {
	var found []string
	for _, bad := range []string{`<script`, `<img`, `<style>body`, `href="javascript:`, `href='javascript:`} {
		if strings.Contains(body, bad) {
			found = append(found, bad)
		}
	}
	if m := eventAttr(body); m != "" {
		found = append(found, m)
	}
	return found
}

var (
	tagRE    = regexp.MustCompile(`<[a-zA-Z][^>]*>`)
	quotedRE = regexp.MustCompile(`"[^"]*"|'[^']*'`)
	onRE     = regexp.MustCompile(`\son[a-z]+\s*=`)
)

// eventAttr finds a tag with an event handler attribute (onerror=…),
// looking at attribute names only: text inside a quoted value is data.
func eventAttr(body string) string {
	for _, tag := range tagRE.FindAllString(body, -1) {
		if onRE.MatchString(quotedRE.ReplaceAllString(tag, `""`)) {
			return tag
		}
	}
	return ""
}

func TestArticlePagesEscapeEverything(t *testing.T) {
	p := mustParley(t, hostile)
	s := mustServer(t, p, web.Config{})
	for _, target := range []string{"/articles", "/articles/" + hostile.ID} {
		res, body := get(t, s, "GET", target)
		if res.StatusCode != 200 {
			t.Fatalf("GET %s = %d", target, res.StatusCode)
		}
		if bad := injected(body); len(bad) > 0 {
			t.Errorf("GET %s: hostile markup survived: %q", target, bad)
		}
		for _, want := range []string{`&lt;script&gt;alert(&#34;title&#34;)&lt;/script&gt;`, `&#34;&gt;&lt;img src=x onerror=alert(&#34;outlet&#34;)&gt;`} {
			if !strings.Contains(body, want) {
				t.Errorf("GET %s: the escaped text %q is not shown", target, want)
			}
		}
		if strings.Contains(body, "source</a>") {
			t.Errorf("GET %s: a javascript: URL became a source link", target)
		}
	}
	_, body := get(t, s, "GET", "/articles/"+hostile.ID)
	if !strings.Contains(body, `Quuxville &lt;script&gt;alert(&#34;body&#34;)&lt;/script&gt; on Monday.`) {
		t.Errorf("article body is not shown escaped:\n%s", body)
	}
}

// canned is a bot that always gives the same reply: the engine cannot be
// steered to quote hostile text in every shape a reply can take.
type canned bot.Reply

func (c canned) Handle(ctx context.Context, req bot.Request) bot.Reply { return bot.Reply(c) }

func TestRepliesEscapeEverything(t *testing.T) {
	p := seeded(t)
	bad := answers.Citation{Article: `x"><script>alert(1)</script>`, Title: hostile.Title, Outlet: hostile.Outlet, Byline: hostile.Byline, URL: hostile.URL}
	q := answers.Quote{Text: `He said "><img src=x onerror=alert(1)> and <script>alert(2)</script>.`, Sentence: 3, Citation: bad}
	sum := answers.Summary{Date: "2025-12-08", Title: `<script>t</script>`, Lines: []answers.SummaryLine{
		{Text: `<img src=x onerror=alert(4)>`, Quotes: []answers.Quote{q}},
		{Text: `<script>5</script>`, Conflict: true, Quotes: []answers.Quote{q, q}},
	}, NewArticles: []answers.Citation{bad}}
	replies := map[string]bot.Reply{
		"answer":   {Kind: bot.KindAnswer, Text: `<script>alert("direct")</script>`, Quotes: []answers.Quote{q, q}},
		"conflict": {Kind: bot.KindAnswer, Text: `"><img onerror=alert(1)>`, Conflict: true, Quotes: []answers.Quote{q, q}},
		"refusal":  {Kind: bot.KindRefusal, Text: `Sorry <script>alert(3)</script>`},
		"sources":  {Kind: bot.KindSources, Text: "x", Sources: []answers.Citation{bad}},
		"summary":  {Kind: bot.KindSummary, Text: "x", Summary: &sum},
		"error":    {Kind: bot.KindError, Text: `<script>e</script>`},
	}
	for name, reply := range replies {
		t.Run(name, func(t *testing.T) {
			s, err := web.New(web.Config{Library: p.Store}, bot.Deps{Handler: canned(reply)})
			if err != nil {
				t.Fatal(err)
			}
			question := `"><script>alert('q')</script><img src=x onerror=alert(1)>`
			for _, target := range []string{"/?q=" + url.QueryEscape(question), "/summary"} {
				_, body := get(t, s, "GET", target)
				if bad := injected(body); len(bad) > 0 {
					t.Errorf("GET %s with a %s reply: hostile markup survived: %q\n%s", target, name, bad, body)
				}
			}
			_, body := get(t, s, "GET", "/?q="+url.QueryEscape(question))
			if !strings.Contains(body, `value="&#34;&gt;&lt;script&gt;alert(&#39;q&#39;)&lt;/script&gt;`) {
				t.Errorf("the question is not echoed escaped in the ask box")
			}
			// The quote's link stays inside /articles/: the id is path-escaped.
			for _, m := range regexp.MustCompile(`href="(/articles/[^"]*)"`).FindAllStringSubmatch(body, -1) {
				path, _, _ := strings.Cut(html.UnescapeString(m[1]), "#")
				if strings.Count(path, "/") != 2 || strings.Contains(path, "..") || strings.ContainsAny(path, `"<> `) {
					t.Errorf("citation link %q leaves /articles/ or carries markup", m[1])
				}
			}
		})
	}
}

var sentenceRE = regexp.MustCompile(`<span class="s" id="s(\d+)">(.*?)</span>`)

// TestArticlePageIsTheStoredText checks each article page shows the
// cleaned body exactly, and every stored sentence under its id.
func TestArticlePageIsTheStoredText(t *testing.T) {
	p := mustParley(t, hostile)
	s := mustServer(t, p, web.Config{})
	ctx := t.Context()
	arts, err := p.Store.Articles(ctx)
	if err != nil {
		t.Fatal(err)
	}
	tag := regexp.MustCompile(`<[^>]+>`)
	for _, a := range arts {
		_, page := get(t, s, "GET", "/articles/"+a.ID)
		sents, err := p.Store.Sentences(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		got := map[int]string{}
		for _, m := range sentenceRE.FindAllStringSubmatch(page, -1) {
			n, _ := strconv.Atoi(m[1])
			got[n] = html.UnescapeString(m[2])
		}
		if len(got) != len(sents) {
			t.Errorf("%s: page marks %d sentences, store has %d", a.ID, len(got), len(sents))
		}
		for _, st := range sents {
			if got[st.Position+1] != st.Text {
				t.Errorf("%s: #s%d = %q, want %q", a.ID, st.Position+1, got[st.Position+1], st.Text)
			}
		}
		body, err := p.Store.Body(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		start := strings.Index(page, `<div class="body">`)
		end := strings.Index(page, `</div>`)
		shown := html.UnescapeString(tag.ReplaceAllString(page[start:end], ""))
		if norm(shown) != norm(body) {
			t.Errorf("%s: page text differs from the stored body\npage: %q\nbody: %q", a.ID, norm(shown), norm(body))
		}
	}
}

func norm(s string) string { return strings.Join(strings.Fields(s), " ") }

var citeRE = regexp.MustCompile(`<figure[^>]*>\s*<blockquote><p>(.*?)</p></blockquote>\s*<figcaption>— <a href="(/articles/[^"#]+)#(s\d+)">`)

// TestCitationsOpenTheQuotedSentence follows every citation of a few
// answers and the summary to the article page and finds the quote there
// under the fragment's id.
func TestCitationsOpenTheQuotedSentence(t *testing.T) {
	s := mustServer(t, seeded(t), web.Config{})
	followed := 0
	for _, target := range []string{askPutin, askPoints, "/?q=What+did+Ushakov+say%3F", "/?q=Where+did+the+talks+take+place%3F", "/summary"} {
		_, body := get(t, s, "GET", target)
		for _, m := range citeRE.FindAllStringSubmatch(body, -1) {
			quote, path, id := html.UnescapeString(m[1]), m[2], m[3]
			res, page := get(t, s, "GET", path)
			if res.StatusCode != 200 {
				t.Fatalf("citation %s from %s = %d", path, target, res.StatusCode)
			}
			found := false
			for _, sm := range sentenceRE.FindAllStringSubmatch(page, -1) {
				if "s"+sm[1] == id {
					found = html.UnescapeString(sm[2]) == quote
					if !found {
						t.Errorf("%s#%s reads %q, the quote is %q", path, id, html.UnescapeString(sm[2]), quote)
					}
				}
			}
			if !found {
				t.Errorf("%s has no sentence %s quoting %q", path, id, quote)
			}
			followed++
		}
	}
	if followed < 8 {
		t.Errorf("followed %d citations, want at least 8: the pages lost their quotes", followed)
	}
}

func TestBasicAuth(t *testing.T) {
	var logs bytes.Buffer
	c := &clock{t: day}
	s := mustServer(t, seeded(t), web.Config{
		Auth: &web.Credentials{User: "ann", Password: "s3cret-pässword"},
		Rate: web.Rate{PerMinute: 60, Burst: 3},
	}, bot.Deps{Log: slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug})), Now: c.Now})
	tests := []struct {
		name       string
		user, pass string
		set        bool
		want       int
	}{
		{"right", "ann", "s3cret-pässword", true, 200},
		{"none", "", "", false, 401},
		{"wrong password", "ann", "s3cret", true, 401},
		{"wrong user", "bob", "s3cret-pässword", true, 401},
		{"empty", "", "", true, 401},
		{"longer password", "ann", "s3cret-pässword!", true, 401},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, _ := get(t, s, "GET", "/articles", from("192.0.2."+strconv.Itoa(i+1)+":4000"), func(r *http.Request) {
				if tt.set {
					r.SetBasicAuth(tt.user, tt.pass)
				}
			})
			if res.StatusCode != tt.want {
				t.Errorf("status = %d, want %d", res.StatusCode, tt.want)
			}
			if tt.want == 401 && !strings.HasPrefix(res.Header.Get("WWW-Authenticate"), "Basic ") {
				t.Errorf("401 without a Basic challenge: %q", res.Header.Get("WWW-Authenticate"))
			}
		})
	}
	// Guessing costs the same tokens as asking: the fourth wrong guess from
	// one client in a burst of three is refused outright.
	guess := func() int {
		res, _ := get(t, s, "GET", "/", from("198.51.100.7:1"), func(r *http.Request) { r.SetBasicAuth("ann", "guess") })
		return res.StatusCode
	}
	for i := range 3 {
		if got := guess(); got != 401 {
			t.Fatalf("guess %d = %d, want 401", i+1, got)
		}
	}
	if got := guess(); got != 429 {
		t.Errorf("fourth guess in a row = %d, want 429", got)
	}
	c.Advance(time.Second)
	if got := guess(); got != 401 {
		t.Errorf("a guess after the bucket refilled a token = %d, want 401", got)
	}
	if strings.Contains(logs.String(), "s3cret") || strings.Contains(logs.String(), "guess") {
		t.Errorf("a password reached the log:\n%s", logs.String())
	}
}

func TestRateLimit(t *testing.T) {
	c := &clock{t: day}
	s := mustServer(t, seeded(t), web.Config{
		Rate:           web.Rate{PerMinute: 6, Burst: 3}, // a token every 10 s
		TrustedProxies: []netip.Prefix{netip.MustParsePrefix("10.0.0.0/8")},
	}, bot.Deps{Now: c.Now})
	ask := func(addr string, edit ...func(*http.Request)) *http.Response {
		res, _ := get(t, s, "GET", askPutin, append(edit, from(addr))...)
		return res
	}
	xff := func(v string) func(*http.Request) {
		return func(r *http.Request) { r.Header.Set("X-Forwarded-For", v) }
	}
	for i := range 3 {
		// A client that is not a trusted proxy cannot escape its bucket
		// by claiming other addresses.
		if res := ask("203.0.113.5:1000", xff("198.51.100."+strconv.Itoa(i))); res.StatusCode != 200 {
			t.Fatalf("ask %d within the burst = %d", i+1, res.StatusCode)
		}
	}
	res := ask("203.0.113.5:2000", xff("198.51.100.99"))
	if res.StatusCode != 429 {
		t.Fatalf("ask beyond the burst = %d, want 429", res.StatusCode)
	}
	if got := res.Header.Get("Retry-After"); got != "10" {
		t.Errorf("Retry-After = %q, want 10", got)
	}
	if res, _ := get(t, s, "GET", "/summary", from("203.0.113.5:1")); res.StatusCode != 429 {
		t.Errorf("summary while limited = %d, want 429 (it costs an ask)", res.StatusCode)
	}
	if res, _ := get(t, s, "GET", "/articles/"+firstSeed, from("203.0.113.5:1")); res.StatusCode != 200 {
		t.Errorf("article page while limited = %d, want 200 (reading is not limited)", res.StatusCode)
	}
	if res := ask("203.0.113.6:1000"); res.StatusCode != 200 {
		t.Errorf("another client = %d, want 200", res.StatusCode)
	}
	c.Advance(10 * time.Second)
	if res := ask("203.0.113.5:1000"); res.StatusCode != 200 {
		t.Errorf("after 10 s = %d, want 200", res.StatusCode)
	}
	if res := ask("203.0.113.5:1000"); res.StatusCode != 429 {
		t.Errorf("second ask after 10 s = %d, want 429", res.StatusCode)
	}

	// Behind a trusted proxy, the client is the rightmost untrusted
	// address of X-Forwarded-For; what the client prepends is ignored.
	for i := range 3 {
		if res := ask("10.1.2.3:80", xff("192.0.2.44")); res.StatusCode != 200 {
			t.Fatalf("proxied ask %d = %d", i+1, res.StatusCode)
		}
	}
	if res := ask("10.1.2.3:80", xff("192.0.2.1, 192.0.2.44, 10.9.9.9")); res.StatusCode != 429 {
		t.Errorf("proxied client spoofing a left-hand address = %d, want 429", res.StatusCode)
	}
	if res := ask("10.1.2.3:80", xff("192.0.2.45")); res.StatusCode != 200 {
		t.Errorf("another proxied client = %d, want 200", res.StatusCode)
	}

	// IPv6 clients are limited per /64.
	for i := range 3 {
		if res := ask("[2001:db8:1:2::" + strconv.Itoa(i+1) + "]:443"); res.StatusCode != 200 {
			t.Fatalf("IPv6 ask %d = %d", i+1, res.StatusCode)
		}
	}
	if res := ask("[2001:db8:1:2::ffff]:443"); res.StatusCode != 429 {
		t.Errorf("a fourth address in the same /64 = %d, want 429", res.StatusCode)
	}
	if res := ask("[2001:db8:1:3::1]:443"); res.StatusCode != 200 {
		t.Errorf("another /64 = %d, want 200", res.StatusCode)
	}
}

func TestBusyPool(t *testing.T) {
	pool := bot.NewPool(1)
	release := make(chan struct{})
	if !pool.TryGo(func() { <-release }) {
		t.Fatal("could not take the pool's only slot")
	}
	defer close(release)
	s := mustServer(t, seeded(t), web.Config{Pool: pool})
	res, body := get(t, s, "GET", askPutin)
	if res.StatusCode != 503 || res.Header.Get("Retry-After") == "" {
		t.Errorf("ask with a full pool = %d (Retry-After %q), want 503 with Retry-After", res.StatusCode, res.Header.Get("Retry-After"))
	}
	if !strings.Contains(body, html.EscapeString(bot.BusyText)) {
		t.Errorf("busy page does not say so:\n%s", body)
	}
}

func TestPrefix(t *testing.T) {
	s := mustServer(t, seeded(t), web.Config{Prefix: "/parley"})
	_, body := get(t, s, "GET", askPutin)
	hrefs := regexp.MustCompile(`(?:href|action)="([^"#][^"]*)"`).FindAllStringSubmatch(body, -1)
	if len(hrefs) < 5 {
		t.Fatalf("only %d links on the answer page", len(hrefs))
	}
	for _, m := range hrefs {
		if !strings.HasPrefix(m[1], "/parley/") {
			t.Errorf("link %q is not under the prefix /parley/", m[1])
		}
	}
}

func TestNewRejectsBadOptions(t *testing.T) {
	p := seeded(t)
	deps := bot.Deps{Handler: p.Bot}
	tests := map[string]struct {
		cfg  web.Config
		deps bot.Deps
	}{
		"no bot":           {web.Config{Library: p.Store}, bot.Deps{}},
		"no library":       {web.Config{}, deps},
		"user only":        {web.Config{Library: p.Store, Auth: &web.Credentials{User: "a"}}, deps},
		"password only":    {web.Config{Library: p.Store, Auth: &web.Credentials{Password: "a"}}, deps},
		"negative rate":    {web.Config{Library: p.Store, Rate: web.Rate{PerMinute: -1}}, deps},
		"prefix no slash":  {web.Config{Library: p.Store, Prefix: "parley"}, deps},
		"prefix end slash": {web.Config{Library: p.Store, Prefix: "/parley/"}, deps},
	}
	for name, tt := range tests {
		if _, err := web.New(tt.cfg, tt.deps); err == nil {
			t.Errorf("New with %s: no error", name)
		}
	}
	if _, err := web.New(web.Config{Library: p.Store}, bot.Deps{}); !errors.Is(err, bot.ErrNoHandler) {
		t.Errorf("New without a handler: %v, want bot.ErrNoHandler", err)
	}
}

// TestPageWeight keeps the ask page, style sheet included, under 30 KB:
// it must load fast on a phone on a poor connection.
func TestPageWeight(t *testing.T) {
	s := mustServer(t, seeded(t), web.Config{})
	for _, target := range []string{"/", askPutin, askPoints, "/?q=What+is+the+weather+in+Kyiv%3F"} {
		_, body := get(t, s, "GET", target)
		if len(body) > 30<<10 {
			t.Errorf("GET %s weighs %d bytes, more than 30 KB", target, len(body))
		}
		t.Logf("GET %s: %d bytes", target, len(body))
	}
}

// TestSourceLink shows an article's own http(s) URL as its source link,
// on the list and on its page, and leaves out what it does not state.
func TestSourceLink(t *testing.T) {
	doc := store.Document{ID: "web_5f1c", Title: "Talks resume", Outlet: "Example News", Published: "2025-12-08",
		URL: "https://news.example/world/talks?src=rss&x=1", Body: "Negotiators met again in Geneva on Sunday. They talked for six hours."}
	s := mustServer(t, mustParley(t, doc), web.Config{})
	want := `<a href="https://news.example/world/talks?src=rss&amp;x=1" rel="noopener noreferrer">source</a>`
	for _, target := range []string{"/articles", "/articles/" + doc.ID} {
		_, body := get(t, s, "GET", target)
		if !strings.Contains(body, want) {
			t.Errorf("GET %s: no source link %s", target, want)
		}
		if !strings.Contains(body, `<time datetime="2025-12-08">2025-12-08</time>`) || !strings.Contains(body, "Example News") {
			t.Errorf("GET %s: the stated outlet and date are not shown", target)
		}
	}
	// Exactly what the article states, in order, nothing invented.
	_, body := get(t, s, "GET", "/articles/"+doc.ID)
	if meta := `<p class="meta">Example News · <time datetime="2025-12-08">2025-12-08</time> · ` + want + `</p>`; !strings.Contains(body, meta) {
		t.Errorf("article page metadata is not %s", meta)
	}
}
