package nlq

import (
	"strconv"
	"strings"
)

// String prints the parse compactly and stably, for golden files and
// debugging: the non-zero fields as field=value pairs, always in the
// order of Query's fields (the question's own text is left out). Metrics
// print as their vocabulary keys, a derived figure as its name, periods
// as their own field=value pairs in parentheses; strings are quoted
// where they hold a space or are empty.
//
//	intent=compute metric=revenue op=change periods=[(kind=duration end=2004 months=3 fq=2 fy=2004 text="Q2 2004"),...] words="net sales"
func (q Query) String() string {
	var b pairs
	b.add("intent", string(q.Intent))
	if q.Metric != nil {
		b.add("metric", q.Metric.Key)
	}
	if len(q.Metrics) > 0 {
		keys := make([]string, len(q.Metrics))
		for i, m := range q.Metrics {
			if m != nil {
				keys[i] = m.Key
			}
		}
		b.list("metrics", keys)
	}
	if q.Derived != nil {
		b.add("derived", q.Derived.Name)
	}
	b.add("metric_text", q.MetricText)
	b.add("op", string(q.Op))
	b.add("text_form", q.TextForm)
	b.flag("exact", q.Exact)
	if q.Places >= 0 {
		b.add("places", strconv.Itoa(q.Places))
	}
	if len(q.Periods) > 0 {
		ps := make([]string, len(q.Periods))
		for i, p := range q.Periods {
			ps[i] = specString(p)
		}
		b.raw("periods", "["+strings.Join(ps, ",")+"]")
	}
	b.add("basis", q.Basis)
	b.flag("adjusted", q.Adjusted)
	b.add("unit", q.Unit)
	b.list("terms", q.Terms)
	b.list("modifiers", q.Modifiers)
	b.flag("growth", q.Growth)
	b.flag("change_cue", q.ChangeCue)
	b.flag("forward", q.Forward)
	b.list("operands", q.Operands)
	b.flag("low", q.Low)
	if q.HasBound {
		b.raw("bound", q.Bound.String())
	}
	b.flag("across_rows", q.AcrossRows)
	b.add("row_kind", q.RowKind)
	b.flag("asks_change", q.AsksChange)
	b.add("unsupported", q.Unsupported)
	b.add("words", q.Words)
	if len(q.Spelled) > 0 {
		sp := make([]string, len(q.Spelled))
		for i, x := range q.Spelled {
			sp[i] = x.From + ">" + x.To
		}
		b.list("spelled", sp)
	}
	b.list("phrases", q.Phrases)
	return b.String()
}

// specString prints a period spec as its non-zero fields in parentheses,
// in the order of the fields: (kind=duration end=2004-05-29 months=3 fq=2
// fy=2004 text="Q2 2004"). (PeriodSpec's String is its Period's, for
// people.)
func specString(p PeriodSpec) string {
	var b pairs
	b.add("kind", string(p.Kind))
	b.add("end", p.End.String())
	b.num("months", p.Months)
	b.num("weeks", p.Weeks)
	b.num("fq", p.FQ)
	b.num("fy", p.FY)
	b.add("label", p.Label)
	b.flag("year", p.Period.Year)
	b.add("relative", p.Relative)
	b.flag("fiscal", p.Fiscal)
	b.flag("year_only", p.YearOnly)
	b.flag("since", p.Since)
	b.add("text", p.Text)
	return "(" + b.String() + ")"
}

// pairs builds a line of field=value pairs, skipping zero values.
type pairs struct{ strings.Builder }

func (b *pairs) raw(field, v string) {
	if b.Len() > 0 {
		b.WriteByte(' ')
	}
	b.WriteString(field)
	if v != "" {
		b.WriteByte('=')
		b.WriteString(v)
	}
}

// add writes a string field unless it is empty.
func (b *pairs) add(field, v string) {
	if v != "" {
		b.raw(field, quote(v))
	}
}

// num writes a number unless it is zero.
func (b *pairs) num(field string, n int) {
	if n != 0 {
		b.raw(field, strconv.Itoa(n))
	}
}

// flag writes a true flag as its bare name.
func (b *pairs) flag(field string, on bool) {
	if on {
		b.raw(field, "")
	}
}

// list writes a list unless it is empty: [a,"b c"].
func (b *pairs) list(field string, vs []string) {
	if len(vs) == 0 {
		return
	}
	qs := make([]string, len(vs))
	for i, v := range vs {
		qs[i] = quote(v)
	}
	b.raw(field, "["+strings.Join(qs, ",")+"]")
}

// quote quotes a value that is empty or holds a space, a separator
// (=,[]()"\) or a character outside printable ASCII.
func quote(v string) string {
	for _, r := range v {
		if r <= ' ' || r > '~' || strings.ContainsRune(`"=,[]()\`, r) {
			return strconv.Quote(v)
		}
	}
	if v == "" {
		return `""`
	}
	return v
}
