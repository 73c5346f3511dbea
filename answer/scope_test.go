package answer

import (
	"slices"
	"testing"

	"github.com/ex99/ex99/index"
	"github.com/ex99/ex99/nlq"
)

// TestNamedAmong checks which releases a question names among those a
// company search found.
func TestNamedAmong(t *testing.T) {
	docs := []index.DocInfo{
		{Name: "nuzoxa", Company: "Nuzoxa Apparel Inc."},
		{Name: "dabeque", Company: "Dabeque Apparel Inc."},
		{Name: "joes", Company: "Joe's Jeans Inc."},
		{Name: "innovo", Company: "Innovo Group Inc."},
		{Name: "nuzoxa-brands", Company: "Nuzoxa Brands Inc."},
	}
	tests := []struct {
		question string
		want     []string
	}{
		{"Dabeque Apparel net sales", []string{"dabeque"}},
		{"Apparel net sales", []string{"nuzoxa", "dabeque"}},
		{"Joe's Jeans and Innovo net sales", []string{"joes", "innovo"}},
		{"Nuzoxa net sales", []string{"nuzoxa", "nuzoxa-brands"}},
		{"Zorvami net sales", nil},
		// fixed bugs
		// every "... Apparel Inc." was in scope (and asked) with the one named
		{"Nuzoxa Apparel net sales Q2 2002", []string{"nuzoxa"}},
	}
	for _, tt := range tests {
		var got []string
		for _, d := range namedAmong(nlq.Parse(tt.question), docs) {
			got = append(got, d.Name)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%q: named %v, want %v", tt.question, got, tt.want)
		}
	}
}
