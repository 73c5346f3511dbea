package serve

import "testing"

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
