package main

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/ex99/ex99/extract"
	"github.com/ex99/ex99/index"
	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"
)

// maxFileSize is the largest file add reads; larger files are reported and
// skipped. Releases are rarely over 2 MB; extracting and indexing takes
// about 15 times a file's size in memory.
const maxFileSize = 16 << 20

// readFile reads a file to add; tests replace it to make files vanish or
// fail while add runs.
var readFile = os.ReadFile

func (a *app) addCmd() *cobra.Command {
	var quiet bool
	var shards int
	c := &cobra.Command{
		Use:   "add [flags] FILE|FOLDER...",
		Short: "Add releases (text, HTML, EDGAR submission files) to the index",
		Long: `Add releases to the index. Folders are walked. A release is named by its
file's base name; adding a file again changes nothing if it is unchanged, and
replaces the old entries completely if it changed.

A file that cannot be read (empty, binary, not a release) is reported with
the reason; the others still go in, and the exit status is 1.

--shards splits a new index into several Bleve indexes, searched as one:
for tens of thousands of releases, so that adding writes one shard and
merges stay small (docs/SCALING.md). Answers are the same; an existing
index keeps the count it was made with.`,
		Example: `  ex99 add innovo-2004q2.txt
  ex99 add --index ./idx ~/filings/
  EX99_INDEX=./idx ex99 add *.htm
  ex99 add --index ./all --shards 8 ~/edgar/`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usagef("add", "add needs files or folders to add")
			}
			if cmd.Flags().Changed("shards") && (shards < 1 || shards > index.MaxShards) {
				return usagef("add", "--shards %d: an index has 1 to %d shards", shards, index.MaxShards)
			}
			if !cmd.Flags().Changed("shards") {
				shards = 0
			}
			return a.add(args, quiet, shards)
		},
	}
	c.Flags().BoolVarP(&quiet, "quiet", "q", false, "print only errors")
	c.Flags().IntVar(&shards, "shards", 1, "split a new index into `N` shards (1 to 64)")
	return c
}

type addResult struct {
	path string
	doc  *extract.Document
	hash string
	err  error
	skip bool // unchanged
	// replaces is true when the index holds a release of the same name
	// (a changed file, or one of the same base name from another folder),
	// and was the path that one came from, when known and different
	was      string
	replaces bool
}

// addMemoryLimit is the soft limit on add's heap, unless GOMEMLIMIT sets
// one: near it the garbage collector runs more often instead of letting
// the heap grow to twice what is live. Only pathological files (a 16 MB
// paragraph dense with figures) come near it.
const addMemoryLimit = 768 << 20

