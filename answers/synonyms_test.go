package answers

import (
	"bytes"
	"compress/gzip"
	"context"
	"strings"
	"testing"
)

func TestSynonymList(t *testing.T) {
	syn, err := parseSynonyms("synonyms.txt.gz", synonymsGz)
	if err != nil {
		t.Fatal(err)
	}
	if len(syn) < 10000 || !hasSynonym(syn[stem("photo")], stem("photograph")) || !hasSynonym(syn[stem("percentage")], stem("percent")) {
		t.Errorf("synonyms.txt.gz: %d heads, photo %v, percentage %v", len(syn), syn[stem("photo")], syn[stem("percentage")])
	}
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte("photo photograph\nlonely\n"))
	zw.Close()
	if _, err := parseSynonyms("synonyms.txt.gz", gz.Bytes()); err == nil || !strings.Contains(err.Error(), "line 2") {
		t.Errorf("a line of one word: err %v, want one naming line 2", err)
	}
}

// TestSynonymsOnlyForUnknownWords holds WordNet's synonyms to words no
// article uses: "photo" finds the photograph, a word the articles use
// matches only itself, and a number word never stands for another.
func TestSynonymsOnlyForUnknownWords(t *testing.T) {
	ctx := context.Background()
	body := "The photograph was taken in the harbour on 2 December 1931.\n\nThe picture shows a million people at the harbour.\n"
	e := articleEngine(t, "syn", "Synonyms", body)
	a, err := e.Explain(ctx, "When was the photo taken in the harbour?")
	if err != nil {
		t.Fatal(err)
	}
	if !a.Answered || len(a.Quotes) == 0 || !strings.Contains(a.Quotes[0].Text, "photograph") || a.Explain.Evidence["unknown"] != 0 {
		t.Errorf("photo: answered %v, quotes %v, unknown %v (%s)", a.Answered, a.Quotes, a.Explain.Evidence["unknown"], a.Explain.Decision)
	}
	ix, err := e.current(ctx)
	if err != nil {
		t.Fatal(err)
	}
	q := e.analyse(ix, "How many people does the picture show, a billion?")
	for _, qt := range q.terms {
		if qt.term == stem("picture") && len(qt.alts) > 0 {
			t.Errorf("picture, a word the articles use, has synonyms %v", qt.alts)
		}
		if qt.term == stem("billion") && contains(qt.alts, stem("million")) {
			t.Errorf("billion stands for million: %v", qt.alts)
		}
	}
}

func BenchmarkSynonymList(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := parseSynonyms("synonyms.txt.gz", synonymsGz); err != nil {
			b.Fatal(err)
		}
	}
}

// TestPertainyms holds WordNet's pertainyms read as synonyms, both ways:
// a question's "Mexican", a word no article uses, finds the sentence
// saying "Mexico" and is no unknown word.
func TestPertainyms(t *testing.T) {
	per, err := parseSynonyms("pertainyms.txt.gz", pertainymsGz)
	if err != nil {
		t.Fatal(err)
	}
	if len(per) < 2000 || !hasSynonym(per[stem("mexican")], stem("mexico")) || !hasSynonym(per[stem("president")], stem("presidential")) {
		t.Errorf("pertainyms.txt.gz: %d heads, mexican %v, president %v", len(per), per[stem("mexican")], per[stem("president")])
	}
	e := articleEngine(t, "vote", "The vote", "Then, in 2042, Mexico elected Ann Ames to the office of president.\n\nThe harbour was rebuilt.\n")
	a, err := e.Explain(t.Context(), "Who was the Mexican president elected in 2042?")
	if err != nil {
		t.Fatal(err)
	}
	if a.Explain.Evidence["unknown"] != 0 || len(a.Explain.Candidates) == 0 || !strings.Contains(a.Explain.Candidates[0].Text, "Mexico") {
		t.Errorf("unknown %v %v, candidates %v; want Mexico's sentence first and no unknown word", a.Explain.Evidence["unknown"], a.Explain.Unknown, a.Explain.Candidates)
	}
}
