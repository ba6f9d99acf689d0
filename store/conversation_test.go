package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/parley-bot/parley/store"
	"github.com/parley-bot/parley/store/storetest"
)

func TestConversationTurns(t *testing.T) {
	storetest.Each(t, func(t *testing.T, be storetest.Backend) {
		ctx := context.Background()
		st := be.Empty(t)
		t0 := time.Date(2025, 12, 8, 9, 0, 0, 0, time.UTC)
		if _, err := st.Turn(ctx, "k", t0.Add(-time.Hour)); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("Turn of a new key: %v, want ErrNotFound", err)
		}
		if err := st.SaveTurn(ctx, "k", []byte(`{"question":"a"}`), t0); err != nil {
			t.Fatal(err)
		}
		if err := st.SaveTurn(ctx, "k", []byte(`{"question":"b"}`), t0.Add(time.Minute)); err != nil {
			t.Fatal(err)
		}
		got, err := st.Turn(ctx, "k", t0)
		if err != nil || string(got) != `{"question":"b"}` {
			t.Fatalf("Turn = %s, %v; want the last one saved", got, err)
		}
		// Older than the window: not read.
		if _, err := st.Turn(ctx, "k", t0.Add(2*time.Minute)); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("Turn past its window: %v, want ErrNotFound", err)
		}
		if err := st.SaveTurn(ctx, "other", []byte(`{}`), t0.Add(time.Hour)); err != nil {
			t.Fatal(err)
		}
		n, err := st.PruneTurns(ctx, t0.Add(30*time.Minute))
		if err != nil || n != 1 {
			t.Fatalf("PruneTurns = %d, %v; want 1", n, err)
		}
		if _, err := st.Turn(ctx, "other", t0); err != nil {
			t.Errorf("the recent turn was pruned: %v", err)
		}
	})
}

func TestVerdictsOncePerPerson(t *testing.T) {
	storetest.Each(t, func(t *testing.T, be storetest.Backend) {
		ctx := context.Background()
		st := be.Empty(t)
		t0 := time.Date(2025, 12, 8, 9, 0, 0, 0, time.UTC)
		a := store.Asked{ID: "a1", At: t0, Platform: "slack", Question: "Who?", Answered: true, Answer: "Ames", Quotes: []byte(`[{"text":"Ames did."}]`)}
		if err := st.RecordAsked(ctx, a); err != nil {
			t.Fatal(err)
		}
		got, err := st.AskedByID(ctx, "a1")
		if err != nil || got.Question != "Who?" || !got.Answered || string(got.Further) != "[]" || !got.At.Equal(t0) {
			t.Fatalf("AskedByID = %+v, %v", got, err)
		}
		if _, err := st.AskedByID(ctx, "nope"); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("AskedByID(nope) = %v, want ErrNotFound", err)
		}
		set := func(user, verdict string) string {
			t.Helper()
			prev, err := st.SetVerdict(ctx, store.Verdict{AnswerID: "a1", UserHash: user, Verdict: verdict, Platform: "slack", At: t0})
			if err != nil {
				t.Fatal(err)
			}
			return prev
		}
		if p := set("u1", store.VerdictHelpful); p != "" {
			t.Errorf("first verdict replaced %q", p)
		}
		if p := set("u1", store.VerdictHelpful); p != store.VerdictHelpful {
			t.Errorf("second click: replaced %q, want helpful (the same)", p)
		}
		if p := set("u1", store.VerdictWrong); p != store.VerdictHelpful {
			t.Errorf("change of mind: replaced %q, want helpful", p)
		}
		set("u2", store.VerdictWrong)
		js, err := st.Judgements(ctx, t0)
		if err != nil || len(js) != 1 || js[0].Wrong != 2 || js[0].Helpful != 0 {
			t.Fatalf("Judgements = %+v, %v; want one answer, 2 wrong, 0 helpful (u1 changed their mind)", js, err)
		}
		if _, err := st.SetVerdict(ctx, store.Verdict{AnswerID: "gone", UserHash: "u1", Verdict: store.VerdictWrong, At: t0}); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("verdict on an unknown answer: %v, want ErrNotFound", err)
		}
		if _, err := st.SetVerdict(ctx, store.Verdict{AnswerID: "a1", UserHash: "u1", Verdict: "meh", At: t0}); err == nil {
			t.Error("a verdict that is neither helpful nor wrong was accepted")
		}
	})
}

// TestPruneAsked: questions and verdicts older than the cutoff go, with
// the verdicts of the questions that go; newer ones stay.
func TestPruneAsked(t *testing.T) {
	storetest.Each(t, func(t *testing.T, be storetest.Backend) {
		ctx := context.Background()
		st := be.Empty(t)
		day := 24 * time.Hour
		now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
		for i, age := range []time.Duration{100 * day, 91 * day, 89 * day, day} {
			id := string(rune('a' + i))
			if err := st.RecordAsked(ctx, store.Asked{ID: id, At: now.Add(-age), Platform: "discord", Question: "q" + id}); err != nil {
				t.Fatal(err)
			}
			if _, err := st.SetVerdict(ctx, store.Verdict{AnswerID: id, UserHash: "u", Verdict: store.VerdictWrong, At: now.Add(-age + time.Hour)}); err != nil {
				t.Fatal(err)
			}
		}
		q, v, err := st.PruneAsked(ctx, now.Add(-90*day))
		if err != nil || q != 2 || v != 2 {
			t.Fatalf("PruneAsked = %d questions, %d verdicts, %v; want 2, 2", q, v, err)
		}
		left, err := st.AskedSince(ctx, time.Time{})
		if err != nil || len(left) != 2 || left[0].ID != "c" || left[1].ID != "d" {
			t.Fatalf("left %+v, %v; want c and d", left, err)
		}
	})
}

func TestSettingMadeOnce(t *testing.T) {
	storetest.Each(t, func(t *testing.T, be storetest.Backend) {
		ctx := context.Background()
		st := be.Empty(t)
		made := 0
		mk := func() (string, error) { made++; return "salt-" + string(rune('0'+made)), nil }
		a, err := st.Setting(ctx, "salt", mk)
		if err != nil {
			t.Fatal(err)
		}
		again, err := st.Setting(ctx, "salt", mk)
		if err != nil || a != again || made != 1 {
			t.Errorf("Setting = %q then %q (made %d); want one value made once", a, again, made)
		}
	})
}
