package answers

import (
	"bufio"
	"bytes"
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"
)

//go:embed testdata/questions.jsonl
var builtinQuestions []byte

//go:embed testdata/heldout.jsonl
var heldoutQuestions []byte

// EvalQuestion is one line of a question set (JSON Lines):
//
//	{"q": "Who is Westland's chief negotiator?", "class": "who", "answerable": true,
//	 "expect": ["Umber"], "conflict": false, "sides": []}
//
// Expect lists alternatives: the top quote is right when its text holds
// any of them (case-insensitive). A conflict question must come back with
// Conflict set and its quotes holding every one of Sides. An unanswerable
// question must be refused.
type EvalQuestion struct {
	Q          string   `json:"q"`
	Class      string   `json:"class"`
	Answerable bool     `json:"answerable"`
	Expect     []string `json:"expect,omitempty"`
	Conflict   bool     `json:"conflict,omitempty"`
	Sides      []string `json:"sides,omitempty"`
	Note       string   `json:"note,omitempty"`
}

// ReadQuestions parses a question set; blank lines and lines starting
// with # are skipped.
func ReadQuestions(r io.Reader) ([]EvalQuestion, error) {
	var out []EvalQuestion
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		var q EvalQuestion
		dec := json.NewDecoder(strings.NewReader(line))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&q); err != nil {
			return nil, fmt.Errorf("question set line %d: %w", n, err)
		}
		if q.Q == "" {
			return nil, fmt.Errorf("question set line %d: empty q", n)
		}
		if q.Answerable && len(q.Expect) == 0 {
			return nil, fmt.Errorf("question set line %d: answerable question without expect", n)
		}
		out = append(out, q)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read question set: %w", err)
	}
	return out, nil
}

// BuiltinQuestions is the development question set shipped with Parley.
func BuiltinQuestions() []EvalQuestion { return mustQuestions(builtinQuestions) }

// HeldoutQuestions is the question set written before any tuning and
// never tuned on: its scores estimate how the engine does on new questions.
func HeldoutQuestions() []EvalQuestion { return mustQuestions(heldoutQuestions) }

func mustQuestions(b []byte) []EvalQuestion {
	qs, err := ReadQuestions(bytes.NewReader(b))
	if err != nil {
		// The embedded sets are checked by TestQuestionSets.
		return nil
	}
	return qs
}

// Score is a tally of one class or of a whole set.
type Score struct {
	Answerable, Top1, Top3      int
	Unanswerable, Refused       int
	Conflicts, ConflictsShown   int
	Quotes, Verbatim            int
	Answered, Cited, WithAnswer int
	// Spans counts direct answers (not conflicts) that are verbatim spans
	// of their first quote, of WithAnswer.
	Spans int
}

// Report is the outcome of running a question set.
type Report struct {
	Classes  map[string]*Score
	Total    Score
	Failures []string
}

