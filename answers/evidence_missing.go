package answers

import (
	"math"
	"strings"
	"unicode/utf8"

	"github.com/parley-bot/parley/store"
)

// missingEvidence reads what of terms (q's, of total weight) s and the
// sentences around it (prev, next, the lead) do not say: unknown terms,
// terms missing from the context, capitals missing from the title, and
// names missing.
func (e *Engine) missingEvidence(x *[nEv]float64, ix *index, q *query, terms []qterm, s, prev, next, lead *sentence, total float64) {
	// Names and numbers the question says that neither the sentence nor
	// the one before it does.
	named, capital := map[string]bool{}, map[string]bool{}
	for i, t := range q.toks {
		// A place chat writes in lower case ("a visit to turkey") is a
		// name too.
		lower := q.lowerPlaces[i]
		if isNumber(t.word) || (t.start > 0 && isCapitalised(t.raw)) || lower {
			named[t.stem] = true
		}
		if t.start > 0 && isCapitalised(t.raw) && !e.rules.questionWord[t.word] || lower {
			capital[t.stem] = true
		}
	}
	var credited, outlet map[string]bool
	// A word said only to name the source of the sentence's article
	// ("according to Bloomberg") is neither unknown nor missing, and
	// nor is the outlet's name wherever the question says it ("How does
	// the Gazette sum up …?" of a Gazette story), unless the question
	// asks who wrote or put out the writing ("Who wrote the Gazette
	// story?"): then the outlet is what it asks of.
	credit := func(t qterm) bool {
		if e.rules.documentStem[t.term] && !ix.articleHas(s.ArticleID, t.term) {
			return true // "what does the manual suggest": the writing asked of
		}
		if credited == nil {
			credited, outlet = map[string]bool{}, map[string]bool{}
			if !e.asksAuthorship(q) {
				credited, outlet = ix.creditStems(s.ArticleID), ix.outletStems(s.ArticleID)
			}
		}
		return t.source && credited[t.term] || outlet[t.term] && !ix.articleHas(s.ArticleID, t.term)
	}
	var titleStems map[string]bool
	titled := func(st string) bool {
		// Read only when a word is unknown or a name missing: most
		// questions need not.
		if titleStems == nil {
			titleStems = ix.titleStems(s.ArticleID)
		}
		return titleStems[st]
	}
	title := func(st string) bool {
		// A title that names several ("Men, Dwarves, Elves, Drakes …")
		// vouches for none in a sentence that opens with another of them
		// ("Drakes hatch from eggs" does not say "Saurians").
		return titled(st) && !opensWithOther(q, s, titled)
	}
	spelled := initialsSaid(q, s, prev, lead)
	inContext := func(t qterm) bool {
		return s.matches(t.term, t.alts) || (prev != nil && prev.matches(t.term, t.alts)) || (next != nil && next.matches(t.term, t.alts)) || spelled[t.term]
	}
	// A name said in another form of itself ("the Ptolemies" against
	// "the Ptolemaic dynasty", "Gaulish" against "the Gauls") is said.
	otherForm := func(t qterm) bool {
		return capital[t.term] && (nameForm(s, t.term) || nameForm(prev, t.term) || nameForm(lead, t.term))
	}
	pronoun := e.opensWithPronoun(s)
	partSaid := ix.namePartsSaid(q, s, func(st string) bool {
		return s.hasStem(st) || prev != nil && prev.hasStem(st) || next != nil && next.hasStem(st) || lead != nil && lead.hasStem(st) ||
			pronoun && ix.saidBefore(s, qterm{term: st})
	})
	for _, t := range terms {
		if partSaid[t.term] {
			continue
		}
		if !t.known && !e.rules.particleStem[t.term] && !credit(t) && !(q.class.name == "yesno" && e.saysOpposite(t.term, s)) && !saysAKindOf(t.term, s, prev) && !saysBySharedSynonym(t.term, s) && !titled(t.term) {
			// A yes/no question's word the sentence says the
			// opposite of ("public", "private") is answered no; a word
			// the title of the sentence's article says ("Psalm 29" of
			// "Spurgeon on the psalms of nature (Psalms 19, 29 …)") is
			// one the articles use.
			x[evUnknown] += t.weight / total
		}
		if !inContext(t) {
			x[evMissCtx] += t.weight / total
			x[evMissMax] = math.Max(x[evMissMax], t.weight/math.Max(ix.maxIDF, 1))
			if capital[t.term] && !credit(t) && !title(t.term) && (lead == nil || !lead.matches(t.term, t.alts) || opensWithOther(q, s, lead.hasStem)) && !otherForm(t) && !(pronoun && ix.saidBefore(s, t)) {
				x[evMissCap] = 1
			}
		}
		isName := t.term[0] == '@' || named[t.term]
		if !isName {
			continue
		}
		if s.matches(t.term, t.alts) || (prev != nil && prev.matches(t.term, t.alts)) || (lead != nil && lead.matches(t.term, t.alts) && !opensWithOther(q, s, lead.hasStem)) || title(t.term) ||
			ix.articleHas(s.ArticleID, t.term) && t.term[0] == '@' || otherForm(t) || pronoun && (ix.paragraphSays(s, t) || ix.saidBefore(s, t)) || spelled[t.term] || credit(t) {
			continue
		}
		x[evMissName] += t.weight / total
	}
}

