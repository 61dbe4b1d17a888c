// Command evident checks the evidence behind an article's claims: it keeps a
// library of references, links citations to them, and writes reference lists.
package main

import (
	"context"
	"io"
	"log"
	"os"
	"os/signal"
	"runtime/debug"

	"github.com/mattn/go-isatty"
)

// version is set at build time with -ldflags "-X main.version=..."; SARIF
// reports and --version show it.
var version = "dev"

// softMemoryLimit keeps a large import's heap near half a gigabyte: the Go
// runtime collects harder as the heap nears it. Measured on a 100,000-entry
// import: peak RSS 0.82 GB instead of 1.27 GB, for 28% more time. GOMEMLIMIT
// in the environment overrides it.
const softMemoryLimit = 512 << 20

func main() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(softMemoryLimit)
	}
	os.Exit(run())
}

// run is main without the exit, so that testscript can call it in-process.
func run() int {
	// Bleve's scorch writes through the standard logger when it meets a
	// damaged index ("unable to load snapshot ..."). evident notices the
	// damage itself, rebuilds and says so in its own words; the log lines
	// would only be noise. evident itself never uses the standard logger.
	log.SetOutput(io.Discard)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	app := &App{
		In:      os.Stdin,
		Out:     os.Stdout,
		Err:     os.Stderr,
		OutTTY:  isatty.IsTerminal(os.Stdout.Fd()),
		ErrTTY:  isatty.IsTerminal(os.Stderr.Fd()),
		Getenv:  os.Getenv,
		Getwd:   os.Getwd,
		NoColor: os.Getenv("NO_COLOR") != "",
	}
	return app.Execute(ctx, os.Args[1:])
}