// Evaluate asks every question of qs and scores the answers: top-1 and
// top-3 accuracy on answerable questions, refusals of unanswerable ones,
// conflicts shown, and whether every quote is verbatim in its article.
func Evaluate(ctx context.Context, e *Engine, qs []EvalQuestion) (Report, error) {
	rep := Report{Classes: map[string]*Score{}}
	bodies := map[string]string{}
	for _, q := range qs {
		cs := rep.Classes[q.Class]
		if cs == nil {
			cs = &Score{}
			rep.Classes[q.Class] = cs
		}
		a, ranked, err := e.answer(ctx, q.Q, false)
		if err != nil {
			return rep, err
		}
		tally := func(f func(*Score)) { f(cs); f(&rep.Total) }
		for _, qt := range a.Quotes {
			body, ok := bodies[qt.Article]
			if !ok {
				if body, err = e.st.Body(ctx, qt.Article); err != nil {
					return rep, fmt.Errorf("evaluate: %w", err)
				}
				body = strings.Join(strings.Fields(body), " ")
				bodies[qt.Article] = body
			}
			verbatim := strings.Contains(body, strings.Join(strings.Fields(qt.Text), " "))
			tally(func(s *Score) {
				s.Quotes++
				if verbatim {
					s.Verbatim++
				}
			})
			if !verbatim {
				rep.Failures = append(rep.Failures, fmt.Sprintf("not verbatim: %q in %s", qt.Text, qt.Article))
			}
		}
		if a.Answered && !a.Conflict && a.Answer != "" && !IsSpansOf(a.Answer, a.Quotes[0].Text) {
			rep.Failures = append(rep.Failures, fmt.Sprintf("answer %q to %q is not spans of its quote", a.Answer, q.Q))
		}
		if a.Answered {
			tally(func(s *Score) {
				s.Answered++
				if len(a.Quotes) > 0 && a.Quotes[0].Article != "" {
					s.Cited++
				}
				if strings.TrimSpace(a.Answer) != "" && !a.Conflict {
					s.WithAnswer++
					if IsSpansOf(a.Answer, a.Quotes[0].Text) {
						s.Spans++
					}
				}
			})
		}
		if !q.Answerable {
			tally(func(s *Score) { s.Unanswerable++ })
			if !a.Answered {
				tally(func(s *Score) { s.Refused++ })
			} else {
				rep.Failures = append(rep.Failures, fmt.Sprintf("answered %q (should refuse) with %q", q.Q, a.Quotes[0].Text))
			}
			continue
		}
		tally(func(s *Score) { s.Answerable++ })
		top1 := a.Answered && holds(a.Quotes[0].Text, q.Expect)
		top3 := top1
		if a.Answered {
			for i := 0; i < len(ranked) && i < 3 && !top3; i++ {
				top3 = holds(ranked[i].s.Text, q.Expect)
			}
		}
		if top1 {
			tally(func(s *Score) { s.Top1++ })
		} else {
			got := "(refused)"
			if a.Answered {
				got = a.Quotes[0].Text
			}
			rep.Failures = append(rep.Failures, fmt.Sprintf("top-1 wrong for %q: got %q, want one of %q", q.Q, got, q.Expect))
		}
		if top3 {
			tally(func(s *Score) { s.Top3++ })
		}
		if q.Conflict {
			tally(func(s *Score) { s.Conflicts++ })
			shown := a.Conflict
			for _, want := range q.Sides {
				found := false
				for _, qt := range a.Quotes {
					found = found || holds(qt.Text, []string{want})
				}
				shown = shown && found
			}
			if shown {
				tally(func(s *Score) { s.ConflictsShown++ })
			} else {
				rep.Failures = append(rep.Failures, fmt.Sprintf("conflict not shown for %q: conflict=%v, answer %q", q.Q, a.Conflict, a.Answer))
			}
		}
	}
	return rep, nil
}

func holds(text string, expect []string) bool {
	t := strings.ToLower(text)
	for _, x := range expect {
		if strings.Contains(t, strings.ToLower(x)) {
			return true
		}
	}
	return false
}

// Ratio is a share, 1 when there is nothing to count.
func Ratio(n, d int) float64 {
	if d == 0 {
		return 1
	}
	return float64(n) / float64(d)
}

// Targets are the figures a question set must reach.
type Targets struct {
	Top1, Refused, Verbatim, Cited float64
}

// DefaultTargets are Parley's acceptance figures.
var DefaultTargets = Targets{Top1: 0.95, Refused: 0.95, Verbatim: 1, Cited: 1}

// Misses lists the targets the report falls short of; none means it
// meets them all.
func (r Report) Misses(t Targets) []string {
	var out []string
	check := func(name string, got, want float64) {
		if got < want {
			out = append(out, fmt.Sprintf("%s %.1f%% < %.1f%%", name, 100*got, 100*want))
		}
	}
	s := r.Total
	check("top-1", Ratio(s.Top1, s.Answerable), t.Top1)
	check("refused", Ratio(s.Refused, s.Unanswerable), t.Refused)
	check("verbatim", Ratio(s.Verbatim, s.Quotes), t.Verbatim)
	check("cited", Ratio(s.Cited, s.Answered), t.Cited)
	check("direct answers that are spans", Ratio(s.Spans, s.WithAnswer), t.Verbatim)
	check("conflicts shown", Ratio(s.ConflictsShown, s.Conflicts), t.Top1)
	return out
}

// Write prints the report as a table, one row per class and a total.
func (r Report) Write(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "class\tquestions\ttop-1\ttop-3\trefused\tconflicts shown\tverbatim quotes\t")
	row := func(name string, s Score) {
		fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%s\t%s\t%s\t\n", name, s.Answerable+s.Unanswerable,
			frac(s.Top1, s.Answerable), frac(s.Top3, s.Answerable), frac(s.Refused, s.Unanswerable),
			frac(s.ConflictsShown, s.Conflicts), frac(s.Verbatim, s.Quotes))
	}
	names := make([]string, 0, len(r.Classes))
	for n := range r.Classes {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		row(n, *r.Classes[n])
	}
	row("all", r.Total)
	return tw.Flush()
}

func frac(n, d int) string {
	if d == 0 {
		return "-"
	}
	return fmt.Sprintf("%d/%d %5.1f%%", n, d, 100*float64(n)/float64(d))
}
