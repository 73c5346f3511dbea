package nlq

import (
	"regexp"
	"strings"

	"github.com/ex99/ex99/vocab"
)

// surePassageCue are the passage cues that, opening a question, always
// ask for a passage ("why", "what drove").
var surePassageCue = vocab.Default().Words("sure_passage_cues")

// isPassageQuestion reports why/who/when questions and others that want a
// paragraph, not a figure.
func isPassageQuestion(low string, q Query) bool {
	v := vocab.Default()
	ws := strings.Fields(strings.Trim(low, " ?.!"))
	if len(ws) == 0 {
		return false
	}
	numericVerb := false
	for _, w := range ws[1:] {
		for _, nv := range v.NumericVerbs {
			if strings.Trim(w, "?,.") == nv {
				numericVerb = true
			}
		}
	}
	if reWhatIs.MatchString(low) && (q.Metric != nil || q.Derived != nil) {
		// "what was the deferred compensation plan assets in 2018": a named
		// figure of a date, whatever verbs its name holds
		for _, ps := range q.Periods {
			if ps.Relative == "" && !ps.Since {
				return false
			}
		}
	}
	for _, w := range ws {
		for _, pv := range v.PassageVerbs {
			if strings.Trim(w, "?,.") == pv {
				return !strings.HasPrefix(low, "how much") && !strings.HasPrefix(low, "how many")
			}
		}
	}
	if strings.HasPrefix(low, "how much") || strings.HasPrefix(low, "how many") {
		return false
	}
	for _, c := range byLength(v.PassageCues) {
		if strings.HasPrefix(low, c+" ") || low == c {
			switch {
			case surePassageCue[c]:
				return true
			case c == "which":
				return q.Op != OpCompare
			}
			if numericVerb {
				return false
			}
			if reWhatIs.MatchString(low) {
				// "what is the amount of deposits held", "what was the deposit
				// held at 31 December 2019": a figure, of a date
				for _, w := range ws[2:] {
					for _, n := range v.NumericNouns {
						if strings.Trim(w, "?,.") == n {
							return false
						}
					}
				}
				for _, ps := range q.Periods {
					if ps.Relative == "" && !ps.Since {
						return false
					}
				}
			}
			// "what is/are/does …" wants a figure when it names a metric
			return q.Metric == nil && q.Derived == nil && q.Op == OpNone && q.Unit == ""
		}
	}
	return false
}

// reWhatIs opens a question that asks what something is or was.
var reWhatIs = regexp.MustCompile(`^(?:what|which)\s+(?:is|was|are|were)\b`)
