package serve

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// TestLoopback: which addresses serve calls this machine only.
func TestLoopback(t *testing.T) {
	for addr, want := range map[string]bool{
		"127.0.0.1:8099": true, "localhost:80": true, "[::1]:8099": true, "127.9.9.9:1": true,
		"0.0.0.0:8099": false, "[::]:8099": false, ":8099": false, "192.168.1.5:8099": false, "example.com:80": false, "nonsense": false,
	} {
		if got := Loopback(addr); got != want {
			t.Errorf("Loopback(%q) = %v, want %v", addr, got, want)
		}
	}
}

// TestTimeout: a request that takes too long is answered 503 with a JSON
// error; one in time keeps its own headers.
func TestTimeout(t *testing.T) {
	slow := jsonTimeout(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(2 * time.Second):
		case <-r.Context().Done():
		}
	}), 20*time.Millisecond)
	rec := httptest.NewRecorder()
	slow.ServeHTTP(rec, httptest.NewRequest("GET", "/api/ask?q=x", nil))
	if rec.Code != http.StatusServiceUnavailable || rec.Header().Get("Content-Type") != "application/json; charset=utf-8" ||
		!json.Valid(rec.Body.Bytes()) || !strings.Contains(rec.Body.String(), "took too long") {
		t.Errorf("slow: %d %v %s", rec.Code, rec.Header(), rec.Body)
	}
	fast := jsonTimeout(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeValue(w, r, map[string]int{"n": 1})
	}), time.Second)
	rec = httptest.NewRecorder()
	fast.ServeHTTP(rec, httptest.NewRequest("GET", "/api/docs", nil))
	if rec.Code != 200 || rec.Body.String() != "{\"n\":1}\n" || rec.Header().Get("Retry-After") != "" {
		t.Errorf("fast: %d %v %s", rec.Code, rec.Header(), rec.Body)
	}
}

// TestHosts: only requests to this machine by name or number are
// answered, unless the server is told to answer any (--addr elsewhere).
func TestHosts(t *testing.T) {
	for _, anyHost := range []bool{false, true} {
		h := guard(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(204) }), anyHost)
		for host, local := range map[string]bool{
			"127.0.0.1:8099": true, "localhost:8099": true, "LOCALHOST": true, "[::1]:8099": true, "ex99.localhost:1": true,
			"evil.example:8099": false, "192.168.1.5:8099": false, "": false, "127.0.0.1.evil.example": false,
		} {
			req := httptest.NewRequest("GET", "/api/docs", nil)
			req.Host = host
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if want := local || anyHost; (rec.Code == 204) != want {
				t.Errorf("anyHost %v, Host %q: %d", anyHost, host, rec.Code)
			}
		}
	}
}