// namePartsSaid are the stems of the words of a name of several words q
// says ("Grace Hopper") that s's article writes in one name with its first
// or last word, which said reports said ("Hopper is buried at …" after
// "Grace Brewster Hopper"): a name is said by a part of it; so is a
// first name no article uses, before a surname said. A name the article
// never writes whole from words it uses ("Tim Hopper") is not.
func (ix *index) namePartsSaid(q *query, s *sentence, said func(string) bool) map[string]bool {
	var out map[string]bool
	mark := func(st string) {
		if out == nil {
			out = map[string]bool{}
		}
		out[st] = true
	}
	for _, r := range capitalRuns(q.text, q.toks) {
		run := q.toks[r[0]:r[1]]
		if len(run) < 2 {
			continue
		}
		last := run[len(run)-1]
		for k, t := range run {
			if said(t.stem) {
				continue
			}
			// A first name no article uses before a surname said
			// ("Alan Turing" where the articles write "Turing"), when
			// the article gives the surname no other first name
			// ("Erasmus Darwin" where it writes "Charles Darwin").
			if _, known := ix.idfOf(t.stem); k == 0 && !known && said(last.stem) && !ix.namedAfterOther(s.ArticleID, last.stem) {
				mark(t.stem)
				continue
			}
			// By its first or its last word ("Tim", "Hopper"): a word
			// inside it ("Software" of "Free Software Foundation") may
			// be another name's.
			for _, u := range []token{run[0], last} {
				if u.stem != t.stem && said(u.stem) && ix.namedTogether(s.ArticleID, t.stem, u.stem) {
					mark(t.stem)
					break
				}
			}
		}
	}
	return out
}

// capitalRuns are the runs [from, to) of toks (of text) that are
// capitalised words joined by a space or a hyphen, one word or more, the
// first word of text too: the names a sentence writes ("Tim
// Berners-Lee"). (nameRuns reads a question's names of two words or more
// for word order, without its first word.)
func capitalRuns(text string, toks []token) [][2]int {
	var out [][2]int
	for i := 0; i < len(toks); {
		j := i
		for j < len(toks) && isCapitalised(toks[j].raw) && (j == i || nameGap(text[toks[j-1].end:toks[j].start])) {
			j++
		}
		if j > i {
			out = append(out, [2]int{i, j})
		}
		i = max(j, i+1)
	}
	return out
}

// namedAfterOther reports whether the article learned a name of two
// words or more, no place's, that ends in the stem st ("Charles Darwin"):
// the surname has a first name there.
func (ix *index) namedAfterOther(article, st string) bool {
	sents := ix.articleSents(article)
	for k := range sents {
		s := &sents[k]
		if !s.hasStem(st) || s.facts == nil {
			continue
		}
		for n, kind := range s.facts.learned {
			ws := foldWords(n)
			if kind != kindPlace && len(ws) >= 2 && stem(ws[len(ws)-1]) == st {
				return true
			}
		}
	}
	return false
}

// nameGap reports whether the text between two words of a name is only a
// space or a hyphen ("Berners-Lee").
func nameGap(gap string) bool { return gap == " " || gap == "-" }

// namedTogether reports whether some sentence of the article writes the
// stems a and b in one run of capitalised words: one name.
func (ix *index) namedTogether(article, a, b string) bool {
	sents := ix.articleSents(article)
	for k := range sents {
		s := &sents[k]
		if !s.hasStem(a) || !s.hasStem(b) {
			continue
		}
		for _, r := range capitalRuns(s.Text, s.toks) {
			hasA, hasB := false, false
			for _, t := range s.toks[r[0]:r[1]] {
				hasA = hasA || t.stem == a
				hasB = hasB || t.stem == b
			}
			if hasA && hasB {
				return true
			}
		}
	}
	return false
}

