package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/ex99/ex99/answer"
	"github.com/ex99/ex99/index"
	"github.com/ex99/ex99/internal/seed"
	"github.com/peterh/liner"
	"github.com/spf13/cobra"
)

const promptHelp = `Type a question and press Enter; ex99 answers it as "ex99 ask" would.
  :doc NAME       answer from release NAME only (:doc alone shows it, :doc - clears it)
  :docs           list the indexed releases
  :search TERMS   the lines that hold TERMS, as "ex99 search" prints them ("a phrase")
  :show NAME      print the top of a release; NAME:LINE, lines around a citation
  :json           switch between JSON and text answers
  :clear          clear the screen (or clear)
  :help           this help (or help, \?)
  :quit           leave (or quit, exit, \q, .quit, Ctrl-D)
Tab completes commands and release names.
`

// promptWords are the lines that are commands without a ":", as psql,
// sqlite3 and shells take them: no question is only one of these.
var promptWords = map[string]string{
	"exit": "quit", "quit": "quit", `\q`: "quit", ".quit": "quit", ".exit": "quit",
	"help": "help", `\?`: "help", `\h`: "help", ".help": "help",
	"clear": "clear", ".clear": "clear",
}

// promptCommands are the prompt's commands, in the order Tab offers
// them; those that take an argument end in a space.
var promptCommands = []string{":doc ", ":docs", ":search ", ":show ", ":json", ":clear", ":help", ":quit"}

// promptLine reads a prompt line as a command and its argument; cmd is ""
// for a question.
func promptLine(line string) (cmd, arg string) {
	if c, ok := promptWords[strings.ToLower(line)]; ok {
		return c, ""
	}
	if !strings.HasPrefix(line, ":") {
		return "", line
	}
	cmd, arg, _ = strings.Cut(strings.TrimPrefix(line, ":"), " ")
	switch cmd {
	case "q", "exit":
		cmd = "quit"
	case "h", "?":
		cmd = "help"
	case "s":
		cmd = "search"
	}
	return cmd, strings.TrimSpace(arg)
}

// promptComplete completes a prompt line on Tab: a command after ":", a
// release's name after ":doc " or ":show ".
func promptComplete(line string, names []string) []string {
	var out []string
	if !strings.Contains(line, " ") {
		for _, c := range promptCommands {
			if strings.HasPrefix(c, line) && strings.HasPrefix(line, ":") {
				out = append(out, c)
			}
		}
		return out
	}
	cmd, arg, _ := strings.Cut(line, " ")
	if cmd != ":doc" && cmd != ":show" {
		return nil
	}
	arg = strings.TrimLeft(arg, " ")
	for _, n := range names {
		if strings.HasPrefix(strings.ToLower(n), strings.ToLower(arg)) {
			out = append(out, cmd+" "+n)
		}
	}
	return out
}

func (a *app) promptCmd() *cobra.Command {
	var doc string
	c := &cobra.Command{
		Use:   "prompt",
		Short: "Ask questions at an interactive prompt, with history",
		Long: `Ask questions one after another. Lines are edited with the usual keys and the
history is kept between runs (in the index folder's parent, file
ex99_history). Commands start with ":"; type :help to list them. With input
piped in, each line is answered in turn.`,
		Example: `  ex99 prompt
  printf 'net sales Q2 2004\n:quit\n' | ex99 prompt`,
		RunE: func(cmd *cobra.Command, args []string) error {
			// a first open says at once, with the exit status, that there
			// is no index, that it is busy, or that --doc is unknown
			px := &promptIndex{a: a}
			defer px.close()
			err := px.use(func(x *index.Index) (err error) {
				doc, err = resolveDoc(x, doc)
				return err
			})
			if err != nil {
				return err
			}
			return a.prompt(px, doc)
		},
	}
	c.Flags().StringVar(&doc, "doc", "", "start with answers from this release only")
	return c
}

// lineReader reads prompt lines: liner on a terminal, plain lines otherwise.
type lineReader interface {
	Prompt(string) (string, error)
	AppendHistory(string)
	Close() error
}

type pipeReader struct{ sc *bufio.Scanner }

func (p *pipeReader) Prompt(string) (string, error) {
	if p.sc.Scan() {
		return p.sc.Text(), nil
	}
	if err := p.sc.Err(); err != nil {
		return "", err
	}
	return "", io.EOF
}
func (p *pipeReader) AppendHistory(string) {}
func (p *pipeReader) Close() error         { return nil }

