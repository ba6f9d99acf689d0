package answers

import (
	"context"
	"strings"
	"sync"
	"testing"

	"github.com/parley-bot/parley/store/storetest"
)

// FuzzAnswer holds the engine's promises on any input: no panic, no
// error, exactly one polite answer, no mention echoed back, every quote a
// verbatim sentence of its cited article, and a store left as it was.
func FuzzAnswer(f *testing.F) {
	for _, s := range []string{
		"Who met with Putin in Moscow?", "", " ", "\x00", "\xff\xfe", "@everyone", "<!channel> who?", "<@U123> hi",
		`"Putin" NEAR("Witkoff") OR *`, "'; DROP TABLE articles; --", "How many points?!?!", strings.Repeat("talks ", 20000),
		"Zelensky\u202eyksnelez", "ＷＨＯ　ｍｅｔ　Ｐｕｔｉｎ", "who is 🦀", "NOT AND OR ^ : - +", "what did the kremlin aide say about kushner",
		"Did Putin meet Witkoff in Moscow or in Florida?", "Is or or or?", "Did it happen or not?", "Was É or ß?",
	} {
		f.Add(s)
	}
	st := storetest.MustOpen(f)
	e := mustEngine(f, st)
	ctx := context.Background()
	version, err := st.Stamp(ctx)
	if err != nil {
		f.Fatal(err)
	}
	sents, err := st.Sentences(ctx)
	if err != nil {
		f.Fatal(err)
	}
	verbatim := map[string]map[string]bool{}
	for _, s := range sents {
		if verbatim[s.ArticleID] == nil {
			verbatim[s.ArticleID] = map[string]bool{}
		}
		verbatim[s.ArticleID][s.Text] = true
	}
	var mu sync.Mutex
	f.Fuzz(func(t *testing.T, q string) {
		a, err := e.Answer(ctx, q)
		if err != nil {
			t.Fatalf("Answer(%q): %v", q, err)
		}
		if !a.Answered && !strings.HasPrefix(a.Answer, RefusalPrefix) {
			t.Fatalf("Answer(%q): refusal %q does not say so", q, a.Answer)
		}
		if a.Answered && !a.Conflict && a.Answer != "" && !IsSpansOf(a.Answer, a.Quotes[0].Text) {
			t.Fatalf("Answer(%q): direct answer %q is not spans of %q", q, a.Answer, a.Quotes[0].Text)
		}
		if a.Quotes == nil {
			t.Fatalf("Answer(%q): quotes is nil", q)
		}
		if a.Answered == (len(a.Quotes) == 0) {
			t.Fatalf("Answer(%q): answered %v with %d quotes", q, a.Answered, len(a.Quotes))
		}
		if !a.Answered && len(a.Answer) <= len(RefusalPrefix)+1 {
			t.Fatalf("Answer(%q): refusal without a hint: %q", q, a.Answer)
		}
		if hasMention(a.Question) || hasMention(a.Answer) {
			t.Fatalf("Answer(%q) echoes a mention: %q / %q", q, a.Question, a.Answer)
		}
		for _, qt := range a.Quotes {
			if !verbatim[qt.Article][qt.Text] {
				t.Fatalf("Answer(%q): quote %q is not a sentence of %s", q, qt.Text, qt.Article)
			}
		}
		mu.Lock()
		defer mu.Unlock()
		if v, err := st.Stamp(ctx); err != nil || v != version {
			t.Fatalf("Answer(%q) changed the store: version %d → %d (%v)", q, version, v, err)
		}
	})
}

// TestHostileInput is the fuzz seeds as a plain test, so CI checks them
// without -fuzz.
func TestHostileInput(t *testing.T) {
	st := storetest.MustOpen(t)
	e := mustEngine(t, st)
	for _, q := range []string{"\x00\x01\x02", "\xff", strings.Repeat("x", 100000), `") OR ("`, "NEAR(a b)", "@everyone @here", "<!channel>"} {
		a, err := e.Answer(context.Background(), q)
		if err != nil {
			t.Fatalf("Answer(%.40q): %v", q, err)
		}
		if len(a.Question) > MaxQuestion*3 || hasMention(a.Question) {
			t.Errorf("Answer(%.40q).Question = %.60q: too long or a live mention", q, a.Question)
		}
	}
}
