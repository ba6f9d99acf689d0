package answers

import "strings"

// unstranded is topic without the prepositions it strands at its end,
// and without the words before them which say something of the noun
// phrase the topic opens with: one predicate word (a verb form, an
// irregular verb's form, a verb's bare form or a predicative adjective of
// followup.yaml), and the words beforePredicate allows before it. "What
// is a lauter tun used for?" asks of "a lauter tun", "What did the
// harbour talks focus on?" of "the harbour talks", "What is the wose
// grievously vulnerable to?" of "the wose". A topic that strands no
// preposition, or would keep no content word, is returned as it is.
func (e *Engine) unstranded(ix *index, c *carryRules, topic string) string {
	if !c.stranded[strings.ToLower(topic[strings.LastIndexByte(topic, ' ')+1:])] {
		return topic // most topics: nothing stranded, nothing to tokenise
	}
	toks := tokenize(topic)
	end := len(toks)
	for end > 0 && c.stranded[toks[end-1].word] {
		end--
	}
	if end == len(toks) || end < 2 {
		return topic
	}
	if e.predicate(ix, c, toks[end-1]) {
		end--
	}
	for end > 1 && !isCapitalised(toks[end-1].raw) && e.beforePredicate(c, toks[end-1].word) {
		end--
	}
	kept := false
	for _, t := range toks[:end] {
		kept = kept || !e.stopword(t.word) && !c.which.determiners[t.word]
	}
	if !kept {
		return topic
	}
	return topic[:toks[end-1].end]
}

// predicate reports whether t, ending a topic before the preposition it
// strands, says something of the noun phrase before it rather than
// naming it: in lower case, a predicative adjective ("short for"), a
// word in "ed" ("used for"), another verb form, an irregular verb's form
// ("laid out") or a verb's bare form the articles use in another form
// ("focus on").
func (e *Engine) predicate(ix *index, c *carryRules, t token) bool {
	if isCapitalised(t.raw) {
		return false
	}
	return c.predicative[t.word] || len(t.word) >= 4 && strings.HasSuffix(t.word, "ed") && !strings.HasSuffix(t.word, "eed") ||
		c.which.verbForm(t.word) || len(e.rules.forms[t.stem]) > 0 || e.bareVerb(ix, t.word)
}

// beforePredicate reports whether the folded word w may stand between a
// noun phrase and its predicate: an auxiliary ("should … be laid out"),
// a form of "be", an adverb in "ly" ("grievously vulnerable") or a
// stranded preposition, as "to" before a bare verb ("ask Ukraine to give
// up").
func (e *Engine) beforePredicate(c *carryRules, w string) bool {
	return c.auxiliary[w] || c.existential[w] || adverb(w) || c.stranded[w]
}
