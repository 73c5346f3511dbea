// Package index stores extracted releases in a Bleve index: one record per
// release (metadata and reading view), one per passage (its text and the
// figures its sentences give) and one per table row (its label, section
// and title, and a fact per cell). Everything needed to answer and cite is
// stored, so answering never re-reads a source file.
//
// A release is written in one Bleve batch, which scorch applies atomically:
// after a crash a release is either all there or not there at all.
package index

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"log"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/ex99/ex99/extract"
	"github.com/ex99/ex99/period"
	"github.com/ex99/ex99/vocab"
	jsoniter "github.com/json-iterator/go"
	bolterrors "go.etcd.io/bbolt/errors"
)

// ErrBusy is returned (wrapped) when another process holds the index: a
// writer, waiting or writing, for a reader; another writer, or readers
// for longer than Options.WaitReaders, for a writer.
var ErrBusy = errors.New("index is busy")

// busyError says the index at path is busy and why, completing "index
// PATH is busy: " (see the busy reasons in gate.go).
type busyError struct{ path, why string }

func (e *busyError) Error() string { return fmt.Sprintf("index %s is busy: %s", e.path, e.why) }

func (e *busyError) Is(target error) bool { return target == ErrBusy }

// ErrNoIndex is returned (wrapped) when a read-only open finds no index.
var ErrNoIndex = errors.New("no index")

// ErrNotFound is returned (wrapped) for a document the index does not hold.
var ErrNotFound = errors.New("not in the index")

// ErrDamaged is returned (wrapped) when index files are missing or corrupt.
// The message says how to rebuild.
var ErrDamaged = errors.New("index is damaged")

// damaged wraps err, Bleve's view of what is wrong, with ErrDamaged and
// how to rebuild.
func damaged(path string, err error) error {
	reason := strings.TrimSpace(err.Error())
	if i := strings.IndexByte(reason, '\n'); i >= 0 {
		reason = strings.TrimSpace(reason[:i])
	}
	if strings.Contains(reason, "error parsing mapping JSON") {
		// scorch loaded no snapshot, so found no stored mapping
		reason = "a segment file under store/ is missing or unreadable"
	}
	return &damageError{path: path, reason: reason}
}

type damageError struct{ path, reason string }

func (e *damageError) Error() string {
	if e.path == "" {
		return fmt.Sprintf("index is damaged (%s)", e.reason)
	}
	dir := rebuildTarget(e.path)
	if dir == "" {
		return fmt.Sprintf("index %s is damaged (%s). Rebuild it: remove its files and add the releases again", e.path, e.reason)
	}
	return fmt.Sprintf("index %s is damaged (%s). Rebuild it: remove the index folder and add the releases again, e.g. rm -r %s && ex99 add --index %s FILE...",
		e.path, e.reason, dir, dir)
}

func (e *damageError) Is(target error) bool { return target == ErrDamaged }

// wrap prefixes err with what failed, unless it is damage, whose message
// stands alone.
func wrap(what string, err error) error {
	if errors.Is(err, ErrDamaged) {
		return err
	}
	return fmt.Errorf("%s: %w", what, err)
}

// Options control Open.
type Options struct {
	// ReadOnly opens an existing index for reading; several readers may
	// share it. Open fails with ErrNoIndex if there is none.
	ReadOnly bool
	// MustExist opens an existing index for writing without creating one:
	// Open fails with ErrNoIndex if there is none (rm has nothing to
	// remove from nothing, and must not leave an empty index behind).
	MustExist bool
	// Timeout is how long a writer waits for another writer, and anyone
	// for Bleve's lock, before failing with ErrBusy. A reader waits for a
	// writer at the gate only a quarter second at most. Default 1s.
	Timeout time.Duration
	// WaitReaders is how long a writer waits for the readers already
	// reading to close the index (new readers are kept out meanwhile)
	// before failing with ErrBusy. Default 30s.
	WaitReaders time.Duration
	// Waiting, if set, is called once when a writer has waited for
	// readers longer than a moment, so that the caller can say why
	// nothing happens.
	Waiting func()
	// Shards is how many shards a new index is split into (see shardOf),
	// at most MaxShards; 0 or 1 makes one index, as before shards. An
	// existing index keeps the count it was made with.
	Shards int
}

// Index is an open ex99 index.
type Index struct {
	b        bleve.Index   // what searches read: the one index, or an alias over the shards
	shards   []bleve.Index // where a release's records are written and read (shardFor)
	path     string
	readOnly bool
	gate     *gate // a writer's, held until Close

	mu    sync.Mutex
	err   error // the first sign of damage a search met
	count int   // releases, once counted (read-only)
	// recs holds the decoded records of recently asked releases (docFacts),
	// at most maxCachedDocs; a write clears it.
	recs  map[string][]docRec
	asked map[string]bool // releases fact queries were about
	// partial are the releases a reader leaves out (see partBytes)
	partial partials
}

// search runs a Bleve search of ex99's own making: any error or panic
// inside Bleve means its files are corrupt (a stored field that does not
// decode, an offset past the end). It becomes an error wrapping
// ErrDamaged, which Err also reports from then on.
func (x *Index) search(req *bleve.SearchRequest) (*bleve.SearchResult, error) {
	return x.searchIn(x.b, req)
}

// searchDoc is search over the shard holding release name's records.
func (x *Index) searchDoc(name string, req *bleve.SearchRequest) (*bleve.SearchResult, error) {
	return x.searchIn(x.shardFor(name), req)
}

// searchIn is search over b, the whole index or one shard.
func (x *Index) searchIn(b bleve.Index, req *bleve.SearchRequest) (*bleve.SearchResult, error) {
	res, err := x.run(b, req)
	if err != nil && !errors.Is(err, ErrDamaged) {
		return nil, x.noteDamage(err)
	}
	return res, err
}

// run runs a search over b (the index, or one shard). A search that
// holds a user's query string keeps its errors as the user's (bad syntax,
// too many clauses), except for a panic or a read inconsistency, which are
// damage; searchIn makes every error damage.
func (x *Index) run(b bleve.Index, req *bleve.SearchRequest) (res *bleve.SearchResult, err error) {
	defer func() {
		if r := recover(); r != nil {
			res, err = nil, x.noteDamage(fmt.Errorf("%v", r))
		}
	}()
	old := debug.SetPanicOnFault(true) // a fault reading a mapped segment file panics instead of crashing
	defer debug.SetPanicOnFault(old)
	req.Query = x.hidePartial(req.Query)
	res, err = b.Search(req)
	if err == nil {
		err = shardError(res)
	}
	if err != nil && isFault(err) {
		return nil, x.noteDamage(err)
	}
	if err != nil {
		return nil, err
	}
	return res, nil
}

// searchRanked runs req for its best req.Size hits, best first, with ties
// in score broken by record ID, so that the same question over the same
// releases gets the same hits however the index was built. Bleve breaks a
// tie by its internal document order, which depends on the order releases
// were written (a parallel add writes them in a varying order).
//
// Sorting every match by ID costs a stored-ID read per match, so the
// search asks for one hit more than wanted, ranked by score alone: when
// that extra hit scores below the last wanted one, the wanted hits are the
// best whatever the tie-break, and only their order needs mending; when it
// ties, which hits make the cut depends on the tie-break, and the search
// is run again sorted by score, then ID (about one search in fifty on the
// question sets). run is x.search or a search of x.searcher; req is changed.
func searchRanked(run func(*bleve.SearchRequest) (*bleve.SearchResult, error), req *bleve.SearchRequest) (*bleve.SearchResult, error) {
	n := req.Size
	if n <= 0 {
		return run(req)
	}
	q := req.Query // run may wrap it (hidePartial): the second run starts afresh
	req.Size = n + 1
	res, err := run(req)
	if err != nil {
		return nil, err
	}
	if len(res.Hits) > n && res.Hits[n].Score == res.Hits[n-1].Score {
		req.Query, req.Size = q, n
		req.SortBy([]string{"-_score", "_id"})
		if res, err = run(req); err != nil {
			return nil, err
		}
	}
	if len(res.Hits) > n {
		res.Hits = res.Hits[:n]
	}
	sortHits(res.Hits)
	return res, nil
}

