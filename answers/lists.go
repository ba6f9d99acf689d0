package answers

import (
	"bufio"
	"bytes"
	"compress/gzip"
)

// readList reads an embedded gzip-compressed list, one entry a line, into
// a set of its folded entries. The lists are tested; an unreadable one is
// an empty set, and the engine reads the text alone.
func readList(gz []byte) map[string]bool {
	out := map[string]bool{}
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return out
	}
	sc := bufio.NewScanner(zr)
	for sc.Scan() {
		out[fold(sc.Text())] = true
	}
	return out
}
