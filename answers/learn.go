package answers

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"

	"github.com/parley-bot/parley/store"
)

// This file learns from any article, at ingest, what a domain pack would
// otherwise have to list: dates of any era, numbers as written (with
// separators, decimals, scales, ranges and units), and the places and
// names the text itself marks as such. It knows no topic: only how
// English writes dates, numbers and names.

// currencySigns are the signs quantityRe reads before a number: a
// quantity holding one is a sum of money.
const currencySigns = "$£€¥"

var (
	// quantityRe finds numbers as written: "30,000", "1.2 million",
	// "~11,700", "10–20", "$20 billion", "£262m", "60 percent", "3.7%".
	quantityRe = regexp.MustCompile(`(?:[~≈]|\b(?:about|around|approximately|nearly|almost|over|more than|less than|at least|some|roughly|up to) )?[$£€¥]?\b\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?:[~≈]|\b(?:about|around|approximately|nearly|almost|over|more than|less than|at least|some|roughly|up to) )?[$£€¥]?\b\d+(?:\.\d+)?(?:[–-]\d+(?:\.\d+)?)?`)
)

// numberUnit is the noun a number at the end of text[:end] counts: the
// next word or two ("30,000 men", "1,230 km", "11,700 years"), skipping
// an adjective or scale word (lexicon.yaml's unit_skips).
func (r *rules) numberUnit(text string, end int) (string, int) {
	rest := text[end:]
	toks := tokenize(rest)
	if len(toks) == 0 || toks[0].start > 2 {
		return "", end
	}
	i := 0
	for i < len(toks)-1 && r.lex.unitSkips[toks[i].word] {
		i++
	}
	w := toks[i]
	if w.word == "" || !unicode.IsLetter([]rune(w.word)[0]) || len(w.word) < 1 {
		return "", end
	}
	return w.word, end + w.end
}

// eraDates are the spans of text's dates of any era (eraDateRe), but for
// a number after a currency sign ("$1000" is a sum, not the year 1000)
// and a count of four digits (countNotYear).
func (l *lexicon) eraDates(text string) [][]int {
	var out [][]int
	for _, m := range l.eraDateRe.FindAllStringIndex(text, -1) {
		if r, _ := utf8.DecodeLastRuneInString(text[:m[0]]); strings.ContainsRune(currencySigns, r) {
			continue
		}
		if l.countNotYear(text, m[0], m[1]) {
			continue
		}
		out = append(out, m)
	}
	return out
}

// countNotYear reports whether the date text[a:b] is a number of four
// digits, bare or after a count lead ("of", not "in 1851 gold was
// found"), that counts the word after it, a word in lower case and no
// stop word ("over 1000 m", "1024 bytes", "a crowd of 2000 people"), with
// no determiner before it to make it a year that qualifies what follows
// ("the 1999 season", "his 1905 paper").
func (l *lexicon) countNotYear(text string, a, b int) bool {
	span := text[a:b]
	year := span[strings.LastIndexByte(span, ' ')+1:]
	if f := strings.Fields(span); len(year) != 4 || !isNumber(year) || len(f) > 2 || len(f) == 2 && !l.countLeads[fold(f[0])] {
		return false
	}
	next := tokenize(text[b:])
	if len(next) == 0 || next[0].start != 1 || text[b] != ' ' {
		return false
	}
	w := next[0]
	if !isLetters(w.word) || w.raw != w.word || english.IsStopWord(w.word) || l.months[w.word] {
		return false
	}
	before := tokenize(text[max(0, a-24):a])
	return len(before) == 0 || !l.yearDeterminers[before[len(before)-1].word]
}

// earlyYears are the spans of text's years of three digits ("died in
// 453."): after an early_year_leads word, with nothing after them but
// punctuation, the end or a stop word ("in 453 and", not "in 453
// battles", "in 453 AD" — which the era pattern reads — or "in 453,000").
func (l *lexicon) earlyYears(text string) [][]int {
	var out [][]int
	for _, m := range l.earlyYearRe.FindAllStringSubmatchIndex(text, -1) {
		rest := text[m[1]:]
		if len(rest) > 1 && (rest[0] == ',' || rest[0] == '.') && isDigit(rest[1]) {
			continue // "in 453,000 homes", "in 453.5"
		}
		if next, _, _ := strings.Cut(strings.TrimLeft(rest, " "), " "); next != "" && unicode.IsLetter(rune(next[0])) && !english.IsStopWord(strings.ToLower(strings.TrimRight(next, ",.;:"))) {
			continue // "in 453 battles"
		}
		out = append(out, []int{m[0], m[1]})
	}
	return out
}

