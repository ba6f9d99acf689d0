package answers

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"
	"unicode"

	"github.com/parley-bot/parley/store"
)

// SQuAD is a SQuAD 2.0 question set: Wikipedia articles, each a list of
// paragraphs with questions about them, some of which the paragraph does
// not answer.
type SQuAD struct {
	Version string         `json:"version"`
	Data    []SQuADArticle `json:"data"`
}

// SQuADArticle is one article of a SQuAD file.
type SQuADArticle struct {
	Title      string           `json:"title"`
	Paragraphs []SQuADParagraph `json:"paragraphs"`
}

// SQuADParagraph is one paragraph and the questions asked about it.
type SQuADParagraph struct {
	Context string          `json:"context"`
	QAs     []SQuADQuestion `json:"qas"`
}

// SQuADQuestion is one question; Answers is empty when IsImpossible.
type SQuADQuestion struct {
	ID           string        `json:"id"`
	Question     string        `json:"question"`
	Answers      []SQuADAnswer `json:"answers"`
	Plausible    []SQuADAnswer `json:"plausible_answers,omitempty"`
	IsImpossible bool          `json:"is_impossible"`
}

// SQuADAnswer is a gold answer: its text and its byte... rune offset in
// the paragraph, as SQuAD gives it (a character offset).
type SQuADAnswer struct {
	Text  string `json:"text"`
	Start int    `json:"answer_start"`
}

// ErrNotSQuAD marks a file that is not a SQuAD 2.0 question set.
var ErrNotSQuAD = errors.New("not a SQuAD 2.0 file")

// maxSQuAD bounds the size of a SQuAD file read whole; the whole SQuAD
// 2.0 dev set is 4.4 MB.
const maxSQuAD = 64 << 20

// LooksLikeSQuAD reports whether data, a file's first bytes, is a JSON
// object rather than JSON Lines of questions: what parley eval uses to
// tell the two formats apart.
func LooksLikeSQuAD(data []byte) bool {
	data = bytes.TrimLeft(data, " \t\r\n\ufeff")
	if !bytes.HasPrefix(data, []byte("{")) {
		return false
	}
	// A JSON Lines question set also starts with "{", but its first
	// object holds "q"; a SQuAD file's holds "data" or "version".
	head := data[:min(len(data), 4096)]
	return bytes.Contains(head, []byte(`"data"`)) || bytes.Contains(head, []byte(`"version"`))
}

// ReadSQuAD parses a SQuAD 2.0 file, checking that it has articles with
// paragraphs and questions and that every gold answer lies where it says.
func ReadSQuAD(r io.Reader) (*SQuAD, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxSQuAD+1))
	if err != nil {
		return nil, fmt.Errorf("read SQuAD file: %w", err)
	}
	if len(data) > maxSQuAD {
		return nil, fmt.Errorf("%w: larger than %d MB", ErrNotSQuAD, maxSQuAD>>20)
	}
	var s SQuAD
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&s); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNotSQuAD, err)
	}
	if len(s.Data) == 0 {
		return nil, fmt.Errorf("%w: no articles under \"data\"", ErrNotSQuAD)
	}
	n := 0
	for i, a := range s.Data {
		if strings.TrimSpace(a.Title) == "" {
			return nil, fmt.Errorf("%w: article %d has no title", ErrNotSQuAD, i+1)
		}
		for _, p := range a.Paragraphs {
			ctx := []rune(p.Context)
			for _, q := range p.QAs {
				n++
				if strings.TrimSpace(q.Question) == "" {
					return nil, fmt.Errorf("%w: question %s of %q is empty", ErrNotSQuAD, q.ID, a.Title)
				}
				if !q.IsImpossible && len(q.Answers) == 0 {
					return nil, fmt.Errorf("%w: question %s of %q has no answer and is not marked impossible", ErrNotSQuAD, q.ID, a.Title)
				}
				for _, g := range q.Answers {
					end := g.Start + len([]rune(g.Text))
					if g.Start < 0 || end > len(ctx) || string(ctx[g.Start:end]) != g.Text {
						return nil, fmt.Errorf("%w: answer %q of question %s is not at offset %d of its paragraph", ErrNotSQuAD, g.Text, q.ID, g.Start)
					}
				}
			}
		}
	}
	if n == 0 {
		return nil, fmt.Errorf("%w: no questions", ErrNotSQuAD)
	}
	return &s, nil
}

