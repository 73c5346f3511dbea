package answer

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestAskExplainedSameAnswer checks that explaining changes no answer, and
// that the explanation of a figure question shows its parse, scope, path,
// scored candidates with features and rejected ones with reasons.
func TestAskExplainedSameAnswer(t *testing.T) {
	x := memIndex(t, "../testdata/innovo-2004q2.txt")
	defer x.Close()
	e := &Engine{Index: x}
	paths := map[string]string{
		"net sales Q2 2004":                                        "lookup fact",
		"operating margin Q2 2004":                                 "computed",
		"Why did gross margin decline?":                            "passage",
		"What were net sales in the third quarter of fiscal 2004?": "not found",
	}
	for q, path := range paths {
		want := e.Ask(q)
		got, ex := e.AskExplained(q)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%q: explained answer differs:\n got %+v\nwant %+v", q, got, want)
		}
		if ex.Path != path {
			t.Errorf("%q: path %q, want %q (docs %+v)", q, ex.Path, path, ex.Docs)
		}
		if ex.Parse == "" || len(ex.Scope) != 1 || len(ex.Docs) != 1 {
			t.Errorf("%q: parse %q, scope %q, docs %d", q, ex.Parse, ex.Scope, len(ex.Docs))
		}
	}
	_, ex := e.AskExplained("net sales Q2 2004")
	d := ex.Docs[0]
	if len(d.Candidates) == 0 || d.Candidates[0].Score == 0 || d.Candidates[0].Features["metric_by"] != "key" {
		t.Fatalf("no winning candidate with features: %+v", d.Candidates)
	}
	if len(d.Candidates) > MaxExplained || len(d.Rejected) > MaxExplained {
		t.Errorf("more than %d candidates kept: %d, %d", MaxExplained, len(d.Candidates), len(d.Rejected))
	}
	found := false
	for _, r := range d.Rejected {
		found = found || strings.HasPrefix(r.Rejected, "rejected: period does not match (asked") && strings.Contains(r.Rejected, "Q2 FY2003")
	}
	if !found {
		t.Errorf("no period rejection among %+v", d.Rejected)
	}
}

// TestExplainedOperands checks that a computation's explanation lists the
// figures it looked for, with the period sought and the figure found or
// none.
func TestExplainedOperands(t *testing.T) {
	x := memIndex(t, "../testdata/innovo-2004q2.txt")
	defer x.Close()
	e := &Engine{Index: x}
	_, ex := e.AskExplained("percentage change in SG&A in Q2 2004 versus Q2 2003, to two decimal places")
	ops := ex.Docs[0].Operands
	if len(ops) < 2 {
		t.Fatalf("operands %+v, want two", ops)
	}
	for i, want := range []struct{ period, value string }{{"Q2 FY2004", "8935000"}, {"Q2 FY2003", "3596000"}} {
		o := ops[i]
		if o.What != "sga" || !strings.Contains(o.Period, want.period) || o.Found == nil || o.Found.Value != want.value {
			t.Errorf("operand %d = %+v (found %+v), want sga at %s = %s", i, o, o.Found, want.period, want.value)
		}
	}
	// a figure the release lacks is listed as sought and not found
	_, ex = e.AskExplained("percentage change in SG&A in Q2 2004 versus Q2 2001, to two decimal places")
	none := false
	for _, o := range ex.Docs[0].Operands {
		none = none || o.Found == nil && strings.Contains(o.Period, "2001")
	}
	if !none {
		t.Errorf("no operand sought in 2001 and not found: %+v", ex.Docs[0].Operands)
	}
}

// TestExplainSaysWhichRuleRejected checks, on TAT-QA's release for "What
// was the underlying EBITDA in FY19?", that the explanation names the rule
// that rejected the "Underlying EBITDA" row, and why.
func TestExplainSaysWhichRuleRejected(t *testing.T) {
	doc := filepath.Join(shared, "external", "tatqa-dev", "docs", "77d8e381-01d0-4cf9-882e-e1162db2cff2.htm")
	if _, err := os.Stat(doc); err != nil {
		t.Skip("TAT-QA dev is absent")
	}
	x := memIndex(t, doc)
	defer x.Close()
	_, ex := (&Engine{Index: x}).AskExplained("What was the underlying EBITDA in FY19?")
	for _, d := range ex.Docs {
		for _, c := range d.Rejected {
			if c.What == "Underlying EBITDA" {
				if !strings.HasPrefix(c.Rejected, "rejected: ") || !strings.Contains(c.Rejected, "(asked ") {
					t.Errorf("rejection of %q says %q, want the rule and what was asked", c.What, c.Rejected)
				}
				return
			}
		}
	}
	t.Errorf("no rejected \"Underlying EBITDA\" row in %+v", ex.Docs)
}
