package answer

import (
	"os"
	"regexp"
	"slices"
	"testing"
)

// TestStrategyTableMatchesDocs checks that docs/ANSWERING.md lists the
// strategies by name in the order the engine tries them, and that the
// table ends with the strategy that never declines.
func TestStrategyTableMatchesDocs(t *testing.T) {
	b, err := os.ReadFile("../docs/ANSWERING.md")
	if err != nil {
		t.Fatal(err)
	}
	var documented []string
	for _, m := range regexp.MustCompile("(?m)^\\d+\\. `([^`]+)` — ").FindAllStringSubmatch(string(b), -1) {
		documented = append(documented, m[1])
	}
	var names []string
	for _, s := range strategies {
		names = append(names, s.name)
		if s.name == "" || s.path == "" || s.when == "" || s.applies == nil || s.try == nil {
			t.Errorf("strategy %q is incomplete", s.name)
		}
	}
	if !slices.Equal(names, documented) {
		t.Errorf("strategies %q,\ndocs/ANSWERING.md lists %q", names, documented)
	}
	if last := strategies[len(strategies)-1]; last.name != "not found" || last.path != "not found" {
		t.Errorf("the last strategy is %q, want \"not found\"", last.name)
	}
}