// ArticleID is the store id of a SQuAD article: "squad-" and its title
// with anything but letters, digits, '-' and '_' turned to '_'.
func (a SQuADArticle) ArticleID() string {
	return "squad-" + strings.Map(func(r rune) rune {
		if r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_') {
			return r
		}
		return '_'
	}, a.Title)
}

// Documents are the articles of s as documents to ingest: the title (with
// '_' read as a space) and the paragraphs, one per line.
func (s *SQuAD) Documents() []store.Document {
	out := make([]store.Document, 0, len(s.Data))
	for _, a := range s.Data {
		var b strings.Builder
		for _, p := range a.Paragraphs {
			b.WriteString(p.Context)
			b.WriteString("\n\n")
		}
		out = append(out, store.Document{ID: a.ArticleID(), Title: strings.ReplaceAll(a.Title, "_", " "), Body: b.String()})
	}
	return out
}

// SQuADTargets are the figures a SQuAD run must reach.
var SQuADTargets = struct{ RightFirst, Refused, Spans float64 }{RightFirst: 0.80, Refused: 0.50, Spans: 1}

// SQuADScore is a tally of SQuAD questions: of one article, or of all.
type SQuADScore struct {
	Answerable, Unanswerable int
	// RightFirst counts answerable questions whose top quote holds a
	// gold answer span at its gold offset; TextFirst those whose top
	// quote holds a gold answer's text anywhere (a looser measure).
	RightFirst, TextFirst int
	// Answered counts answerable questions answered at all; Refused
	// unanswerable ones refused.
	Answered, Refused int
	// Direct counts non-empty direct answers; Spans those that are
	// verbatim spans of the top quote. Quotes and Verbatim count quotes
	// and those found verbatim in their article.
	Direct, Spans    int
	Quotes, Verbatim int
	// BaselineFirst counts answerable questions for which a plain BM25
	// search (FTS5 over the same sentences, never refusing) puts a
	// sentence holding a gold span first; BaselineText one holding a
	// gold answer's text.
	BaselineFirst, BaselineText int
}

func (s *SQuADScore) add(o SQuADScore) {
	s.Answerable += o.Answerable
	s.Unanswerable += o.Unanswerable
	s.RightFirst += o.RightFirst
	s.TextFirst += o.TextFirst
	s.Answered += o.Answered
	s.Refused += o.Refused
	s.Direct += o.Direct
	s.Spans += o.Spans
	s.Quotes += o.Quotes
	s.Verbatim += o.Verbatim
	s.BaselineFirst += o.BaselineFirst
	s.BaselineText += o.BaselineText
}

// SQuADReport is the outcome of a SQuAD run.
type SQuADReport struct {
	Articles []string
	By       map[string]*SQuADScore
	Total    SQuADScore
	// AUC is the area under the ROC curve of Answer.Confidence as a
	// score separating answerable (positive) from unanswerable questions:
	// 0.5 is a coin, 1 a perfect separation.
	AUC float64
	// Failures lists what went wrong, one line each, for -v.
	Failures []string
	// Samples holds, per question, what the engine did (for tuning).
	Samples []SQuADSample
}

// SQuADSample is one question's outcome, for tuning and calibration.
type SQuADSample struct {
	Article    string
	Question   string
	Answerable bool
	Answered   bool
	Right      bool // the top candidate holds a gold span at its offset
	Confidence float64
}

