package discord

import (
	"crypto/ed25519"
	"encoding/hex"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"
)

// fuzzKey is a fixed key, so the fuzzer's corpus stays meaningful.
var fuzzKey = ed25519.NewKeyFromSeed(make([]byte, ed25519.SeedSize))

func FuzzVerify(f *testing.F) {
	f.Add("1765000000", []byte(`{"type":1}`), "")
	f.Add("", []byte{}, "00")
	f.Fuzz(func(t *testing.T, ts string, body []byte, sig string) {
		pub := fuzzKey.Public().(ed25519.PublicKey)
		Verify(pub, ts, sig, body) // arbitrary input: must not panic
		if ts == "" {
			if Verify(pub, ts, hex.EncodeToString(ed25519.Sign(fuzzKey, body)), body) {
				t.Fatal("verified without a timestamp")
			}
			return
		}
		good := hex.EncodeToString(ed25519.Sign(fuzzKey, append([]byte(ts), body...)))
		if !Verify(pub, ts, good, body) {
			t.Fatalf("correct signature rejected: ts %q body %q", ts, body)
		}
		if Verify(pub, ts, good, append(append([]byte(nil), body...), 'x')) {
			t.Fatal("signature accepted for a changed body")
		}
		if Verify(pub, ts+"0", good, body) {
			t.Fatal("signature accepted for a changed timestamp")
		}
	})
}

func FuzzParseInteraction(f *testing.F) {
	f.Add([]byte(`{"id":"1","type":1,"token":"t"}`))
	f.Add(interaction("2", "ask", "question", "Who met with Putin in Moscow?"))
	f.Add(interaction("3", "summary", "date", "2025-12-06"))
	f.Add([]byte(`{"id":"4","type":2,"data":{"name":"ask","options":[{"name":"question","type":4,"value":3}]}}`))
	f.Add([]byte(`{"id":"5","type":2,"data":{"name":"ask","options":[null]}}`))
	f.Add([]byte(`{"id":"6","type":4,"data":null}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		i, err := Parse(body)
		if err != nil {
			return
		}
		if i.Type != discordgo.InteractionApplicationCommand {
			return
		}
		in := intentOf(i)
		if (in.text == "") == (in.problem == "") {
			t.Fatalf("intent %+v: want exactly one of text and problem", in)
		}
		if in.problem != "" {
			if d := ephemeral(in.problem); length(d.Content) > maxContent {
				t.Fatalf("problem text too long: %d", length(d.Content))
			}
		}
		if in.command == cmdAsk && in.text != "" && (utf8.RuneCountInString(in.text) > MaxQuestion || in.text == "") {
			t.Fatalf("question %q passed the checks", in.text)
		}
	})
}

func TestIntentOf(t *testing.T) {
	tests := []struct {
		name    string
		body    []byte
		text    string
		problem bool
	}{
		{"ask", interaction("1", "ask", "question", "  Who met Putin?  "), "Who met Putin?", false},
		{"summary", interaction("2", "summary"), "summary", false},
		{"summary with date", interaction("3", "summary", "date", "2025-12-06"), "summary 2025-12-06", false},
		{"summary bad date", interaction("4", "summary", "date", "2025-13-45"), "", true},
		{"sources", interaction("5", "sources"), "sources", false},
		{"question at the limit", interaction("6", "ask", "question", strings.Repeat("é", MaxQuestion)), strings.Repeat("é", MaxQuestion), false},
		{"question over the limit", interaction("7", "ask", "question", strings.Repeat("é", MaxQuestion+1)), "", true},
		{"number as question", []byte(`{"id":"8","type":2,"data":{"name":"ask","options":[{"name":"question","type":4,"value":3}]}}`), "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			i, err := Parse(tt.body)
			if err != nil {
				t.Fatal(err)
			}
			in := intentOf(i)
			if in.text != tt.text || (in.problem != "") != tt.problem {
				t.Errorf("intentOf = %+v, want text %q, problem %v", in, tt.text, tt.problem)
			}
		})
	}
}

func BenchmarkVerify(b *testing.B) {
	body := interaction("1", "ask", "question", "Who met with Putin in Moscow?")
	pub := fuzzKey.Public().(ed25519.PublicKey)
	sig := hex.EncodeToString(ed25519.Sign(fuzzKey, append([]byte("1765000000"), body...)))
	b.ReportAllocs()
	for b.Loop() {
		if !Verify(pub, "1765000000", sig, body) {
			b.Fatal("rejected")
		}
	}
}

func BenchmarkParseAndRender(b *testing.B) {
	body := interaction("1", "ask", "question", "Who met with Putin in Moscow?")
	r := goldenReplies()["answer"]
	b.ReportAllocs()
	for b.Loop() {
		i, err := Parse(body)
		if err != nil {
			b.Fatal(err)
		}
		_ = intentOf(i)
		_ = replyData(r)
	}
}