// searchAboveTie is searchRanked, except that when the hits tie across
// the cut (more share the last place than there is room for) and some
// score above the tie, only those are returned: the same whatever the
// tie-break, without searchRanked's second search, which reads the ID of
// every match (most of a cold ask at 10,000 releases, when a company
// name's common word matched a fifth of them).
func searchAboveTie(run func(*bleve.SearchRequest) (*bleve.SearchResult, error), req *bleve.SearchRequest) (*bleve.SearchResult, error) {
	n := req.Size
	if n <= 0 {
		return run(req)
	}
	q := req.Query
	req.Size = n + 1
	res, err := run(req)
	if err != nil {
		return nil, err
	}
	if len(res.Hits) <= n || res.Hits[n].Score != res.Hits[n-1].Score {
		if len(res.Hits) > n {
			res.Hits = res.Hits[:n]
		}
		sortHits(res.Hits)
		return res, nil
	}
	above := 0
	for above < n && res.Hits[above].Score > res.Hits[n].Score {
		above++
	}
	if above > 0 {
		res.Hits = res.Hits[:above]
		sortHits(res.Hits)
		return res, nil
	}
	req.Query, req.Size = q, n
	return searchRanked(run, req)
}

// sortHits orders hits by score, best first, then by ID.
func sortHits(hits search.DocumentMatchCollection) {
	slices.SortStableFunc(hits, func(a, b *search.DocumentMatch) int {
		if c := cmp.Compare(b.Score, a.Score); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
}

func (x *Index) noteDamage(err error) error {
	err = damaged(x.path, err)
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.err == nil {
		x.err = err
	}
	return err
}

// Err reports damage found while searching (wrapping ErrDamaged), or nil.
// Answering swallows search errors, so callers check Err after asking.
func (x *Index) Err() error {
	x.mu.Lock()
	defer x.mu.Unlock()
	return x.err
}

// Open opens the index at path, creating it unless opts.ReadOnly is set.
// It opens only an index of ours (or a folder with nothing in it to
// create one in), and never changes a damaged one. Errors wrap ErrNotIndex
// for a file or a folder of something else, ErrNoIndex when a reader finds
// nothing, ErrBusy when another process is writing, ErrNotWritable when a
// writer may not write to a whole index, and ErrDamaged, saying how to
// rebuild, when the index is damaged.
func Open(path string, opts Options) (*Index, error) {
	if opts.Timeout == 0 {
		opts.Timeout = time.Second
	}
	if opts.WaitReaders == 0 {
		opts.WaitReaders = 30 * time.Second
	}
	if opts.Shards < 0 || opts.Shards > MaxShards {
		return nil, fmt.Errorf("index %s: %d shards: an index has 1 to %d", path, opts.Shards, MaxShards)
	}
	where, err := classify(path)
	if err != nil {
		return nil, err
	}
	if (opts.ReadOnly || opts.MustExist) && (where == placeNone || where == placeEmpty) {
		return nil, fmt.Errorf("index %s: %w", path, ErrNoIndex)
	}
	if opts.ReadOnly {
		return openReader(path, opts, min(readerGateWait, opts.Timeout))
	}
	return openWriter(path, where, opts)
}

// openReader opens an existing index of ours for reading, waiting up to
// gateWait for a writer to leave the gate.
func openReader(path string, opts Options, gateWait time.Duration) (*Index, error) {
	dirs := bleveDirs(path, markerShards(path))
	for _, dir := range dirs {
		if err := checkReadable(path, dir); err != nil {
			return nil, err
		}
		if err := checkBolt(path, dir); err != nil {
			return nil, err
		}
	}
	// a writer that holds the bolt lock is writing, likely for long: say
	// so at once. One still waiting for the readers before it may get in
	// and finish a short write (an rm) soon: the gate waits a little.
	if anyLockedByOther(dirs) {
		return nil, &busyError{path: path, why: busyForReader}
	}
	g, err := enterShared(path, gateWait)
	if err != nil {
		return nil, err
	}
	defer g.release() // once open, a reader no longer keeps a writer out
	if anyLockedByOther(dirs) {
		// a writer came in meanwhile (one that does not know the gate)
		return nil, &busyError{path: path, why: busyForReader}
	}
	shards, err := openShards(path, dirs, map[string]interface{}{"bolt_timeout": opts.Timeout.String(), "read_only": true})
	if err != nil {
		return nil, err
	}
	return &Index{b: searchable(shards), shards: shards, path: path, readOnly: true}, nil
}

// anyLockedByOther reports whether a writer holds the bolt lock of any of
// the index's Bleve folders.
func anyLockedByOther(dirs []string) bool {
	for _, dir := range dirs {
		if lockedByOther(boltPath(dir), true) {
			return true
		}
	}
	return false
}

// openShards opens the Bleve index in each of dirs, the folders of the
// index at path; on an error it closes those it opened.
func openShards(path string, dirs []string, cfg map[string]interface{}) ([]bleve.Index, error) {
	readOnly := cfg["read_only"] == true
	var shards []bleve.Index
	for _, dir := range dirs {
		b, err := openBleve(dir, cfg)
		if err != nil {
			for _, s := range shards {
				_ = s.Close()
			}
			return nil, openError(path, readOnly, err)
		}
		shards = append(shards, b)
	}
	return shards, nil
}

// openWriter opens the index at path for writing, creating it if there is
// none. It first opens it read-only, which writes nothing, and goes on only
// if that finds it whole: scorch opened for writing removes every segment
// file its root does not list, so a writable open of an index whose
// root.bolt is empty or missing would delete every release in it.
func openWriter(path string, where place, opts Options) (*Index, error) {
	if where == placeNone || where == placeEmpty {
		if err := create(path, max(1, opts.Shards)); err != nil {
			return nil, err
		}
	}
	probe, err := openReader(path, opts, opts.Timeout)
	if err != nil {
		if errors.Is(err, ErrBusy) {
			err = &busyError{path: path, why: busyWriting}
		}
		return nil, err
	}
	if err := probe.Close(); err != nil {
		return nil, fmt.Errorf("index %s: %w", path, err)
	}
	dirs := bleveDirs(path, markerShards(path))
	for _, dir := range dirs {
		if err := checkWritable(path, dir); err != nil {
			return nil, err
		}
	}
	w := newWaiter(path, opts)
	g, err := enterExclusive(path, opts, w)
	if err != nil {
		return nil, err
	}
	for _, dir := range dirs {
		if err := waitForReaders(dir, w); err != nil {
			g.release()
			return nil, err
		}
	}
	shards, err := openShards(path, dirs, map[string]interface{}{"bolt_timeout": opts.Timeout.String()})
	if err != nil {
		g.release()
		return nil, err
	}
	if where == placeLegacy {
		// from now on the index is known as ours by its marker, even if
		// Bleve's own files are lost. Without it the index still works.
		_ = writeMarker(path)
	}
	return &Index{b: searchable(shards), shards: shards, path: path, gate: g}, nil
}

// openError says why Bleve could not open the index of ours at path:
// another process holds it, or it is damaged.
func openError(path string, readOnly bool, err error) error {
	switch {
	case errors.Is(err, bolterrors.ErrTimeout) && readOnly:
		return &busyError{path: path, why: busyForReader}
	case errors.Is(err, bolterrors.ErrTimeout):
		return &busyError{path: path, why: busyUsing}
	default:
		return damaged(path, err)
	}
}

func boltPath(path string) string { return filepath.Join(path, "store", "root.bolt") }

// openBleve opens an existing index, turning a panic inside Bleve (a
// truncated file) into an error. Scorch opens an index whose latest
// snapshot cannot be loaded (a segment file missing or cut short) by
// falling back to an older one, which silently drops releases, and says so
// only in the standard log: that is damage too.
func openBleve(path string, cfg map[string]interface{}) (b bleve.Index, err error) {
	registerTMFilter()
	logMu.Lock()
	var logged bytes.Buffer
	saved := log.Writer()
	log.SetOutput(&logged)
	defer func() {
		log.SetOutput(saved)
		logMu.Unlock()
		if r := recover(); r != nil {
			b, err = nil, fmt.Errorf("%v", r)
		}
		if err == nil {
			if i := strings.Index(logged.String(), "unable to load snapshot"); i >= 0 {
				_ = b.Close()
				line, _, _ := strings.Cut(logged.String()[i:], "\n")
				b, err = nil, errors.New(strings.TrimSuffix(line, ", continuing"))
			}
		}
	}()
	return bleve.OpenUsing(path, cfg)
}

// fastJSON decodes stored records: json-iterator (already in the build
// through Bleve) in its standard-library-compatible mode decodes about
// twice as fast as encoding/json, and decoding was a quarter of answering.
var fastJSON = jsoniter.ConfigCompatibleWithStandardLibrary

// logMu serializes openBleve's borrowing of the standard logger.
var logMu sync.Mutex

// create makes a new, empty index of n shards at path, where there is
// nothing or an empty folder, with our marker in it. It builds it in a folder
// beside path and renames that into place, so that a crash while creating
// leaves no index (and a leftover folder, which the next create removes)
// rather than one without its mapping, which would not open. If another
// process creates the index at the same time, its index is kept.
func create(path string, n int) error {
	if st, err := os.Lstat(path); err == nil && st.Mode()&fs.ModeSymlink != 0 {
		// a link to a folder: the index goes in the folder, and the link
		// stays (renaming onto the link replaced it)
		real, err := filepath.EvalSymlinks(path)
		if err != nil {
			return fmt.Errorf("index %s: a link to nothing: %w", path, err)
		}
		path = real
	}
	parent := filepath.Dir(path)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return fmt.Errorf("index %s: %w", path, err)
	}
	// folders left by creates that crashed
	old, _ := filepath.Glob(filepath.Join(parent, "."+filepath.Base(path)+".creating-*"))
	for _, o := range old {
		if st, err := os.Stat(o); err == nil && time.Since(st.ModTime()) > time.Hour {
			_ = os.RemoveAll(o)
		}
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(path)+".creating-")
	if err != nil {
		return fmt.Errorf("index %s: create: %w", path, err)
	}
	defer os.RemoveAll(tmp) // gone after the rename
	dir := filepath.Join(tmp, "index")
	for _, d := range bleveDirs(dir, n) {
		nb, err := bleve.NewUsing(d, newMapping(), scorch.Name, scorch.Name, nil)
		if err != nil {
			return fmt.Errorf("index %s: create: %w", path, err)
		}
		if err := nb.Close(); err != nil {
			return fmt.Errorf("index %s: create: %w", path, err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, markerName), markerJSON(formatVersion, n), 0o644); err != nil {
		return fmt.Errorf("index %s: create: %w", path, err)
	}
	if err := os.WriteFile(filepath.Join(dir, gateName), nil, 0o644); err != nil {
		return fmt.Errorf("index %s: create: %w", path, err)
	}
	if isEmptyDir(path) {
		_ = os.Remove(path)
	}
	// a rename onto a folder that is not empty fails, so an index is never
	// made inside a folder that something else has filled meanwhile
	if err := os.Rename(dir, path); err != nil {
		if where, cerr := classify(path); cerr == nil && where == placeOurs {
			return nil // another process created it first
		}
		return fmt.Errorf("index %s: create: %w", path, err)
	}
	return nil
}

func isEmptyDir(p string) bool {
	es, err := os.ReadDir(p)
	return err == nil && len(es) == 0
}

// OpenMem creates an empty in-memory index (scorch, not NewMemOnly: the
// latter is slower and ignores parts of the mapping).
func OpenMem() (*Index, error) { return OpenMemShards(1) }

// OpenMemShards creates an empty in-memory index of n shards.
func OpenMemShards(n int) (*Index, error) {
	if n < 1 || n > MaxShards {
		return nil, fmt.Errorf("index: in memory: %d shards: an index has 1 to %d", n, MaxShards)
	}
	shards := make([]bleve.Index, n)
	for i := range shards {
		b, err := bleve.NewUsing("", newMapping(), scorch.Name, scorch.Name, nil)
		if err != nil {
			return nil, fmt.Errorf("index: in memory: %w", err)
		}
		b.SetName(fmt.Sprintf("shard-%02d", i))
		shards[i] = b
	}
	return &Index{b: searchable(shards), shards: shards}, nil
}

// Path is where the index lives ("" in memory).
func (x *Index) Path() string { return x.path }

// Close closes the index. A writer lets readers in again only after
// Bleve has closed, its writes on disk.
func (x *Index) Close() error {
	var err error
	for _, s := range x.shards {
		err = cmp.Or(err, s.Close())
	}
	x.gate.release()
	return err
}

// DocInfo describes an indexed release.
type DocInfo struct {
	Name     string           `json:"name"`
	Company  string           `json:"company"`
	CIK      string           `json:"cik,omitempty"`
	Ticker   string           `json:"ticker,omitempty"`
	Format   string           `json:"format"`
	Hash     string           `json:"hash"`
	Size     int              `json:"size"`
	Path     string           `json:"path,omitempty"` // the file it was added from, if known
	Lines    int              `json:"lines"`
	Passages int              `json:"passages"`
	Rows     int              `json:"rows"`
	Tables   int              `json:"tables"`
	Facts    int              `json:"facts"`
	Current  period.Period    `json:"current,omitzero"`
	Latest   period.Date      `json:"latest,omitzero"`
	Calendar extract.Calendar `json:"calendar,omitzero"`
	Entities []string         `json:"entities,omitempty"`
	// Periods are the distinct periods of the release's table columns.
	Periods []period.Period `json:"periods,omitempty"`
	Added   time.Time       `json:"added"`
}

// Fact is a stored fact: the extracted fact, its document, and its citation.
type Fact struct {
	extract.Fact
	Doc    string `json:"doc"`
	Cite   string `json:"cite"`   // the cited lines, verbatim
	Offset [2]int `json:"offset"` // byte range of the cited element in the source
	// Header holds a table fact's column header lines, and HeaderLines and
	// HeaderOffset where they are.
	Header       string `json:"header,omitempty"`
	HeaderLines  [2]int `json:"header_lines,omitempty"`
	HeaderOffset [2]int `json:"header_offset,omitempty"`
}

// Passage is a stored passage.
type Passage struct {
	extract.Passage
	Doc    string `json:"doc"`
	Cite   string `json:"cite"`
	Offset [2]int `json:"offset"`
	Facts  []Fact `json:"facts,omitempty"`
}

type rowData struct {
	Facts []Fact `json:"facts"`
	// Label is the row record's label and Columns its table's title and
	// column headers, kept to rank a release's records without Bleve's
	// scoring (docFacts); empty in indexes built before.
	Label   string `json:"label,omitempty"`
	Columns string `json:"columns,omitempty"`
	// Header, HeaderLines and HeaderOffset are the table's column header,
	// the same for every fact of the row: stored once here (it was a sixth
	// of the index) and given back to each fact when the row is read.
	Header       string `json:"header,omitempty"`
	HeaderLines  [2]int `json:"header_lines,omitempty"`
	HeaderOffset [2]int `json:"header_offset,omitempty"`
	// Cite and Offset are the row's cited lines, the same for every fact
	// of the row when it is one line of a table: stored once here.
	Cite   string `json:"cite,omitempty"`
	Offset [2]int `json:"offset,omitempty"`
}

// newRowData is the stored form of a row's facts: the header, and the
// cited lines, taken out of the facts when they all share them. It takes
// fs over (a row of a very wide table holds 100,000 facts: no copy).
func newRowData(fs []Fact, label, columns string) rowData {
	d := rowData{Facts: fs, Label: label, Columns: columns}
	sameHeader, sameCite := true, true
	for _, f := range fs {
		sameHeader = sameHeader && f.Header == fs[0].Header && f.HeaderLines == fs[0].HeaderLines && f.HeaderOffset == fs[0].HeaderOffset
		sameCite = sameCite && f.Cite == fs[0].Cite && f.Offset == fs[0].Offset
	}
	if sameHeader {
		d.Header, d.HeaderLines, d.HeaderOffset = fs[0].Header, fs[0].HeaderLines, fs[0].HeaderOffset
		for i := range d.Facts {
			d.Facts[i].Header, d.Facts[i].HeaderLines, d.Facts[i].HeaderOffset = "", [2]int{}, [2]int{}
		}
	}
	if sameCite && len(fs) > 1 {
		d.Cite, d.Offset = fs[0].Cite, fs[0].Offset
		for i := range d.Facts {
			d.Facts[i].Cite, d.Facts[i].Offset = "", [2]int{}
		}
	}
	return d
}

// decodeRow reads a stored row, giving its facts their header and cited
// lines back.
func decodeRow(data string) (rowData, error) {
	var d rowData
	if err := fastJSON.Unmarshal([]byte(data), &d); err != nil {
		return d, err
	}
	for i := range d.Facts {
		f := &d.Facts[i]
		if d.Header != "" && f.Header == "" {
			f.Header, f.HeaderLines, f.HeaderOffset = d.Header, d.HeaderLines, d.HeaderOffset
		}
		if d.Cite != "" && f.Cite == "" {
			f.Cite, f.Offset = d.Cite, d.Offset
		}
	}
	return d, nil
}

type docRecord struct {
	Kind    string `json:"kind"`
	Doc     string `json:"doc"`
	Company string `json:"company"`
	Data    string `json:"data"`
	View    string `json:"view"`
}

type passageRecord struct {
	Kind     string   `json:"kind"`
	Doc      string   `json:"doc"`
	Text     string   `json:"text"`
	Section  string   `json:"section"`
	Keys     []string `json:"keys"`
	Entities string   `json:"entities"`
	Data     string   `json:"data"`
}

type rowRecord struct {
	Kind     string   `json:"kind"`
	Doc      string   `json:"doc"`
	Label    string   `json:"label"`
	Context  string   `json:"context"`
	Keys     []string `json:"keys"`
	Entities string   `json:"entities"`
	Data     string   `json:"data"`
}

func docID(name string) string            { return name + "#doc" }
func passageID(name string, i int) string { return fmt.Sprintf("%s#p%d", name, i) }
func rowID(name string, t, r int) string  { return fmt.Sprintf("%s#r%d.%d", name, t, r) }

// Doc returns the stored description of a release, or an error wrapping
// ErrNotFound.
func (x *Index) Doc(name string) (*DocInfo, error) {
	req := bleve.NewSearchRequest(bleve.NewDocIDQuery([]string{docID(name)}))
	req.Fields = []string{"data"}
	res, err := x.searchDoc(name, req)
	if err != nil {
		return nil, wrap("index", err)
	}
	if len(res.Hits) == 0 {
		return nil, fmt.Errorf("%s: %w", name, ErrNotFound)
	}
	var d DocInfo
	if err := fastJSON.Unmarshal([]byte(str(res.Hits[0].Fields["data"])), &d); err != nil {
		return nil, x.noteDamage(fmt.Errorf("the description of %s does not decode: %v", name, err))
	}
	return &d, nil
}

// eachData calls fn with the ID and stored data of every record q
// matches in b (the index, or a shard), in ID order, reading page records
// a search. Each search starts after the last ID read, so that a page
// costs the same however far in it is (a search from an offset collects
// every hit before it, on every shard).
func (x *Index) eachData(b bleve.Index, q query.Query, page int, fn func(id, data string)) error {
	var after []string
	for {
		req := bleve.NewSearchRequestOptions(q, page, 0, false)
		req.Fields = []string{"data"}
		req.SortBy([]string{"_id"})
		req.SearchAfter = after
		res, err := x.searchIn(b, req)
		if err != nil {
			return wrap("index", err)
		}
		for _, h := range res.Hits {
			fn(h.ID, str(h.Fields["data"]))
		}
		if len(res.Hits) < page {
			return nil
		}
		last := res.Hits[len(res.Hits)-1].ID
		if after != nil && last <= after[0] {
			// IDs that do not go forward come from damaged files; reading
			// on would repeat the same page forever
			return x.noteDamage(fmt.Errorf("records out of order after %q", after[0]))
		}
		after = []string{last}
	}
}

// Docs lists every indexed release, by name.
func (x *Index) Docs() ([]DocInfo, error) {
	q := bleve.NewTermQuery(kindDoc)
	q.SetField("kind")
	var out []DocInfo
	err := x.eachData(x.b, q, 1000, func(_, data string) {
		var d DocInfo
		if err := fastJSON.Unmarshal([]byte(data), &d); err == nil {
			out = append(out, d)
		}
	})
	if err != nil {
		return nil, err
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

// Count returns the number of indexed releases. A read-only index counts
// once: answering asks for every question.
func (x *Index) Count() (int, error) {
	if x.readOnly {
		x.mu.Lock()
		n := x.count
		x.mu.Unlock()
		if n > 0 {
			return n, nil
		}
	}
	q := bleve.NewTermQuery(kindDoc)
	q.SetField("kind")
	res, err := x.search(bleve.NewSearchRequestOptions(q, 0, 0, false))
	if err != nil {
		return 0, wrap("index", err)
	}
	x.mu.Lock()
	x.count = int(res.Total)
	x.mu.Unlock()
	return int(res.Total), nil
}

// Records counts the passage and row records stored for a release, found
// by their doc field: a complete release has DocInfo.Passages and
// DocInfo.Rows of them (and a release with no doc record has none).
func (x *Index) Records(name string) (passages, rows int, err error) {
	count := func(kind string) (int, error) {
		q := bleve.NewConjunctionQuery(term("doc", name), term("kind", kind))
		res, err := x.searchDoc(name, bleve.NewSearchRequestOptions(q, 0, 0, false))
		if err != nil {
			return 0, wrap("index", err)
		}
		return int(res.Total), nil
	}
	if passages, err = count(kindPassage); err != nil {
		return 0, 0, err
	}
	rows, err = count(kindRow)
	return passages, rows, err
}

// View returns a release's reading view.
func (x *Index) View(name string) ([]extract.Line, error) {
	req := bleve.NewSearchRequest(bleve.NewDocIDQuery([]string{docID(name)}))
	req.Fields = []string{"view"}
	res, err := x.searchDoc(name, req)
	if err != nil {
		return nil, wrap("index", err)
	}
	if len(res.Hits) == 0 {
		return nil, fmt.Errorf("%s: %w", name, ErrNotFound)
	}
	var lines []extract.Line
	if err := fastJSON.Unmarshal([]byte(str(res.Hits[0].Fields["view"])), &lines); err != nil {
		// ex99 stored it as JSON: one that does not decode is a damaged file
		return nil, x.noteDamage(fmt.Errorf("the reading view of %s does not decode: %v", name, err))
	}
	return lines, nil
}

// Unchanged reports whether the index holds a release of this name with
// this content hash.
func (x *Index) Unchanged(name, hash string) bool {
	d, err := x.Doc(name)
	return err == nil && d.Hash == hash
}

// ErrWrite is returned (wrapped) when a batch could not be written: the
// releases queued since the last write are not in the index.
var ErrWrite = errors.New("index write failed")

// Writer adds releases in batches, one per shard. Each release goes into
// its shard's batch as a whole, and Bleve writes a batch atomically, so a
// crash never leaves half a release behind: a release is in the index with
// all its records, or not at all.
type Writer struct {
	x       *Index
	batches []*bleve.Batch // by shard
	entries int
	pending map[string]bool // releases in the batch
	since   time.Time       // when the oldest queued release was queued
	// a batch being written in the background while the next one fills
	writing  chan error      // nil when none; receives the write's result
	inflight map[string]bool // releases in it
	// BatchEntries is how many records to gather before writing; default 4000.
	BatchEntries int
	// MaxDelay is the longest a queued release waits to be written, so that
	// a crash loses little work; default 2s.
	MaxDelay time.Duration
}

// NewWriter starts a batch writer. Call Flush when done.
func (x *Index) NewWriter() *Writer {
	return &Writer{x: x, batches: x.newBatches(), BatchEntries: 4000, MaxDelay: 2 * time.Second,
		pending: map[string]bool{}, inflight: map[string]bool{}}
}

// newBatches makes an empty batch for each shard.
func (x *Index) newBatches() []*bleve.Batch {
	bs := make([]*bleve.Batch, len(x.shards))
	for i, s := range x.shards {
		bs[i] = s.NewBatch()
	}
	return bs
}

// Add queues a release, replacing any earlier one of the same name. The
// release is written by a later Add (in the background: the next batch
// fills while one is written) or by Flush; an error that wraps ErrWrite
// means a write failed, and the releases of that batch are not in the
// index. On any other error nothing of d is queued.
func (w *Writer) Add(d *extract.Document) error {
	if w.x.readOnly {
		return fmt.Errorf("index: %s: opened read-only", d.Name)
	}
	if w.pending[d.Name] || w.inflight[d.Name] {
		// the same name twice in a row: write the first, so that the
		// second finds and replaces all of its records
		if err := w.Flush(); err != nil {
			return err
		}
	}
	// gather the release's operations first, so that an error leaves
	// nothing of it in the batch
	if d.Size > partSource {
		return w.addInParts(d)
	}
	var rec recorder
	w.deleteOld(&rec, d.Name)
	if err := addDocSafely(&rec, d); err != nil {
		return err
	}
	if err := w.queue(rec.ops, d.Name); err != nil {
		return err
	}
	if w.entries >= w.BatchEntries {
		return w.flush(false)
	}
	return w.FlushDue()
}

// FlushDue starts writing what is queued (in the background) once the
// oldest queued release has waited MaxDelay. Add calls it; a caller that
// waits for its next release (a slow file being extracted) calls it every
// so often too, so that finished releases are not held back, unwritten and
// lost to a kill, by one that is not finished.
func (w *Writer) FlushDue() error {
	if len(w.pending) == 0 || time.Since(w.since) < w.MaxDelay {
		return nil
	}
	return w.flush(false)
}

// op is one batch operation: index rec under id, or delete id (rec nil).
type op struct {
	id  string
	rec interface{}
}

// recorder gathers a release's operations.
type recorder struct{ ops []op }

func (r *recorder) Index(id string, rec interface{}) error {
	r.ops = append(r.ops, op{id, rec})
	return nil
}

func (r *recorder) Delete(id string) { r.ops = append(r.ops, op{id: id}) }

// queue puts a release's operations into the batch. If Bleve refuses a
// record (it maps each as it is queued), the release's records queued so
// far are taken back out and its document record deleted, so that no part
// of it, old or new, stays.
func (w *Writer) queue(ops []op, name string) (err error) {
	if len(w.pending) == 0 {
		w.since = time.Now()
	}
	w.pending[name] = true
	w.entries += len(ops)
	batch := w.batches[shardOf(name, len(w.batches))]
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("index: %s: internal error: %v", name, r)
		}
		if err != nil {
			for _, o := range ops {
				batch.Delete(o.id)
			}
			batch.Delete(docID(name))
			err = fmt.Errorf("%w; not added", err)
		}
	}()
	for _, o := range ops {
		if o.rec == nil {
			batch.Delete(o.id)
			continue
		}
		if err := batch.Index(o.id, o.rec); err != nil {
			return fmt.Errorf("index: %s: %w", name, err)
		}
	}
	return nil
}

// addDocSafely is addDoc with a panic turned into an error.
func addDocSafely(r indexer, d *extract.Document) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("index: %s: internal error: %v", d.Name, p)
		}
	}()
	_, err = addDoc(r, d)
	return err
}

