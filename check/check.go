// Package check reports whether an earnings release adds up: whether its
// subtotals and totals foot, its balance sheet balances, its per-share
// figures follow from net income and the weighted shares, and the figures
// its narrative states agree with its tables.
//
// Check works from the facts the index stores for a release (see
// index.Index.AllFacts): the tables are rebuilt from their row facts, so a
// release is never read again. Every comparison allows for the rounding of
// the figures as printed, and a check that cannot tell what a figure should
// equal is reported as not checked rather than as a disagreement: a checker
// that cries wolf is not used. Nothing here is keyed to one release.
package check

import (
	"fmt"
	"sort"

	"github.com/ex99/ex99/index"
	"github.com/shopspring/decimal"
)

// Status is the outcome of one check.
type Status string

// Statuses.
const (
	OK         Status = "ok"          // the figures agree within rounding
	Mismatch   Status = "mismatch"    // they do not
	NotChecked Status = "not_checked" // a check was possible in principle but not safely made
)

// Kind names what a check compares.
type Kind string

// Kinds of checks.
const (
	Total     Kind = "total"       // a subtotal or total row equals the rows it sums
	Balance   Kind = "balance"     // total assets equal total liabilities and equity
	PerShare  Kind = "per_share"   // earnings per share equal net income / weighted shares
	Figure    Kind = "text_figure" // a figure in the narrative equals the table's
	Change    Kind = "text_change" // a stated change equals the change of the figures it compares
	TextRatio Kind = "text_ratio"  // a stated margin or rate equals the ratio of table figures
)

// Citation points at the lines a check read.
type Citation struct {
	Doc   string `json:"doc"`
	Start int    `json:"line"`
	End   int    `json:"end_line"`
	// Role says what the lines hold: "total", "rows", "text", "table".
	Role string `json:"role"`
	// Text is the cited row as printed, or the narrative clause.
	Text string `json:"text,omitempty"`
}

// String is NAME:LINE or NAME:LINE-END.
func (c Citation) String() string {
	if c.End > c.Start {
		return fmt.Sprintf("%s:%d-%d", c.Doc, c.Start, c.End)
	}
	return fmt.Sprintf("%s:%d", c.Doc, c.Start)
}

// Check is one comparison: a printed or stated figure (Found) against what
// the other figures make it (Expected).
type Check struct {
	Kind    Kind   `json:"kind"`
	Status  Status `json:"status"`
	Subject string `json:"subject"`          // what was checked: "TOTAL CURRENT ASSETS", "net income"
	Period  string `json:"period,omitempty"` // the column or period
	// Found is the figure as printed or stated; Expected is what the other
	// figures make it. Both are in base units (dollars, shares, percent).
	Found    *decimal.Decimal `json:"found,omitempty"`
	Expected *decimal.Decimal `json:"expected,omitempty"`
	// Tolerance is the difference the rounding of the printed figures allows.
	Tolerance *decimal.Decimal `json:"tolerance,omitempty"`
	Unit      string           `json:"unit,omitempty"`
	// Formula shows the arithmetic with the figures as printed.
	Formula string `json:"formula,omitempty"`
	// Rule is the basis of the comparison: the rule that paired the
	// figures ("same metric, entity, period and basis; …", "the rows of its
	// section, added as printed").
	Rule      string     `json:"rule,omitempty"`
	Note      string     `json:"note,omitempty"`
	Citations []Citation `json:"citations"`
}

// Line is the first line the check cites, for ordering.
func (c *Check) Line() int {
	if len(c.Citations) == 0 {
		return 0
	}
	return c.Citations[0].Start
}

// Report is the outcome of checking one release.
type Report struct {
	Doc        string  `json:"doc"`
	Verified   int     `json:"verified"`
	Mismatched int     `json:"mismatched"`
	NotChecked int     `json:"not_checked"`
	Checks     []Check `json:"checks"`
}

// OK reports whether nothing disagrees.
func (r *Report) OK() bool { return r.Mismatched == 0 }

// Release is what check reads of one release: its stored facts (all of
// them, as index.Index.AllFacts returns them), and, where known, its
// passages (index.Index.DocPassages), whose headings tell whose figures a
// paragraph states ("Data Center", "Outlook"), and its description, whose
// company name is no narrower subject than the company.
type Release struct {
	Doc      string
	Info     *index.DocInfo
	Facts    []index.Fact
	Passages []index.Passage
}

// Load reads what check needs of release name from the index: its facts,
// passages and description. ex99 check and ex99 serve both check what it
// returns, so that they agree.
func Load(x *index.Index, name string) (Release, error) {
	rel := Release{Doc: name}
	var err error
	if rel.Facts, err = x.AllFacts(name); err != nil {
		return rel, fmt.Errorf("check %s: facts: %w", name, err)
	}
	if rel.Passages, err = x.DocPassages(name); err != nil {
		return rel, fmt.Errorf("check %s: passages: %w", name, err)
	}
	if rel.Info, err = x.Doc(name); err != nil {
		return rel, fmt.Errorf("check %s: %w", name, err)
	}
	return rel, nil
}

// Summary is the result of checking several releases, as `ex99 check
// --json` prints it and `ex99 serve`'s /api/check answers it.
type Summary struct {
	OK         bool      `json:"ok"`
	Verified   int       `json:"verified"`
	Mismatched int       `json:"mismatched"`
	NotChecked int       `json:"not_checked"`
	Releases   []*Report `json:"releases"`
}

// Summarize totals reports.
func Summarize(reps ...*Report) Summary {
	s := Summary{OK: true, Releases: reps}
	for _, r := range reps {
		s.Verified += r.Verified
		s.Mismatched += r.Mismatched
		s.NotChecked += r.NotChecked
		s.OK = s.OK && r.OK()
	}
	return s
}

// RunRelease checks one release.
func RunRelease(rel Release) *Report {
	doc, facts := rel.Doc, rel.Facts
	tables := buildTables(facts)
	var cs []Check
	for _, t := range tables {
		cs = append(cs, footTable(doc, t)...)
		cs = append(cs, balanceTable(doc, t)...)
		cs = append(cs, perShareTable(doc, t)...)
	}
	cs = append(cs, narrative(rel, tables)...)
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].Line() < cs[j].Line() })
	r := &Report{Doc: doc, Checks: cs}
	for _, c := range cs {
		switch c.Status {
		case OK:
			r.Verified++
		case Mismatch:
			r.Mismatched++
		default:
			r.NotChecked++
		}
	}
	return r
}

func ptr(d decimal.Decimal) *decimal.Decimal { return &d }
