package answers

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/parley-bot/parley/store"
	"github.com/parley-bot/parley/store/storetest"
)

func TestIsSpansOf(t *testing.T) {
	quote := "Kushner and Witkoff met Putin in Moscow on Tuesday, officials said."
	tests := []struct {
		answer string
		want   bool
	}{
		{"Kushner and Witkoff", true},
		{"Kushner, Putin", true},
		{"Putin and Tuesday", true},
		{"Yes, Kushner", true},
		{"No", true},
		{"on Tuesday", true},
		{"Kushner met Putin", false},
		{"Witkoff and Kushner met Putin.", false},
		{"Moscow.", false},
		{"", false},
		{"Yes, Paris", false},
	}
	for _, tt := range tests {
		if got := IsSpansOf(tt.answer, quote); got != tt.want {
			t.Errorf("IsSpansOf(%q) = %v, want %v", tt.answer, got, tt.want)
		}
	}
}

// squadSubset reads testdata/squad2-subset.json and a store holding its
// articles, analysed without a domain pack.
func squadSubset(tb testing.TB) (*SQuAD, *store.Store) {
	tb.Helper()
	return squadStore(tb, "testdata/squad2-subset.json")
}

// squadStore is a store without seeds or pack holding the articles of
// the SQuAD 2.0 file at path, and the file read.
func squadStore(tb testing.TB, path string) (*SQuAD, *store.Store) {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	set, err := ReadSQuAD(f)
	if err != nil {
		tb.Fatal(err)
	}
	a, err := NewAnalyzer(nil)
	if err != nil {
		tb.Fatal(err)
	}
	st, err := store.Open(context.Background(), tb.TempDir()+"/squad.db", store.WithAnalyzer(a))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { st.Close() })
	for _, d := range set.Documents() {
		if _, err := st.Ingest(context.Background(), d, storetest.Epoch); err != nil {
			tb.Fatal(err)
		}
	}
	return set, st
}

