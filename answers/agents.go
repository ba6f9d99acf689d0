package answers

import (
	_ "embed"
	"slices"
	"strings"
	"sync"
)

// agentsGz is the words WordNet 3.0 files as people or groups of them
// ("chemist", "commission", "delegation"; see synonyms.LICENSE;
// TestGenerateAgentNouns makes it).
//
//go:embed agents.txt.gz
var agentsGz []byte

// agentNouns are agentsGz's words, read once when first needed.
var agentNouns = sync.OnceValue(func() map[string]bool { return readList(agentsGz) })

// agentNoun reports whether w, singular or plural, names a person or a
// group of people ("player", "players", "witnesses").
func agentNoun(w string) bool {
	nouns := agentNouns()
	return nouns[w] || nouns[strings.TrimSuffix(w, "s")] || nouns[strings.TrimSuffix(w, "es")]
}

// doerPhrase reports whether a "by the …" phrase read as a doer can
// answer who: one of its words, singular or plural, names people or a
// group of them ("the harbour commission", "the city's lawyers"), not a
// process or a thing ("the fractional distillation of liquid air").
// A capitalised name always can.
func doerPhrase(a string) bool {
	if !strings.HasPrefix(a, "the ") {
		return true
	}
	return slices.ContainsFunc(foldWords(a), agentNoun)
}
