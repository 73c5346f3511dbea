// Command ex99 answers questions about company earnings press releases
// (SEC Form 8-K, Exhibit 99.1) and shows where every answer came from.
//
//	ex99 ask "Joe's net sales Q2 2004"
//	ex99 add releases/
//	ex99 search "conference call"
//
// Run `ex99 help` for the commands.
package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strings"

	"github.com/ex99/ex99/extract"
	"github.com/ex99/ex99/index"
	"github.com/ex99/ex99/internal/seed"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"golang.org/x/term"
)

func main() {
	if os.Getenv("EX99_DEBUG") == "" {
		// Bleve's scorch logs through the standard logger ("unable to load
		// snapshot"); ex99 reports what matters as errors.
		log.SetOutput(io.Discard)
	}
	stop := startProfile(os.Getenv("EX99_CPUPROFILE"))
	code := main1()
	stop()
	os.Exit(code)
}

// startProfile writes a CPU profile to path (EX99_CPUPROFILE) until the
// returned function is called; for performance work (scripts/bench.sh).
func startProfile(path string) func() {
	if path == "" {
		return func() {}
	}
	f, err := os.Create(path)
	if err != nil {
		fmt.Fprintf(os.Stderr, "ex99: EX99_CPUPROFILE: %v\n", err)
		return func() {}
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		fmt.Fprintf(os.Stderr, "ex99: EX99_CPUPROFILE: %v\n", err)
		f.Close()
		return func() {}
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}
}

// Exit statuses.
const (
	exitOK      = 0
	exitFailed  = 1 // an error, or (check) a disagreement, or (add) some files failed
	exitUsage   = 2 // bad flags or arguments
	exitNoIndex = 3 // no index where one is needed
)

// main1 runs ex99 and returns its exit status (testscript calls it too).
func main1() int {
	return run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
}

// run runs ex99 with args (without the program name) and returns its exit
// status; tests call it with buffers.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	a := &app{stdin: stdin, stdout: stdout, stderr: stderr,
		outTTY: isTerminal(stdout), errTTY: isTerminal(stderr), inTTY: isTerminal(stdin)}
	root := a.rootCmd()
	root.SetArgs(args)
	err := root.Execute()
	if err == nil {
		return a.status
	}
	var ue usageError
	var se silentError
	switch {
	case errors.As(err, &se):
		return se.code
	case errors.As(err, &ue):
		fmt.Fprintf(a.stderr, "ex99: %v\nRun '%s --help' for usage.\n", err, strings.TrimSpace("ex99 "+ue.cmd))
		return exitUsage
	case errors.Is(err, index.ErrNoIndex) && a.missingPath():
		fmt.Fprintf(a.stderr, "ex99: %v\nCheck it for a typo, or make an index there: ex99 add --index %s FILE...\n", err, printable(a.indexPath))
		return exitNoIndex
	case errors.Is(err, index.ErrNoIndex):
		fmt.Fprintf(a.stderr, "ex99: %v\nAdd releases first: ex99 add FILE...\n", err)
		return exitNoIndex
	case errors.Is(err, index.ErrBusy):
		a.sayBusy(err)
		return exitFailed
	case errors.Is(err, index.ErrNotIndex):
		fmt.Fprintf(a.stderr, "ex99: %v\nex99 reads and writes only its own index folders, and leaves this one alone%s; for a new index, name a new or empty folder.\n", err, a.pathSource())
		return exitFailed
	case errors.Is(err, index.ErrNotWritable):
		fmt.Fprintf(a.stderr, "ex99: %v\nReading it (ask, search, docs) still works; add and rm need write permission there%s.\n", err, a.pathSource())
		return exitFailed
	}
	fmt.Fprintf(a.stderr, "ex99: %v\n", err)
	return exitFailed
}

// sayBusy says that the index is busy, and what to do.
func (a *app) sayBusy(err error) {
	fmt.Fprintf(a.stderr, "ex99: %v; try again when it has finished\n", err)
}

func isTerminal(f interface{}) bool {
	if f, ok := f.(*os.File); ok {
		return term.IsTerminal(int(f.Fd()))
	}
	return false
}

// usageError is a mistake in how ex99 was called: exit status 2.
type usageError struct {
	cmd string // the command's path after "ex99" ("ask", "completion bash"); "" for ex99 itself
	err error
}

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

