package clean

import (
	"bytes"
	_ "embed"
	"fmt"

	"gopkg.in/yaml.v3"
)

var (
	//go:embed furniture.yaml
	furnitureYAML []byte
	//go:embed glue.yaml
	glueYAML []byte
	//go:embed abbreviations.yaml
	abbreviationsYAML []byte
)

// rules is everything the cleaner knows, compiled once from the embedded
// data files. It is read-only after init and safe for concurrent use.
var rules = mustLoadRules()

// ruleSet groups the compiled data files.
type ruleSet struct {
	furniture     furniture
	glue          glue
	abbreviations abbreviations
}

// mustLoadRules compiles the embedded data. The data ships inside the
// binary, so a mistake in it is a programming error that every test run
// catches, not bad input; it panics rather than start with half its rules.
func mustLoadRules() ruleSet {
	r, err := loadRules(furnitureYAML, glueYAML, abbreviationsYAML)
	if err != nil {
		panic(fmt.Sprintf("store/clean: embedded data: %v", err))
	}
	return r
}

// loadRules compiles the three data files.
func loadRules(furnitureData, glueData, abbreviationData []byte) (ruleSet, error) {
	var r ruleSet
	var err error
	if r.furniture, err = loadFurniture(furnitureData); err != nil {
		return ruleSet{}, fmt.Errorf("furniture.yaml: %w", err)
	}
	if r.glue, err = loadGlue(glueData); err != nil {
		return ruleSet{}, fmt.Errorf("glue.yaml: %w", err)
	}
	if r.abbreviations, err = loadAbbreviations(abbreviationData); err != nil {
		return ruleSet{}, fmt.Errorf("abbreviations.yaml: %w", err)
	}
	return r, nil
}

// decodeStrict decodes YAML into v, rejecting unknown keys so that a typo
// in a data file fails loudly instead of silently disabling a rule.
func decodeStrict(data []byte, v any) error {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("decode: %w", err)
	}
	return nil
}

// set builds a lookup set from a list.
func set(words []string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