// add adds the releases args name. shards is the shard count asked for
// (0 when not asked): a new index is made with it, an existing one must
// have it.
func (a *app) add(args []string, quiet bool, shards int) error {
	start := time.Now()
	if os.Getenv("GOMEMLIMIT") == "" {
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(addMemoryLimit))
	}
	files, failed := a.collect(args)
	if len(files) == 0 {
		fmt.Fprintf(a.stderr, "ex99: add: no files to add\n")
		return silentError{exitFailed}
	}
	x, err := a.openWrite(quiet, shards)
	if err != nil {
		return err
	}
	defer x.Close()
	if shards > 0 && x.Shards() != shards {
		return fmt.Errorf("index %s has %d shard(s): --shards %d applies only to a new index (add the releases to a new index to change it)", a.path(), x.Shards(), shards)
	}

	var bar *progressbar.ProgressBar
	if a.errTTY && !quiet && len(files) > 1 {
		bar = progressbar.NewOptions(len(files), progressbar.OptionSetWriter(a.stderr), progressbar.OptionSetDescription("adding"),
			progressbar.OptionShowCount(), progressbar.OptionClearOnFinish(), progressbar.OptionThrottle(100*time.Millisecond))
	}
	// extract in parallel, write in order from one goroutine; at most
	// `ahead` releases wait in memory for the writer (which writes one batch
	// in the background while it fills the next)
	workers := max(1, min(4, len(files)))
	ahead := 64
	jobs := make(chan int)
	slots := make(chan struct{}, ahead)
	results := make([]chan addResult, len(files))
	for i := range results {
		results[i] = make(chan addResult, 1)
	}
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				results[i] <- a.extractOne(x, files[i])
			}
		}()
	}
	done := make(chan struct{})
	defer close(done)
	go func() {
		defer close(jobs)
		for i := range files {
			select {
			case slots <- struct{}{}:
			case <-done:
				return
			}
			jobs <- i
		}
	}()
	wr := x.NewWriter()
	if n, err := strconv.Atoi(os.Getenv("EX99_BATCH_ENTRIES")); err == nil && n > 0 {
		wr.BatchEntries = n // smaller batches lose less to a crash; tests use it
	}
	var docs, replaced, passages, facts, unchanged int
	names := map[string]string{}
	tick := time.NewTicker(flushCheck)
	defer tick.Stop()
	for i := range files {
		slow := func() {
			if !quiet {
				a.clearBar(bar)
				fmt.Fprintf(a.stderr, "ex99: add: %s%s is taking a while; what is done is written meanwhile\n", printable(files[i]), sizeNote(files[i]))
			}
		}
		r, err := nextResult(results[i], tick.C, wr, slow)
		if err != nil {
			a.clearBar(bar)
			return fmt.Errorf("add: %w; %d releases were added before it; run the same add again to finish", err, docs-wr.Pending())
		}
		results[i] = nil
		<-slots
		if bar != nil {
			_ = bar.Add(1)
		}
		switch {
		case r.err != nil:
			failed++
			a.clearBar(bar)
			fmt.Fprintf(a.stderr, "ex99: add: %s: %v\n", printable(r.path), r.err)
			continue
		case r.skip:
			unchanged++
			continue
		}
		if prev, ok := names[r.doc.Name]; ok {
			a.clearBar(bar)
			fmt.Fprintf(a.stderr, "ex99: add: %s replaces %s: both are named %s\n", printable(r.path), printable(prev), printable(r.doc.Name))
		}
		names[r.doc.Name] = r.path
		if err := wr.Add(r.doc); err != nil {
			if errors.Is(err, index.ErrWrite) {
				a.clearBar(bar)
				return fmt.Errorf("add: %w; %d releases were added before it; run the same add again to finish", err, docs-wr.Pending())
			}
			failed++
			a.clearBar(bar)
			fmt.Fprintf(a.stderr, "ex99: add: %s: %v\n", printable(r.path), err)
			continue
		}
		docs++
		if r.replaces {
			replaced++
		}
		if r.was != "" && !quiet {
			a.clearBar(bar)
			fmt.Fprintf(a.stderr, "replaced %s (was %s)\n", printable(r.doc.Name), printable(r.was))
		}
		passages += len(r.doc.Passages)
		facts += len(r.doc.Facts)
		if len(r.doc.Facts) == 0 {
			a.clearBar(bar)
			fmt.Fprintf(a.stderr, "ex99: add: %s: warning: no figures found; added for search, but it may not be an earnings release\n", printable(r.path))
		}
	}
	pending := wr.Pending()
	if err := wr.Flush(); err != nil {
		return fmt.Errorf("add: %w; %d releases were added before it; run the same add again to finish", err, docs-pending)
	}
	wg.Wait()
	if bar != nil {
		_ = bar.Finish()
	}
	if !quiet {
		fmt.Fprint(a.stderr, addedReplaced(docs-replaced, replaced))
		if docs > 0 {
			fmt.Fprintf(a.stderr, " (%s, %s)", countOf(passages, "passage"), countOf(facts, "fact"))
		}
		fmt.Fprintf(a.stderr, " in %.1fs", time.Since(start).Seconds())
		if unchanged > 0 {
			fmt.Fprintf(a.stderr, "; %d unchanged", unchanged)
		}
		if failed > 0 {
			fmt.Fprintf(a.stderr, "; %d failed", failed)
		}
		fmt.Fprintf(a.stderr, " → %s\n", x.Path())
	}
	if failed > 0 {
		return silentError{exitFailed}
	}
	return nil
}

// addedReplaced says how many releases add added new and how many it
// replaced: "added 2 releases", "replaced 1 release", "added 2 releases,
// replaced 1".
func addedReplaced(added, replaced int) string {
	switch {
	case replaced == 0:
		return "added " + countOf(added, "release")
	case added == 0:
		return "replaced " + countOf(replaced, "release")
	}
	return fmt.Sprintf("added %s, replaced %d", countOf(added, "release"), replaced)
}

// flushCheck is how often add, waiting for a release still being
// extracted, lets the writer write what has waited long enough.
const flushCheck = 250 * time.Millisecond

// slowNote is how long add waits for one file before saying so.
const slowNote = 3 * time.Second

// nextResult waits for a release's extraction; meanwhile, on every tick,
// the releases already queued are written once they are due, so that a
// slow file does not hold back (and a kill does not lose) finished work.
// If the wait passes slowNote, slow is called, once.
func nextResult(result <-chan addResult, tick <-chan time.Time, wr *index.Writer, slow func()) (addResult, error) {
	start := time.Now()
	for {
		select {
		case r := <-result:
			return r, nil
		case <-tick:
			if err := wr.FlushDue(); err != nil {
				return addResult{}, err
			}
			if slow != nil && time.Since(start) > slowNote {
				slow()
				slow = nil
			}
		}
	}
}

// sizeNote is " (N MB)" for a file of a megabyte or more, else "".
func sizeNote(path string) string {
	st, err := os.Stat(path)
	if err != nil || st.Size() < 1<<20 {
		return ""
	}
	return fmt.Sprintf(" (%d MB)", (st.Size()+(1<<19))>>20)
}

func (a *app) clearBar(bar *progressbar.ProgressBar) {
	if bar != nil {
		_ = bar.Clear()
	}
}

