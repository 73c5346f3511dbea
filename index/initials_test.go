package index

import "testing"

func TestInitials(t *testing.T) {
	tests := []struct{ company, want string }{
		{"The Goldman Sachs Group, Inc.", "gs"},
		{"Sears, Roebuck and Co.", "sr"},
		{"Apple Inc.", ""},                             // one letter says nothing
		{"The PNC Financial Services Group, Inc.", ""}, // one distinctive word
		{"International Technology Corp.", ""},         // "it" is a word of questions
		{"Alpha Beta Gamma Delta Epsilon Inc.", ""},    // five letters: not initials a user types
		{"", ""},
	}
	for _, tt := range tests {
		if got := initials(tt.company); got != tt.want {
			t.Errorf("initials(%q) = %q, want %q", tt.company, got, tt.want)
		}
	}
}
