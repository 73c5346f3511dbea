package nlq

import (
	"strings"

	"github.com/ex99/ex99/internal/lazy"
	"github.com/ex99/ex99/vocab"
	"github.com/shopspring/decimal"
)

// reBound is a comparison with a figure: "less than 15,000 thousands",
// "above $2.5 million", "less than 50%".
var reBound = lazy.NewRegexp(`\b` + vocab.Default().Group("bound_words") + `\s*(?:than\s*)?(-?\$?\s?\d[\d,]*(?:\.\d+)?)\s*(%|thousands?|millions?|billions?|k\b|m\b|bn\b)?`)

// comparison reads what a comparison asks for: the greater or smaller
// figure, or the figures beyond a bound; its words leave the terms.
func comparison(q *Query, v *vocab.Vocab, lrest string) {
	drop := map[string]bool{}
	for _, w := range v.Phrases("compare_fillers") {
		drop[w] = true
	}
	for _, w := range v.CompareHigh {
		drop[w] = true
	}
	for _, w := range v.CompareLow {
		drop[w] = true
		if len(findPhrase(lrest, w)) > 0 {
			q.Low = true
		}
	}
	if m := reBound.FindStringSubmatch(lrest); m != nil {
		num := strings.NewReplacer("$", "", ",", "", " ", "").Replace(m[1])
		if d, err := decimal.NewFromString(num); err == nil {
			if sc, ok := v.Scale(strings.TrimSuffix(m[2], "s")); ok {
				d = d.Shift(sc)
			} else if sc, ok := v.Scale(m[2]); ok {
				d = d.Shift(sc)
			}
			q.Bound, q.HasBound = d, true
			for _, w := range strings.Fields(strings.NewReplacer(",", " ", "$", " ", "%", " ").Replace(m[0])) {
				drop[w] = true
			}
		}
	} else if len(findPhrase(lrest, "negative")) > 0 || len(findPhrase(lrest, "positive")) > 0 {
		q.Bound, q.HasBound = decimal.Zero, true
		q.Low = len(findPhrase(lrest, "negative")) > 0
	}
	keep := func(ws []string) []string {
		var out []string
		for _, w := range ws {
			lw := strings.ToLower(w)
			if drop[lw] || q.HasBound && strings.Trim(lw, "0123456789,.$") == "" {
				continue
			}
			out = append(out, w)
		}
		return out
	}
	q.Terms = keep(q.Terms)
	q.Words = strings.Join(keep(strings.Fields(q.Words)), " ")
	q.Modifiers = keep(q.Modifiers)
}
