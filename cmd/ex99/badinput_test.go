package main

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// badFiles writes one file of each kind of bad input into dir and returns
// the base names of those that must be refused, each with a word of the
// reason add must give. The others must go in.
func badFiles(t *testing.T, dir string) (refused map[string]string, accepted []string) {
	t.Helper()
	refused = map[string]string{}
	writeFile(t, filepath.Join(dir, "empty.txt"), nil)
	refused["empty.txt"] = "empty"
	writeFile(t, filepath.Join(dir, "blank.txt"), []byte(" \n\t\r\n  \n"))
	refused["blank.txt"] = "empty"
	writeFile(t, filepath.Join(dir, "report.pdf"), []byte("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"))
	refused["report.pdf"] = "PDF"
	writeFile(t, filepath.Join(dir, "logo.gif"), []byte("GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9\x04\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"))
	refused["logo.gif"] = "GIF"
	var zb bytes.Buffer
	zw := zip.NewWriter(&zb)
	w, _ := zw.Create("release.txt")
	_, _ = w.Write(seedRelease())
	_ = zw.Close()
	writeFile(t, filepath.Join(dir, "releases.zip"), zb.Bytes())
	refused["releases.zip"] = "zip"
	// binary with no magic number: NUL bytes
	writeFile(t, filepath.Join(dir, "data.bin.txt"), append([]byte("Net sales were $5 million.\x00\x00\x01\x02"), bytes.Repeat([]byte{0, 0xff, 0x10}, 100)...))
	refused["data.bin.txt"] = "binary"
	// 50 MB (sparse: no 50 MB written)
	big := filepath.Join(dir, "huge.txt")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(50 << 20); err != nil {
		t.Fatal(err)
	}
	f.Close()
	refused["huge.txt"] = "50 MB"

	// Windows-1252 curly quotes and apostrophes, as old filings have
	cp := bytes.ReplaceAll(seedRelease(), []byte(`"While`), []byte("\x93While"))
	cp = bytes.ReplaceAll(cp, []byte(`future potential."`), []byte("future potential.\x94"))
	cp = bytes.ReplaceAll(cp, []byte("Company's"), []byte("Company\x92s"))
	writeFile(t, filepath.Join(dir, "cp1252-2004q2.txt"), cp)
	// truncated HTML: cut inside a table row
	html := `<html><body><p>Acme Widgets Inc. today reported net sales of $5.2 million for the second quarter of fiscal 2004.</p>
<table><tr><td></td><td colspan="2">Three Months Ended</td></tr><tr><td></td><td>May 29, 2004</td><td>May 31, 2003</td></tr>
<tr><td>Net sales</td><td>$5,200</td><td>$4,100</td></tr><tr><td>Net income</td><td>3`
	writeFile(t, filepath.Join(dir, "truncated.htm"), []byte(html))
	// a table with ragged and missing columns, in HTML and in text
	ragged := `<html><body><p>Acme Gadgets Inc. today reported results for the second quarter of fiscal 2004.</p>
<table><tr><td></td><td colspan="3">Three Months Ended</td><td colspan="99">Six Months Ended</td></tr>
<tr><td>Net sales</td><td>5,200</td></tr><tr><td>Cost</td><td>1</td><td>2</td><td>3</td><td>4</td><td>5</td><td>6</td><td>7</td></tr>
<tr></tr><tr><td></td></tr><tr><td colspan="0">Net income</td><td></td><td>(300)</td><td rowspan="9">x</td></tr>
<table><tr><td>nested</td></tr></table></table><td>stray cell</td></body></html>`
	writeFile(t, filepath.Join(dir, "ragged.htm"), []byte(ragged))
	text := strings.Replace(string(seedRelease()), "NET SALES                                    $    30,023    $    12,013    $    46,627    $    23,928",
		"NET SALES                                    $    30,023", 1)
	text = strings.Replace(text, "COST OF GOODS SOLD                                26,593          8,655         40,327         17,311",
		"COST OF GOODS SOLD                                26,593          8,655         40,327         17,311    1    2    3    4    5", 1)
	text = strings.Replace(text, "       Gross profit                                3,430          3,358          6,300          6,617",
		"", 1)
	writeFile(t, filepath.Join(dir, "ragged-2004q2.txt"), []byte(text))
	// a 1 MB line: one long paragraph of sentences with figures
	var line strings.Builder
	for i := 0; line.Len() < 1<<20; i++ {
		if i%10 == 0 {
			fmt.Fprintf(&line, "Acme Tools Inc. net sales for the second quarter of fiscal 2004 were $%d,%03d,000. ", 1+i%97, i%1000)
		} else {
			line.WriteString("The company continued to invest in its distribution network and new product lines. ")
		}
	}
	writeFile(t, filepath.Join(dir, "oneline.txt"), []byte(line.String()+"\n"))
	writeFile(t, filepath.Join(dir, "innovo-2004q2.txt"), seedRelease())
	accepted = []string{"cp1252-2004q2.txt", "innovo-2004q2.txt", "oneline.txt", "ragged-2004q2.txt", "ragged.htm", "truncated.htm"}
	return refused, accepted
}

