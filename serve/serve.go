// Package serve is ex99's local web page and JSON API (ex99 serve): the
// CLI's JSON answers over HTTP, and one embedded page that shows an answer
// beside the release it cites, scrolled to the cited lines.
//
// The server is read-only and keeps the index open between requests; when
// `ex99 add` or `ex99 rm` wants the index it closes it for them and opens
// it again after (store.go), so a release added while the server runs
// shows up within a moment. Every piece of release text reaches the page
// as JSON and is put in the page as text, never as markup; the page's
// Content-Security-Policy allows only its own script and style.
package serve

import (
	"context"
	"embed"
	"errors"
	"io/fs"
	"net"
	"net/http"
	"time"

	"github.com/ex99/ex99/index"
)

// Config is how a Server finds its index and what it allows.
type Config struct {
	// Index is the index folder.
	Index string
	// Builtin, if set, makes an index to serve while there is none at
	// Index (the CLI's built-in release); without it a missing index is
	// an error.
	Builtin func() (*index.Index, error)
	// BusyWait is how long a request waits for a writer (ex99 add) to
	// finish before it is answered 503; default 2s.
	BusyWait time.Duration
	// Poll is how often the server asks whether a writer wants the index;
	// default 100ms.
	Poll time.Duration
	// Timeout bounds one API request; default 10s.
	Timeout time.Duration
	// AnyHost answers requests whatever host they name; without it only
	// those to localhost or a loopback address are (a guard against DNS
	// rebinding). Set it when serving on an address others reach.
	AnyHost bool
}

// Limits on what a request may ask.
const (
	maxQuestion = 500  // bytes of a question or search terms
	maxQuery    = 4096 // bytes of a URL's query string
	maxSearch   = 200  // hits one search may return
	// defaultSearch is the hits a search returns when limit is not given.
	defaultSearch = 20
)

// Server serves the page and the API over one index.
type Server struct {
	cfg   Config
	st    *store
	stop  context.CancelFunc
	done  chan struct{}
	h     http.Handler
	pages fs.FS
}

//go:embed static
var static embed.FS

// New starts watching the index at cfg.Index for writers and returns a
// server for it; Close stops it.
func New(cfg Config) *Server {
	if cfg.BusyWait == 0 {
		cfg.BusyWait = 2 * time.Second
	}
	if cfg.Poll == 0 {
		cfg.Poll = 100 * time.Millisecond
	}
	if cfg.Timeout == 0 {
		cfg.Timeout = 10 * time.Second
	}
	pages, err := fs.Sub(static, "static")
	if err != nil {
		panic(err) // the embedded folder is part of the build
	}
	s := &Server{cfg: cfg, st: newStore(cfg.Index, cfg.Builtin), done: make(chan struct{}), pages: pages}
	ctx, stop := context.WithCancel(context.Background())
	s.stop = stop
	go func() {
		defer close(s.done)
		s.st.watch(ctx, cfg.Poll)
	}()
	s.h = s.routes()
	return s
}

// Open opens the index now, so that a server that cannot read it fails
// at the start rather than at the first request. It reports whether it
// serves the built-in release for want of an index.
func (s *Server) Open() (builtin bool, err error) {
	snap, release, err := s.st.acquire(context.Background(), s.cfg.BusyWait, s.cfg.Poll)
	if err != nil {
		return false, err
	}
	defer release()
	return snap.builtin, nil
}

// Handler is the server's HTTP handler.
func (s *Server) Handler() http.Handler { return s.h }

// Close stops watching the index and closes it.
func (s *Server) Close() error {
	s.stop()
	<-s.done
	return s.st.close()
}

// Serve serves s on ln until ctx is done, then shuts down gracefully:
// requests in flight get up to five seconds to finish.
func Serve(ctx context.Context, ln net.Listener, s *Server) error {
	hs := &http.Server{
		Handler:           s.Handler(),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      s.cfg.Timeout + 5*time.Second,
		IdleTimeout:       60 * time.Second,
		MaxHeaderBytes:    16 << 10,
	}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	err := hs.Shutdown(sctx)
	if e := <-errc; !errors.Is(e, http.ErrServerClosed) && err == nil {
		err = e
	}
	return err
}

// Loopback reports whether addr (host:port) is reachable from this
// machine only.
func Loopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