func usagef(cmd, format string, args ...interface{}) error {
	return usageError{cmd: cmd, err: fmt.Errorf(format, args...)}
}

// silentError ends the command with a status; the message is already out.
type silentError struct{ code int }

func (e silentError) Error() string { return fmt.Sprintf("exit status %d", e.code) }

// app holds what every command shares.
type app struct {
	indexPath string
	stdin     io.Reader
	stdout    io.Writer
	stderr    io.Writer
	outTTY    bool
	errTTY    bool
	inTTY     bool
	status    int
	noted     bool   // the built-in release notice was printed
	color     string // --color: auto, always or never
	style     styler // what --color, NO_COLOR and the terminal decided
	verbose   bool   // ask -v: every citation of an answer, in full
}

func (a *app) rootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:   "ex99",
		Short: "Answers questions about earnings press releases, citing the source lines",
		Long: `ex99 answers questions about company earnings press releases (SEC Form 8-K,
Exhibit 99.1) with exact figures and the lines they came from.

With no index built yet, ex99 answers over a release built into it (Innovo
Group, second quarter of fiscal 2004). Add your own releases with "ex99 add".`,
		Example: `  ex99 ask "Joe's net sales Q2 2004"
  ex99 add ~/filings/
  ex99 ask --doc apple-2004q3.htm "diluted EPS Q3 FY04"
  ex99 search conference call
  ex99 show innovo-2004q2.txt:171`,
		SilenceErrors: true,
		SilenceUsage:  true,
	}
	root.SetOut(a.stdout)
	root.SetErr(a.stderr)
	root.SetIn(a.stdin)
	root.Version = versionLine()
	root.SetVersionTemplate("{{.Version}}\n")
	root.PersistentFlags().StringVar(&a.indexPath, "index", "", "index folder (default $EX99_INDEX, else "+displayDefault()+")")
	_ = root.MarkPersistentFlagDirname("index")
	root.PersistentFlags().StringVar(&a.color, "color", "auto", "colour matches and marks: auto (on a terminal, unless NO_COLOR is set), always or never")
	root.PersistentPreRunE = func(c *cobra.Command, args []string) error {
		on, err := colorOn(a.color, a.outTTY, os.Getenv)
		if err != nil {
			return usageError{cmd: subPath(c), err: err}
		}
		a.style = styler{on: on}
		return nil
	}
	// ex99 itself runs to say that a command is unknown (exit 2, like a
	// bad flag), with the commands its name is near
	root.SuggestionsMinimumDistance = 2
	root.Args = func(c *cobra.Command, args []string) error {
		if len(args) == 0 {
			return nil
		}
		msg := fmt.Sprintf("unknown command %q", args[0])
		if s := c.SuggestionsFor(args[0]); len(s) > 0 {
			msg += "; did you mean " + orWords(s) + "?"
		} else {
			msg += fmt.Sprintf("; to ask it as a question: ex99 ask %q", strings.Join(args, " "))
		}
		return usageError{err: errors.New(msg)}
	}
	root.RunE = func(c *cobra.Command, args []string) error { return c.Help() }
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		if strings.Contains(err.Error(), "unknown shorthand flag") && (c.Name() == "ask" || c.Name() == "search") {
			// "ex99 ask -5% ..." reads -5 as flags
			err = fmt.Errorf("%w (to start a question with \"-\", put -- before it: ex99 %s -- -5%% change)", err, c.Name())
		}
		return usageError{cmd: subPath(c), err: flagError(err)}
	})
	root.AddCommand(a.addCmd(), a.askCmd(), a.searchCmd(), a.factsCmd(), a.docsCmd(), a.showCmd(), a.promptCmd(), a.rmCmd(), a.checkCmd(), a.versionCmd(), a.serveCmd())
	a.completions(root)
	return root
}

// orWords is "a", "a or b", "a, b or c".
func orWords(ws []string) string {
	if len(ws) < 2 {
		return strings.Join(ws, "")
	}
	return strings.Join(ws[:len(ws)-1], ", ") + " or " + ws[len(ws)-1]
}

// subPath is a command's path after "ex99" ("ask", "completion bash").
func subPath(c *cobra.Command) string {
	return strings.TrimSpace(strings.TrimPrefix(c.CommandPath(), "ex99"))
}

