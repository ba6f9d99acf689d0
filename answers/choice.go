package answers

import (
	"context"
	"strings"
)

// maxOption is the most content words an option of a choice may have.
const maxOption = 3

// choice is a question that offers two options ("Did the mayor fly to
// Oslo or to Bergen?"), read as two questions with one option each.
type choice struct {
	asks    [2]string // the question with only the first, only the second option
	options [2]string // each option as the question writes it
}

// readChoice reads text as a choice: a question that starts with an
// auxiliary ("did", "is", "was") and ends with "… A or B", B at most
// maxOption content words and A as many before "or" (words both share,
// "late" in "late Monday or late Friday", are said by each); else ok is
// false. "Whether or not" offers no choice. A source phrase it opens or
// ends with ("Per the harbour story, did …", "…, going by the board")
// and words set before the question by a dash, a colon or a comma
// ("the ferry - was that in May or in June") stay in each option's
// question but are no part of the choice.
func (e *Engine) readChoice(text string) (c choice, ok bool) {
	if !strings.Contains(text, " or ") && !strings.Contains(text, " OR ") && !strings.Contains(text, " Or ") {
		return c, false // no "or", no choice: spare the source phrases' patterns
	}
	from, to := e.rules.sourceEnds(text)
	core := text[from:to]
	if k := e.askedAfterLead(core); k > 0 {
		from += k
		core = core[k:]
	}
	if c, ok = e.readBareChoice(core); !ok {
		return c, false
	}
	for k := range c.asks {
		c.asks[k] = strings.Join(strings.Fields(text[:from]+" "+c.asks[k]+" "+text[to:]), " ")
	}
	return c, true
}

// askedAfterLead is where the yes/no question of text starts when words
// before it end in a dash, a colon or a comma ("the ferry - was that …",
// "in the end, did she …"): the byte offset of its auxiliary, or 0.
func (e *Engine) askedAfterLead(text string) int {
	toks := tokenize(text)
	for i := 1; i+3 < len(toks); i++ {
		if e.rules.auxiliary[toks[i].word] && strings.ContainsAny(text[toks[i-1].end:toks[i].start], ",:-–—") {
			return toks[i].start
		}
	}
	return 0
}

// readBareChoice is readChoice on a question with nothing before its
// auxiliary.
func (e *Engine) readBareChoice(text string) (c choice, ok bool) {
	toks := tokenize(text)
	if len(toks) < 4 || !e.rules.auxiliary[toks[0].word] {
		return c, false
	}
	// A capitalised word is a name, whatever its folded form ("May"
	// against "may").
	content := func(t token) bool { return midCapital(t) || !e.stopword(t.word) }
	or := -1
	for i := len(toks) - 2; i > 0; i-- {
		if toks[i].word == "or" {
			or = i
			break
		}
	}
	if or < 0 || toks[or+1].word == "not" {
		return c, false
	}
	var right []int
	for i := or + 1; i < len(toks); i++ {
		if content(toks[i]) {
			right = append(right, i)
		}
	}
	if len(right) > maxOption {
		return e.innerChoice(text, toks, or, content)
	}
	if len(right) == 0 {
		return c, false
	}
	var left []int
	for i := or - 1; i > 0 && len(left) < len(right); i-- {
		if content(toks[i]) {
			left = append([]int{i}, left...)
		} else if len(left) > 0 {
			break
		}
	}
	if len(left) == 0 {
		return c, false
	}
	l0, l1 := toks[left[0]].start, toks[left[len(left)-1]].end
	r0, r1 := toks[right[0]].start, toks[right[len(right)-1]].end
	c.options = [2]string{text[l0:l1], text[r0:r1]}
	// The first: the question without " or …B"; the second: without
	// "A or " (what comes between stays: "in").
	c.asks[0] = strings.TrimRight(text[:toks[or].start], " ") + text[r1:]
	c.asks[1] = text[:l0] + text[toks[or+1].start:toks[right[0]].start] + text[r0:]
	c.asks[0] = strings.Join(strings.Fields(c.asks[0]), " ")
	c.asks[1] = strings.Join(strings.Fields(c.asks[1]), " ")
	return c, true
}

