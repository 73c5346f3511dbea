package index

import (
	"errors"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/ex99/ex99/extract"
	"github.com/ex99/ex99/internal/synth"
)

// storedView is what a reader gets of a release, for comparing two ways
// of writing it.
func storedView(t *testing.T, path, name string) (facts []Fact, passages []PassageHit, docs []string) {
	t.Helper()
	x, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	facts, _ = x.AllFacts(name)
	passages, err = x.Passages(PassageQuery{Text: "net sales gross profit", Size: 20})
	if err != nil {
		t.Fatal(err)
	}
	ds, err := x.Docs()
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range ds {
		docs = append(docs, d.Name)
	}
	return facts, passages, docs
}

func addAndClose(t *testing.T, path string, d *extract.Document) error {
	t.Helper()
	x, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	w := x.NewWriter()
	if err := w.Add(d); err != nil {
		return err
	}
	return w.Flush()
}

// TestWriteInParts: a release over partBytes is written in several
// batches and reads back as the same release written in one; a kill
// between parts leaves nothing of it visible, and adding it again (or
// removing it) cleans up what was left.
func TestWriteInParts(t *testing.T) {
	d := seedDoc(t)
	dir := t.TempDir()
	whole, parts := filepath.Join(dir, "whole"), filepath.Join(dir, "parts")
	if err := addAndClose(t, whole, d); err != nil {
		t.Fatal(err)
	}
	defer func(n, m int) { partSource, partBytes = n, m }(partSource, partBytes)
	partSource, partBytes = 0, 20<<10
	written := 0
	afterPart = func() error { written++; return nil }
	defer func() { afterPart = nil }()
	if err := addAndClose(t, parts, d); err != nil {
		t.Fatal(err)
	}
	if written < 4 {
		t.Fatalf("written in %d batches; want several", written)
	}
	wf, wp, wd := storedView(t, whole, d.Name)
	pf, pp, pd := storedView(t, parts, d.Name)
	if len(wf) == 0 || !reflect.DeepEqual(wf, pf) || !reflect.DeepEqual(wp, pp) || !reflect.DeepEqual(wd, pd) {
		t.Fatalf("written in parts, the release reads differently: %d/%d facts, %d/%d passages, docs %v/%v", len(wf), len(pf), len(wp), len(pp), wd, pd)
	}

	// a kill after the second part: nothing of the new copy is seen
	killed := filepath.Join(dir, "killed")
	written = 0
	afterPart = func() error {
		if written++; written == 2 {
			return errors.New("killed")
		}
		return nil
	}
	if err := addAndClose(t, killed, d); err == nil {
		t.Fatal("the kill was not reported")
	}
	afterPart = nil
	f, p, docs := storedView(t, killed, d.Name)
	if len(f) != 0 || len(p) != 0 || len(docs) != 0 {
		t.Fatalf("a release cut off while written in parts is seen: %d facts, %d passages, docs %v", len(f), len(p), docs)
	}
	// added again, it is whole
	if err := addAndClose(t, killed, d); err != nil {
		t.Fatal(err)
	}
	if f, p, docs := storedView(t, killed, d.Name); !reflect.DeepEqual(f, wf) || !reflect.DeepEqual(p, wp) || !reflect.DeepEqual(docs, wd) {
		t.Fatalf("added again after a kill, the release reads differently: %d facts, %d passages, docs %v", len(f), len(p), docs)
	}
	// cut off again, then removed: nothing is left, not even the marker
	written = 0
	afterPart = func() error {
		if written++; written == 3 {
			return errors.New("killed")
		}
		return nil
	}
	if err := addAndClose(t, killed, d); err == nil {
		t.Fatal("the kill was not reported")
	}
	afterPart = nil
	x, err := Open(killed, Options{})
	if err != nil {
		t.Fatal(err)
	}
	w := x.NewWriter()
	if err := w.Remove(d.Name); err != nil {
		t.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if n, _ := x.b.DocCount(); n != 0 {
		t.Errorf("%d records left after rm of a release cut off while written", n)
	}
	x.Close()
}

// TestPassageParts: a paragraph longer than maxPassageText is stored as
// parts cut at sentence ends, each with the facts whose clauses it holds,
// all of it findable. Fixed bugs: a file that is one 16 MB line was one
// passage record, which Bleve analyzed at over 2 GB.
func TestPassageParts(t *testing.T) {
	src := synth.LongParagraph(300<<10, false)
	d, err := extract.Parse("long.txt", src)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Passages) != 1 {
		t.Fatalf("%d passages; want the one paragraph", len(d.Passages))
	}
	starts := passageParts(d.Passages[0].Text)
	if len(starts) < 5 {
		t.Fatalf("%d parts of %d bytes", len(starts), len(d.Passages[0].Text))
	}
	var r recorder
	if _, err := addDoc(&r, d); err != nil {
		t.Fatal(err)
	}
	var text strings.Builder
	facts := 0
	for _, o := range r.ops {
		rec, ok := o.rec.(passageRecord)
		if !ok {
			continue
		}
		if len(rec.Text) > maxPassageText {
			t.Errorf("%s holds %d bytes", o.id, len(rec.Text))
		}
		if text.Len() > 0 && !strings.HasSuffix(text.String(), ". ") {
			t.Errorf("%s does not start a sentence: …%q | %.20q", o.id, text.String()[text.Len()-20:], rec.Text)
		}
		text.WriteString(rec.Text)
		var p Passage
		if err := fastJSON.Unmarshal([]byte(rec.Data), &p); err != nil {
			t.Fatal(err)
		}
		for _, f := range p.Facts {
			if !strings.Contains(rec.Text, f.Text) {
				t.Errorf("%s holds a fact whose clause it does not: %.60q", o.id, f.Text)
			}
		}
		facts += len(p.Facts)
	}
	if text.String() != d.Passages[0].Text {
		t.Error("the parts do not make up the paragraph")
	}
	if facts != len(d.Facts) {
		t.Errorf("the parts hold %d facts; the release has %d", facts, len(d.Facts))
	}
}
