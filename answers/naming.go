package answers

import (
	"strings"

	"github.com/kljensen/snowball/english"
)

// Answers that are a name: what a naming question asks ("What's the name
// of X?") and who a question asking which person further in means ("…
// team up with which envoy?").

// appositiveName is the name s gives a thing the question names, in
// apposition, after "called"/"named", or right after the question's own
// noun: "its primary, Uuries" answers "What's the name of Jaegnhild's
// primary?", "the keeper's daughter Lena" "What's the name of the
// keeper's daughter?"; "" when s gives none. The names are those learned
// from the articles and those of the pack s mentions; of two at the same
// place, the longer ("Sky Q Silver", not "Sky Q").
func (e *Engine) appositiveName(q *query, s *sentence) string {
	names := e.namesOf(s)
	head := e.namedHead(q.toks)
	found, first := "", len(s.Text)
	for _, name := range names {
		for at := 0; at <= first; {
			i := strings.Index(s.Text[at:], name)
			if i < 0 {
				break
			}
			i += at
			at = i + len(name)
			before := strings.TrimSuffix(s.Text[:i], ", ")
			if len(before) == i {
				before = strings.TrimSuffix(strings.TrimSuffix(before, " called "), " named ")
			}
			ws := strings.Fields(before)
			if len(before) == i && (len(ws) == 0 || fold(ws[len(ws)-1]) != head || head == "" || !strings.HasSuffix(before, " ")) {
				// Right after a word: only the noun the question asks
				// the name of ("daughter Lena").
				continue
			}
			fw := foldWords(before)
			if len(fw) == 0 {
				continue
			}
			if w := fw[len(fw)-1]; q.words[stem(w)] && !e.rules.stop[w] && !english.IsStopWord(w) && (i < first || i == first && len(name) > len(found)) {
				found, first = name, i
			}
		}
	}
	return found
}

// namesOf are the names s gives: those learned from the articles and
// those of the pack it mentions, as written.
func (e *Engine) namesOf(s *sentence) []string {
	names := make([]string, 0, len(s.facts.learned)+len(s.ments))
	for name := range s.facts.learned {
		names = append(names, name)
	}
	for _, m := range s.ments {
		if !e.rules.entities[m.entity].Generic {
			names = append(names, s.Text[s.toks[m.from].start:s.toks[m.to-1].end])
		}
	}
	return names
}

// inSituWhichName answers a question asking which person further in
// ("Dorn asked Ames to team up with which envoy?") with the name s gives
// right after the two words before "which" ("… to team up with Brandt to
// …"), when the question does not name it itself; "" otherwise.
func (e *Engine) inSituWhichName(q *query, s *sentence) string {
	c, err := loadCarryRules()
	if err != nil {
		return ""
	}
	at := e.whichPersonAt(c, q.toks)
	if at < 2 {
		return ""
	}
	a, b := q.toks[at-2].word, q.toks[at-1].word
	for k := 0; k+2 < len(s.toks); k++ {
		if s.toks[k].word != a || s.toks[k+1].word != b {
			continue
		}
		rest := s.Text[s.toks[k+2].start:]
		found := ""
		for _, n := range e.namesOf(s) {
			if strings.HasPrefix(rest, n) && len(n) > len(found) {
				found = n
			}
		}
		if found != "" && !q.words[stem(lastName(found))] {
			return found
		}
	}
	return ""
}

// namingPhraseEnd is the index of the word after the first naming noun
// and link of toks (nouns, links: "name" and "of"), or -1.
func namingPhraseEnd(toks []token, nouns, links map[string]bool) int {
	for i := 1; i < len(toks); i++ {
		if nouns[toks[i-1].word] && links[toks[i].word] {
			return i + 1
		}
	}
	return -1
}

// namedHead is the noun a naming question asks the name of: the last
// lower-case word of the phrase after "name of", "name for" or "name
// given to" ("the set top box manufacturer that …": manufacturer; "the
// keeper's daughter Ames married": daughter); "" when it has none.
func (e *Engine) namedHead(toks []token) string {
	start := namingPhraseEnd(toks, e.rules.namingNoun, e.rules.namingLink)
	if start < 0 {
		return ""
	}
	head := ""
	for _, t := range toks[start:] {
		switch {
		case e.rules.namingLink[t.word] && head == "" || e.rules.determiner[t.word] || e.rules.namingThrough[t.word]:
		case e.rules.namingLink[t.word] || e.rules.stop[t.word] || e.rules.auxiliary[t.word]:
			return head
		case isCapitalised(t.raw):
			if head != "" {
				return head
			}
		default:
			head = t.word
		}
	}
	return head
}

