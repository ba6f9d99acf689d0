package answers

import (
	"slices"
	"strings"
)

// The one-change signals that read a thing swapped for another: a word
// between the same two neighbours, a name for another of its kind, a
// version's digits; and what only looks like a change (a synonym, "no"
// said without a negation).

// sameMeaning reports whether two stems are synonyms, by the rules or
// by WordNet ("extra", "additional").
func (e *Engine) sameMeaning(a, b string) bool {
	return contains(e.rules.synonyms[a], b) || hasSynonym(wordnetSynonyms()[a], b) || hasSynonym(wordnetSynonyms()[b], a)
}

// entitySwapped reports whether the question names a person, place or
// body that neither s nor the sentence before it mentions, while s
// mentions another of the same kind the question does not, nor one
// standing for it: "Northport" asked where the sentence says "Bayton".
func (e *Engine) entitySwapped(ix *index, q *query, s, prev *sentence) bool {
	r := e.rules
	wanted := map[string]string{wantPerson: "person", wantPlace: "place"}[q.class.wants]
	for id := range q.entities {
		if q.sourceOnly("@"+id) && ix.articleHas(s.ArticleID, "@"+id) {
			// Said only to name the article that tells it ("per the
			// Northport piece"), of an article that names it.
			continue
		}
		def := r.entities[id]
		// "Who … besides X?", "Who is X's deputy?": another of the kind
		// asked for is the answer, not a swap.
		// Said by s, or by one the pack relates to it ("Dorn" for
		// "Bayton"), or by the sentence before.
		said := s.matches("@"+id, r.synonyms["@"+id]) || prev != nil && prev.matches("@"+id, nil)
		if def.Generic || def.Kind == "" || said || def.Kind == wanted && (q.besides || q.ownsSomething(id)) {
			continue
		}
		for _, m := range s.ments {
			o := r.entities[m.entity]
			if q.entities[m.entity] || o.Generic || o.Kind != def.Kind || r.within(m.entity, id) || r.within(id, m.entity) {
				continue
			}
			return true
		}
	}
	return false
}

// swapped reports whether the question says a content word that s, the
// sentence before it and its paragraph's first sentence lack, where s
// holds the question's words on both sides of it around another word:
// "computational simplicity theory" against "computational complexity
// theory", "the given question" against "the given input". One neighbour
// may be a stop word, not both. name says the two words are capitalised,
// names written mid-sentence: "urge Oslo to commit" against "urge Bergen
// to commit".
func (e *Engine) swapped(q *query, s, prev, lead *sentence) (swap, name bool) {
	toks := q.toks
	content := func(w string) bool { return !e.stopword(w) }
	alts := map[string][]string{}
	for _, t := range q.terms {
		alts[t.term] = t.alts
	}
	said := func(st string) bool {
		// In any form the rules know: "lead" is said by "led".
		return s.matches(st, alts[st]) || prev != nil && prev.matches(st, alts[st]) || lead != nil && lead.matches(st, alts[st])
	}
	// A neighbour said in another form of the question's word ("the Tsar
	// came" for "the kaiser come").
	same := func(o, qt token) bool { return o.stem == qt.stem || slices.Contains(e.rules.forms[qt.stem], o.stem) }
	for k := 1; k+1 < len(toks); k++ {
		t := toks[k]
		if !content(t.word) || s.hasStem(t.stem) || said(t.stem) {
			continue
		}
		l, r := toks[k-1], toks[k+1]
		if !content(l.word) && !content(r.word) {
			continue
		}
		for j := 1; j+1 < len(s.toks); j++ {
			o := s.toks[j]
			if !same(s.toks[j-1], l) || !same(s.toks[j+1], r) || !content(o.word) || e.rules.negation[o.word] || e.sameMeaning(t.stem, o.stem) || shareSynonym(t.stem, o.stem) {
				continue
			}
			// Two names, capitalised or coined ("zlib" for "libpng": no
			// English word either).
			name := midCapital(t) && midCapital(o) || coined(t.word) && coined(o.word)
			if name && sharePrefix(t.word, o.word, 4) {
				continue // "Norway" for "Norwegian"
			}
			return true, name
		}
	}
	return false, false
}

