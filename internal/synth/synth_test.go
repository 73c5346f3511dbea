package synth_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/ex99/ex99/extract"
	"github.com/ex99/ex99/internal/race"
	"github.com/ex99/ex99/internal/seed"
	"github.com/ex99/ex99/internal/synth"
	"github.com/ex99/ex99/period"
)

// sample are release numbers over many companies, every quarter of a
// year included: two companies whole, then one release each of many.
func sample() []int {
	var out []int
	for k := 0; k < synth.Quarters; k++ {
		out = append(out, synth.Nth(0, k), synth.Nth(1, k))
	}
	for c := 2; c < 3125; c += 37 {
		out = append(out, synth.Nth(c, c%synth.Quarters))
	}
	return out
}

// TestDeterministic checks that a release is the same bytes every time.
func TestDeterministic(t *testing.T) {
	for _, i := range []int{0, 5, 31, 32, 99_999} {
		for _, html := range []bool{false, true} {
			a, b := synth.Generate(i, html), synth.Generate(i, html)
			if !bytes.Equal(a.Src, b.Src) || a.Name != b.Name || a.Revenue != b.Revenue {
				t.Errorf("release %d (html %v) differs between runs", i, html)
			}
		}
	}
}

// TestLikeTheSeed checks that synthetic releases read like the release
// they are made from: as many passages and tables, and as many table
// facts, less the year-to-date columns a first quarter does not have.
func TestLikeTheSeed(t *testing.T) {
	base, err := extract.Parse(seed.Name, seed.Release)
	if err != nil {
		t.Fatal(err)
	}
	var baseFacts, ytdFacts int
	for _, f := range base.Facts {
		if f.Source == "table" {
			baseFacts++
			if f.Period.Months == 6 {
				ytdFacts++
			}
		}
	}
	for _, i := range sample()[:40] {
		r := synth.Generate(i, false)
		d, err := extract.Parse(r.Name, r.Src)
		if err != nil {
			t.Fatalf("release %d: %v", i, err)
		}
		if len(d.Tables) != len(base.Tables) || len(d.Passages) != len(base.Passages) {
			t.Errorf("release %d: %d tables, %d passages; the seed has %d, %d", i, len(d.Tables), len(d.Passages), len(base.Tables), len(base.Passages))
		}
		want := baseFacts
		if r.Quarter == 1 {
			want -= ytdFacts
		}
		var got int
		for _, f := range d.Facts {
			if f.Source == "table" {
				got++
			}
		}
		if got != want {
			t.Errorf("release %d (Q%d): %d table facts, want %d", i, r.Quarter, got, want)
		}
	}
}

// TestSaysItsQuarter checks that what ex99 reads from each release (text
// and HTML) agrees with what synth says it is: company, fiscal quarter and
// year, the quarter's end, the file name, and the net sales figure.
func TestSaysItsQuarter(t *testing.T) {
	names := map[string]bool{}
	releases := sample()
	if race.Enabled { // one goroutine: .ci/run runs them all without -race
		releases = releases[:40]
	}
	for n, i := range releases {
		r := synth.Generate(i, n%3 == 2)
		if names[r.Name] {
			t.Fatalf("release %d: name %s repeats", i, r.Name)
		}
		names[r.Name] = true
		if !strings.Contains(r.Name, fmt.Sprintf("-%dq%d.", r.Year, r.Quarter)) {
			t.Errorf("release %d: name %s, want fiscal %d Q%d", i, r.Name, r.Year, r.Quarter)
		}
		d, err := extract.Parse(r.Name, r.Src)
		if err != nil {
			t.Fatalf("release %d: %v", i, err)
		}
		end := period.Date{Y: r.End.Year(), M: int(r.End.Month()), D: r.End.Day()}
		if d.Company != r.Company || d.Current.FY != r.Year || d.Current.FQ != r.Quarter || d.Current.End != end {
			t.Errorf("release %d (%s): read %q, %s; want %q, Q%d FY%d ended %s", i, r.Name, d.Company, d.Current, r.Company, r.Quarter, r.Year, end)
		}
		if got := revenue(d, end); got != r.Revenue {
			t.Errorf("release %d (%s): net sales for the quarter %q, want %q", i, r.Name, got, r.Revenue)
		}
	}
}

// revenue returns the statement of operations' net sales for the three
// months ended end, as printed.
func revenue(d *extract.Document, end period.Date) string {
	for _, f := range d.Facts {
		if f.Source == "table" && f.Key == "revenue" && f.Entity == "" && f.Period.Months == 3 && f.Period.End == end {
			return strings.TrimSpace(strings.TrimLeft(f.Printed, "$ "))
		}
	}
	return ""
}

// TestCompanyAgrees checks that a company's releases agree: a quarter's
// prior-year column is the year-before release's own figure.
func TestCompanyAgrees(t *testing.T) {
	for _, c := range []int{0, 7, 1234} {
		for k := 0; k+4 < synth.Quarters; k += 5 {
			before, after := synth.Generate(synth.Nth(c, k), false), synth.Generate(synth.Nth(c, k+4), k%2 == 1)
			d, err := extract.Parse(after.Name, after.Src)
			if err != nil {
				t.Fatal(err)
			}
			end := period.Date{Y: before.End.Year(), M: int(before.End.Month()), D: before.End.Day()}
			if got := revenue(d, end); got != before.Revenue {
				t.Errorf("%s says %s's net sales were %q; %s says %q", after.Name, end, got, before.Name, before.Revenue)
			}
		}
	}
}

// TestVariety checks that 100,000 releases have the variety real ones
// have: thousands of companies, fiscal years ending in many months, both
// wordings, and releases of about the seed's size.
func TestVariety(t *testing.T) {
	if race.Enabled {
		t.Skip("a thousand releases, on one goroutine: .ci/run runs this without -race")
	}
	const n = 100_000
	companies := map[string]bool{}
	yearEnds := map[time.Month]int{}
	var size, count int
	wordings := map[bool]int{}
	for i := 0; i < n; i += 97 {
		r := synth.Generate(i, i%4 == 3)
		companies[r.Company] = true
		// the fiscal year ends 3 months after its third quarter …
		yearEnds[time.Month((int(r.End.Month())-1+3*(4-r.Quarter))%12+1)]++
		size += len(r.Src)
		count++
		wordings[bytes.Contains(r.Src, []byte("net revenues"))]++
	}
	if len(companies) < 900 {
		t.Errorf("%d companies in %d releases", len(companies), count)
	}
	if wordings[true] == 0 || wordings[false] == 0 {
		t.Errorf("one wording only: %v", wordings)
	}
	if avg := size / count; avg < 24_000 || avg > 28_000 {
		t.Errorf("releases average %d bytes; the scale estimates assume about 26 KB", avg)
	}
	for _, m := range []time.Month{time.December, time.March, time.June, time.September, time.January, time.February} {
		if yearEnds[m] == 0 {
			t.Errorf("no fiscal year ends in %s: %v", m, yearEnds)
		}
	}
	if yearEnds[time.December] < count/3 {
		t.Errorf("December year ends are not the most common: %v", yearEnds)
	}
}
