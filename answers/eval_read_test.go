package answers

import (
	"strings"
	"testing"
)

// TestReadQuestionsBadLines: a line that is not a question says so in
// the set's own words (the key, what it should hold), never Go's type
// names.
func TestReadQuestionsBadLines(t *testing.T) {
	for line, want := range map[string]string{
		`{"foo": [1, 2]}`:       `line 1: unknown key "foo"`,
		`[]`:                    "line 1: a line must be a JSON object, not an array",
		`{"q": 7}`:              `line 1: "q" must be a string, not a number`,
		`{"answerable": "yes"}`: `line 1: "answerable" must be true or false, not a string`,
		`{bad`:                  "line 1: not JSON: invalid character 'b' looking for beginning of object key string",
	} {
		_, err := ReadQuestions(strings.NewReader(line))
		if err == nil || !strings.HasSuffix(err.Error(), want) || strings.Contains(err.Error(), "Go value") {
			t.Errorf("ReadQuestions(%s) = %v; want it to end %q", line, err, want)
		}
	}
}