type linerReader struct {
	*liner.State
	hist string
}

func (l *linerReader) Close() error {
	if f, err := os.Create(l.hist); err == nil {
		_, _ = l.WriteHistory(f)
		f.Close()
	}
	return l.State.Close()
}

// promptIndex opens the index for each line the prompt answers and closes
// it after, so that a prompt left open holds no lock while it waits for
// input: a writer would have to wait for it. The built-in in-memory index,
// which holds no lock and takes a while to build, is kept.
type promptIndex struct {
	a   *app
	mem *index.Index
}

// use runs fn with the index open.
func (p *promptIndex) use(fn func(x *index.Index) error) error {
	if p.mem != nil {
		return fn(p.mem)
	}
	x, err := p.a.openRead()
	if err != nil {
		return err
	}
	if x.Path() == "" {
		p.mem = x
	} else {
		defer x.Close()
	}
	return fn(x)
}

func (p *promptIndex) close() {
	if p.mem != nil {
		p.mem.Close()
	}
}

// promptState is what prompt commands change.
type promptState struct {
	doc    string
	asJSON bool
}

func (a *app) prompt(px *promptIndex, doc string) error {
	var in lineReader
	interactive := a.inTTY && a.outTTY
	if interactive {
		st := liner.NewLiner()
		st.SetCtrlCAborts(true)
		hist := filepath.Join(filepath.Dir(a.path()), "ex99_history")
		if f, err := os.Open(hist); err == nil {
			_, _ = st.ReadHistory(f)
			f.Close()
		}
		in = &linerReader{State: st, hist: hist}
		names := a.promptBanner(px)
		st.SetCompleter(func(line string) []string { return promptComplete(line, names) })
	} else {
		sc := bufio.NewScanner(a.stdin)
		sc.Buffer(make([]byte, 64*1024), 16*1024*1024)
		in = &pipeReader{sc: sc}
	}
	defer in.Close()
	st := &promptState{doc: doc}
	for {
		p := "ex99> "
		if st.doc != "" {
			p = "ex99 [" + st.doc + "]> "
		}
		line, err := in.Prompt(p)
		if errors.Is(err, liner.ErrPromptAborted) {
			continue
		}
		if err != nil {
			if errors.Is(err, io.EOF) {
				if interactive {
					fmt.Fprintln(a.stdout)
				}
				return nil
			}
			return err
		}
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		in.AppendHistory(line)
		cmd, arg := promptLine(line)
		if cmd == "quit" {
			return nil
		}
		if cmd == "clear" {
			if interactive {
				fmt.Fprint(a.stdout, "\x1b[H\x1b[2J")
			}
			continue
		}
		if !needsIndex(cmd, arg) {
			a.promptCommand(nil, st, cmd, arg)
			continue
		}
		err = px.use(func(x *index.Index) error { return a.promptCommand(x, st, cmd, arg) })
		if errors.Is(err, index.ErrBusy) {
			// a writer is at work: this line waits for it, not the prompt
			a.sayBusy(err)
			continue
		}
		if err != nil {
			return err
		}
	}
}

// needsIndex reports whether a prompt line (cmd "" for a question) reads
// the index.
func needsIndex(cmd, arg string) bool {
	switch cmd {
	case "", "docs", "search", "show":
		return true
	case "doc":
		return arg != "" && arg != "-"
	}
	return false
}

