package answers

import (
	"strings"
	"unicode"
)

// expansion is the long form s gives, in parentheses beside it or after
// "short for" (expansion_cues), of a short form the question names:
// "Harbour Pilots Association" from "the HPA (Harbour Pilots
// Association)", "the Harbour Pilots Association (HPA)" or "the HPA,
// which is short for “Harbour Pilots Association”", for "What does HPA
// stand for?"; "" when s gives none. The long form is a verbatim span of
// s whose letters hold the short form's in order, from its first.
func (e *Engine) expansion(q *query, s *sentence) string {
	text := s.Text
	for i, t := range s.toks {
		if !q.words[t.word] || e.stopword(t.word) || e.rules.questionWord[t.word] {
			continue
		}
		// "HPA (Harbour Pilots Association)"
		if rest := text[t.end:]; strings.HasPrefix(rest, " (") {
			if end := strings.IndexByte(rest, ')'); end > 2 {
				if long := rest[2:end]; abbreviates(t.raw, long) {
					return long
				}
			}
		}
		// "HPA, which is short for “Harbour Pilots Association”"
		if m := e.rules.lex.expandRe.FindStringSubmatch(text[t.end:]); m != nil {
			if long := strings.TrimSpace(m[1]); abbreviates(t.raw, long) {
				return long
			}
		}
		// "the Harbour Pilots Association or HPA", "HPA, or Harbour
		// Pilots Association": words whose initials spell it, beside
		// "or".
		if long := initialsBeside(s, i); long != "" {
			return long
		}
		// "Harbour Pilots Association (HPA)": the words before the
		// parenthesis, as few as spell the short form.
		if t.start < 2 || text[t.start-1] != '(' || t.end >= len(text) || text[t.end] != ')' || text[t.start-2] != ' ' {
			continue
		}
		end := t.start - 2
		for k := i - 1; k >= 0 && k >= i-len(t.raw)-2; k-- {
			if s.toks[k].end > end {
				continue
			}
			if long := text[s.toks[k].start:end]; abbreviates(t.raw, long) {
				return long
			}
		}
	}
	return ""
}

// abbreviates reports whether short is an abbreviation of long: long has
// two words or more (or parts joined by slashes: "Branch/Call/Jump"),
// begins with short's first letter, and holds its letters in order.
func abbreviates(short, long string) bool {
	words := strings.FieldsFunc(long, func(r rune) bool { return unicode.IsSpace(r) || r == '/' })
	if len(words) < 2 || len([]rune(short)) < 2 {
		return false
	}
	sr := []rune(strings.ToLower(short))
	lr := []rune(strings.ToLower(long))
	if sr[0] != lr[0] {
		return false
	}
	j := 0
	for _, r := range lr {
		if j < len(sr) && r == sr[j] {
			j++
		}
	}
	if j < len(sr) {
		return false
	}
	for _, r := range sr {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// initialsBeside is the run of words beside "or" next to the short form
// s.toks[i] ("Annual Percentage Rate or APR", "APR, or Annual Percentage
// Rate") whose initials spell it, or "".
func initialsBeside(s *sentence, i int) string {
	short := []rune(strings.ToLower(s.toks[i].raw))
	n := len(short)
	if n < 2 || !isAcronym(s.toks[i].raw) {
		return ""
	}
	spells := func(ws []token) bool {
		for k, w := range ws {
			if r := []rune(strings.ToLower(w.raw)); len(r) < 2 || r[0] != short[k] {
				return false
			}
		}
		return true
	}
	if i-n-1 >= 0 && s.toks[i-1].word == "or" && spells(s.toks[i-n-1:i-1]) {
		return s.Text[s.toks[i-n-1].start:s.toks[i-2].end]
	}
	if i+1 < len(s.toks) && s.toks[i+1].word == "or" && i+2+n <= len(s.toks) && spells(s.toks[i+2:i+2+n]) {
		return s.Text[s.toks[i+2].start:s.toks[i+1+n].end]
	}
	return ""
}