// periods are the spans of text's named periods ("the Ptolemaic period",
// "Roman times"), whose capitalised words are no stop words ("The era
// …", "In the Age of …" are none).
func (l *lexicon) periods(text string) [][]int {
	var out [][]int
	for _, m := range l.periodRe.FindAllStringSubmatchIndex(text, -1) {
		name := strings.Fields(text[m[2]:m[3]])
		if english.IsStopWord(strings.ToLower(name[0])) {
			continue
		}
		out = append(out, []int{m[0], m[1]})
	}
	return out
}

// learnFacts reads the dates, quantities and marked places of one
// sentence, each as written.
func (r *rules) learnFacts(s store.Sentence, toks []token, known func(start, end int) bool) []store.Fact {
	var out []store.Fact
	fact := func(kind, subj, pred, obj, val, ext string) {
		out = append(out, store.Fact{SentenceID: s.ID, Kind: kind, Subject: subj, Predicate: pred, Object: obj, Value: val, Extractor: ext})
	}
	dates := append(r.lex.eraDates(s.Text), r.lex.earlyYears(s.Text)...)
	dates = append(dates, r.lex.periods(s.Text)...)
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
		for _, lead := range r.lex.yearLeads {
			if strings.HasPrefix(text, lead) && len(text) > len(lead) && text[len(lead)] >= '0' && text[len(lead)] <= '9' {
				text = text[len(lead):]
			}
		}
		fact(factDate, "", "", text, fold(text), "era-date")
	}
	for _, m := range quantityRe.FindAllStringIndex(s.Text, -1) {
		a, b := m[0], m[1]
		if inDate(a, b) || inName(toks, a, b) {
			continue
		}
		if sc := r.lex.scaleRe.FindString(s.Text[b:]); sc != "" {
			b += len(sc)
		}
		unit, end := r.numberUnit(s.Text, b)
		phrase := s.Text[a:b]
		switch {
		case r.lex.rateWords[unit]:
			// "$1000 per server": a rate, counting nothing, written
			// through what it is reckoned by.
			if by, byEnd := r.numberUnit(s.Text, end); by != "" {
				phrase = s.Text[a:byEnd]
			}
			unit = ""
		case unit != "" && !english.IsStopWord(unit):
			phrase = s.Text[a:end]
		default:
			unit = ""
		}
		fact(factQuantity, stem(unit), "", phrase, strings.TrimSpace(s.Text[a:b]), "quantity")
	}
	// Places the text marks as such: a capitalised name after "in",
	// "at", "near" or "from" that no pack entity covers ("to" is as often
	// "due to Laszlo Babai" as a destination), or after a place word and
	// "of" ("the city of Veston").
	for i := 0; i+1 < len(toks); i++ {
		j := r.placeNameAt(toks, i)
		if j < 0 {
			continue
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

// placeNameAt is where a place's name may start after toks[i], a
// locative ("in the", "in modern-day", "in what is now") or a place word
// and "of" ("the city of"), or -1.
func (r *rules) placeNameAt(toks []token, i int) int {
	w := toks[i].word
	if (r.lex.placeWords[w] || r.lex.placeEvents[w]) && !isCapitalised(toks[i].raw) && i+2 < len(toks) && toks[i+1].word == "of" {
		return i + 2
	}
	if !r.locative[w] && w != "from" {
		return -1
	}
	j := i + 1
	if toks[j].word == "the" && j+1 < len(toks) {
		j++
	}
	for n := 0; n < 4 && j+1 < len(toks) && r.lex.placeModifiers[toks[j].word] && !isCapitalised(toks[j].raw); n++ {
		j++
	}
	return j
}

// inName reports whether the number at text[a:b] is part of a name
// between two capitalised words ("Release 4.0 Etch", "Model 3 Sport"), not
// a quantity.
func inName(toks []token, a, b int) bool {
	for i, t := range toks {
		if t.start != a || t.end != b {
			continue
		}
		return i > 0 && i+1 < len(toks) && isCapitalised(toks[i-1].raw) && isCapitalised(toks[i+1].raw) &&
			a-toks[i-1].end == 1 && toks[i+1].start-b == 1
	}
	return false
}

// Kinds of learned names.
const (
	kindPerson = "person"
	kindOrg    = "org"
	kindPlace  = "place"
	kindName   = "name" // a name of no kind the text makes plain
)

var (
	// learnedNameRe finds runs of capitalised words, with the small words
	// names hold ("of", "de", "van"): "Laszlo Babai", "University of
	// Melbourne", "Clay Mathematics Institute".
	learnedNameRe = regexp.MustCompile(`\b(?:[A-Z]\.|[A-Z][\p{L}'’-]*)(?:\s(?:(?:of|de|del|der|van|von|al|bin|la|le|du|and)\s)?(?:[A-Z]\.|[A-Z][\p{L}'’-]*))*`)
	// acronymRe finds "Full Name (FN)".
	acronymRe = regexp.MustCompile(`([A-Z][\p{L}-]+(?:\s(?:of|and|for|the)?\s?[A-Z][\p{L}-]+)+)\s\(([A-Z][A-Za-z&.]{1,9})\)`)
)

// learnedNames are the spans of text's runs of capitalised words
// (learnedNameRe), a run that joins two names of two words or more by
// "and" split in two ("Peter Mattis and Spencer Kimball" are two people;
// "Procter and Gamble", "Trinidad and Tobago" stay one).
func learnedNames(text string) [][]int {
	var out [][]int
	for _, loc := range learnedNameRe.FindAllStringIndex(text, -1) {
		// "a New York-based group", "Orrin-backed": the name ends
		// before the hyphen and the lower-case word it makes an
		// adjective with.
		if h := strings.LastIndexAny(text[loc[0]:loc[1]], "-"); h > 0 && h+1 < loc[1]-loc[0] {
			if r, _ := utf8.DecodeRuneInString(text[loc[0]+h+1:]); unicode.IsLower(r) {
				loc = []int{loc[0], loc[0] + h}
			}
		}
		parts := strings.Split(text[loc[0]:loc[1]], " and ")
		if len(parts) == 1 {
			out = append(out, loc)
			continue
		}
		split, places := true, true
		for _, p := range parts {
			split = split && len(strings.Fields(p)) >= 2
			places = places && placeNames()[fold(strings.TrimRight(p, ".,’'"))]
		}
		// "Pakistan and Lebanon": two places by name, unless the whole
		// is one ("Trinidad and Tobago").
		split = split || places && !placeNames()[fold(text[loc[0]:loc[1]])]
		if !split {
			out = append(out, loc)
			continue
		}
		at := loc[0]
		for _, p := range parts {
			out = append(out, []int{at, at + len(p)})
			at += len(p) + len(" and ")
		}
	}
	return out
}

// learnNames reads the names a sentence gives that no pack entity covers,
// with a kind where the words make it plain (a title before a person, an
// organisation or place word in the name, a locative before a place), and
// the aliases it states or implies: a person's surname, an acronym in
// brackets after a name, another name it is "also known as".
func (r *rules) learnNames(s store.Sentence, toks []token, known func(start, end int) bool) []store.Fact {
	var out []store.Fact
	text := s.Text
	dates := append(r.lex.eraDateRe.FindAllStringIndex(text, -1), r.lex.dateRe.FindAllStringIndex(text, -1)...)
	isDate := func(a, b int) bool {
		for _, d := range dates {
			if a < d[1] && b > d[0] {
				return true
			}
		}
		return false
	}
	for _, loc := range learnedNames(text) {
		a, b := loc[0], loc[1]
		name := strings.TrimRight(text[a:b], ".’'-")
		b = a + len(name)
		ws := strings.Fields(name)
		// A capitalised word only for starting the sentence ("With Ann
		// Berg as leader", "Such"; "When Pope Gregory …" after a colon),
		// or a title, is not part of the name.
		for len(ws) > 0 && (r.leadIn(ws[0]) || (a == 0 && isEnglish(fold(ws[0])) && (len(ws) == 1 || sentenceOpener(ws[0]))) || len(ws) > 1 && sentenceOpener(ws[0])) {
			a += len(ws[0]) + 1
			ws = ws[1:]
		}
		if len(ws) == 0 || a >= b || known(a, b) || isDate(a, b) {
			continue
		}
		name = text[a:b]
		if len(ws) == 1 && isEnglish(fold(ws[0])) && !isAcronym(ws[0]) {
			// "Such", "Many": a common word, capitalised.
			continue
		}
		kind := r.nameKind(text, a, ws)
		id := "~" + fold(name)
		if kind == kindName && placeNames()[fold(name)] {
			// "Pakistan and Lebanon": a place by name, where the text
			// marks it as nothing.
			kind = kindPlace
			out = append(out, store.Fact{SentenceID: s.ID, Kind: factPlace, Subject: id, Predicate: "learned", Object: name, Extractor: "known-place"})
		}
		out = append(out, store.Fact{SentenceID: s.ID, Kind: factEntity, Subject: id, Predicate: kind, Object: name, Extractor: "learned-name"})
		if kind == kindPerson && len(ws) >= 2 {
			out = append(out, store.Fact{SentenceID: s.ID, Kind: factAlias, Subject: id, Object: ws[len(ws)-1], Value: name, Extractor: "surname"})
		}
	}
	for _, m := range r.lex.akaRe.FindAllStringSubmatch(text, -1) {
		one, other := m[1], m[2]+m[3]
		for _, w := range strings.Fields(one) {
			if !r.leadIn(w) {
				break
			}
			one = strings.TrimSpace(strings.TrimPrefix(one, w))
		}
		if one == "" || fold(one) == fold(other) {
			continue
		}
		out = append(out,
			store.Fact{SentenceID: s.ID, Kind: factAlias, Subject: "~" + fold(one), Object: other, Value: one, Extractor: "aka"},
			store.Fact{SentenceID: s.ID, Kind: factAlias, Subject: "~" + fold(other), Object: one, Value: other, Extractor: "aka"})
	}
	for _, m := range acronymRe.FindAllStringSubmatch(text, -1) {
		full := strings.TrimSpace(m[1])
		for _, w := range strings.Fields(full) {
			if !r.leadIn(w) {
				break
			}
			full = strings.TrimSpace(strings.TrimPrefix(full, w))
		}
		out = append(out, store.Fact{SentenceID: s.ID, Kind: factAlias, Subject: "~" + fold(full), Object: m[2], Value: full, Extractor: "acronym"})
	}
	return out
}

// sentenceOpener reports whether w, capitalised at a sentence's start,
// is a function word that cannot begin a name ("With", "During"); "The"
// can ("The Hague").
func sentenceOpener(w string) bool {
	f := fold(w)
	return f != "the" && english.IsStopWord(f)
}

// leadIn reports whether w is capitalised only for leading a sentence or
// as a title, not as part of a name.
func (r *rules) leadIn(w string) bool {
	return r.lex.leadWords[fold(strings.Trim(w, ".,"))] || r.lex.titleWords[fold(strings.Trim(w, "."))]
}

// isAcronym reports whether w is written in capitals ("CBD", "NCAA").
func isAcronym(w string) bool {
	n := 0
	for _, c := range w {
		if unicode.IsLower(c) {
			return false
		}
		if unicode.IsUpper(c) {
			n++
		}
	}
	return n >= 2
}

// nameKind says what a name at byte a of text is: a person after a title
// or with a person's shape, an organisation or a place by its words or
// the word before it.
func (r *rules) nameKind(text string, a int, ws []string) string {
	before := foldWords(text[:a])
	prev := ""
	if len(before) > 0 {
		prev = before[len(before)-1]
	}
	last := fold(strings.Trim(ws[len(ws)-1], ".,’'"))
	for _, w := range ws {
		if r.lex.orgWords[fold(w)] {
			return kindOrg
		}
	}
	if r.lex.placeWords[last] {
		return kindPlace
	}
	switch {
	case r.lex.titleWords[prev] || r.lex.personTitles[prev]:
		return kindPerson
	case r.locative[prev] || prev == "from":
		return kindPlace
	case len(ws) == 1 && isAcronym(ws[0]):
		return kindOrg
	}
	if len(ws) >= 2 && len(ws) <= 4 {
		// "Laszlo Babai": capitalised words that are not English words.
		for _, w := range ws {
			if isEnglish(fold(w)) || isAcronym(w) {
				return kindName
			}
		}
		return kindPerson
	}
	return kindName
}
