package synth

import (
	"strings"
	"testing"

	"github.com/ex99/ex99/internal/seed"
)

// TestRulesMatchTheSeed checks that every rule still finds its phrase in
// the seed: a rule that matches nothing leaves the seed's own period or
// wording in every release.
func TestRulesMatchTheSeed(t *testing.T) {
	for i, r := range rules {
		if !r.pattern.MatchString(string(seed.Release)) {
			t.Errorf("rule %d (%s) matches nothing in the seed", i, r.pattern)
		}
	}
}

// TestNothingOfTheSeedLeft checks that a release far from the seed's
// fiscal 2004 keeps none of its years, dates or names.
func TestNothingOfTheSeedLeft(t *testing.T) {
	for c := 0; c < 200; c += 7 {
		for k := 0; k < Quarters; k += 5 {
			r := Generate(Nth(c, k), k%2 == 1)
			if r.Year >= 2002 && r.Year <= 2006 {
				continue
			}
			// (Jay Furrow, Joe and Springfield are among the names synth gives)
			for _, s := range []string{"2003", "2004", "Innovo", "INNO", "Fetish", "Shago", "Azteca", "Blue Concept"} {
				if i := strings.Index(string(r.Src), s); i >= 0 {
					t.Errorf("%s (fiscal %d) still says %q: …%s…", r.Name, r.Year, s, r.Src[max(0, i-60):min(len(r.Src), i+60)])
				}
			}
		}
	}
}
