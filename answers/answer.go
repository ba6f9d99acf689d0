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
}

// Quote is a passage of an article exactly as it reads after cleaning, and
// where it comes from.
type Quote struct {
	Text string `json:"text"`
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
}