// Remove queues the removal of a release.
func (w *Writer) Remove(name string) error {
	if w.pending[name] || w.inflight[name] {
		if err := w.Flush(); err != nil {
			return err
		}
	}
	var rec recorder
	if w.deleteOld(&rec, name) == 0 {
		return fmt.Errorf("%s: %w", name, ErrNotFound)
	}
	return w.queue(rec.ops, name)
}

// deleteOld records the deletion of every record of a release (its doc
// record, passages and their parts, rows), and of the partial marker and
// records a kill left of a release being written in parts (see
// partBytes), and returns how many it found.
func (w *Writer) deleteOld(b *recorder, name string) int {
	q := bleve.NewDisjunctionQuery(term("doc", name), bleve.NewDocIDQuery([]string{partialID(name)}))
	n := 0
	for from := 0; ; from += 5000 {
		req := bleve.NewSearchRequestOptions(q, 5000, from, false)
		res, err := w.x.searchDoc(name, req)
		if err != nil {
			break
		}
		for _, h := range res.Hits {
			b.Delete(h.ID)
		}
		n += len(res.Hits)
		if len(res.Hits) < 5000 {
			break
		}
	}
	return n
}

// Pending is how many releases are queued or being written.
func (w *Writer) Pending() int { return len(w.pending) + len(w.inflight) }

