package answers

import (
	"iter"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
)

// token is one word of a text: as written, folded (lower case, accents
// off) and stemmed, with its byte span in the text.
type token struct {
	raw, word, stem string
	start, end      int
}

// mention is an entity named by a run of tokens [from, to).
type mention struct {
	entity   string
	from, to int
}

var accents = map[rune]rune{
	'à': 'a', 'á': 'a', 'â': 'a', 'ä': 'a', 'ã': 'a', 'å': 'a', 'ç': 'c', 'è': 'e', 'é': 'e', 'ê': 'e', 'ë': 'e',
	'ì': 'i', 'í': 'i', 'î': 'i', 'ï': 'i', 'ñ': 'n', 'ò': 'o', 'ó': 'o', 'ô': 'o', 'ö': 'o', 'õ': 'o', 'ù': 'u',
	'ú': 'u', 'û': 'u', 'ü': 'u', 'ý': 'y', 'ÿ': 'y', 'š': 's', 'ž': 'z', 'č': 'c', 'ł': 'l', 'ś': 's', 'ź': 'z',
}

// fold lower-cases s and takes the accents off its letters.
func fold(s string) string {
	s = strings.ToLower(s)
	return strings.Map(func(r rune) rune {
		if a, ok := accents[r]; ok {
			return a
		}
		return r
	}, s)
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// maxWordBytes bounds a word: a longer run of letters and digits (a
// pasted base64 blob, a hash, a key) is no word anyone asks about, so the
// engine reads past it — it is in no index, stored or in memory, and no
// question looks it up, while the sentence holding it is kept and quoted
// whole. Dictionary words are under 30 bytes, long compounds under 90;
// PostgreSQL's btree rows, which the stored index's terms are, hold at
// most about 2,700 bytes.
const maxWordBytes = 100

// rawWords splits s into words as written, as tokenize does.
func rawWords(s string) []string {
	var out []string
	for start, end := range wordSpans(s) {
		out = append(out, s[start:end])
	}
	return out
}

// wordSpans yields the byte spans of the words of text: runs of letters
// and digits, a number with "." or "," between its digits one word
// ("3.0", "30,000"), less runs longer than maxWordBytes.
func wordSpans(text string) iter.Seq2[int, int] {
	return func(yield func(int, int) bool) {
		start := -1
		for i, r := range text {
			switch {
			case isWordRune(r):
				if start < 0 {
					start = i
				}
			case start >= 0 && inNumber(text, i):
			case start >= 0:
				if i-start <= maxWordBytes && !yield(start, i) {
					return
				}
				start = -1
			}
		}
		if start >= 0 && len(text)-start <= maxWordBytes {
			yield(start, len(text))
		}
	}
}

// foldWords splits s into folded words.
func foldWords(s string) []string { return rawWords(fold(s)) }

// stem is the Snowball English stem of a folded word; numbers and short
// words stay as they are.
func stem(w string) string {
	if len(w) < 3 || !utf8.ValidString(w) {
		return w
	}
	r, _ := utf8.DecodeRuneInString(w)
	if unicode.IsDigit(r) {
		return w
	}
	return english.Stem(american(w), true)
}

// tokenize splits text into tokens, keeping byte offsets so a span of
// tokens maps back to a verbatim substring. A run longer than
// maxWordBytes is no token: every term and word the engine indexes,
// stores or looks up comes from here, so none is longer.
func tokenize(text string) []token {
	var out []token
	for start, end := range wordSpans(text) {
		out = append(out, newToken(text[start:end], start, end))
	}
	return out
}

// inNumber reports whether the separator at text[i] ("." or ",") sits
// between two digits.
func inNumber(text string, i int) bool {
	if c := text[i]; c != '.' && c != ',' || i == 0 || i+1 >= len(text) {
		return false
	}
	return isDigit(text[i-1]) && isDigit(text[i+1])
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func newToken(raw string, start, end int) token {
	w := fold(raw)
	return token{raw: raw, word: w, stem: stem(w), start: start, end: end}
}

// mentions finds the entities named in toks, longest alias first, never
// overlapping.
func (r *rules) mentions(toks []token) []mention { return r.findMentions(toks, false) }

// nestedMentions is mentions plus the entities named inside longer
// names: "top Westland negotiator" names Umber and Westland.
func (r *rules) nestedMentions(toks []token) []mention { return r.findMentions(toks, true) }

func (r *rules) findMentions(toks []token, nested bool) []mention {
	var out []mention
	for i := 0; i < len(toks); {
		n, ent := r.aliasAt(toks, i)
		// Prefer a name that starts one word later but reaches further:
		// "the president of Westland" is Vale, not "the president".
		if n > 1 && !nested && i+1 < len(toks) {
			if n2, _ := r.aliasAt(toks, i+1); 1+n2 > n {
				n = 0
			}
		}
		if n == 0 {
			i++
			continue
		}
		out = append(out, mention{entity: ent, from: i, to: i + n})
		if nested {
			// Every shorter name starting here too: "Westland's chief
			// negotiator" names Umber, and Westland.
			for _, k := range []string{toks[i].word, "\x00" + toks[i].raw} {
				for _, a := range r.aliases[k] {
					if a.entity != ent && matchAlias(toks[i:], a) {
						out = append(out, mention{entity: a.entity, from: i, to: i + len(a.words)})
					}
				}
			}
			i++
		} else {
			i += n
		}
	}
	return out
}

// aliasAt is the longest alias starting at toks[i]: its length in words
// and its entity, or 0.
func (r *rules) aliasAt(toks []token, i int) (int, string) {
	best, ent := 0, ""
	for _, a := range r.aliases[toks[i].word] {
		if len(a.words) > best && matchAlias(toks[i:], a) {
			best, ent = len(a.words), a.entity
		}
	}
	for _, a := range r.aliases["\x00"+toks[i].raw] {
		if len(a.words) > best && matchAlias(toks[i:], a) {
			best, ent = len(a.words), a.entity
		}
	}
	return best, ent
}

func matchAlias(toks []token, a alias) bool {
	if len(toks) < len(a.words) {
		return false
	}
	for i, w := range a.words {
		if a.cased {
			if toks[i].raw != w {
				return false
			}
		} else if toks[i].word != w {
			return false
		}
	}
	return true
}

// editDistance is the Damerau–Levenshtein (optimal string alignment)
// distance between a and b, giving up above max.
func editDistance(a, b string, max int) int {
	ra, rb := []rune(a), []rune(b)
	if d := len(ra) - len(rb); d > max || -d > max {
		return max + 1
	}
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			rowMin = min(rowMin, v)
		}
		if rowMin > max {
			return max + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}

// maxTypos is how many edits a word of n letters may carry and still be
// read as a corpus word: none for short words, where a typo is as likely
// another word, one for most, two for long ones.
func maxTypos(n int) int {
	switch {
	case n < 4:
		return 0
	case n < 8:
		return 1
	default:
		return 2
	}
}

// neutralize defuses chat mentions in text that is echoed back:
// @everyone, @here, <!channel>, <@U123> and <#C1> lose the characters that
// make a platform notify anyone, and read much the same.
func neutralize(s string) string {
	return mentionDefuser.Replace(s)
}

var mentionDefuser = strings.NewReplacer("@", "＠", "<", "‹", ">", "›")
