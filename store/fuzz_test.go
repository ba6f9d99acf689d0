package store_test

import (
	"cmp"
	"context"
	"errors"
	"io/fs"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/parley-bot/parley/seeds"
	"github.com/parley-bot/parley/store"
	"github.com/parley-bot/parley/store/clean"
	"github.com/parley-bot/parley/store/storetest"
)

// FuzzIngest feeds arbitrary article files through ParseFile and Ingest,
// as `parley ingest` does. Neither may panic; a rejected file is
// ErrMalformed, never a database error; an accepted one reads back with
// its metadata (with the byline and outlet a dropped byline line gives,
// where the file gives none), ingests again as unchanged, every stored sentence appears
// verbatim (whitespace aside) in the stored text, so quotes stay verbatim,
// and searching its words works.
func FuzzIngest(f *testing.F) {
	names, _ := fs.Glob(seeds.FS, "*.txt")
	for _, n := range names {
		data, err := fs.ReadFile(seeds.FS, n)
		if err != nil {
			f.Fatal(err)
		}
		if len(data) > 800 { // small inputs mutate and minimise fast
			n := 800
			for n > 0 && !utf8.RuneStart(data[n]) {
				n--
			}
			data = data[:n]
		}
		f.Add(n, data)
	}
	for _, s := range []string{
		"---\ntitle: T\noutlet: O\npublished: 2025-12-09\nurl: https://example.com/a\n---\nBody one. Body two.\n",
		"---\nid: other\n---\n",
		"---\ntitle: [unclosed\n---\nText.\n",
		"---\npublished: 12/09/2025\n---\nText.\n",
		"---\nno end\n",
		"\"quoted\" OR NEAR(a b) * ^ - : ( ) {col}: text.\n",
		"Mr. Witkoff said: \"We'll see.\" Then -- nothing.\n\nAdvertisement\n\nRead more\n",
		"\x00\xff\xfe",
	} {
		f.Add("fuzz.txt", []byte(s))
	}
	st := storetest.MustOpenEmpty(f)
	ctx := context.Background()
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		d, err := store.ParseFile(name, data, store.Meta{})
		if err != nil {
			if !errors.Is(err, store.ErrMalformed) {
				t.Fatalf("ParseFile(%q) = %v, want an ErrMalformed", data, err)
			}
			return
		}
		if _, err := st.Ingest(ctx, d, storetest.Epoch); err != nil {
			if !errors.Is(err, store.ErrMalformed) {
				t.Fatalf("Ingest(%+v) = %v, want success or ErrMalformed", d, err)
			}
			return
		}
		if r, err := st.Ingest(ctx, d, storetest.Epoch); err != nil || r != store.Unchanged {
			t.Fatalf("Ingest again = %v, %v; want unchanged", r, err)
		}
		a, err := st.Article(ctx, d.ID)
		if err != nil {
			t.Fatalf("Article(%q) after ingest: %v", d.ID, err)
		}
		// A byline the cleaner drops gives what the file leaves empty.
		_, credit := clean.Article(d.Body)
		outlet, byline := cmp.Or(d.Outlet, credit.Outlet), cmp.Or(d.Byline, credit.Byline)
		if a.Title != d.Title || a.Outlet != outlet || a.Byline != byline || a.Published != d.Published || a.URL != d.URL {
			t.Errorf("Article(%q) = %+v, want the metadata of %+v (outlet %q, byline %q)", d.ID, a, d, outlet, byline)
		}
		body, err := st.Body(ctx, d.ID)
		if err != nil {
			t.Fatalf("Body(%q): %v", d.ID, err)
		}
		flat := strings.Join(strings.Fields(body), " ")
		sents, err := st.Sentences(ctx, d.ID)
		if err != nil {
			t.Fatalf("Sentences(%q): %v", d.ID, err)
		}
		for _, s := range sents {
			if strings.TrimSpace(s.Text) == "" || !utf8.ValidString(s.Text) {
				t.Errorf("sentence %d is empty or not UTF-8: %q", s.Position, s.Text)
			}
			if !strings.Contains(flat, strings.Join(strings.Fields(s.Text), " ")) {
				t.Errorf("sentence %q is not verbatim in the stored text %q", s.Text, body)
			}
		}
		words := strings.Fields(body)
		if len(words) > 8 {
			words = words[:8]
		}
		if _, err := st.Search(ctx, words, 5); err != nil {
			t.Errorf("Search(%q): %v", words, err)
		}
	})
}
