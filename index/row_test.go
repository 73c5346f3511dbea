package index

import (
	"testing"

	"github.com/ex99/ex99/extract"
)

// TestRow reads back one table row of the seed release, every column of it.
func TestRow(t *testing.T) {
	d := seedDoc(t)
	x, err := OpenMem()
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	w := x.NewWriter()
	if err := w.Add(d); err != nil {
		t.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	var want []extract.Fact
	for _, f := range d.Facts {
		if f.Source == "table" && f.Key == "revenue" {
			for _, g := range d.Facts {
				if g.Source == "table" && g.TableIndex == f.TableIndex && g.RowIndex == f.RowIndex {
					want = append(want, g)
				}
			}
			break
		}
	}
	if len(want) < 2 {
		t.Fatalf("the seed has no net sales row with two or more figures")
	}
	got, err := x.Row(d.Name, want[0].TableIndex, want[0].RowIndex)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Fatalf("Row = %d facts, want %d", len(got), len(want))
	}
	for i := range got {
		if !got[i].Value.Equal(want[i].Value) || got[i].ColIndex != want[i].ColIndex {
			t.Errorf("Row[%d] = %s col %d, want %s col %d", i, got[i].Value, got[i].ColIndex, want[i].Value, want[i].ColIndex)
		}
	}
	if none, err := x.Row(d.Name, 999, 0); err != nil || len(none) != 0 {
		t.Errorf("Row(no such row) = %v, %v; want none", none, err)
	}
}
