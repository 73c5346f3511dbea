package extract

import (
	"slices"
	"testing"
)

// TestEntityNames: what a release's entity list holds are names of its
// segments, regions and brands, not periods, bases, comparisons or line
// items.
func TestEntityNames(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string // entities, in order
	}{
		{"a respectively list of names", "On a subsidiary level, gross margins for Innovo, Inc., Joe's Jeans and IAA were 22%, 32% and 5%, respectively.\n",
			[]string{"IAA", "Innovo, Inc.", "Joe's Jeans"}},
		{"a breakdown by region under a heading", `<table><tr><td></td><td>2024</td><td>2023</td></tr>
<tr><td>Revenues:</td><td></td><td></td></tr>
<tr><td>Americas</td><td>5</td><td>4</td></tr><tr><td>Europe</td><td>3</td><td>2</td></tr>
<tr><td>Elimination of inter-region sales</td><td>(1)</td><td>(1)</td></tr><tr><td>Total</td><td>7</td><td>5</td></tr></table>`,
			[]string{"Americas", "Europe"}},

		// fixed bugs
		{"a respectively list of periods and bases (the quarter, GAAP, respectively)",
			"For the quarter, GAAP and non-GAAP gross margins were 75.0% and 75.2%, respectively. The tax rate was 20.0% and 19.3% in the fourth quarter of fiscal 2014 and 2013, respectively, and an effective non-GAAP tax rate of 22.8% and 23.4% in the fourth quarter of fiscal 2014 and 2013, respectively.\n",
			nil},
		{"comparison columns (Q/Q, Y/Y) name no entity", `<table><tr><td>($ in millions)</td><td>Q4 FY26</td><td>Q3 FY26</td><td>Q/Q</td><td>Y/Y</td></tr>
<tr><td>Revenue</td><td>$68,127</td><td>$57,006</td><td>20%</td><td>73%</td></tr></table>`, nil},
		{"a name with a plural's apostrophe is no possessive (Lands' End)",
			"Kenmore, Craftsman, DieHard and Lands' End brands handle about 14 million service calls a year.\n", nil},
		{"a one-word line item among line items (Selling)", `<table><tr><td></td><td>2024</td><td>2023</td></tr>
<tr><td>OPERATING EXPENSES:</td><td></td><td></td></tr>
<tr><td>Selling</td><td>71,986</td><td>70,242</td></tr><tr><td>General and administrative</td><td>13,602</td><td>12,908</td></tr></table>`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			name := "r.txt"
			if tt.src[0] == '<' {
				name = "r.htm"
			}
			d, err := Parse(name, []byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(d.Entities, tt.want) {
				t.Errorf("entities %q, want %q", d.Entities, tt.want)
			}
		})
	}
}
