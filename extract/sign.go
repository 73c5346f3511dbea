package extract

import (
	"sync"

	"github.com/ex99/ex99/vocab"
)

// lossSign gives a sentence's figure of a loss the sign of the metric it
// is a loss of: "generated a net loss of $6.7 million" is net income of
// -6,728,000, "a net loss of $0.23 per share" EPS of -0.23. Tables print
// a loss's sign themselves; a sentence prints the amount and says "loss".
//
// It applies to a level (not a change) whose description names a loss
// (vocab loss_words) and whose metric is signed by loss: the metric has
// names with a loss word ("net loss") and names without ("net income"). A
// metric every name of which says loss ("provision for credit losses") is
// positive as stated.
func lossSign(f *Fact, desc string) {
	if f.Source != "text" || f.Change != "" || !f.Value.IsPositive() || !signedByLoss(f.Key) || !namesLoss(desc) {
		return
	}
	f.Value = f.Value.Neg()
}

// signedByLoss reports a metric whose names say loss for some and not for
// others.
func signedByLoss(key string) bool { return lossSigned()[key] }

// lossSigned are the keys of the metrics signed by loss, found once, when
// first asked: extraction asks of every sentence figure.
var lossSigned = sync.OnceValue(func() map[string]bool {
	out := map[string]bool{}
	for _, m := range vocab.Default().Metrics {
		with, without := false, false
		for _, n := range m.Names {
			if namesLoss(n) {
				with = true
			} else {
				without = true
			}
		}
		out[m.Key] = with && without
	}
	return out
})

// namesLoss reports text with a word of loss.
func namesLoss(text string) bool {
	loss := vocab.Default().Words("loss_words")
	for _, w := range vocab.Tokens(text) {
		if loss[w] {
			return true
		}
	}
	return false
}
