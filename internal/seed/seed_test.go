package seed

import (
	"bytes"
	"os"
	"testing"
)

func TestSameAsTestdata(t *testing.T) {
	b, err := os.ReadFile("../../testdata/" + Name)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b, Release) {
		t.Fatalf("internal/seed/%s differs from testdata/%s: copy one over the other", Name, Name)
	}
}
