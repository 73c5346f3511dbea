package extract_test

import (
	"testing"

	"github.com/ex99/ex99/extract"
	"github.com/ex99/ex99/internal/synth"
)

// BenchmarkParse extracts distinct synthetic releases (text and HTML), so
// that no cache sees the same sentence twice in a row: ns/op is the time
// per release.
func BenchmarkParse(b *testing.B) {
	for _, format := range []string{"text", "html"} {
		b.Run(format, func(b *testing.B) {
			rs := make([]synth.Release, 64)
			for i := range rs {
				rs[i] = synth.Generate(i, format == "html")
			}
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				r := rs[i%len(rs)]
				if _, err := extract.Parse(r.Name, r.Src); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
