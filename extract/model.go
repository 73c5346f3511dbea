// Package extract turns an earnings release (plain text, HTML, or a whole
// EDGAR submission file) into data: a reading view of numbered lines,
// passages with their section headings, tables with typed columns, and
// facts — every figure with its metric, entity, period, exact value and the
// lines it came from.
//
// The flow is: a format reader (text, HTML, submission) produces the reading
// view and a list of blocks (paragraphs, headings, raw tables); the shared
// interpreter then finds sections, table columns and periods, scales values,
// reads figures out of sentences and learns the fiscal calendar. Nothing
// here is keyed to one release: vocabulary comes from package vocab.
package extract

import (
	"strings"

	"github.com/ex99/ex99/period"
	"github.com/shopspring/decimal"
)

// Document is one release as ex99 reads it.
type Document struct {
	Name    string `json:"name"`    // file base name, or base name + "#EX-99.1" parts are merged
	Format  string `json:"format"`  // "text", "html" or "submission"
	Company string `json:"company"` // from the submission header or the release text; may be ""
	CIK     string `json:"cik,omitempty"`
	Ticker  string `json:"ticker,omitempty"` // the stock symbol the release gives ("NASDAQ: INNO")
	Hash    string `json:"hash"`             // sha256 of the source bytes, hex
	Size    int    `json:"size"`             // source bytes
	// Path is the file the release was read from, when the caller knows
	// it (ex99 add sets it): Parse leaves it empty.
	Path     string    `json:"path,omitempty"`
	Lines    []Line    `json:"lines"`
	Passages []Passage `json:"passages"`
	Tables   []Table   `json:"tables"`
	Facts    []Fact    `json:"facts"`
	Calendar Calendar  `json:"calendar"`
	// Current is the release's own reporting period (its latest quarter,
	// or its fiscal year for an annual release).
	Current period.Period `json:"current"`
	// Latest is the latest balance-sheet date the release reports.
	Latest period.Date `json:"latest"`
	// Entities are the names of segments, subsidiaries and brands the
	// release reports figures for.
	Entities []string `json:"entities,omitempty"`
	// Warnings are problems that did not stop extraction.
	Warnings []string `json:"warnings,omitempty"`
}

// Line is one line of the reading view. For plain text it is a line of the
// file; for HTML it is a paragraph or a table row rendered as text.
type Line struct {
	Text  string `json:"text"`
	Start int    `json:"start"` // byte offset of the element in the source file
	End   int    `json:"end"`   // byte offset just past it
}

// Passage is a paragraph, bullet item or heading-free text block.
type Passage struct {
	Section string `json:"section"` // nearest heading above, "" before the first
	Start   int    `json:"start"`   // first line, 1-based
	End     int    `json:"end"`     // last line, inclusive
	Text    string `json:"text"`    // text with white space folded and line-end hyphens joined
	Bullet  bool   `json:"bullet,omitempty"`
}

// Table is a table with its title, scale and typed columns.
type Table struct {
	Title []string `json:"title"`          // title lines above the table
	Unit  string   `json:"unit,omitempty"` // the unit line as printed, e.g. "(in thousands, except per share data)"
	// Section is the heading the table stands under ("Construction Industries").
	Section string   `json:"section,omitempty"`
	Scale   Scale    `json:"scale"`
	Start   int      `json:"start"`
	End     int      `json:"end"`
	Columns []Column `json:"columns"`
	Rows    []Row    `json:"rows"`
	// HeaderStart and HeaderEnd are the lines of the column headers (0 if none).
	HeaderStart int `json:"header_start,omitempty"`
	HeaderEnd   int `json:"header_end,omitempty"`
	// scaleStated says Unit states the scale of the amounts (scaleStated).
	scaleStated bool
}

// Scale says how to turn printed table numbers into base units.
type Scale struct {
	Money  int32 `json:"money"`  // power of ten for amounts (3 = in thousands)
	Shares int32 `json:"shares"` // power of ten for share counts
	// Thing is what the table counts when it is not money ("kWh"), or "".
	Thing string `json:"thing,omitempty"`
}

// Column is one value column of a table.
type Column struct {
	Header string        `json:"header"` // header words over the column, joined
	Period period.Period `json:"period"`
	Entity string        `json:"entity,omitempty"` // a segment or region named in the header
	Kind   string        `json:"kind,omitempty"`   // "" for values, "change" for a $ change, "pct_change" for a % change, "percent" for % of something
	// named marks a column headed by a fiscal quarter or year without a date
	// ("Fiscal 2013 Q1", "2019"): its end date comes from the calendar, and
	// changes with it.
	named bool
	// scale is the scale the column's own header states ("(in thousand NT
	// dollars)"), nil when it states none (the table's applies).
	scale *Scale
	// perShare marks a column of figures per share ("Cash dividend per
	// share"), shares one of share counts ("Number of Shares"), years one
	// of years ("Year of Expiration" over "2027").
	perShare, shares, years bool
	// time is the unit of time its header states its figures are in
	// ("Weighted-Average Useful Lives (in years)": "years"), or "".
	time string
}

