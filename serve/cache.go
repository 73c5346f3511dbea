package serve

import (
	"sort"
	"sync"

	"github.com/ex99/ex99/index"
)

// cache holds what a snapshot computes once: the list of releases, and
// the tables of the releases shown lately. A snapshot never changes, so
// nothing here goes stale; a new snapshot starts empty.
type cache struct {
	mu     sync.Mutex
	docs   []index.DocInfo
	names  map[string]bool
	tables map[string][]table // at most maxCachedTables releases
}

// maxCachedTables bounds the releases whose tables are kept.
const maxCachedTables = 64

// table is where a table of a release stands in its reading view: its
// title, its column headers' lines and its rows, for the page to pin the
// title and headers above a cited row.
type table struct {
	Title       string `json:"title,omitempty"`
	Line        int    `json:"line"`     // first row line
	EndLine     int    `json:"end_line"` // last row line
	HeaderLine  int    `json:"header_line,omitempty"`
	HeaderEnd   int    `json:"header_end_line,omitempty"`
	HeaderLines []line `json:"header,omitempty"`
}

// line is a numbered line of a reading view.
type line struct {
	N    int    `json:"line"`
	Text string `json:"text"`
}

// docs lists the snapshot's releases (read once).
func (s *snapshot) docs() ([]index.DocInfo, map[string]bool, error) {
	c := &s.cache
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.names != nil {
		return c.docs, c.names, nil
	}
	ds, err := s.x.Docs()
	if err != nil {
		return nil, nil, err
	}
	if ds == nil {
		ds = []index.DocInfo{}
	}
	c.docs, c.names = ds, map[string]bool{}
	for _, d := range ds {
		c.names[d.Name] = true
	}
	return c.docs, c.names, nil
}

// has reports whether the snapshot holds a release of this name.
func (s *snapshot) has(name string) (bool, error) {
	_, names, err := s.docs()
	return names[name], err
}

// tables returns where the tables of a release stand, from its stored
// facts (the index keeps no table as such): each table fact carries its
// table's title and header lines, and its row's lines.
func (s *snapshot) tables(name string, lines func(from, to int) []line) ([]table, error) {
	c := &s.cache
	c.mu.Lock()
	ts, ok := c.tables[name]
	c.mu.Unlock()
	if ok {
		return ts, nil
	}
	facts, err := s.x.AllFacts(name)
	if err != nil {
		return nil, err
	}
	byIndex := map[int]*table{}
	for _, f := range facts {
		if f.Source != "table" || f.TableIndex < 0 {
			continue
		}
		t := byIndex[f.TableIndex]
		if t == nil {
			t = &table{Title: f.Table, Line: f.Start, EndLine: f.End}
			byIndex[f.TableIndex] = t
		}
		t.Line, t.EndLine = min(t.Line, f.Start), max(t.EndLine, f.End)
		if f.HeaderLines[0] > 0 && t.HeaderLine == 0 {
			t.HeaderLine, t.HeaderEnd = f.HeaderLines[0], max(f.HeaderLines[1], f.HeaderLines[0])
		}
	}
	ts = make([]table, 0, len(byIndex))
	for _, t := range byIndex {
		if t.HeaderLine > 0 {
			t.HeaderLines = lines(t.HeaderLine, t.HeaderEnd)
		}
		ts = append(ts, *t)
	}
	sort.Slice(ts, func(i, j int) bool { return ts[i].Line < ts[j].Line })
	c.mu.Lock()
	if c.tables == nil || len(c.tables) >= maxCachedTables {
		c.tables = map[string][]table{}
	}
	c.tables[name] = ts
	c.mu.Unlock()
	return ts, nil
}
