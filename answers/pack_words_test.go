package answers

import (
	"strings"
	"testing"
)

// TestParsePackUnknownKey: a key a domain pack does not have is named
// with its line, without Go's type names.
func TestParsePackUnknownKey(t *testing.T) {
	_, err := ParsePack("pack.yaml", []byte("entities:\n  - id: kyiv\n    nmae: Kyiv\nstore:\n  path: x\n"))
	if err == nil || !strings.Contains(err.Error(), "line 3: unknown key nmae") ||
		!strings.Contains(err.Error(), "line 4: unknown key store") || strings.Contains(err.Error(), "in type") {
		t.Errorf("ParsePack = %v; want each unknown key named with its line", err)
	}
}
