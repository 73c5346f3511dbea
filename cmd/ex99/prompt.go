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
			x, err := a.openRead()
			if err != nil {
				return err
			}
			defer x.Close()
			if err := resolveDoc(x, doc); err != nil {
				return err
			}
			return a.prompt(x, doc)
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

func (a *app) prompt(x *index.Index, doc string) error {
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
	e := &answer.Engine{Index: x, Doc: doc}
	asJSON := false
	for {
		p := "ex99> "
		if e.Doc != "" {
			p = "ex99 [" + e.Doc + "]> "
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
		if !strings.HasPrefix(line, ":") {
			ans := e.Ask(line)
			if err := x.Err(); err != nil {
				return err
			}
			if err := a.printAnswer(ans, asJSON); err != nil {
				return err
			}
			continue
		}
		cmd, arg, _ := strings.Cut(line[1:], " ")
		arg = strings.TrimSpace(arg)
		switch cmd {
		case "q", "quit", "exit":
			return nil
		case "h", "help", "?":
			fmt.Fprint(a.stdout, promptHelp)
		case "doc":
			switch arg {
			case "":
				if e.Doc == "" {
					fmt.Fprintln(a.stdout, "answering from all releases")
				} else {
					fmt.Fprintln(a.stdout, "answering from", e.Doc)
				}
			case "-":
				e.Doc = ""
			default:
				if err := resolveDoc(x, arg); err != nil {
					fmt.Fprintln(a.stdout, err)
				} else {
					e.Doc = arg
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
			asJSON = !asJSON
		case "search", "s":
			if arg == "" {
				fmt.Fprintln(a.stdout, "usage: :search TERMS")
				continue
			}
			q := index.PassageQuery{Text: arg, Size: 5, Phrases: []string{arg}}
			if e.Doc != "" {
				q.Docs = []string{e.Doc}
			}
			hits, err := x.Passages(q)
			if errors.Is(err, index.ErrDamaged) {
				return err
			}
			if err != nil {
				fmt.Fprintln(a.stdout, err)
				continue
			}
			if len(hits) == 0 {
				fmt.Fprintln(a.stdout, "no passage matches")
			}
			for _, h := range hits {
				fmt.Fprintf(a.stdout, "%s\n  %s\n", citeRef(h.Doc, h.Start, h.End), a.marks(answer.Mark(h.Text, arg)))
			}
		case "show":
			name, lo, hi, err := parseRef(arg, hasDoc(x))
			if err != nil || name == "" {
				fmt.Fprintln(a.stdout, "usage: :show NAME:LINE")
				continue
			}
			lines, err := x.View(name)
			if err != nil {
				fmt.Fprintln(a.stdout, err)
				continue
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
		default:
			fmt.Fprintf(a.stdout, "unknown command :%s; type :help\n", cmd)
		}
	}
}
