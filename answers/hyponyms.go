package answers

import (
	_ "embed"
	"sync"
)

// hyponymsGz is WordNet 3.0's kinds of English nouns: per line a stem and
// the stems of the nouns at most three steps below a noun of it ("drink":
// "beer"; see synonyms.LICENSE; TestGenerateHyponyms makes it).
//
//go:embed hyponyms.txt.gz
var hyponymsGz []byte

// wordnetHyponyms maps a noun's stem to its kinds, read once when first
// needed.
var wordnetHyponyms = sync.OnceValue(func() map[string][]wnSynonym {
	out, err := parseSynonyms("hyponyms.txt.gz", hyponymsGz)
	if err != nil {
		return map[string][]wnSynonym{} // tested; without it no word is read as a kind of another
	}
	return out
})

// saysAKindOf reports whether one of ss says a kind of what the stem st
// names: a question's "drinks" said as "two glasses of beer", its
// "weapon" as "a dagger". A question may ask in general words what a
// sentence says in particular ones; a word swapped for another of the
// same kind ("kaiser" for "tsar") is no kind of it.
func saysAKindOf(st string, ss ...*sentence) bool {
	for _, k := range wordnetHyponyms()[st] {
		for _, s := range ss {
			if s != nil && s.hasStem(k.stem) {
				return true
			}
		}
	}
	return false
}
