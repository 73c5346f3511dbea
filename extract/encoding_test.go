package extract

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf16"
)

// TestUTF16 reads a release saved as UTF-16 (with and without a byte-order
// mark, either byte order) as it reads the same text in UTF-8. Fixed bugs:
// UTF-16 was called "binary data" for its NUL bytes.
func TestUTF16(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "testdata", "innovo-2004q2.txt"))
	if err != nil {
		t.Fatal(err)
	}
	want := parseDump(t, "r.txt", src)
	encode := func(order binary.AppendByteOrder, bom bool) []byte {
		var out []byte
		if bom {
			out = order.AppendUint16(out, 0xfeff)
		}
		for _, u := range utf16.Encode([]rune(string(src))) {
			out = order.AppendUint16(out, u)
		}
		return out
	}
	for _, tt := range []struct {
		name  string
		order binary.AppendByteOrder
		bom   bool
	}{
		{"little-endian with BOM", binary.LittleEndian, true},
		{"big-endian with BOM", binary.BigEndian, true},
		{"little-endian", binary.LittleEndian, false},
		{"big-endian", binary.BigEndian, false},
	} {
		if got := parseDump(t, "r.txt", encode(tt.order, tt.bom)); got != want {
			t.Errorf("%s: differs from UTF-8:\n%s", tt.name, firstDiff(want, got))
		}
	}
	// binary data with NULs is still binary
	if _, err := Parse("x.bin", []byte("ab\x00\x00cd\x00\x01\x02\x03\x00\x00\x00\x00\x00\x00")); err == nil {
		t.Error("binary data parsed")
	}
}
