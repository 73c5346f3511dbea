package index

import (
	"encoding/json"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/ex99/ex99/extract"
)

func seedDoc(t *testing.T) *extract.Document {
	t.Helper()
	src, err := os.ReadFile("../testdata/innovo-2004q2.txt")
	if err != nil {
		t.Fatal(err)
	}
	d, err := extract.Parse("innovo-2004q2.txt", src)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestFastJSONMatchesStd: stored records decode the same with
// json-iterator as with encoding/json.
func TestFastJSONMatchesStd(t *testing.T) {
	d := seedDoc(t)
	var r recorder
	if _, err := addDoc(&r, d); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, o := range r.ops {
		var data string
		switch rec := o.rec.(type) {
		case passageRecord:
			data = rec.Data
			var a, b Passage
			if err := json.Unmarshal([]byte(data), &a); err != nil {
				t.Fatal(err)
			}
			if err := fastJSON.Unmarshal([]byte(data), &b); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(a, b) {
				t.Fatalf("%s decodes differently:\n%+v\n%+v", o.id, a, b)
			}
		case rowRecord:
			data = rec.Data
			var a, b rowData
			if err := json.Unmarshal([]byte(data), &a); err != nil {
				t.Fatal(err)
			}
			if err := fastJSON.Unmarshal([]byte(data), &b); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(a, b) {
				t.Fatalf("%s decodes differently:\n%+v\n%+v", o.id, a, b)
			}
		case docRecord:
			var a, b DocInfo
			if err := json.Unmarshal([]byte(rec.Data), &a); err != nil {
				t.Fatal(err)
			}
			if err := fastJSON.Unmarshal([]byte(rec.Data), &b); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(a, b) {
				t.Fatalf("doc info decodes differently:\n%+v\n%+v", a, b)
			}
			var la, lb []extract.Line
			if err := json.Unmarshal([]byte(rec.View), &la); err != nil {
				t.Fatal(err)
			}
			if err := fastJSON.Unmarshal([]byte(rec.View), &lb); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(la, lb) {
				t.Fatal("view decodes differently")
			}
		}
		n++
	}
	if n < 50 {
		t.Fatalf("only %d records", n)
	}
}

// TestWriterReplacesWholly: a release added twice before a flush, the
// second time with fewer tables, ends up exactly as the second; and a
// release replaced in a later batch too.
func TestWriterReplacesWholly(t *testing.T) {
	full := seedDoc(t)
	src, _ := os.ReadFile("../testdata/innovo-2004q2.txt")
	cut := string(src)
	cut = cut[:strings.LastIndex(cut, "<TABLE>")] // without the statement of operations
	small, err := extract.Parse("innovo-2004q2.txt", []byte(cut))
	if err != nil {
		t.Fatal(err)
	}
	if len(small.Tables) >= len(full.Tables) {
		t.Fatal("the cut release has as many tables")
	}
	x, err := OpenMem()
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	check := func(want *extract.Document) {
		t.Helper()
		info, err := x.Doc(want.Name)
		if err != nil {
			t.Fatal(err)
		}
		p, r, err := x.Records(want.Name)
		if err != nil {
			t.Fatal(err)
		}
		fs, err := x.AllFacts(want.Name)
		if err != nil {
			t.Fatal(err)
		}
		if info.Tables != len(want.Tables) || p != info.Passages || r != info.Rows || len(fs) != len(want.Facts) {
			t.Fatalf("stored %d tables, %d/%d passages, %d/%d rows, %d facts; want %d tables, %d facts",
				info.Tables, p, info.Passages, r, info.Rows, len(fs), len(want.Tables), len(want.Facts))
		}
	}
	w := x.NewWriter()
	if err := w.Add(full); err != nil {
		t.Fatal(err)
	}
	if err := w.Add(small); err != nil {
		t.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	check(small)
	if err := w.Add(full); err != nil {
		t.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	check(full)
	if err := w.Remove(full.Name); err != nil {
		t.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if p, r, _ := x.Records(full.Name); p+r != 0 {
		t.Fatalf("%d passages and %d rows left after Remove", p, r)
	}
}

func TestClip(t *testing.T) {
	if got := clip("héllo", 2); got != "h …" {
		t.Errorf("clip on a character boundary: %q", got)
	}
	if got := clip("abc", 5); got != "abc" {
		t.Errorf("clip of a short string: %q", got)
	}
}

// TestDocFactsMatchesSearch: the one-release reading used in large indexes
// finds the same facts as the search, and ranks the records that name the
// metric first.
func TestDocFactsMatchesSearch(t *testing.T) {
	x, err := OpenMem()
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	w := x.NewWriter()
	if err := w.Add(seedDoc(t)); err != nil {
		t.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	key := func(f Fact) string {
		return f.Metric + "|" + f.Period.String() + "|" + f.Value.String() + "|" + f.Source
	}
	tests := []FactQuery{
		{Keys: []string{"revenue"}, Words: "net sales"},
		{Words: "Joe's net sales second quarter"},
		{Keys: []string{"net_income"}, Words: "net loss per share"},
		{Words: "inventories"},
		{Keys: []string{"total_assets"}},
	}
	for _, q := range tests {
		q.Docs = []string{"innovo-2004q2.txt"}
		q.Size = 1000
		searched, err := x.Facts(q)
		if err != nil {
			t.Fatal(err)
		}
		read, err := x.docFacts(q)
		if err != nil {
			t.Fatal(err)
		}
		a, b := map[string]int{}, map[string]int{}
		for _, f := range searched {
			a[key(f)]++
		}
		for _, f := range read {
			b[key(f)]++
		}
		if len(searched) == 0 || !reflect.DeepEqual(a, b) {
			t.Errorf("%+v: search found %d facts, reading %d; they differ", q, len(searched), len(read))
		}
		if len(q.Keys) > 0 && len(read) > 0 && read[0].Key != q.Keys[0] {
			t.Errorf("%+v: first fact read is %q (%s); want a %s row first", q, read[0].Metric, read[0].Key, q.Keys[0])
		}
	}
}

// TestRowHeaderStoredOnce: a row stores its table's header once, and every
// table fact read back has it, as it had before it was stored.
func TestRowHeaderStoredOnce(t *testing.T) {
	d := seedDoc(t)
	var r recorder
	if _, err := addDoc(&r, d); err != nil {
		t.Fatal(err)
	}
	rows := 0
	for _, o := range r.ops {
		rec, ok := o.rec.(rowRecord)
		if !ok {
			continue
		}
		rows++
		if n := strings.Count(rec.Data, `"header":`); n != 1 {
			t.Errorf("%s stores the header %d times; want once", o.id, n)
		}
		rd, err := decodeRow(rec.Data)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range rd.Facts {
			if f.Header == "" || f.HeaderLines[0] == 0 || f.HeaderOffset[1] == 0 {
				t.Errorf("%s: fact %q read back without its header: %+v", o.id, f.Metric, f)
			}
		}
	}
	if rows == 0 {
		t.Fatal("no rows recorded")
	}
}

// TestAnalyzeWithoutCharFilter: text with no "TM" analyzes the same without
// the trademark char filter; text with it keeps the filter's work.
func TestAnalyzeWithoutCharFilter(t *testing.T) {
	analyze("")
	for _, s := range []string{
		"Joe's net sales increased to $4,394,000", "Income (loss) from operations", "Shago(R) and Fetish",
		"Cost of goods sold — 2019 (in thousands)", "Ünïcode façade's naïve résumé", "",
	} {
		var want []string
		for _, tok := range an.Analyze([]byte(s)) {
			want = append(want, string(tok.Term))
		}
		if got := analyze(s); !reflect.DeepEqual(got, append([]string{}, want...)) && !(len(got) == 0 && len(want) == 0) {
			t.Errorf("analyze(%q) = %q; want %q", s, got, want)
		}
	}
	if got := analyze("FetishTM jeans"); !slices.Contains(got, "fetish") {
		t.Errorf("analyze(FetishTM jeans) = %q; want the mark taken off", got)
	}
}
