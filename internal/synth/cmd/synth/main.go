// Command synth writes synthetic earnings releases for scale runs:
//
//	go run ./internal/synth/cmd/synth -n 1000 -html 4 -out /tmp/releases
//
// writes 1,000 releases, every 4th as HTML, into /tmp/releases: 31
// companies of 32 consecutive quarters each, and 8 quarters of a 32nd
// (release i is quarter i%32 of company i/32). -version prints
// synth.Version, which changes whenever the releases do.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/ex99/ex99/internal/synth"
)

func main() {
	n := flag.Int("n", 100, "number of releases")
	first := flag.Int("first", 0, "number of the first release")
	htmlEvery := flag.Int("html", 4, "write every Nth release as HTML (0: none)")
	out := flag.String("out", "releases", "folder to write into")
	version := flag.Bool("version", false, "print the version of the releases synth makes, and stop")
	flag.Parse()
	if *version {
		fmt.Println(synth.Version)
		return
	}
	paths, err := synth.WriteDir(*out, *first, *n, *htmlEvery)
	if err != nil {
		fmt.Fprintln(os.Stderr, "synth:", err)
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "synth: wrote %d releases to %s\n", len(paths), *out)
}
