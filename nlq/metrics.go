package nlq

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ex99/ex99/internal/lazy"
	"github.com/ex99/ex99/vocab"
)

// headPrep words end the head of a noun phrase in a question ("of",
// "related to").
var headPrep = vocab.Default().Words("head_prepositions")

// questionWord words ask and name nothing ("what", "how much", "please").
var questionWord = vocab.Default().Words("question_words")

// atHead reports whether phrase occurs in low where it ends its noun
// phrase: a one-word cue ("rate") followed by another noun ("interest rate
// swaps") is part of a name, not the head.
func atHead(low, phrase string) bool {
	if !slices.Contains(vocab.Default().UnitHeads, phrase) {
		return len(findPhrase(low, phrase)) > 0
	}
	return endsPhrase(low, phrase)
}

// endsPhrase reports whether phrase occurs in low where it ends a noun
// phrase: at the end, or before a preposition, a stopword, a question
// word or a period ("the tax rate in 2019").
func endsPhrase(low, phrase string) bool {
	for _, at := range findPhrase(low, phrase) {
		if endsAt(low, at+len(phrase)) {
			return true
		}
	}
	return false
}

// endsAt reports whether a noun phrase of low may end at byte end.
func endsAt(low string, end int) bool {
	rest := strings.Fields(low[end:])
	if len(rest) == 0 {
		return true
	}
	next := strings.Trim(rest[0], "?.,;:!()")
	return next == "" || headPrep[next] || vocab.Default().IsStopword(next) || questionWord[next] || reYearWord.MatchString(next)
}

// signNamesFigure reports a unit sign written after a figure's name, where
// the name ends ("the leasehold valuation % from 2018"): the figure's own
// unit. After a number ("by 14%") or an operation ("the change (%)") the
// sign is not the figure's.
func signNamesFigure(low, sign string, v *vocab.Vocab) bool {
	for _, at := range findPhrase(low, sign) {
		before := strings.TrimRight(low[:at], " (")
		r, _ := utf8.DecodeLastRuneInString(before)
		if !unicode.IsLetter(r) || !endsAt(low, at+len(sign)) || endsWithOp(before, v) {
			continue
		}
		return true
	}
	return false
}

// endsWithOp reports text that ends with an operation cue ("the change").
func endsWithOp(text string, v *vocab.Vocab) bool {
	for _, phs := range v.Ops {
		for _, ph := range phs {
			if hasPhrase(text, ph) && strings.HasSuffix(text, ph) {
				return true
			}
		}
	}
	return false
}

var reYearWord = lazy.NewRegexp(`^(?:19|20)\d\d$|^q[1-4]$|^fy\d*$`)

// outsideNames drops the metric spans that lie inside one of names, found
// as whole words in the normalized tokens nt.
func outsideNames(spans []vocab.Span, nt []string, names []string) []vocab.Span {
	inside := make([]bool, len(nt))
	for _, n := range names {
		ws := vocab.Tokens(n)
		if len(ws) < 2 {
			continue // a one-word name ("Joe's") cannot hide a metric
		}
		for i := 0; i+len(ws) <= len(nt); i++ {
			if slices.Equal(nt[i:i+len(ws)], ws) {
				for k := i; k < i+len(ws); k++ {
					inside[k] = true
				}
			}
		}
	}
	out := spans[:0:0]
	for _, sp := range spans {
		all := true
		for k := sp.Start; k < sp.End; k++ {
			all = all && inside[k]
		}
		if !all {
			out = append(out, sp)
		}
	}
	return out
}

// auxiliaries are the verbs a question puts inside a metric's name ("how
// much net cash was used for financing activities"), and the share bases
// it may put there ("net income per diluted share"); names are matched as
// if they were not there (the basis is read from the question apart).
var auxiliaries = vocab.Default().Words("auxiliaries")

// findMetrics is v.FindMetrics over the tokens without auxiliaries, its
// spans given back in positions of tokens.
func findMetrics(v *vocab.Vocab, tokens []string) []vocab.Span {
	var kept []string
	var at []int
	for i, t := range tokens {
		if auxiliaries[t] && i > 0 {
			continue
		}
		kept = append(kept, t)
		at = append(at, i)
	}
	if len(kept) == len(tokens) {
		return v.FindMetrics(tokens)
	}
	spans := v.FindMetrics(kept)
	for i := range spans {
		spans[i].Start, spans[i].End = at[spans[i].Start], at[spans[i].End-1]+1
	}
	return spans
}
