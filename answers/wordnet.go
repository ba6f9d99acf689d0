package answers

import (
	"bufio"
	"bytes"
	_ "embed"
	"fmt"
	"strings"
)

// antonymsTxt is WordNet 3.0's single-word antonym pairs, one pair a
// line (see antonyms.LICENSE).
//
//go:embed antonyms.txt
var antonymsTxt []byte

// parseAntonyms reads antonym pairs, two words a line; any other line is
// an error naming it.
func parseAntonyms(data []byte) ([][2]string, error) {
	var out [][2]string
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		f := strings.Fields(sc.Text())
		if len(f) != 2 {
			return nil, fmt.Errorf("antonyms.txt line %d: want two words, got %q", n, sc.Text())
		}
		out = append(out, [2]string{f[0], f[1]})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("antonyms.txt: %w", err)
	}
	return out, nil
}
