package answers

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/kljensen/snowball/english"

	"github.com/parley-bot/parley/store"
)

// This file learns from any article, at ingest, what a domain pack would
// otherwise have to list: dates of any era, numbers as written (with
// separators, decimals, scales, ranges and units), and the places and
// names the text itself marks as such. It knows no topic: only how
// English writes dates, numbers and names.

var (
	months = `(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Mar\.|Apr\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)`
	// eraDateRe finds dates of any era: "December 5", "5 December 1999",
	// "December 2, 2025", "1066", "AD 43", "43 BC", "the 11th century",
	// "the 1990s", "mid-1990s", "the early 20th century".
	eraDateRe = regexp.MustCompile(`\b(?:` +
		`(?:the )?(?:(?:early|mid|late)[- ])?(?:\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first)(?:[- ]century|[- ]centuries)(?: (?:BC|BCE|AD|CE))?` +
		`|(?:the )?(?:(?:early|mid|late)[- ])?(?:1\d|20)\d0s` +
		`|(?:\d{1,2} )?` + months + `(?: \d{1,2}(?:st|nd|rd|th)?)?(?:,? (?:1\d|20)\d\d)?` +
		`|(?:AD|A\.D\.) \d{1,4}|\d{1,4} (?:BC|BCE|B\.C\.|AD|CE)` +
		`|(?:in|since|until|by|from|of|after|before|during|circa|c\.|around|about|early|late|mid-) (?:1[0-9]|20)\d\d` +
		`|(?:1[0-9]|20)\d\d(?:[–-](?:\d\d){1,2})?` +
		`)\b`)
	// quantityRe finds numbers as written: "30,000", "1.2 million",
	// "~11,700", "10–20", "$20 billion", "£262m", "60 percent", "3.7%".
	quantityRe = regexp.MustCompile(`(?:[~≈]|\b(?:about|around|approximately|nearly|almost|over|more than|less than|at least|some|roughly|up to) )?[$£€¥]?\b\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?:[~≈]|\b(?:about|around|approximately|nearly|almost|over|more than|less than|at least|some|roughly|up to) )?[$£€¥]?\b\d+(?:\.\d+)?(?:[–-]\d+(?:\.\d+)?)?`)
	// scaleRe continues a number with its scale or unit: " million",
	// "m", "%", " percent".
	scaleRe = regexp.MustCompile(`^(?:\s?(?:%|percent|per cent)|\s(?:million|billion|trillion|thousand|hundred)|[mbk]n?\b|bn\b)`)
)

// numberUnit is the noun a number at the end of text[:end] counts: the
// next word or two ("30,000 men", "1,230 km", "11,700 years"), skipping
// an adjective or scale word.
func numberUnit(text string, end int) (string, int) {
	rest := text[end:]
	toks := tokenize(rest)
	if len(toks) == 0 || toks[0].start > 2 {
		return "", end
	}
	i := 0
	for i < len(toks)-1 && (toks[i].word == "million" || toks[i].word == "billion" || toks[i].word == "thousand" || toks[i].word == "hundred" || toks[i].word == "more" || toks[i].word == "additional" || toks[i].word == "key" || toks[i].word == "other" || toks[i].word == "new") {
		i++
	}
	w := toks[i]
	if w.word == "" || !unicode.IsLetter([]rune(w.word)[0]) || len(w.word) < 1 {
		return "", end
	}
	return w.word, end + w.end
}

// learnFacts reads the dates, quantities and marked places of one
// sentence, each as written.
func (r *rules) learnFacts(s store.Sentence, toks []token, known func(start, end int) bool) []store.Fact {
	var out []store.Fact
	fact := func(kind, subj, pred, obj, val, ext string) {
		out = append(out, store.Fact{SentenceID: s.ID, Kind: kind, Subject: subj, Predicate: pred, Object: obj, Value: val, Extractor: ext})
	}
	dates := eraDateRe.FindAllStringIndex(s.Text, -1)
	inDate := func(a, b int) bool {
		for _, d := range dates {
			if a < d[1] && b > d[0] {
				return true
			}
		}
		return false
	}
	for _, d := range dates {
		text := strings.TrimSpace(s.Text[d[0]:d[1]])
		// "in 1066": the date is "1066".
		for _, lead := range []string{"in ", "since ", "until ", "by ", "from ", "of ", "after ", "before ", "during ", "around ", "about "} {
			if strings.HasPrefix(text, lead) && len(text) > len(lead) && text[len(lead)] >= '0' && text[len(lead)] <= '9' {
				text = text[len(lead):]
			}
		}
		fact(factDate, "", "", text, fold(text), "era-date")
	}
	for _, m := range quantityRe.FindAllStringIndex(s.Text, -1) {
		a, b := m[0], m[1]
		if inDate(a, b) {
			continue
		}
		if sc := scaleRe.FindString(s.Text[b:]); sc != "" {
			b += len(sc)
		}
		unit, end := numberUnit(s.Text, b)
		phrase := s.Text[a:b]
		if unit != "" && !english.IsStopWord(unit) {
			phrase = s.Text[a:end]
		} else {
			unit = ""
		}
		fact(factQuantity, stem(unit), "", phrase, strings.TrimSpace(s.Text[a:b]), "quantity")
	}
	// Places the text marks as such: a capitalised name after "in",
	// "at", "near", "from" or "to" that no pack entity covers.
	for i := 0; i+1 < len(toks); i++ {
		if !r.locative[toks[i].word] && toks[i].word != "from" && toks[i].word != "to" {
			continue
		}
		j := i + 1
		if toks[j].word == "the" && j+1 < len(toks) {
			j++
		}
		k := j
		for k < len(toks) && isCapitalised(toks[k].raw) && !isNumber(toks[k].word) && (k == j || toks[k].start-toks[k-1].end <= 1) {
			k++
		}
		if k == j || inDate(toks[j].start, toks[k-1].end) || known(toks[j].start, toks[k-1].end) {
			continue
		}
		name := s.Text[toks[j].start:toks[k-1].end]
		fact(factPlace, "~"+fold(name), "learned", name, "", "learned-place")
		i = k - 1
	}
	return out
}
