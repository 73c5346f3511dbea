package vocab

import (
	"reflect"
	"sort"
	"strings"
	"testing"
)

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"INCOME (LOSS) FROM OPERATIONS", "income from operations"},
		{"NET INCOME/ (LOSS)", "net income"},
		{"Earnings/ (loss) per share", "earnings per share"},
		{"TOTAL STOCKHOLDERS' EQUITY", "total stockholders equity"},
		{"SG&A", "sg and a"},
		{"Fetish™ inventory", "fetish inventory"},
		{"non-cash charge", "noncash charge"},
		{"Net Income As Reported (See Note)", "net income as reported"},
	}
	for _, tt := range tests {
		// twice: the second answer comes from the memo
		for range 2 {
			if got := Normalize(tt.in); got != tt.want {
				t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
			}
		}
	}
	// past the memo's size (it starts again) and its longest text
	long := strings.Repeat("Net Sales ", normMemoMaxLen/10+1)
	for i := range normMemoSize + 10 {
		s := tests[i%len(tests)].in + strings.Repeat(" x", i%7)
		if got, want := Normalize(s), normalize(s); got != want {
			t.Fatalf("Normalize(%q) = %q, want %q", s, got, want)
		}
	}
	if got, want := Normalize(long), normalize(long); got != want || len(normMemo.m) > normMemoSize {
		t.Fatalf("Normalize of a long text = %q, want %q (memo %d)", got, want, len(normMemo.m))
	}
}

func TestMetricByName(t *testing.T) {
	v := Default()
	tests := []struct{ in, key string }{
		{"NET SALES", "revenue"},
		{"Revenues", "revenue"},
		{"INCOME (LOSS) FROM OPERATIONS", "operating_income"},
		{"net loss", "net_income"},
		{"COST OF GOODS SOLD", "cost_of_sales"},
		{"Selling, general and administrative", "sga"},
		{"gross margins", "gross_margin"},
		{"Inventories", "inventories"},
		{"Accumulated deficit", "accumulated_deficit"},
		{"other assets", ""},
	}
	for _, tt := range tests {
		m := v.MetricByName(tt.in)
		got := ""
		if m != nil {
			got = m.Key
		}
		if got != tt.key {
			t.Errorf("MetricByName(%q) = %q, want %q", tt.in, got, tt.key)
		}
	}
}

func TestFindMetrics(t *testing.T) {
	v := Default()
	spans := v.FindMetrics(Tokens("What was the operating margin and net sales?"))
	if len(spans) != 2 || spans[0].Derived == nil || spans[1].Metric == nil || spans[1].Metric.Key != "revenue" {
		t.Fatalf("FindMetrics: %+v", spans)
	}
}

// findMetricsPlain is FindMetrics without its shortcut: every phrase is
// joined and folded.
func findMetricsPlain(v *Vocab, tokens []string) []Span {
	var out []Span
	used := make([]bool, len(tokens))
	for n := min(v.maxWords, len(tokens)); n >= 1; n-- {
		for i := 0; i+n <= len(tokens); i++ {
			if anyUsed(used[i : i+n]) {
				continue
			}
			p := fold(strings.Join(tokens[i:i+n], " "))
			d, m := v.derived[p], v.byName[p]
			if d == nil && m == nil {
				continue
			}
			out = append(out, Span{Start: i, End: i + n, Metric: m, Derived: d})
			for j := i; j < i+n; j++ {
				used[j] = true
			}
		}
	}
	sort.Slice(out, func(a, b int) bool { return out[a].Start < out[b].Start })
	return out
}

func TestFindMetricsShortcut(t *testing.T) {
	v := Default()
	var texts []string
	for _, m := range v.Metrics {
		for _, n := range m.Names {
			texts = append(texts, n, "the "+n+" and "+n+"s for our segment", "Joe's "+n+" increased", strings.ToUpper(n))
		}
	}
	for _, d := range v.Derived {
		texts = append(texts, d.Name, "our "+d.Name+" rose", strings.Join(d.Names, " "))
	}
	texts = append(texts, "", "net sales net sales", "gross margins of the inventories", "income (loss) from operations")
	for _, s := range texts {
		for _, toks := range [][]string{Tokens(s), strings.Split(Normalize(s), " "), append(Tokens(s), "", "net sales", " ")} {
			if got, want := v.FindMetrics(toks), findMetricsPlain(v, toks); !reflect.DeepEqual(got, want) {
				t.Fatalf("FindMetrics(%q) = %v, want %v", toks, got, want)
			}
		}
	}
}