// Flush writes what is queued and returns when it is in the index.
func (w *Writer) Flush() error { return w.flush(true) }

// flush waits for the batch being written, then writes the queued one: in
// the background unless wait is set.
func (w *Writer) flush(wait bool) error {
	w.x.mu.Lock()
	w.x.recs = nil // the records kept for answering may change
	w.x.mu.Unlock()
	if err := w.wait(); err != nil {
		return err
	}
	if len(w.pending) == 0 {
		return nil
	}
	bs, names := w.batches, w.pending
	w.batches, w.pending, w.entries = w.x.newBatches(), w.inflight, 0
	w.inflight = names
	w.writing = make(chan error, 1)
	go func(done chan<- error) {
		done <- w.x.writeBatches(bs)
	}(w.writing)
	if wait {
		return w.wait()
	}
	return nil
}

// writeBatches writes each shard's batch, the shards at once, and returns
// the first error.
func (x *Index) writeBatches(bs []*bleve.Batch) error {
	errs := make([]error, len(bs))
	var wg sync.WaitGroup
	for i, b := range bs {
		if b.Size() == 0 {
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = x.shards[i].Batch(b)
		}()
	}
	wg.Wait()
	return errors.Join(errs...)
}

// wait waits for the batch being written, if any.
func (w *Writer) wait() error {
	if w.writing == nil {
		return nil
	}
	err := <-w.writing
	w.writing = nil
	n := len(w.inflight)
	clear(w.inflight)
	if err != nil {
		return fmt.Errorf("%w: %d releases not written: %v", ErrWrite, n, err)
	}
	return nil
}

