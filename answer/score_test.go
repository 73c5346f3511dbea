package answer

import (
	"math"
	"strings"
	"testing"

	"github.com/ex99/ex99/extract"
	"github.com/ex99/ex99/index"
	"github.com/ex99/ex99/nlq"
	"github.com/ex99/ex99/period"
	"github.com/ex99/ex99/vocab"
)

// featureCase is a feature record and the score it weighs.
type featureCase struct {
	name string
	x    features
	want float64
}

// factCase is a fact scored for a question: the features it gets, or the
// reason it is rejected.
type factCase struct {
	name   string
	q      nlq.Query
	metric *vocab.Metric
	change string
	f      index.Fact
	want   features // when accepted
	reason reason   // when rejected
	says   string   // in the rejection's String
	words  string   // the question's words beyond the metric ("" for none)
	asked  *target  // the period asked, when not the case's default
}

// TestFeatureScore weighs feature records by hand: each case's want is the
// sum the weights table gives, written out.
func TestFeatureScore(t *testing.T) {
	cases := []featureCase{
		{"keyed, exact period, table", features{MetricBy: metricByKey, PeriodFit: 1, FromTable: true}, 1 + 1 + 0.1},
		{"keyed, two words unexplained", features{MetricBy: metricByKey, UnexplainedWords: 2, PeriodFit: 1}, 1 - 0.3 + 1},
		{"label names the metric, entity named", features{MetricBy: metricByLabel, Entity: entityNamed, PeriodFit: 0.8, FromTable: true}, 0.8 + 0.3 + 0.8 + 0.1},
		{"sentence description, approximate", features{MetricBy: metricByDescription, PeriodFit: 1, Approx: true}, 0.7 + 1 - 0.25},
		{"words, description coverage", features{MetricBy: metricByWords, WordCoverage: 0.75, DescriptionCoverage: 0.5, PeriodFit: 1, FromTable: true}, 0.75 + 0.225 + 1 + 0.1},
		{"period read as the year's close", features{MetricBy: metricByKey, PeriodFit: 1, PeriodReread: true, FromTable: true}, 1 + 0.85 + 0.1},
		{"basic unasked, adjusted unasked", features{MetricBy: metricByKey, PeriodFit: 1, BasicUnasked: true, AdjustedUnasked: true}, 1 + 1 - 0.05 - 0.6},
		{"adjustment row, preferred label", features{MetricBy: metricByKey, PeriodFit: 1, FromTable: true, AdjustmentRow: true, PreferredLabel: true}, 1 + 1 + 0.1 - 0.3 + 0.05},
		{"change with a cue", features{MetricBy: metricByWords, WordCoverage: 1, PeriodFit: 1, Change: changeCued}, 1 + 1 + 0.15},
		{"change without cue", features{MetricBy: metricByWords, WordCoverage: 1, PeriodFit: 1, Change: changeUncued}, 1 + 1 - 0.2},
		{"entity in the text", features{MetricBy: metricByKey, PeriodFit: 1, Entity: entityInText}, 1 + 0.1 + 1},
		{"row label alone names the entity", features{MetricBy: metricByWords, WordCoverage: 1, PeriodFit: 1, Entity: entityRowLabel}, 1 - 0.2 + 1},
		{"extra label words, capped at ten", features{MetricBy: metricByKey, PeriodFit: 1, ExtraLabelWords: 14}, 1 + 1 - 0.2},
		{"hinted modifiers", features{MetricBy: metricByWords, WordCoverage: 1, PeriodFit: 1, HintedModifiers: true}, 1 + 1 + 0.3},
	}
	// fixed bugs: cases that once scored wrong, with the commit that fixed them
	cases = append(cases, []featureCase{}...)
	for _, c := range cases {
		if got := c.x.score(); math.Abs(got-c.want) > 1e-12 {
			t.Errorf("%s: score %v, want %v", c.name, got, c.want)
		}
	}
}

