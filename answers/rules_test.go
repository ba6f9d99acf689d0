package answers

import (
	"context"
	"strings"
	"testing"

	"github.com/parley-bot/parley/store"
	"github.com/parley-bot/parley/store/storetest"
)

func mustRules(t *testing.T) *rules {
	t.Helper()
	r, err := compileRules(seedPack(t))
	if err != nil {
		t.Fatalf("loadRules: %v", err)
	}
	return r
}

func TestClassify(t *testing.T) {
	r := mustRules(t)
	tests := []struct{ q, class string }{
		{"who met with putin", "who"},
		{"tell me who ushakov is", "who"},
		{"original plan points", "how_many"},
		{"moscow talks length", "how_many"},
		{"which ukrainian general attended", "who"},
		{"where did the talks take place", "where"},
		{"in which city did they meet", "where"},
		// A place asked for in the plural, or as a province or county.
		{"which provinces does the westmark region include", "where"},
		{"which cities did dorn visit", "where"},
		{"in what county is northport", "where"},
		// A region is answered by a part ("southern"), not a place.
		{"which region of westmark is northport in", "what"},
		{"when did putin meet witkoff", "when"},
		{"what day is the next meeting", "when"},
		// Asked in the plural: dates, not a length of time.
		{"in which years was the bayton quay rebuilt", "when"},
		{"what years did orrin vell keep the lamps", "when"},
		{"how many points are in the plan", "how_many"},
		{"how long did the talks last", "how_many"},
		{"what is the size of the current plan", "how_many"},
		{"what did ushakov say about kushner", "said"},
		{"how did trump describe the talks", "said"},
		{"why was the plan criticized", "why"},
		{"what is umerov s role", "role"},
		{"what is hnatov s position", "role"},
		{"what is zelensky s position on the plan", "said"},
		{"is russia opposed to nato", "yesno"},
		{"did the talks produce a breakthrough", "yesno"},
		{"what is the future prosperity agenda", "what"},
		// Naming: the name a sentence gives, not words someone said.
		{"what did ames call the dimmest stars", "naming"},
		{"what do you call a draw by the same position", "naming"},
		{"what is the name for a draw by the same position", "naming"},
		{"what was the harbour tax called", "naming"},
		{"what is the role of the harbour board", "role"},
		{"roughly what fraction of the harbour is dredged", "how_many"},
		{"what is the name of northport s sister town", "naming"},
		{"what percent of the launches does harbourcorp run", "how_many"},
		{"what was the percentage of votes cast for the harbour tax", "how_many"},
		{"since when has the harbour board held that view", "when"},
		{"until when", "when"},
		// Asked in place, as chat does; "who" in place is left to
		// "what", for it is as often a side as a person ("between who").
		{"and the harbour board met when", "when"},
		{"by jan the ferry ran on the same time as where", "where"},
		{"the truce was between who", "what"},
		{"where", "where"},
		// A job, not what someone wants done.
		{"what does ames do", "role"},
		{"what does dorn want the troops in eastmark to do", "what"},
		// "number one" is first, not a count; "the number of" is one.
		{"whats the number one worry for the pilots", "what"},
		{"what is the number of pilots", "how_many"},
		// So is a number qualified: the most, the least, the usual.
		{"what is the maximum number of launches a pilot can run", "how_many"},
		{"what s the largest number of berths the quay can hold", "how_many"},
		{"what was the default number of pilots on duty", "how_many"},
		{"what s the size of the quay", "how_many"},
		{"at what age do the pilots retire", "how_many"},
		{"what age did the oldest pilot reach", "how_many"},
		{"what agenda did the board set", "what"},
		// A measure asked as "how tall" is: a height, a temperature.
		{"how high is the lighthouse at bayton", "how_many"},
		{"how cold does the harbour get in winter", "how_many"},
		// Chatter before the question, and inside it.
		{"ballpark, how long did the talks last", "how_many"},
		{"any word on when the pilots meet again", "when"},
		// The class the first word asks wins over a count asked further
		// in: what was said, what was done, what decides how much.
		{"what did ames tell the board about how much dredging is left", "said"},
		{"what did the pilots do about how many launches sank", "what"},
		{"what determines how much light a lens lets in", "what"},
		{"is ames fed up with how long the dredging takes", "yesno"},
		{"so how many launches sank", "how_many"},
		{"could you tell me how much the pilots are paid", "how_many"},
	}
	for _, tt := range tests {
		if got := r.classify(r.trimLeadIns(tt.q)).name; got != tt.class {
			t.Errorf("classify(%q) = %s, want %s", tt.q, got, tt.class)
		}
	}
}

