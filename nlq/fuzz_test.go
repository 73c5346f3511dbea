package nlq

import (
	"strings"
	"testing"
	"unicode/utf8"
)

var questionSeeds = []string{
	"What were net sales in the second quarter of fiscal 2004?", "net sales Q2 2004", "EPS Q2 03", "diluted EPS for the six months ended May 29, 2004",
	"change in net sales from Q2 2003 to Q2 2004", "operating margin to two decimal places", "why did gross margin decline?", "Joe's net sales",
	"cash at November 29, 2003", "revenue 2Q04", "current ratio", "who is the CEO?", "", "title:x AND +y", "*", `"unbalanced`, "30023",
	"売上高 2004年", "📈 net sales", "net\x00sales", strings.Repeat("net sales ", 50),
}

// FuzzParse: any question parses, and what comes back stays within it.
func FuzzParse(f *testing.F) {
	for _, s := range questionSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, question string) {
		q := Parse(question)
		if q.Text != question {
			t.Fatalf("Text %q, want the question", q.Text)
		}
		if q.Places < -1 {
			t.Fatalf("places %d", q.Places)
		}
		if utf8.ValidString(question) && !utf8.ValidString(q.Words) {
			t.Fatalf("words not UTF-8: %q", q.Words)
		}
		switch q.Intent {
		case Lookup, Compute, Passage:
		default:
			t.Fatalf("intent %q", q.Intent)
		}
	})
}

// TestParseOdd: odd questions parse, fast.
func TestParseOdd(t *testing.T) {
	for _, s := range append(questionSeeds, strings.Repeat("Q2 2004 ", 1250), strings.Repeat("x", 10000), strings.Repeat("$1,000 ", 1500)) {
		_ = Parse(s)
	}
}
