package answers

import (
	"bufio"
	"bytes"
	"compress/gzip"
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
var placeNames = sync.OnceValue(func() map[string]bool {
	out := map[string]bool{}
	zr, err := gzip.NewReader(bytes.NewReader(placesGz))
	if err != nil {
		return out // tested; without it only the text says what is a place
	}
	sc := bufio.NewScanner(zr)
	for sc.Scan() {
		out[fold(sc.Text())] = true
	}
	return out
})