func TestMentions(t *testing.T) {
	r := mustRules(t)
	tests := []struct {
		text string
		want []string
	}{
		{"Zelensky and Zelenskyy", []string{"zelensky", "zelensky"}},
		{"the special envoy", []string{"witkoff"}},
		{"Ukraine's chief negotiator", []string{"umerov"}},
		{"Ukraine’s top negotiator", []string{"umerov"}},
		{"the Kremlin aide", []string{"ushakov"}},
		{"Putin's aide", []string{"ushakov"}},
		{"talks in Moscou", []string{"moscow"}},
		{"the Kremlin", []string{"moscow"}},
		{"disagreements with Russie", []string{"russia"}},
		{"a visit to Inde", []string{"india"}},
		{"will not join OTAN", []string{"nato"}},
		{"the US said", []string{"us"}},
		{"acceptable to us", nil},
		{"Ukrainian President Volodymyr Zelenskyy", []string{"zelensky", "zelensky"}},
	}
	for _, tt := range tests {
		var got []string
		for _, m := range r.mentions(tokenize(tt.text)) {
			got = append(got, m.entity)
		}
		if strings.Join(got, ",") != strings.Join(tt.want, ",") {
			t.Errorf("mentions(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestSynonyms(t *testing.T) {
	r := mustRules(t)
	for _, pair := range [][2]string{{"talks", "negotiations"}, {"meeting", "discussions"}, {"plan", "blueprint"}, {"framework", "proposal"}, {"deal", "settlement"}, {"agreement", "deal"}, {"today", "nowadays"}, {"founded", "established"}, {"sitdown", "talks"}, {"huddle", "meeting"}} {
		if !contains(r.synonyms[stem(pair[0])], stem(pair[1])) {
			t.Errorf("%s and %s are not synonyms", pair[0], pair[1])
		}
	}
}

func TestEditDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"witkof", "witkoff", 1},
		{"zelenski", "zelensky", 1},
		{"negotiatior", "negotiator", 1},
		{"ab", "ba", 1},
		{"kushner", "kushner", 0},
		{"macron", "marco", 2},
	}
	for _, tt := range tests {
		if got := editDistance(tt.a, tt.b, 3); got != tt.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"  who   met\tPutin? ", "who met Putin?"},
		{"a\x00b", "a b"},
		{"bad \xff utf8", "bad utf8"},
		{strings.Repeat("é", 2000), strings.Repeat("é", MaxQuestion/2)},
	}
	for _, tt := range tests {
		if got := Normalize(tt.in); got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestMentionsPreferTheLongerName(t *testing.T) {
	r := mustRules(t)
	for text, want := range map[string]string{
		"who is the president of ukraine": "zelensky",
		"ivanka trump":                    "ivanka,trump",
	} {
		var got []string
		for _, m := range r.mentions(tokenize(text)) {
			got = append(got, m.entity)
		}
		if strings.Join(got, ",") != want {
			t.Errorf("mentions(%q) = %v, want %s", text, got, want)
		}
	}
}

func TestEnglishWords(t *testing.T) {
	for _, w := range []string{"flee", "regulated", "the", "colour", "color", "busy", "cost"} {
		if !isEnglish(w) {
			t.Errorf("isEnglish(%q) = false", w)
		}
	}
	for _, w := range []string{"witkof", "negotiatons", "wher", "14th"} {
		if isEnglish(w) {
			t.Errorf("isEnglish(%q) = true", w)
		}
	}
	if !isOrdinal("14th") || !isOrdinal("2nd") || isOrdinal("fourth") || isOrdinal("th") {
		t.Error("isOrdinal is wrong")
	}
}

// TestTypoCorrectionSparesWords holds issue 11's rule: only a word that is
// neither in the articles nor English, nor a number, is corrected.
func TestTypoCorrectionSparesWords(t *testing.T) {
	e := mustEngine(t, storetest.MustOpen(t))
	ix, err := e.current(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for q, want := range map[string][]string{
		"Why did they flee?":                  nil,
		"What is regulated?":                  nil,
		"What happened in the 14th century?":  nil,
		"Who is Witkofff?":                    {"witkofff→witkoff"},
		"wher did the negotiatons take place": {"wher→where", "negotiatons→negotiations"},
		// No word of the articles is near: the English word it misspells.
		"what is the army tryng to do": {"tryng→trying"},
		// A name written in lower case is no misspelled English word.
		"is hungary against the plan": nil,
	} {
		got := e.analyse(ix, Normalize(q)).corrections
		if strings.Join(got, ",") != strings.Join(want, ",") {
			t.Errorf("corrections of %q = %v, want %v", q, got, want)
		}
	}
}

// TestTypoPossessiveName holds that a name's possessive typed without its
// apostrophe ("galias") is read as the name, not as a word one letter off
// that holds it ("galians").
func TestTypoPossessiveName(t *testing.T) {
	e := articleEngine(t, "galia", "Galia", `In 1920 Galia signed the harbour treaty.

The Galians held a feast at the quay for a week.
`)
	ix, err := e.current(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if got := e.analyse(ix, Normalize("when did galias treaty come into force")).corrections; strings.Join(got, ",") != "galias→galia" {
		t.Errorf("corrections = %v, want [galias→galia]", got)
	}
}

// TestEnglishCorrection holds the correction to an English word: one
// edit away, a dropped letter first, never when two words are as likely.
func TestEnglishCorrection(t *testing.T) {
	for w, want := range map[string]string{
		"tryng":     "trying",
		"purhcased": "purchased",
		"cta":       "",
		"tast":      "", // "taste" or "toast"
		"zzzzzzz":   "",
	} {
		if got := englishCorrection(w); got != want {
			t.Errorf("englishCorrection(%q) = %q, want %q", w, got, want)
		}
	}
}

// TestCorpusStatsAreSums holds the shape issue 16 builds on: the corpus
// statistics are sums of per-article contributions, so removing one
// article's segment gives the statistics of the corpus without it.
func TestCorpusStatsAreSums(t *testing.T) {
	e := mustEngine(t, storetest.MustOpen(t))
	ix, err := e.current(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(ix.segments) != 5 {
		t.Fatalf("%d segments, want 5", len(ix.segments))
	}
	rest := assemble(e.rules, ix.segments[1:], 0)
	got := corpusStats{df: map[string]int{}, vocab: map[string]int{}}
	got.add(ix.stats, 1)
	got.add(ix.segments[0].stats, -1)
	if got.sentences != rest.stats.sentences || got.length != rest.stats.length || len(got.df) != len(rest.stats.df) || len(got.vocab) != len(rest.stats.vocab) {
		t.Fatalf("all less one article: %d sentences, %d terms, %d df, %d words; built without it: %d, %d, %d, %d",
			got.sentences, got.length, len(got.df), len(got.vocab), rest.stats.sentences, rest.stats.length, len(rest.stats.df), len(rest.stats.vocab))
	}
	for term, n := range rest.stats.df {
		if got.df[term] != n {
			t.Errorf("df[%s] = %d after removal, %d built without", term, got.df[term], n)
		}
	}
	for term, p := range ix.postings {
		if len(p) != ix.stats.df[term] {
			t.Errorf("postings of %s: %d, df %d", term, len(p), ix.stats.df[term])
		}
	}
}

// TestLearnFromAnyArticle holds what the analyzer learns with no pack:
// dates of any era, numbers as written, marked places, names with kinds
// and acronyms.
func TestLearnFromAnyArticle(t *testing.T) {
	a, err := NewAnalyzer(nil)
	if err != nil {
		t.Fatal(err)
	}
	text := "The Battle of Hastings was fought on 14 October 1066 between the army of William, the Duke of Normandy, and King Harold Godwinson. " +
		"Harold had marched south from York with 30,000 men, while 1.2 million people lived in England in the 11th century, and castles spread in the 1990s. " +
		"It was studied by the Clay Mathematics Institute (CMI) across ~11,700 years and 1,230 km. " +
		"Later the Harbour Robotics Lab took it up. " +
		"The port was a power from circa 650 B.C. and its charter was a mystery until two centuries ago. " +
		"It lay in modern-day Westland, by the city of Veston, in what is now Eastmark. " +
		"Its traders were based in what is now upstate Northmoor. " +
		"Its king died in 453, and its fleet fought in 312 battles until 499 when 120 ships sank in 600,000 tonnes of storm. " +
		"It traded around Lake Morrow and along the Tamm river. " +
		"Its fleet was beaten at the battle of Harrowfield. " +
		"It flourished in Ptolemaic times and fell in the Roman period. The era ended. " +
		"Its rivals only rose to challenge it as recently as 30 cycles ago. " +
		"They never again had the budgets they had in the '50s."
	facts := a.Analyze([]store.Sentence{{ID: 1, ArticleID: "x", Text: text}})
	has := func(kind, pred, obj string) bool {
		for _, f := range facts {
			if f.Kind == kind && (pred == "" || f.Predicate == pred) && f.Object == obj {
				return true
			}
		}
		return false
	}
	for _, want := range []struct{ kind, pred, obj string }{
		{factDate, "", "14 October 1066"},
		{factDate, "", "the 11th century"},
		{factDate, "", "the 1990s"},
		{factDate, "", "650 B.C."},
		{factDate, "", "two centuries ago"},
		{factDate, "", "30 cycles ago"},
		{factDate, "", "the '50s"},
		{factQuantity, "", "30,000 men"},
		{factQuantity, "", "1.2 million people"},
		{factQuantity, "", "~11,700 years"},
		{factQuantity, "", "1,230 km"},
		{factPlace, "learned", "York"},
		{factPlace, "learned", "Westland"},
		{factPlace, "learned", "Veston"},
		{factPlace, "learned", "Eastmark"},
		{factPlace, "learned", "Northmoor"},
		{factDate, "", "453"},
		{factPlace, "learned", "Lake Morrow"},
		{factDate, "", "Ptolemaic times"},
		{factDate, "", "the Roman period"},
		{factPlace, "learned", "Tamm"},
		{factPlace, "learned", "Harrowfield"},
		{factDate, "", "499"},
		{factEntity, kindPerson, "Harold Godwinson"},
		{factEntity, kindOrg, "Clay Mathematics Institute"},
		{factEntity, kindOrg, "Harbour Robotics Lab"},
		{factAlias, "", "CMI"},
	} {
		if !has(want.kind, want.pred, want.obj) {
			t.Errorf("no %s fact %q (%s)", want.kind, want.obj, want.pred)
		}
	}
	for _, f := range facts {
		if f.Kind == factCount && strings.HasPrefix(f.Object, "000") {
			t.Errorf("count %q cuts a number at its separator", f.Object)
		}
		// A number of three digits with a word after it is a count.
		if f.Kind == factDate && strings.Contains(f.Object, "The era") {
			t.Errorf("date %q names no period", f.Object)
		}
		if f.Kind == factDate && (strings.Contains(f.Object, "312") || strings.Contains(f.Object, "600") || strings.Contains(f.Object, "120")) {
			t.Errorf("date %q is a count", f.Object)
		}
	}
}

// TestRankWeightsStrict holds that the ranking weights name every
// feature once, and no other: a typo or a missing feature is an error
// naming it, not a weight silently zero.
func TestRankWeightsStrict(t *testing.T) {
	full := map[string]float64{}
	for _, n := range featureNames {
		full[n] = 1
	}
	r := &rules{}
	if err := r.compileRank(full); err != nil {
		t.Fatalf("every feature given: %v", err)
	}
	if want := float64(len(phraseFeatures)); r.phraseBonus != want {
		t.Errorf("phraseBonus = %v, want %v", r.phraseBonus, want)
	}
	typo := map[string]float64{"coverrage": 1}
	for k, v := range full {
		typo[k] = v
	}
	if err := r.compileRank(typo); err == nil || !strings.Contains(err.Error(), "coverrage") {
		t.Errorf("unknown feature: err = %v, want one naming it", err)
	}
	delete(full, "lead")
	if err := r.compileRank(full); err == nil || !strings.Contains(err.Error(), "lead") {
		t.Errorf("missing feature: err = %v, want one naming it", err)
	}
}

// TestLearnOtherNames holds the names a text says another is known by:
// learned as aliases of each other, so a question using either finds the
// sentence using the other.
func TestLearnOtherNames(t *testing.T) {
	a, err := NewAnalyzer(nil)
	if err != nil {
		t.Fatal(err)
	}
	text := "The Nordvik (a.k.a. Northwick) numbered some ten thousand people. The Aba, better known as Guara, lived by the river."
	facts := a.Analyze([]store.Sentence{{ID: 1, ArticleID: "x", Text: text}})
	want := map[string]bool{"Northwick=Nordvik": false, "Nordvik=Northwick": false, "Guara=Aba": false, "Aba=Guara": false}
	for _, f := range facts {
		if k, v, ok := acronymAlias(f); ok {
			for w := range want {
				if fold(w) == k+"="+v {
					want[w] = true
				}
			}
		}
	}
	for w, ok := range want {
		if !ok {
			t.Errorf("no alias %s learned from %q", w, text)
		}
	}
	e := articleEngine(t, "north", "The north", `The two largest of the Nordvik states were at war when the traders came.

The Nordvik (a.k.a. Northwick) numbered some ten thousand people.
`)
	ans, err := e.Answer(context.Background(), "What were the two largest Northwick states doing when the traders came?")
	if err != nil {
		t.Fatal(err)
	}
	if !ans.Answered || !strings.Contains(ans.Quotes[0].Text, "were at war") {
		t.Errorf("answered %v, quotes %v; want the sentence naming the Nordvik states", ans.Answered, ans.Quotes)
	}
}

// TestLeadingAdverbIsNoName: a sentence opening with an adverb of time or
// sequence ("Today", "Nowadays") does not lend it to the name after it,
// so a who question is not answered with "Today Wellen".
func TestLeadingAdverbIsNoName(t *testing.T) {
	a, err := NewAnalyzer(nil)
	if err != nil {
		t.Fatal(err)
	}
	for text, want := range map[string]string{
		"Today Wellen is a slum of half-finished buildings.": "Wellen",
		"Nowadays Cutha houses most of the fleet.":           "Cutha",
		"Tom Ames founded the guild.":                        "Tom Ames",
	} {
		var got []string
		for _, f := range a.Analyze([]store.Sentence{{ID: 1, ArticleID: "x", Text: text}}) {
			if f.Kind == factEntity && strings.HasPrefix(f.Extractor, "learned-name@") {
				got = append(got, f.Object)
			}
		}
		if len(got) != 1 || got[0] != want {
			t.Errorf("names learned from %q = %q, want [%q]", text, got, want)
		}
	}
}

// TestKnownPlaces: a name WordNet knows as a place is learned as one
// where the text marks it as nothing else, two joined by "and" are two
// ("Pakistan and Lebanon", unless the whole is one: "Trinidad and
// Tobago"), and a where question is answered with those beside its words.
func TestKnownPlaces(t *testing.T) {
	a, err := NewAnalyzer(nil)
	if err != nil {
		t.Fatal(err)
	}
	text := "Elections in Iraq cost the United States its grip, and Iraq joined the Eastern Alliance along with Pakistan and Lebanon. Trinidad and Tobago stayed out."
	places := map[string]bool{}
	for _, f := range a.Analyze([]store.Sentence{{ID: 1, ArticleID: "x", Text: text}}) {
		if f.Kind == factPlace && strings.HasPrefix(f.Subject, "~") {
			places[f.Object] = true
		}
	}
	for _, want := range []string{"Pakistan", "Lebanon", "Trinidad and Tobago"} {
		if !places[want] {
			t.Errorf("no place %q learned from %q (learned %v)", want, text, places)
		}
	}
	e := articleEngine(t, "alliance", "The alliance", "Elections in Iraq cost the United States its grip, and Iraq joined the Eastern Alliance along with Pakistan and Lebanon.\n")
	ans, err := e.Answer(t.Context(), "Which countries joined the Eastern Alliance along with Iraq?")
	if err != nil {
		t.Fatal(err)
	}
	if !ans.Answered || ans.Answer != "Pakistan and Lebanon" {
		t.Errorf("answered %v with %q, want Pakistan and Lebanon", ans.Answered, ans.Answer)
	}
}

// TestClassFromTheAsking holds a question's class read from its own
// question word, after a clause leading up to it and its comma: "When
// …, how …?" asks how, not when; "If …, who …?" asks who. A question that
// opens with its question word, comma or not, keeps its class. A phrase
// before a yes/no question ("In Orrin's telling, has …?") leaves it a
// yes/no question, unless a question word asks before its comma. "When"
// or "where" followed at once by a comma or an auxiliary asks itself
// ("When, according to the note, did …?" asks when); followed by a subject
// it opens a clause ("Where the two charts differ, which …?" asks which).
// A preposition may stand before the question word after the comma
// ("When …, in what order …?" asks what order).
func TestClassFromTheAsking(t *testing.T) {
	e := mustEngine(t, storetest.MustOpen(t))
	ix, err := e.current(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for q, want := range map[string]string{
		"When the harbour board votes again, how are its votes counted?":    "what",
		"If nobody wins a majority, who picks the mayor?":                   "who",
		"When did the harbour board vote, and where?":                       "when",
		"When the board met, the mayor spoke. Who was he?":                  "when",
		"In Orrin's telling, has the ferry to Bayton sailed yet?":           "yesno",
		"Going by what the mayor said, did the board vote?":                 "yesno",
		"Despite the storm, was the harbour open?":                          "yesno",
		"When the board met in May, was the mayor there?":                   "yesno",
		"On what day, according to the note, did the ferry sail?":           "when",
		"In the harbour story, the mayor spoke. Was he right?":              "what",
		"When, according to the note, did the ferry sail?":                  "when",
		"When exactly, by the log, would the ferry be back?":                "when",
		"Where the two charts differ, which one does the pilot trust?":      "what",
		"Where exactly was the mayor, and in front of whom, when he spoke?": "where",
		"Where is the quay, going by the harbour story?":                    "where",
		"When the tool is handed a list, in what order does it show them?":  "what",
	} {
		if got := e.analyse(ix, Normalize(q)).class.name; got != want {
			t.Errorf("class of %q = %q, want %q", q, got, want)
		}
		if got := e.rules.classOf(q).name; got != want {
			t.Errorf("classOf(%q) = %q, want %q", q, got, want)
		}
	}
}

// TestModalsAreStopWords holds that a modal ("must", as "should" and
// "can") is no word to look for: the articles need not say it, and a
// question that says it is not asking of something they never use.
func TestModalsAreStopWords(t *testing.T) {
	e := articleEngine(t, "treaties", "Treaties", "A treaty of Westland needs the consent of two thirds of the senators present.\n\nThe harbour board meets in May.\n")
	ix, err := e.current(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"what share of senators must consent to a treaty", "what share of senators should consent to a treaty"} {
		for _, term := range e.analyse(ix, Normalize(q)).terms {
			if term.term == "must" || term.term == "should" {
				t.Errorf("%q: looks for %q", q, term.term)
			}
		}
	}
}

// TestDoneIsNoWord holds that "done", as "do" (and "doing", an English
// stop word), is no word to look for: "what has to be done with the cache"
// asks what to do with it, and is answered by a sentence that never says
// "done".
func TestDoneIsNoWord(t *testing.T) {
	e := articleEngine(t, "cache", "The harbour cache",
		"Before a restart, the keeper must empty the cache by hand.\n\nThe ferry timetable is kept in the cache.\n")
	ix, err := e.current(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	q := "What has to be done with the cache before a restart?"
	for _, term := range e.analyse(ix, Normalize(q)).terms {
		if term.term == stem("done") {
			t.Errorf("%q: looks for %q", q, term.term)
		}
	}
	a, err := e.Answer(t.Context(), q)
	if err != nil {
		t.Fatal(err)
	}
	if !a.Answered || len(a.Quotes) == 0 || !strings.HasPrefix(a.Quotes[0].Text, "Before a restart") {
		t.Errorf("%q: answered %v, %q", q, a.Answered, a.Answer)
	}
}

// TestOutOfScopePlural holds that a word general.yaml marks as out of
// scope marks it with an "s" too, a plural or a possessive chat writes
// without its apostrophe ("films", "stocks"), unless the articles use it.
func TestOutOfScopePlural(t *testing.T) {
	e := articleEngine(t, "keepers", "The keepers", "The keepers of Orrin light watched the ships in winter.\n\nThey kept a log of every ship.\n")
	ix, err := e.current(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	for q, want := range map[string]string{
		"which films did the keepers of orrin watch": "films",
		"which ships did the keepers of orrin watch": "",
	} {
		if got := e.analyse(ix, Normalize(q)).offTopic; got != want {
			t.Errorf("%q: off topic %q, want %q", q, got, want)
		}
	}
}

// TestChatAndLeadIn holds that chat's lower-case "n" opening a question
// is its "and", cut like other lead-ins, while a capital "N" is a word.
func TestChatAndLeadIn(t *testing.T) {
	r := mustRules(t)
	for q, want := range map[string]string{
		"n what are brandts troops busy with":    "what are brandts troops busy with",
		"N Westland's ports, how many are there": "N Westland's ports, how many are there",
	} {
		if got := r.trimLeadIns(q); got != want {
			t.Errorf("trimLeadIns(%q) = %q, want %q", q, got, want)
		}
	}
}

// TestShorthandWith holds that chat's "w" reads "with", and that a
// capital "W" (a name or a symbol) stays as it is.
func TestShorthandWith(t *testing.T) {
	checkExpand(t, map[string]string{
		"the talks w the pilots":   "the talks with the pilots",
		"the W boson w its charge": "the W boson with its charge",
	})
}

// TestShorthandAre holds that chat's "r" reads "are", and that a capital
// "R" (a language, a grade, a letter) stays as it is; and that "cant",
// "hes", "bout" and "hrs" read as typed with their apostrophes and
// letters.
func TestShorthandAre(t *testing.T) {
	checkExpand(t, map[string]string{
		"how many ferries r there in bayton":        "how many ferries are there in bayton",
		"which R packages r the oldest":             "which R packages are the oldest",
		"why cant the ferry dock at bayton":         "why can not the ferry dock at bayton",
		"so hes game for more talks, what bout ada": "so he is game for more talks, what about ada",
		"how many hrs did the sitdown drag on":      "how many hours did the sitdown drag on",
	})
}

// TestShorthandAnd holds that chat's "n" between words reads "and", but
// not as a question's first word (where "n whens …" is a turn's lead-in,
// read as it is), nor after a stop word or inside parentheses, where it
// is a variable ("a message with n recipients", "DTIME(n)").
func TestShorthandAnd(t *testing.T) {
	checkExpand(t, map[string]string{
		"did orrin n ada sail to bayton":           "did orrin and ada sail to bayton",
		"n whens the next ferry":                   "n when is the next ferry",
		"is the quay in DTIME(n) or DTIME(m)":      "is the quay in DTIME(n) or DTIME(m)",
		"how long does a ferry with n berths take": "how long does a ferry with n berths take",
	})
}

// TestShorthandDevs holds that chat's "devs" and "dev" read "developers"
// and "developer", and "or nah" reads "or not".
func TestShorthandDevs(t *testing.T) {
	checkExpand(t, map[string]string{
		"how do the ferrydesk devs fix a bug":      "how do the ferrydesk developers fix a bug",
		"which dev wrote the lamp driver":          "which developer wrote the lamp driver",
		"is the bayton ferry still running or nah": "is the bayton ferry still running or not",
	})
}

// TestShorthandInTheArticle holds that a question's word finds the
// shorthand an article writes for it ("January" for "Jan 1999"): the word
// is then no unknown word.
func TestShorthandInTheArticle(t *testing.T) {
	e := articleEngine(t, "ferry", "Ferry log", `The Bayton ferry was refitted in Jan 1999 by Orrin Vell. Its new hull was oak.

The Northport quay was rebuilt in stone.
`)
	checkEvidence(t, e, []evidenceCase{{"Who refitted the Bayton ferry in January 1999?", "unknown", 0}})
}

// checkExpand holds that the rules' shorthand reads each question as
// want.
func checkExpand(t *testing.T, want map[string]string) {
	t.Helper()
	r := mustRules(t)
	for q, w := range want {
		if got := r.shorthand.expand(q); got != w {
			t.Errorf("expand(%q) = %q, want %q", q, got, w)
		}
	}
}
