package answers

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/parley-bot/parley/store"
	"github.com/parley-bot/parley/store/storetest"
)

// The -update flag rewrites golden files. Other test files of the package
// may define it too, so it is registered only once, and read by name.
var _ = func() bool {
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite the golden files in testdata")
	}
	return true
}()

func updating() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// seedDay is the first day after storetest.Epoch, when the seeds are in.
var seedDay = time.Date(2025, 12, 7, 8, 0, 0, 0, time.UTC)

func summaryOf(t *testing.T, st *store.Store, day time.Time) Summary {
	t.Helper()
	e, err := NewEngine(context.Background(), st, WithPack(seedPack(t)))
	if err != nil {
		t.Fatalf("NewEngine: %v", err)
	}
	s, err := e.Summary(context.Background(), day)
	if err != nil {
		t.Fatalf("Summary(%s): %v", day.Format(time.DateOnly), err)
	}
	return s
}

func TestSummaryGolden(t *testing.T) {
	st := storetest.MustOpen(t)
	s := summaryOf(t, st, seedDay)
	got, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	path := filepath.Join("testdata", "summary_seeds.golden")
	if updating() {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read golden (run with -update to create it): %v", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("summary differs from %s (run go test ./answers -run TestSummaryGolden -update and review the diff):\n%s", path, got)
	}
}