// indexer takes records: a Bleve batch, a recorder, a partWriter.
type indexer interface {
	Index(id string, rec interface{}) error
}

// addDoc puts a release's records into b and returns how many: its
// passages (long ones in parts, see maxPassageText) with their narrative
// facts, its table rows with their cell facts, and last its doc record.
// Stored facts are made a passage part or a row at a time, so that a
// release of many facts is not held twice over in memory.
func addDoc(b indexer, d *extract.Document) (int, error) {
	c := &citer{d: d, memo: map[citeKey]cited{}}
	byPassage, byRow := groupFacts(d)
	n, err := addPassages(b, d, c, byPassage)
	if err != nil {
		return n, err
	}
	nrows, err := addRows(b, d, c, byRow)
	n += nrows
	if err != nil {
		return n, err
	}
	if err := addDocRecord(b, d, nrows); err != nil {
		return n, err
	}
	return n + 1, nil
}

// groupFacts gives the indexes of a release's facts by the passage that
// holds each text fact, and by the table row of each table fact.
func groupFacts(d *extract.Document) (byPassage map[int][]int, byRow map[[2]int][]int) {
	byPassage, byRow = map[int][]int{}, map[[2]int][]int{}
	for i := range d.Facts {
		f := &d.Facts[i]
		if f.Source == "table" {
			k := [2]int{f.TableIndex, f.RowIndex}
			byRow[k] = append(byRow[k], i)
			continue
		}
		pi := sort.Search(len(d.Passages), func(i int) bool { return d.Passages[i].End >= f.Start })
		byPassage[pi] = append(byPassage[pi], i)
	}
	return byPassage, byRow
}

// addPassages indexes a release's passages with their text facts; a
// passage longer than maxPassageText goes in parts, each with the facts
// whose clauses start in it.
func addPassages(b indexer, d *extract.Document, c *citer, byPassage map[int][]int) (int, error) {
	n := 0
	for i, p := range d.Passages {
		text, off := c.cite(p.Start, p.End, "")
		starts := passageParts(p.Text)
		idx := byPassage[i]
		if len(starts) > 1 {
			idx = slices.Clone(idx)
			slices.SortStableFunc(idx, func(a, b int) int {
				return partOf(starts, &d.Facts[a]) - partOf(starts, &d.Facts[b])
			})
		}
		for k, at := range starts {
			sp := Passage{Passage: p, Doc: d.Name, Cite: text, Offset: off}
			id := passageID(d.Name, i)
			if len(starts) > 1 {
				end := len(p.Text)
				if k+1 < len(starts) {
					end = starts[k+1]
				}
				sp.Text = p.Text[at:end]
				id = fmt.Sprintf("%s.%d", id, k)
			}
			for len(idx) > 0 && (len(starts) == 1 || partOf(starts, &d.Facts[idx[0]]) == k) {
				sp.Facts = append(sp.Facts, c.fact(d.Facts[idx[0]]))
				idx = idx[1:]
			}
			data, err := json.Marshal(sp)
			if err != nil {
				return n, fmt.Errorf("index: %s: %w", d.Name, err)
			}
			rec := passageRecord{Kind: kindPassage, Doc: d.Name, Text: sp.Text, Section: p.Section, Data: string(data)}
			rec.Keys, rec.Entities = keysOf(sp.Facts)
			if err := b.Index(id, rec); err != nil {
				return n, fmt.Errorf("index: %s: %w", d.Name, err)
			}
			n++
		}
	}
	return n, nil
}