// coined reports whether a folded word of three letters or more, none of
// them digits, is no English word: a name written in lower case ("zlib").
func coined(w string) bool {
	return len(w) >= 3 && !strings.ContainsAny(w, "0123456789") && !isEnglish(w)
}

// midCapital reports whether t is capitalised and not the first word.
func midCapital(t token) bool { return t.start > 0 && isCapitalised(t.raw) }

// versionSwapped reports whether the question says a word of letters and
// digits ("libc5") that s and its context do not, while s says the same
// letters with other digits ("libc6").
func versionSwapped(q *query, s, prev, lead *sentence) bool {
	letters := func(w string) string {
		return strings.Map(func(r rune) rune {
			if r >= '0' && r <= '9' {
				return -1
			}
			return r
		}, w)
	}
	for _, t := range q.toks {
		l := letters(t.word)
		if l == t.word || l == "" || s.hasWord(t.word) || (prev != nil && prev.hasWord(t.word)) || (lead != nil && lead.hasWord(t.word)) {
			continue
		}
		for _, u := range s.toks {
			if u.word != t.word && u.word != l && letters(u.word) == l && !sameValue(u.word, t.word) {
				return true
			}
		}
	}
	return false
}

// saysAgainst reports whether s says no without a negation ("against",
// "refused"), in a word q does not say itself: "proceedings against each
// other" in both says no more than the question.
func (e *Engine) saysAgainst(q *query, s *sentence) bool {
	for _, t := range s.toks {
		if e.rules.against[t.word] && !q.words[t.word] {
			return true
		}
	}
	return false
}

// asksAgainst reports whether q says no without a negation ("declined
// to comment", "refused to sign"): it asks of what a sentence may negate.
func (e *Engine) asksAgainst(q *query) bool {
	for _, t := range q.toks {
		if e.rules.against[t.word] {
			return true
		}
	}
	return false
}

// placeSwapped reports whether the question sets something in a named
// place ("at Northport") that s does not name, while s sets it, with the
// same locative, in another ("at Bayton").
func (e *Engine) placeSwapped(q *query, s *sentence) bool {
	for k := 1; k+1 < len(q.toks); k++ {
		loc, name := q.toks[k], q.toks[k+1]
		if !e.rules.locative[loc.word] || !isCapitalised(name.raw) || s.hasStem(name.stem) {
			continue
		}
		for j := 1; j+1 < len(s.toks); j++ {
			if o := s.toks[j+1]; s.toks[j].word == loc.word && isCapitalised(o.raw) && !q.words[o.word] {
				return true
			}
		}
	}
	return false
}

// possessorSwapped reports whether the question gives a thing its owner
// ("Dorn's deputy") while s gives that thing, right after it, another
// owner ("Ames's deputy"), a name that is not the question's nor one the
// pack relates to it.
func (e *Engine) possessorSwapped(q *query, s *sentence) bool {
	r := e.rules
	for _, m := range q.mentions {
		if m.to+1 >= len(q.toks) || q.toks[m.to].word != "s" || e.stopword(q.toks[m.to+1].word) {
			continue
		}
		w := q.toks[m.to+1]
		for j := 1; j+1 < len(s.toks); j++ {
			owner := s.toks[j-1]
			if !apostropheS(s.Text, s.toks, j) || s.toks[j+1].stem != w.stem || !isCapitalised(owner.raw) || q.words[owner.word] {
				continue
			}
			if id := mentionOf(s.ments, j-1); id != "" && r.related(id, m.entity) {
				continue
			}
			if th := mentionOf(q.mentions, m.to+1); th != "" && th == mentionOf(s.ments, j+1) && r.oneWordAlias(owner.word, m.entity) {
				// "the president's son-in-law" and "Brandt's son-in-law"
				// are the same one person when Brandt is the president.
				continue
			}
			return true
		}
		// A pack name of the same kind as the owner, right before the
		// thing: "the Eastland coast" for "Westland's coast".
		kind := r.entities[m.entity].Kind
		for _, n := range s.ments {
			k := n.to
			if k < len(s.toks) && s.toks[k].word == "s" {
				k++
			}
			if k < len(s.toks) && s.toks[k].stem == w.stem && r.entities[n.entity].Kind == kind && !r.related(n.entity, m.entity) {
				return true
			}
		}
	}
	return false
}