// whichThingName is the name s gives the thing a which question asks
// about, by the noun the question asks it of, as capitalised words or a
// number: right after that noun ("Shah Jahan" for "Which Mughal emperor
// …?"; the noun too when it is capitalised or a number follows: "Admiral
// Brenner", "Version 0.99"), or in apposition before it ("… built on
// Motif, a commercial toolkit" for "Which commercial toolkit …?"); ""
// when s gives none there, or only what the question says.
func (e *Engine) whichThingName(q *query, s *sentence) string {
	c, err := loadCarryRules()
	if err != nil {
		return ""
	}
	phrase, _ := e.whPhrase(c, q.text)
	ws := foldWords(phrase)
	if len(ws) == 0 {
		if qt := tokenize(q.text); len(qt) > 2 && c.whichWords[qt[0].word] && e.rules.copula[qt[1].word] {
			// "Which is the only piece that cannot move backward?"
			return e.copulaSubject(q, s, "")
		}
		return ""
	}
	head := ws[len(ws)-1]
	if n := e.copulaSubject(q, s, head); n != "" {
		return n
	}
	isHead := func(t token) bool {
		// the noun itself or its plural: "named" is no "name"
		w := t.word
		return w == head || w == head+"s" || w == head+"es" || head == w+"s"
	}
	named := func(t token) bool { return isCapitalised(t.raw) || isNumber(t.word) }
	fresh := func(from, to int) bool {
		for _, t := range s.toks[from:to] {
			if q.words[t.stem] || q.words[t.word] || e.stopword(t.word) {
				return false
			}
		}
		return true
	}
	for k, t := range s.toks {
		if !isHead(t) {
			continue
		}
		// "emperor Shah Jahan": the name right after the noun.
		end := k + 1
		for end < len(s.toks) && named(s.toks[end]) && strings.TrimSpace(s.Text[s.toks[end-1].end:s.toks[end].start]) == "" {
			end++
		}
		if end > k+1 && fresh(k+1, end) {
			if isNumber(s.toks[k+1].word) || isCapitalised(t.raw) {
				// "Admiral Brenner", "Version 0.99": the noun is part of the name
				return s.Text[t.start:s.toks[end-1].end]
			}
			return s.Text[s.toks[k+1].start:s.toks[end-1].end]
		}
		// "Motif, a commercial toolkit": a name, a comma and "a" up to
		// three words before the noun.
		for j := max(1, k-4); j < k; j++ {
			if w := s.toks[j].word; w != "a" && w != "an" || !strings.Contains(s.Text[s.toks[j-1].end:s.toks[j].start], ",") {
				continue
			}
			from := j
			for from > 0 && named(s.toks[from-1]) && (from == j || strings.TrimSpace(s.Text[s.toks[from-1].end:s.toks[from].start]) == "") {
				from--
			}
			if from < j && (from > 0 || !isEnglish(s.toks[0].word)) && fresh(from, j) {
				return s.Text[s.toks[from].start:s.toks[j-1].end]
			}
		}
	}
	return ""
}

// copulaSubject is the subject of s when s says what the question asks
// which of by "be": "The King is the most important piece in chess."
// answers "Which piece is the most important?" with "The King". The
// subject opens s, is at most four words (a determiner, then words the
// question does not say and no stop word) and the copula follows it; the
// rest of s holds head, the noun the question asks which of, or, for a
// question with none ("Which is …?"), two of its words. "" otherwise.
func (e *Engine) copulaSubject(q *query, s *sentence, head string) string {
	for k := 1; k < len(s.toks) && k <= 4; k++ {
		t := s.toks[k]
		if !e.rules.copula[t.word] || s.Text[s.toks[k-1].end:t.start] != " " {
			continue // "Friday’s session": no copula
		}
		from := 0
		if e.rules.determiner[s.toks[0].word] {
			from = 1
		}
		if from == k || strings.ContainsAny(s.Text[s.toks[0].start:t.start], ",;:(.") {
			return ""
		}
		for _, w := range s.toks[from:k] {
			if q.words[w.stem] || q.words[w.word] || e.stopword(w.word) {
				return ""
			}
		}
		said := 0
		for _, w := range s.toks[k+1:] {
			if head != "" && (w.word == head || w.word == head+"s" || head == w.word+"s") {
				return s.Text[s.toks[0].start:s.toks[k-1].end]
			}
			if head == "" && !e.stopword(w.word) && (q.words[w.stem] || q.words[w.word]) {
				said++
			}
		}
		if head == "" && said >= 2 {
			return s.Text[s.toks[0].start:s.toks[k-1].end]
		}
		return ""
	}
	return ""
}
