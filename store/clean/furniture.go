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
}

// furniture recognises whole lines of page furniture.
type furniture struct {
	exact   map[string]string // line -> why
	entries []furnitureRule   // every entry in file order; re is nil for exact lines
}

// loadFurniture parses and compiles furniture.yaml.
func loadFurniture(data []byte) (furniture, error) {
	var rs []furnitureRule
	if err := decodeStrict(data, &rs); err != nil {
		return furniture{}, err
	}
	f := furniture{exact: make(map[string]string)}
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
			f.exact[r.Line] = r.Why
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
			if name != "" && name != "byline" && name != "outlet" {
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

// match returns why line is furniture, or "" when it is article text. line
// must already be whitespace-normalised.
func (f furniture) match(line string) string {
	if why, ok := f.exact[line]; ok {
		return why
	}
	for _, r := range f.entries {
		if r.re != nil && r.re.MatchString(line) {
			return r.Why
		}
	}
	return ""
}

// credit is what line, dropped as furniture, names of the article's
// writer and outlet: the groups byline and outlet of the first entry that
// matches it ("Jane Doe, The Harbour Gazette on"); empty when it names
// neither.
func (f furniture) credit(line string) Credit {
	for _, r := range f.entries {
		if r.re == nil {
			continue
		}
		m := r.re.FindStringSubmatch(line)
		if m == nil {
			continue
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
	return Credit{}
}
