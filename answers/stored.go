package answers

import (
	"sort"

	"github.com/parley-bot/parley/store"
)

// indexVersion marks the index Index makes; bump it whenever what Index
// returns changes (sentenceTerms, namesOf, the keys below), so stores
// index their articles again. 2: stems read British spellings as American
// ("centre" is "center") and "else" is a stop word. 3: a run of letters
// longer than maxWordBytes is no word, and a number keeps its separators
// ("3.0", "30,000") as one token (tokenize).
const indexVersion = "3"

// Keys the analyzer indexes a sentence under besides its terms, so the
// corpus-wide data a question needs is read from the store's index without
// loading the corpus. Each starts with a control character, which no term
// holds.
const (
	keySpeaker = "\x01s\x00" // + entity id: the sentence quotes or reports it speaking
	keyName    = "\x01n\x00" // + entity id NUL words: the hint's names (namesOf)
	keyAlias   = "\x01a\x00" // + acronym NUL full name, both folded: a learned acronym
	keyAcronym = "\x01A\x00" // + acronym, folded: some sentence defines it (keyAlias)
)

// Index implements store.Indexer: per sentence, the terms the engine finds
// it under and the keys above (from sentenceTerms, namesOf and the facts,
// as buildSegment reads them), its words as the engine folds them, and its
// length. The store keeps them with the article, so a large store is
// answered from these and the candidate articles only, and answers as if
// the engine had read every article.
func (a *Analyzer) Index(sents []store.Sentence, facts []store.Fact) []store.SentenceIndex {
	ann := annotate(facts)
	aliases := map[int64][]string{}
	for _, f := range facts {
		if k, v, ok := acronymAlias(f); ok {
			aliases[f.SentenceID] = append(aliases[f.SentenceID], keyAlias+k+"\x00"+v, keyAcronym+k)
		}
	}
	out := make([]store.SentenceIndex, len(sents))
	for i, s := range sents {
		toks := tokenize(s.Text)
		var saids []store.Fact
		if sf := ann[s.ID]; sf != nil {
			saids = sf.saids
		}
		terms, n := a.r.sentenceTerms(toks, saids)
		keys := make([]string, 0, len(terms)+len(saids)+4)
		for t := range terms {
			keys = append(keys, t)
		}
		sort.Strings(keys)
		for _, f := range saids {
			if k := keySpeaker + f.Subject; !contains(keys, k) {
				keys = append(keys, k)
			}
		}
		for _, k := range a.r.namesOf(s.Text, toks, a.r.mentions(toks)) {
			keys = append(keys, keyName+k)
		}
		keys = append(keys, aliases[s.ID]...)
		words := make([]string, len(toks))
		for j, t := range toks {
			words[j] = t.word
		}
		out[i] = store.SentenceIndex{Terms: keys, Words: words, Length: n}
	}
	return out
}
