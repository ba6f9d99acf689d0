package answers

import (
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"

	"github.com/parley-bot/parley/store"
)

// Evidence features the gate weighs: what the question asserts against
// what the best sentence says. An unanswerable question usually reuses the
// articles' words but changes one thing — a name, a number, a negation, a
// word for its opposite — so most features look for one such change; the
// rest say how well the sentence matches at all.
const (
	evConf        = iota // the best sentence's coverage, scaled down for a missing answer type, entity or future
	evCtx                // coverage by the sentence and the one before it (pronouns)
	evMissName           // share of the question's weight in names and numbers neither says
	evUnknown            // share of the question's weight in words no article uses
	evNegation           // the question negates ("never", "not") and the sentence does not
	evOpposite           // the sentence says the opposite of a question word it lacks ("worst" for "best")
	evNumber             // the question states a number (in digits, or as written: "3.3") neither the sentence nor the one before says
	evMargin             // how far the best sentence leads the next, in score
	evPrefix             // a question word is a sentence word with a negative prefix, or the reverse ("informal", "formal")
	evNegated            // the sentence negates a word of the question right after "not", and the question asks no yes/no
	evMissCap            // a capitalised question word neither the sentence nor its neighbours say
	evMissCtx            // share of the question's weight the sentence and its neighbours leave unsaid
	evMissMax            // the heaviest such word, against the rarest word's weight
	evCount              // share of the question's terms the sentence holds, unweighted
	evExact              // share of the question's content words it holds as written
	evRun                // its longest run of the question's words, up to runCap
	evScore              // its ranking score, over ten
	evNoType             // the question wants a person, place, date or number and the sentence gives none
	evFuture             // the question asks about the future and the sentence does not speak of it
	evPlain              // the best sentence's coverage, with no penalty
	evScrambled          // the sentence holds the words of a name the question says, never in its order
	evSwapped            // a question word the sentence replaces between the same two neighbours ("computational simplicity theory")
	evNameSwapped        // a person or place the question names that the sentence leaves out while naming another of its kind
	evYesNo              // the question asks yes or no: its quote is the answer, said in the sentence's own words
	evCounted            // the question asks how many of something the sentence and its neighbours never name
	nEv
)

// evidenceNames name the features in explanations and in general.yaml.
var evidenceNames = [nEv]string{"coverage", "context", "missing_name", "unknown", "negation", "opposite", "number", "margin",
	"prefix", "negated", "missing_capital", "missing_context", "missing_max", "count", "exact", "run", "score", "no_type", "future", "plain", "scrambled", "swapped", "name_swapped", "yes_no", "counted"}

// evidence reads the features of the best of ranked for q: those of the
// ranking, then (when the question has weighted terms) the terms missing
// around the sentence, numbers and negation, and opposites.
func (e *Engine) evidence(ix *index, q *query, ranked []scored) [nEv]float64 {
	var x [nEv]float64
	s := ranked[0].s
	e.rankEvidence(&x, q, ranked)
	prev, next, lead := ix.previous(s), ix.next(s), ix.lead(s)
	total := 0.0
	for _, t := range q.terms {
		total += t.weight
	}
	if total == 0 {
		return x
	}
	e.missingEvidence(&x, ix, q, s, prev, next, lead, total)
	e.numberEvidence(&x, ix, q, s, prev, lead)
	if e.countedUnsaid(ix, q, s, prev, next) {
		x[evCounted] = 1
	}
	if q.class.name != "yesno" {
		// A yes/no question the sentence turns around is answered "no".
		e.oppositeEvidence(&x, q, s)
	}
	swap, name := e.swapped(q, s, prev, lead)
	if swap || e.placeSwapped(q, s) {
		x[evSwapped] = 1
	}
	if name || e.entitySwapped(q, s, prev) || e.possessorSwapped(q, s) || e.modifierSwapped(q, s) || e.titleSwapped(ix, q, s) {
		x[evNameSwapped] = 1
	}
	return x
}