// TestScoreFact scores hand-made facts for a question of net sales in Q2
// FY2004: the features each gets, or the reason it is rejected.
func TestScoreFact(t *testing.T) {
	revenue := vocab.Default().Metric("revenue")
	if revenue == nil {
		t.Fatal("no revenue metric in the vocabulary")
	}
	q2 := period.Period{Kind: period.Duration, Months: 3, End: period.Date{Y: 2004, M: 5, D: 29}, FQ: 2, FY: 2004}
	q2prior := period.Period{Kind: period.Duration, Months: 3, End: period.Date{Y: 2003, M: 5, D: 31}, FQ: 2, FY: 2003}
	asked := target{kind: period.Duration, months: 3, fq: 2, fy: 2004, explicit: true}
	fact := func(edit func(*extract.Fact)) index.Fact {
		f := extract.Fact{Metric: "Net sales", Key: "revenue", Period: q2, Unit: "USD", Source: "table"}
		if edit != nil {
			edit(&f)
		}
		return index.Fact{Fact: f}
	}
	ctx := &docCtx{info: &index.DocInfo{Name: "r"}}
	cases := []factCase{
		{name: "keyed row", metric: revenue, f: fact(nil),
			want: features{MetricBy: metricByKey, PeriodFit: 1, FromTable: true}},
		{name: "approximate sentence figure", metric: revenue, f: fact(func(f *extract.Fact) { f.Source, f.Approx = "text", true }),
			want: features{MetricBy: metricByKey, PeriodFit: 1, Approx: true}},
		{name: "adjusted figure, reported asked", metric: revenue, f: fact(func(f *extract.Fact) { f.Adjusted = true }),
			want: features{MetricBy: metricByKey, PeriodFit: 1, FromTable: true, AdjustedUnasked: true}},
		{name: "another metric", metric: revenue, f: fact(func(f *extract.Fact) { f.Key, f.Metric = "net_income", "Net income" }),
			reason: rejMetric, says: "asked revenue, fact is net_income"},
		{name: "a year earlier", metric: revenue, f: fact(func(f *extract.Fact) { f.Period = q2prior }),
			reason: rejPeriod, says: "rejected: period does not match (asked three months (Q2 FY2004), fact is three months ended May 31, 2003 (Q2 FY2003))"},
		{name: "a percentage", metric: revenue, f: fact(func(f *extract.Fact) { f.Unit = extract.Percent }),
			reason: rejMetricUnit},
		{name: "a change", metric: revenue, f: fact(func(f *extract.Fact) { f.Change = "change" }),
			reason: rejChange, says: "asked level, fact is change"},
		{name: "basic, diluted asked", q: nlq.Query{Basis: "diluted"}, metric: revenue, f: fact(func(f *extract.Fact) { f.Basis = "basic" }),
			reason: rejBasis, says: "asked diluted, fact is basic"},
		{name: "reported, adjusted asked", q: nlq.Query{Adjusted: true}, metric: revenue, f: fact(nil),
			reason: rejAdjusted, says: "rejected: adjusted asked, fact is reported"},
		{name: "a segment's figure, no entity asked", metric: revenue, f: fact(func(f *extract.Fact) { f.Entity = "Europe" }),
			reason: rejEntity, says: "asked none, fact is Europe"},
	}
	// fixed bugs: facts once scored or rejected wrong
	assets := vocab.Default().Metric("total_assets")
	dec2021 := target{kind: period.Instant, end: period.Date{Y: 2021, M: 12, D: 31}}
	yearTo2021 := period.Period{Kind: period.Duration, Months: 12, End: period.Date{Y: 2021, M: 12, D: 31}, FY: 2021}
	comps := vocab.Default().Metric("comparable_sales")
	compsFact := func(change string) index.Fact {
		return fact(func(f *extract.Fact) {
			f.Metric, f.Key, f.Unit, f.Change, f.Source = "comparable store sales", "comparable_sales", extract.Percent, change, "text"
		})
	}
	cases = append(cases, []factCase{
		// "Apple services revenue": total net sales leaves "services" unexplained
		{name: "a content word unexplained", metric: revenue, words: "services", f: fact(nil),
			reason: rejUnexplained, says: "asked servic"},
		{name: "a light word unexplained", metric: revenue, words: "versus", f: fact(nil),
			want: features{MetricBy: metricByKey, PeriodFit: 1, FromTable: true, UnexplainedWords: 1}},
		{name: "a whole word unexplained", metric: revenue, words: "total", f: fact(nil),
			want: features{MetricBy: metricByKey, PeriodFit: 1, FromTable: true, UnexplainedWords: 1}},
		// "How much stock did it repurchase": not its average cost a share
		{name: "a figure per share, none asked", words: "repurchases", f: fact(func(f *extract.Fact) {
			f.Key, f.Metric, f.Unit = "", "common share repurchases", extract.PerShare
		}), reason: rejUnit, says: "asked no figure per share"},
		// "the depreciation amount": not the balance of accumulated depreciation
		{name: "a row keyed as a metric whose name holds the one asked", metric: vocab.Default().Metric("dna"), f: fact(func(f *extract.Fact) {
			f.Key, f.Metric = "accumulated_depreciation", "Accumulated depreciation and amortization"
		}), reason: rejMetric, says: "asked dna, fact is accumulated_depreciation"},
		// Goldman's balance sheet under "December 2021", read as the year ended then
		{name: "a balance in a year's column", metric: assets, asked: &dec2021, f: fact(func(f *extract.Fact) {
			f.Key, f.Metric, f.Period = "total_assets", "Total assets", yearTo2021
		}), want: features{MetricBy: metricByKey, PeriodFit: 1, PeriodReread: true, FromTable: true}},
		// a metric that is itself a percentage change: its stated change is its value
		{name: "comparable sales stated as a decrease, level asked", metric: comps, f: compsFact("pct_change"),
			want: features{MetricBy: metricByKey, PeriodFit: 1}},
		{name: "comparable sales as a level, change asked", metric: comps, change: "pct_change", f: compsFact(""),
			want: features{MetricBy: metricByKey, PeriodFit: 1}},
	}...)
	for _, c := range cases {
		at := asked
		if c.asked != nil {
			at = *c.asked
		}
		got := scoreFact(c.q, c.f, c.metric, at, c.change, termSet(c.words), nil, ctx, nil)
		switch {
		case c.reason == "" && got.rejected != nil:
			t.Errorf("%s: %s, want accepted", c.name, got.rejected)
		case c.reason == "":
			if got.feat != c.want {
				t.Errorf("%s: features\n%+v, want\n%+v", c.name, got.feat, c.want)
			}
			if got.score != c.want.score() {
				t.Errorf("%s: score %v, want %v", c.name, got.score, c.want.score())
			}
		case got.rejected == nil:
			t.Errorf("%s: accepted (%+v), want %s", c.name, got.feat, c.reason)
		case got.rejected.Reason != c.reason || !strings.Contains(got.rejected.String(), c.says):
			t.Errorf("%s: %s, want %s (%s)", c.name, got.rejected, c.reason, c.says)
		}
	}
}

// TestContentMissing checks which words of a question without a metric a
// figure leaves unexplained: words that say which figure count; light
// words, words of the whole, of the figure's unit and of a kind of figure
// do not.
func TestContentMissing(t *testing.T) {
	tests := []struct {
		words, label, unit string
		want               string
	}{
		{"granted nonvested shares", "Nonvested shares", "shares", "grant"},
		{"income Non-Swiss", "Non-Swiss", "USD", ""},                        // "income": a kind of figure
		{"share international sales", "International sales", "percent", ""}, // "share": the unit's word
		{"total warrants", "Warrants", "count", ""},                         // "total": the whole
		{"paying BBVA", "BBVA", "USD", ""},                                  // a light word
		{"software maintenance revenue", "License revenue", "USD", "mainten softwar"},
	}
	for _, tt := range tests {
		s := &scoring{qterms: termSet(tt.words)}
		f := index.Fact{Fact: extract.Fact{Metric: tt.label, Unit: tt.unit}}
		if got := strings.Join(s.contentMissing(f, termSet(factText(f))), " "); got != tt.want {
			t.Errorf("%q of %q: missing %q, want %q", tt.words, tt.label, got, tt.want)
		}
	}
}
