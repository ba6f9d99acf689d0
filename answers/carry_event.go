package answers

import "strings"

// whoEvent is what a who question asked about, with the people its answer
// named (who) put where they belong: before the topic when "who" was the
// subject ("Who met with Dorn in Bayton?" → "Ames and Brandt met with
// Dorn in Bayton"), after the verb when it was the object ("Who did Carl
// Umber meet in Northport?" → "Carl Umber meet Ann Ames in Northport"),
// at the end when the verb has an object of its own or the
// subject is no name ("Who did he start another port with?" → "… with
// Vincent Renardias").
func (e *Engine) whoEvent(c *carryRules, p turnRead, who string) string {
	toks := tokenize(p.question)
	if len(toks) < 4 || !c.which.objectAux[toks[1].word] || c.questionWords[toks[2].word] || c.auxiliary[toks[2].word] {
		return who + " " + p.topic
	}
	end := strings.TrimRight(p.topic, " ?!.") + " " + who
	subject := -1
	for _, n := range p.qnames {
		if n.start == toks[2].start {
			subject = n.end
		}
	}
	if subject < 0 {
		return end
	}
	v := 3
	for v < len(toks) && toks[v].start < subject {
		v++
	}
	if v >= len(toks) || e.stopword(toks[v].word) {
		return end
	}
	if v+1 < len(toks) && !e.stopword(toks[v+1].word) {
		return end // the verb has an object of its own
	}
	at := toks[v].end
	return strings.TrimRight(p.question[toks[2].start:at]+" "+who+p.question[at:], " ?!.")
}

// partWhole is the whole a topic counts a part of ("two of the six
// Premier League packages in May 2006" → "the six Premier League
// packages in May 2006"): what follows a number and a phrase preposition;
// "" when the topic counts no part.
func (e *Engine) partWhole(c *carryRules, topic string) string {
	toks := tokenize(topic)
	for i := 0; i+2 < len(toks); i++ {
		if (isNumber(toks[i].word) || e.rules.numberWord[toks[i].word]) && c.which.phrasePrep[toks[i+1].word] {
			return strings.TrimRight(topic[toks[i+2].start:], " ?!.")
		}
	}
	return ""
}
