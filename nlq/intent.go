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
	low = questionClause(low)
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

// Forms of question that ask for text whatever figure they name
// (Query.TextForm).
const (
	FormYesNo      = "yes/no"     // "were there any impairment charges in 2019?"
	FormStranded   = "stranded"   // "what was the increase due to?"
	FormDefinition = "definition" // "what is EBITDA?", "what does X include?"
	FormTable      = "table"      // "what does the table show?"
)

var (
	yesNoOpener     = vocab.Default().Words("yes_no_openers")
	textPreposition = vocab.Default().Words("text_prepositions")
	definitionWord  = vocab.Default().Words("definition_words")
	textVerb        = vocab.Default().Words("text_verbs")
	tableWord       = vocab.Default().Words("table_words")
	determiner      = vocab.Default().Words("determiners")
	changeWord      = union(vocab.Default().Words("change_cues"), vocab.Default().Words("growth_words"))
	figureNoun      = union(vocab.Default().Words("sum_of_words"), listSet(vocab.Default().NumericNouns))
	doAuxiliary     = vocab.Default().Words("do_auxiliaries")
)

// textForm names the form of a question that asks for text, not a
// figure, whatever metric it names; "" when it has none of these forms:
//
//	yes/no:      is|are|was|were|did|does|has … ? ("were there any impairment charges in 2019?")
//	stranded:    … P? with P a preposition ("what was the increase driven by?"),
//	             but not "how much|many …" nor "… increase by?"
//	table:       what|which … table … with no figure or period named
//	             ("what does the table show?")
//	definition:  what is|are X? with X a bare noun phrase (no determiner,
//	             period, operation, amount word or possessive: "what is
//	             EBITDA?"); what is|are <participle> P … ("what is included
//	             in X"); … definition|meaning … ; what|which … do|does|did X V
//	             with V a text verb ("what does X include?")
func textForm(low string, q Query) string {
	ws := questionWords(questionClause(low))
	if len(ws) < 2 || q.HasBound {
		return ""
	}
	first, last := ws[0], ws[len(ws)-1]
	if yesNoOpener[first] && q.Op != OpCompare {
		return FormYesNo
	}
	howMuch := first == "how" && (ws[1] == "much" || ws[1] == "many")
	if textPreposition[last] && !howMuch && len(ws) > 2 && !changeWord[ws[len(ws)-2]] {
		return FormStranded
	}
	if first != "what" && first != "which" {
		return ""
	}
	for _, w := range ws {
		if definitionWord[w] {
			return FormDefinition
		}
	}
	if q.Op != OpNone {
		return ""
	}
	if q.Metric == nil && q.Derived == nil && len(q.Periods) == 0 {
		for _, w := range ws {
			if tableWord[w] {
				return FormTable
			}
		}
	}
	for i, w := range ws[1:] {
		if doAuxiliary[w] {
			for _, v := range ws[i+2:] {
				if textVerb[v] {
					return FormDefinition
				}
			}
			break
		}
	}
	if ws[1] != "is" && ws[1] != "are" || len(ws) < 3 {
		return ""
	}
	if strings.HasSuffix(ws[2], "ed") && len(ws) > 3 && textPreposition[ws[3]] {
		// "what is included in the restructuring plans?"
		return FormDefinition
	}
	if determiner[ws[2]] || len(q.Periods) > 0 || q.Metric != nil && len(q.Terms) > 0 {
		// "what is the revenue?", "what is EBITDA in 2019?", "what is
		// Goldman ROE?": a figure
		return ""
	}
	for _, w := range ws[2:] {
		if figureNoun[w] || isPossessive(w) || strings.ContainsAny(w, "0123456789") {
			return ""
		}
	}
	return FormDefinition
}

// questionOpeners are the words that open the asking clause of a
// question: the first words of vocab's passage cues ("why", "what",
// "how") and the yes/no openers.
var questionOpeners = func() map[string]bool {
	out := map[string]bool{}
	for _, c := range vocab.Default().PassageCues {
		out[strings.Fields(c)[0]] = true
	}
	for w := range yesNoOpener {
		out[w] = true
	}
	return out
}()

// questionClause is the asking clause of a lower-case question that opens
// with a phrase of its own: "in 2019, why did the gross margin decrease?"
// asks "why did the gross margin decrease?". A question that opens with
// an opener, or has no comma before one, is its own clause.
func questionClause(low string) string {
	if ws := strings.Fields(low); len(ws) == 0 || questionOpeners[ws[0]] {
		return low
	}
	for at := strings.Index(low, ", "); at >= 0; {
		rest := low[at+2:]
		if ws := strings.Fields(rest); len(ws) > 0 && questionOpeners[ws[0]] {
			return rest
		}
		next := strings.Index(rest, ", ")
		if next < 0 {
			break
		}
		at += 2 + next
	}
	return low
}

// questionWords are the words of a lower-case question, without the
// punctuation around them.
func questionWords(low string) []string {
	var ws []string
	for _, w := range strings.Fields(low) {
		if w = strings.Trim(w, "?.,;:!()\"“”"); w != "" {
			ws = append(ws, w)
		}
	}
	return ws
}

// isPossessive reports a word that names an owner ("apple's", "sachs'").
func isPossessive(w string) bool {
	return strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s") || strings.HasSuffix(w, "s'") || strings.HasSuffix(w, "s’")
}

func union(a, b map[string]bool) map[string]bool {
	out := map[string]bool{}
	for w := range a {
		out[w] = true
	}
	for w := range b {
		out[w] = true
	}
	return out
}

func listSet(ws []string) map[string]bool {
	out := map[string]bool{}
	for _, w := range ws {
		out[w] = true
	}
	return out
}