// TestEveryAnswerIsSpans holds the contract of a direct answer on every
// question of every eval set — the seeds' sets, a SQuAD subset and the
// Debian history's two sets and the Jargon File's history: it is
// empty or verbatim spans of quotes[0] (a conflict's answer quotes each
// side's span from its own quote), and every quote is verbatim in its
// article.
func TestEveryAnswerIsSpans(t *testing.T) {
	skipShort(t)
	ctx := context.Background()
	check := func(t *testing.T, e *Engine, st *store.Store, questions []string) {
		bodies := map[string]string{}
		for _, q := range questions {
			a, err := e.Answer(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			for _, qt := range a.Quotes {
				body, ok := bodies[qt.Article]
				if !ok {
					b, err := st.Body(ctx, qt.Article)
					if err != nil {
						t.Fatal(err)
					}
					body = squashSpaces(b)
					bodies[qt.Article] = body
				}
				if !strings.Contains(body, squashSpaces(qt.Text)) {
					t.Errorf("%q: quote %q is not in article %s", q, qt.Text, qt.Article)
				}
			}
			switch {
			case !a.Answered || a.Answer == "":
			case a.Conflict:
				for _, side := range conflictSides(a.Answer) {
					found := false
					for _, qt := range a.Quotes {
						found = found || strings.Contains(qt.Text, side)
					}
					if !found {
						t.Errorf("%q: conflict side %q is in no quote", q, side)
					}
				}
			case !IsSpansOf(a.Answer, a.Quotes[0].Text):
				t.Errorf("%q: answer %q is not spans of quotes[0] %q", q, a.Answer, a.Quotes[0].Text)
			}
		}
	}
	st := storetest.MustOpen(t)
	e := mustEngine(t, st)
	for _, name := range seedSets {
		data, err := os.ReadFile("testdata/" + name + ".jsonl")
		if err != nil {
			t.Fatal(err)
		}
		qs, err := ReadQuestions(strings.NewReader(string(data)))
		if err != nil {
			t.Fatal(err)
		}
		var texts []string
		for _, q := range qs {
			texts = append(texts, q.Q)
		}
		t.Run(name, func(t *testing.T) { check(t, e, st, texts) })
	}
	set, sst := squadSubset(t)
	texts := squadQuestions(set)
	t.Run("squad2-subset", func(t *testing.T) { check(t, mustEngine(t, sst, WithPack(nil)), sst, texts) })
	// The Debian history: its own questions and the held-out set over it.
	deb, dst := squadStore(t, "testdata/debian-history.json")
	texts = squadQuestions(deb)
	data, err := os.ReadFile("testdata/debian-heldout.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	qs, err := ReadQuestions(strings.NewReader(string(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range qs {
		texts = append(texts, q.Q)
	}
	t.Run("debian", func(t *testing.T) { check(t, mustEngine(t, dst, WithPack(nil)), dst, texts) })
	// Articles written up later, each with its own questions: the Jargon
	// File's history, the GIMP manual's, twenty nations of the Americas,
	// the KStars handbook's astronomy, 0 A.D.'s ancient peoples, the GNU
	// Shogi manual, GCompris's monuments, Battle for Wesnoth's peoples,
	// Freeciv's nation legends, Stellarium's sky cultures, FreeCol's
	// founding fathers, Naev's worlds, the US Constitution, UFO: AI's
	// invented history, the openings of Jane Austen's novels and An
	// Anarchist FAQ's history of anarchy in action.
	for _, name := range []string{"jargon-history", "gimp-history", "americas-peoples", "astroinfo", "ancient-civs", "shogi-guide", "world-monuments", "wesnoth-races", "freeciv-nations", "sky-cultures", "freecol-fathers", "naev-worlds", "us-constitution", "ufoai-2084", "austen-openings", "anarchy-in-action", "measure-history", "book-of-esther", "r-datasets", "chemical-elements", "devils-dictionary", "calendar-history", "gcide-animals", "brewing-primer", "finance-concepts", "music-glossary", "typography-terms", "photo-glossary", "backgammon-guide", "wordnet-places", "logic-puzzles", "wordnet-people", "gcide-medicine", "gcide-law", "ruth-jonah-daniel", "computing-history", "city-planning-history", "world-oceans", "time-zone-history", "factbook-countries", "apple-fruit", "computing-standards", "hacker-culture", "guile-history", "melville-whales", "newton-opticks", "domain-names", "xz-compression", "sawyer-village", "sqlite-docs", "union-addresses", "python-faq", "nautilus-voyage", "kernel-process", "bible-commentary", "postgres-manual", "sky-imaging", "holmes-adventures", "automake-history", "r-faq", "admin-handbook", "git-docs", "perl-guides", "phylip-guide", "dungeon-crawl-lore", "gnu-maintainer-guide", "physics-experiments", "inkscape-tutorials", "card-solitaire", "privoxy-faq", "orienteering-maps", "borg-backup", "speech-synthesis", "postfix-mail", "weak-signal-radio", "cataclysm-lore", "life-lexicon", "rust-book", "widelands-tales", "spaceport-travelogue", "chess-rules", "go-game-engine", "math-algorithms", "juggling-siteswap", "etext-workshop", "sail-design", "audio-desktop", "color-management", "lab-apparatus", "live-coding-music", "png-guide", "genealogy-records", "network-time", "cycling-power", "circuit-simulation", "spreadsheet-guide", "map-projections", "angband-guide", "kanji-dictionary", "web-framework-guide", "psalms-treasury", "music-patching", "terminal-emulator-faq", "mahjong-guide", "ct-simulation", "disk-encryption", "cave-survey", "ups-power", "braille-display", "ray-tracing", "visual-novels", "internet-routing", "video-editing", "pcb-design", "packet-analysis", "web-server-guide", "project-scheduling", "password-cracking", "econometrics-guide", "gps-file-conversion", "software-translation", "firewall-guide", "lighting-control", "linear-programming", "network-authentication", "concurrent-runtime", "home-server", "live-systems", "system-hardening", "mplayer-guide", "molecular-graphics", "gnome-desktop-help", "distributed-version-control", "document-preparation", "school-network", "installing-debian", "putty-ssh-client", "microbit-python", "arcade-emulation", "block-replication", "mail-handler", "build-automation", "spell-checking", "numerical-computing", "bash-scripting", "vim-manual", "package-maintainers", "package-manager", "plaintext-markup", "figure-drawing", "interactive-shell-guide", "memory-debugger", "jtag-debugging", "discrete-algebra", "graph-drawing", "mail-reader", "track-planning", "text-browser", "nethack-guide", "cvs-manual", "cluster-scheduling", "infrared-remotes", "printing-system", "load-balancing", "system-logging", "password-manager", "bioinformatics-tutorial", "rrd-time-series", "uml-modelling", "machine-learning", "network-monitoring", "information-retrieval", "logic-programming"} {
		set, st := squadStore(t, "testdata/"+name+".json")
		texts := squadQuestions(set)
		t.Run(name, func(t *testing.T) { check(t, mustEngine(t, st, WithPack(nil)), st, texts) })
	}
}

// conflictSides are the “quoted” values a conflict's answer names.
func conflictSides(answer string) []string {
	var out []string
	for _, part := range strings.Split(answer, "“")[1:] {
		if i := strings.Index(part, "”"); i > 0 {
			out = append(out, part[:i])
		}
	}
	return out
}

// TestSQuADSubset runs the SQuAD evaluation on the subset: it must score
// every question, with every quote verbatim and every direct answer a
// span; its accuracy is logged (docs/engine.md has the full figures).
func TestSQuADSubset(t *testing.T) {
	set, st := squadSubset(t)
	e := mustEngine(t, st, WithPack(nil))
	rep, err := EvaluateSQuAD(context.Background(), e, set)
	if err != nil {
		t.Fatal(err)
	}
	s := rep.Total
	if s.Answerable+s.Unanswerable != 149 || s.Verbatim != s.Quotes || s.Spans != s.Direct {
		t.Errorf("SQuAD subset: %d questions, %d/%d quotes verbatim, %d/%d answers spans", s.Answerable+s.Unanswerable, s.Verbatim, s.Quotes, s.Spans, s.Direct)
	}
	if rep.AUC <= 0.5 {
		t.Errorf("AUC of confidence %.3f: no better than a coin", rep.AUC)
	}
	t.Logf("SQuAD subset: right sentence first %d/%d, refused %d/%d, baseline %d, AUC %.3f", s.RightFirst, s.Answerable, s.Refused, s.Unanswerable, s.BaselineFirst, rep.AUC)
}

func TestReadSQuADRejects(t *testing.T) {
	for name, in := range map[string]string{
		"not json":       "hello",
		"no data":        `{"version": "v2.0"}`,
		"empty question": `{"data": [{"title": "T", "paragraphs": [{"context": "abc", "qas": [{"id": "1", "question": " ", "is_impossible": true}]}]}]}`,
		"bad offset":     `{"data": [{"title": "T", "paragraphs": [{"context": "abc", "qas": [{"id": "1", "question": "q?", "answers": [{"text": "b", "answer_start": 0}]}]}]}]}`,
	} {
		if _, err := ReadSQuAD(strings.NewReader(in)); err == nil {
			t.Errorf("ReadSQuAD(%s) accepted it", name)
		}
	}
	if LooksLikeSQuAD([]byte(`{"q": "Who?", "answerable": false}`)) || !LooksLikeSQuAD([]byte(` {"version": "v2.0", "data": []}`)) {
		t.Error("LooksLikeSQuAD tells the formats apart wrongly")
	}
}

// squadQuestions are the questions of a SQuAD set, in order.
func squadQuestions(set *SQuAD) []string {
	var out []string
	for _, art := range set.Data {
		for _, p := range art.Paragraphs {
			for _, q := range p.QAs {
				out = append(out, q.Question)
			}
		}
	}
	return out
}
