package answer

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/ex99/ex99/extract"
	"github.com/shopspring/decimal"
)

// TestNoScaleNote: an amount from a table whose release states no scale is
// given as printed, and the answer says the scale is not stated; a
// percentage change of such amounts (which no scale changes) and an amount
// whose scale is stated say nothing of it.
func TestNoScaleNote(t *testing.T) {
	const table = `<table>
<tr><td></td><td>2019</td><td>2018</td></tr>
<tr><td>Total loans</td><td>828.8</td><td>885.3</td></tr>
</table>`
	for _, tt := range []struct {
		name, unit, q string
		value         string
		note          bool
	}{
		{"lookup", "", "What were total loans in 2019?", "828.8", true},
		{"change", "", "What was the change in total loans from 2018 to 2019?", "-56.5", true},
		{"percentage change", "", "What was the percentage change in total loans from 2018 to 2019?", "-6.38", false},
		{"scale stated", "<p>(in millions)</p>", "What were total loans in 2019?", "828800000", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "r.htm")
			if err := os.WriteFile(path, []byte("<html><body><p>Loans of the bank.</p>"+tt.unit+table+"</body></html>"), 0o644); err != nil {
				t.Fatal(err)
			}
			x := memIndex(t, path)
			defer x.Close()
			a := (&Engine{Index: x, Doc: "r.htm"}).Ask(tt.q)
			if a.Value != tt.value {
				t.Fatalf("Ask(%q) = %s %q; want %q\n%s", tt.q, a.Kind, a.Value, tt.value, a.Answer)
			}
			if got := a.Note == noScaleNote; got != tt.note {
				t.Errorf("Ask(%q) note %q; want the no-scale note: %v", tt.q, a.Note, tt.note)
			}
		})
	}
}

func TestFormatValueUnits(t *testing.T) {
	for _, tt := range []struct {
		v, unit, want string
	}{
		{"2027", extract.Year, "2027"},
		{"4.2", "years", "4.2"},
		{"2027000", extract.USD, "$2,027,000"},
		{"0.75", extract.PerShare, "$0.75 per share"},
	} {
		if got := formatValue(decimal.RequireFromString(tt.v), tt.unit); got != tt.want {
			t.Errorf("formatValue(%s, %q) = %q, want %q", tt.v, tt.unit, got, tt.want)
		}
	}
}
