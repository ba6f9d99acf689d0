package bot

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/parley-bot/parley/answers"
	"github.com/parley-bot/parley/store"
)

// Curator reads questions as the report needs: which are the same
// question in other words, and what they are about. *answers.Engine is
// one.
type Curator interface {
	Group(questions []string) [][]int
	Topics(questions []string, limit int) []answers.Topic
}

// ReportLog is the store's question log as the report reads it;
// *store.Store implements it.
type ReportLog interface {
	AskedSince(ctx context.Context, since time.Time) ([]store.Asked, error)
	Judgements(ctx context.Context, since time.Time) ([]store.Judged, error)
}

// Report is the curator's report: what people asked over a span of time
// that Parley could not answer (grouped when it is the same question in
// other words), which answers people marked wrong, and what they asked
// about most. It is what whoever keeps the articles reads to decide what
// to add. Its JSON form is `parley report --json`.
type Report struct {
	Since    time.Time `json:"since"`
	Until    time.Time `json:"until"`
	Asked    int       `json:"asked"`
	Answered int       `json:"answered"`
	Refused  int       `json:"refused"`
	// Unanswered are the questions refused, most asked first.
	Unanswered []Unanswered `json:"unanswered"`
	// Wrong are the answers people marked wrong, most marked first.
	Wrong []WrongAnswer `json:"wrong"`
	// Topics are what the questions named most.
	Topics []answers.Topic `json:"topics"`
}

// Unanswered is one question Parley refused, however it was worded.
type Unanswered struct {
	// Question is its most frequent wording (the first asked, on a tie).
	Question string `json:"question"`
	// Asked is how many times it was asked, in any wording.
	Asked int `json:"asked"`
	// Wordings are the other ways it was asked, most frequent first.
	Wordings []string `json:"wordings,omitempty"`
	// Last is when it was last asked.
	Last time.Time `json:"last"`
}

// WrongAnswer is an answer people marked wrong, with its quotes.
type WrongAnswer struct {
	Question string          `json:"question"`
	Read     string          `json:"read,omitempty"` // as read, for a follow-up
	Answer   string          `json:"answer"`
	Quotes   []answers.Quote `json:"quotes"`
	Wrong    int             `json:"wrong"`   // people who marked it wrong
	Helpful  int             `json:"helpful"` // people who found it helpful
	Asked    time.Time       `json:"asked"`
}

// Report bounds: a report that lists everything is read by no one.
const (
	reportUnanswered = 20
	reportWrong      = 20
	reportTopics     = 10
	reportWordings   = 5
)

// ComposeReport reads the log from since to until and composes the
// report.
func ComposeReport(ctx context.Context, log ReportLog, cur Curator, since, until time.Time) (Report, error) {
	rows, err := log.AskedSince(ctx, since)
	if err != nil {
		return Report{}, fmt.Errorf("compose report: %w", err)
	}
	r := Report{Since: since, Until: until, Unanswered: []Unanswered{}, Wrong: []WrongAnswer{}}
	var all, refused []string
	var refusedAt []time.Time
	for _, a := range rows {
		if a.At.After(until) {
			continue
		}
		r.Asked++
		all = append(all, a.Question)
		if a.Answered {
			r.Answered++
			continue
		}
		r.Refused++
		refused = append(refused, a.Question)
		refusedAt = append(refusedAt, a.At)
	}
	for _, g := range cur.Group(refused) {
		r.Unanswered = append(r.Unanswered, unanswered(g, refused, refusedAt))
	}
	sort.SliceStable(r.Unanswered, func(i, j int) bool { return r.Unanswered[i].Asked > r.Unanswered[j].Asked })
	if len(r.Unanswered) > reportUnanswered {
		r.Unanswered = r.Unanswered[:reportUnanswered]
	}
	judged, err := log.Judgements(ctx, since)
	if err != nil {
		return Report{}, fmt.Errorf("compose report: %w", err)
	}
	for _, j := range judged {
		if j.Wrong == 0 || j.At.After(until) {
			continue
		}
		w := WrongAnswer{Question: j.Question, Read: j.Read, Answer: j.Answer, Wrong: j.Wrong, Helpful: j.Helpful, Asked: j.At, Quotes: []answers.Quote{}}
		if err := json.Unmarshal(j.Quotes, &w.Quotes); err != nil {
			w.Quotes = []answers.Quote{}
		}
		r.Wrong = append(r.Wrong, w)
		if len(r.Wrong) == reportWrong {
			break
		}
	}
	r.Topics = cur.Topics(all, reportTopics)
	if r.Topics == nil {
		r.Topics = []answers.Topic{}
	}
	return r, nil
}

