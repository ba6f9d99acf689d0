package answers

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"

	"github.com/parley-bot/parley/store"
)

// answeringQuantities are the quantities of s that answer a how many or
// how much question: where s counts nothing, its new quantities; where it
// counts things, only a sum of money, for "how much" ("Sky bid £4.2bn for
// 120 games").
func (e *Engine) answeringQuantities(q *query, s *sentence) []string {
	if len(s.facts.counts) == 0 {
		return newQuantities(q, s)
	}
	return e.sums(q, s)
}

// sums are the sums of money s gives that the question does not, when it
// asks for a sum ("how much"; sum_words).
func (e *Engine) sums(q *query, s *sentence) []string {
	if !q.sum {
		return nil
	}
	var out []string
	for _, f := range s.facts.quantities {
		if money(f.Value) && !saysAsWord(q.text, f.Value) {
			out = append(out, f.Object)
		}
	}
	return out
}

// readAmount notes whether a question's words ask for a sum ("how much";
// sum_words), a price (a sum word and a price word, "How much did they
// pay?", the sum word not asking a part of something, "how much of their
// income do they pay?") or a share (share_words). analyse reads it once;
// each candidate sentence is checked against it.
func (r *rules) readAmount(q *query) {
	price, part := false, false
	for i, t := range q.toks {
		if r.sumWord[t.word] {
			q.sum = true
			part = part || i+1 < len(q.toks) && q.toks[i+1].word == "of"
		}
		price = price || r.priceWord[t.word]
		q.share = q.share || r.shareWord[t.word]
	}
	q.price = q.sum && price && !part
}

// prices are the sums of money s gives that q does not: a quantity with
// a currency sign or of a currency ("thirty shillings"), or a count of
// one.
func (e *Engine) prices(q *query, s *sentence) []string {
	var out []string
	for _, f := range s.facts.quantities {
		if (money(f.Value) || e.rules.currency[f.Subject]) && !saysAsWord(q.text, f.Value) {
			out = append(out, f.Object)
		}
	}
	for _, c := range s.facts.counts {
		if e.rules.currency[c.Subject] && !saysAsWord(q.text, c.Object) {
			out = append(out, c.Object)
		}
	}
	return out
}

// shares are the shares s gives that q does not: percentages ("more
// than 60%", "12 per cent") and fractions, as written.
func shares(q *query, s *sentence) []string {
	var out []string
	for _, f := range s.facts.quantities {
		if isShare(f.Value) || isShare(f.Object) {
			if !saysAsWord(q.text, f.Value) {
				out = append(out, f.Object)
			}
		}
	}
	for _, c := range s.facts.counts {
		if c.Subject == "share" && !saysAsWord(q.text, c.Object) {
			out = append(out, c.Object)
		}
	}
	return out
}

// isShare reports whether a quantity as written is a percentage.
func isShare(v string) bool {
	return strings.Contains(v, "%") || strings.Contains(v, "percent") || strings.Contains(v, "per cent")
}

// money reports whether a quantity as written is a sum of money: it holds
// a currency sign, as the quantity pattern reads them (currencySigns).
func money(v string) bool { return strings.ContainsAny(v, currencySigns) }

// newQuantities are the numbers s states (as written: "30,000 men",
// "1.2 million") that q does not: those counting a noun q uses first,
// else all of them.
func newQuantities(q *query, s *sentence) []string {
	var fit, other []string
	for _, f := range s.facts.quantities {
		if q.words[fold(f.Value)] || q.words[strings.ReplaceAll(fold(f.Value), ",", "")] || saysAsWord(q.text, f.Value) {
			continue
		}
		if f.Subject != "" && (q.words[f.Subject] || q.units[f.Subject]) {
			fit = append(fit, f.Object)
		} else if !versionLabel(s.Text, f.Value) {
			other = append(other, f.Object)
		}
	}
	if len(fit) > 0 {
		return fit
	}
	return other
}

