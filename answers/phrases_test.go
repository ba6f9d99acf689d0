package answers

import (
	"context"
	"slices"
	"strings"
	"testing"
)

// TestPhrases holds general.yaml's phrases as a question reads them: the
// first word, in any of its forms, also matches the words the phrase
// means, and the phrase's other words are no terms; a word that merely
// shares a synonym with a phrase's first word starts no phrase ("say on"
// is no "call on").
func TestPhrases(t *testing.T) {
	e := articleEngine(t, "pilots", "The harbour pilots", `The harbour pilots released their first yearbook in March 1981.

Captain Ada Brenner devised the pilots' rota in 1979.

The guild wanted to divide the pilots and the ferrymen.

The ferrymen rejected the guild's tariff in 1983.

The rota aims to spare the oldest pilots the night shifts.
`)
	ix, err := e.current(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		q, term, means string // means "": the term has no phrase meaning
		gone           string
	}{
		{"When did the pilots put out their first yearbook?", "put", "releas", "out"},
		{"Who came up with the pilots' rota?", "came", "devis", ""},
		{"Who comes up with the rota?", "come", "devis", ""},
		{"Who is the guild trying to drive a wedge between?", "drive", "divid", "wedge"},
		{"What did Ada say on Friday?", "", "", ""},
		{"what is standing in the way of the pilots' rota", "stand", "block", "way"},
		{"when did the pilots get together", "get", "meet", "togeth"},
		{"when did the pilots' yearbook come out", "come", "launch", "out"},
		{"what is holding up the pilots' rota", "hold", "hinder", ""},
		{"who found fault with the rota", "found", "critic", "fault"},
		{"did the guild beef up the rota", "beef", "strengthen", ""},
		{"when did the ferrymen throw out the tariff", "throw", "reject", "out"},
		{"what is the rota meant to spare the pilots", "meant", "aim", ""},
		{"do the pilots lean on the rota", "lean", "reli", ""},
		{"what did the guild zero in on", "zero", "focus", ""},
		{"did the guild hash out the rota", "hash", "resolv", "out"},
		{"what did the guild weigh up", "weigh", "assess", ""},
	} {
		q := e.analyse(ix, Normalize(tt.q))
		var terms []string
		for _, qt := range q.terms {
			terms = append(terms, qt.term)
			if qt.term == tt.term && !slices.Contains(qt.alts, tt.means) {
				t.Errorf("%q: term %q has alternatives %v, want %q among them", tt.q, qt.term, qt.alts, tt.means)
			}
			if tt.term == "" && slices.Contains(qt.alts, "urg") {
				t.Errorf("%q: term %q reads a phrase (%v)", tt.q, qt.term, qt.alts)
			}
		}
		if tt.term != "" && !slices.Contains(terms, tt.term) {
			t.Errorf("%q: terms %v, want %q", tt.q, terms, tt.term)
		}
		if tt.gone != "" && slices.Contains(terms, stem(tt.gone)) {
			t.Errorf("%q: terms %v hold the phrase's word %q", tt.q, terms, tt.gone)
		}
	}
	a, err := e.Answer(context.Background(), "When did the pilots put out their first yearbook?")
	if err != nil {
		t.Fatal(err)
	}
	if !a.Answered || a.Answer != "March 1981" || !strings.HasPrefix(a.Quotes[0].Text, "The harbour pilots released") {
		t.Errorf("put out: answered %v %q, want March 1981 from the released sentence", a.Answered, a.Answer)
	}
	// A phrasal verb no article uses is no unknown word when the word it
	// means is said: "throw out" finds "rejected", "meant to" "aims to".
	checkQuotes(t, e, map[string]string{
		"When did the ferrymen throw out the guild's tariff?":        "The ferrymen rejected",
		"What is the pilots' rota meant to spare the oldest pilots?": "The rota aims",
	})
	// A who-question's verb reads its phrase too: the doer of "devised"
	// came up with it.
	a, err = e.Answer(context.Background(), "Who came up with the pilots' rota?")
	if err != nil {
		t.Fatal(err)
	}
	if !a.Answered || !strings.Contains(a.Answer, "Ada Brenner") {
		t.Errorf("came up with: answered %v %q, want Ada Brenner", a.Answered, a.Answer)
	}
}

