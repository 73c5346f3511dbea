package index

import (
	"fmt"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/ex99/ex99/extract"
)

// A large release is written in parts. Bleve analyzes a whole batch in
// memory at once, at about a hundred times the text's size, so one batch
// holding a 16 MB release peaked past 2 GB. A release of more than
// partSource bytes goes in batches of records weighing at most about
// partBytes instead:
//
//  1. a partial marker (a doc record whose doc field is partialDoc and
//     whose ID is NAME#partial), with the deletion of every old record of
//     the name;
//  2. its passages, rows and doc record, in parts;
//  3. the marker's deletion, with the last part.
//
// Readers leave out every record of a release that has a marker, so a
// release is seen whole or not at all, as with one batch; a kill between
// 1 and 3 leaves the marker, and the release unseen until it is added
// again (the old version of a changed file is gone by then: it was being
// replaced). Releases under partSource, nearly all, go in one batch as
// before. Parts of 8 MB of records cost half the time of parts of 2 MB
// (Bleve merges fewer segments) for about the same peak. partSource and
// partBytes are variables for tests.
var (
	partSource = 2 << 20
	partBytes  = 8 << 20
)

const (
	partialDoc = "\x00partial"
	// maxPassageText is the longest passage text stored in one record;
	// a longer paragraph (a file that is one long line) is stored as
	// parts of about this size, cut at sentence ends, each with the facts
	// whose clauses start in it.
	maxPassageText = 64 << 10
)

// afterPart, when set (by tests), runs after each part is written; an
// error stops the writing there, as a kill would.
var afterPart func() error

func partialID(name string) string { return name + "#partial" }

// weight is about what a record costs Bleve to analyze and store.
func weight(rec interface{}) int {
	switch r := rec.(type) {
	case passageRecord:
		return 2*len(r.Text) + len(r.Data) + 64
	case rowRecord:
		return len(r.Label) + len(r.Context) + len(r.Data) + 64
	case docRecord:
		return len(r.Data) + len(r.View) + 64
	}
	return 64
}

// addInParts writes a large release in parts (see partSource): the
// marker with the old records' deletion, then its records as addDoc makes
// them, a part at a time, then the marker's deletion. What is written
// stays written if an error stops it, hidden by the marker.
func (w *Writer) addInParts(d *extract.Document) error {
	if err := w.Flush(); err != nil {
		return err
	}
	var first recorder
	first.Index(partialID(d.Name), docRecord{Kind: kindDoc, Doc: partialDoc, Company: d.Name, Data: fmt.Sprintf("%q", d.Name)})
	w.deleteOld(&first, d.Name)
	pw := &partWriter{w: w, name: d.Name}
	if err := pw.write(first.ops); err != nil {
		return err
	}
	if err := addDocSafely(pw, d); err != nil {
		return err
	}
	return pw.write(append(pw.part, op{id: partialID(d.Name)}))
}

// partWriter takes a large release's records as addDoc makes them and
// writes them a part at a time, each part at most about partBytes.
type partWriter struct {
	w    *Writer
	name string
	part []op
	size int
}

// Index adds a record to the part, writing the part first if the record
// would make it too heavy.
func (p *partWriter) Index(id string, rec interface{}) error {
	if n := weight(rec); p.size+n > partBytes && len(p.part) > 0 {
		if err := p.write(p.part); err != nil {
			return err
		}
		p.part, p.size = nil, 0
	}
	p.part = append(p.part, op{id, rec})
	p.size += weight(rec)
	return nil
}

// write writes ops as one batch and waits for it.
func (p *partWriter) write(ops []op) error {
	if err := p.w.queue(ops, p.name); err != nil {
		return err
	}
	if err := p.w.Flush(); err != nil {
		return err
	}
	if afterPart != nil {
		return afterPart()
	}
	return nil
}

// partials is what a reader leaves out: the releases being written in
// parts, or left so by a kill. Looked up once, at the first search; nil
// (and searches unchanged) when there are none, as nearly always.
type partials struct {
	once  sync.Once
	names []string
}

// hidePartial wraps a reader's query so that it leaves out the records of
// releases with a partial marker, and the markers.
func (x *Index) hidePartial(q query.Query) query.Query {
	if !x.readOnly {
		return q
	}
	x.partial.once.Do(func() {
		req := bleve.NewSearchRequestOptions(term("doc", partialDoc), 10000, 0, false)
		req.Fields = []string{"company"}
		res, err := x.b.Search(req)
		if err != nil || len(res.Hits) == 0 {
			return
		}
		for _, h := range res.Hits {
			x.partial.names = append(x.partial.names, strings.TrimSuffix(h.ID, "#partial"))
		}
	})
	if len(x.partial.names) == 0 {
		return q
	}
	bq := bleve.NewBooleanQuery()
	bq.AddMust(q)
	bq.AddMustNot(term("doc", partialDoc))
	for _, n := range x.partial.names {
		bq.AddMustNot(term("doc", n))
	}
	return bq
}

// passageParts cuts a passage's text into parts of at most about
// maxPassageText bytes, at sentence ends where it can (else at a space,
// else at a character boundary), and returns where each part starts; one
// part, at 0, for an ordinary passage.
func passageParts(text string) []int {
	starts := []int{0}
	for at := 0; len(text)-at > maxPassageText; {
		end := at + maxPassageText
		cut := strings.LastIndex(text[at+maxPassageText/2:end], ". ")
		if cut >= 0 {
			cut += at + maxPassageText/2 + 2
		} else if cut = strings.LastIndexByte(text[at+maxPassageText/2:end], ' '); cut >= 0 {
			cut += at + maxPassageText/2 + 1
		} else {
			cut = end
			for cut > at && !utf8.RuneStart(text[cut]) {
				cut--
			}
		}
		starts = append(starts, cut)
		at = cut
	}
	return starts
}

// partOf is the part of a passage (by passageParts' starts) in which a
// text fact's clause starts.
func partOf(starts []int, f *extract.Fact) int {
	return max(0, sort.SearchInts(starts, f.TextAt()+1)-1)
}