// versionLabel reports whether v, a quantity of text as written, is a
// version or a label rather than an amount: a decimal of digits alone
// right after a word ("kit 0.6", "Release 4.0"), counting nothing.
func versionLabel(text, v string) bool {
	if !strings.Contains(v, ".") || strings.Trim(v, "0123456789.") != "" {
		return false
	}
	i := strings.Index(text, " "+v)
	if i <= 0 {
		return false
	}
	before := strings.Fields(text[:i])
	if len(before) == 0 {
		return false
	}
	w := before[len(before)-1]
	last, _ := utf8.DecodeLastRuneInString(w)
	return unicode.IsLetter(last) && !english.IsStopWord(fold(w))
}

// newOrdinal reports whether s says an ordinal ("second", "4th") the
// question does not: a place in an order, for a question asking it.
func (e *Engine) newOrdinal(q *query, s *sentence) bool {
	for _, t := range s.toks {
		if e.rules.ordinal(t.word) && !q.words[t.word] {
			return true
		}
	}
	return false
}

// saysAsWord reports whether text holds v whole, not inside a longer
// word or number: the question's own "1.1" ("Release 1.1") is no answer.
func saysAsWord(text, v string) bool {
	if v == "" {
		return false
	}
	edge := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	for i := 0; ; {
		k := strings.Index(text[i:], v)
		if k < 0 {
			return false
		}
		k += i
		before, _ := utf8.DecodeLastRuneInString(text[:k])
		after, _ := utf8.DecodeRuneInString(text[k+len(v):])
		if !edge(before) && !edge(after) {
			return true
		}
		i = k + 1
	}
}

// newCounts are the counts in s that fit the question's unit and side
// and that the question does not already state.
func (e *Engine) newCounts(q *query, s *sentence) []countFact {
	var out []countFact
	for _, c := range s.facts.counts {
		// The count must be of what the question counts: a unit it
		// names ("points", "how long") or a noun it uses ("countries").
		if !q.units[c.Subject] && !q.words[c.Subject] && !e.ageCount(q, s, c) {
			continue
		}
		if q.side != "" && c.Predicate != "" && c.Predicate != "ordinal" && c.Predicate != q.side {
			continue
		}
		if q.words[fold(c.Value)] {
			continue
		}
		// "A third day of talks" does not say how many days there were.
		if c.Predicate == "ordinal" && !q.ordinal {
			continue
		}
		// A duration must be of what the question times: "how long has
		// the war lasted" is not answered by "convened for two days".
		if e.rules.durations[c.Subject] && !e.durationOf(q, s, c.Object) {
			continue
		}
		out = append(out, countFact{unit: c.Subject, value: c.Value, text: c.Object, ordinal: c.Predicate == "ordinal"})
	}
	return out
}

// ageCount reports whether count c of s is an age a question asking one
// ("how old") wants: a duration followed by a word asking it ("some 5500
// years old").
func (e *Engine) ageCount(q *query, s *sentence, c store.Fact) bool {
	if !e.rules.durations[c.Subject] {
		return false
	}
	var asks string
	for u := range q.units {
		if e.rules.exactUnit[u] {
			asks = u
		}
	}
	if asks == "" {
		return false
	}
	_, to, ok := s.phraseSpan(c.Object)
	return ok && to < len(s.toks) && contains(e.rules.units[s.toks[to].word], asks)
}

// durationReach is how many words from a duration the thing it times
// may be ("nearly four years of war", "his five-hour talks").
const durationReach = 4

// durationOf reports whether the count phrase in s lies near a word of
// the question other than the ones asking "how long" (true when the
// question has none).
func (e *Engine) durationOf(q *query, s *sentence, phrase string) bool {
	long := stem("long")
	var subject []qterm
	for _, t := range q.terms {
		if t.term[0] == '@' || t.term == long || contains(t.alts, long) || len(e.rules.units[t.term]) > 0 {
			continue
		}
		subject = append(subject, t)
	}
	if len(subject) == 0 {
		return true
	}
	from, to, ok := s.phraseSpan(phrase)
	if !ok {
		return true
	}
	for i, t := range s.toks {
		if i < from-durationReach || i >= to+durationReach {
			continue
		}
		for _, qt := range subject {
			if t.stem == qt.term || contains(qt.alts, t.stem) {
				return true
			}
		}
	}
	return false
}

type countFact struct {
	unit, value, text string
	ordinal           bool
}
