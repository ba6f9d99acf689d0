package answers

import "testing"

// TestLearnedKindByMostSentences holds that a learned name takes the kind
// most of the sentences holding it give: a program the articles once
// name as the doer of a passive ("used by Zorbit internally") but
// otherwise only name is no person, so "it" after it in the same
// question stands for it, and nothing is carried into a question that
// names its own subject.
func TestLearnedKindByMostSentences(t *testing.T) {
	e := articleEngine(t, "zorbit", "Zorbit", `Zorbit is a small program for checking the spelling of files. Unlike Quill, Zorbit can read files in UTF-8 without a special list.

The new character set will only be used by Zorbit internally. If Zorbit cannot find a word list then it will give up and complain. The Quill word list is simply a list of words.`)
	ix := e.readIndex(t.Context())
	if got := ix.learnedKind("Zorbit"); got != "" {
		t.Errorf("learnedKind(Zorbit) = %q, want no kind", got)
	}
	checkCarry(t, e, []carryCase{
		{"Is Zorbit meant to copy the way Quill works?", "What does Zorbit do when it can't find a word list?", "", ""},
	}, false)
}
