//go:build unix

package main

import (
	"bytes"
	"io"
	"net/http"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// syncBuffer is a bytes.Buffer safe to write and read at once.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestServe: ex99 serve prints its URL, answers there, and stops cleanly
// (status 0) on an interrupt; with no index it serves the built-in
// release and says so.
func TestServe(t *testing.T) {
	var stdout, stderr syncBuffer
	idx := filepath.Join(t.TempDir(), "none")
	done := make(chan int, 1)
	go func() {
		done <- run([]string{"serve", "--index", idx, "--addr", "127.0.0.1:0"}, strings.NewReader(""), &stdout, &stderr)
	}()
	reURL := regexp.MustCompile(`http://127\.0\.0\.1:\d+/`)
	deadline := time.Now().Add(10 * time.Second)
	for reURL.FindString(stdout.String()) == "" {
		select {
		case code := <-done:
			t.Fatalf("serve ended with %d: %s %s", code, stdout.String(), stderr.String())
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("no URL printed: %q %q", stdout.String(), stderr.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
	url := reURL.FindString(stdout.String())
	resp, err := http.Get(url + "api/ask?q=Joe%27s+net+sales+Q2+2004")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(body), `"value":"4394000"`) {
		t.Errorf("ask: %d %s", resp.StatusCode, body)
	}
	if !strings.Contains(stderr.String(), "serving the built-in release") {
		t.Errorf("stderr: %q", stderr.String())
	}
	if err := syscall.Kill(syscall.Getpid(), syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("after Ctrl-C: status %d, stderr %q", code, stderr.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not stop on an interrupt")
	}
}

// TestServeWarnsOffLoopback: an address other than loopback is warned of.
func TestServeWarnsOffLoopback(t *testing.T) {
	var stdout, stderr syncBuffer
	done := make(chan int, 1)
	go func() {
		done <- run([]string{"serve", "--index", filepath.Join(t.TempDir(), "none"), "--addr", "0.0.0.0:0"}, strings.NewReader(""), &stdout, &stderr)
	}()
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(stdout.String(), "http://") && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if !strings.Contains(stderr.String(), "warning: listening on ") || !strings.Contains(stderr.String(), "anyone who can reach it") {
		t.Errorf("no warning: %q", stderr.String())
	}
	_ = syscall.Kill(syscall.Getpid(), syscall.SIGINT)
	if code := <-done; code != 0 {
		t.Errorf("status %d", code)
	}
}
