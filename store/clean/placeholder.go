// Package clean turns raw article text into clean paragraphs and sentences.
package clean

import "strings"

// Paragraphs is a stand-in until the real cleaner lands.
func Paragraphs(raw string) []string {
	var out []string
	for _, l := range strings.Split(raw, "\n") {
		if l = strings.Join(strings.Fields(l), " "); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// Sentences is a stand-in until the real splitter lands.
func Sentences(p string) []string { return []string{p} }

// IsHeading is a stand-in until the real splitter lands.
func IsHeading(p string) bool { return !strings.ContainsAny(p[len(p)-1:], ".?!”\"") }