// Row is one table row.
type Row struct {
	Label   string   `json:"label"`
	Section []string `json:"section,omitempty"` // value-less heading rows above it, outermost first
	// Marks are the footnote marks printed after the label ("Profit¹":
	// "1"), without parentheses.
	Marks   []string `json:"marks,omitempty"`
	Line    int      `json:"line"`
	EndLine int      `json:"end_line"`
	Cells   []Cell   `json:"cells"` // one per column
}

// Cell is one value cell.
type Cell struct {
	Text  string          `json:"text"`
	Value decimal.Decimal `json:"value"`
	Ok    bool            `json:"ok"`            // a number was read
	Nil   bool            `json:"nil,omitempty"` // printed as "--" or "-" or "—"
	Pct   bool            `json:"pct,omitempty"` // printed with %
}

// Unit names used in facts.
const (
	USD      = "USD"
	Percent  = "percent"
	Shares   = "shares"
	PerShare = "USD/share"
	Year     = "year" // a calendar or fiscal year printed as a figure ("2027")
	Count    = "count"
	Ratio    = "ratio"
)

// Fact is one figure with everything needed to answer with it and cite it.
type Fact struct {
	Metric  string          `json:"metric"`            // row label as printed, or the clause's subject
	Key     string          `json:"key,omitempty"`     // vocabulary key ("revenue"), or "" when the label is not in the vocabulary
	Section []string        `json:"section,omitempty"` // row section path
	Table   string          `json:"table,omitempty"`   // table title
	Column  string          `json:"column,omitempty"`  // column header
	Entity  string          `json:"entity,omitempty"`  // segment, subsidiary, region; "" for the company as a whole
	Period  period.Period   `json:"period"`
	Value   decimal.Decimal `json:"value"`
	Unit    string          `json:"unit"`
	Basis   string          `json:"basis,omitempty"`  // "basic" or "diluted" for per-share and share-count figures
	Change  string          `json:"change,omitempty"` // "" for a level, "change" for an amount of change, "pct_change" for a percentage change
	// Adjusted marks non-GAAP figures (from a table or clause that says adjusted, non-GAAP, excluding…).
	Adjusted bool `json:"adjusted,omitempty"`
	// Approx marks figures the text rounds ("approximately $600,000", "$2.9 million").
	Approx bool   `json:"approx,omitempty"`
	Source string `json:"source"` // "table" or "text"
	// rowPeriod marks a table fact whose period is its row's label (a table
	// turned on its side), not its column's.
	rowPeriod bool
	// byLabel says the entity came from the row's label, and how
	// (labelUnderHeading, labelUnderColumn); 0 otherwise.
	byLabel uint8
	// textAt is where Text stands in its passage's text (text facts).
	textAt int
	// marks are the footnote marks glued to the words of a text fact's
	// clause before it ("ROE1 of 23.0%": "1"); attachNotes finds their notes.
	marks []string
	// Printed is the figure as the release prints it ("$ 30,023", "(0.23)", "$2.9 million").
	Printed string `json:"printed,omitempty"`
	Text    string `json:"text,omitempty"` // for text facts, the clause that describes the figure
	Start   int    `json:"start"`          // first cited line
	End     int    `json:"end"`            // last cited line
	// TableIndex and RowIndex locate a table fact (−1 for text facts).
	TableIndex int `json:"table_index"`
	RowIndex   int `json:"row_index"`
	ColIndex   int `json:"col_index"`
	// Scale is the power of ten the printed table figure was multiplied by
	// (3 for a table "in thousands"); 0 for text facts.
	Scale int32 `json:"scale,omitempty"`
	// ScaleUnstated marks a table amount whose release states no scale for
	// it (no unit line, nearby sentence, row label or column header says
	// "in thousands" or "in dollars"): Value is the number as printed, which
	// may be in thousands or millions.
	ScaleUnstated bool `json:"scale_unstated,omitempty"`
	// Dashes are the columns of a table fact's row printed as a dash ("--"),
	// which read as zero; cells left blank are not listed.
	Dashes []int `json:"dashes,omitempty"`
	// Notes are the footnotes a table fact's row label, or the words of a
	// text fact's clause, point to, as the release prints them.
	Notes []Note `json:"notes,omitempty"`
}

// TextAt is where a text fact's clause stands in its passage's text, in
// bytes; known only for a document just parsed (it is not stored).
func (f *Fact) TextAt() int { return f.textAt }

// Describe is the fact's metric with its section path, e.g.
// "NET INCOME (LOSS) PER SHARE: Basic".
func (f *Fact) Describe() string {
	if len(f.Section) == 0 {
		return f.Metric
	}
	last := f.Section[len(f.Section)-1]
	if f.Metric == "" {
		return last
	}
	return strings.TrimRight(last, ": -") + ": " + f.Metric
}

// Note is a footnote: its reading-view lines, its byte range in the source
// and its text.
type Note struct {
	Start  int    `json:"start"`
	End    int    `json:"end"`
	Offset [2]int `json:"offset"`
	Text   string `json:"text"`
}
