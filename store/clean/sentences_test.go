package clean

import (
	"slices"
	"testing"
)

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"empty", "", nil},
		{"blank", "  \t ", nil},
		{"one", "One sentence.", []string{"One sentence."}},
		{"two", "First one. Second one.", []string{"First one.", "Second one."}},
		{"question and exclamation", "Why now? Because! Then it ended.", []string{"Why now?", "Because!", "Then it ended."}},
		{"headline without punctuation", "US and Ukraine advance security framework amid peace negotiations",
			[]string{"US and Ukraine advance security framework amid peace negotiations"}},
		{"heading with vs.", "Florida Progress vs. Moscow Deadlock", []string{"Florida Progress vs. Moscow Deadlock"}},
		{"heading with colon", "Key Sticking Points: Territory, Security, and NATO", []string{"Key Sticking Points: Territory, Security, and NATO"}},

		// Quotations: the closing quote stays with the sentence it closes.
		{"quote then attribution then quote",
			"“The participants discussed ... ending this war,” the US said in a statement released following the meeting. “The American and Ukrainians also agreed ... lasting peace.”",
			[]string{
				"“The participants discussed ... ending this war,” the US said in a statement released following the meeting.",
				"“The American and Ukrainians also agreed ... lasting peace.”",
			}},
		{"period inside closing quote", "He called it “very good.” The Kremlin disagreed.", []string{"He called it “very good.”", "The Kremlin disagreed."}},
		{"question inside closing quote then lower case", "“Why?” he asked.", []string{"“Why?” he asked."}},
		{"exclamation inside closing quote", "“Stop!” The crowd froze.", []string{"“Stop!”", "The crowd froze."}},
		{"straight quotes", `Putin vowed to "liberate these territories by force." Russia also claimed control.`,
			[]string{`Putin vowed to "liberate these territories by force."`, "Russia also claimed control."}},
		{"single straight quotes", "It was 'constructive.' Talks resume Saturday.", []string{"It was 'constructive.'", "Talks resume Saturday."}},
		{"lone closing guillemet", "Ushakov also added: “We are no closer. »", []string{"Ushakov also added: “We are no closer. »"}},
		{"lone closing guillemet mid-paragraph", "He said: « Not yet. » Then he left.", []string{"He said: « Not yet. »", "Then he left."}},
		{"bracket closes", "The plan (leaked in May.) Was rejected.", []string{"The plan (leaked in May.)", "Was rejected."}},
		{"a.k.a. before a name", "Lind (a.k.a. The Night Clerk) knew the exchange. He left.", []string{"Lind (a.k.a. The Night Clerk) knew the exchange.", "He left."}},
		{"a. k. a. spaced before a name", "Lind (a. k. a. The Night Clerk) knew the exchange. He left.", []string{"Lind (a. k. a. The Night Clerk) knew the exchange.", "He left."}},
		{"a lone lower-case letter ends a sentence", "It was plan b. The rest failed.", []string{"It was plan b.", "The rest failed."}},

		// Abbreviations that never end a sentence.
		{"Mr.", "Mr. Trump said of the Russians.", []string{"Mr. Trump said of the Russians."}},
		{"Mrs. and Dr.", "Mrs. Smith met Dr. Jones.", []string{"Mrs. Smith met Dr. Jones."}},
		{"Gen. Sen. Rep.", "Gen. Hnatov, Sen. Rubio and Rep. Doe spoke.", []string{"Gen. Hnatov, Sen. Rubio and Rep. Doe spoke."}},
		{"St.", "They met in St. Petersburg.", []string{"They met in St. Petersburg."}},
		{"No. 3", "He is the No. 3 official.", []string{"He is the No. 3 official."}},
		{"vs.", "It was Florida vs. Moscow. Nobody won.", []string{"It was Florida vs. Moscow.", "Nobody won."}},
		{"ca. and c. before a year", "Invented ca. 1812 by Orrin Brandt. Rebuilt c. 1850 by Iris Dorn.",
			[]string{"Invented ca. 1812 by Orrin Brandt.", "Rebuilt c. 1850 by Iris Dorn."}},
		{"fl.", "The scribe Orrin (fl. 1250) wrote it.", []string{"The scribe Orrin (fl. 1250) wrote it."}},

		// Abbreviations that may end a sentence: only before a typical opener.
		{"U.S. hyphenated", "Mr. Trump pushes Kyiv to accept a U.S.-brokered proposal.", []string{"Mr. Trump pushes Kyiv to accept a U.S.-brokered proposal."}},
		{"U.S. and", "U.S. and Ukrainian officials will meet.", []string{"U.S. and Ukrainian officials will meet."}},
		{"U.S. proper noun", "The U.S. Senate voted.", []string{"The U.S. Senate voted."}},
		{"U.S. then opener", "Talks were held in the U.S. The next day they ended.", []string{"Talks were held in the U.S.", "The next day they ended."}},
		{"U.S. then quoted opener", "He flew to the U.S. “We are ready,” he said.", []string{"He flew to the U.S.", "“We are ready,” he said."}},
		{"Fla., inside sentence", "The Shell Bay Club in Hallandale Beach, Fla., a private, high-end golf and lifestyle destination.",
			[]string{"The Shell Bay Club in Hallandale Beach, Fla., a private, high-end golf and lifestyle destination."}},
		{"Calif. then opener", "He lives in Calif. He likes it.", []string{"He lives in Calif.", "He likes it."}},
		{"month abbreviations", "It ended Dec. 5 and began Jan. 2, Feb. 3, Aug. 4, Sept. 5, Oct. 6, Nov. 7.",
			[]string{"It ended Dec. 5 and began Jan. 2, Feb. 3, Aug. 4, Sept. 5, Oct. 6, Nov. 7."}},
		{"etc. then opener", "Tanks, jets, etc. They all came.", []string{"Tanks, jets, etc.", "They all came."}},
		{"b. and d. before years", "Iris Dorn (b. 1901, d. 1980) kept the light.", []string{"Iris Dorn (b. 1901, d. 1980) kept the light."}},
		{"et al. then opener", "As shown by Brandt et al. The tide rose.", []string{"As shown by Brandt et al.", "The tide rose."}},
		{"etc. then lower case", "Tanks, jets, etc. were sent.", []string{"Tanks, jets, etc. were sent."}},
		{"company names", "Acme Inc. and Foo Ltd. sued Bar Co. The suit failed.", []string{"Acme Inc. and Foo Ltd. sued Bar Co.", "The suit failed."}},
		{"company name then proper noun", "Bar Co. Chairman Doe resigned.", []string{"Bar Co. Chairman Doe resigned."}},
		{"L.P. then opener", "©2025 Bloomberg L.P. The rest.", []string{"©2025 Bloomberg L.P.", "The rest."}},
		{"Jr.", "Martin Luther King Jr. Day is a holiday.", []string{"Martin Luther King Jr. Day is a holiday."}},

		// Initials.
		{"two initials", "J. D. Vance spoke.", []string{"J. D. Vance spoke."}},
		{"middle initial", "Donald J. Trump spoke.", []string{"Donald J. Trump spoke."}},
		{"initials after lower case", "It was J. D. Vance who spoke.", []string{"It was J. D. Vance who spoke."}},
		{"joined initials", "Officials from the U.N. Security Council met.", []string{"Officials from the U.N. Security Council met."}},
		{"a.m. then opener", "It began at 10 a.m. The talks ran late.", []string{"It began at 10 a.m.", "The talks ran late."}},
		{"lone letter after lower case", "Witkoff said in a post on X. Topics discussed included a framework.",
			[]string{"Witkoff said in a post on X.", "Topics discussed included a framework."}},
		{"lone letter after capital", "He backed Plan B. The others did not.", []string{"He backed Plan B.", "The others did not."}},

		// Numbers.
		{"decimal", "Growth was 2.5 percent. It slowed.", []string{"Growth was 2.5 percent.", "It slowed."}},
		{"money", "It costs $1.2 billion. That is a lot.", []string{"It costs $1.2 billion.", "That is a lot."}},
		{"sentence starting with a year", "The war began in 2022. 2025 brought talks.", []string{"The war began in 2022.", "2025 brought talks."}},
		{"dotted date", "On 12.05.2025 they met.", []string{"On 12.05.2025 they met."}},

		// Punctuation that does not split.
		{"colon", "Ushakov also added: We are no closer.", []string{"Ushakov also added: We are no closer."}},
		{"em dash", "He will relay his findings — and Moscow will decide. Then what?", []string{"He will relay his findings — and Moscow will decide.", "Then what?"}},
		{"semicolon", "One; Two. Three.", []string{"One; Two.", "Three."}},
		{"no space after period", "It ended.Then it began.", []string{"It ended.Then it began."}},
		{"lower case after period", "It ended. then it began.", []string{"It ended. then it began."}},

		// Ellipses.
		{"spaced elision", "The participants discussed ... ending this war.", []string{"The participants discussed ... ending this war."}},
		{"spaced elision before capital", "They discussed ... Ukraine and peace.", []string{"They discussed ... Ukraine and peace."}},
		{"attached ellipsis before capital", "We waited... Nothing came.", []string{"We waited...", "Nothing came."}},
		{"unicode ellipsis before lower case", "We waited… and waited.", []string{"We waited… and waited."}},
		{"unicode ellipsis before capital", "We waited… Nothing came.", []string{"We waited…", "Nothing came."}},
		{"interrobang run", "Really?! Yes.", []string{"Really?!", "Yes."}},

		// Whitespace and odd input.
		{"surrounding whitespace", "  First.   Second.  ", []string{"First.", "Second."}},
		{"newline between", "First.\nSecond.", []string{"First.", "Second."}},
		{"only punctuation", "...", []string{"..."}},
		{"only terminal", ". . .", []string{". . ."}},
		{"invalid utf-8", "Bad \xff byte. Next \xfe.", []string{"Bad \xff byte.", "Next \xfe."}},
		{"NUL", "A\x00b. C.", []string{"A\x00b.", "C."}},
		{"non-Latin capital", "Конец. Начало.", []string{"Конец.", "Начало."}},
		{"uncased script", "He said. 你好。", []string{"He said.", "你好。"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Sentences(tt.in); !slices.Equal(got, tt.want) {
				t.Errorf("Sentences(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestIsHeading(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"US and Ukraine advance security framework amid peace negotiations", true},
		{"Ukraine-US Talks Yield ‘Framework’ But Negotiations Continue", true},
		{"US and Ukraine held 'constructive' talks in Florida, Witkoff says", true},
		{"Florida Progress vs. Moscow Deadlock", true},
		{"Key Sticking Points: Territory, Security, and NATO", true},
		{"Revised framework under review", true},
		{"Key points of contention continue to hinder a resolution.", false},
		{"“The diplomatic process is underway,” Zelenskyy told reporters late Monday.", false},
		{"However, Ushakov also added: “We are no closer to resolving the crisis in Ukraine and there is a lot of work to do. »", false},
		{"Why now?", false},
		{"Ushakov also added:", false},
		{"Two sentences. Missing its last period", false},
		{"Line one\nLine two", false},
		{"", false},
		{"   ", false},
		{"16:40", false},
		// A glossary's entry with no full stop is prose, not a heading.
		{"Orrin, Orrin Light: a lighthouse on the north cape of Westland that was built by the harbour board in 1850; its lamp was the first in the region to burn paraffin", false},
		{"A Short History of the Harbour Board of Westland and Its Lamps, Lenses, Keepers and Pilots From 1850 to the Present Day", true},
	}
	for _, tt := range tests {
		if got := IsHeading(tt.in); got != tt.want {
			t.Errorf("IsHeading(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}