// promptCommand runs one prompt line, cmd "" being a question; x is the
// open index when needsIndex says the line reads it. Its errors end the
// prompt (damage); others are said and the prompt goes on.
func (a *app) promptCommand(x *index.Index, st *promptState, cmd, arg string) error {
	switch cmd {
	case "":
		e := &answer.Engine{Index: x, Doc: st.doc}
		ans := e.Ask(arg)
		if err := x.Err(); err != nil {
			return err
		}
		return a.printAnswer(ans, st.asJSON)
	case "help":
		fmt.Fprint(a.stdout, promptHelp)
	case "doc":
		switch arg {
		case "":
			if st.doc == "" {
				fmt.Fprintln(a.stdout, "answering from all releases")
			} else {
				fmt.Fprintln(a.stdout, "answering from", st.doc)
			}
		case "-":
			st.doc = ""
			fmt.Fprintln(a.stdout, "answering from all releases")
		default:
			name, err := promptRelease(x, arg)
			if err != nil {
				fmt.Fprintln(a.stdout, err)
			} else {
				st.doc = name
				fmt.Fprintln(a.stdout, "answering from", printable(name))
			}
		}
	case "docs":
		ds, err := x.Docs()
		if err != nil {
			fmt.Fprintln(a.stdout, err)
		}
		for _, d := range ds {
			fmt.Fprintf(a.stdout, "%s\t%s\t%s\n", printable(d.Name), printable(d.Company), d.Current.Tag())
		}
	case "json":
		st.asJSON = !st.asJSON
		if st.asJSON {
			fmt.Fprintln(a.stdout, "answers as JSON, one object a line (:json again for text)")
		} else {
			fmt.Fprintln(a.stdout, "answers as text")
		}
	case "search":
		return a.promptSearch(x, st, arg)
	case "show":
		a.promptShow(x, arg)
	default:
		fmt.Fprintf(a.stdout, "unknown command :%s; type :help\n", cmd)
	}
	return nil
}

// promptSearch prints what `ex99 search TERMS` prints, within the
// release the prompt answers from; the terms are words, with double quotes
// around phrases.
func (a *app) promptSearch(x *index.Index, st *promptState, arg string) error {
	p := patternOfLine(arg)
	if p.empty() {
		fmt.Fprintln(a.stdout, "usage: :search TERMS")
		return nil
	}
	var o grepOpts
	if st.doc != "" {
		o.docs = []string{st.doc}
	}
	n, err := a.grep(x, a.stdout, p, o)
	if err != nil {
		return err
	}
	if n == 0 {
		a.noMatches(arg)
	}
	return nil
}

// promptRelease is the release a prompt's :doc names.
func promptRelease(x *index.Index, arg string) (string, error) {
	name, err := x.Resolve(arg)
	if err != nil {
		return "", fmt.Errorf("%w (:docs lists the releases)", err)
	}
	return name, nil
}

// promptTop is how many lines :show NAME prints of the top of a release.
const promptTop = 20

// promptShow prints lines of a release: around NAME:LINE[-END], the cited
// lines marked ">"; for NAME alone, its first lines.
func (a *app) promptShow(x *index.Index, arg string) {
	name, lo, hi, err := parseRef(arg, hasDoc(x))
	if err != nil || name == "" {
		fmt.Fprintln(a.stdout, "usage: :show NAME or :show NAME:LINE")
		return
	}
	lines, err := x.View(name)
	if err != nil {
		fmt.Fprintln(a.stdout, err)
		return
	}
	from, to := max(1, lo-3), min(len(lines), hi+3)
	if lo == 0 {
		from, to = 1, min(promptTop, len(lines))
	}
	for i := from; i <= to; i++ {
		mark := " "
		if lo > 0 && i >= lo && i <= hi {
			mark = ">"
		}
		fmt.Fprintf(a.stdout, "%s%6d  %s\n", mark, i, lines[i-1].Text)
	}
	if lo == 0 && to < len(lines) {
		fmt.Fprintf(a.stdout, "… %d more lines; :show %s:LINE for a line in context\n", len(lines)-to, printable(name))
	}
}

// promptBanner greets an interactive prompt with the index it answers
// from and how many releases it holds, and returns their names (for Tab).
func (a *app) promptBanner(px *promptIndex) []string {
	var names []string
	where := ""
	err := px.use(func(x *index.Index) error {
		ds, err := x.Docs()
		for _, d := range ds {
			names = append(names, d.Name)
		}
		where = bannerWhere(x.Path(), len(names))
		return err
	})
	if err != nil {
		where = "index " + a.path() + ": " + err.Error()
	}
	fmt.Fprintf(a.stdout, "ex99: %s; ask a question, :help for commands, :quit to leave\n", where)
	return names
}

// bannerWhere says where the prompt's answers come from: the index folder
// and its number of releases, or the built-in release (path "").
func bannerWhere(path string, n int) string {
	if path == "" {
		return "answering from the built-in release " + seed.Name
	}
	if n == 1 {
		return "index " + path + ", 1 release"
	}
	return fmt.Sprintf("index %s, %d releases", path, n)
}
