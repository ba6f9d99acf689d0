package answers

import (
	"cmp"
	"fmt"
	"slices"
)

// phrase is one of general.yaml's phrases, keyed by its first word's
// stem: the words after it, as written, and the stems of the words it
// means.
type phrase struct {
	rest  []string
	means []string
}

// compilePhrases reads general.yaml's phrases ("come out": [release, …]),
// longest first under each first word, so "come up with" is tried before
// "come up". A phrase of one word, or meaning nothing, is an error naming
// it.
func (r *rules) compilePhrases(f *generalFile) error {
	r.phrases = map[string][]phrase{}
	for text, means := range f.Phrases {
		words := foldWords(text)
		if len(words) < 2 || len(means) == 0 {
			return fmt.Errorf("phrase %q: want two words or more and the words it means", text)
		}
		p := phrase{rest: words[1:]}
		for _, m := range means {
			p.means = append(p.means, stem(fold(m)))
		}
		head := stem(words[0])
		r.phrases[head] = append(r.phrases[head], p)
	}
	// Longer phrases first, then by their words: the longest match wins
	// whatever order the map gave.
	for _, ps := range r.phrases {
		slices.SortFunc(ps, func(a, b phrase) int {
			if c := cmp.Compare(len(b.rest), len(a.rest)); c != 0 {
				return c
			}
			return slices.Compare(a.rest, b.rest)
		})
	}
	return nil
}

// phraseAt is the phrase that starts at toks[i] — its first word in any
// form the stemmer or verb_forms join ("came up with") and the rest word
// for word — and how many words follow its first; nil when none does.
func (r *rules) phraseAt(toks []token, i int) (*phrase, int) {
	for _, h := range append([]string{toks[i].stem}, r.forms[toks[i].stem]...) {
		ps := r.phrases[h]
		for k := range ps {
			p := &ps[k]
			if i+len(p.rest) >= len(toks) {
				continue
			}
			ok := true
			for j, w := range p.rest {
				if toks[i+1+j].word != w {
					ok = false
					break
				}
			}
			if ok {
				return p, len(p.rest)
			}
		}
	}
	return nil, 0
}
