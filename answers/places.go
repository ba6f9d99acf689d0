package answers

import (
	_ "embed"
	"sync"
)

// placesGz is the names WordNet 3.0 gives places: countries, states,
// cities, regions, rivers, mountains (see synonyms.LICENSE;
// TestGeneratePlaces makes it). A name the text marks as nothing else is
// a place when this list has it.
//
//go:embed places.txt.gz
var placesGz []byte

// placeNames are the folded names of placesGz, read once when first
// needed.
var placeNames = sync.OnceValue(func() map[string]bool { return readList(placesGz) })