// addRows indexes a release's table rows that hold facts.
func addRows(b indexer, d *extract.Document, c *citer, byRow map[[2]int][]int) (int, error) {
	n := 0
	for ti, t := range d.Tables {
		title := strings.Join(t.Title, " ")
		var cols []string
		for _, c := range t.Columns {
			cols = append(cols, c.Header)
		}
		columns := title + " " + strings.Join(cols, " ")
		for ri, r := range t.Rows {
			idx := byRow[[2]int{ti, ri}]
			if len(idx) == 0 {
				continue
			}
			fs := make([]Fact, len(idx))
			for k, i := range idx {
				fs[k] = c.fact(d.Facts[i])
			}
			context := strings.Join(r.Section, " ") + " " + columns
			data, err := json.Marshal(newRowData(fs, r.Label, columns))
			if err != nil {
				return n, fmt.Errorf("index: %s: %w", d.Name, err)
			}
			rec := rowRecord{Kind: kindRow, Doc: d.Name, Label: r.Label, Context: context, Data: string(data)}
			rec.Keys, rec.Entities = keysOf(fs)
			if err := b.Index(rowID(d.Name, ti, ri), rec); err != nil {
				return n, fmt.Errorf("index: %s: %w", d.Name, err)
			}
			n++
		}
	}
	return n, nil
}

// addDocRecord indexes a release's doc record: what it is, and its
// reading view.
func addDocRecord(b indexer, d *extract.Document, nrows int) error {
	info := DocInfo{Name: d.Name, Company: d.Company, CIK: d.CIK, Ticker: d.Ticker, Format: d.Format, Hash: d.Hash, Size: d.Size, Path: d.Path,
		Lines: len(d.Lines), Passages: len(d.Passages), Rows: nrows, Tables: len(d.Tables), Facts: len(d.Facts),
		Current: d.Current, Latest: d.Latest, Calendar: d.Calendar, Entities: d.Entities, Periods: periodsOf(d), Added: time.Now().UTC()}
	data, err := json.Marshal(info)
	if err != nil {
		return fmt.Errorf("index: %s: %w", d.Name, err)
	}
	view, err := json.Marshal(d.Lines)
	if err != nil {
		return fmt.Errorf("index: %s: %w", d.Name, err)
	}
	if err := b.Index(docID(d.Name), docRecord{Kind: kindDoc, Doc: d.Name, Company: d.Company + " " + d.Ticker + " " + d.Name, Data: string(data), View: string(view)}); err != nil {
		return fmt.Errorf("index: %s: %w", d.Name, err)
	}
	return nil
}

// citer makes the cited text of facts and passages.
type citer struct {
	d *extract.Document
	// memo holds the cites of table rows and headers: the facts of a row
	// share its lines, and those of a table its header, so each is cited
	// once and shared, not copied per fact (a table of 100,000 columns
	// made 100,000 copies of both)
	memo map[citeKey]cited
}

type citeKey struct {
	start, end int
	clause     string
}

type cited struct {
	text string
	off  [2]int
}

// fact is the stored form of an extracted fact, with its citation (and a
// table fact's column header).
func (c *citer) fact(f extract.Fact) Fact {
	if f.Source != "table" {
		text, off := c.cite(f.Start, f.End, f.Text)
		return Fact{Fact: f, Doc: c.d.Name, Cite: text, Offset: off}
	}
	text, off := c.shared(f.Start, f.End, f.Text)
	sf := Fact{Fact: f, Doc: c.d.Name, Cite: text, Offset: off}
	if f.TableIndex < len(c.d.Tables) {
		if t := c.d.Tables[f.TableIndex]; t.HeaderStart > 0 && t.HeaderEnd >= t.HeaderStart {
			sf.Header, sf.HeaderOffset = c.shared(t.HeaderStart, t.HeaderEnd, "")
			sf.HeaderLines = [2]int{t.HeaderStart, t.HeaderEnd}
		}
	}
	return sf
}

// shared is cite, remembered.
func (c *citer) shared(start, end int, clause string) (string, [2]int) {
	k := citeKey{start, end, clause}
	v, ok := c.memo[k]
	if !ok {
		v.text, v.off = c.cite(start, end, clause)
		c.memo[k] = v
	}
	return v.text, v.off
}

// cite returns the cited lines and their byte range, or for a citation
// longer than maxCite (a file that is one long line) the clause, if
// known, or the start of the lines: storing huge lines with every fact
// would be quadratic.
func (c *citer) cite(start, end int, clause string) (string, [2]int) {
	lines := c.d.Lines
	start, end = max(start, 1), min(max(end, start, 1), len(lines))
	if start > end {
		return "", [2]int{}
	}
	off := [2]int{lines[start-1].Start, lines[end-1].End}
	var sb strings.Builder
	for i := start; i <= end; i++ {
		if i > start {
			sb.WriteByte('\n')
		}
		t := lines[i-1].Text
		if sb.Len()+len(t) > maxCite {
			if clause != "" && len(clause) <= maxCite {
				return clause, off
			}
			return clipJoin(sb.String(), t, maxCite), off
		}
		sb.WriteString(t)
	}
	return sb.String(), off
}

// maxCite is the longest citation stored.
const maxCite = 4000

// clip cuts s to at most n bytes, on a character boundary, marking the cut.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + " …"
}

// clipJoin is clip(a+b, n) for len(a)+len(b) > n without building a+b:
// b can be a line of megabytes, and copying it for every fact cited from
// it cost memory and time quadratic in the line.
func clipJoin(a, b string, n int) string {
	if len(a) > n {
		return clip(a, n)
	}
	// clip reads up to s[n]: n+1 bytes of a+b
	return clip(a+b[:min(len(b), n+1-len(a))], n)
}

func keysOf(fs []Fact) ([]string, string) {
	seenK := map[string]bool{}
	seenE := map[string]bool{}
	var keys, ents []string
	for _, f := range fs {
		if f.Key != "" && !seenK[f.Key] {
			seenK[f.Key] = true
			keys = append(keys, f.Key)
		}
		if f.Entity != "" && !seenE[f.Entity] {
			seenE[f.Entity] = true
			ents = append(ents, f.Entity)
		}
	}
	return keys, strings.Join(ents, " ")
}

func term(field, v string) *query.TermQuery {
	q := bleve.NewTermQuery(v)
	q.SetField(field)
	return q
}

func match(field, text string, boost float64) *query.MatchQuery {
	q := bleve.NewMatchQuery(text)
	q.SetField(field)
	q.SetBoost(boost)
	return q
}

func str(v interface{}) string {
	s, _ := v.(string)
	return s
}

// FactQuery asks for candidate facts.
type FactQuery struct {
	Docs  []string // only these releases; empty for all
	Keys  []string // vocabulary keys of the metric asked for
	Words string   // the question's content words
	Size  int      // records to look at; default 60
}

// Facts returns the facts of the rows and passages that best match q.
func (x *Index) Facts(q FactQuery) ([]Fact, error) {
	if q.Size == 0 {
		q.Size = 60
	}
	bq := bleve.NewBooleanQuery()
	// No clause on kind: only rows and passages have the fields the should
	// clauses search, and a kind clause walks the postings of every row and
	// passage of every release (~40% of the time to answer at 10,000).
	switch len(q.Docs) {
	case 0:
	case 1:
		bq.AddMust(term("doc", q.Docs[0]))
	default:
		var ds []query.Query
		for _, d := range q.Docs {
			ds = append(ds, term("doc", d))
		}
		bq.AddMust(bleve.NewDisjunctionQuery(ds...))
	}
	var should []query.Query
	for _, k := range q.Keys {
		t := term("keys", k)
		t.SetBoost(4)
		should = append(should, t)
	}
	if strings.TrimSpace(q.Words) != "" {
		should = append(should, match("label", q.Words, 3), match("context", q.Words, 0.5), match("text", q.Words, 1), match("entities", q.Words, 2))
	}
	if len(should) == 0 {
		return nil, nil
	}
	bq.AddShould(should...)
	bq.SetMinShould(1)
	if len(q.Docs) == 1 && x.readRelease(q.Docs[0]) {
		return x.docFacts(q)
	}
	req := bleve.NewSearchRequestOptions(bq, q.Size, 0, false)
	req.Fields = []string{"data"}
	res, err := searchRanked(x.searcher(q.Docs, false), req)
	if err != nil {
		return nil, wrap("index: search", err)
	}
	var out []Fact
	for _, h := range res.Hits {
		data := str(h.Fields["data"])
		switch hitKind(h.ID) {
		case kindRow:
			if r, err := decodeRow(data); err == nil {
				out = append(out, r.Facts...)
			}
		case kindPassage:
			var p Passage
			if fastJSON.Unmarshal([]byte(data), &p) == nil {
				out = append(out, p.Facts...)
			}
		}
	}
	return out, nil
}

