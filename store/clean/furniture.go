package clean

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
)

// furnitureRule is one entry of furniture.yaml.
type furnitureRule struct {
	Line  string   `yaml:"line"`  // exact line to drop
	Re    string   `yaml:"re"`    // anchored regular expression to drop
	Why   string   `yaml:"why"`   // what the furniture is
	Drops []string `yaml:"drops"` // examples the rule must drop (tested)
	Keeps []string `yaml:"keeps"` // examples the rule must keep (tested)

	re *regexp.Regexp
	// credits: re names the groups byline or outlet.
	credits bool
}

// furniture recognises whole lines of page furniture.
type furniture struct {
	exact   map[string]int  // line -> its entry in entries
	entries []furnitureRule // every entry in file order; re is nil for exact lines
}

// loadFurniture parses and compiles furniture.yaml.
func loadFurniture(data []byte) (furniture, error) {
	var rs []furnitureRule
	if err := decodeStrict(data, &rs); err != nil {
		return furniture{}, err
	}
	f := furniture{exact: make(map[string]int)}
	for i, r := range rs {
		switch {
		case r.Why == "":
			return furniture{}, fmt.Errorf("entry %d: missing why", i+1)
		case (r.Line == "") == (r.Re == ""):
			return furniture{}, fmt.Errorf("entry %d (%s): want exactly one of line and re", i+1, r.Why)
		case r.Line != "":
			if squash(r.Line) != r.Line {
				return furniture{}, fmt.Errorf("entry %d (%s): line %q is not whitespace-normalised", i+1, r.Why, r.Line)
			}
			f.exact[r.Line] = len(f.entries)
			f.entries = append(f.entries, rs[i])
			continue
		}
		if !strings.HasPrefix(r.Re, "^") || !strings.HasSuffix(r.Re, "$") {
			return furniture{}, fmt.Errorf("entry %d (%s): re %q must be anchored with ^ and $", i+1, r.Why, r.Re)
		}
		re, err := regexp.Compile(r.Re)
		if err != nil {
			return furniture{}, fmt.Errorf("entry %d (%s): %w", i+1, r.Why, err)
		}
		for _, name := range re.SubexpNames()[1:] {
			switch name {
			case "":
			case "byline", "outlet":
				rs[i].credits = true
			default:
				return furniture{}, fmt.Errorf("entry %d (%s): group %q: want only byline and outlet named", i+1, r.Why, name)
			}
		}
		rs[i].re = re
		f.entries = append(f.entries, rs[i])
	}
	if len(f.entries) == 0 {
		return furniture{}, errors.New("no rules")
	}
	return f, nil
}

// rule returns the first entry that drops line, or nil when line is
// article text. line must already be whitespace-normalised.
func (f furniture) rule(line string) *furnitureRule {
	if k, ok := f.exact[line]; ok {
		return &f.entries[k]
	}
	for k := range f.entries {
		if r := &f.entries[k]; r.re != nil && r.re.MatchString(line) {
			return r
		}
	}
	return nil
}

// credit is what line, which r drops, names of the article's writer and
// outlet: r's groups byline and outlet ("Jane Doe, The Harbour Gazette
// on"); empty when r names neither.
func (r *furnitureRule) credit(line string) Credit {
	if !r.credits {
		return Credit{}
	}
	m := r.re.FindStringSubmatch(line)
	if m == nil {
		return Credit{}
	}
	var c Credit
	if k := r.re.SubexpIndex("byline"); k > 0 {
		c.Byline = m[k]
	}
	if k := r.re.SubexpIndex("outlet"); k > 0 {
		c.Outlet = m[k]
	}
	return c
}