// EvaluateSQuAD asks every question of s of e, which must answer from a
// store holding s's articles (see Documents), and scores the answers:
// right sentence first, unanswerables refused, direct answers that are
// spans of the top quote, verbatim quotes, the AUC of the confidence and
// a plain BM25 baseline over the same sentences.
func EvaluateSQuAD(ctx context.Context, e *Engine, s *SQuAD) (SQuADReport, error) {
	rep := SQuADReport{By: map[string]*SQuADScore{}}
	bodies := map[string]string{}
	for _, art := range s.Data {
		id := art.ArticleID()
		rep.Articles = append(rep.Articles, id)
		sc := &SQuADScore{}
		rep.By[id] = sc
		body, err := e.st.Body(ctx, id)
		if err != nil {
			return rep, fmt.Errorf("evaluate SQuAD: %w", err)
		}
		bodies[id] = squashSpaces(body)
		for _, p := range art.Paragraphs {
			for _, q := range p.QAs {
				a, ranked, err := e.answer(ctx, q.Question, false)
				if err != nil {
					return rep, fmt.Errorf("evaluate SQuAD: %w", err)
				}
				for _, qt := range a.Quotes {
					sc.Quotes++
					if strings.Contains(bodies[qt.Article], squashSpaces(qt.Text)) || strings.Contains(squashSpaces(mustBody(ctx, e, bodies, qt.Article)), squashSpaces(qt.Text)) {
						sc.Verbatim++
					} else {
						rep.Failures = append(rep.Failures, fmt.Sprintf("not verbatim: %q in %s", qt.Text, qt.Article))
					}
				}
				if a.Answered && a.Answer != "" {
					sc.Direct++
					if len(a.Quotes) > 0 && IsSpansOf(a.Answer, a.Quotes[0].Text) {
						sc.Spans++
					} else {
						rep.Failures = append(rep.Failures, fmt.Sprintf("answer %q to %q is not spans of its quote", a.Answer, q.Question))
					}
				}
				sample := SQuADSample{Article: id, Question: q.Question, Answerable: !q.IsImpossible, Answered: a.Answered, Confidence: a.Confidence}
				if len(ranked) > 0 {
					sample.Right = goldAt(ranked[0].s.Text, ranked[0].s.ArticleID == id, p.Context, q.Answers)
				}
				rep.Samples = append(rep.Samples, sample)
				if q.IsImpossible {
					sc.Unanswerable++
					if !a.Answered {
						sc.Refused++
					} else if len(a.Quotes) > 0 {
						rep.Failures = append(rep.Failures, fmt.Sprintf("answered %q (should refuse) with %q", q.Question, a.Quotes[0].Text))
					}
					continue
				}
				sc.Answerable++
				if a.Answered {
					sc.Answered++
					top := a.Quotes[0]
					if goldAt(top.Text, top.Article == id, p.Context, q.Answers) {
						sc.RightFirst++
					} else {
						rep.Failures = append(rep.Failures, fmt.Sprintf("wrong sentence for %q: got %q, want %q", q.Question, top.Text, q.Answers[0].Text))
					}
					if holdsText(top.Text, q.Answers) {
						sc.TextFirst++
					}
				} else {
					rep.Failures = append(rep.Failures, fmt.Sprintf("refused %q (answer %q)", q.Question, q.Answers[0].Text))
				}
				hits, err := e.st.Search(ctx, baselineTerms(q.Question), 1)
				if err != nil {
					return rep, fmt.Errorf("evaluate SQuAD: baseline: %w", err)
				}
				if len(hits) > 0 && goldAt(hits[0].Text, hits[0].ArticleID == id, p.Context, q.Answers) {
					sc.BaselineFirst++
				}
				if len(hits) > 0 && holdsText(hits[0].Text, q.Answers) {
					sc.BaselineText++
				}
			}
		}
		rep.Total.add(*sc)
	}
	rep.AUC = auc(rep.Samples)
	return rep, nil
}

func mustBody(ctx context.Context, e *Engine, bodies map[string]string, id string) string {
	if b, ok := bodies[id]; ok {
		return b
	}
	b, err := e.st.Body(ctx, id)
	if err != nil {
		return ""
	}
	bodies[id] = squashSpaces(b)
	return bodies[id]
}

// baselineTerms are the words a plain keyword search sends: every word of
// the question, as FTS5 would see it (it drops nothing; BM25 weighs
// common words down by itself), and split where FTS5's tokenizer splits,
// "3.0" into "3" and "0".
func baselineTerms(q string) []string {
	return strings.FieldsFunc(fold(q), func(r rune) bool { return !isWordRune(r) })
}

