package answers

import (
	_ "embed"
	"strings"
	"sync"
)

// derivationsGz is WordNet 3.0's derivationally related nouns and verbs:
// per line a stem and the words of the other part of speech derived from
// or to a word of that stem among the first senses of both ("react
// reaction"; see derivations.LICENSE; TestGenerateDerivations makes it).
//
//go:embed derivations.txt.gz
var derivationsGz []byte

// wordnetDerivations maps a stem to its derived words, read once when
// first needed.
var wordnetDerivations = sync.OnceValue(func() map[string][]wnSynonym {
	out, err := parseSynonyms("derivations.txt.gz", derivationsGz)
	if err != nil {
		// The embedded file is tested; without it a verb matches no noun.
		return map[string][]wnSynonym{}
	}
	return out
})

// derivedAlts is alts with the stems of st's derived words added ("who
// reacted" also matches "reactions from …"), but for stop words.
func (e *Engine) derivedAlts(alts []string, st string) []string {
	return withStems(alts, wordnetDerivations()[st], func(d wnSynonym) bool { return e.rules.stop[d.word] || d.stem == st })
}

// suffixAlts is alts with the stems the articles use of w with one of
// general.yaml's derivational_suffixes added or taken off ("threat",
// "threaten"; "owner", "own"), or one ending of its suffix_swaps in place
// of the other ("stable", "stability"), for a word of at least four
// letters.
func (e *Engine) suffixAlts(ix *index, alts []string, w string) []string {
	if len(w) < 4 {
		return alts
	}
	var found []string
	try := func(v string) {
		if len(v) < 3 {
			return
		}
		if st := stem(v); st != stem(w) && !contains(alts, st) && !contains(found, st) {
			if _, ok := ix.idfOf(st); ok {
				found = append(found, st)
			}
		}
	}
	for _, suf := range e.rules.suffixes {
		try(w + suf)
		if base, ok := strings.CutSuffix(w, suf); ok {
			try(base)
		}
	}
	for _, sw := range e.rules.suffixSwaps {
		// The rest keeps three letters at least: "chance" is no
		// "chant", nor "onion" "one".
		if base, ok := strings.CutSuffix(w, sw[0]); ok && len(base) >= 3 {
			try(base + sw[1])
		}
		if base, ok := strings.CutSuffix(w, sw[1]); ok && len(base) >= 3 {
			try(base + sw[0])
		}
	}
	if len(found) == 0 {
		return alts
	}
	return append(append([]string(nil), alts...), found...)
}
