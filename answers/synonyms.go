package answers

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"strings"
	"sync"

	"github.com/kljensen/snowball/english"
)

// synonymsGz is WordNet 3.0's synonyms of English words: per line a stem
// and the words that share a synset with a word of that stem among the
// first senses of both (see synonyms.LICENSE; TestGenerateSynonyms makes it).
//
//go:embed synonyms.txt.gz
var synonymsGz []byte

// pertainymsGz is WordNet 3.0's pertainyms: per line a stem and the
// nouns an adjective of that stem pertains to, or the adjectives that
// pertain to a noun of it ("mexican mexico", "presid
// presidenti=presidential"; see synonyms.LICENSE; TestGeneratePertainyms
// makes it). They are read as synonyms, and for a capitalised word no
// article uses, which gets no synonyms, alone.
//
//go:embed pertainyms.txt.gz
var pertainymsGz []byte

// wordnetPertainyms maps a stem to its pertainyms, read once when first
// needed.
var wordnetPertainyms = sync.OnceValue(func() map[string][]wnSynonym {
	out, err := parseSynonyms("pertainyms.txt.gz", pertainymsGz)
	if err != nil {
		return map[string][]wnSynonym{} // tested; without it "Mexican" is no "Mexico"
	}
	return out
})

// wnSynonym is a synonym of a stem: its own stem and the word, which the
// rules may hold to be a stop word or a number.
type wnSynonym struct{ stem, word string }

// wordnetSynonyms maps a stem to its WordNet synonyms, read once when
// first needed.
var wordnetSynonyms = sync.OnceValue(func() map[string][]wnSynonym {
	out, err := parseSynonyms("synonyms.txt.gz", synonymsGz)
	if err != nil {
		// The embedded files are tested; without them words match only
		// themselves and general.yaml's synonyms.
		return map[string][]wnSynonym{}
	}
	for st, ss := range wordnetPertainyms() {
		for _, p := range ss {
			if !hasSynonym(out[st], p.stem) {
				out[st] = append(out[st], p)
			}
		}
	}
	return out
})

// parseSynonyms reads gzipped lines (of the file name) of a stem and its
// synonyms, each a word that is its own stem or "stem=word", into a map
// from the stem to its synonyms; a line of one field is an error naming
// it.
func parseSynonyms(name string, gz []byte) (map[string][]wnSynonym, error) {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	out := make(map[string][]wnSynonym, 20000)
	sc := bufio.NewScanner(zr)
	for n := 1; sc.Scan(); n++ {
		f := strings.Fields(sc.Text())
		if len(f) < 2 {
			return nil, fmt.Errorf("%s line %d: want a stem and its synonyms, got %q", name, n, sc.Text())
		}
		ss := make([]wnSynonym, 0, len(f)-1)
		for _, w := range f[1:] {
			st, word, ok := strings.Cut(w, "=")
			if !ok {
				word = st
			}
			ss = append(ss, wnSynonym{st, word})
		}
		out[f[0]] = ss
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return out, nil
}

func hasSynonym(ss []wnSynonym, s string) bool {
	for _, o := range ss {
		if o.stem == s {
			return true
		}
	}
	return false
}

// wordnetAlts is alts with st's WordNet synonyms added, but for stop
// words and numbers ("million" is no "billion").
func (e *Engine) wordnetAlts(alts []string, st string) []string {
	return withStems(alts, wordnetSynonyms()[st], func(w wnSynonym) bool {
		return e.rules.stop[w.word] || e.rules.numberWord[w.word] || english.IsStopWord(w.word)
	})
}

// pertainymAlts is alts with st's pertainyms added: a name's adjective
// ("Mexican") finds the name ("Mexico") where no synonym is sought.
func (e *Engine) pertainymAlts(alts []string, st string) []string {
	return withStems(alts, wordnetPertainyms()[st], func(w wnSynonym) bool { return e.rules.stop[w.word] })
}

// withStems is alts (not changed) with the stems of ws added, but for
// those skip refuses and those alts already holds.
func withStems(alts []string, ws []wnSynonym, skip func(wnSynonym) bool) []string {
	if len(ws) == 0 {
		return alts
	}
	out := append([]string(nil), alts...)
	for _, w := range ws {
		if skip(w) || contains(out, w.stem) {
			continue
		}
		out = append(out, w.stem)
	}
	return out
}

// knowsAny reports whether any sentence holds term or one of alts.
func (ix *index) knowsAny(term string, alts []string) bool {
	if _, ok := ix.idfOf(term); ok {
		return true
	}
	for _, a := range alts {
		if _, ok := ix.idfOf(a); ok {
			return true
		}
	}
	return false
}

// shareSynonym reports whether two stems have a WordNet synonym in
// common ("wreck" and "demolish" are both "raze"): the question says the
// sentence's word in other words.
func shareSynonym(a, b string) bool {
	wn := wordnetSynonyms()
	for _, x := range wn[a] {
		if hasSynonym(wn[b], x.stem) {
			return true
		}
	}
	return false
}

// saysBySharedSynonym reports whether s says a word that shares a WordNet
// synonym with the stem st ("wrecked" by "demolished", both "razed").
func saysBySharedSynonym(st string, s *sentence) bool {
	wn := wordnetSynonyms()
	for _, x := range wn[st] {
		for _, y := range wn[x.stem] {
			if y.stem != st && s.hasStem(y.stem) {
				return true
			}
		}
	}
	return false
}
