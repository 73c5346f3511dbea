// Package nlq turns a question about an earnings release into a structured
// query: what is asked (a figure, a passage, a computation), the metric,
// the periods, basic or diluted, reported or adjusted, the unit wanted, and
// the remaining words (which may name an entity or describe a figure the
// vocabulary does not know).
//
// The parser is rule-based and driven by the vocabulary in package vocab;
// it never fails: a question it cannot read still yields its words, which
// the answer step matches against the release's text.
package nlq

import (
	"github.com/ex99/ex99/period"
	"github.com/ex99/ex99/vocab"
	"github.com/shopspring/decimal"
)

// Intent is what kind of answer a question wants.
type Intent string

// Intents.
const (
	Lookup  Intent = "fact"    // a figure the release states
	Compute Intent = "compute" // a figure computed from others
	Passage Intent = "passage" // a paragraph that answers a why/who/when question
)

// Op is an arithmetic operation a question asks for.
type Op string

// Operations.
const (
	OpNone      Op = ""
	OpChange    Op = "change"     // the difference between two periods' figures
	OpPctChange Op = "pct_change" // that difference as a percentage of the earlier
	OpSum       Op = "sum"        // figures added: of two periods, or two named figures
	OpAverage   Op = "average"    // figures of several periods averaged
	OpRatio     Op = "ratio"      // one figure divided by another
	OpCompare   Op = "compare"    // which period's figure is greater, smaller or beyond a bound
)

// Query is a parsed question.
type Query struct {
	Text   string `json:"text"`
	Intent Intent `json:"intent"`
	// Metric is the vocabulary metric asked for, or nil.
	Metric *vocab.Metric `json:"-"`
	// Metrics are all vocabulary metrics named, in order (for ratios, sums).
	Metrics []*vocab.Metric `json:"-"`
	// Derived is a figure defined as a ratio or difference, or nil.
	Derived *vocab.Derived `json:"-"`
	// MetricText is the metric as the question words it.
	MetricText string `json:"metric_text,omitempty"`
	// TextForm names the form of question that asks for text whatever
	// figure it names (FormYesNo, FormStranded, FormDefinition, FormTable),
	// or "".
	TextForm string `json:"text_form,omitempty"`
	// Op is the arithmetic asked for, or OpNone.
	Op Op `json:"op,omitempty"`
	// Exact says the question asks to compute even where the release states a
	// rounded figure ("to two decimal places").
	Exact bool `json:"exact,omitempty"`
	// Places is the number of decimal places asked for, or -1.
	Places   int          `json:"places"`
	Periods  []PeriodSpec `json:"periods,omitempty"`
	Basis    string       `json:"basis,omitempty"` // "basic" or "diluted"
	Adjusted bool         `json:"adjusted,omitempty"`
	// Unit is the unit the question wants, when it says ("percent", "count").
	Unit string `json:"unit,omitempty"`
	// Terms are the content words left after metric, period and question
	// words are taken out; they may name an entity or describe a figure.
	Terms []string `json:"terms,omitempty"`
	// Modifiers are the words right before the metric name that are not
	// part of it ("retail kilowatt-hour" in "retail kilowatt-hour sales",
	// "Joe's" in "Joe's net sales"): an entity, or a narrower figure.
	Modifiers []string `json:"modifiers,omitempty"`
	// Growth says the question asks how much something grew or fell, which a
	// stated percentage change answers.
	Growth bool `json:"growth,omitempty"`
	// ChangeCue says a word of the question asks about a change ("add",
	// "increase"), so a figure stated as a change fits it.
	ChangeCue bool `json:"change_cue,omitempty"`
	// Forward says the question asks about the future (guidance, outlook):
	// no reported figure answers it, a passage may.
	Forward bool `json:"forward,omitempty"`
	// Operands are the two things a ratio compares, as worded ("Data Center
	// Group goodwill", "Mobileye goodwill"), when the question names them.
	Operands []string `json:"operands,omitempty"`
	// Low says a comparison asks for the smaller figure ("in which year was
	// X lower").
	Low bool `json:"low,omitempty"`
	// Bound, when HasBound, is the figure a comparison measures against, in
	// base units ("less than 15,000 thousands" is 15000000; "negative" is 0).
	Bound    decimal.Decimal `json:"bound"`
	HasBound bool            `json:"has_bound,omitempty"`
	// Words are all content words (metric words included), for full-text search.
	Words string `json:"words"`
	// Phrases are multi-word phrases of the question worth matching as written.
	Phrases []string `json:"phrases,omitempty"`
	// Cues are the distinct operations the question's words cue, in the
	// order written ("the change in the average …": change, average); Op
	// is the one the question is read as.
	Cues []Op `json:"-"`
	// AcrossRows says a comparison asks which row of a table (a country, a
	// segment, a component) has the highest or lowest figure, not which
	// period; RowKind is what a row is, as the question names it.
	AcrossRows bool   `json:"across_rows,omitempty"`
	RowKind    string `json:"row_kind,omitempty"`
	// AsksChange says the question asks for the amount of a change of a
	// figure the vocabulary does not name ("the increase in legal fees"):
	// a figure stated as a level does not answer it.
	AsksChange bool `json:"asks_change,omitempty"`
	// Unsupported, when set, names the computation the question asks for
	// that ex99 does not compute ("a change between averages"): the
	// answer says so rather than answer a part of it.
	Unsupported string `json:"unsupported,omitempty"`
	// Spelled are the question's words read as the metric words they
	// misspell ("revnue" as "revenue"), for the answer to say so.
	Spelled []Spelling `json:"spelled,omitempty"`
	// Shapes are the question shapes (productions of the grammar in
	// shapes.go) that applied, in order, for explanations.
	Shapes []string `json:"-"`
	// Tokens are the question's words and periods as the lexer classed them.
	Tokens []Token `json:"-"`
}

// Spelling is a question word read as another: From as written, To as read.
type Spelling struct {
	From string `json:"from"`
	To   string `json:"to"`
}

// PeriodSpec is a period as a question names it.
type PeriodSpec struct {
	period.Period
	// Relative is "current" (this quarter), "prior_year" (a year before the
	// other period or the current one), "ytd" (year to date), or "".
	Relative string `json:"relative,omitempty"`
	Fiscal   bool   `json:"fiscal,omitempty"`
	YearOnly bool   `json:"year_only,omitempty"`
	// Since marks "since <date>": the start of a change.
	Since bool   `json:"since,omitempty"`
	Text  string `json:"text"`
}