// unanswered makes one entry of a group of refused questions (indexes
// into qs, asked at times at).
func unanswered(g []int, qs []string, at []time.Time) Unanswered {
	count := map[string]int{}
	first := map[string]int{}
	var u Unanswered
	for _, i := range g {
		w := qs[i]
		if _, ok := first[w]; !ok {
			first[w] = i
		}
		count[w]++
		if at[i].After(u.Last) {
			u.Last = at[i]
		}
	}
	words := make([]string, 0, len(count))
	for w := range count {
		words = append(words, w)
	}
	sort.Slice(words, func(i, j int) bool {
		if count[words[i]] != count[words[j]] {
			return count[words[i]] > count[words[j]]
		}
		return first[words[i]] < first[words[j]]
	})
	u.Question, u.Asked = words[0], len(g)
	for _, w := range words[1:] {
		if len(u.Wordings) == reportWordings {
			break
		}
		u.Wordings = append(u.Wordings, w)
	}
	return u
}

// Title is the report's heading: the span it covers.
func (r Report) Title() string {
	return "What people asked, " + r.Since.Format("2 Jan 2006") + " – " + r.Until.Format("2 Jan 2006")
}

// ReportText renders the report as plain text: the console, the command
// line, and every platform's fallback.
func ReportText(r Report) string {
	var b strings.Builder
	b.WriteString(r.Title() + "\n")
	fmt.Fprintf(&b, "%d questions: %d answered, %d not.\n", r.Asked, r.Answered, r.Refused)
	b.WriteString("\nAsked and not answered (the articles to add):\n")
	if len(r.Unanswered) == 0 {
		b.WriteString("  none\n")
	}
	for i, u := range r.Unanswered {
		fmt.Fprintf(&b, "  %d. %s (asked %s)\n", i+1, u.Question, times(u.Asked))
		if len(u.Wordings) > 0 {
			b.WriteString("     also as: " + strings.Join(quoteAll(u.Wordings), "; ") + "\n")
		}
	}
	b.WriteString("\nAnswers marked wrong:\n")
	if len(r.Wrong) == 0 {
		b.WriteString("  none\n")
	}
	for i, w := range r.Wrong {
		fmt.Fprintf(&b, "  %d. %s — marked wrong by %s", i+1, w.Question, people(w.Wrong))
		if w.Helpful > 0 {
			fmt.Fprintf(&b, ", helpful to %s", people(w.Helpful))
		}
		b.WriteString("\n")
		if w.Read != "" {
			b.WriteString("     read as: " + w.Read + "\n")
		}
		if w.Answer != "" {
			b.WriteString("     answered: " + w.Answer + "\n")
		}
		for _, q := range w.Quotes {
			b.WriteString("     “" + q.Text + "” — " + CitationText(q.Citation) + "\n")
		}
	}
	b.WriteString("\nMost asked about:")
	if len(r.Topics) == 0 {
		b.WriteString(" nothing named yet")
	}
	for i, t := range r.Topics {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, " %s (%d)", t.Name, t.Count)
	}
	return b.String()
}

func times(n int) string {
	if n == 1 {
		return "once"
	}
	return strconv.Itoa(n) + " times"
}

func people(n int) string {
	if n == 1 {
		return "1 person"
	}
	return strconv.Itoa(n) + " people"
}

func quoteAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = "“" + s + "”"
	}
	return out
}
