package answers

import (
	_ "embed"
	"sync"
)

// namesGz is the proper names of Debian's wamerican and wbritish word
// lists (SCOWL, size 50: "Jane", "Austen", "Eliot"), folded, less those
// that are English words too (see english.LICENSE; TestGenerateNames makes
// it).
//
//go:embed names.txt.gz
var namesGz []byte

// properNames are namesGz's names, read once when first needed.
var properNames = sync.OnceValue(func() map[string]bool { return readList(namesGz) })

// isProperName reports whether w, folded, is a proper name of the word
// lists: a name no article says is another name, not a typo of a word
// they use ("jane" is no "june").
func isProperName(w string) bool { return properNames()[w] }
