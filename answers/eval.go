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

//go:embed testdata/followups.jsonl
var followupQuestions []byte

// EvalQuestion is one line of a question set (JSON Lines):
//
//	{"q": "Who is Westland's chief negotiator?", "class": "who", "answerable": true,
//	 "expect": ["Umber"], "conflict": false, "sides": []}
//
// Expect lists alternatives: the top quote is right when its text holds
// any of them (case-insensitive). A conflict question must come back with
// Conflict set and its quotes holding every one of Sides. An unanswerable
// question must be refused.
//
// A follow-up names the turns before it in prev (one question, or a list
// asked in order), as in a conversation:
//
//	{"prev": "Who met the mayor in Northport?", "q": "When was that?", "class": "when",
//	 "answerable": true, "expect": ["March 3"]}
//
// With own set the question names its own subject: whatever came before,
// nothing may be carried into it, and its answer must be the one it gets
// alone.
type EvalQuestion struct {
	Prev       Turns    `json:"prev,omitempty"`
	Q          string   `json:"q"`
	Class      string   `json:"class"`
	Answerable bool     `json:"answerable"`
	Expect     []string `json:"expect,omitempty"`
	Conflict   bool     `json:"conflict,omitempty"`
	Sides      []string `json:"sides,omitempty"`
	Own        bool     `json:"own,omitempty"`
	Note       string   `json:"note,omitempty"`
}

// Turns are the questions asked before a follow-up, in order. In JSON it
// is one string or a list of them.
type Turns []string

// UnmarshalJSON reads one question or a list.
func (t *Turns) UnmarshalJSON(b []byte) error {
	var one string
	if err := json.Unmarshal(b, &one); err == nil {
		*t = Turns{one}
		return nil
	}
	var many []string
	if err := json.Unmarshal(b, &many); err != nil {
		return fmt.Errorf("prev: want a question or a list of questions: %w", err)
	}
	*t = many
	return nil
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
			return nil, fmt.Errorf("question set line %d: %w", n, jsonProblem(err))
		}
		if q.Q == "" {
			return nil, fmt.Errorf("question set line %d: empty q", n)
		}
		if q.Answerable && len(q.Expect) == 0 {
			return nil, fmt.Errorf("question set line %d: answerable question without expect", n)
		}
		if q.Own && len(q.Prev) == 0 {
			return nil, fmt.Errorf("question set line %d: own without prev: nothing could be carried", n)
		}
		for _, p := range q.Prev {
			if strings.TrimSpace(p) == "" {
				return nil, fmt.Errorf("question set line %d: empty question in prev", n)
			}
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

// FollowUpQuestions is the conversation set: follow-ups over the built-in
// articles, each after the question it leans on, and questions that name
// their own subject after another, which nothing may change.
func FollowUpQuestions() []EvalQuestion { return mustQuestions(followupQuestions) }

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

// FollowScore tallies the questions of a set that come after others: the
// follow-ups (prev set, own not) and how many were answered right —
// answerable ones with the right top quote, the others refused — and the
// questions that name their own subject (own) and how many of those were
// changed by what came before: something was carried into them, or their
// answer differs from the one they get alone.
type FollowScore struct {
	FollowUps, Right int
	Own, Changed     int
}

// Report is the outcome of running a question set.
type Report struct {
	Classes  map[string]*Score
	Total    Score
	Follow   FollowScore
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
		a, ranked, err := e.askEval(ctx, q)
		if err != nil {
			return rep, err
		}
		if err := rep.Follow.tally(ctx, e, q, a, &rep.Failures); err != nil {
			return rep, err
		}
		tally := func(f func(*Score)) { f(cs); f(&rep.Total) }
		if err := rep.scoreQuotes(ctx, e, a, bodies, tally); err != nil {
			return rep, err
		}
		rep.scoreAnswered(q, a, tally)
		rep.scoreExpected(q, a, ranked, tally)
	}
	return rep, nil
}

// askEval asks q after the turns it follows up on, as in a chat, and
// returns the answer with the ranked candidates.
func (e *Engine) askEval(ctx context.Context, q EvalQuestion) (Answer, []scored, error) {
	var prev *Turn
	for _, p := range q.Prev {
		pa, _, err := e.answerAfter(ctx, prev, p, false)
		if err != nil {
			return Answer{}, nil, err
		}
		prev = &pa.Next
	}
	return e.answerAfter(ctx, prev, q.Q, false)
}

// scoreQuotes counts a's quotes, in tally, and those verbatim in their
// article (bodies caches the articles' text, white space folded); it
// lists the others as failures.
func (r *Report) scoreQuotes(ctx context.Context, e *Engine, a Answer, bodies map[string]string, tally func(func(*Score))) error {
	for _, qt := range a.Quotes {
		body, ok := bodies[qt.Article]
		if !ok {
			raw, err := e.st.Body(ctx, qt.Article)
			if err != nil {
				return fmt.Errorf("evaluate: %w", err)
			}
			body = strings.Join(strings.Fields(raw), " ")
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
			r.Failures = append(r.Failures, fmt.Sprintf("not verbatim: %q in %s", qt.Text, qt.Article))
		}
	}
	return nil
}

