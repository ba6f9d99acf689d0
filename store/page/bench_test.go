package page

import (
	"bytes"
	"testing"

	"github.com/parley-bot/parley/store/webtest"
)

// BenchmarkRead measures extraction alone: one fixture page decoded,
// parsed, its metadata read and its main text extracted.
func BenchmarkRead(b *testing.B) {
	srv := webtest.NewServer(b)
	a := webtest.Articles[1]
	body := srv.Body(a.Path)
	base := mustURL(b, srv.URL(a.Path))
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Read(bytes.NewReader(body), "text/html; charset=utf-8", base); err != nil {
			b.Fatal(err)
		}
	}
}