// innerChoice reads a choice of two words qualifying one noun inside the
// question ("Is Eastmark asking for a temporary or a permanent guarantee
// that …?"): A right before "or", B after it (and its determiner), the
// noun after B; else ok is false.
func (e *Engine) innerChoice(text string, toks []token, or int, content func(token) bool) (c choice, ok bool) {
	b := or + 1
	if b < len(toks) && e.rules.determiner[toks[b].word] {
		b++
	}
	a := or - 1
	if b+1 >= len(toks) || a < 1 || !content(toks[a]) || !content(toks[b]) || !content(toks[b+1]) {
		return c, false
	}
	c.options = [2]string{text[toks[a].start:toks[a].end], text[toks[b].start:toks[b].end]}
	c.asks[0] = strings.Join(strings.Fields(text[:toks[or].start]+text[toks[b].end:]), " ")
	c.asks[1] = strings.Join(strings.Fields(text[:toks[a].start]+text[toks[b].start:]), " ")
	return c, true
}

// answerChoice answers a choice question with the option the articles
// support: each option is asked alone; the answered one wins, then the
// one its quote says, then the surer; and its answer is the option as the
// quote says it.
// Neither answered is a refusal.
func (e *Engine) answerChoice(ctx context.Context, echo string, c choice, explain bool, cw *carriedWords) (Answer, []scored, error) {
	var as [2]Answer
	var rs [2][]scored
	for k, q := range c.asks {
		a, r, err := e.answerOne(ctx, q, explain, true, cw)
		if err != nil {
			return Answer{}, nil, err
		}
		as[k], rs[k] = a, r
	}
	k := pickOption(as, c.options)
	a := as[k]
	a.Question = echo
	if a.Answered && len(a.Quotes) > 0 && !a.Conflict {
		if span := optionSpan(c.options[k], a.Quotes[0].Text); span != "" {
			a.Answer = span
		}
	}
	return a, rs[k], nil
}

// pickOption is which of the two options' answers as wins: the answered
// one over a refusal; then the one whose quote says its option over one
// whose quote does not ("odd" against "All throw numbers must be even");
// then the surer.
func pickOption(as [2]Answer, options [2]string) int {
	says := func(k int) bool {
		return as[k].Answered && len(as[k].Quotes) > 0 && optionSpan(options[k], as[k].Quotes[0].Text) != ""
	}
	switch {
	case as[0].Answered != as[1].Answered:
		if as[1].Answered {
			return 1
		}
		return 0
	case says(0) != says(1):
		if says(1) {
			return 1
		}
		return 0
	case as[1].Confidence > as[0].Confidence:
		return 1
	}
	return 0
}

// optionSpan is the option as quote says it — the whole option, else its
// last word the quote holds — or "".
func optionSpan(option, quote string) string {
	if span := findFold(quote, option); span != "" {
		return span
	}
	ws := strings.Fields(option)
	for i := len(ws) - 1; i >= 0; i-- {
		if len(ws[i]) > 2 {
			if span := findFold(quote, ws[i]); span != "" {
				return span
			}
		}
	}
	return ""
}

// findFold is the first span of s that equals w but for case, starting
// and ending at word boundaries, or "".
func findFold(s, w string) string {
	ls, lw := strings.ToLower(s), strings.ToLower(w)
	if len(ls) != len(s) || lw == "" {
		return ""
	}
	for from := 0; ; {
		i := strings.Index(ls[from:], lw)
		if i < 0 {
			return ""
		}
		i += from
		j := i + len(lw)
		if (i == 0 || !isWordByte(s[i-1])) && (j == len(s) || !isWordByte(s[j])) {
			return s[i:j]
		}
		from = i + 1
	}
}

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
}
