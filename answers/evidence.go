package answers

import (
	"math"
	"slices"
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
	evNearLast           // a follow-up, and the sentence stands near the last answer's quote (rankContext.near)
	evNearTried          // the same, near the best sentence of the last question, refused
	nEv
)

// evidenceNames name the features in explanations and in general.yaml.
var evidenceNames = [nEv]string{"coverage", "context", "missing_name", "unknown", "negation", "opposite", "number", "margin",
	"prefix", "negated", "missing_capital", "missing_context", "missing_max", "count", "exact", "run", "score", "no_type", "future", "plain", "scrambled", "swapped", "name_swapped", "yes_no", "counted", "near_last", "near_tried"}

// evidence reads the features of the best of ranked for q: those of the
// ranking, then (when the question has weighted terms) the terms missing
// around the sentence, numbers and negation, and opposites.
func (e *Engine) evidence(ix *index, q *query, ranked []scored) [nEv]float64 {
	var x [nEv]float64
	s := ranked[0].s
	e.rankEvidence(&x, q, ranked)
	x[evNearLast] = ranked[0].feat[fNear]
	x[evNearTried] = ranked[0].feat[fTried]
	prev, next, lead := ix.previous(s), ix.next(s), ix.lead(s)
	terms := ix.evidenceTerms(q, s)
	total := 0.0
	for _, t := range terms {
		total += t.weight
	}
	if total == 0 {
		return x
	}
	e.missingEvidence(&x, ix, q, terms, s, prev, next, lead, total)
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
	if name || otherOutlet(q, s, terms) || e.entitySwapped(ix, q, s, prev) || e.possessorSwapped(q, s) || e.modifierSwapped(q, s) || e.titleSwapped(ix, q, s) {
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
		(q.class.wants != wantNumber || e.asksExactUnit(q) || q.price || !e.anyNumber(q, s) || e.dateForDuration(q, s)) {
		// A count the facts do not read ("6,000 square kilometres") still
		// answers "how much"; nothing else stands in for a missing type.
		x[evNoType] = 1
		if q.class.wants == wantPlace && e.wherePhrase(q, s) != "" {
			x[evNoType] = 0.5 // half the type: see wherePhraseAnswers
		}
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

// saysBoth reports whether s holds one of the WordNet synonyms of q's
// term st (qterm.weak) that is no antonym of st: with the antonym it says
// both sides ("a particular algorithm, whereas the latter asks a more
// general question" for "specific"). WordNet gives a verb's other words
// with a noun's ("mother" is a verb for "father"): those say no side.
func (e *Engine) saysBoth(q *query, s *sentence, st string) bool {
	i := slices.IndexFunc(q.terms, func(t qterm) bool { return t.term == st })
	if i < 0 {
		return false
	}
	for _, w := range q.terms[i].weak {
		if _, ok := s.terms[w]; ok && !contains(e.rules.antonyms[st], w) {
			return true
		}
	}
	return false
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
			// "simple or complex": the question names both sides. A
			// word inside a hyphened compound ("son-in-law") is no
			// side of anything.
			// A sentence that negates the antonym ("is not solved" for
			// "unsolved") or says the question's side too says no
			// opposite.
			if s.hasStem(o) && !q.words[o] && s.saysWord(o) && !e.inCompound(q.text, q.toks, i) &&
				!e.negatedAt(s, s.terms[o]) && !e.saysBoth(q, s, t.stem) {
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

// confidence weighs the evidence into a probability that the best
// sentence answers the question.
func (e *Engine) confidence(x [nEv]float64) float64 {
	z := e.rules.gate.bias
	for i, w := range e.rules.gate.weights {
		z += w * x[i]
	}
	return 1 / (1 + math.Exp(-z))
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
		if i+1 < len(s.toks) && e.rules.copula[s.toks[i+1].word] || e.namesAfter(s, i) {
			return false // "Many developers were students …", "several ports, such as …"
		}
	}
	return said
}

// namesAfter reports whether the noun s.toks[i] is followed by a word
// that names its instances (naming_after: "several ports, such as …"),
// right after it or past an "of" phrase ("various parts of Halir, such
// as …").
func (e *Engine) namesAfter(s *sentence, i int) bool {
	j := i + 1
	if j < len(s.toks) && s.toks[j].word == "of" {
		j++
		for j < len(s.toks) && j <= i+4 && !clauseBreak(s, j) && !e.rules.lex.namingAfter[s.toks[j].word] {
			j++
		}
	}
	return j < len(s.toks) && e.rules.lex.namingAfter[s.toks[j].word]
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

// inCompound reports whether toks[i] of text is a word of a compound
// joined by hyphens with a stop word inside ("son" of "son-in-law"): a
// name for one thing, no side of anything. "south-west" is no such
// compound: its "south" is a side of "north".
func (e *Engine) inCompound(text string, toks []token, i int) bool {
	joined := func(k int) bool { // toks[k] and toks[k+1] are joined by a hyphen
		return k >= 0 && k+1 < len(toks) && text[toks[k].end:toks[k+1].start] == "-"
	}
	from, to := i, i
	for joined(from - 1) {
		from--
	}
	for joined(to) {
		to++
	}
	for k := from + 1; k < to; k++ {
		if e.stopword(toks[k].word) {
			return true
		}
	}
	return false
}
