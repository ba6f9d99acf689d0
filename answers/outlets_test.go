package answers

import (
	"testing"

	"github.com/parley-bot/parley/store"
)

// TestOutletNamedInQuestion holds that a question naming the outlet of an
// article ("courier piece: …") is answered from that outlet's article, the
// outlet's name being no word its sentence need say, and that it is
// refused when only another outlet's article answers it.
func TestOutletNamedInQuestion(t *testing.T) {
	e := docsEngine(t, []store.Document{
		{ID: "tolls", Title: "Quay tolls rise", Outlet: "Harbour Gazette", Body: "The harbour board raised the quay toll to four pence in March.\n\nCarters said the higher toll would drive trade to Bayton."},
		{ID: "slip", Title: "Ferry slip opens", Outlet: "Bayton Courier", Body: "The new ferry slip opened at Bayton in May.\n\nThe ferry company said its crossings would double by the autumn."},
	})
	checkAnswered(t, e, map[string]bool{
		"courier piece: what will double":                            true,
		"what does the courier say will double":                      true,
		"gazette: what did the harbour board raise the quay toll to": true,
		// Another outlet's piece is not the one asked of.
		"gazette: what will double":                            false,
		"gazette - when did the new ferry slip open at bayton": false,
	})
}
