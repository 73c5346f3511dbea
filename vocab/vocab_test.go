package vocab

import "testing"

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
		if got := Normalize(tt.in); got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
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
