package answers

import (
	"slices"
	"strings"

	"github.com/parley-bot/parley/store"
)

// opensWithPronoun reports whether s opens with a pronoun for its subject ("They
// were a matrilineal people"), which its paragraph names somewhere; an
// "it" that stands for nothing ("It is believed that …") is none.
func (e *Engine) opensWithPronoun(s *sentence) bool {
	return len(s.toks) > 0 && e.rules.lex.subjectPronouns[s.toks[0].word] && !(s.toks[0].word == "it" && e.rules.lex.expletiveSoon(s.toks))
}

// paragraphSays reports whether a sentence of s's paragraph says t.
func (ix *index) paragraphSays(s *sentence, t qterm) bool {
	lo, hi := ix.paragraph(s)
	for i := lo; i < hi; i++ {
		if ix.sents[i].matches(t.term, t.alts) {
			return true
		}
	}
	return false
}

// pronounReach is how many sentences back, across paragraphs, the name a
// sentence opening with a pronoun stands for may be said.
const pronounReach = 6

// saidBefore reports whether one of the pronounReach sentences of s's
// article before it says t: what "She worked on …" may stand for when
// its paragraph names no one.
func (ix *index) saidBefore(s *sentence, t qterm) bool {
	i := s.pos
	if i <= 0 || i > len(ix.sents) || &ix.sents[i] != s {
		return false
	}
	for k := i - 1; k >= 0 && k >= i-pronounReach && ix.sents[k].ArticleID == s.ArticleID; k-- {
		if ix.sents[k].matches(t.term, t.alts) {
			return true
		}
	}
	return false
}

// previous is the sentence before s in its paragraph, or nil.
func (ix *index) previous(s *sentence) *sentence {
	i := s.pos
	if i <= 0 || i > len(ix.sents) || &ix.sents[i] != s {
		return nil
	}
	p := &ix.sents[i-1]
	if p.ArticleID != s.ArticleID || p.Paragraph != s.Paragraph {
		return nil
	}
	return p
}

// paragraph is the range [lo, hi) of s's paragraph in ix.sents.
func (ix *index) paragraph(s *sentence) (int, int) {
	if s.pos < 0 || s.pos >= len(ix.sents) || &ix.sents[s.pos] != s {
		return 0, 0
	}
	lo, hi := ix.paragraphAt(int32(s.pos))
	return int(lo), int(hi)
}

// paragraphAt is the span [lo, hi) of index.sents holding sentence i's
// paragraph.
func (ix *index) paragraphAt(i int32) (int32, int32) {
	s := &ix.sents[i]
	lo, hi := i, i+1
	for lo > 0 && ix.sents[lo-1].ArticleID == s.ArticleID && ix.sents[lo-1].Paragraph == s.Paragraph {
		lo--
	}
	for hi < int32(len(ix.sents)) && ix.sents[hi].ArticleID == s.ArticleID && ix.sents[hi].Paragraph == s.Paragraph {
		hi++
	}
	return lo, hi
}

// lead is the first sentence of s's paragraph, where a paragraph names
// its subject ("Debian 3.0 Woody (19 July 2002): …"), or nil.
func (ix *index) lead(s *sentence) *sentence {
	lo, hi := ix.paragraph(s)
	if hi <= lo {
		return nil
	}
	return &ix.sents[lo]
}

// next is the sentence after s in its paragraph, or nil.
func (ix *index) next(s *sentence) *sentence {
	i := s.pos
	if i < 0 || i+1 >= len(ix.sents) || &ix.sents[i] != s {
		return nil
	}
	n := &ix.sents[i+1]
	if n.ArticleID != s.ArticleID || n.Paragraph != s.Paragraph {
		return nil
	}
	return n
}

// hasWord reports whether s holds the folded word w.
func (s *sentence) hasWord(w string) bool { return s.wordAt(w) >= 0 }

// hasRaw reports whether s holds a word written exactly as raw.
func (s *sentence) hasRaw(raw string) bool {
	return slices.ContainsFunc(s.toks, func(t token) bool { return t.raw == raw })
}

// wordAt is the position of the folded word w in s, or -1.
func (s *sentence) wordAt(w string) int {
	for i, t := range s.toks {
		if t.word == w {
			return i
		}
	}
	return -1
}

// phraseSpan is the tokens [from, to) of s that start within the first
// place phrase stands in its text; ok is false when phrase is not there
// or no token starts within it.
func (s *sentence) phraseSpan(phrase string) (from, to int, ok bool) {
	at := strings.Index(s.Text, phrase)
	if at < 0 {
		return 0, 0, false
	}
	from, to = -1, -1
	for i, t := range s.toks {
		if t.start >= at && t.start < at+len(phrase) {
			if from < 0 {
				from = i
			}
			to = i + 1
		}
	}
	return from, to, from >= 0
}

// hasStem reports whether s holds a word of stem st.
// saysWord reports whether s holds the stem st as a word, not only in a
// name or title: the "Miss" of "Miss Ward" is no antonym of "have". A
// capital opening the sentence before a word in lower case counts as a
// word.
func (s *sentence) saysWord(st string) bool {
	for i, t := range s.toks {
		if t.stem != st {
			continue
		}
		if !isCapitalised(t.raw) || i == 0 && (len(s.toks) == 1 || !isCapitalised(s.toks[1].raw)) {
			return true
		}
	}
	return false
}

func (s *sentence) hasStem(st string) bool {
	_, ok := s.terms[st]
	return ok
}

// article is the stored article id, read from its first sentence; nil
// when the index holds none of its sentences.
func (ix *index) article(id string) *store.Article {
	if sp, ok := ix.spans[id]; ok && sp[1] > sp[0] {
		return ix.sents[sp[0]].article
	}
	return nil
}

// sentenceAt is the place in ix.sents of the sentence at, or -1 when the
// index does not hold it.
func (ix *index) sentenceAt(at quoteAt) int32 {
	sp, ok := ix.spans[at.article]
	if !ok || at.sentence < 1 || sp[0]+at.sentence-1 >= sp[1] {
		return -1
	}
	return int32(sp[0] + at.sentence - 1)
}
