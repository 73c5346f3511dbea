package serve

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"mime"
	"net"
	"net/http"
	"path"
	"strings"
	"time"
)

// csp allows the page its own script, style and API, and nothing else: no
// inline script or style, no other origin, no plugin, no framing.
const csp = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; " +
	"base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// routes is the server's handler: the API under /api/, the page at / and
// /doc/NAME, its script and style under /static/.
func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()
	for path, fn := range map[string]apiFunc{
		"/api/ask":    apiAsk,
		"/api/search": apiSearch,
		"/api/docs":   apiDocs,
		"/api/facts":  apiFacts,
		"/api/show":   apiShow,
		"/api/check":  apiCheck,
	} {
		mux.Handle("GET "+path, jsonTimeout(s.api(fn), s.cfg.Timeout))
	}
	mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, &httpError{status: http.StatusNotFound, msg: "no such API: " + r.URL.Path + " (see the README: ask, search, docs, facts, show, check)"})
	})
	page := s.page()
	mux.Handle("GET /{$}", page)
	mux.Handle("GET /doc/", page)
	mux.Handle("GET /static/", s.assets())
	mux.HandleFunc("GET /favicon.ico", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNoContent) })
	return guard(mux, s.cfg.AnyHost)
}

// jsonTimeout answers 503 with a JSON error when h takes longer than d.
func jsonTimeout(h http.Handler, d time.Duration) http.Handler {
	th := http.TimeoutHandler(h, d, `{"error":"the request took too long","status":503}`+"\n")
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// the timeout's answer goes out with the headers set here; h's
		// own answer replaces them
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		th.ServeHTTP(w, r)
	})
}

// page serves the one page; the script reads the URL.
func (s *Server) page() http.Handler {
	return s.file("index.html")
}

// assets serves the page's script and style.
func (s *Server) assets() http.Handler {
	files := map[string]http.Handler{}
	for _, name := range []string{"app.js", "app.css"} {
		files["/static/"+name] = s.file(name)
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if h := files[r.URL.Path]; h != nil {
			h.ServeHTTP(w, r)
			return
		}
		http.NotFound(w, r)
	})
}

// file serves an embedded file with an ETag of its content, so that a
// browser asks again (no-cache) and gets 304 Not Modified.
func (s *Server) file(name string) http.Handler {
	data, err := fs.ReadFile(s.pages, name)
	if err != nil {
		panic(err) // the embedded files are part of the build
	}
	sum := sha256.Sum256(data)
	tag := `"` + hex.EncodeToString(sum[:8]) + `"`
	ctype := mime.TypeByExtension(path.Ext(name))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", ctype)
		w.Header().Set("Cache-Control", "no-cache")
		w.Header().Set("ETag", tag)
		http.ServeContent(w, r, name, time.Time{}, bytes.NewReader(data))
	})
}

// guard sets the safety headers on every response and turns away what a
// read-only server does not take: methods other than GET and HEAD, and
// request bodies. Unless anyHost, it answers only requests addressed to
// this machine by name or number (Host: localhost, 127.0.0.1, [::1]): a
// web page elsewhere that points its own name at 127.0.0.1 (DNS
// rebinding) would otherwise read the index as its own origin.
func guard(next http.Handler, anyHost bool) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		if !anyHost && !loopbackHost(r.Host) {
			writeError(w, &httpError{status: http.StatusMisdirectedRequest, msg: "ex99 serve answers requests to this machine only (localhost, 127.0.0.1 or [::1]); to serve others, start it with --addr on another address"})
			return
		}
		h.Set("Content-Security-Policy", csp)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Cross-Origin-Resource-Policy", "same-origin")
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			h.Set("Allow", "GET, HEAD")
			writeError(w, &httpError{status: http.StatusMethodNotAllowed, msg: "ex99 serve is read-only: only GET (add and remove releases with the ex99 command)"})
			return
		}
		if r.ContentLength > 0 || len(r.TransferEncoding) > 0 {
			writeError(w, &httpError{status: http.StatusRequestEntityTooLarge, msg: "a request to ex99 serve has no body"})
			return
		}
		if strings.Contains(r.URL.Path, "\x00") {
			writeError(w, badRequest("bad path"))
			return
		}
		next.ServeHTTP(w, r)
	})
}

// loopbackHost reports whether a Host header names this machine: a
// loopback address, or localhost, with any port or none.
func loopbackHost(host string) bool {
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
	if strings.EqualFold(host, "localhost") || strings.HasSuffix(strings.ToLower(host), ".localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