// manyReleases is the index size from which fact queries about one release
// read that release's records rather than search (docFacts).
const manyReleases = 500

// readRelease reports whether a fact query about release name should read
// its records (docFacts) rather than search: in a large index, or when the
// release was asked about before in this process (its records are kept,
// and reading them is then faster than searching). A single question to a
// small index searches: reading a long release's records whole costs more.
func (x *Index) readRelease(name string) bool {
	x.mu.Lock()
	asked := x.asked[name]
	if !asked {
		if x.asked == nil {
			x.asked = map[string]bool{}
		}
		x.asked[name] = true
	}
	x.mu.Unlock()
	if asked {
		return true
	}
	// counted once per release asked about (a writable index does not
	// keep its count)
	n, err := x.Count()
	return err == nil && n >= manyReleases
}

// docFacts answers a fact query within one release of a large index.
// Bleve's scoring walks the postings of every query word across all
// releases to reach the few records of one (Advance is linear when
// frequencies are read), and unscored it unions them whole: at 10,000
// releases that was most of answering. So the release's records are read
// through its own small postings (and kept for the next question), and
// those that share a word or key with the query are ranked by the same
// boosts as the search (no idf: within one release it matters little).
// The answers to the evaluation questions are the same either way.
func (x *Index) docFacts(q FactQuery) ([]Fact, error) {
	recs, err := x.docRecs(q.Docs[0])
	if err != nil {
		return nil, err
	}
	words := map[string]bool{}
	for _, t := range Terms(q.Words) {
		words[t] = true
	}
	type ranked struct {
		r     *docRec
		score float64
	}
	var rs []ranked
	for i := range recs {
		r := &recs[i]
		score := 3*overlap(words, r.label) + 0.5*overlap(words, r.context) + overlap(words, r.text) + 2*overlap(words, r.entities)
		for _, k := range q.Keys {
			if slices.Contains(r.keys, k) {
				score += 4
				break
			}
		}
		if score > 0 {
			rs = append(rs, ranked{r, score})
		}
	}
	sort.SliceStable(rs, func(i, j int) bool {
		if rs[i].score != rs[j].score {
			return rs[i].score > rs[j].score
		}
		return rs[i].r.id < rs[j].r.id
	})
	var out []Fact
	for i, r := range rs {
		if i == q.Size {
			break
		}
		out = append(out, r.r.facts...)
	}
	return out, nil
}

// docRec is a row or passage record of a release, decoded, with the
// analyzed terms of its searched fields.
type docRec struct {
	id                             string
	facts                          []Fact
	keys                           []string
	label, context, text, entities []string
}

// maxCachedDocs bounds the releases whose records are kept decoded.
const maxCachedDocs = 16

// docRecs returns the row and passage records of release name that hold
// facts, from the cache or the index.
func (x *Index) docRecs(name string) ([]docRec, error) {
	x.mu.Lock()
	recs, ok := x.recs[name]
	x.mu.Unlock()
	if ok {
		return recs, nil
	}
	req := bleve.NewSearchRequestOptions(term("doc", name), maxDocRecords, 0, false)
	req.Fields = []string{"data"}
	req.Score = "none"
	res, err := x.searchDoc(name, req)
	if err != nil {
		return nil, wrap("index: search", err)
	}
	for _, h := range res.Hits {
		data := str(h.Fields["data"])
		r := docRec{id: h.ID}
		switch hitKind(h.ID) {
		case kindRow:
			d, err := decodeRow(data)
			if err != nil || len(d.Facts) == 0 {
				continue
			}
			label := d.Label
			if label == "" {
				label = d.Facts[0].Metric
			}
			r.facts, r.label, r.context = d.Facts, Terms(label), rowContext(d)
		case kindPassage:
			var p Passage
			if fastJSON.Unmarshal([]byte(data), &p) != nil || len(p.Facts) == 0 {
				continue
			}
			r.facts, r.text = p.Facts, analyze(p.Text)
		default:
			continue
		}
		var ents string
		r.keys, ents = keysOf(r.facts)
		r.entities = Terms(ents)
		recs = append(recs, r)
	}
	x.mu.Lock()
	if x.recs == nil || len(x.recs) >= maxCachedDocs {
		x.recs = map[string][]docRec{}
	}
	x.recs[name] = recs
	x.mu.Unlock()
	return recs, nil
}

// rowContext is the analyzed terms of a row's context as the row record
// indexes it: its section, its table's title and column headers. The two
// parts are each the same for many rows, so their analysis is remembered
// (Terms) where the whole would be new for every row.
func rowContext(d rowData) []string {
	var ts []string
	for _, s := range []string{strings.Join(d.Facts[0].Section, " "), d.Columns} {
		for _, t := range Terms(s) {
			if !slices.Contains(ts, t) {
				ts = append(ts, t)
			}
		}
	}
	return ts
}

// maxDocRecords bounds the records of one release a fact query reads.
const maxDocRecords = 5000

// overlap is the share of the query's words among terms.
func overlap(words map[string]bool, terms []string) float64 {
	if len(words) == 0 || len(terms) == 0 {
		return 0
	}
	hit := 0
	for w := range words {
		if slices.Contains(terms, w) {
			hit++
		}
	}
	return float64(hit) / float64(len(words))
}

// Row returns the facts of one table row of release name (by table and
// row index, as in Fact.TableIndex and Fact.RowIndex); none when there is
// no such row. Errors are the index's.
func (x *Index) Row(name string, table, row int) ([]Fact, error) {
	req := bleve.NewSearchRequestOptions(bleve.NewDocIDQuery([]string{rowID(name, table, row)}), 1, 0, false)
	req.Fields = []string{"data"}
	res, err := x.shardFor(name).Search(req)
	if err != nil {
		return nil, fmt.Errorf("index: row: %w", err)
	}
	if len(res.Hits) == 0 {
		return nil, nil
	}
	h := res.Hits[0]
	r, err := decodeRow(str(h.Fields["data"]))
	if err != nil {
		return nil, fmt.Errorf("index: row %s: %w", h.ID, err)
	}
	return r.Facts, nil
}

// AllFacts returns every fact of a release, in document order.
func (x *Index) AllFacts(name string) ([]Fact, error) {
	q := bleve.NewConjunctionQuery(term("doc", name), bleve.NewDisjunctionQuery(term("kind", kindRow), term("kind", kindPassage)))
	var out []Fact
	err := x.eachData(x.shardFor(name), q, 2000, func(id, data string) {
		if hitKind(id) == kindRow {
			if r, err := decodeRow(data); err == nil {
				out = append(out, r.Facts...)
			}
			return
		}
		var p Passage
		if fastJSON.Unmarshal([]byte(data), &p) == nil {
			out = append(out, p.Facts...)
		}
	})
	if err != nil {
		return nil, err
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Start != out[j].Start {
			return out[i].Start < out[j].Start
		}
		return out[i].ColIndex < out[j].ColIndex
	})
	return out, nil
}

// PassageQuery asks for passages.
type PassageQuery struct {
	Docs    []string // only these releases; empty for all
	Text    string   // words to match
	Phrases []string // phrases that score extra when they occur as written
	Size    int      // default 10
	// Raw makes Text a Bleve query string (field:value, +must, "phrase").
	Raw bool
}

// PassageHit is a passage found by a search.
type PassageHit struct {
	Passage
	Score float64 `json:"score"`
	// Weak names why the passage rarely answers a question and ranks
	// below content ("boilerplate", "heading", "company name"), or "".
	Weak string `json:"weak,omitempty"`
}

