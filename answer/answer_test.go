package answer

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ex99/ex99/index"
	"github.com/ex99/ex99/internal/synth"
	"github.com/ex99/ex99/nlq"
)

// TestAsk pins the seed release's answers for the kinds of question ex99
// handles: a lookup, a stated change, a change between two named periods
// (computed exactly, citing the release's rounded statement of it), sums and means over periods, a ratio
// and its change between dates, and a period the release does not cover.
func TestAsk(t *testing.T) {
	x := memIndex(t, "../testdata/innovo-2004q2.txt")
	defer x.Close()
	tests := []struct {
		q          string
		kind       string
		value      string // "" when none
		unit       string
		line       int    // first line of the first citation; 0 for none
		answerHas  string // a part of the answer text
		operandsAt string // the operands citation's text, for computed answers of two or more figures
		statedAt   string // the text of a "stated" citation: the release says the computed figure
	}{
		{q: "Joe's net sales Q2 2004", kind: KindFact, value: "4394000", unit: "USD", line: 171, answerHas: "three months ended May 29, 2004"},
		{q: "net loss per share Q2 2004", kind: KindFact, value: "-0.23", unit: "USD/share", line: 406},
		{q: "What was the percentage change in net sales from Q2 2003 to Q2 2004?", kind: KindComputed, value: "149.92", unit: "percent",
			answerHas: "(30023000 - 12013000) / 12013000", statedAt: "150%"},
		{q: "What was the percentage increase in net sales in Q2 2004?", kind: KindFact, value: "150", unit: "percent"},
		{q: "What is the total net sales for Q2 2003 and Q2 2004?", kind: KindComputed, value: "42036000", unit: "USD", line: 378,
			answerHas: "30023000 + 12013000", operandsAt: "$30,023 ; $12,013"},
		{q: "What was the average net sales for Q2 2003 and Q2 2004?", kind: KindComputed, value: "21018000", unit: "USD", line: 378},
		{q: "change in gross margin from Q2 2003 to Q2 2004", kind: KindComputed, value: "-16.53", unit: "percent", line: 381,
			answerHas: "percentage points"},
		{q: "What was the percentage change in the current ratio from November 29, 2003 to May 29, 2004?", kind: KindComputed, value: "-54.50", unit: "percent",
			answerHas: "13329000 / 12157000"},
		{q: "How much did accumulated other comprehensive loss change since November 29, 2003?", kind: KindComputed, value: "59000", unit: "USD",
			line: 351, answerHas: "0 - -59000"}, // "--" on May 29, 2004: nothing, taken as zero
		{q: "How much did total current assets decrease since November 29, 2003?", kind: KindComputed, value: "5241000", unit: "USD",
			line: 315, answerHas: "decrease in total current assets"},
		{q: "What was Innovo's revenue in Q2 2001?", kind: KindNone, answerHas: "Not found"},
	}
	for _, tt := range tests {
		a := (&Engine{Index: x, Doc: "innovo-2004q2.txt"}).Ask(tt.q)
		if a.Kind != tt.kind || a.Value != tt.value || tt.unit != "" && a.Unit != tt.unit {
			t.Errorf("Ask(%q) = %s %q %s; want %s %q %s\n%s", tt.q, a.Kind, a.Value, a.Unit, tt.kind, tt.value, tt.unit, a.Answer)
			continue
		}
		if tt.line > 0 && (len(a.Citations) == 0 || a.Citations[0].Line != tt.line) {
			t.Errorf("Ask(%q) cites %+v; want line %d first", tt.q, a.Citations, tt.line)
		}
		if tt.kind != KindNone && len(a.Citations) == 0 {
			t.Errorf("Ask(%q) has no citation", tt.q)
		}
		if !strings.Contains(a.Answer, tt.answerHas) {
			t.Errorf("Ask(%q) = %q; want it to say %q", tt.q, a.Answer, tt.answerHas)
		}
		for role, text := range map[string]string{"operands": tt.operandsAt, "stated": tt.statedAt} {
			if text != "" && !citesAs(a, role, text) {
				t.Errorf("Ask(%q) has no %s citation with %q: %+v", tt.q, role, text, a.Citations)
			}
		}
	}
}

