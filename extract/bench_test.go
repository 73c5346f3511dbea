package extract_test

import (
	"testing"
	"time"

	"github.com/ex99/ex99/extract"
	"github.com/ex99/ex99/internal/synth"
)

// BenchmarkParse extracts distinct synthetic releases (text and HTML),
// each once, so that no cache sees a release again (the memos of package
// period, vocab and extract remember a release's sentences and lines;
// cycling through 64 releases let them answer from earlier rounds):
// ns/op is the time per release. cpu-ms/op is the process's CPU time
// (user and system, all threads, garbage collection included) per
// release: on a shared machine it moves far less than the wall time.
func BenchmarkParse(b *testing.B) {
	for _, format := range []string{"text", "html"} {
		b.Run(format, func(b *testing.B) {
			rs := make([]synth.Release, b.N)
			for i := range rs {
				rs[i] = synth.Generate(i, format == "html")
			}
			b.ResetTimer()
			cpu0 := cpuTime()
			for i := 0; i < b.N; i++ {
				r := rs[i]
				if _, err := extract.Parse(r.Name, r.Src); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(cpuTime()-cpu0)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
		})
	}
}
