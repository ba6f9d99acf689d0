package answers

import (
	"strings"
	"unicode/utf8"
)

// initialsWritten maps each word of a run of content words of the
// question ("daylight saving time", "United States") to the word its
// initials spell ("dst", "us") when the articles write that word only
// capitalised ("DST", "US"): the articles' short form says the run. A run
// is of two to four words, three at least in lower case; the longest run
// from each word is taken; words of a pack's mention are none.
func (e *Engine) initialsWritten(ix *index, toks []token, inMention []bool) map[int]string {
	content := func(i int) bool {
		w := toks[i].word
		return !inMention[i] && w != "" && !e.stopword(w) && !isNumber(w)
	}
	var out map[int]string
	for i := 0; i < len(toks); i++ {
		for n := min(4, len(toks)-i); n >= 2; n-- {
			var b strings.Builder
			ok := true
			for j := i; j < i+n && ok; j++ {
				ok = content(j) && (j == i || toks[j].start <= toks[j-1].end+1)
				if ok {
					r, _ := utf8.DecodeRuneInString(toks[j].word)
					b.WriteRune(r)
				}
			}
			short := b.String()
			// Two initials of common words are as often another's
			// ("particular problem", "PP"): a run in lower case takes
			// three words or more.
			if ok && n == 2 && !(isCapitalised(toks[i].raw) && isCapitalised(toks[i+1].raw)) {
				ok = false
			}
			if !ok || !ix.writtenAsName(short) {
				continue
			}
			if out == nil {
				out = map[int]string{}
			}
			for j := i; j < i+n; j++ {
				out[j] = stem(short)
			}
			i += n - 1
			break
		}
	}
	return out
}
