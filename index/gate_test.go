package index

import (
	"errors"
	"path/filepath"
	"runtime"
	"sync/atomic"
	"testing"
	"time"
)

// TestWriterWaitsForReaders: a writer waits for a reader that has the
// index open, says so once, keeps new readers out meanwhile (they say the
// index is busy, at once), and gets the index when the reader closes.
func TestWriterWaitsForReaders(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no flock: Bleve's lock alone orders readers and writers")
	}
	p := newIndexAt(t, filepath.Join(t.TempDir(), "idx"))
	reader, err := Open(p, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	var told atomic.Int32
	opened := make(chan error, 1)
	go func() {
		w, err := Open(p, Options{WaitReaders: 10 * time.Second, Waiting: func() { told.Add(1) }})
		if err == nil {
			w.Close()
		}
		opened <- err
	}()
	// the writer is in the gate once a new reader is kept out
	deadline := time.Now().Add(5 * time.Second)
	for {
		start := time.Now()
		r, err := Open(p, Options{ReadOnly: true})
		if err == nil {
			r.Close()
			if time.Now().After(deadline) {
				t.Fatal("the writer never kept new readers out")
			}
			time.Sleep(time.Millisecond)
			continue
		}
		if !errors.Is(err, ErrBusy) || time.Since(start) > time.Second {
			t.Fatalf("a new reader while the writer waits: %v after %v; want busy within a second", err, time.Since(start))
		}
		break
	}
	time.Sleep(waitNotice + 100*time.Millisecond)
	select {
	case err := <-opened:
		t.Fatalf("the writer opened while a reader had the index open: %v", err)
	default:
	}
	if err := reader.Close(); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-opened:
		if err != nil {
			t.Fatalf("the writer, once the reader closed: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the writer did not open once the reader closed")
	}
	if n := told.Load(); n != 1 {
		t.Errorf("Waiting was called %d times, want once", n)
	}
	// and readers are back
	r, err := Open(p, Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("a reader after the writer: %v", err)
	}
	r.Close()
}

// TestWriterGivesUp: a writer waits for readers no longer than
// WaitReaders, fails with ErrBusy, and lets readers in again; a second
// writer is told at once that the first is writing.
func TestWriterGivesUp(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no flock: Bleve's lock alone orders readers and writers")
	}
	p := newIndexAt(t, filepath.Join(t.TempDir(), "idx"))
	reader, err := Open(p, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	_, err = Open(p, Options{WaitReaders: 300 * time.Millisecond})
	if took := time.Since(start); !errors.Is(err, ErrBusy) || took > 3*time.Second {
		t.Errorf("writer: %v after %v; want busy after about 300ms", err, took)
	}
	r2, err := Open(p, Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("a reader after the writer gave up: %v", err)
	}
	r2.Close()
	reader.Close()

	w, err := Open(p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	start = time.Now()
	_, err = Open(p, Options{Timeout: 200 * time.Millisecond})
	if took := time.Since(start); !errors.Is(err, ErrBusy) || took > 2*time.Second {
		t.Errorf("second writer: %v after %v; want busy after about 200ms", err, took)
	}
}

// TestWriterWaiting: a writer holding the index is seen by WriterWaiting,
// and once it closes the gate is free again.
func TestWriterWaiting(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no flock: Bleve's lock alone orders readers and writers")
	}
	dir := filepath.Join(t.TempDir(), "idx")
	if WriterWaiting(dir) {
		t.Fatal("no index: a writer waiting")
	}
	w, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !WriterWaiting(dir) {
		t.Error("writer open: WriterWaiting false")
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if WriterWaiting(dir) {
		t.Error("writer closed: WriterWaiting true")
	}
}