// citesAs reports whether a cites text in a citation of the given role.
func citesAs(a Answer, role, text string) bool {
	for _, c := range a.Citations {
		if c.Role == role && strings.Contains(c.Text, text) {
			return true
		}
	}
	return false
}

// TestReadAs checks how an answer says it read misspelt words: metric
// words from the parse, company names from the releases in scope.
func TestReadAs(t *testing.T) {
	docs := []index.DocInfo{{Name: "c.htm", Company: "Caterpillar Inc."}, {Name: "n.htm", Company: "NVIDIA Corporation"}}
	tests := []struct{ q, want string }{
		{"Catepillar revnue Q1 2022", "Read “revnue” as “revenue”, “Catepillar” as Caterpillar Inc."},
		{"Nvidai net incme", "Read “incme” as “income”, “Nvidai” as NVIDIA Corporation."},
		{"Caterpillar revenue Q1 2022", ""}, // spelt right
		{"Catalina revenue", ""},            // two letters from any name
	}
	for _, tt := range tests {
		if got := readAs(nlq.Parse(tt.q), docs); got != tt.want {
			t.Errorf("readAs(%q) = %q, want %q", tt.q, got, tt.want)
		}
	}
}

// TestOthersListed checks that a question naming no company, asked of two
// releases that both answer it, gets one answer that lists the other
// release's, and that naming the company lists none.
func TestOthersListed(t *testing.T) {
	dir := t.TempDir()
	var paths []string
	for c := 0; c < 2; c++ { // two companies' first releases
		p, err := synth.WriteDir(dir, synth.Nth(c, 0), 1, 0)
		if err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p...)
	}
	x := memIndex(t, paths...)
	defer x.Close()
	e := &Engine{Index: x}
	a := e.Ask("net sales")
	if a.Kind != KindFact || len(a.Others) != 1 || a.Others[0].Doc == a.Doc || !strings.Contains(a.Note, "names no company") {
		t.Fatalf("answer %s from %s, others %+v, note %q; want one other release listed", a.Value, a.Doc, a.Others, a.Note)
	}
	named := e.Ask(synth.Generate(synth.Nth(1, 0), false).Short + " net sales")
	if len(named.Others) != 0 {
		t.Errorf("a question naming its company lists others: %+v", named.Others)
	}
}

// TestOtherPassagesListed checks that a passage question naming no company,
// asked of releases that each answer it, gets one passage and lists the
// others' (never picking one silently), and that naming the company lists
// none.
func TestOtherPassagesListed(t *testing.T) {
	dir := t.TempDir()
	releases := map[string]string{
		"alpha-2020q4.txt": "Alpha Widgets Inc. Reports Fourth Quarter Results\n\nAlpha Widgets Inc. today reported results for its fourth quarter ended December 31, 2020.\n\nGross margin declined because of higher freight costs and a less favorable product mix.\n",
		"beta-2021q1.txt":  "Beta Tools Corp. Reports First Quarter Results\n\nBeta Tools Corp. today reported results for its first quarter ended March 31, 2021.\n\nGross margin declined because of higher steel costs and a less favorable product mix.\n",
	}
	var paths []string
	for name, text := range releases {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	x := memIndex(t, paths...)
	defer x.Close()
	e := &Engine{Index: x}
	a := e.Ask("Why did gross margin decline?")
	if a.Kind != KindPassage || len(a.Others) != 1 || a.Others[0].Doc == a.Doc || !strings.Contains(a.Note, "names no company") {
		t.Fatalf("%s from %s, others %+v, note %q; want a passage and the other release listed", a.Kind, a.Doc, a.Others, a.Note)
	}
	if named := e.Ask("Why did Beta's gross margin decline?"); len(named.Others) != 0 {
		t.Errorf("a question naming its company lists others: %+v", named.Others)
	}
}
