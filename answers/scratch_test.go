package answers

import (
	"context"
	"fmt"
	"os"
	"sort"
	"testing"

	"github.com/parley-bot/parley/store/storetest"
)

func TestScratchConf(t *testing.T) {
	if os.Getenv("SCRATCH") == "" {
		t.Skip()
	}
	st := storetest.MustOpen(t)
	e, err := NewEngine(context.Background(), st, WithThreshold(0))
	if err != nil {
		t.Fatal(err)
	}
	qs := BuiltinQuestions()
	if os.Getenv("SCRATCH") == "heldout" {
		qs = HeldoutQuestions()
	}
	type row struct {
		conf float64
		s    string
	}
	var rows []row
	for _, q := range qs {
		a, ranked, _ := e.answer(context.Background(), q.Q, false)
		conf := 0.0
		ok := false
		if len(ranked) > 0 && a.Answered {
			conf = ranked[0].conf
			ok = holds(ranked[0].s.Text, q.Expect)
		}
		tag := "REFUSE"
		if q.Answerable {
			tag = "ok"
			if !ok {
				tag = "WRONG"
			}
		}
		rows = append(rows, row{conf, fmt.Sprintf("%.3f %-6s %s", conf, tag, q.Q)})
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].conf < rows[j].conf })
	for _, r := range rows {
		fmt.Println(r.s)
	}
}
