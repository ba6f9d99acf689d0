package answers

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/parley-bot/parley/store"
	"github.com/parley-bot/parley/store/storetest"
)

// TestTokenizeNumbers keeps a number's separators inside it ("3.0",
// "30,000") and splits everything else as before.
func TestTokenizeNumbers(t *testing.T) {
	var got []string
	for _, tok := range tokenize("Release 3.0 had 30,000 users, up 1.5%. Then 2, 3.") {
		got = append(got, tok.word)
	}
	want := []string{"release", "3.0", "had", "30,000", "users", "up", "1.5", "then", "2", "3"}
	if !slices.Equal(got, want) {
		t.Errorf("tokenize = %q, want %q", got, want)
	}
	for w, num := range map[string]bool{"2025": true, "3.0": true, "30,000": true, "3.": false, ",5": false, "v3": false, "": false} {
		if isNumber(w) != num {
			t.Errorf("isNumber(%q) = %v, want %v", w, !num, num)
		}
	}
}

// TestSaysAsWord finds a number or name whole, not inside another.
func TestSaysAsWord(t *testing.T) {
	for _, tt := range []struct {
		text, v string
		want    bool
	}{
		{"How many packages did Release 1.1 hold?", "1.1", true},
		{"How many packages did Release 11.1 hold?", "1.1", false},
		{"What did 1.1x do?", "1.1", false},
		{"anything", "", false},
	} {
		if got := saysAsWord(tt.text, tt.v); got != tt.want {
			t.Errorf("saysAsWord(%q, %q) = %v, want %v", tt.text, tt.v, got, tt.want)
		}
	}
}

// TestNumberInNameIsNoQuantity: "Release 4.0 Etch" names a release; "over
// 474 packages" is a quantity.
func TestNumberInNameIsNoQuantity(t *testing.T) {
	r := mustRules(t)
	quantities := func(text string) []string {
		var out []string
		s := store.Sentence{Text: text}
		for _, f := range r.learnFacts(s, tokenize(text), func(int, int) bool { return false }) {
			if f.Kind == factQuantity {
				out = append(out, f.Value)
			}
		}
		return out
	}
	if q := quantities("Release 4.0 Etch (8 April 2007): named for a toy."); len(q) != 0 {
		t.Errorf("title line quantities = %q, want none", q)
	}
	if q := quantities("It consisted of over 474 packages."); !slices.Equal(q, []string{"over 474"}) {
		t.Errorf("quantities = %q, want [over 474]", q)
	}
}

// TestAnswerHeads drops a noun naming the kind of answer only as the
// wh-phrase's head, and a count only when it counts the answers.
func TestAnswerHeads(t *testing.T) {
	e := mustEngine(t, storetest.MustOpenEmpty(t), WithPack(nil))
	ix, err := e.current(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		q          string
		term       string
		isQuestion bool
	}{
		{"Which city hosts the fair?", "citi", false},
		{"What is the role of the mayor?", "role", false},
		{"Mayor role", "role", false},
		{"What measurement of time is used in polynomial time reductions?", "time", true},
		{"What are two factors that affect the price?", "two", false},
		{"Name three rivers of the region.", "three", false},
		{"What follows from multiplying two integers?", "two", true},
		{"In what month and year did the fair open?", "month", false},
		{"In what month and year did the fair open?", "year", false},
		{"Century City is a district of which city?", "centuri", true},
		{"How many people is 36%?", "36", true},
		{"Which two people founded the club?", "peopl", false},
	} {
		q := e.analyse(ix, Normalize(tt.q))
		has := false
		for _, term := range q.terms {
			has = has || term.term == tt.term
		}
		if has != tt.isQuestion {
			t.Errorf("%q: term %q present %v, want %v (terms %v)", tt.q, tt.term, has, tt.isQuestion, qterms(q))
		}
	}
}

// TestTitleLine tells a paragraph's title line from a sentence with a
// colon, and a name with its dates alone from a sentence with a bracket.
func TestTitleLine(t *testing.T) {
	r, err := loadRules()
	if err != nil {
		t.Fatal(err)
	}
	for text, want := range map[string]bool{
		"Release 1.1 Buzz (June 17th, 1996): This was the first release with a code name.": true,
		"Harbour Board: minutes of the 3rd meeting.":                                       true,
		"The mayor said one thing: the pier stays.":                                        false,
		"No colon here.":                false,
		"Hernando de Soto (1496-1542).": true,
		"Ada Brenner (born 1801)":       true,
		"The war (1914-1918) ended.":    false,
		"Ada Brenner (the founder).":    false,
		"Northport (see the map) grew.": false,
	} {
		if got := r.lex.titleLine(text, tokenize(text)); got != want {
			t.Errorf("titleLine(%q) = %v, want %v", text, got, want)
		}
	}
}

// TestTitleLineLendsItsWords: in a paragraph opening with a title line,
// the sentence holding the answer is found by the title's name.
func TestTitleLineLendsItsWords(t *testing.T) {
	body := "Release 2.1 Slink (March 9th, 1999): Named for a toy dog. With Ann Berg as leader, this release held about 2250 packages.\n\n" +
		"Release 2.2 Potato (August 15th, 2000): Named for a toy. With Ole Sand as leader, this release held about 3900 packages.\n"
	e := articleEngine(t, "releases", "Releases", body)
	checkQuoted(t, e, map[string]string{
		"How many packages did Release 2.1 Slink hold?": "2250 packages",
		"Who was leader of Release 2.2 Potato?":         "Ole Sand",
		"When did Release 2.1 Slink come out?":          "March 9th, 1999",
	})
}

// TestNameLineLendsItsName: in a paragraph opening with a name and its
// dates, the sentence holding the answer is found by the name, and the
// heading itself answers nothing but when the person lived.
func TestNameLineLendsItsName(t *testing.T) {
	body := "Ada Brenner (1801-1870). Better known as the mother of the harbour, she founded the pilots' school at Northport. In the game, ships are built faster.\n\n" +
		"Carl Voss (1790-1850). A merchant of the coast, he drew the first chart of the Kessra shoals. In the game, trade grows.\n"
	e := articleEngine(t, "founders", "Founders", body)
	checkQuoted(t, e, map[string]string{
		"What did Ada Brenner found at Northport?": "founded the pilots' school",
		"What chart did Carl Voss draw?":           "the first chart of the Kessra shoals",
	})
}

// TestUntilWhen: "until when" is answered by the date after "until", not
// by the first date the sentences give.
func TestUntilWhen(t *testing.T) {
	ctx := context.Background()
	body := "The Harbour Club was officially founded by Ann Berg on May 5th, 1990.\n\nAnn Berg founded the Harbour Club in May 1990 and led it until March 1996.\n"
	e := articleEngine(t, "club", "Club", body)
	a, err := e.Answer(ctx, "Until when did Ann Berg lead the Harbour Club?")
	if err != nil {
		t.Fatal(err)
	}
	if !a.Answered || !strings.Contains(a.Answer, "March 1996") {
		t.Errorf("answered %v with %q (quotes %v), want March 1996", a.Answered, a.Answer, a.Quotes)
	}
}
