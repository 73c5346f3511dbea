//go:build unix

package main

import (
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/ex99/ex99/internal/seed"
)

// nobody is the user the tests run ex99 as when they run as root.
const nobody = 65534

// TestNotWritable: add and rm by a user who may not write to a whole index
// say so, naming the index and saying that it is fine, and change nothing;
// reading it works. Root may write anything, so as root ex99 runs as user
// nobody (a copy of the test binary, in a folder nobody can read).
func TestNotWritable(t *testing.T) {
	noIndexEnv(t)
	dir, err := os.MkdirTemp("", "ex99-perm-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	release := writeFile(t, filepath.Join(dir, "in", seed.Name), seedRelease())
	idx := filepath.Join(dir, "idx")
	if r := ex99(t, "", "add", "-q", "--index", idx, release); r.code != 0 {
		t.Fatalf("add: %v", r)
	}
	var as func(args ...string) result
	if os.Geteuid() == 0 {
		as = asNobody(t, dir) // dir and idx become readable by all, writable by root only
	} else {
		as = func(args ...string) result { return ex99(t, "", args...) }
		chmodTree(t, idx, 0o555, 0o444)
		t.Cleanup(func() { chmodTree(t, idx, 0o755, 0o644) })
		if f, err := os.Create(filepath.Join(idx, "probe")); err == nil {
			f.Close()
			t.Skip("this user may write to a read-only folder")
		}
	}
	before := listing(t, idx)
	if r := as("ask", "--index", idx, "--doc", seed.Name, "net sales Q2 2004"); r.code != 0 || !strings.Contains(r.stdout, "$30,023,000") {
		t.Fatalf("ask by a user who may only read: %v", r)
	}
	for _, args := range [][]string{{"add", release}, {"rm", seed.Name}} {
		r := as(append(args, "--index", idx)...)
		if r.code != exitFailed || !strings.Contains(r.stderr, "index "+idx+" is fine, but you cannot write to it") ||
			!strings.Contains(r.stderr, "permission denied") || strings.Contains(r.stderr, "damaged") || strings.Contains(r.stderr, "rm -r") {
			t.Errorf("%s: want the index said to be fine but not writable: %v", args[0], r)
		}
	}
	if d := listingDiff(before, listing(t, idx)); d != "" {
		t.Errorf("the commands changed the index:\n%s", d)
	}
}

// asNobody returns a function that runs ex99 as user nobody: a copy of
// the test binary in dir, which must be readable by all. It skips the test
// if this system does not let root run a process as another user.
func asNobody(t *testing.T, dir string) func(args ...string) result {
	t.Helper()
	self, err := os.Executable()
	if err != nil {
		t.Skip(err)
	}
	bin := filepath.Join(dir, "ex99.test")
	copyFile(t, self, bin)
	run := func(args ...string) result {
		cmd := exec.Command(bin, args...)
		cmd.Dir = dir
		cmd.Env = []string{"EX99_TEST_MAIN=1", "HOME=" + dir, "XDG_DATA_HOME=" + dir, "PATH=/usr/bin:/bin"}
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: nobody, Gid: nobody}}
		var out, errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errb
		start := time.Now()
		err := cmd.Run()
		r := result{stdout: out.String(), stderr: errb.String(), took: time.Since(start)}
		var ee *exec.ExitError
		switch {
		case errors.As(err, &ee):
			r.code = ee.ExitCode()
		case err != nil:
			t.Skipf("cannot run ex99 as user %d here: %v", nobody, err)
		}
		return r
	}
	chmodTree(t, dir, 0o755, 0o644)
	if err := os.Chmod(bin, 0o755); err != nil {
		t.Fatal(err)
	}
	if r := run("help"); r.code != 0 {
		t.Skipf("cannot run ex99 as user %d here: %v", nobody, r)
	}
	return run
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	src, err := os.Open(from)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	dst, err := os.OpenFile(to, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o755)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(dst, src); err != nil {
		t.Fatal(err)
	}
	if err := dst.Close(); err != nil {
		t.Fatal(err)
	}
}

// chmodTree sets the mode of every folder and file under root, keeping
// the executable bit of files that have it.
func chmodTree(t *testing.T, root string, dirs, files os.FileMode) {
	t.Helper()
	err := filepath.Walk(root, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		if info.IsDir() {
			return os.Chmod(p, dirs)
		}
		return os.Chmod(p, files|info.Mode().Perm()&0o111)
	})
	if err != nil {
		t.Fatal(err)
	}
}
