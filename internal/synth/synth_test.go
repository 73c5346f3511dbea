package synth_test

import (
	"bytes"
	"testing"

	"github.com/ex99/ex99/extract"
	"github.com/ex99/ex99/internal/seed"
	"github.com/ex99/ex99/internal/synth"
)

// TestLikeTheSeed checks that synthetic plain-text releases read like the
// release they are made from: same passages, tables and facts, their own
// company name, and unique file names.
func TestLikeTheSeed(t *testing.T) {
	base, err := extract.Parse(seed.Name, seed.Release)
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for i := 0; i < 40; i++ {
		r := synth.Generate(i, false)
		if names[r.Name] {
			t.Fatalf("release %d: name %s repeats", i, r.Name)
		}
		names[r.Name] = true
		if !bytes.Equal(r.Src, synth.Generate(i, false).Src) {
			t.Fatalf("release %d differs between runs", i)
		}
		d, err := extract.Parse(r.Name, r.Src)
		if err != nil {
			t.Fatalf("release %d: %v", i, err)
		}
		if d.Company != r.Company {
			t.Errorf("release %d: company %q, want %q", i, d.Company, r.Company)
		}
		if len(d.Tables) != len(base.Tables) || len(d.Passages) != len(base.Passages) {
			t.Errorf("release %d: %d tables, %d passages; the seed has %d, %d", i, len(d.Tables), len(d.Passages), len(base.Tables), len(base.Passages))
		}
		var tf, bf int
		for _, f := range d.Facts {
			if f.Source == "table" {
				tf++
			}
		}
		for _, f := range base.Facts {
			if f.Source == "table" {
				bf++
			}
		}
		if tf != bf {
			t.Errorf("release %d: %d table facts; the seed has %d", i, tf, bf)
		}
		if d.Current.FY != r.Year {
			t.Errorf("release %d: current period %s, want fiscal %d", i, d.Current, r.Year)
		}
	}
}

// TestHTML checks that HTML releases parse and keep colspans over the
// period headers.
func TestHTML(t *testing.T) {
	r := synth.Generate(3, true)
	if r.Format != "html" || !bytes.Contains(r.Src, []byte(`colspan="2"`)) || !bytes.Contains(r.Src, []byte("<table>")) {
		t.Fatalf("release 3 as HTML lacks tables with colspans:\n%.2000s", r.Src)
	}
	if _, err := extract.Parse(r.Name, r.Src); err != nil {
		t.Fatal(err)
	}
}
