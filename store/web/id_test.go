package web

import (
	"regexp"
	"strings"
	"testing"
)

var safeID = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]*$`)

func TestID(t *testing.T) {
	same := [][]string{
		{"https://www.example.com/world/2025/12/05/talks-resume.html", "http://example.com/world/2025/12/05/talks-resume.html",
			"https://EXAMPLE.com:443/world/2025/12/05/talks-resume.html", "https://example.com/world/2025/12/05/talks-resume.html/"},
		{"https://news.example.org/a?id=7", "https://news.example.org/a?id=7#comments"},
	}
	for _, group := range same {
		want := ID(group[0])
		for _, u := range group[1:] {
			if got := ID(u); got != want {
				t.Errorf("ID(%q) = %q, want %q as for %q", u, got, want, group[0])
			}
		}
	}
	for _, pair := range [][2]string{
		{"https://example.com/a", "https://example.com/b"},
		{"https://example.com/a?id=1", "https://example.com/a?id=2"},
		{"https://example.com/x/story", "https://example.com/y/story"},
		{"https://example.com/a", "https://example.org/a"},
	} {
		if ID(pair[0]) == ID(pair[1]) {
			t.Errorf("ID(%q) = ID(%q) = %q, want them apart", pair[0], pair[1], ID(pair[0]))
		}
	}
	for in, prefix := range map[string]string{
		"https://www.example.com/world/2025/12/05/talks-resume.html":    "example-com_talks-resume_",
		"http://127.0.0.1:8080/digest/us-ukraine-forge-peace-framework": "127-0-0-1_us-ukraine-forge-peace-framework_",
		"https://example.com/": "example-com_",
		"https://example.com/ru/новости/библиотека":               "example-com_",
		"https://example.com/" + strings.Repeat("very-long-", 20): "example-com_very-long-very-long-very-long-very-long_",
		"not a url":                      "web_",
		"https://example.com/%2e%2e/etc": "example-com_",
	} {
		got := ID(in)
		if !strings.HasPrefix(got, prefix) || !safeID.MatchString(got) || len(got) > 2*maxPart+10 {
			t.Errorf("ID(%q) = %q, want a safe id starting %q", in, got, prefix)
		}
	}
}

func TestFileID(t *testing.T) {
	for in, want := range map[string]string{
		"saved/Talks Resume.html": "talks-resume",
		"../../etc/passwd.html":   "passwd",
		`C:\pages\x.htm`:          "x",
	} {
		if got := FileID(in); got != want {
			t.Errorf("FileID(%q) = %q, want %q", in, got, want)
		}
	}
	if got := FileID("—.html"); !safeID.MatchString(got) {
		t.Errorf("FileID of a name with no letters = %q, want a safe id", got)
	}
}