// rankEvidence reads the features the ranking gave the best of ranked:
// its confidence, context, margin over the next, counts and score, and
// whether it lacks the type, the future or the order of a name q wants.
func (e *Engine) rankEvidence(x *[nEv]float64, q *query, ranked []scored) {
	best := ranked[0]
	s := best.s
	x[evConf] = best.conf
	x[evCtx] = best.coverage + best.feat[fNbr] + best.feat[fNbrAna]
	if len(ranked) > 1 {
		x[evMargin] = best.score - ranked[1].score
	} else {
		x[evMargin] = best.score
	}
	x[evCount], x[evExact], x[evRun], x[evScore] = best.feat[fCount], best.feat[fExact], best.feat[fRun], best.score/10
	if q.class.wants != wantDescription && q.class.wants != wantReason && !best.typeMatch &&
		(q.class.wants != wantNumber || e.asksExactUnit(q) || !e.anyNumber(q, s) || e.dateForDuration(q, s)) {
		// A count the facts do not read ("6,000 square kilometres") still
		// answers "how much"; nothing else stands in for a missing type.
		x[evNoType] = 1
	}
	if e.vagueOnly(q, s) || e.namesNothing(q, s) {
		x[evNoType] = 1
	}
	if q.future && !e.speaksOfFuture(s) {
		x[evFuture] = 1
	}
	x[evPlain] = best.coverage
	if q.class.name == "yesno" {
		x[evYesNo] = 1
	}
	if scrambled(q, s) {
		x[evScrambled] = 1
	}
}

