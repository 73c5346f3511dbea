package extract

import "testing"

// TestCompanyName reads the company's name from a release's opening text.
func TestCompanyName(t *testing.T) {
	tests := []struct {
		opening, want string
	}{
		{"Innovo Group Inc. (NASDAQ: INNO) today disclosed its results.", "Innovo Group Inc."},
		{"ABVC BioPharma, Inc. (NASDAQ: ABVC), a clinical-stage company, reported results.", "ABVC BioPharma, Inc."},
		{"Apple® today announced financial results for its fiscal 2024 first quarter.", "Apple"},
		// fixed bugs: a letter outside ASCII broke the name, and only its
		// suffix was left ("Inc.")
		{"Nestlé Holdings, Inc. today announced results for the quarter.", "Nestlé Holdings, Inc."},
		{"Ölwerke Brandt Inc. (NYSE: OWB) today reported net sales of $5 million.", "Ölwerke Brandt Inc."},
		{"Société Générale Group announced results.", "Société Générale Group"},
		{"Čapek Motors today announced record sales.", "Čapek Motors"},
	}
	for _, tt := range tests {
		doc := &Document{Passages: []Passage{{Text: tt.opening}}}
		if got := findCompany(doc); got != tt.want {
			t.Errorf("findCompany(%q) = %q, want %q", tt.opening, got, tt.want)
		}
	}
}
