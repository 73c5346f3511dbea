package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/signal"
	"syscall"

	"github.com/ex99/ex99/index"
	"github.com/ex99/ex99/internal/seed"
	"github.com/ex99/ex99/serve"
	"github.com/spf13/cobra"
)

// defaultAddr is where ex99 serve listens unless told: this machine only.
const defaultAddr = "127.0.0.1:8099"

func (a *app) serveCmd() *cobra.Command {
	var addr string
	c := &cobra.Command{
		Use:   "serve [flags]",
		Short: "Serve a web page and a JSON API over the index, on this machine",
		Long: `Serve a web page that answers questions beside the releases they cite, and a
JSON API (GET /api/ask, /api/search, /api/docs, /api/facts, /api/show,
/api/check; see the README), until Ctrl-C.

It listens on ` + defaultAddr + ` (this machine only) unless --addr says otherwise;
on any other address whoever can reach it can read the whole index. It only
reads: add and remove releases with ex99 add and ex99 rm, which work while it
runs (a new release shows up in the page within a moment).`,
		Example: `  ex99 serve
  ex99 serve --index ~/filings-index --addr 127.0.0.1:9000`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 {
				return usagef("serve", "serve takes no arguments; choose the address with --addr")
			}
			return a.serve(addr)
		},
	}
	c.Flags().StringVar(&addr, "addr", defaultAddr, "address to listen on (host:port)")
	return c
}

// serve runs the server on addr until an interrupt.
func (a *app) serve(addr string) error {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return usagef("serve", "--addr %s: %v", addr, err)
	}
	defer ln.Close()
	local := serve.Loopback(ln.Addr().String())
	srv := serve.New(serve.Config{Index: a.path(), Builtin: builtinIndex, AnyHost: !local})
	defer srv.Close()
	builtin, err := srv.Open()
	if err != nil && !errors.Is(err, index.ErrBusy) {
		return err
	}
	if !local {
		fmt.Fprintf(a.stderr, "ex99: warning: listening on %s, not on this machine only: anyone who can reach it can read the index %s\n", ln.Addr(), a.path())
	}
	if builtin {
		fmt.Fprintf(a.stderr, "ex99: no index at %s yet; serving the built-in release %s until there is one (add your own with: ex99 add FILE...)\n", a.path(), seed.Name)
	}
	fmt.Fprintf(a.stdout, "ex99 serve: http://%s/ (index %s); Ctrl-C stops it\n", ln.Addr(), a.path())
	return serve.Serve(ctx, ln, srv)
}
