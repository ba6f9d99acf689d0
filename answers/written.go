package answers

import (
	"regexp"
	"strings"
)

// writtenNumber is a number with separators or decimals as written
// ("1,307,204", "3.3"), which tokens split into its parts.
var writtenNumber = regexp.MustCompile(`\d+(?:[.,]\d+)+`)

// numberUnsaid reports whether the question writes a number with
// separators or decimals that none of the sentences writes: "3.3
// million" is not "3.7 million", though both hold a 3. A fraction of
// zeros says no more than the whole number ("2.00", "2.0", "2").
func numberUnsaid(question string, ss ...*sentence) bool {
	for _, n := range writtenNumber.FindAllString(question, -1) {
		said := false
		for _, s := range ss {
			if s == nil {
				continue
			}
			for _, m := range writtenNumber.FindAllString(s.Text, -1) {
				if m == n || sameValue(m, n) {
					said = true
				}
			}
			// "2.00" is "2", said whole, in a sentence writing no number
			// with a point or comma (whose parts are words too: "3.3"
			// holds no "3" it says).
			w := wholeOf(n)
			said = said || w != "" && s.hasWord(w) && !writtenNumber.MatchString(s.Text)
		}
		if !said {
			return true
		}
	}
	return false
}

// magnitudeSwapped reports whether s writes the number n only with
// another number word after it than mag ("20 billion" for "20 million").
func magnitudeSwapped(s *sentence, n, mag string, numberWord map[string]bool) bool {
	other := false
	for j := 0; j+1 < len(s.toks); j++ {
		if s.toks[j].word != n {
			continue
		}
		switch w := s.toks[j+1].word; {
		case w == mag:
			return false
		case numberWord[w]:
			other = true
		}
	}
	return other
}

// saysNumber reports whether s (which may be nil) says the number n, in
// digits or as general.yaml's word for it ("4", "four").
func (e *Engine) saysNumber(s *sentence, n string) bool {
	if s == nil {
		return false
	}
	if s.hasWord(n) {
		return true
	}
	for _, t := range s.toks {
		if e.sameNumber(n, t.word) || shortYear(n, t.word) || sameValue(n, t.word) {
			return true
		}
	}
	return false
}

// zeroForms are the forms of the number n in digits with a fraction of
// zeros ("3.0", "3.00") other than n that the articles use (known). The
// whole number itself is none: "8" is in too many sentences to stand for
// a question's "8.0".
func zeroForms(n string, known func(string) bool) []string {
	whole := wholeOf(n)
	if whole == "" {
		return nil
	}
	var out []string
	for _, f := range []string{".0", ".00"} {
		if w := whole + f; w != n && known(w) {
			out = append(out, w)
		}
	}
	return out
}

// wholeOf is the whole number n writes in digits, with or without a
// fraction of zeros ("3.0" → "3"), or "".
func wholeOf(n string) string {
	n = ungrouped(n)
	if i := strings.IndexByte(n, '.'); i > 0 && i+1 < len(n) && strings.Trim(n[i+1:], "0") == "" {
		n = n[:i]
	}
	if !isDigits(n) {
		return ""
	}
	return n
}

// ungrouped is n without the commas that group its thousands ("65,534":
// "65534"), or n itself when its commas group nothing ("20,24").
func ungrouped(n string) string {
	if !strings.Contains(n, ",") {
		return n
	}
	whole, frac, hasFrac := strings.Cut(n, ".")
	groups := strings.Split(whole, ",")
	if len(groups) < 2 || len(groups[0]) == 0 || len(groups[0]) > 3 || !isDigits(groups[0]) {
		return n
	}
	for _, g := range groups[1:] {
		if len(g) != 3 || !isDigits(g) {
			return n
		}
	}
	if hasFrac {
		return strings.Join(groups, "") + "." + frac
	}
	return strings.Join(groups, "")
}

// sameValue reports whether a and b write one number in digits, one with
// a fraction of zeros ("3" and "3.0", "1.0" and "1"): a version or a
// measure said whole.
func sameValue(a, b string) bool {
	return a != b && wholeOf(a) != "" && wholeOf(a) == wholeOf(b)
}

// shortYear reports whether n writes the year y by its last two digits,
// as chat does ("in 74" for 1974, "91/92" for 1991/1992): y is a year of
// 1800–2099.
func shortYear(n, y string) bool {
	return len(y) == 4 && len(shortYears(n, func(c string) bool { return c == y })) > 0
}

// shortYears are the years of 1800–2099 the articles use (known) that a
// question's two digits n may write ("74": "1974").
func shortYears(n string, known func(string) bool) []string {
	if len(n) != 2 || !isDigits(n) {
		return nil
	}
	var out []string
	for _, c := range []string{"18", "19", "20"} {
		if known(c + n) {
			out = append(out, c+n)
		}
	}
	return out
}

// sameNumber reports whether the words a and b write one number, in
// digits or as general.yaml's word for it ("30", "thirty"). The synonyms
// are stems ("thirti"), so the words are compared by theirs.
func (e *Engine) sameNumber(a, b string) bool {
	if a == b || sameValue(a, b) {
		return true
	}
	num := func(w string) bool { return isNumber(w) || e.rules.numberWord[w] }
	// An ordinal in digits is the same as its word ("2nd", "second").
	return (num(a) && num(b) || isOrdinal(a) || isOrdinal(b)) && contains(e.rules.synonyms[stem(a)], stem(b))
}

// isDigits reports whether w is digits only.
func isDigits(w string) bool {
	for i := 0; i < len(w); i++ {
		if !isDigit(w[i]) {
			return false
		}
	}
	return w != ""
}
