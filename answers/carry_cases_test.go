package answers

import (
	"context"
	"strings"
	"testing"

	"github.com/parley-bot/parley/store/storetest"
)

// carryCase is a follow-up q asked after prev and how it must be read:
// read is the reading, whole or a part of it ("" for nothing carried),
// why a part of the rule the reading names.
type carryCase struct{ prev, q, read, why string }

// checkCarry asks each case's prev, then its q after it, and holds q's
// reading: equal to read when exact, else holding it.
func checkCarry(t *testing.T, e *Engine, cases []carryCase, exact bool) {
	t.Helper()
	ctx := context.Background()
	for _, tt := range cases {
		t.Run(tt.q, func(t *testing.T) {
			first, err := e.FollowUp(ctx, nil, tt.prev)
			if err != nil {
				t.Fatal(err)
			}
			a, err := e.FollowUp(ctx, &first.Next, tt.q)
			if err != nil {
				t.Fatal(err)
			}
			if tt.read == "" {
				if a.Carried != nil {
					t.Fatalf("carried %+v into a question naming its own subject", a.Carried)
				}
				return
			}
			if a.Carried == nil {
				t.Fatalf("FollowUp(%q after %q) carried nothing, want a reading %q", tt.q, tt.prev, tt.read)
			}
			if got := a.Carried.Read; exact && got != tt.read || !exact && !strings.Contains(got, tt.read) {
				t.Errorf("read as %q, want %q (exact %v)", got, tt.read, exact)
			}
			if why := strings.Join(a.Carried.Why, "; "); !strings.Contains(why, tt.why) {
				t.Errorf("why = %q, want it to say %q", why, tt.why)
			}
		})
	}
}

// TestCarryAndWholeQuestion holds that "And" before a whole question of
// its own ("And when did he …?") opens no fragment: the question keeps
// its words and its pronoun is read as in any follow-up.
func TestCarryAndWholeQuestion(t *testing.T) {
	e := mustEngine(t, storetest.MustOpen(t))
	checkCarry(t, e, []carryCase{
		{"When did Zelenskyy post on X that the sides are going through each point?", "And when did he talk to reporters?",
			"And when did Volodymyr Zelenskyy talk to reporters?", "a pronoun for one person"},
		{"What did Ushakov say about the talks?", "And when?", "when", "a fragment with a question word of its own"},
	}, false)
}
