package clean

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestParagraphs(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"empty", "", nil},
		{"only blank lines", "\n\n \t\n\u00a0\n", nil},
		{"blank-line separated", "One.\n\nTwo.\n", []string{"One.", "Two."}},
		{"newline separated", "One.\nTwo.\nThree.", []string{"One.", "Two.", "Three."}},
		{"CRLF and CR", "One.\r\nTwo.\rThree.", []string{"One.", "Two.", "Three."}},
		{"unicode line separators", "One.\u2028Two.\u2029Three.", []string{"One.", "Two.", "Three."}},
		{"runs of spaces and tabs", "  Many   spaces\tand\t\ttabs.  ", []string{"Many spaces and tabs."}},
		{"non-breaking spaces", "Kept\u00a0apart\u202fand\u2009thin.", []string{"Kept apart and thin."}},
		{"NBSP-only line", "One.\n\u00a0\nTwo.", []string{"One.", "Two."}},
		{"byte order mark", "\ufeffHeadline\nBody.", []string{"Headline", "Body."}},

		// Furniture lines go; the article around them stays.
		{"navigation labels", "Technical News\nCurrent News\n/\nArcaMax\nPublished in News & Features\nBody.", []string{"Body."}},
		{"ticker times and dashes", "-\n16:40\n-\n07:20\nBody.", []string{"Body."}},
		{"social and comment widgets", "Body.\nFollow us on Facebook\nRelated Articles\nLeave a Reply\nYour email address will not be published. Required fields are marked *\nBack to top button\nComments\nblog comments powered by Disqus",
			[]string{"Body."}},
		{"copyright, rules and credits", "Body.\n_____\n(With assistance from Maxim Edwards.)\n___\n©2025 Bloomberg L.P. Visit bloomberg.com. Distributed by Tribune Content Agency, LLC.",
			[]string{"Body."}},
		{"photo credit and byline", "Se Young Lee, Bloomberg News on\nBody.\nKristina Kormilitsyna / POOL / AFP via Getty Images", []string{"Body."}},
		{"furniture-like words inside a paragraph stay", "Follow us on Facebook, he said.\nThe 16:40 train left.\nComments were few.",
			[]string{"Follow us on Facebook, he said.", "The 16:40 train left.", "Comments were few."}},
		{"headline stays", "US and Ukraine held 'constructive' talks in Florida, Witkoff says\nBody.",
			[]string{"US and Ukraine held 'constructive' talks in Florida, Witkoff says", "Body."}},

		// Glued words are split; real words are not.
		{"glued country and conjunction", "A framework for Post-war Ukraineand urge Russia.\nUkraine agreed.",
			[]string{"A framework for Post-war Ukraine and urge Russia.", "Ukraine agreed."}},
		{"glued weekday", "Putin, who paid a state visit to India on Thursdaytold an Indian media outlet.",
			[]string{"Putin, who paid a state visit to India on Thursday told an Indian media outlet."}},
		{"glued month", "It began in Augustwith a visit.", []string{"It began in August with a visit."}},
		{"prefix never seen alone", "Putin met Rolland and Polandthe envoys.", []string{"Putin met Rolland and Polandthe envoys."}},
		{"real words stay", "Thursday, Ukrainian Andriy Hnatov, Hallandale, Kushner's and Trump’s Umerov.\nUkraine and Hall and Kushner and Trump and Andri.",
			[]string{"Thursday, Ukrainian Andriy Hnatov, Hallandale, Kushner's and Trump’s Umerov.", "Ukraine and Hall and Kushner and Trump and Andri."}},
		{"short endings are not suffixes", "Put it simply: Putin met Clint, Clinton, Lew and Lewis.",
			[]string{"Put it simply: Putin met Clint, Clinton, Lew and Lewis."}},
		{"keep list", "Marchand scored in March.", []string{"Marchand scored in March."}},
		{"glued word repeated is a real word", "Kyivto and Kyivto again in Kyiv.", []string{"Kyivto and Kyivto again in Kyiv."}},
		{"glue evidence ignores furniture", "Follow us on Facebook\nFacebookthe page.", []string{"Facebookthe page."}},

		// Never change a word or punctuation.
		{"French artifacts stay", "Russie, Moscou, Inde, OTAN.\n“We are no closer to do. »",
			[]string{"Russie, Moscou, Inde, OTAN.", "“We are no closer to do. »"}},
		{"invalid utf-8 passes through", "Bad \xff\xfe bytes.", []string{"Bad \xff\xfe bytes."}},
		{"NUL passes through", "A\x00B.", []string{"A\x00B."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Paragraphs(tt.in); !slices.Equal(got, tt.want) {
				t.Errorf("Paragraphs(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestFurnitureData checks every furniture.yaml entry against its own
// examples, so that adding a rule and its test is one line of data.
func TestFurnitureData(t *testing.T) {
	f := rules.furniture
	for _, e := range f.entries {
		examples := e.Drops
		if e.Line != "" {
			examples = append([]string{e.Line}, examples...)
		}
		if e.re != nil && len(examples) == 0 {
			t.Errorf("furniture rule %q (%s) has no drops example", e.Re, e.Why)
		}
		for _, line := range examples {
			if got := f.rule(line); got == nil {
				t.Errorf("furniture rule(%q) = kept, want dropped by %q", line, e.Why)
			}
		}
		for _, line := range e.Keeps {
			if got := f.rule(line); got != nil {
				t.Errorf("furniture rule(%q) = dropped by %q, want kept (keeps of %q)", line, got.Why, e.Why)
			}
		}
	}
}

// TestFurnitureKeepsArticleText checks that no furniture rule matches a
// line the seeds use as article text.
func TestFurnitureKeepsArticleText(t *testing.T) {
	for _, a := range mustSeeds(t) {
		for _, p := range Paragraphs(a.raw) {
			if r := rules.furniture.rule(p); r != nil {
				t.Errorf("%s: paragraph %q matches furniture %q", a.id, p, r.Why)
			}
		}
	}
}

func TestLoadRulesRejectsBadData(t *testing.T) {
	good := func(name string) []byte {
		switch name {
		case "furniture":
			return furnitureYAML
		case "glue":
			return glueYAML
		}
		return abbreviationsYAML
	}
	tests := []struct {
		name, file, data string
	}{
		{"unanchored re", "furniture", "- {re: 'News', why: label, drops: [News]}"},
		{"bad re", "furniture", "- {re: '^(News$', why: label}"},
		{"line and re", "furniture", "- {line: News, re: '^News$', why: label}"},
		{"no why", "furniture", "- {line: News}"},
		{"unknown key", "furniture", "- {line: News, why: label, note: typo}"},
		{"unnormalised line", "furniture", "- {line: 'Two  spaces', why: label}"},
		{"empty furniture", "furniture", "[]"},
		{"unknown group", "furniture", "- {re: '^(?P<author>\\p{Lu}\\w+) on$', why: byline}"},
		{"capital suffix", "glue", "suffixes: [And]"},
		{"no suffixes", "glue", "calendar: [May]"},
		{"abbreviation without period", "abbreviations", "never: [Mr]\nmaybe: [U.S.]\nopeners: [The]"},
		{"no openers", "abbreviations", "never: [Mr.]\nmaybe: [U.S.]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := map[string][]byte{"furniture": good("furniture"), "glue": good("glue"), "abbreviations": good("abbreviations")}
			data[tt.file] = []byte(tt.data)
			if _, err := loadRules(data["furniture"], data["glue"], data["abbreviations"]); err == nil {
				t.Errorf("loadRules with %s %q = nil error, want an error", tt.file, tt.data)
			}
		})
	}
}

// TestSeedsVerbatim checks the cleaner's contract on the real articles:
// every sentence is a verbatim substring of the whitespace-normalised
// source, apart from the glued words it splits (listed here, per seed), and
// every non-blank source line is either a dropped furniture line or a
// paragraph that differs from it only in whitespace, in order, so no word
// is lost.
func TestSeedsVerbatim(t *testing.T) {
	glued := map[string][]string{
		"001_658377b7736834a3": {"Ukraine and", "Thursday told"},
	}
	for _, a := range mustSeeds(t) {
		t.Run(a.id, func(t *testing.T) {
			source := squash(a.raw)
			splits := 0
			for _, p := range Paragraphs(a.raw) {
				for _, s := range Sentences(p) {
					if strings.Contains(source, s) {
						continue
					}
					original := s
					for _, g := range glued[a.id] {
						if strings.Contains(original, g) {
							original = strings.ReplaceAll(original, g, strings.ReplaceAll(g, " ", ""))
							splits++
						}
					}
					if !strings.Contains(source, original) {
						t.Errorf("sentence %q is not in the source verbatim", s)
					}
				}
			}
			if splits != len(glued[a.id]) {
				t.Errorf("found %d glued-word splits, want %d (%q)", splits, len(glued[a.id]), glued[a.id])
			}

			pieces := clean(a.raw)
			var lines []string
			for _, l := range strings.FieldsFunc(a.raw, isLineBreak) {
				if l = squash(l); l != "" {
					lines = append(lines, l)
				}
			}
			if len(lines) != len(pieces) {
				t.Fatalf("%d non-blank source lines, %d cleaned pieces", len(lines), len(pieces))
			}
			for i, p := range pieces {
				if p.rule != nil && p.text != lines[i] {
					t.Errorf("dropped line %q, want source line %q", p.text, lines[i])
				}
				if noSpace(p.text) != noSpace(lines[i]) {
					t.Errorf("paragraph %q lost or changed text of source line %q", p.text, lines[i])
				}
			}
		})
	}
}

// noSpace returns s without any whitespace; invalid bytes are kept.
func noSpace(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsSpace(r) {
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

func FuzzParagraphsSentences(f *testing.F) {
	for _, a := range mustSeeds(f) {
		f.Add(a.raw)
	}
	for _, s := range []string{
		"", "\x00", "\xff\xfe\xfd", "a\xffb. C\xc3.", "...", "!?!?…", "“”«»‘’\"'", ". . . .",
		"U.S. The", "J. D. Vance", "Mr.", "Thursdaytold", "Ukraineand Ukraine", "\u00a0\n\u2028\r\n",
		strings.Repeat("a", 1_000),
		// 100k characters in one seed; more big seeds make every mutation
		// and minimisation slow without finding more.
		strings.Repeat("Mr. U.S. “Ab.” c… Thursdaytold -\u00a0\n", 2_800),
		strings.Repeat("Ukraineand Ukraine\n", 1000), "“Why?” he asked. “Now.” »",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		valid := utf8.ValidString(raw)
		source := noSpace(raw)
		check := func(kind, in string, sentences []string) {
			var joined strings.Builder
			for _, s := range sentences {
				if s == "" {
					t.Fatalf("Sentences(%s %q) has an empty sentence", kind, in)
				}
				if strings.TrimSpace(s) != s {
					t.Fatalf("Sentences(%s %q) has untrimmed sentence %q", kind, in, s)
				}
				if valid && !utf8.ValidString(s) {
					t.Fatalf("Sentences(%s %q) has invalid UTF-8 sentence %q", kind, in, s)
				}
				joined.WriteString(s)
			}
			if got, want := noSpace(joined.String()), noSpace(in); got != want {
				t.Fatalf("Sentences(%s %q) lost text: joined %q, want %q", kind, in, got, want)
			}
		}
		for _, p := range Paragraphs(raw) {
			if p == "" || strings.TrimSpace(p) != p || strings.ContainsFunc(p, isLineBreak) {
				t.Fatalf("Paragraphs(%q) has paragraph %q: want non-empty, trimmed, one line", raw, p)
			}
			if valid && !utf8.ValidString(p) {
				t.Fatalf("Paragraphs(%q) has invalid UTF-8 paragraph %q", raw, p)
			}
			if !strings.Contains(source, noSpace(p)) {
				t.Fatalf("Paragraphs(%q) has paragraph %q that is not in the source", raw, p)
			}
			check("paragraph", p, Sentences(p))
			IsHeading(p)
		}
		check("raw", raw, Sentences(raw))
	})
}

func BenchmarkParagraphsSentences(b *testing.B) {
	articles := mustSeeds(b)
	size := 0
	for _, a := range articles {
		size += len(a.raw)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, a := range articles {
			for _, p := range Paragraphs(a.raw) {
				_ = Sentences(p)
			}
		}
	}
}

// TestArticleCredits holds that Article reads the writer and the outlet a
// dropped byline names, and that text without one gives neither.
func TestArticleCredits(t *testing.T) {
	tests := []struct {
		name, raw string
		paras     []string
		want      Credit
	}{
		{"byline with a stripped date", "Jane Doe, The Harbour Gazette on\nThe quay toll rose.", []string{"The quay toll rose."}, Credit{Byline: "Jane Doe", Outlet: "The Harbour Gazette"}},
		{"no byline", "The quay toll rose.\nCarters were cross.", []string{"The quay toll rose.", "Carters were cross."}, Credit{}},
		{"furniture naming no one", "Advertisement\nThe quay toll rose.", []string{"The quay toll rose."}, Credit{}},
		{"the first byline", "Jane Doe, The Harbour Gazette on\nJohn Roe, Bayton Courier on\nThe quay toll rose.", []string{"The quay toll rose."}, Credit{Byline: "Jane Doe", Outlet: "The Harbour Gazette"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			paras, c := Article(tt.raw)
			if !slices.Equal(paras, tt.paras) || c != tt.want {
				t.Errorf("Article(%q) = %q, %+v; want %q, %+v", tt.raw, paras, c, tt.paras, tt.want)
			}
		})
	}
}
