package answers

import (
	"fmt"
	"regexp"
	"strings"
)

// compilePatterns builds the extractors' patterns from f's lists.
func (l *lexicon) compilePatterns(f *lexiconFile) error {
	months := `(?:` + alternation(f.Months) + `|` + alternation(f.MonthAbbreviations) + `)`
	for _, p := range []struct {
		name    string
		re      **regexp.Regexp
		pattern string
	}{
		{"count", &l.countRe, `\b(?:(?:almost|nearly|about|some|over|more than|at least|roughly) )?((?i:\d{1,3}(?:,\d{3})+|\d+|` +
			alternation(f.Numbers.words()) + `))(?:[- ]of)?(?:[- ](?:key|additional|more|full|new|main|other|` + alternation(f.Scales) + `|[A-Z][a-z]+))?[- ]([a-z]+)\b`},
		{"age", &l.ageRe, `\b(?:(?:at )?(?:the )?age(?: of)?|aged) (\d{1,3}|` + alternation(f.Numbers.words()) + `)\b`},
		{"ordinal", &l.ordinalRe, `(?i)\b(` + alternation(f.Ordinals.words()) + `) (day|round)\b`},
		{"fraction", &l.fractionRe, `(?i)\b(` + alternation(f.FractionNumerators) + `)-(` + alternation(f.FractionParts) + `)s?\b`},
		{"date", &l.dateRe, `\b(?:(?:late|early|on|last|this|next) )?(?:` + alternation(f.Weekdays) +
			`)(?:’s|'s)?(?: (?:evening|morning|night|afternoon))?\b|\b(?:` + alternation(f.Months) +
			`)(?: \d{1,2})?(?:,? \d{4})?\b|\b(?:(?:earlier|later|late) )?(?:this|last|next) (?:week|weekend|month|year|fall|autumn|spring|summer|winter)\b|\b(?:` +
			alternation(f.DayPhrases) + `)\b`},
		// "December 5", "5 December 1999", "December 2, 2025", "1066",
		// "1880-08-02",
		// "AD 43", "43 BC", "650 B.C.", "the 11th century", "the 1990s",
		// "mid-1990s", "the '50s", "the early 20th century", "two centuries ago", "30
		// cycles ago" (any unit an invented calendar counts in).
		{"era date", &l.eraDateRe, `\b(?:` +
			`(?:the )?(?:(?:early|mid|late)[- ])?(?:\d{1,2}(?:st|nd|rd|th)|` + alternation(f.Centuries) + `)(?:[- ]century|[- ]centuries)(?: (?:BC|BCE|AD|CE))?` +
			`|(?:the )?(?:(?:early|mid|late)[- ])?(?:1\d|20)\d0s` +
			`|(?:the )?(?:(?:early|mid|late)[- ])?['’]\d0s` +
			`|(?:\d{1,2} )?` + months + `(?: \d{1,2}(?:st|nd|rd|th)?)?(?:,? (?:1\d|20)\d\d)?` +
			`|(?:AD|A\.D\.) \d{1,4}|\d{1,4} (?:BC|BCE|B\.C\.|AD|CE)` +
			`|(?:in|since|until|by|from|of|after|before|during|circa|c\.|around|about|early|late|mid-) (?:1[0-9]|20)\d\d` +
			`|(?:1[0-9]|20)\d\d-[01]\d-[0-3]\d` +
			`|(?:1[0-9]|20)\d\d(?:[–-](?:\d\d){1,2})?` +
			`|(?:\d{1,3}(?:,\d{3})*|a few|several|` + alternation(f.Numbers.words()) + `) [a-z]+ ago` +
			`)\b|\b\d{1,4} (?:B\.C\.|B\.C\.E\.|A\.D\.|C\.E\.)`},
		{"early year", &l.earlyYearRe, `\b(?:` + alternation(f.EarlyYearLeads) + `) ([1-9]\d{2})\b`},
		{"period", &l.periodRe, `\b(?:the )?((?:[A-Z][\p{L}]+ ){1,3})(?i:` + alternation(f.PeriodWords) + `)\b`},
		{"alias", &l.akaRe, `(` + nameWords + `)(?: \((?:` + alternation(f.AliasCues) + `) (` + nameWords + `)\)|, (?:` +
			alternation(f.AliasCues) + `) (` + nameWords + `)\b)`},
		{"expansion", &l.expandRe, `^,? (?:which |that )?(?:is |was |are |were )?(?:` + alternation(f.ExpansionCues) + `) ["“'‘]?([^"”'’.,;:()]+)`},
		{"scale", &l.scaleRe, `^(?:\s?(?:%|percent|per cent)|\s(?:` + alternation(f.Scales) + `)|[mbk]n?\b|bn\b)`},
	} {
		re, err := regexp.Compile(p.pattern)
		if err != nil {
			return fmt.Errorf("%s pattern: %w", p.name, err)
		}
		*p.re = re
	}
	return nil
}

// nameWords is a pattern for a name: capitalised words, one or more.
const nameWords = `[A-Z][\p{L}'’-]+(?: [A-Z][\p{L}'’-]+)*`

// alternation is a pattern matching any one of words, tried in order.
func alternation(words []string) string {
	quoted := make([]string, len(words))
	for i, w := range words {
		quoted[i] = regexp.QuoteMeta(w)
	}
	return strings.Join(quoted, "|")
}
