package nlq

import "testing"

// TestQueryString pins the compact form of a parse the golden parses use:
// non-zero fields only, in Query's order, strings quoted where needed.
func TestQueryString(t *testing.T) {
	tests := []struct{ q, want string }{
		{"", `intent=fact`},
		{"Joe's net sales Q2 2004", `intent=fact metric=revenue metrics=[revenue] metric_text="net sales" periods=[(kind=duration months=3 fq=2 fy=2004 text="Q2 2004")] terms=[Joe's] modifiers=[Joe's] words="Joe's net sales" phrases=["net sales"]`},
		{"in which years was revenue less than 15,000 thousands", `intent=compute metric=revenue metrics=[revenue] metric_text=revenue op=compare low bound=15000000 words="years revenue"`},
		{"Why did gross margin decline?", `intent=passage derived="gross margin" metric_text="gross margin" op=change unit=percent change_cue words="gross margin decline" phrases=["gross margin"]`},
	}
	for _, tt := range tests {
		if got := Parse(tt.q).String(); got != tt.want {
			t.Errorf("Parse(%q).String():\n got %s\nwant %s", tt.q, got, tt.want)
		}
	}
}

func TestQuote(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"", `""`}, {"revenue", "revenue"}, {"SG&A", "SG&A"}, {"net sales", `"net sales"`},
		{"a=b", `"a=b"`}, {"[x]", `"[x]"`}, {"é", `"é"`}, {`"`, `"\""`},
	} {
		if got := quote(tt.in); got != tt.want {
			t.Errorf("quote(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}