// Passages returns the passages that best match q, best first. Unless
// q.Raw, boilerplate the question does not ask about, headings and lines
// that only name the company rank below content that matches as well, and
// a passage whose text repeats one above it is left out (rerank).
func (x *Index) Passages(q PassageQuery) ([]PassageHit, error) {
	if q.Size == 0 {
		q.Size = 10
	}
	bq := bleve.NewBooleanQuery()
	if q.Raw {
		// a query string may match any field; ex99's own clauses below
		// search text and section, which only passages have
		bq.AddMust(term("kind", kindPassage))
	}
	switch len(q.Docs) {
	case 0:
	case 1:
		bq.AddMust(term("doc", q.Docs[0]))
	default:
		var ds []query.Query
		for _, d := range q.Docs {
			ds = append(ds, term("doc", d))
		}
		bq.AddMust(bleve.NewDisjunctionQuery(ds...))
	}
	if q.Raw {
		qs := bleve.NewQueryStringQuery(q.Text)
		bq.AddMust(qs)
	} else {
		if strings.TrimSpace(q.Text) == "" {
			return nil, nil
		}
		var should []query.Query
		should = append(should, match("text", q.Text, 1), match("section", q.Text, 0.7))
		for _, p := range q.Phrases {
			ph := bleve.NewMatchPhraseQuery(p)
			ph.SetField("text")
			ph.SetBoost(2)
			should = append(should, ph)
		}
		bq.AddShould(should...)
		bq.SetMinShould(1)
	}
	size := q.Size
	if !q.Raw {
		// room for rerank to demote and drop
		size = 3*q.Size + 10
	}
	req := bleve.NewSearchRequestOptions(bq, size, 0, false)
	req.Fields = []string{"data"}
	res, err := searchRanked(x.searcher(q.Docs, q.Raw), req)
	if err != nil {
		return nil, wrap("index: search", err)
	}
	var out []PassageHit
	for _, h := range res.Hits {
		var p Passage
		if fastJSON.Unmarshal([]byte(str(h.Fields["data"])), &p) == nil {
			out = append(out, PassageHit{Passage: p, Score: h.Score})
		}
	}
	if !q.Raw {
		out = x.rerank(out, q.Text+" "+strings.Join(q.Phrases, " "), q.Size)
	}
	return out, nil
}

// DocPassages returns every passage of a release, in document order (a
// passage stored in parts once, with its whole cite).
func (x *Index) DocPassages(name string) ([]Passage, error) {
	q := bleve.NewConjunctionQuery(term("doc", name), term("kind", kindPassage))
	var out []Passage
	err := x.eachData(x.shardFor(name), q, 2000, func(_, data string) {
		var p Passage
		if fastJSON.Unmarshal([]byte(data), &p) == nil {
			out = append(out, p)
		}
	})
	if err != nil {
		return nil, err
	}
	slices.SortStableFunc(out, func(a, b Passage) int { return cmp.Compare(a.Start, b.Start) })
	return slices.CompactFunc(out, func(a, b Passage) bool { return a.Start == b.Start }), nil
}

// Mentions reports whether any release holds the word: in a passage, a
// section heading, a row label or its context, an entity or a company
// name (each as the index analyzes it).
func (x *Index) Mentions(word string) (bool, error) {
	if strings.TrimSpace(word) == "" {
		return false, nil
	}
	var qs []query.Query
	for _, f := range []string{"text", "section", "label", "context", "entities", "company"} {
		qs = append(qs, match(f, word, 1))
	}
	req := bleve.NewSearchRequestOptions(bleve.NewDisjunctionQuery(qs...), 1, 0, false)
	res, err := x.search(req)
	if err != nil {
		return false, wrap("index: search", err)
	}
	return res.Total > 0, nil
}

// FindDocs returns the releases whose company name best matches the words,
// best first (at most n). When more releases tie for the last places than
// there is room for, and some score above them, it returns just those:
// "Nuzoxa Apparel" finds Nuzoxa Apparel Inc., not also the first of the
// thousands of "... Apparel Inc." that match one word.
func (x *Index) FindDocs(words string, n int) ([]DocInfo, error) {
	bq := bleve.NewBooleanQuery()
	bq.AddMust(term("kind", kindDoc))
	bq.AddMust(match("company", words, 1))
	req := bleve.NewSearchRequestOptions(bq, n, 0, false)
	req.Fields = []string{"data"}
	res, err := searchAboveTie(x.search, req)
	if err != nil {
		return nil, wrap("index: search", err)
	}
	var out []DocInfo
	for _, h := range res.Hits {
		var d DocInfo
		if fastJSON.Unmarshal([]byte(str(h.Fields["data"])), &d) == nil {
			out = append(out, d)
		}
	}
	return out, nil
}

// CompanyDocs returns every release of the company named company exactly
// (as DocInfo.Company), by name: all its quarters, where FindDocs returns
// the best n matches of some words.
func (x *Index) CompanyDocs(company string) ([]DocInfo, error) {
	bq := bleve.NewBooleanQuery()
	bq.AddMust(term("kind", kindDoc))
	m := match("company", company, 1)
	m.SetOperator(query.MatchQueryOperatorAnd) // every word of the name
	bq.AddMust(m)
	var out []DocInfo
	err := x.eachData(x.b, bq, 1000, func(_, data string) {
		var d DocInfo
		if fastJSON.Unmarshal([]byte(data), &d) == nil && d.Company == company {
			out = append(out, d)
		}
	})
	if err != nil {
		return nil, err
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

// NormEntity folds an entity name for comparison: "Joe's Jeans" → "joe
// jeans", "IAA's" → "iaa".
func NormEntity(s string) string {
	s = strings.NewReplacer("'s", "", "’s", "", "'", "", "’", "").Replace(s)
	ws := strings.Fields(vocab.Normalize(s))
	var out []string
	for _, w := range ws {
		if w == "inc" || w == "corp" || w == "co" || w == "ltd" || w == "llc" || w == "the" {
			continue
		}
		out = append(out, w)
	}
	return strings.Join(out, " ")
}

// periodsOf lists the distinct periods of a release's table columns.
func periodsOf(d *extract.Document) []period.Period {
	var out []period.Period
	seen := map[string]bool{}
	for _, t := range d.Tables {
		for _, c := range t.Columns {
			p := c.Period
			if c.Kind != "" || p.IsZero() {
				continue
			}
			p.Label = ""
			k := fmt.Sprint(p.Kind, p.End, p.Months)
			if !seen[k] {
				seen[k] = true
				out = append(out, p)
			}
		}
	}
	return out
}

// BleveType tells Bleve which mapping a record uses (its TypeField lookup
// reads Go field names, not JSON tags).
func (docRecord) BleveType() string { return kindDoc }

// BleveType tells Bleve which mapping a record uses.
func (passageRecord) BleveType() string { return kindPassage }

// BleveType tells Bleve which mapping a record uses.
func (rowRecord) BleveType() string { return kindRow }

// hitKind reads a record's kind from its ID (name#doc, name#pN, name#rT.R).
func hitKind(id string) string {
	i := strings.LastIndexByte(id, '#')
	if i < 0 || i+1 >= len(id) {
		return ""
	}
	switch id[i+1] {
	case 'p':
		return kindPassage
	case 'r':
		return kindRow
	case 'd':
		return kindDoc
	}
	return ""
}

// CompanyWords are the words that name a release's company in a question:
// the words of its name (without "Inc.", "Group" and the like), its
// ticker, and the initials of its name's distinctive words ("GS" for The
// Goldman Sachs Group, Inc.), which a release seldom prints but users
// type, folded as NormEntity folds them.
func (d *DocInfo) CompanyWords() map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.Fields(NormEntity(d.Company)) {
		out[w] = true
	}
	if d.Ticker != "" {
		out[strings.ToLower(d.Ticker)] = true
	}
	if in := initials(d.Company); in != "" {
		out[in] = true
	}
	return out
}

// initials are the first letters of a company name's distinctive words
// (not "Group", "Financial", "and"), when there are two to four of them
// and they spell no word a question uses for itself ("it", "at").
func initials(company string) string {
	v := vocab.Default()
	generic := v.Words("generic_company_words")
	var b strings.Builder
	for _, w := range strings.Fields(NormEntity(company)) {
		if !generic[w] {
			b.WriteString(w[:1])
		}
	}
	in := b.String()
	if len(in) < 2 || len(in) > 4 || v.IsStopword(in) || v.Words("question_words")[in] || v.Words("head_prepositions")[in] {
		return ""
	}
	return in
}
