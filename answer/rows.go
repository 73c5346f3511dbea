package answer

import (
	"fmt"
	"sort"
	"strings"

	"github.com/ex99/ex99/index"
	"github.com/ex99/ex99/nlq"
	"github.com/ex99/ex99/vocab"
	"github.com/shopspring/decimal"
)

// maxRowsShown is how many rows a comparison of rows lists in its answer.
const maxRowsShown = 6

// highestRow is strategy "highest row": of the table whose row best fits
// the question's figure, the row (other than its totals) with the highest
// or lowest figure in the same column ("which segment had the highest
// revenue in Q2 2004": the segment's name, with every segment's figure).
func (at *attempt) highestRow() (Answer, string) {
	e, q, ctx := at.e, at.q, at.ctx
	first, ok := e.rowToCompare(q, ctx)
	if !ok {
		return Answer{}, "no table row fits"
	}
	rows, err := e.columnRows(first)
	if err != nil || len(rows) < 2 {
		return Answer{}, "fewer than two rows to compare"
	}
	sort.SliceStable(rows, func(i, j int) bool {
		if q.Low {
			return rows[i].Value.LessThan(rows[j].Value)
		}
		return rows[i].Value.GreaterThan(rows[j].Value)
	})
	w := rows[0]
	shown := rows[:min(len(rows), maxRowsShown)]
	var parts []string
	for _, f := range shown {
		parts = append(parts, fmt.Sprintf("%s: %s", f.Metric, formatValue(f.Value, f.Unit)))
	}
	adj := "highest"
	if q.Low {
		adj = "lowest"
	}
	name := metricName(q)
	a := computed(ctx, name, w.Value, -1, w.Unit, strings.Join(parts, "; "), w.Period, shown...)
	a.Answer = fmt.Sprintf("%s — the %s with the %s %s, %s (%s)", w.Metric, orWord(q.RowKind, "row"), adj, name, a.Period, strings.Join(parts, "; "))
	a.Value, a.num = "", decimal.Decimal{}
	return a, ""
}

// rowToCompare is the best table figure for the question's figure at the
// period asked (the release's latest when none is).
func (e *Engine) rowToCompare(q nlq.Query, ctx *docCtx) (index.Fact, bool) {
	oq := q
	oq.Op, oq.AcrossRows = nlq.OpNone, false
	ts := resolve(oq, ctx.info, balanceMetric(oq))
	if len(ts) == 0 {
		return index.Fact{}, false
	}
	for _, c := range e.findFacts(oq, ctx, q.Metric, ts[0], "") {
		if c.f.Source == "table" {
			return c.f, true
		}
	}
	return index.Fact{}, false
}

// columnRows are the rows first's figure is one of, or the total of: the
// level figures in its table column, of its unit, in its section of the
// table (the rows under one heading), but for rows that are a total
// ("Total", "Consolidated"). A table without sections compares rows that
// name entities (segments, regions) only: the rows of a statement are
// different figures, not parts to rank.
func (e *Engine) columnRows(first index.Fact) ([]index.Fact, error) {
	all, err := e.Index.AllFacts(first.Doc)
	if err != nil {
		return nil, err
	}
	sec := strings.Join(first.Section, "\x00")
	var rows []index.Fact
	for _, f := range all {
		if f.Source != "table" || f.TableIndex != first.TableIndex || f.ColIndex != first.ColIndex ||
			f.Change != "" || f.Unit != first.Unit || wholeRow(f.Metric) || containsFact(rows, f) {
			continue
		}
		if strings.Join(f.Section, "\x00") != sec || sec == "" && f.Entity == "" {
			continue
		}
		rows = append(rows, f)
	}
	return rows, nil
}

// wholeRow reports a row label that opens with a word of the whole
// ("Total revenues", "Consolidated"): a sum of the other rows.
func wholeRow(label string) bool {
	ws := strings.Fields(strings.ToLower(label))
	return len(ws) > 0 && vocab.Default().IsWhole(strings.Trim(ws[0], ":,"))
}

// orWord is w, or def when w is empty.
func orWord(w, def string) string {
	if w == "" {
		return def
	}
	return w
}
