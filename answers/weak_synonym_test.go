package answers

import "testing"

// A word the articles use may still be said another way by the sentence
// that answers: "governed" by "ruled", "let go" by "released". The
// WordNet synonyms of a known word count for it, below the word itself.
func TestKnownWordsSynonyms(t *testing.T) {
	e := articleEngine(t, "valley", "The hill country",
		"The Palmshire council governs the coast villages from Northport. "+
			"The hill villages were ruled by hereditary chiefs, who could be men or women. "+
			"Sheep graze the hill pastures in summer. "+
			"The hill road to Bayton closes in winter.")
	checkQuotes(t, e, map[string]string{
		"How were the hill villages governed?": "The hill villages were ruled",
	})
}