// collect expands folders into files, reporting paths that cannot be read.
func (a *app) collect(args []string) ([]string, int) {
	var files []string
	failed := 0
	for _, p := range args {
		st, err := os.Stat(p)
		if err != nil {
			fmt.Fprintf(a.stderr, "ex99: add: %s: %v\n", printable(p), friendlyErr(err))
			failed++
			continue
		}
		if !st.IsDir() {
			files = append(files, p)
			continue
		}
		var found []string
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				fmt.Fprintf(a.stderr, "ex99: add: %s: %v\n", printable(path), friendlyErr(err))
				failed++
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			name := d.Name()
			if strings.HasPrefix(name, ".") && path != p {
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() || skipByName(name) {
				return nil
			}
			why, fails := notAFile(path, d.Type())
			if why == "" {
				found = append(found, path)
				return nil
			}
			fmt.Fprintf(a.stderr, "ex99: add: %s: %s\n", printable(path), why)
			if fails {
				failed++
			}
			return nil
		})
		if err != nil {
			fmt.Fprintf(a.stderr, "ex99: add: %s: %v\n", printable(p), err)
			failed++
		}
		sort.Strings(found)
		files = append(files, found...)
	}
	return files, failed
}

// notAFile says why a folder walk does not add an entry that is not a
// regular file, and whether that counts as a failure: nothing is passed
// over silently. A link to a file is the file; a link to a folder is not
// followed (links could loop), which is said but is no failure.
func notAFile(path string, mode fs.FileMode) (why string, fails bool) {
	if mode.IsRegular() {
		return "", false
	}
	if mode&fs.ModeSymlink != 0 {
		st, err := os.Stat(path)
		switch {
		case err != nil:
			return "skipped: a link to nothing (" + friendlyErr(err).Error() + ")", true
		case st.Mode().IsRegular():
			return "", false
		case st.IsDir():
			return "skipped: a link to a folder (links to folders are not followed)", false
		}
		mode = st.Mode()
	}
	switch {
	case mode&fs.ModeNamedPipe != 0:
		return "skipped: a named pipe (FIFO), not a regular file", true
	case mode&fs.ModeSocket != 0:
		return "skipped: a socket, not a regular file", true
	case mode&fs.ModeDevice != 0:
		return "skipped: a device, not a regular file", true
	}
	return "skipped: not a regular file", true
}

// skipByName leaves out files a folder walk should not try: notes and
// question sets that sit beside releases.
func skipByName(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".md", ".jsonl", ".json", ".py", ".go", ".csv":
		return true
	}
	return false
}

func friendlyErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// extractOne reads and extracts one file, or reports it unchanged.
func (a *app) extractOne(x *index.Index, path string) addResult {
	r := addResult{path: path}
	st, err := os.Stat(path)
	if err != nil {
		r.err = friendlyErr(err)
		return r
	}
	if !st.Mode().IsRegular() {
		r.err = fmt.Errorf("not a regular file")
		return r
	}
	if st.Size() > maxFileSize {
		r.err = fmt.Errorf("file is %d MB; ex99 reads releases of up to %d MB", (st.Size()+(1<<20)-1)>>20, maxFileSize>>20)
		return r
	}
	src, err := readFile(path)
	if err != nil {
		r.err = friendlyErr(err)
		return r
	}
	if len(src) > maxFileSize { // it grew after the Stat
		r.err = fmt.Errorf("file is %d MB; ex99 reads releases of up to %d MB", (len(src)+(1<<20)-1)>>20, maxFileSize>>20)
		return r
	}
	sum := sha256.Sum256(src)
	r.hash = hex.EncodeToString(sum[:])
	name := filepath.Base(path)
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	if old, err := x.Doc(name); err == nil {
		if old.Hash == r.hash {
			r.skip = true
			return r
		}
		r.replaces = true
		if old.Path != "" && old.Path != abs {
			r.was = old.Path
		}
	}
	doc, err := parseSafely(name, src)
	if err != nil {
		r.err = err
		return r
	}
	doc.Path = abs
	r.doc = doc
	return r
}

// parseSafely extracts a release, turning a panic into an error so one bad
// file never stops a batch.
func parseSafely(name string, src []byte) (doc *extract.Document, err error) {
	defer func() {
		if p := recover(); p != nil {
			doc, err = nil, fmt.Errorf("extract: %s: internal error: %v", name, p)
		}
	}()
	doc, err = extract.Parse(name, src)
	if err != nil {
		// the extract error already names the file; keep just the reason
		msg := strings.TrimPrefix(err.Error(), "extract: "+name+": ")
		return nil, errors.New(msg)
	}
	return doc, nil
}

// printable is a file or release name as it may be printed to a terminal:
// as it is, unless it holds control characters (an escape sequence in a
// file name could rewrite the screen) or bytes that are not UTF-8; then
// quoted with those escaped, as Go's %q does ("a\x1b[2Jb.txt").
func printable(s string) string {
	if !utf8.ValidString(s) || strings.IndexFunc(s, unicode.IsControl) >= 0 {
		return strconv.Quote(s)
	}
	return s
}
