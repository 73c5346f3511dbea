package index

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/ex99/ex99/extract"
)

// TestShardOfStable pins where releases go: an index made by one ex99
// is read by the next, so the key must never change. The values are
// 32-bit FNV-1a of the name, mod the count, computed apart from Go.
func TestShardOfStable(t *testing.T) {
	for _, c := range []struct {
		name string
		n    int
		want int
	}{
		{"innovo-2004q2.txt", 1, 0},
		{"innovo-2004q2.txt", 8, 2},
		{"", 4, 1},
		{"a.txt", 4, 2},
		{"innovo-2004q2.txt", 4, 2},
		{"apple-2026q1.htm", 16, 7},
	} {
		if got := shardOf(c.name, c.n); got != c.want {
			t.Errorf("shardOf(%q, %d) = %d, want %d", c.name, c.n, got, c.want)
		}
	}
}

// TestShardedMatchesOne: every read of the catalogue and of one release
// gives the same over an index of one shard and of three.
func TestShardedMatchesOne(t *testing.T) {
	src, err := os.ReadFile("../testdata/innovo-2004q2.txt")
	if err != nil {
		t.Fatal(err)
	}
	var docs []*extract.Document
	for i := range 7 {
		d, err := extract.Parse(fmt.Sprintf("r%d.txt", i), src)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
	}
	type reads struct {
		Names         []string
		Count         int
		Passages, Row int
		View          int
		Facts         []Fact
		Doc           []Passage
		OneDoc        []PassageHit
	}
	read := func(shards int) reads {
		x, err := OpenMemShards(shards)
		if err != nil {
			t.Fatal(err)
		}
		defer x.Close()
		w := x.NewWriter()
		for _, d := range docs {
			if err := w.Add(d); err != nil {
				t.Fatal(err)
			}
		}
		if err := w.Remove("r6.txt"); err != nil {
			t.Fatal(err)
		}
		if err := w.Flush(); err != nil {
			t.Fatal(err)
		}
		var r reads
		ds, err := x.Docs()
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range ds {
			r.Names = append(r.Names, d.Name)
		}
		r.Count, _ = x.Count()
		r.Passages, r.Row, _ = x.Records("r3.txt")
		v, _ := x.View("r3.txt")
		r.View = len(v)
		r.Facts, _ = x.AllFacts("r3.txt")
		r.Doc, _ = x.DocPassages("r3.txt")
		r.OneDoc, _ = x.Passages(PassageQuery{Docs: []string{"r3.txt"}, Text: "net sales", Size: 3})
		for i := range r.OneDoc {
			r.OneDoc[i].Score = 0 // a shard scores with its own statistics
		}
		if err := x.Err(); err != nil {
			t.Fatal(err)
		}
		return r
	}
	one, three := read(1), read(3)
	if one.Count != 6 || len(one.Facts) == 0 || len(one.OneDoc) == 0 {
		t.Fatalf("one index: %d releases, %d facts, %d hits", one.Count, len(one.Facts), len(one.OneDoc))
	}
	if !reflect.DeepEqual(one, three) {
		t.Errorf("three shards read differently from one:\n%+v\n%+v", three.Names, one.Names)
	}
}

// TestShardMarker: a sharded index says so in its marker, and opens with
// the count it was made with whatever Options.Shards says.
func TestShardMarker(t *testing.T) {
	p := filepath.Join(t.TempDir(), "idx")
	x, err := Open(p, Options{Shards: 3})
	if err != nil {
		t.Fatal(err)
	}
	x.Close()
	data, err := os.ReadFile(filepath.Join(p, markerName))
	if err != nil || string(data) != `{"format":"ex99 index","version":2,"shards":3}`+"\n" {
		t.Fatalf("marker %q, %v", data, err)
	}
	for _, opts := range []Options{{ReadOnly: true}, {Shards: 5}} {
		x, err := Open(p, opts)
		if err != nil {
			t.Fatal(err)
		}
		if x.Shards() != 3 {
			t.Errorf("%+v: %d shards, want 3", opts, x.Shards())
		}
		x.Close()
	}
	if _, err := Open(filepath.Join(t.TempDir(), "x"), Options{Shards: MaxShards + 1}); err == nil {
		t.Error("an index of 65 shards was made")
	}
}
