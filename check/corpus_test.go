package check

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/ex99/ex99/extract"
	"github.com/ex99/ex99/index"
	"github.com/shopspring/decimal"
)

// The shared corpus is test data only: these tests read it where it lies
// and skip when it is absent. Altered copies are made in memory.

var shared = filepath.Join("..", "..", "shared")

// corpusPaths lists the shared corpus releases, skipping the test when
// there are none.
func corpusPaths(t *testing.T) []string {
	t.Helper()
	var paths []string
	for _, pat := range []string{"*.htm", "*.html", "*.txt"} {
		ps, _ := filepath.Glob(filepath.Join(shared, "corpus", pat))
		paths = append(paths, ps...)
	}
	if len(paths) == 0 {
		t.Skip("no shared corpus at " + filepath.Join(shared, "corpus"))
	}
	return paths
}

// TestCorpus checks every corpus release: each adds up, so none may
// disagree; and the seed release disagrees exactly where it is wrong (the
// net loss's 1,222% against 1,264.7%).
func TestCorpus(t *testing.T) {
	for _, p := range corpusPaths(t) {
		t.Run(filepath.Base(p), func(t *testing.T) {
			r := runOn(t, filepath.Base(p), readFile(t, p))
			for _, c := range mismatches(r) {
				t.Errorf("false alarm: %v", c)
			}
			t.Logf("%d verified, %d not checked", r.Verified, r.NotChecked)
		})
	}
	seed := filepath.Join(shared, "seed", "innovo-2004q2.txt")
	if _, err := os.Stat(seed); err != nil {
		return
	}
	t.Run("seed", func(t *testing.T) {
		ms := mismatches(runOn(t, "innovo-2004q2.txt", readFile(t, seed)))
		if len(ms) != 1 || !isKnown(ms[0]) {
			t.Errorf("want exactly the 1,222%% disagreement, got %v", ms)
		}
	})
}

// alteredReleases are the corpus releases copied with one figure altered.
var alteredReleases = []string{"apple-2004q3.htm", "caterpillar-2022q1.htm", "goldman-2021q4.htm", "pnc-2020q4.htm", "sears-2004q2.txt"}

// TestAlteredCorpus alters copies of corpus releases, one figure each,
// chosen from what check verified in the release as printed: a row that a
// verified total sums, and a narrative figure verified against the table
// on the full pairing rule. Check must name each altered figure.
func TestAlteredCorpus(t *testing.T) {
	corpusPaths(t)
	for _, name := range alteredReleases {
		src, err := os.ReadFile(filepath.Join(shared, "corpus", name))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		r, facts := runOnFacts(t, name, src)
		for _, alt := range []struct {
			what string
			pick func(*Report, []index.Fact, []byte) (alteration, bool)
		}{{"table cell", pickComponent}, {"narrative figure", pickNarrative}} {
			t.Run(name+"/"+alt.what, func(t *testing.T) {
				a, ok := alt.pick(r, facts, src)
				if !ok {
					t.Fatalf("no %s to alter", alt.what)
				}
				altered := append(append(append([]byte{}, src[:a.at]...), a.new...), src[a.at+len(a.old):]...)
				ar := runOn(t, name, altered)
				for _, c := range mismatches(ar) {
					if c.Kind == a.kind && cites(c, a.line) && strings.Contains(c.Formula+" "+foundOf(c), a.shows) {
						t.Logf("%s:%d %s → %s: %s", name, a.line, a.old, a.new, c.Formula)
						return
					}
				}
				for _, c := range ar.Checks {
					if cites(c, a.line) {
						t.Log(c)
					}
				}
				t.Errorf("%s:%d %s → %s: no %s disagreement names it; got %v", name, a.line, a.old, a.new, a.kind, mismatches(ar))
			})
		}
	}
}

// alteration is one figure changed in a copy of a release: old at byte at
// becomes new; check must report a disagreement of kind citing line and
// showing shows.
type alteration struct {
	at       int
	old, new string
	line     int
	kind     Kind
	shows    string
}

func foundOf(c Check) string {
	if c.Found == nil {
		return ""
	}
	return c.Found.String()
}

var reDigits = regexp.MustCompile(`\d[\d,]*(\.\d+)?`)

