package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/ex99/ex99/answer"
)

// TestAskExplainJSON checks --explain --json: the answer's JSON line as
// without --explain, then one JSON line {"explain": {...}} with a winning
// candidate and its features and a rejected one with its reason.
func TestAskExplainJSON(t *testing.T) {
	idx := seedIndex(t)
	q := "net sales Q2 2004"
	plain := ex99(t, "", "ask", "--json", "--index", idx, q)
	r := ex99(t, "", "ask", "--json", "--explain", "--index", idx, q)
	if r.code != 0 || plain.code != 0 {
		t.Fatalf("ask: %v\n%v", r, plain)
	}
	if !strings.HasPrefix(r.stdout, plain.stdout) {
		t.Fatalf("the answer line changed:\n%s\nwant first:\n%s", r.stdout, plain.stdout)
	}
	rest := strings.TrimPrefix(r.stdout, plain.stdout)
	if strings.Count(rest, "\n") != 1 {
		t.Fatalf("the explanation is not one line: %q", rest)
	}
	dec := json.NewDecoder(bytes.NewReader([]byte(rest)))
	dec.DisallowUnknownFields()
	var v struct{ Explain answer.Explanation }
	if err := dec.Decode(&v); err != nil {
		t.Fatalf("explanation: %v\n%s", err, rest)
	}
	x := v.Explain
	if !strings.Contains(x.Parse, "metric=revenue") || x.Path != "lookup fact" || len(x.Scope) != 1 || len(x.Docs) != 1 {
		t.Fatalf("explanation: %+v", x)
	}
	d := x.Docs[0]
	if len(d.Candidates) == 0 || d.Candidates[0].Lines != "378" || d.Candidates[0].Features["metric_by"] != "key" || d.Candidates[0].Score <= 0 {
		t.Errorf("winning candidate: %+v", d.Candidates)
	}
	period := false
	for _, c := range d.Rejected {
		period = period || strings.HasPrefix(c.Rejected, "rejected: period does not match") && c.Value == "12013000"
	}
	if !period {
		t.Errorf("no Q2 2003 figure rejected for its period: %+v", d.Rejected)
	}

	// with a question per line, each answer is followed by its explanation
	r = ex99(t, "net sales Q2 2004\ngoodwill\n", "ask", "--json", "--explain", "--index", idx, "-")
	if r.code != 0 || strings.Count(r.stdout, "\n") != 4 || strings.Count(r.stdout, `{"explain":`) != 2 {
		t.Errorf("stream: %v", r)
	}
}
