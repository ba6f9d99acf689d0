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

// wordnetHyponyms maps a noun's stem to the stems of its kinds, read once
// when first needed.
var wordnetHyponyms = sync.OnceValue(func() map[string]map[string]bool {
	list, err := parseSynonyms("hyponyms.txt.gz", hyponymsGz)
	if err != nil {
		return map[string]map[string]bool{} // tested; without it no word is read as a kind of another
	}
	out := make(map[string]map[string]bool, len(list))
	for st, ks := range list {
		set := make(map[string]bool, len(ks))
		for _, k := range ks {
			set[k.stem] = true
		}
		out[st] = set
	}
	return out
})

// saysAKindOf reports whether one of ss says a kind of what the stem st
// names: a question's "drinks" said as "two glasses of beer", its
// "weapon" as "a dagger". A question may ask in general words what a
// sentence says in particular ones; a word swapped for another of the
// same kind ("kaiser" for "tsar") is no kind of it.
func saysAKindOf(st string, ss ...*sentence) bool {
	kinds := wordnetHyponyms()[st]
	if len(kinds) == 0 {
		return false
	}
	for _, s := range ss {
		if s == nil {
			continue
		}
		for _, t := range s.toks {
			if kinds[t.stem] {
				return true
			}
		}
	}
	return false
}