// TestSummaryOnSeeds checks what the digest promises, whatever the
// ranking picks: every quote verbatim, every line built only from its
// quotes, a handful of lines covering most articles, no duplicates.
func TestSummaryOnSeeds(t *testing.T) {
	st := storetest.MustOpen(t)
	s := summaryOf(t, st, seedDay)
	sents, err := st.Sentences(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	verbatim := map[string]string{} // sentence text -> article
	for _, x := range sents {
		verbatim[x.Text] = x.ArticleID
	}
	if s.Date != "2025-12-07" || !strings.Contains(s.Title, "Sunday 7 December 2025") {
		t.Errorf("date %q, title %q: want 2025-12-07 and a dated title", s.Date, s.Title)
	}
	if s.NothingNew || len(s.NewArticles) != 5 || s.Since != "" {
		t.Errorf("first summary: NothingNew %v, %d new articles, since %q; want false, 5, empty", s.NothingNew, len(s.NewArticles), s.Since)
	}
	if n := len(s.Lines); n < 3 || n > 8 {
		t.Errorf("%d lines, want 3 to 8", n)
	}
	covered := map[string]bool{}
	conflicts := 0
	texts := map[string]bool{}
	for i, l := range s.Lines {
		if len(l.Quotes) == 0 {
			t.Fatalf("line %d %q has no quote", i, l.Text)
		}
		if texts[l.Text] {
			t.Errorf("line %d repeats %q", i, l.Text)
		}
		texts[l.Text] = true
		seen := map[string]bool{}
		for _, q := range l.Quotes {
			art, ok := verbatim[q.Text]
			if !ok {
				t.Errorf("line %d quote is not a sentence of the store: %q", i, q.Text)
			}
			if art != q.Article || q.Title == "" {
				t.Errorf("line %d quote cites %q (title %q), sentence is in %q", i, q.Article, q.Title, art)
			}
			if seen[q.Article] {
				t.Errorf("line %d quotes article %s twice", i, q.Article)
			}
			seen[q.Article] = true
			covered[q.Article] = true
		}
		if l.Conflict {
			conflicts++
			checkTemplate(t, l)
			continue
		}
		first := l.Quotes[0].Text
		if cut, ok := strings.CutSuffix(l.Text, "…"); l.Text != first && (!ok || !strings.HasPrefix(first, cut)) {
			t.Errorf("line %d text %q is neither its quote nor a cut of it: %q", i, l.Text, first)
		}
		if utf8.RuneCountInString(l.Text) > 260 {
			t.Errorf("line %d is %d characters long: %q", i, utf8.RuneCountInString(l.Text), l.Text)
		}
	}
	if len(covered) < 3 {
		t.Errorf("summary quotes %d articles, want at least 3 of 5", len(covered))
	}
	if conflicts == 0 {
		t.Errorf("summary shows no disagreement; the seeds disagree on the plan's size (19 vs 20 points)")
	}
}

// checkTemplate checks a disagreement line names only values its quotes
// state: every “…” phrase of its text is in a quote.
func checkTemplate(t *testing.T, l SummaryLine) {
	t.Helper()
	phrases := regexp.MustCompile(`“([^”]+)”`).FindAllStringSubmatch(l.Text, -1)
	if len(phrases) < 2 || len(l.Quotes) != len(phrases) {
		t.Errorf("disagreement %q: %d quoted values, %d quotes; want two or more of each, equal", l.Text, len(phrases), len(l.Quotes))
	}
	for i, p := range phrases {
		if i < len(l.Quotes) && !strings.Contains(l.Quotes[i].Text, p[1]) {
			t.Errorf("disagreement %q: value %q is not in its quote %q", l.Text, p[1], l.Quotes[i].Text)
		}
	}
}

func TestSummaryPlanSizeDisagreement(t *testing.T) {
	st := storetest.MustOpen(t)
	s := summaryOf(t, st, seedDay)
	for _, l := range s.Lines {
		if !l.Conflict {
			continue
		}
		if !strings.Contains(l.Text, "19 key points") || !strings.Contains(l.Text, "20-point peace blueprint") || strings.Contains(l.Text, "28") {
			t.Errorf("disagreement line %q: want 19 key points vs 20-point peace blueprint, not the original 28", l.Text)
		}
		ids := []string{l.Quotes[0].Article, l.Quotes[1].Article}
		if ids[0] != "002_d17ef9e038f22529" || ids[1] != "003_7c3a7c60cc464903" {
			t.Errorf("disagreement cites %v, want 002 and 003", ids)
		}
		return
	}
	t.Fatal("no disagreement line")
}

func sent(t *testing.T, st *store.Store, channel, day string, at time.Time) {
	t.Helper()
	ctx := context.Background()
	if _, err := st.ClaimPost(ctx, channel, day, at); err != nil {
		t.Fatal(err)
	}
	if err := st.MarkPosted(ctx, channel, day, "m1", at); err != nil {
		t.Fatal(err)
	}
}

func TestSummaryNothingNewThenNew(t *testing.T) {
	st := storetest.MustOpen(t)
	ctx := context.Background()
	sent(t, st, "slack:C1", "2025-12-07", seedDay)

	// The next day nothing was added: one line, no repeat of yesterday.
	s := summaryOf(t, st, seedDay.AddDate(0, 0, 1))
	if !s.NothingNew || len(s.Lines) != 0 || len(s.NewArticles) != 0 || s.Since != "2025-12-07" {
		t.Errorf("NothingNew %v, %d lines, %d new, since %q; want true, 0, 0, 2025-12-07", s.NothingNew, len(s.Lines), len(s.NewArticles), s.Since)
	}
	if !strings.Contains(s.Title, "Monday 8 December 2025") || !strings.Contains(s.Title, "nothing new since the last summary (Sunday 7 December 2025)") {
		t.Errorf("title %q: want the date and that nothing is new since Sunday", s.Title)
	}
	// The day already posted still composes as it was posted.
	if again := summaryOf(t, st, seedDay); again.NothingNew || len(again.NewArticles) != 5 {
		t.Errorf("re-composing the posted day: NothingNew %v, %d new; want false, 5", again.NothingNew, len(again.NewArticles))
	}

	// An article ingested later that day is news the day after, and only it.
	doc := store.Document{ID: "geneva", Title: "Talks move to Geneva", Body: "Negotiators from Ukraine and the United States met in Geneva on Monday and agreed on a new framework for talks.\n\nThe delegations will meet again next week, officials said."}
	if _, err := st.Ingest(ctx, doc, seedDay.Add(2*time.Hour)); err != nil {
		t.Fatal(err)
	}
	s = summaryOf(t, st, seedDay.AddDate(0, 0, 1))
	if s.NothingNew || len(s.NewArticles) != 1 || s.NewArticles[0].Article != "geneva" {
		t.Fatalf("after ingest: NothingNew %v, new %v; want only geneva", s.NothingNew, s.NewArticles)
	}
	if len(s.Lines) == 0 || s.Lines[0].Quotes[0].Article != "geneva" {
		t.Errorf("after ingest: lines %v; want the geneva article's news", s.Lines)
	}
	for _, l := range s.Lines {
		for _, q := range l.Quotes {
			if q.Article != "geneva" && len(l.Quotes) == 1 {
				t.Errorf("line %q repeats old news from %s alone", l.Text, q.Article)
			}
		}
	}
}

func TestSummaryAsOfDate(t *testing.T) {
	st := storetest.MustOpen(t)
	ctx := context.Background()
	// Before the seeds were ingested there was nothing.
	s := summaryOf(t, st, seedDay.AddDate(0, 0, -2))
	if !s.NothingNew || len(s.Lines) != 0 || !strings.Contains(s.Title, "no articles yet") {
		t.Errorf("before any article: %+v; want no articles yet", s)
	}
	// An article published later than the day is left out, whenever it was ingested.
	doc := store.Document{ID: "later", Title: "Later", Published: "2025-12-20", Body: "Negotiators met in Geneva on Saturday and agreed on a new framework for talks."}
	if _, err := st.Ingest(ctx, doc, storetest.Epoch); err != nil {
		t.Fatal(err)
	}
	for _, c := range summaryOf(t, st, seedDay).NewArticles {
		if c.Article == "later" {
			t.Errorf("summary of 2025-12-07 lists an article published 2025-12-20")
		}
	}
	if s := summaryOf(t, st, time.Date(2025, 12, 20, 8, 0, 0, 0, time.UTC)); len(s.NewArticles) != 6 {
		t.Errorf("summary of 2025-12-20 lists %d new articles, want 6", len(s.NewArticles))
	}
	// The day boundary is the day's own time zone: ingested 23:30 UTC on
	// the 6th is the 7th in Kyiv.
	kyiv, err := time.LoadLocation("Europe/Kyiv")
	if err != nil {
		t.Skip("no zoneinfo:", err)
	}
	st2 := storetest.MustOpenEmpty(t)
	if _, err := st2.Ingest(ctx, store.Document{ID: "late", Title: "Late", Body: doc.Body}, time.Date(2025, 12, 6, 23, 30, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	if s := summaryOf(t, st2, time.Date(2025, 12, 6, 20, 0, 0, 0, kyiv)); len(s.NewArticles) != 0 {
		t.Errorf("Kyiv 6 December: %d articles, want 0 (ingested on the 7th there)", len(s.NewArticles))
	}
	if s := summaryOf(t, st2, time.Date(2025, 12, 6, 20, 0, 0, 0, time.UTC)); len(s.NewArticles) != 1 {
		t.Errorf("UTC 6 December: %d articles, want 1", len(s.NewArticles))
	}
}

func TestLineText(t *testing.T) {
	long := "Negotiators from the White House and Ukraine agreed on a framework of security arrangements and discussed what deterrence capabilities would be necessary as part of a peace deal to end the war, though key issues including territorial concessions remain outstanding for now and later."
	tests := []struct {
		name, in, want string
	}{
		{"short stays whole", "The talks ended on Friday in Florida with a joint statement.", "The talks ended on Friday in Florida with a joint statement."},
		{"long cut at a clause", long, "Negotiators from the White House and Ukraine agreed on a framework of security arrangements and discussed what deterrence capabilities would be necessary as part of a peace deal to end the war…"},
		{"no boundary stays whole", strings.Repeat("word ", 60) + "end.", strings.Repeat("word ", 60) + "end."},
		{"never cuts inside a quote", "“We agreed on many things in the talks this week in Florida with our partners from America and Europe, though much remains to be done before any deal is signed by anyone at all,” he said, adding that more talks would follow next week in Miami.",
			"“We agreed on many things in the talks this week in Florida with our partners from America and Europe, though much remains to be done before any deal is signed by anyone at all,” he said…"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := lineText(tt.in, mustLexicon(t).digestBreaks); got != tt.want {
				t.Errorf("lineText(%q) =\n%q, want\n%q", tt.in, got, tt.want)
			}
		})
	}
}

func FuzzLineText(f *testing.F) {
	f.Add("President Vladimir Putin described portions of the American peace plan as “unacceptable,” while his aide Yuri Ushakov announced that five hours of discussions in Moscow yielded no compromise, though talks continue.")
	f.Add("short.")
	breaks := mustLexicon(f).digestBreaks
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		got := lineText(s, breaks)
		if got == s {
			return
		}
		cut, ok := strings.CutSuffix(got, "…")
		if !ok || !strings.HasPrefix(s, cut) || !balancedQuotes(cut) || len(cut) >= len(s) {
			t.Errorf("lineText(%q) = %q: not a balanced prefix of it marked with …", s, got)
		}
	})
}

func BenchmarkSummary(b *testing.B) {
	st := storetest.MustOpen(b)
	e, err := NewEngine(context.Background(), st, WithPack(seedPack(b)))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := e.Summary(context.Background(), seedDay); err != nil {
			b.Fatal(err)
		}
	}
}
