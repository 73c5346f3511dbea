package extract

// A format reader turns a source file into a reading view and blocks; the
// interpreter (interpret.go) turns blocks into passages, tables and facts.

type blockKind int

const (
	bPara    blockKind = iota // a paragraph
	bBullet                   // a bullet or list item
	bHeading                  // a section heading
	bTable                    // a table
)

// block is a unit of a release in reading order.
type block struct {
	kind       blockKind
	start, end int      // reading-view lines, 1-based, inclusive
	text       string   // folded text (paragraphs, bullets, headings)
	lines      []string // the block's lines, space folded (used for table titles)
	grid       *grid    // tables
}

// grid is a table as a format reader sees it: header rows and body rows
// already split into a label and one cell per value column.
type grid struct {
	start, end int
	title      []string // short title lines above the table (company, statement name, unit line)
	// header rows, top to bottom; each has one entry per value column (a
	// spanning header is repeated in every column it spans). headLabel holds
	// the text over the label column of each header row (a unit line often
	// sits there).
	header      [][]string
	headLabel   []string
	headerStart int
	headerEnd   int
	rows        []gridRow
	ncols       int
}

// gridRow is one body row.
type gridRow struct {
	label     string
	cells     []string // len == ncols; "" where the row has no value
	line, end int      // reading-view lines
	indent    int      // indentation of the label (characters or points); larger is deeper
	bold      bool     // the label is set in bold (HTML), a hint that it heads a section
	marks     []string // footnote marks after the label (HTML superscripts)
}

// hasValues reports whether any cell holds text.
func (r *gridRow) hasValues() bool {
	for _, c := range r.cells {
		if c != "" {
			return true
		}
	}
	return false
}
