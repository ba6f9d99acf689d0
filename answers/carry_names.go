package answers

import (
	"regexp"
	"sort"
	"strings"
)

// numberedRe is what may join two learned names into one, or end one: a
// version number ("Debian 2.0 Hamm", "Release 1.1"), or a number after a
// hyphen ("TIS-620").
var (
	numberedGapRe  = regexp.MustCompile(`^\s\d+(?:\.\d+)*\s$`)
	numberedTailRe = regexp.MustCompile(`^(?:\s\d+(?:\.\d+)+|-\d+(?:\.\d+)*)\b`)
)

// joinNumbered joins learned names that a version number links ("Debian",
// "2.0", "Hamm" → "Debian 2.0 Hamm") and takes a decimal number after a
// name into it ("Debian 1.0"): a release is one name, not two.
func joinNumbered(text string, ns []named, kind func(string) string) []named {
	sort.Slice(ns, func(i, j int) bool { return ns[i].start < ns[j].start })
	var out []named
	for _, n := range ns {
		if k := len(out) - 1; k >= 0 && out[k].end <= n.start && numberedGapRe.MatchString(text[out[k].end:n.start]) {
			out[k].end = n.end
			out[k].Text = text[out[k].start:n.end]
			out[k].Kind = kind(out[k].Text)
			continue
		}
		out = append(out, n)
	}
	for i := range out {
		if m := numberedTailRe.FindString(text[out[i].end:]); m != "" {
			out[i].end += len(m)
			out[i].Text = text[out[i].start:out[i].end]
			out[i].Kind = kind(out[i].Text)
		}
	}
	return out
}

// asksWhich reports whether question asks which thing: a which word then a
// noun ("Which vendor shipped …?", not "What did …?").
func (e *Engine) asksWhich(question string) bool {
	c, err := loadCarryRules()
	if err != nil {
		return false
	}
	toks := tokenize(e.rules.trimLeadIns(Normalize(question)))
	if len(toks) < 2 || !c.whichWords[toks[0].word] {
		return false
	}
	w := toks[1].word
	return !e.stopword(w) && !c.auxiliary[w] && !c.questionWords[w]
}

// namesAdded is the one name quote gives that question does not (a
// release number aside), as a list; none when the quote adds none or
// several.
func (e *Engine) namesAdded(ix *index, question, quote string) []Name {
	have := e.rules.stemSet(question)
	var added []Name
	for _, n := range joinNumbered(quote, e.namesIn(ix, quote), ix.learnedKind) {
		fresh := false
		for _, t := range tokenize(n.Text) {
			fresh = fresh || !have[t.stem] && !isNumber(t.word)
		}
		if fresh {
			added = append(added, n.Name)
		}
	}
	// "Debian" again after "Debian 1.1 Buzz" is the same name.
	var distinct []Name
	for _, n := range added {
		part := false
		for _, m := range added {
			part = part || len(m.Text) > len(n.Text) && strings.Contains(m.Text, n.Text)
		}
		if !part && (len(distinct) == 0 || distinct[0].Text != n.Text) {
			distinct = append(distinct, n)
		}
	}
	if len(distinct) > 1 {
		// "Which pope brought in the Gregorian calendar?" — "When Pope
		// Gregory instituted the Gregorian Calendar, the Julian Calendar
		// …": the name the asked noun is part of, or follows.
		distinct = e.ofAskedNoun(question, quote, distinct)
	}
	if len(distinct) != 1 {
		return nil
	}
	return distinct
}

// ofAskedNoun are those of names (found in quote) that hold a word of the
// phrase a which question asks for ("Pope Gregory" for "Which pope …?")
// or come right after one ("the emperor Ashoka" for "Which emperor …?").
func (e *Engine) ofAskedNoun(question, quote string, names []Name) []Name {
	c, err := loadCarryRules()
	if err != nil {
		return nil
	}
	phrase, _ := e.whPhrase(c, question)
	asked := map[string]bool{}
	for _, w := range foldWords(phrase) {
		if !e.stopword(w) {
			asked[stem(w)] = true
		}
	}
	// "… married to which of Dorn's daughters?": the words after a
	// "which" further in are asked for too, but for the names ("Dorn").
	for _, t := range afterWhichFurtherIn(tokenize(question)) {
		if !e.stopword(t.word) && !isCapitalised(t.raw) {
			asked[t.stem] = true
		}
	}
	var out []Name
	for _, n := range names {
		at := strings.Index(quote, n.Text)
		if at < 0 {
			continue
		}
		before := tokenize(quote[:at])
		held := len(before) > 0 && asked[before[len(before)-1].stem] && before[len(before)-1].end >= at-1
		for _, t := range tokenize(n.Text) {
			held = held || asked[t.stem]
		}
		if held {
			out = append(out, n)
		}
	}
	return out
}

// whichAgain reads "Which was dropped?" after "Which architecture was
// added in Debian 4.0 Etch?" as "Which architecture was dropped in Debian
// 4.0 Etch": the new question asks which of the same things, with a verb
// of its own, so it takes the last question's noun and its names with
// their prepositions, not its verb.
func (e *Engine) whichAgain(ix *index, c *carryRules, p turnRead, toks []token, text string) (string, bool) {
	if !p.askedWhich || len(toks) < 3 || !c.whichWords[toks[0].word] || !c.auxiliary[toks[1].word] {
		return "", false
	}
	ptoks := tokenize(p.question)
	if len(ptoks) < 2 {
		return "", false
	}
	var where []string
	for _, n := range joinNumbered(p.question, e.namesIn(ix, p.question), ix.learnedKind) {
		for i, t := range ptoks {
			if t.end <= n.start && (i+1 == len(ptoks) || ptoks[i+1].start >= n.start) && c.swapPrep[t.word] {
				where = append(where, t.raw+" "+n.fill())
			}
		}
	}
	if len(where) == 0 {
		return "", false
	}
	read := text[:toks[0].end] + " " + ptoks[1].raw + text[toks[0].end:]
	return strings.TrimRight(read, " ?!.") + " " + strings.Join(where, " "), true
}
