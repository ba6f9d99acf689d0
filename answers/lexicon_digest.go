package answers

import (
	"errors"
	"fmt"
	"slices"
)

// cueFile is one row of lexicon.yaml's digest_cues.
type cueFile struct {
	Kind   string   `yaml:"kind"`
	Weight float64  `yaml:"weight"`
	Terms  []string `yaml:"terms"`
}

// digestCue is words and phrases (lower case, matched on whole words) that
// mark a sentence as reporting a development of kind, and how much they
// count.
type digestCue struct {
	kind   devKind
	weight float64
	terms  []string
}

// compileCues compiles the digest cues, in file order.
func compileCues(rows []cueFile) ([]digestCue, error) {
	if len(rows) == 0 {
		return nil, errors.New("empty")
	}
	out := make([]digestCue, len(rows))
	for i, c := range rows {
		kind, ok := devKindNamed(c.Kind)
		switch {
		case !ok:
			return nil, fmt.Errorf("row %d: unknown kind %q", i+1, c.Kind)
		case c.Weight <= 0:
			return nil, fmt.Errorf("row %d: weight %v, want above 0", i+1, c.Weight)
		case len(c.Terms) == 0 || slices.Contains(c.Terms, ""):
			return nil, fmt.Errorf("row %d: terms empty, or holds an empty term", i+1)
		}
		out[i] = digestCue{kind: kind, weight: c.Weight, terms: c.Terms}
	}
	return out, nil
}

// devKindNamed is the development kind a digest cue names.
func devKindNamed(name string) (devKind, bool) {
	switch name {
	case "meeting":
		return devMeeting, true
	case "agreement":
		return devAgreement, true
	case "rejection":
		return devRejection, true
	case "dispute":
		return devDispute, true
	case "other":
		return devOther, true
	}
	return 0, false
}