// initialsSaid are the stems of the names of two words or more q says
// ("the United States") that s, prev or lead write by their initials
// ("US", "U.S."): said, though in no word of theirs.
func initialsSaid(q *query, sents ...*sentence) map[string]bool {
	out := map[string]bool{}
	for i := 1; i < len(q.toks); {
		j := i
		var initials strings.Builder
		for j < len(q.toks) && isCapitalised(q.toks[j].raw) {
			r, _ := utf8.DecodeRuneInString(q.toks[j].raw)
			initials.WriteRune(r)
			j++
		}
		if j-i < 2 {
			i = j + 1
			continue
		}
		short := initials.String()
		dotted := strings.Join(strings.Split(short, ""), ".") + "."
		for _, x := range sents {
			if x == nil || !(x.hasRaw(short) || strings.Contains(x.Text, dotted)) {
				continue
			}
			for _, t := range q.toks[i:j] {
				out[t.stem] = true
			}
		}
		i = j
	}
	return out
}

// opensWithOther reports whether s opens with a capitalised word that
// said holds (a stem of the title, of the paragraph's first sentence) and
// q does not say: a title or first sentence that names several ("Men,
// Dwarves, Elves …", "Bayton, Northport and Westland") vouches for none
// of them in a sentence that opens with another.
func opensWithOther(q *query, s *sentence, said func(string) bool) bool {
	if len(s.toks) == 0 {
		return false
	}
	t := s.toks[0]
	return isCapitalised(t.raw) && said(t.stem) && !q.words[t.word] && !q.words[t.stem]
}

// nameForm reports whether s holds a capitalised word that is another
// form of the name whose stem is st: one stem the start of the other, or
// both sharing all but their last letter or two ("ptolemi", "ptolema";
// "gaul", "gaulish"), from four letters on, or, from seven, one letter
// apart. "Austria" and "Australia" share too little.
func nameForm(s *sentence, st string) bool {
	if s == nil {
		return false
	}
	if len(st) < 4 {
		return versionOf(s, st)
	}
	for _, t := range s.toks {
		if !isCapitalised(t.raw) || t.stem == st || len(t.stem) < 4 {
			continue
		}
		short := min(len(t.stem), len(st))
		n := 0
		for n < short && t.stem[n] == st[n] {
			n++
		}
		if n == short || n >= 5 && n >= short-1 {
			return true
		}
		// A long name spelled one letter apart ("Reykjavik",
		// "Reykavik") is that name.
		if short >= 7 && editDistance(t.stem, st, 1) <= 1 {
			return true
		}
	}
	return false
}

// versionOf reports whether s writes the short name st with a version
// after it, in one word: "X11R5" is a release of "X".
func versionOf(s *sentence, st string) bool {
	for _, t := range s.toks {
		if rest, ok := strings.CutPrefix(t.word, st); ok && rest != "" && rest[0] >= '0' && rest[0] <= '9' && isCapitalised(t.raw) {
			return true
		}
	}
	return false
}

// titleStems are the stems of the words of the title of article id: the
// article's subject, which its sentences need not repeat ("Victoria").
func (ix *index) titleStems(id string) map[string]bool {
	return ix.articleStems(id, func(a *store.Article) string { return a.Title })
}

// creditStems are the stems of the words naming article id's source: its
// title, outlet and byline ("according to Bloomberg" of a Bloomberg
// story says where it is told).
func (ix *index) creditStems(id string) map[string]bool {
	return ix.articleStems(id, func(a *store.Article) string { return a.Title + " " + a.Outlet + " " + a.Byline })
}

// outletStems are the stems of the words naming article id's outlet
// ("Harbour Gazette"): whoever asks "what does the Gazette say" of a
// Gazette story names where it is told, not a thing it tells.
func (ix *index) outletStems(id string) map[string]bool {
	return ix.articleStems(id, func(a *store.Article) string { return a.Outlet })
}

// articleStems are the stems of the words of what field gives of article
// id. The article's sentences point to it (an index laid over another
// lists no articles of its own).
func (ix *index) articleStems(id string, field func(*store.Article) string) map[string]bool {
	out := map[string]bool{}
	if a := ix.article(id); a != nil {
		for _, t := range tokenize(field(a)) {
			out[t.stem] = true
		}
	}
	return out
}

// asksAuthorship reports whether q asks who wrote or put out a piece of
// writing: a word of general.yaml's authorship within three words of one
// naming the writing ("Who wrote the Gazette story?"), not of what the
// story tells ("the plan Orrin and Bayton wrote together, per the Gazette
// story").
func (e *Engine) asksAuthorship(q *query) bool {
	for i, t := range q.toks {
		if !e.rules.authorship[t.stem] {
			continue
		}
		for j := max(0, i-3); j < min(len(q.toks), i+4); j++ {
			// Not the word itself: "write" names a write-up too.
			if j != i && e.rules.documentStem[q.toks[j].stem] {
				return true
			}
		}
	}
	return false
}
