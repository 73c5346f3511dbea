//go:build unix

package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/ex99/ex99/internal/race"
	"github.com/ex99/ex99/internal/synth"
)

// TestAddMemoryBound adds releases of pathological shapes, each in an
// `add` process of its own, and holds the process's peak resident memory
// to the bound docs/RELIABILITY.md states: 256 MiB and 100 times the
// file's size. Fixed bugs: a table of 2 rows by 100,000 columns peaked at
// 4.8 GB (each fact copied its row's and header's 4,000-byte cites), a
// 15 MB release at 2.1 GB (Bleve analyzed it in one batch), and a long
// paragraph cost time quadratic in its length.
func TestAddMemoryBound(t *testing.T) {
	if testing.Short() {
		t.Skip("adds megabytes")
	}
	if race.Enabled {
		t.Skip("memory under the race detector says nothing")
	}
	const mb = 1 << 20
	for _, tt := range []struct {
		name string
		src  []byte
	}{
		{"paragraph.txt", synth.LongParagraph(2*mb, false)}, // one line, a figure every few words
		{"wrapped.txt", synth.LongParagraph(mb, true)},
		{"releases.txt", synth.LongRelease(3 * mb)}, // over the 2 MB at which a release is written in parts
		{"releases.htm", synth.LongHTML(2 * mb)},
		{"wide.htm", synth.WideTable(2, 20000)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			file := writeFile(t, filepath.Join(dir, tt.name), tt.src)
			hwm := filepath.Join(dir, "hwm")
			cmd, out := child(t, []string{"EX99_TEST_HWM=" + hwm}, "add", "-q", "--index", filepath.Join(dir, "idx"), file)
			if err := cmd.Wait(); err != nil {
				t.Fatalf("add: %v: %s", err, out)
			}
			peak, ok := childPeak(cmd.ProcessState, hwm)
			if !ok {
				t.Skip("no resource usage here")
			}
			bound := int64(256<<20 + 100*len(tt.src))
			t.Logf("%s: %d KiB, peak %d MiB, bound %d MiB", tt.name, len(tt.src)>>10, peak>>20, bound>>20)
			if peak > bound {
				t.Errorf("peak memory %d MiB for a %d KiB file; the bound is %d MiB", peak>>20, len(tt.src)>>10, bound>>20)
			}
		})
	}
}

// childPeak is a finished child's peak resident memory: its own VmHWM,
// which it wrote to hwm (see writeHWM), else its rusage, which on Linux
// also counts the peak of the process that started it.
func childPeak(ps *os.ProcessState, hwm string) (int64, bool) {
	if b, err := os.ReadFile(hwm); err == nil {
		var kb int64
		if _, err := fmt.Sscanf(strings.TrimSpace(strings.TrimPrefix(string(b), "VmHWM:")), "%d kB", &kb); err == nil && kb > 0 {
			return kb << 10, true
		}
	}
	ru, ok := ps.SysUsage().(*syscall.Rusage)
	if !ok {
		return 0, false
	}
	return int64(ru.Maxrss) << 10, true // Linux reports KiB
}

// BenchmarkAddLarge adds the largest pathological files ex99 accepts, each
// in an add process of its own, and reports the time and peak memory of
// each add; it fails past 30 seconds or 1 GiB, the limits
// docs/RELIABILITY.md states:
//
//	go test ./cmd/ex99 -run '^$' -bench AddLarge -benchtime 1x
func BenchmarkAddLarge(b *testing.B) {
	const mb = 1 << 20
	for _, bb := range []struct {
		name string
		src  func() []byte
	}{
		{"paragraph-16MB.txt", func() []byte { return synth.LongParagraph(16*mb-4096, false) }},
		{"releases-15MB.txt", func() []byte { return synth.LongRelease(15 * mb) }},
		{"table-2x100000.htm", func() []byte { return synth.WideTable(2, 100000) }},
	} {
		b.Run(bb.name, func(b *testing.B) {
			dir := b.TempDir()
			file := writeFile(b, filepath.Join(dir, bb.name), bb.src())
			for i := 0; i < b.N; i++ {
				start := time.Now()
				hwm := filepath.Join(dir, fmt.Sprint("hwm", i))
				cmd, out := child(b, []string{"EX99_TEST_HWM=" + hwm}, "add", "-q", "--index", filepath.Join(dir, fmt.Sprint("idx", i)), file)
				if err := cmd.Wait(); err != nil {
					b.Fatalf("add: %v: %s", err, out)
				}
				took := time.Since(start)
				peak, _ := childPeak(cmd.ProcessState, hwm)
				b.ReportMetric(took.Seconds(), "s/add")
				b.ReportMetric(float64(peak>>20), "peak-MiB")
				if took > 30*time.Second || peak > 1<<30 {
					b.Errorf("%s: %v, peak %d MiB; the limits are 30 s and 1,024 MiB", bb.name, took.Round(time.Millisecond), peak>>20)
				}
			}
		})
	}
}
