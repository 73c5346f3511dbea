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
	"github.com/peterh/liner"
	"github.com/spf13/cobra"
)

const promptHelp = `Type a question and press Enter; ex99 answers it as "ex99 ask" would.
  :doc NAME       answer from release NAME only (:doc alone shows it, :doc - clears it)
  :docs           list the indexed releases
  :search TERMS   full-text search of the passages
  :show NAME:LINE print lines around a citation
  :json           toggle JSON answers
  :help           this help
  :quit           leave (or Ctrl-D)
`

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
		fmt.Fprintln(a.stdout, "ex99: ask a question, :help for commands, :quit to leave")
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
		cmd, arg, _ := strings.Cut(strings.TrimPrefix(line, ":"), " ")
		arg = strings.TrimSpace(arg)
		if !strings.HasPrefix(line, ":") {
			cmd, arg = "", line
		}
		if cmd == "q" || cmd == "quit" || cmd == "exit" {
			return nil
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
	case "", "docs", "search", "s", "show":
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
	case "h", "help", "?":
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
		default:
			if name, err := resolveDoc(x, arg); err != nil {
				fmt.Fprintln(a.stdout, err)
			} else {
				st.doc = name
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
	case "search", "s":
		return a.promptSearch(x, st, arg)
	case "show":
		a.promptShow(x, arg)
	default:
		fmt.Fprintf(a.stdout, "unknown command :%s; type :help\n", cmd)
	}
	return nil
}

func (a *app) promptSearch(x *index.Index, st *promptState, arg string) error {
	if arg == "" {
		fmt.Fprintln(a.stdout, "usage: :search TERMS")
		return nil
	}
	q := index.PassageQuery{Text: arg, Size: 5, Phrases: []string{arg}}
	if st.doc != "" {
		q.Docs = []string{st.doc}
	}
	hits, err := x.Passages(q)
	if errors.Is(err, index.ErrDamaged) {
		return err
	}
	if err != nil {
		fmt.Fprintln(a.stdout, err)
		return nil
	}
	if len(hits) == 0 {
		fmt.Fprintln(a.stdout, "no passage matches")
	}
	for _, h := range hits {
		fmt.Fprintf(a.stdout, "%s\n  %s\n", citeRef(h.Doc, h.Start, h.End), a.marks(answer.Mark(h.Text, arg)))
	}
	return nil
}

func (a *app) promptShow(x *index.Index, arg string) {
	name, lo, hi, err := parseRef(arg, hasDoc(x))
	if err != nil || name == "" {
		fmt.Fprintln(a.stdout, "usage: :show NAME:LINE")
		return
	}
	lines, err := x.View(name)
	if err != nil {
		fmt.Fprintln(a.stdout, err)
		return
	}
	if lo == 0 {
		lo, hi = 1, min(20, len(lines))
	}
	for i := max(1, lo-3); i <= min(len(lines), hi+3); i++ {
		mark := " "
		if i >= lo && i <= hi {
			mark = ">"
		}
		fmt.Fprintf(a.stdout, "%s%6d  %s\n", mark, i, lines[i-1].Text)
	}
}
