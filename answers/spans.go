package answers

import "strings"

// IsSpansOf reports whether answer is what a direct answer may be: one
// verbatim span of quote, or a few joined by ", " or " and ", optionally
// after "Yes" or "No" (and ", ", ". " or ": ").
func IsSpansOf(answer, quote string) bool {
	a := answer
	for _, yn := range []string{"Yes", "No"} {
		if rest, ok := strings.CutPrefix(a, yn); ok {
			if rest == "" {
				return true
			}
			for _, sep := range []string{", ", ". ", ": "} {
				if r, ok := strings.CutPrefix(rest, sep); ok {
					a = r
					break
				}
			}
		}
	}
	return a != "" && joinedSpans(a, quote, 0)
}

// joinedSpans reports whether s is spans of quote joined by ", " or
// " and ", trying the longest first span first.
func joinedSpans(s, quote string, depth int) bool {
	if strings.Contains(quote, s) {
		return true
	}
	if depth > 8 {
		return false
	}
	for _, sep := range []string{", ", " and "} {
		for i := len(s); i > 0; {
			k := strings.LastIndex(s[:i], sep)
			if k <= 0 {
				break
			}
			if strings.Contains(quote, s[:k]) && joinedSpans(s[k+len(sep):], quote, depth+1) {
				return true
			}
			i = k
		}
	}
	return false
}
