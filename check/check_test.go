package check

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/ex99/ex99/extract"
	"github.com/ex99/ex99/index"
)

const innovo = "../testdata/innovo-2004q2.txt"

// runOn extracts and indexes a release in memory and checks it from the
// index, as ex99 check does.
func runOn(t testing.TB, name string, src []byte) *Report {
	t.Helper()
	r, _ := runOnFacts(t, name, src)
	return r
}

// runOnFacts is runOn that also gives the stored facts it checked.
func runOnFacts(t testing.TB, name string, src []byte) (*Report, []index.Fact) {
	t.Helper()
	d, err := extract.Parse(name, src)
	if err != nil {
		t.Fatalf("extract %s: %v", name, err)
	}
	x, err := index.OpenMem()
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	w := x.NewWriter()
	if err := w.Add(d); err != nil {
		t.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	rel := Release{Doc: name}
	if rel.Facts, err = x.AllFacts(name); err != nil {
		t.Fatal(err)
	}
	if rel.Passages, err = x.DocPassages(name); err != nil {
		t.Fatal(err)
	}
	if rel.Info, err = x.Doc(name); err != nil {
		t.Fatal(err)
	}
	return RunRelease(rel), rel.Facts
}

func readFile(t testing.TB, path string) []byte {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return src
}

func (c Check) String() string {
	found, exp := "", ""
	if c.Found != nil {
		found = c.Found.String()
	}
	if c.Expected != nil {
		exp = c.Expected.String()
	}
	var cites []string
	for _, ct := range c.Citations {
		cites = append(cites, ct.String())
	}
	return fmt.Sprintf("%s %s %q %s found=%s expected=%s %s (%s) %v", c.Status, c.Kind, c.Subject, c.Period, found, exp, c.Formula, c.Note, cites)
}

func mismatches(r *Report) []Check {
	var out []Check
	for _, c := range r.Checks {
		if c.Status == Mismatch {
			out = append(out, c)
		}
	}
	return out
}

func cites(c Check, line int) bool {
	for _, ct := range c.Citations {
		if line >= ct.Start && line <= ct.End {
			return true
		}
	}
	return false
}

// isKnown is the one disagreement the Innovo release has: the narrative's
// "1,222% increase" in the net loss, where $6,728,000 against $493,000 is
// 1,264.7%.
func isKnown(c Check) bool {
	return c.Kind == Change && c.Found != nil && c.Found.String() == "1222" && cites(c, 141)
}

// TestInnovo checks the unaltered release: every total foots, the balance
// sheet balances, the per-share figures follow, and the only disagreement
// is the net loss's percentage increase. Nothing that agrees is flagged.
func TestInnovo(t *testing.T) {
	r := runOn(t, "innovo-2004q2.txt", readFile(t, innovo))
	ms := mismatches(r)
	if len(ms) != 1 || !isKnown(ms[0]) {
		for _, c := range ms {
			t.Errorf("flagged: %v", c)
		}
		t.Fatalf("want exactly the 1,222%% disagreement, got %d disagreements", len(ms))
	}
	count := map[Kind]int{}
	for _, c := range r.Checks {
		if c.Status == OK {
			count[c.Kind]++
		}
	}
	// 5 balance-sheet totals × 2 dates, 5 income-statement results × 4 periods
	want := map[Kind]int{Total: 30, Balance: 2, PerShare: 8, Figure: 21, Change: 8, TextRatio: 2}
	for k, n := range want {
		if count[k] != n {
			t.Errorf("%s checks verified: %d, want %d", k, count[k], n)
		}
	}
	if !strings.Contains(ms[0].Formula, "1,264.7%") {
		t.Errorf("formula %q does not show the computed 1,264.7%%", ms[0].Formula)
	}
}

// alteredTests change one number in a copy of the Innovo release; check
// must name the new disagreement, citing the altered line.
var alteredTests = []struct {
	name     string
	line     int    // the line altered
	old, new string // first occurrence on that line
	kind     Kind   // the kind of check that must disagree
	cite     int    // a line the disagreement must cite
}{
	{"current asset", 312, "11,596", "11,696", Total, 312},
	{"total assets", 324, "39,474", "39,574", Total, 324},
	{"total assets vs liabilities", 324, "39,474", "39,574", Balance, 356},
	{"long-term debt", 337, "9,632", "9,732", Total, 337},
	{"current liability", 330, "263", "283", Total, 330},
	{"equity account", 349, "(703)", "(733)", Total, 349},
	{"cost of goods sold", 379, "26,593", "26,693", Total, 379},
	{"operating expense", 385, "414", "514", Total, 385},
	{"six-month net loss", 401, "(11,697)", "(11,797)", Total, 401},
	{"prior-year other income", 392, "109", "119", Total, 392},
	{"basic EPS", 405, "(0.23)", "(0.25)", PerShare, 405},
	{"diluted EPS prior year", 406, "(0.03)", "(0.05)", PerShare, 406},
	{"weighted shares", 409, "28,928", "29,928", PerShare, 409},
	{"narrative net sales", 17, "$30,023,000", "$30,823,000", Figure, 17},
	{"narrative prior-year net sales", 17, "$12,013,000", "$12,113,000", Figure, 17},
	{"narrative gross profit", 191, "$3,430,000", "$3,480,000", Figure, 191},
	{"narrative EPS", 238, "$0.23", "$0.28", Figure, 238},
	{"narrative net loss", 239, "$493,000", "$498,000", Figure, 239},
	{"narrative rounded revenue", 69, "$30  million", "$36  million", Figure, 69},
	{"narrative percent increase", 168, "41%", "46%", Change, 168},
	{"narrative SG&A increase", 213, "148%", "158%", Change, 213},
	{"narrative gross margin", 194, "11%", "14%", TextRatio, 194},
}

func TestAltered(t *testing.T) {
	src := readFile(t, innovo)
	for _, tt := range alteredTests {
		t.Run(tt.name, func(t *testing.T) {
			lines := strings.SplitAfter(string(src), "\n")
			l := lines[tt.line-1]
			if !strings.Contains(l, tt.old) {
				t.Fatalf("line %d %q has no %q", tt.line, l, tt.old)
			}
			lines[tt.line-1] = strings.Replace(l, tt.old, tt.new, 1)
			r := runOn(t, "altered.txt", []byte(strings.Join(lines, "")))
			var found bool
			var got []string
			for _, c := range mismatches(r) {
				if isKnown(c) {
					continue
				}
				got = append(got, c.String())
				if c.Kind == tt.kind && cites(c, tt.cite) {
					found = true
				}
			}
			if !found {
				t.Errorf("no %s disagreement citing line %d; got:\n%s", tt.kind, tt.cite, strings.Join(got, "\n"))
			}
		})
	}
}

func TestDumpReport(t *testing.T) {
	path := os.Getenv("CHECK")
	if path == "" {
		t.Skip("set CHECK=path to print a release's checks")
	}
	r := runOn(t, "doc", readFile(t, path))
	for _, c := range r.Checks {
		t.Log(c)
	}
	t.Logf("verified %d mismatched %d not checked %d", r.Verified, r.Mismatched, r.NotChecked)
}
