// Package answers is Parley's answer engine: it reads a question, finds
// the sentences of the articles that answer it, and returns a short direct
// answer with verbatim quotes and citations — or an honest refusal. It
// knows nothing of Slack or Discord.
package answers

// Citation says where a quote comes from. Fields the article does not
// state are empty.
type Citation struct {
	Article   string `json:"article"` // the article id: its seed file name without .txt
	Title     string `json:"title"`
	Outlet    string `json:"outlet"`
	Byline    string `json:"byline"`
	Published string `json:"published"` // YYYY-MM-DD, or empty
	URL       string `json:"url"`
	// Link is Parley's own page of the article — at the quoted sentence,
	// for a quote — when http.public_url is set; the engine leaves it
	// empty and bot.Links fills it.
	Link string `json:"link,omitempty"`
}

// Quote is a passage of an article exactly as it reads after cleaning, and
// where it comes from.
type Quote struct {
	Text string `json:"text"`
	// Sentence is the quoted sentence's number in its article, counting
	// from 1 (the anchor #sN of the article's page); 0 when unknown.
	Sentence int `json:"-"`
	Citation
}

// Answer is the engine's reply to one question. Its JSON form is the
// contract of `parley ask --json`.
type Answer struct {
	Question string `json:"question"`
	Answered bool   `json:"answered"`
	// Answer is the short direct answer, or for a refusal a polite
	// sentence saying so, with a hint of what can be asked.
	Answer string `json:"answer"`
	// Quotes[0] is the best support; further quotes corroborate or, with
	// Conflict, show the other side. Empty (never null) when not answered.
	Quotes     []Quote `json:"quotes"`
	Conflict   bool    `json:"conflict"`
	Confidence float64 `json:"confidence"`
	// Carried says what a follow-up took from the question before it
	// (Engine.FollowUp); nil when nothing was carried.
	Carried *Carried `json:"carried,omitempty"`
	// Explain is filled only by Engine.Explain.
	Explain *Explanation `json:"explain,omitempty"`
	// Next is what a conversation keeps of this question for the next
	// one (Engine.FollowUp); not part of the JSON contract.
	Next Turn `json:"-"`
	// Further are the next quotes for the same question, beyond Quotes,
	// best first: what "More sources" shows (Engine.FollowUp; not part of
	// the JSON contract).
	Further []Quote `json:"-"`
}

// Explanation says how an answer was reached, for `parley ask --explain`
// and for tuning: what the engine read in the question, which sentences
// it weighed and why it answered or refused.
type Explanation struct {
	Class       string      `json:"class"`
	Wants       string      `json:"wants"`
	Terms       []string    `json:"terms"`
	Entities    []string    `json:"entities,omitempty"`
	Corrections []string    `json:"corrections,omitempty"`
	Unknown     []string    `json:"unknown,omitempty"`
	Candidates  []Candidate `json:"candidates"`
	// Evidence is what the gate weighed: each feature of the best sentence.
	Evidence  map[string]float64 `json:"evidence,omitempty"`
	Threshold float64            `json:"threshold"`
	Decision  string             `json:"decision"`
}

// Candidate is one sentence the engine weighed, with its scores.
type Candidate struct {
	Article   string   `json:"article"`
	Sentence  int64    `json:"sentence"`
	Text      string   `json:"text"`
	Score     float64  `json:"score"`
	Coverage  float64  `json:"coverage"`
	BM25      float64  `json:"bm25"`
	Proximity float64  `json:"proximity"`
	TypeMatch bool     `json:"type_match"`
	Facts     []string `json:"facts,omitempty"`
}
