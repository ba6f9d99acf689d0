package answers

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"slices"
	"sync"
)

// englishGz is a list of English words, one a line (from SCOWL through
// Debian's wamerican and wbritish; see english.LICENSE).
//
//go:embed english.txt.gz
var englishGz []byte

// englishWords is the word list, read once when first needed.
var englishWords = sync.OnceValue(func() map[string]struct{} {
	out := make(map[string]struct{}, 70000)
	zr, err := gzip.NewReader(bytes.NewReader(englishGz))
	if err != nil {
		// The embedded file is tested; without it no word is known as
		// English, and typo correction only spares corpus words.
		return out
	}
	sc := bufio.NewScanner(zr)
	for sc.Scan() {
		out[sc.Text()] = struct{}{}
	}
	return out
})

// englishByLen is the word list by rune length, each length's words
// sorted, built once when first needed.
var englishByLen = sync.OnceValue(func() map[int][]string {
	out := map[int][]string{}
	for w := range englishWords() {
		n := len([]rune(w))
		out[n] = append(out[n], w)
	}
	for _, ws := range out {
		slices.Sort(ws)
	}
	return out
})

// englishCorrection is the one English word w most likely stands for,
// within maxTypos edits, a dropped letter first ("tryng" is "trying"); ""
// when there is none, or two as likely.
func englishCorrection(w string) string {
	byLen := englishByLen()
	best, tied := nearestWord(w, maxTypos(len([]rune(w))), func(l int) []string { return byLen[l] }, func(string) int { return 0 })
	if tied {
		return ""
	}
	return best
}

// isEnglish reports whether w, folded, is an English word.
func isEnglish(w string) bool {
	_, ok := englishWords()[w]
	return ok
}

// isCompound reports whether w is two English words of three letters or
// more written as one ("payback", "workforce"): a word, not a typo.
func isCompound(w string) bool {
	for i := 3; i+3 <= len(w); i++ {
		if isEnglish(w[:i]) && isEnglish(w[i:]) {
			return true
		}
	}
	return false
}

// isOrdinal reports whether w is a number written as an ordinal ("14th",
// "2nd"): never a typo.
func isOrdinal(w string) bool {
	n := len(w)
	if n < 3 {
		return false
	}
	suf := w[n-2:]
	if suf != "st" && suf != "nd" && suf != "rd" && suf != "th" {
		return false
	}
	return isNumber(w[:n-2])
}