// flagError says a flag's bad value in words: what the flag takes, not
// the parser's internals (strconv.ParseInt: parsing "abc": invalid syntax).
func flagError(err error) error {
	var ive *pflag.InvalidValueError
	if !errors.As(err, &ive) {
		return err
	}
	takes := map[string]string{"int": "a whole number", "bool": "true or false", "duration": "a duration such as 5s"}[ive.GetFlag().Value.Type()]
	if takes == "" {
		takes = "a " + ive.GetFlag().Value.Type()
	}
	return fmt.Errorf("--%s takes %s, not %q", ive.GetFlag().Name, takes, ive.GetValue())
}

// path is the index folder to use.
func (a *app) path() string {
	if a.indexPath != "" {
		return a.indexPath
	}
	if p := os.Getenv("EX99_INDEX"); p != "" {
		return p
	}
	return defaultIndexPath()
}

// pathSource says where the index path came from, when the user may not
// have meant it: the environment, or the default.
func (a *app) pathSource() string {
	switch {
	case a.indexPath != "":
		return ""
	case os.Getenv("EX99_INDEX") != "":
		return " (the index folder is set by EX99_INDEX)"
	}
	return " (the index folder is the default one; choose another with --index)"
}

// defaultIndexPath is a per-user data folder: $XDG_DATA_HOME/ex99/index,
// ~/.local/share/ex99/index, or the OS's equivalent.
func defaultIndexPath() string {
	if d := os.Getenv("XDG_DATA_HOME"); d != "" {
		return filepath.Join(d, "ex99", "index")
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return filepath.Join(os.TempDir(), "ex99-index")
	}
	switch runtime.GOOS {
	case "darwin":
		return filepath.Join(home, "Library", "Application Support", "ex99", "index")
	case "windows":
		if d, err := os.UserConfigDir(); err == nil {
			return filepath.Join(d, "ex99", "index")
		}
	}
	return filepath.Join(home, ".local", "share", "ex99", "index")
}

func displayDefault() string {
	return "~/.local/share/ex99/index"
}

// missingPath reports whether --index names a path that does not exist:
// a typo, most likely, which must not answer from the built-in release.
// The default path and EX99_INDEX are where the index will be once add
// makes it, and an empty folder is a place made for one: until then the
// built-in release answers there, and says so.
func (a *app) missingPath() bool {
	if a.indexPath == "" {
		return false
	}
	_, err := os.Lstat(a.indexPath)
	return errors.Is(err, fs.ErrNotExist)
}

// openRead opens the index for reading. With no index yet at the default
// path it builds an in-memory one from the built-in release and says so
// once on stderr; at an --index path that does not exist, no index is an
// error (a typo must not answer from the demo release).
func (a *app) openRead() (*index.Index, error) {
	x, err := index.Open(a.path(), index.Options{ReadOnly: true})
	if err == nil {
		return x, nil
	}
	if !errors.Is(err, index.ErrNoIndex) {
		return nil, err
	}
	if a.missingPath() {
		return nil, a.noIndexError()
	}
	if !a.noted {
		fmt.Fprintf(a.stderr, "ex99: no index at %s yet; answering from the built-in release %s (add your own with: ex99 add FILE...)\n", a.path(), seed.Name)
		a.noted = true
	}
	return builtinIndex()
}

// noIndexError says that the index path --index names does not exist.
func (a *app) noIndexError() error {
	return fmt.Errorf("--index %s: %w there: the path does not exist", printable(a.indexPath), index.ErrNoIndex)
}

// builtinIndex is an in-memory index of the embedded release.
func builtinIndex() (*index.Index, error) {
	doc, err := extract.Parse(seed.Name, seed.Release)
	if err != nil {
		return nil, err
	}
	x, err := index.OpenMem()
	if err != nil {
		return nil, err
	}
	w := x.NewWriter()
	if err := w.Add(doc); err != nil {
		return nil, err
	}
	if err := w.Flush(); err != nil {
		return nil, err
	}
	return x, nil
}

// openWrite opens (or creates) the index for writing. Readers still
// reading are waited for (new ones are kept out); unless quiet, a wait
// longer than a moment is said on stderr, so that it is not taken for a
// hang. A new index is split into shards (0: one index).
func (a *app) openWrite(quiet bool, shards int) (*index.Index, error) {
	opts := index.Options{Shards: shards}
	if !quiet {
		opts.Waiting = func() {
			fmt.Fprintf(a.stderr, "ex99: waiting for readers of %s to finish…\n", a.path())
		}
	}
	return index.Open(a.path(), opts)
}