// apostropheS reports whether toks[j] is an "s" written right after an
// apostrophe: a possessive ("Dorn's team") or a contracted "is" ("what's",
// "who’s"), not the last initial of a name's letters ("the U.S. team").
func apostropheS(text string, toks []token, j int) bool {
	if j == 0 || toks[j].word != "s" {
		return false
	}
	gap := text[toks[j-1].end:toks[j].start]
	return gap == "'" || gap == "’"
}

// mentionOf is the entity of the mention in ms covering token k, or "".
func mentionOf(ms []mention, k int) string {
	for _, m := range ms {
		if m.from <= k && k < m.to {
			return m.entity
		}
	}
	return ""
}

// ownsSomething reports whether q gives id as an owner ("Dorn's
// deputy").
func (q *query) ownsSomething(id string) bool {
	for _, m := range q.mentions {
		if m.entity == id && m.to < len(q.toks) && q.toks[m.to].word == "s" {
			return true
		}
	}
	return false
}

// related reports whether the pack takes a and b for one another: the
// same entity, one within the other, or one that stands for the other
// ("Dorn" for "Bayton").
func (r *rules) related(a, b string) bool {
	return a == b || r.within(a, b) || r.within(b, a) || contains(r.synonyms["@"+b], "@"+a)
}

// oneWordAlias reports whether the folded word w alone names entity id.
func (r *rules) oneWordAlias(w, id string) bool {
	return slices.ContainsFunc(r.aliases[w], func(a alias) bool { return a.entity == id && len(a.words) == 1 })
}

// modifierSwapped reports whether the question qualifies a thing with a
// capitalised word after a determiner ("some Swedish proposals", "the
// French version") that s does not put before it, while s qualifies the
// same thing the same way with another ("some Danish proposals"), a word
// the question does not say either and the pack does not relate to it.
func (e *Engine) modifierSwapped(q *query, s *sentence) bool {
	r := e.rules
	if q.besides {
		return false // "which mountains other than the Transverse ranges"
	}
	for k := 1; k+1 < len(q.toks); k++ {
		mod, thing := q.toks[k], q.toks[k+1]
		// Chat writes a nationality in lower case ("which russian
		// security advisers"): an entity's word qualifies all the same.
		named := isCapitalised(mod.raw) || mentionOf(q.mentions, k) != "" || nationality(mod)
		if !named || isCapitalised(thing.raw) || isNumber(thing.word) || r.numberWord[thing.word] || e.stopword(thing.word) || e.stopword(mod.word) ||
			!e.stopword(q.toks[k-1].word) || r.questionWord[mod.word] || s.hasPair(mod.stem, thing.stem) || e.saysAlone(s, mod.stem) {
			continue
		}
		qid := mentionOf(q.mentions, k)
		for j := 0; j+1 < len(s.toks); j++ {
			o := s.toks[j]
			if s.toks[j+1].stem != thing.stem || !isCapitalised(o.raw) || e.stopword(o.word) || j > 0 && !e.stopword(s.toks[j-1].word) ||
				(q.words[o.stem] || q.words[o.word]) && !e.qualifiesOther(q, o.stem, thing.stem) || isNumber(o.word) || j == 0 && isEnglish(o.word) {
				// A sentence's first word is capitalised for opening
				// it: "Two weight standards" swaps nothing.
				continue
			}
			if id := mentionOf(s.ments, j); qid != "" && id != "" && (id == qid || r.related(id, qid)) {
				continue
			}
			if sharePrefix(mod.word, o.word, 4) || strings.HasPrefix(o.word, mod.word) {
				continue // "Victorian" for "Victoria's"; "X11R5" is an "X" named in full
			}
			if slices.ContainsFunc(s.toks[max(0, j-4):j], func(p token) bool { return p.stem == mod.stem }) {
				continue // "Halir Ym Sor the Wise teaches": the question's "Halir teach", an epithet between
			}
			if gap := s.Text[o.end:s.toks[j+1].start]; gap == "-" {
				continue // "a Chibchan-speaking people" qualifies the people, not the speaking
			} else if gap != " " {
				continue // "Chechnya, still trying": no modifier across a comma
			}
			return true
		}
	}
	return false
}

