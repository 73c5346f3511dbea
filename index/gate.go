package index

import (
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// The gate keeps steady readers from starving a writer. A reader holds a
// shared lock on store/root.bolt for as long as it has the index open
// (Bleve's read_only bolt), and a writer needs that lock exclusively: with
// readers coming and going, their shared locks overlap and the writer may
// never find the file free. So everyone first passes a gate, a lock file of
// ours in the index folder:
//
//   - a reader takes the gate shared only while it opens the index, and
//     lets go once it is open. If a writer holds the gate, the reader waits
//     briefly (readerGateWait) and then says the index is busy.
//   - a writer takes the gate exclusively, which stops new readers; then it
//     waits (Options.WaitReaders at most) for the readers already in to
//     close, opens the index, and holds the gate until it closes it.
//
// Nobody waits for the gate while holding the bolt lock, and a reader holds
// the gate only for an open, so neither side can block the other for long,
// and readers cannot keep a writer out: at worst it fails after
// WaitReaders, if a reader keeps the index open that long.

// gateName is the gate's file in the index folder. create makes it; the
// first writer of an index made before gates adds it.
const gateName = "ex99.lock"

const (
	// pollEvery is how often a waiting open tries a lock again.
	pollEvery = 5 * time.Millisecond
	// readerGateWait is how long a reader waits for a writer to leave the
	// gate before saying the index is busy: enough for a short rm.
	readerGateWait = 250 * time.Millisecond
	// waitNotice is how long a writer waits for readers before it calls
	// Options.Waiting, so that a pause shorter than that goes unremarked.
	waitNotice = 500 * time.Millisecond
)

// Busy reasons, completing "index PATH is busy: ".
const (
	busyWriting   = "another ex99 process (add or rm) is writing to it"
	busyForReader = "another ex99 process (add or rm) is writing to it, or waiting to"
	busyUsing     = "another ex99 process is using it"
)

// gate is a held gate lock; nil when the index has no gate file.
type gate struct{ f *os.File }

// release lets go of the gate.
func (g *gate) release() {
	if g != nil {
		unlock(g.f)
		g.f.Close()
	}
}

// enterShared passes the gate as a reader, waiting up to wait for a writer
// to leave it. An index without a gate file (made before gates, and not
// written since) has no gate to pass: Bleve's bolt lock alone decides.
func enterShared(path string, wait time.Duration) (*gate, error) {
	f, err := os.Open(filepath.Join(path, gateName))
	if err != nil {
		return nil, nil
	}
	deadline := time.Now().Add(wait)
	for {
		ok, err := tryLock(f, false)
		switch {
		case err != nil: // no locking here: the bolt lock decides
			f.Close()
			return nil, nil
		case ok:
			return &gate{f}, nil
		case time.Now().After(deadline):
			f.Close()
			return nil, &busyError{path: path, why: busyForReader}
		}
		time.Sleep(pollEvery)
	}
}

// enterExclusive passes the gate as a writer. Readers hold the gate only
// while they open, so it waits for them as long as opts.WaitReaders;
// another writer holds it for its whole write, so it waits for that one
// only opts.Timeout, as for Bleve's lock, and then says the index is busy.
func enterExclusive(path string, opts Options, w *waiter) (*gate, error) {
	f, err := os.OpenFile(filepath.Join(path, gateName), os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("index %s: %w", path, err)
	}
	var writerSince time.Time // when another writer was first seen in the gate
	for {
		ok, err := tryLock(f, true)
		if err != nil {
			f.Close()
			return nil, fmt.Errorf("index %s: lock %s: %w", path, gateName, err)
		}
		if ok {
			return &gate{f}, nil
		}
		if readers, _ := tryLock(f, false); readers {
			unlock(f)
			writerSince = time.Time{}
		} else if writerSince.IsZero() {
			writerSince = time.Now()
		}
		if !writerSince.IsZero() && time.Since(writerSince) > opts.Timeout {
			f.Close()
			return nil, &busyError{path: path, why: busyWriting}
		}
		if err := w.wait(); err != nil {
			f.Close()
			return nil, err
		}
	}
}

// waitForReaders waits until the readers already in have closed the index
// (no shared lock is left on its bolt file), as long as opts.WaitReaders.
// The lock it takes to tell is let go at once, for Bleve to take.
func waitForReaders(path string, w *waiter) error {
	f, err := os.Open(boltPath(path))
	if err != nil {
		return nil // Bleve's open will say what is wrong
	}
	defer f.Close()
	for {
		ok, err := tryLock(f, true)
		if err != nil || ok {
			if ok {
				unlock(f)
			}
			return nil
		}
		if err := w.wait(); err != nil {
			return err
		}
	}
}

// waiter paces a writer's wait for readers: it sleeps between tries, calls
// Options.Waiting once the wait is longer than a moment, and fails with
// ErrBusy after Options.WaitReaders.
type waiter struct {
	path  string
	opts  Options
	start time.Time
	told  bool
}

func newWaiter(path string, opts Options) *waiter {
	return &waiter{path: path, opts: opts, start: time.Now()}
}

func (w *waiter) wait() error {
	waited := time.Since(w.start)
	if waited > w.opts.WaitReaders {
		return &busyError{path: w.path, why: fmt.Sprintf("ex99 processes reading it did not finish within %v", w.opts.WaitReaders)}
	}
	if !w.told && waited > waitNotice && w.opts.Waiting != nil {
		w.told = true
		w.opts.Waiting()
	}
	time.Sleep(pollEvery)
	return nil
}
