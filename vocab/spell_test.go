package vocab

import "testing"

func TestOneEdit(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"revnue", "revenue", true},   // a letter left out
		{"revenuee", "revenue", true}, // one added
		{"revanue", "revenue", true},  // one changed
		{"nvidai", "nvidia", true},    // two swapped
		{"catepillar", "caterpillar", true},
		{"revenue", "revenue", false}, // the same word is no edit
		{"reveune", "revenue", true},  // swapped
		{"rveenue", "revenue", true},  // swapped
		{"reuenve", "revenue", false}, // two apart
		{"income", "incomes", true},
		{"expense", "expanse", true},
		{"margin", "martin", true},
		{"margin", "mortgage", false},
		{"", "a", true},
		{"", "ab", false},
	}
	for _, tt := range tests {
		if got := OneEdit(tt.a, tt.b); got != tt.want {
			t.Errorf("OneEdit(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
		if got := OneEdit(tt.b, tt.a); got != tt.want {
			t.Errorf("OneEdit(%q, %q) = %v, want %v", tt.b, tt.a, got, tt.want)
		}
	}
}

func TestSpelled(t *testing.T) {
	v := Default()
	tests := []struct{ w, want string }{
		{"revnue", "revenue"},
		{"incme", "income"},
		{"revenue", ""}, // a name word is spelled right
		{"sals", ""},    // too short to tell
		{"shago", ""},   // near no name word
		// fixed bugs
		{"divided", ""},  // a verb, not "dividend"
		{"inventor", ""}, // a word, not "inventory" cut short
		{"activites", "activity"},
	}
	for _, tt := range tests {
		got, ok := v.Spelled(tt.w)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("Spelled(%q) = %q, %v, want %q", tt.w, got, ok, tt.want)
		}
	}
}
