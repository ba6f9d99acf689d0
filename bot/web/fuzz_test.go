package web_test

import (
	"net/url"
	"strings"
	"testing"

	"github.com/parley-bot/parley/bot/web"
)

// FuzzPages sends arbitrary questions, article ids and dates: every one
// gets a page with a status that says what happened (never a 500), and
// nothing typed comes back as markup.
func FuzzPages(f *testing.F) {
	for _, seed := range [][3]string{
		{"Who met with Putin in Moscow?", "000_2daefb0e2dba6216", "2025-12-07"},
		{`"><script>alert(1)</script>`, "../../etc/passwd", "2025-13-40"},
		{"<img src=x onerror=alert(1)>", "%00", "javascript:alert(1)"},
		{"", "", ""},
		{"\x00\xff\xfe summary 2025-12-07", "a/b", "0000-00-00"},
	} {
		f.Add(seed[0], seed[1], seed[2])
	}
	// A limit no fuzzing run reaches: this target is about the pages.
	s := mustServer(f, seeded(f), web.Config{Rate: web.Rate{PerMinute: 1 << 30, Burst: 1 << 30}})
	f.Fuzz(func(t *testing.T, q, id, date string) {
		for _, target := range []string{
			"/?q=" + url.QueryEscape(q),
			"/articles/" + url.PathEscape(id),
			"/summary?date=" + url.QueryEscape(date),
		} {
			res, body := get(t, s, "GET", target)
			switch res.StatusCode {
			case 200, 400, 404:
			case 301, 307, 308:
				// "/articles/." and "/articles/..": net/http's mux
				// sends a request with dot segments to its clean path.
				if loc := res.Header.Get("Location"); (id != "." && id != "..") || strings.Contains(loc, "/.") {
					t.Fatalf("GET %q = %d to %q", target, res.StatusCode, loc)
				}
			default:
				t.Fatalf("GET %q = %d", target, res.StatusCode)
			}
			if bad := injected(body); len(bad) > 0 && (strings.Contains(q, "<") || strings.Contains(id, "<") || strings.Contains(date, "<")) {
				t.Fatalf("GET %q: input came back as markup: %q", target, bad)
			}
		}
	})
}