// goldAt reports whether quote, a sentence of the question's own article
// (sameArticle), covers a gold answer span at its gold offset in the
// paragraph context. Sentences are matched to the paragraph with all
// whitespace left out, so cleaning's whitespace changes do not matter.
func goldAt(quote string, sameArticle bool, context string, gold []SQuADAnswer) bool {
	if !sameArticle || len(gold) == 0 {
		return false
	}
	ctxRunes := []rune(context)
	// dense is the context without whitespace; at maps each of its runes
	// back to its rune offset in the context.
	var dense []rune
	var at []int
	for i, r := range ctxRunes {
		if !unicode.IsSpace(r) {
			dense = append(dense, r)
			at = append(at, i)
		}
	}
	var q []rune
	for _, r := range quote {
		if !unicode.IsSpace(r) {
			q = append(q, r)
		}
	}
	if len(q) == 0 {
		return false
	}
	ds := string(dense)
	qs := string(q)
	for off := 0; ; {
		k := strings.Index(ds[off:], qs)
		if k < 0 {
			return false
		}
		// Byte offset k+off in ds → rune index.
		from := len([]rune(ds[:off+k]))
		to := from + len(q) - 1
		lo, hi := at[from], at[to]
		for _, g := range gold {
			end := g.Start + len([]rune(g.Text)) - 1
			if g.Start >= lo && end <= hi {
				return true
			}
		}
		off += k + 1
	}
}

// holdsText reports whether quote holds a gold answer's text anywhere.
func holdsText(quote string, gold []SQuADAnswer) bool {
	q := strings.ToLower(quote)
	for _, g := range gold {
		if strings.Contains(q, strings.ToLower(g.Text)) {
			return true
		}
	}
	return false
}

// auc is the area under the ROC curve of the samples' confidence for
// telling answerable from unanswerable questions (ties count half).
func auc(samples []SQuADSample) float64 {
	var pos, neg []float64
	for _, s := range samples {
		if s.Answerable {
			pos = append(pos, s.Confidence)
		} else {
			neg = append(neg, s.Confidence)
		}
	}
	if len(pos) == 0 || len(neg) == 0 {
		return 0.5
	}
	sort.Float64s(neg)
	sum := 0.0
	for _, p := range pos {
		lo := sort.SearchFloat64s(neg, p)
		hi := sort.Search(len(neg), func(i int) bool { return neg[i] > p })
		sum += float64(lo) + float64(hi-lo)/2
	}
	return sum / float64(len(pos)*len(neg))
}

// Misses lists the SQuAD targets the report falls short of.
func (r SQuADReport) Misses() []string {
	var out []string
	s := r.Total
	check := func(name string, got, want float64) {
		if got < want {
			out = append(out, fmt.Sprintf("%s %.1f%% < %.1f%%", name, 100*got, 100*want))
		}
	}
	check("right sentence first", Ratio(s.RightFirst, s.Answerable), SQuADTargets.RightFirst)
	check("unanswerable refused", Ratio(s.Refused, s.Unanswerable), SQuADTargets.Refused)
	check("direct answers that are spans", Ratio(s.Spans, s.Direct), SQuADTargets.Spans)
	check("verbatim quotes", Ratio(s.Verbatim, s.Quotes), 1)
	return out
}

// Write prints the report: one row per article and a total, then the
// baseline and the AUC.
func (r SQuADReport) Write(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "article\tquestions\tright sentence first\t(answer text first)\tanswered\trefused unanswerable\tspans\tverbatim\tBM25 baseline first\t(text)\t")
	row := func(name string, s SQuADScore) {
		fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t\n", name, s.Answerable+s.Unanswerable,
			frac(s.RightFirst, s.Answerable), frac(s.TextFirst, s.Answerable), frac(s.Answered, s.Answerable),
			frac(s.Refused, s.Unanswerable), frac(s.Spans, s.Direct), frac(s.Verbatim, s.Quotes), frac(s.BaselineFirst, s.Answerable), frac(s.BaselineText, s.Answerable))
	}
	for _, id := range r.Articles {
		row(id, *r.By[id])
	}
	row("all", r.Total)
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "\nAUC of confidence (answerable vs unanswerable): %.3f\n", r.AUC)
	return err
}

// squashSpaces collapses runs of whitespace to one space.
func squashSpaces(s string) string { return strings.Join(strings.Fields(s), " ") }
