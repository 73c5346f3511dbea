package serve

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/ex99/ex99/index"
)

// store keeps the index open between requests, so that a question costs
// milliseconds, not an open, and hands it over to a writer: a reader that
// has the index open keeps `ex99 add` and `ex99 rm` out (index/gate.go), so
// every poll the store asks whether a writer is waiting
// (index.WriterWaiting), and if one is, it lets the requests in flight
// finish, closes the index and answers "busy" until the writer has left;
// then it opens the index again, with what the writer added. Each opening
// is a new snapshot, with caches of its own.
type store struct {
	path    string
	builtin func() (*index.Index, error)

	mu      sync.RWMutex // requests hold it shared while they use cur
	cur     *snapshot    // nil while a writer has the index, or it cannot be opened
	why     error        // why cur is nil
	gen     uint64       // snapshots opened so far
	started int64        // when the store was made (ns), to tell its snapshots from another run's
}

// snapshot is one opening of the index.
type snapshot struct {
	x       *index.Index
	builtin bool   // the built-in release, for want of an index
	gen     uint64 // which opening
	etag    string // names this opening across server runs
	cache   cache
}

func newStore(path string, builtin func() (*index.Index, error)) *store {
	return &store{path: path, builtin: builtin, why: errors.New("index not opened yet"), started: time.Now().UnixNano()}
}

// acquire returns the open snapshot and the function that lets go of it.
// While a writer has the index it waits up to wait for it to finish, then
// fails with an error wrapping index.ErrBusy.
func (s *store) acquire(ctx context.Context, wait, poll time.Duration) (*snapshot, func(), error) {
	deadline := time.Now().Add(wait)
	for {
		s.mu.RLock()
		if s.cur != nil {
			return s.cur, s.mu.RUnlock, nil
		}
		s.mu.RUnlock()
		err := s.open()
		if err == nil {
			continue
		}
		if !errors.Is(err, index.ErrBusy) || time.Now().After(deadline) {
			return nil, nil, err
		}
		select {
		case <-ctx.Done():
			return nil, nil, err
		case <-time.After(poll):
		}
	}
}

// open opens the index unless it is open or a writer has it. With no
// index at the path it serves the built-in release, and opens the index
// once one has been made.
func (s *store) open() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cur != nil && !s.cur.builtin {
		return nil
	}
	if index.WriterWaiting(s.path) {
		s.why = fmt.Errorf("index %s: %w: ex99 add or rm is writing to it", s.path, index.ErrBusy)
		return s.why
	}
	x, err := index.Open(s.path, index.Options{ReadOnly: true})
	builtin := false
	if errors.Is(err, index.ErrNoIndex) && s.builtin != nil {
		if s.cur != nil {
			return nil // still no index: keep serving the built-in release
		}
		x, err = s.builtin()
		builtin = true
	}
	if err != nil {
		if s.cur == nil {
			s.why = err
		}
		return err
	}
	if s.cur != nil {
		s.cur.x.Close() // the built-in release, now that there is an index
	}
	s.gen++
	s.cur = &snapshot{x: x, builtin: builtin, gen: s.gen, etag: fmt.Sprintf("%x-%d", s.started, s.gen)}
	s.why = nil
	return nil
}

// handOver closes the index for a writer that is waiting, once the
// requests using it have finished.
func (s *store) handOver() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cur == nil || s.cur.builtin {
		return
	}
	s.cur.x.Close()
	s.cur = nil
	s.why = fmt.Errorf("index %s: %w: ex99 add or rm is writing to it", s.path, index.ErrBusy)
}

// watch hands the index over to writers and opens it again after them,
// every poll, until ctx is done.
func (s *store) watch(ctx context.Context, poll time.Duration) {
	t := time.NewTicker(poll)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		if index.WriterWaiting(s.path) {
			s.handOver()
			continue
		}
		s.mu.RLock()
		stale := s.cur == nil || s.cur.builtin
		s.mu.RUnlock()
		if stale {
			_ = s.open() // requests say why, if it fails
		}
	}
}

// close closes the index for good.
func (s *store) close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cur == nil {
		return nil
	}
	err := s.cur.x.Close()
	s.cur = nil
	s.why = errors.New("server closed")
	return err
}