// scoreAnswered counts an answered a in tally: cited, with a direct
// answer, and that answer spans of its top quote (a failure when not).
func (r *Report) scoreAnswered(q EvalQuestion, a Answer, tally func(func(*Score))) {
	if a.Answered && !a.Conflict && a.Answer != "" && !IsSpansOf(a.Answer, a.Quotes[0].Text) {
		r.Failures = append(r.Failures, fmt.Sprintf("answer %q to %q is not spans of its quote", a.Answer, q.Q))
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
}

// scoreExpected scores a against what q expects: a refusal when q is
// unanswerable; else the expected sentence first (top-1) or among the
// first three ranked (top-3), and both sides of a conflict shown.
func (r *Report) scoreExpected(q EvalQuestion, a Answer, ranked []scored, tally func(func(*Score))) {
	if !q.Answerable {
		tally(func(s *Score) { s.Unanswerable++ })
		if !a.Answered {
			tally(func(s *Score) { s.Refused++ })
		} else {
			r.Failures = append(r.Failures, fmt.Sprintf("answered %q (should refuse) with %q", q.Q, a.Quotes[0].Text))
		}
		return
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
		r.Failures = append(r.Failures, fmt.Sprintf("top-1 wrong for %q: got %q, want one of %q", q.Q, got, q.Expect))
	}
	if top3 {
		tally(func(s *Score) { s.Top3++ })
	}
	if q.Conflict {
		r.scoreConflict(q, a, tally)
	}
}

// scoreConflict counts a conflict q expects, and whether a shows it with
// a quote of each side (a failure when not).
func (r *Report) scoreConflict(q EvalQuestion, a Answer, tally func(func(*Score))) {
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
		r.Failures = append(r.Failures, fmt.Sprintf("conflict not shown for %q: conflict=%v, answer %q", q.Q, a.Conflict, a.Answer))
	}
}

// tally counts q, answered a after its prev turns, in f: a follow-up
// is right when answerable and its top quote holds an expectation, or
// not answerable and refused; a question of its own is changed when
// anything was carried into it or its answer differs from the one it
// gets alone.
func (f *FollowScore) tally(ctx context.Context, e *Engine, q EvalQuestion, a Answer, failures *[]string) error {
	if len(q.Prev) == 0 {
		return nil
	}
	last := q.Prev[len(q.Prev)-1]
	if q.Own {
		f.Own++
		alone, _, err := e.answer(ctx, q.Q, false)
		if err != nil {
			return err
		}
		if a.Carried != nil || !sameAnswer(a, alone) {
			f.Changed++
			*failures = append(*failures, fmt.Sprintf("changed by what came before: %q after %q read as %q, answered %q", q.Q, last, a.Carried.read(q.Q), a.Answer))
		}
		return nil
	}
	f.FollowUps++
	right := !q.Answerable && !a.Answered || q.Answerable && a.Answered && holds(a.Quotes[0].Text, q.Expect)
	if right {
		f.Right++
		return nil
	}
	got := "(refused)"
	if a.Answered {
		got = a.Quotes[0].Text
	}
	*failures = append(*failures, fmt.Sprintf("follow-up wrong: %q after %q, read as %q: got %q", q.Q, last, a.Carried.read(q.Q), got))
	return nil
}

// sameAnswer reports whether a and b say the same: both refused, or the
// same direct answer from the same quotes.
func sameAnswer(a, b Answer) bool {
	if a.Answered != b.Answered || a.Answer != b.Answer || len(a.Quotes) != len(b.Quotes) {
		return false
	}
	for i := range a.Quotes {
		if a.Quotes[i].Text != b.Quotes[i].Text || a.Quotes[i].Article != b.Quotes[i].Article {
			return false
		}
	}
	return true
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

// Targets are the figures a question set must reach. A set with
// follow-ups is held to FollowUps (and to changing none of the questions
// that name their own subject) instead of Top1 and Refused.
type Targets struct {
	Top1, Refused, Verbatim, Cited float64
	FollowUps                      float64
}

// DefaultTargets are Parley's acceptance figures.
var DefaultTargets = Targets{Top1: 0.95, Refused: 0.95, Verbatim: 1, Cited: 1, FollowUps: 0.90}

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
	if f := r.Follow; f.FollowUps+f.Own > 0 {
		// A conversation set is held to the follow-up targets: its
		// questions of their own are there to be left alone, not scored.
		check("follow-ups answered right", Ratio(f.Right, f.FollowUps), t.FollowUps)
		if f.Changed > 0 {
			out = append(out, fmt.Sprintf("%d of %d questions naming their own subject changed by what came before", f.Changed, f.Own))
		}
	} else {
		check("top-1", Ratio(s.Top1, s.Answerable), t.Top1)
		check("refused", Ratio(s.Refused, s.Unanswerable), t.Refused)
	}
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
	if err := tw.Flush(); err != nil {
		return err
	}
	if f := r.Follow; f.FollowUps+f.Own > 0 {
		_, err := fmt.Fprintf(w, "\nfollow-ups answered right: %s\nquestions naming their own subject changed by what came before: %d of %d\n",
			frac(f.Right, f.FollowUps), f.Changed, f.Own)
		return err
	}
	return nil
}

func frac(n, d int) string {
	if d == 0 {
		return "-"
	}
	return fmt.Sprintf("%d/%d %5.1f%%", n, d, 100*float64(n)/float64(d))
}
