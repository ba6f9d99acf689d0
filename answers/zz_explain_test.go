package answers

import (
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/parley-bot/parley/store/storetest"
)

// TestZZExplain: ZZ_FILE (SQuAD json or "seeds"), ZZ_Q "prev;;q|q2" → /tmp/zz_out.json
func TestZZExplain(t *testing.T) {
	file := os.Getenv("ZZ_FILE")
	if file == "" {
		t.Skip()
	}
	ctx := context.Background()
	var e *Engine
	if file == "seeds" {
		e = mustEngine(t, storetest.MustOpen(t))
	} else {
		_, st := squadStore(t, file)
		var err error
		e, err = NewEngine(ctx, st)
		if err != nil {
			t.Fatal(err)
		}
	}
	var outs []any
	for _, item := range strings.Split(os.Getenv("ZZ_Q"), "|") {
		prevQ, q, ok := strings.Cut(item, ";;")
		if !ok {
			q, prevQ = prevQ, ""
		}
		rec := map[string]any{"q": q}
		if prevQ != "" {
			pa, err := e.FollowUp(ctx, nil, prevQ)
			if err != nil {
				t.Fatal(err)
			}
			rec["prev"] = pa
			a, err := e.ExplainFollowUp(ctx, &pa.Next, q)
			if err != nil {
				t.Fatal(err)
			}
			rec["answer"] = a
		} else {
			a, err := e.Explain(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			rec["answer"] = a
		}
		outs = append(outs, rec)
	}
	b, _ := json.MarshalIndent(outs, "", " ")
	os.WriteFile("/tmp/zz_out.json", b, 0o644)
}