// missingEvidence reads what of q's terms (of total weight) s and the
// sentences around it (prev, next, the lead) do not say: unknown terms,
// terms missing from the context, capitals missing from the title, and
// names missing.
func (e *Engine) missingEvidence(x *[nEv]float64, ix *index, q *query, s, prev, next, lead *sentence, total float64) {
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
	var credited map[string]bool
	// A word said only to name the source of the sentence's article
	// ("according to Bloomberg") is neither unknown nor missing.
	credit := func(t qterm) bool {
		if e.rules.documentStem[t.term] && !ix.articleHas(s.ArticleID, t.term) {
			return true // "what does the manual suggest": the writing asked of
		}
		if !t.source {
			return false
		}
		if credited == nil {
			credited = ix.creditStems(s.ArticleID)
		}
		return credited[t.term]
	}
	var titled map[string]bool
	title := func(st string) bool {
		// Read only when a name is missing: most questions need not.
		if titled == nil {
			titled = ix.titleStems(s.ArticleID)
		}
		// A title that names several ("Men, Dwarves, Elves, Drakes …")
		// vouches for none in a sentence that opens with another of them
		// ("Drakes hatch from eggs" does not say "Saurians").
		return titled[st] && !opensWithOther(q, s, func(st string) bool { return titled[st] })
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
	for _, t := range q.terms {
		if partSaid[t.term] {
			continue
		}
		if !t.known && !e.rules.particleStem[t.term] && !credit(t) && !(q.class.name == "yesno" && e.saysOpposite(t.term, s)) && !saysAKindOf(t.term, s, prev) && !saysBySharedSynonym(t.term, s) {
			// A yes/no question's word the sentence says the
			// opposite of ("public", "private") is answered no.
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
			ix.articleHas(s.ArticleID, t.term) && t.term[0] == '@' || otherForm(t) || pronoun && (ix.paragraphSays(s, t) || ix.saidBefore(s, t)) || spelled[t.term] {
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
	if s == nil || len(st) < 4 {
		return false
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

// numberEvidence reads a number of q's that s (with prev and the lead)
// does not say or says otherwise, and a negation or reversal of q's that s
// does not share.
func (e *Engine) numberEvidence(x *[nEv]float64, ix *index, q *query, s, prev, lead *sentence) {
	for i, t := range q.toks {
		if i < len(q.phrased) && q.phrased[i] {
			continue // "number one" counts nothing
		}
		if i > 0 && i+1 < len(q.toks) && e.rules.questionWord[q.toks[i-1].word] {
			continue // "which 3 cities" counts the answer, not what it says
		}
		if (isNumber(t.word) || isOrdinal(t.word)) && !e.saysNumber(s, t.word) && !e.saysNumber(prev, t.word) && !e.saysNumber(lead, t.word) && !e.titleSaysNumber(ix, s, t.word) {
			x[evNumber] = 1
		}
	}
	if e.numberSwapped(q, s) || e.quantifierAdded(q, s, prev, lead) || e.rankAdded(q, s) || numberUnsaid(q.text, s, prev, lead) || versionSwapped(q, s, prev, lead) || e.calendarSwapped(q, s, prev, lead) {
		x[evNumber] = 1
	}
	if e.negates(q.toks) && (!e.negates(s.toks) || e.affirmsNegated(q, s)) && !e.saysAgainst(q, s) && !e.negationPrefixed(q, s) {
		x[evNegation] = 1
	}
	for i, t := range q.toks {
		// "helped BSkyB to avoid ending…" turns "ending" around as "not"
		// does; "a failed project" turns nothing, nor does a name that
		// stems like a reversal ("Denis" like "deny"); a sentence that
		// negates may say it ("lacks" as "do not have").
		if e.rules.reversal[t.stem] && !s.hasStem(t.stem) && !qualifies(q.toks, i) && (t.start == 0 || !isCapitalised(t.raw)) && !e.negates(s.toks) {
			x[evNegation] = 1
		}
	}
	if q.class.name != "yesno" && !e.negates(q.toks) && !e.asksAgainst(q) && e.negatesQuestionWord(q, s) {
		x[evNegated] = 1
	}
}

// inQuantifierIdiom marks the words of toks inside an idiom that holds a
// quantifier and restricts nothing ("all the way").
func (e *Engine) inQuantifierIdiom(toks []token) map[int]bool {
	out := map[int]bool{}
	for _, idiom := range e.rules.quantifierIdioms {
		for i := 0; i+len(idiom) <= len(toks); i++ {
			k := 0
			for k < len(idiom) && toks[i+k].word == idiom[k] {
				k++
			}
			if k == len(idiom) {
				for j := i; j < i+k; j++ {
					out[j] = true
				}
			}
		}
	}
	return out
}

// quantifierAdded reports whether q says a restricting word ("only",
// "all", "always") that s, prev and lead say in no form: "When was the
// only satellite launched?" against "Sky Digital was launched in 1998
// on the Astra 2A satellite".
func (e *Engine) quantifierAdded(q *query, s, prev, lead *sentence) bool {
	says := func(x *sentence, w string) bool { return x != nil && x.hasWord(w) }
	idiom := e.inQuantifierIdiom(q.toks)
	for i, t := range q.toks {
		same, ok := e.rules.quantifier[t.word]
		if !ok || idiom[i] || e.timing(q.toks, i) {
			continue
		}
		said := false
		for _, w := range same {
			said = said || says(s, w) || says(prev, w) || says(lead, w)
		}
		if !said {
			return true
		}
	}
	return false
}

// timing reports whether the quantifier at toks[i] says when, not how
// many: a timing_quantifiers word before a verb in the past ("only
// ended") or a word opening a time ("only after", "only when").
func (e *Engine) timing(toks []token, i int) bool {
	if !e.rules.timingQuantifier[toks[i].word] || i+1 >= len(toks) {
		return false
	}
	next := toks[i+1].word
	return strings.HasSuffix(next, "ed") && e.verbAfter(next) || e.rules.condition[next]
}

// rankAdded reports whether s puts an ordinal before a superlative the
// question says with none ("the fifth longest river" for "the longest
// river", "second-busiest", "second most populous"): another rank.
func (e *Engine) rankAdded(q *query, s *sentence) bool {
	ordinal := func(w string) bool {
		if v, ok := e.rules.lex.ordinals[w]; ok {
			return v > 1
		}
		return ordinalNumber(w) > 1
	}
	for _, t := range q.toks {
		if e.rules.rankWord[t.word] {
			return false // "Where do dwarves rank among the oldest …?" asks the rank
		}
	}
	for i, t := range q.toks {
		if !superlative(t.word) || i > 0 && ordinal(q.toks[i-1].word) {
			continue
		}
		for k := 1; k < len(s.toks); k++ {
			if s.toks[k].word == t.word && ordinal(s.toks[k-1].word) {
				return true
			}
		}
	}
	return false
}

// superlative reports whether w is "most", "least" or an adjective's
// superlative, one whose comparative is a word too ("longest", "busiest",
// "biggest"; not "forest" nor "interest").
func superlative(w string) bool {
	if w == "most" || w == "least" {
		return true
	}
	base, ok := strings.CutSuffix(w, "est")
	return ok && len(base) >= 2 && isEnglish(w) && isEnglish(base+"er")
}

// ordinalNumber is the value of an ordinal in digits ("5th" → 5), or 0.
func ordinalNumber(w string) int {
	n := 0
	i := 0
	for i < len(w) && w[i] >= '0' && w[i] <= '9' {
		n = n*10 + int(w[i]-'0')
		i++
	}
	switch w[i:] {
	case "st", "nd", "rd", "th":
		if i > 0 {
			return n
		}
	}
	return 0
}

// oppositeEvidence reads a word of q's whose opposite (an antonym, or the
// word with a negating prefix) s says instead.
func (e *Engine) oppositeEvidence(x *[nEv]float64, q *query, s *sentence) {
	alts := map[string][]string{}
	for _, t := range q.terms {
		alts[t.term] = t.alts
	}
	for i, t := range q.toks {
		if i > 0 && q.toks[i-1].word == "how" || i < len(q.phrased) && q.phrased[i] {
			continue // "how long", "how far": the question's kind, not its topic; "at the same time"
		}
		if s.hasStem(t.stem) || s.matches(t.stem, alts[t.stem]) {
			if i+1 < len(q.toks) && e.pairedOpposite(q, t, q.toks[i+1], s) {
				x[evOpposite] = 1
			}
			continue
		}
		for _, o := range e.rules.antonyms[t.stem] {
			// "simple or complex": the question names both sides.
			if s.hasStem(o) && !q.words[o] && s.saysWord(o) {
				x[evOpposite] = 1
			}
		}
		if e.prefixOpposite(t.word, s) {
			x[evPrefix] = 1
		}
	}
	if e.hyphenOpposite(q.text, q.toks, s.Text, s.toks) || e.hyphenOpposite(s.Text, s.toks, q.text, q.toks) {
		x[evPrefix] = 1
	}
}

// pairedOpposite reports whether s puts an antonym of the question word
// t before the word the question puts after it (next), and never t
// itself within three words before it: "A liberal constitution was
// proclaimed …" against "a conservative constitution", though the
// sentence goes on to name the conservatives.
func (e *Engine) pairedOpposite(q *query, t, next token, s *sentence) bool {
	if e.stopword(next.word) || s.saysBefore(t.stem, next.stem, 3) {
		return false // "Private fee-paying schools" are private schools
	}
	for _, o := range e.rules.antonyms[t.stem] {
		if !q.words[o] && s.hasPair(o, next.stem) {
			return true
		}
	}
	return false
}

// calendarSwapped reports whether q names a weekday or month that s, prev
// and lead leave unsaid while s names another ("in his video speech on
// Tuesday evening" against "in a video speech Thursday evening"). A
// month that is also an English word ("may", "march") counts only as a
// name. A question asking for a date may name another day than the one
// that answers it ("Which day of talks will the Saturday meeting be?").
func (e *Engine) calendarSwapped(q *query, s, prev, lead *sentence) bool {
	if q.class.wants == wantDate {
		return false
	}
	l := e.rules.lex
	says := func(x *sentence, w string) bool { return x != nil && x.hasWord(w) }
	for _, t := range q.toks {
		for _, set := range []map[string]bool{l.weekdays, l.months} {
			if !set[t.word] || !isCapitalised(t.raw) && isEnglish(t.word) || says(s, t.word) || says(prev, t.word) || says(lead, t.word) {
				continue
			}
			for _, o := range s.toks {
				if set[o.word] && o.word != t.word && isCapitalised(o.raw) {
					return true
				}
			}
		}
	}
	return false
}

// numberSwapped reports whether the question counts something ("three
// numbers") that s counts differently ("two numbers").
func (e *Engine) numberSwapped(q *query, s *sentence) bool {
	// Counts, not shares or scales: "what percent of the launches" is
	// not "70% of the launches" changed.
	isNum := func(w string) bool { return isNumber(w) || e.rules.lex.numbers[w] > 0 || e.rules.lex.ordinals[w] > 0 }
	for i := 0; i+1 < len(q.toks); i++ {
		n, what := q.toks[i], q.toks[i+1]
		if i < len(q.phrased) && q.phrased[i] {
			continue
		}
		if isNumber(n.word) && e.rules.numberWord[what.word] && s.hasWord(n.word) && magnitudeSwapped(s, n.word, what.word, e.rules.numberWord) {
			// "$20 million" against "$20 billion".
			return true
		}
		if !isNum(n.word) {
			continue
		}
		// Before a content word the count is bound to it: "one of the
		// 10 megaregions" against "one of the 11 megaregions" is a
		// change though the sentence says "10-county" too. Before a
		// stop word it is not, and the sentence must not say it at all.
		bound := !e.stopword(what.word) && isLetters(what.word)
		if !bound && e.saysNumber(s, n.word) {
			continue
		}
		other, same := false, false
		for j := 0; j+1 < len(s.toks); j++ {
			if isNum(s.toks[j].word) && s.toks[j+1].stem == what.stem {
				if e.sameNumber(n.word, s.toks[j].word) {
					same = true
				} else {
					other = true
				}
			}
		}
		if other && !same {
			return true
		}
	}
	return false
}

// asksExactUnit reports whether q counts a unit only a count of it
// answers ("how old").
func (e *Engine) asksExactUnit(q *query) bool {
	for u := range q.units {
		if e.rules.exactUnit[u] {
			return true
		}
	}
	return false
}

// dateForDuration reports whether q asks how long and the only numbers s
// holds are one date's ("around 1000 CE" is when, not how long), with no
// word bounding a time ("since 1995" says how long) and no unit of time.
func (e *Engine) dateForDuration(q *query, s *sentence) bool {
	asks := false
	for u := range q.units {
		asks = asks || e.rules.durations[u]
	}
	if !asks || s.facts == nil || len(s.facts.dates) != 1 {
		return false
	}
	date := s.facts.dates[0].Object
	for _, t := range s.toks {
		if q.words[t.word] {
			continue
		}
		if e.rules.dateBound[t.word] {
			return false
		}
		for _, u := range e.rules.units[t.word] {
			if e.rules.durations[u] && t.word != "long" {
				return false
			}
		}
		if (e.rules.numberWord[t.word] || strings.ContainsAny(t.word, "0123456789")) && !strings.Contains(date, t.raw) {
			return false
		}
	}
	return true
}

// anyNumber reports whether s holds a number the question does not: a
// word with a digit or a number word ("thousand", "half").
func (e *Engine) anyNumber(q *query, s *sentence) bool {
	for _, t := range s.toks {
		if q.words[t.word] {
			continue
		}
		if e.rules.numberWord[t.word] || strings.ContainsAny(t.word, "0123456789") {
			return true
		}
		// "how long": "a little more than a year".
		for _, u := range e.rules.units[t.word] {
			if e.rules.durations[u] && q.units[u] && t.word != "long" {
				return true
			}
		}
	}
	return false
}

// confidence weighs the evidence into a probability that the best
// sentence answers the question.
func (e *Engine) confidence(x [nEv]float64) float64 {
	z := e.rules.gate.bias
	for i, w := range e.rules.gate.weights {
		z += w * x[i]
	}
	return 1 / (1 + math.Exp(-z))
}

// opensWithPronoun reports whether s opens with a pronoun for its subject ("They
// were a matrilineal people"), which its paragraph names somewhere; an
// "it" that stands for nothing ("It is believed that …") is none.
func (e *Engine) opensWithPronoun(s *sentence) bool {
	return len(s.toks) > 0 && e.rules.lex.subjectPronouns[s.toks[0].word] && !(s.toks[0].word == "it" && e.rules.lex.expletiveSoon(s.toks))
}

// paragraphSays reports whether a sentence of s's paragraph says t.
func (ix *index) paragraphSays(s *sentence, t qterm) bool {
	lo, hi := ix.paragraph(s)
	for i := lo; i < hi; i++ {
		if ix.sents[i].matches(t.term, t.alts) {
			return true
		}
	}
	return false
}

// pronounReach is how many sentences back, across paragraphs, the name a
// sentence opening with a pronoun stands for may be said.
const pronounReach = 6

// saidBefore reports whether one of the pronounReach sentences of s's
// article before it says t: what "She worked on …" may stand for when
// its paragraph names no one.
func (ix *index) saidBefore(s *sentence, t qterm) bool {
	i := s.pos
	if i <= 0 || i > len(ix.sents) || &ix.sents[i] != s {
		return false
	}
	for k := i - 1; k >= 0 && k >= i-pronounReach && ix.sents[k].ArticleID == s.ArticleID; k-- {
		if ix.sents[k].matches(t.term, t.alts) {
			return true
		}
	}
	return false
}

// previous is the sentence before s in its paragraph, or nil.
func (ix *index) previous(s *sentence) *sentence {
	i := s.pos
	if i <= 0 || i > len(ix.sents) || &ix.sents[i] != s {
		return nil
	}
	p := &ix.sents[i-1]
	if p.ArticleID != s.ArticleID || p.Paragraph != s.Paragraph {
		return nil
	}
	return p
}

// paragraph is the range [lo, hi) of s's paragraph in ix.sents.
func (ix *index) paragraph(s *sentence) (int, int) {
	if s.pos < 0 || s.pos >= len(ix.sents) || &ix.sents[s.pos] != s {
		return 0, 0
	}
	lo, hi := ix.paragraphAt(int32(s.pos))
	return int(lo), int(hi)
}

// paragraphAt is the span [lo, hi) of index.sents holding sentence i's
// paragraph.
func (ix *index) paragraphAt(i int32) (int32, int32) {
	s := &ix.sents[i]
	lo, hi := i, i+1
	for lo > 0 && ix.sents[lo-1].ArticleID == s.ArticleID && ix.sents[lo-1].Paragraph == s.Paragraph {
		lo--
	}
	for hi < int32(len(ix.sents)) && ix.sents[hi].ArticleID == s.ArticleID && ix.sents[hi].Paragraph == s.Paragraph {
		hi++
	}
	return lo, hi
}

// lead is the first sentence of s's paragraph, where a paragraph names
// its subject ("Debian 3.0 Woody (19 July 2002): …"), or nil.
func (ix *index) lead(s *sentence) *sentence {
	lo, hi := ix.paragraph(s)
	if hi <= lo {
		return nil
	}
	return &ix.sents[lo]
}

// next is the sentence after s in its paragraph, or nil.
func (ix *index) next(s *sentence) *sentence {
	i := s.pos
	if i < 0 || i+1 >= len(ix.sents) || &ix.sents[i] != s {
		return nil
	}
	n := &ix.sents[i+1]
	if n.ArticleID != s.ArticleID || n.Paragraph != s.Paragraph {
		return nil
	}
	return n
}

// hasWord reports whether s holds the folded word w.
func (s *sentence) hasWord(w string) bool { return s.wordAt(w) >= 0 }

// hasRaw reports whether s holds a word written exactly as raw.
func (s *sentence) hasRaw(raw string) bool {
	return slices.ContainsFunc(s.toks, func(t token) bool { return t.raw == raw })
}

// wordAt is the position of the folded word w in s, or -1.
func (s *sentence) wordAt(w string) int {
	for i, t := range s.toks {
		if t.word == w {
			return i
		}
	}
	return -1
}

// phraseSpan is the tokens [from, to) of s that start within the first
// place phrase stands in its text; ok is false when phrase is not there
// or no token starts within it.
func (s *sentence) phraseSpan(phrase string) (from, to int, ok bool) {
	at := strings.Index(s.Text, phrase)
	if at < 0 {
		return 0, 0, false
	}
	from, to = -1, -1
	for i, t := range s.toks {
		if t.start >= at && t.start < at+len(phrase) {
			if from < 0 {
				from = i
			}
			to = i + 1
		}
	}
	return from, to, from >= 0
}

// hasStem reports whether s holds a word of stem st.
// saysWord reports whether s holds the stem st as a word, not only in a
// name or title: the "Miss" of "Miss Ward" is no antonym of "have". A
// capital opening the sentence before a word in lower case counts as a
// word.
func (s *sentence) saysWord(st string) bool {
	for i, t := range s.toks {
		if t.stem != st {
			continue
		}
		if !isCapitalised(t.raw) || i == 0 && (len(s.toks) == 1 || !isCapitalised(s.toks[1].raw)) {
			return true
		}
	}
	return false
}

func (s *sentence) hasStem(st string) bool {
	_, ok := s.terms[st]
	return ok
}

// titleStems are the stems of the words of the title of article id: the
// article's subject, which its sentences need not repeat ("Victoria").
func (ix *index) titleStems(id string) map[string]bool {
	out := map[string]bool{}
	// The article's sentences point to it (an index laid over another
	// lists no articles of its own).
	if a := ix.article(id); a != nil {
		for _, t := range tokenize(a.Title) {
			out[t.stem] = true
		}
	}
	return out
}

// creditStems are the stems of the words naming article id's source: its
// title, outlet and byline ("according to Bloomberg" of a Bloomberg
// story says where it is told).
func (ix *index) creditStems(id string) map[string]bool {
	out := map[string]bool{}
	if a := ix.article(id); a != nil {
		for _, t := range tokenize(a.Title + " " + a.Outlet + " " + a.Byline) {
			out[t.stem] = true
		}
	}
	return out
}

// article is the stored article id, read from its first sentence; nil
// when the index holds none of its sentences.
func (ix *index) article(id string) *store.Article {
	if sp, ok := ix.spans[id]; ok && sp[1] > sp[0] {
		return ix.sents[sp[0]].article
	}
	return nil
}

// vagueOnly reports whether q asks which of several things ("which
// European capitals …", the first plural word after "which" or "what")
// and s says them only after a vague word ("several European capitals"):
// it counts them, but names none.
func (e *Engine) vagueOnly(q *query, s *sentence) bool {
	if len(q.toks) < 2 || q.toks[0].word != "which" && q.toks[0].word != "what" {
		return false
	}
	head := ""
	for _, t := range q.toks[1:min(4, len(q.toks))] {
		if e.rules.copula[t.word] || e.rules.auxiliary[t.word] {
			break // "what have workers …": no noun of the question word's
		}
		if pluralWord(t.word) {
			head = t.stem
			break
		}
	}
	if head == "" {
		return false
	}
	said := false
	for i, t := range s.toks {
		if t.stem != head {
			continue
		}
		said = true
		if !(i > 0 && e.rules.vague[s.toks[i-1].word] || i > 1 && e.rules.vague[s.toks[i-2].word]) {
			return false
		}
		if i+1 < len(s.toks) && (e.rules.copula[s.toks[i+1].word] || e.rules.lex.namingAfter[s.toks[i+1].word]) {
			return false // "Many developers were students …", "several ports, such as …"
		}
	}
	return said
}

// titleSaysNumber reports whether the title of s's article says the
// number n: a title is said of every sentence under it ("The Commune of
// 1871" dates its election "in 1871").
func (e *Engine) titleSaysNumber(ix *index, s *sentence, n string) bool {
	for st := range ix.titleStems(s.ArticleID) {
		if e.sameNumber(n, st) {
			return true
		}
	}
	return false
}

// countedUnsaid reports whether q asks how many of something ("How many
// full time rebels …?") whose head noun s and the sentences beside it
// never say in any form, while the articles use it: a noun no article
// uses may be the sentence's own in other words ("cops", "policemen"),
// and weighs as an unknown word. The noun phrase runs from "many" to the
// first stop word or verb ("How many miners died …": miners); a head
// that names the kind of answer ("how many people", "how many times")
// counts nothing in particular.
func (e *Engine) countedUnsaid(ix *index, q *query, s, prev, next *sentence) bool {
	r := e.rules
	generic := func(t token) bool { return r.answerHead[t.word] || r.answerHead[t.stem] }
	for i := 1; i < len(q.toks); i++ {
		if q.toks[i].word != "many" || q.toks[i-1].word != "how" {
			continue
		}
		if i+1 < len(q.toks) && generic(q.toks[i+1]) {
			return false
		}
		head := -1
		for j := i + 1; j < len(q.toks); j++ {
			w := q.toks[j].word
			if r.stop[w] || english.IsStopWord(w) || strings.HasSuffix(w, "ed") || r.forms[q.toks[j].stem] != nil {
				break
			}
			head = j
		}
		if head < 0 || generic(q.toks[head]) {
			return false
		}
		for _, t := range q.terms {
			if _, used := ix.idfOf(t.term); t.term == q.toks[head].stem && used {
				return !s.matches(t.term, t.alts) && (prev == nil || !prev.matches(t.term, t.alts)) && (next == nil || !next.matches(t.term, t.alts))
			}
		}
	}
	return false
}

// namesNothing reports whether q asks the name of something ("What was
// the name of the man in the chair?") and s gives no name the question
// does not say: no capitalised word after its first, no number and no
// quoted term. "The man sat huddled in his chair" tells of the man and
// leaves him unnamed.
func (e *Engine) namesNothing(q *query, s *sentence) bool {
	if q.class.name != "naming" || !e.asksNameOf(q.toks) || e.namedHead(q.toks) == "" {
		return false
	}
	if e.appositiveName(q, s) != "" || firstQuoted(s.Text) != "" {
		return false
	}
	for i, t := range s.toks {
		if isNumber(t.word) || i > 0 && isCapitalised(t.raw) && !q.words[t.stem] {
			return false
		}
	}
	return true
}

// asksNameOf reports whether toks ask "the name of" or "the names of"
// something, the name it is known by (naming_phrase's proper nouns and
// links); "the name for" and "the term for" may ask for a common noun ("a
// problem instance").
func (e *Engine) asksNameOf(toks []token) bool {
	return namingPhraseEnd(toks, e.rules.properNoun, e.rules.properLink) >= 0
}
