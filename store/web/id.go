package web

import (
	"crypto/sha256"
	"encoding/hex"
	"net/url"
	"path"
	"strings"
)

// ID is the stable article id of the article at a canonical URL:
//
//	host_slug_hash
//
// host is the URL's host, lowercased, without "www." and port, dots as
// dashes; slug is the last segment of the path, lowercased, without a
// file extension, every run of characters other than a–z and 0–9 made one
// dash; hash is the first 8 hex digits of SHA-256 over host, path and
// query (scheme, "www.", port, fragment and a trailing slash left out, so
// http and https, with and without www, are one article). Each part is
// cut to 40 characters; an empty slug is left out. Ids use only a–z, 0–9,
// "-" and "_", so they are safe in file names, URLs and Slack mrkdwn:
//
//	https://www.example.com/world/2025/12/05/talks-resume.html → example-com_talks-resume_3f9c2a1b
func ID(canonical string) string {
	u, err := url.Parse(canonical)
	if err != nil || u.Host == "" {
		return "web_" + hash(canonical)
	}
	host := strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	p := strings.TrimSuffix(u.EscapedPath(), "/")
	key := host + p
	if u.RawQuery != "" {
		key += "?" + u.RawQuery
	}
	seg, _ := url.PathUnescape(path.Base(p))
	if seg == "." || seg == "/" {
		seg = ""
	}
	seg = strings.TrimSuffix(seg, path.Ext(seg))
	parts := []string{slug(host)}
	if s := slug(seg); s != "" {
		parts = append(parts, s)
	}
	if parts[0] == "" {
		parts[0] = "web"
	}
	return strings.Join(append(parts, hash(key)), "_")
}

// FileID is the id of a saved page that states no canonical URL: its file
// name without the extension, in ID's character set.
func FileID(name string) string {
	base := path.Base(strings.ReplaceAll(name, "\\", "/"))
	s := slug(strings.TrimSuffix(base, path.Ext(base)))
	if s == "" {
		return "page_" + hash(base)
	}
	return s
}

// maxPart bounds each part of an id.
const maxPart = 40

// slug keeps a–z and 0–9 of s (lowercased), every other run as one dash.
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
			if b.Len() >= maxPart {
				break
			}
			continue
		}
		dash = true
	}
	out := strings.Trim(b.String(), "-")
	if len(out) >= maxPart {
		if i := strings.LastIndexByte(out, '-'); i > maxPart/2 {
			out = out[:i] // cut at a word's end
		}
	}
	return out
}

func hash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:4])
}