// TestVerbForms holds the forms of an irregular verb matching each other:
// "stole" finds "stolen".
func TestVerbForms(t *testing.T) {
	e := articleEngine(t, "bell", "The harbour bell", `The harbour bell was stolen by two sailors in 1911.

The bell was cast in 1870 and hung in the tower.
`)
	ix, err := e.current(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, qt := range e.analyse(ix, Normalize("Who stole the harbour bell?")).terms {
		if qt.term == stem("stole") {
			found = true
			if !slices.Contains(qt.alts, stem("stolen")) {
				t.Errorf("stole: alternatives %v, want stolen", qt.alts)
			}
		}
	}
	if !found {
		t.Error("no term for stole")
	}
}

// TestPhraseRules holds the phrases' shape: two words or more, meaning
// something, else an error naming the phrase.
func TestPhraseRules(t *testing.T) {
	for _, bad := range []map[string][]string{{"out": {"release"}}, {"come out": nil}} {
		r := &rules{}
		err := r.compilePhrases(&generalFile{Phrases: bad})
		if err == nil {
			t.Errorf("phrases %v: no error", bad)
			continue
		}
		for k := range bad {
			if !strings.Contains(err.Error(), k) {
				t.Errorf("phrases %v: error %q does not name the phrase", bad, err)
			}
		}
	}
}

// TestEverydayParaphrases holds general.yaml's everyday paraphrases as a
// question reads them: each word, or a phrase's first word, also matches
// the word the articles say ("folder" matches "directory", "go downhill"
// "waned", "spat" "generated" by way of "spit out", "guys" "men", "tidy
// up" "clean", "these days" "now", "made public" "unveiled"). The
// guild's decline is then found, "how far" asks a number, and
// "whether" and "despite" are no unknown words.
func TestEverydayParaphrases(t *testing.T) {
	e := articleEngine(t, "quay", "The quay", `The harbour archive keeps the pilots' charts in a separate directory for each pilot.

The guild's fortunes waned after the north channel silted up in 1911.

Orrin Vell's old printing press generated a thousand tide tables each spring.

The men who sank the ferry were sent to the harbour gaol with their families.

Ada Lind cleans up the quay every Sunday.
`)
	ix, err := e.current(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for q, want := range map[string][2]string{
		"Which folder holds each pilot's charts?":      {"folder", "directori"},
		"why did the guild go downhill":                {"go", "wane"},
		"what did orrin vells press spat out":          {"spat", "generat"},
		"what happened to the guys who sank the ferry": {"guy", "men"},
		"who tidies up the quay on sundays":            {"tidi", "clean"},
		"which was the biggest ferry":                  {"biggest", "largest"},
		"what excuse did orrin give":                   {"excus", "pretext"},
		"why did the guild drag out the talks":         {"drag", "prolong"},
		"was the channel a stumbling block":            {"stumbl", "hurdl"},
		"who keeps the charts these days":              {"these", "now"},
		"did the press run for office":                 {"run", "candid"},
		"which boat gets to hop over the others":       {"hop", "jump"},
		"how do the quay folks treat outsiders":        {"outsid", "stranger"},
		"was the quay tavern crowded":                  {"crowd", "dens"},
		"what is the drawback of the north berth":      {"drawback", "disadvantag"},
		"which berth did ada pick":                     {"pick", "select"},
		"where do the ferries set down":                {"set", "land"},
		"whom is the bell meant to scare off":          {"scare", "deter"},
		"how many versions of the rota are there":      {"version", "variant"},
		"whom did ada meet at the quay":                {"meet", "encount"},
		"is the archive on a disk":                     {"disk", "drive"},
		"did ada check the tide tables":                {"check", "verifi"},
		"what is the rota's worth":                     {"worth", "valuat"},
		"what stands next to the archive":              {"next", "besid"},
		"did orrin admit the charts were lost":         {"admit", "acknowledg"},
		"when was the rota made public":                {"made", "unveil"},
		"what is the archive built around":             {"built", "base"},
		"when did the quay move over to the new rota":  {"move", "switch"},
		"what did the pilots trade for charts":         {"trade", "exchang"},
		"who spotted the oncoming ferry":               {"oncom", "approach"},
		"why was the quay so quiet":                    {"quiet", "silent"},
	} {
		found := false
		for _, qt := range e.analyse(ix, Normalize(q)).terms {
			if qt.term == want[0] {
				found = true
				if !slices.Contains(qt.alts, want[1]) {
					t.Errorf("%q: term %q has alternatives %v, want %q among them", q, qt.term, qt.alts, want[1])
				}
			}
		}
		if !found {
			t.Errorf("%q: no term %q", q, want[0])
		}
	}
	checkQuotes(t, e, map[string]string{"why did the guild go downhill": "The guild's fortunes waned"})
	// "whether" is a particle: no unknown word, though no article says it.
	// "how far" asks a number: "far" is no word the answer's sentence
	// must say.
	q := e.analyse(ix, Normalize("how far did orrin vell's press ship its tide tables"))
	if slices.ContainsFunc(q.terms, func(t qterm) bool { return t.term == "far" }) {
		t.Errorf("how far: terms %v hold \"far\"", q.terms)
	}
	checkEvidence(t, e, []evidenceCase{
		{"whether the archive keeps each pilot's charts in a directory", "unknown", 0},
		{"does the archive later keep each pilot's charts in a directory", "unknown", 0},
		{"what does the dictionary entry say the archive keeps in a directory for each pilot", "unknown", 0},
		{"despite the guild, does the archive keep each pilot's charts in a directory", "unknown", 0},
	})
}