// TestAddBadFiles adds a folder of bad files beside good ones: each bad
// file gets a message naming it and the reason, the good ones go in, the
// exit status is 1, and the index answers afterwards.
func TestAddBadFiles(t *testing.T) {
	noIndexEnv(t)
	dir := t.TempDir()
	refused, accepted := badFiles(t, filepath.Join(dir, "in"))
	idx := filepath.Join(dir, "idx")
	r := ex99(t, "", "add", "--index", idx, filepath.Join(dir, "in"))
	if r.code != exitFailed {
		t.Fatalf("add: want exit %d: %v", exitFailed, r)
	}
	for name, why := range refused {
		found := false
		for _, l := range strings.Split(r.stderr, "\n") {
			if strings.Contains(l, filepath.Join(dir, "in", name)+":") && strings.Contains(l, why) {
				found = true
			}
		}
		if !found {
			t.Errorf("add: no message naming %s with %q: %v", name, why, r)
		}
	}
	if !strings.Contains(r.stderr, fmt.Sprintf("%d failed", len(refused))) {
		t.Errorf("add: summary does not count %d failures: %v", len(refused), r)
	}
	got := docNames(t, idx)
	if strings.Join(got, " ") != strings.Join(accepted, " ") {
		t.Errorf("index holds %v, want %v", got, accepted)
	}
	// Windows-1252 became UTF-8
	r = ex99(t, "", "show", "--index", idx, "cp1252-2004q2.txt")
	if r.code != 0 || !strings.Contains(r.stdout, "“While") || !strings.Contains(r.stdout, "Company’s") || !utf8Valid(r.stdout) {
		t.Errorf("cp1252 release not read as Windows-1252: %v", r)
	}
	// the index still answers
	r = ex99(t, "", "ask", "--index", idx, "--doc", "innovo-2004q2.txt", "net sales Q2 2004")
	if r.code != 0 || !strings.Contains(r.stdout, "$30,023,000") {
		t.Errorf("ask after bad files: %v", r)
	}
	r = ex99(t, "", "ask", "--index", idx, "--doc", "oneline.txt", "net sales Q2 2004")
	if r.code != 0 || len(r.stdout) > 64<<10 {
		t.Errorf("ask on the one-line release: %v", r)
	}
	// adding the same folder again changes nothing and reports the same files
	r = ex99(t, "", "add", "--index", idx, filepath.Join(dir, "in"))
	if r.code != exitFailed || !strings.Contains(r.stderr, fmt.Sprintf("%d unchanged", len(accepted))) {
		t.Errorf("second add: %v", r)
	}
}

func utf8Valid(s string) bool { return strings.ToValidUTF8(s, "\ufffd") == s }

// TestAddVanishingAndUnreadable: a file removed while add runs and a file
// that cannot be read are reported by name; the others go in.
func TestAddVanishingAndUnreadable(t *testing.T) {
	noIndexEnv(t)
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	writeFile(t, filepath.Join(in, "a-2004q2.txt"), seedRelease())
	vanish := writeFile(t, filepath.Join(in, "vanish.txt"), seedRelease())
	locked := writeFile(t, filepath.Join(in, "locked.txt"), seedRelease())
	writeFile(t, filepath.Join(in, "z-2004q2.txt"), seedRelease())
	real := os.Geteuid() != 0 // root reads a file of mode 000
	if real {
		if err := os.Chmod(locked, 0); err != nil {
			t.Fatal(err)
		}
	}
	defer func(f func(string) ([]byte, error)) { readFile = f }(readFile)
	readFile = func(p string) ([]byte, error) {
		switch p {
		case vanish:
			if err := os.Remove(p); err != nil {
				t.Error(err)
			}
		case locked:
			if !real {
				return nil, &fs.PathError{Op: "open", Path: p, Err: fs.ErrPermission}
			}
		}
		return os.ReadFile(p)
	}
	idx := filepath.Join(dir, "idx")
	r := ex99(t, "", "add", "--index", idx, in)
	if r.code != exitFailed || !strings.Contains(r.stderr, vanish+": no such file or directory") ||
		!strings.Contains(r.stderr, locked+": permission denied") {
		t.Fatalf("add: %v", r)
	}
	if got := strings.Join(docNames(t, idx), " "); got != "a-2004q2.txt z-2004q2.txt" {
		t.Errorf("index holds %s", got)
	}
	// a path given that does not exist
	r = ex99(t, "", "add", "--index", idx, filepath.Join(in, "nope.txt"), filepath.Join(in, "a-2004q2.txt"))
	if r.code != exitFailed || !strings.Contains(r.stderr, "nope.txt: no such file or directory") || !strings.Contains(r.stderr, "1 unchanged") {
		t.Errorf("add of a missing path: %v", r)
	}
}

// TestAddTenThousandFiles adds a folder of 10,000 small files, some bad.
func TestAddTenThousandFiles(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	noIndexEnv(t)
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	if err := os.MkdirAll(in, 0o755); err != nil {
		t.Fatal(err)
	}
	const n = 10000
	bad := 0
	for i := 0; i < n; i++ {
		var body string
		if i%1000 == 999 {
			bad++ // left empty
		} else {
			body = fmt.Sprintf("Company%d Inc. today reported net sales of $%d.%d million for the second quarter of fiscal 2004.\n", i, 1+i%50, i%10)
		}
		if err := os.WriteFile(filepath.Join(in, fmt.Sprintf("r%05d.txt", i)), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	idx := filepath.Join(dir, "idx")
	start := time.Now()
	r := ex99(t, "", "add", "-q", "--index", idx, in)
	t.Logf("added %d files in %v", n, time.Since(start).Round(time.Millisecond))
	if r.code != exitFailed || strings.Count(r.stderr, ": empty file") != bad {
		t.Fatalf("add: want %d empty files reported: %v", bad, r)
	}
	if got := len(docNames(t, idx)); got != n-bad {
		t.Fatalf("index holds %d releases, want %d", got, n-bad)
	}
	r = ex99(t, "", "ask", "--index", idx, "Company4242 net sales Q2 2004")
	if r.code != 0 || !strings.Contains(r.stdout, "r04242.txt") {
		t.Errorf("ask: %v", r)
	}
}