// nationality reports whether t is the adjective of a place ("japanese",
// "danish"), by WordNet's pertainyms: chat writes it in lower case.
func nationality(t token) bool {
	for _, p := range wordnetPertainyms()[t.stem] {
		if placeNames()[p.word] {
			return true
		}
	}
	return false
}

// sharePrefix reports whether a and b open with the same n letters or
// more: a name and its adjective ("Norway", "Norwegian").
func sharePrefix(a, b string, n int) bool {
	return len(a) >= n && len(b) >= n && a[:n] == b[:n]
}

// saysAlone reports whether s says the stem st as a word of its own, not
// qualifying the word after it: "The Danes, a … people" says "Danes"
// alone; "the Swedish minister" and "Swedish President Lind" say
// "Swedish" only of another thing.
func (e *Engine) saysAlone(s *sentence, st string) bool {
	for j, t := range s.toks {
		if t.stem != st {
			continue
		}
		if j+1 == len(s.toks) || e.stopword(s.toks[j+1].word) || strings.TrimSpace(s.Text[t.end:s.toks[j+1].start]) != "" {
			return true
		}
	}
	return false
}

// qualifiesOther reports whether the question puts the stem mod before
// a word other than thing and never before thing: "Roman armies rout a
// Nubian garrison" against "Nubian armies routed the Roman garrison".
func (e *Engine) qualifiesOther(q *query, mod, thing string) bool {
	other := false
	for k := 0; k+1 < len(q.toks); k++ {
		if q.toks[k].stem != mod {
			continue
		}
		if q.toks[k+1].stem == thing {
			return false
		}
		other = other || !e.stopword(q.toks[k+1].word)
	}
	return other
}

// saysBefore reports whether s holds the stem a within n words before
// the stem b.
func (s *sentence) saysBefore(a, b string, n int) bool {
	for k, t := range s.toks {
		if t.stem != b {
			continue
		}
		for j := max(0, k-n); j < k; j++ {
			if s.toks[j].stem == a {
				return true
			}
		}
	}
	return false
}

// hasPair reports whether s says the stems a and b one after the other.
func (s *sentence) hasPair(a, b string) bool { return s.saysBefore(a, b, 1) }

// titleSwapped reports whether the question names, capitalised, what
// another article's title names ("Eritrean" where an article is titled
// "Eritrea") while s does not say it and s's own article is titled
// otherwise: "Which Eritrean leader died?" is not answered by the article
// on Ethiopia. Headlines, titles of more than three words, name no one
// thing an article is about.
func (e *Engine) titleSwapped(ix *index, q *query, s *sentence) bool {
	var own map[string]bool
	var asked [][]string // the forms of each capitalised word s does not say
	for i, t := range q.toks {
		if i == 0 || !isCapitalised(t.raw) || e.stopword(t.word) {
			continue
		}
		if own == nil {
			own = ix.titleStems(s.ArticleID)
		}
		forms := append([]string{t.stem}, e.pertainymAlts(nil, t.stem)...)
		if !slices.ContainsFunc(forms, func(f string) bool { return own[f] || s.hasStem(f) }) {
			asked = append(asked, forms)
		}
	}
	if len(asked) == 0 {
		return false
	}
	for id := range ix.spans {
		if id == s.ArticleID {
			continue
		}
		// Only a name's title ("Eritrea", "Time in Europe"), not a
		// headline's, which names whatever the story touches.
		other := ix.titleStems(id)
		if len(other) > 3 {
			continue
		}
		for _, forms := range asked {
			if slices.ContainsFunc(forms, func(f string) bool { return other[f] }) {
				return true
			}
		}
	}
	return false
}