// pickComponent picks, in the first total verified in two columns or more
// that is named a total and foots the rows of its section, the largest row
// of three digits or more whose figure its source prints once, and raises
// its first digit.
func pickComponent(r *Report, facts []index.Fact, src []byte) (alteration, bool) {
	cols := map[int]int{}
	for _, c := range r.Checks {
		if c.Kind == Total && c.Status == OK {
			cols[c.Line()]++
		}
	}
	for _, c := range r.Checks {
		if c.Kind != Total || c.Status != OK || cols[c.Line()] < 2 || !strings.HasPrefix(strings.ToLower(c.Subject), "total") ||
			!strings.HasPrefix(c.Rule, "the rows of its section") || len(c.Citations) < 2 {
			continue
		}
		total, ok := factAt(facts, "table", c.Citations[0].Start, *c.Found)
		if !ok {
			continue
		}
		rows := c.Citations[1]
		var best *index.Fact
		for i, f := range facts {
			if f.Source != "table" || f.TableIndex != total.TableIndex || f.ColIndex != total.ColIndex || f.Unit != extract.USD ||
				f.Start < rows.Start || f.End > rows.End || len(onlyOnce(src, f)) == 0 {
				continue
			}
			if best == nil || f.Value.Abs().GreaterThan(best.Value.Abs()) {
				best = &facts[i]
			}
		}
		if best == nil {
			continue
		}
		old := onlyOnce(src, *best)
		i := strings.IndexFunc(old, func(r rune) bool { return r >= '0' && r <= '9' })
		d := old[i]
		nd := d + 1
		if d == '9' {
			nd = d - 1
		}
		nw := old[:i] + string(nd) + old[i+1:]
		return alteration{at: best.Offset[0] + strings.Index(string(src[best.Offset[0]:best.Offset[1]]), old), old: old, new: nw,
			line: best.Start, kind: Total, shows: nw}, true
	}
	return alteration{}, false
}

// onlyOnce is the digits of a table or text fact's printed figure when
// they have three digits or more and occur once in its cited source
// element, else "".
func onlyOnce(src []byte, f index.Fact) string {
	if f.Offset[1] <= f.Offset[0] || f.Offset[1] > len(src) {
		return ""
	}
	ds := reDigits.FindString(f.Printed)
	if len(strings.Trim(strings.ReplaceAll(ds, ",", ""), ".")) < 3 && !strings.Contains(ds, ".") {
		return ""
	}
	el := string(src[f.Offset[0]:f.Offset[1]])
	if strings.Count(el, ds) != 1 {
		return ""
	}
	// not part of a longer number
	at := strings.Index(el, ds)
	if at > 0 && strings.ContainsAny(el[at-1:at], "0123456789,.") || at+len(ds) < len(el) && strings.ContainsAny(el[at+len(ds):at+len(ds)+1], "0123456789") {
		return ""
	}
	return ds
}

// factAt is the fact of a source that starts on line and has value v.
func factAt(facts []index.Fact, source string, line int, v decimal.Decimal) (index.Fact, bool) {
	for _, f := range facts {
		if f.Source == source && f.Start == line && f.Value.Equal(v) {
			return f, true
		}
	}
	return index.Fact{}, false
}

// pickNarrative picks the first narrative level verified against the
// table on the full pairing rule (a difference would be a disagreement)
// whose figure its source prints once, and makes it a quarter larger.
func pickNarrative(r *Report, facts []index.Fact, src []byte) (alteration, bool) {
	for _, c := range r.Checks {
		if c.Kind != Figure || c.Status != OK || c.Rule != ruleSame {
			continue
		}
		f, ok := factAt(facts, "text", c.Citations[0].Start, *c.Found)
		if !ok {
			continue
		}
		old := onlyOnce(src, f)
		if old == "" {
			continue
		}
		v, err := decimal.NewFromString(strings.ReplaceAll(old, ",", ""))
		if err != nil {
			continue
		}
		places := int32(0)
		if i := strings.IndexByte(old, '.'); i >= 0 {
			places = int32(len(old) - i - 1)
		}
		nv := v.Mul(decimal.New(125, -2)).Round(places)
		nw := nv.StringFixed(places)
		if strings.Contains(old, ",") {
			nw = commas(nw)
		}
		el := string(src[f.Offset[0]:f.Offset[1]])
		return alteration{at: f.Offset[0] + strings.Index(el, old), old: old, new: nw, line: f.Start, kind: Figure,
			shows: "≠"}, true
	}
	return alteration{}, false
}
