// Command evident checks the evidence behind an article's claims: it keeps a
// library of references, links citations to them, and writes reference lists.
package main

import (
	"context"
	"fmt"
	"io"
	"log"
	"os"
	"os/signal"
	"runtime/debug"
	"runtime/pprof"

	"github.com/mattn/go-isatty"
)

// softMemoryLimit keeps a large import's heap near half a gigabyte: the Go
// runtime collects harder as the heap nears it. Measured on a 100,000-entry
// import: peak RSS 0.82 GB instead of 1.27 GB, for 28% more time. GOMEMLIMIT
// in the environment overrides it.
const softMemoryLimit = 512 << 20

func main() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(softMemoryLimit)
	}
	stop := startCPUProfile(os.Getenv("EVIDENT_CPUPROFILE"))
	code := run()
	stop()
	os.Exit(code)
}

// startCPUProfile writes a CPU profile of the whole command to path, for
// 'go tool pprof' (bench/RESULTS.md shows what it found in import). It is
// an environment variable rather than a flag because it is for developers,
// not users. An empty path, or one that cannot be created, profiles nothing.
func startCPUProfile(path string) (stop func()) {
	if path == "" {
		return func() {}
	}
	f, err := os.Create(path)
	if err != nil {
		fmt.Fprintf(os.Stderr, "evident: EVIDENT_CPUPROFILE: %v\n", err)
		return func() {}
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		fmt.Fprintf(os.Stderr, "evident: EVIDENT_CPUPROFILE: %v\n", err)
		f.Close()
		return func() {}
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}
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
		In:        os.Stdin,
		Out:       os.Stdout,
		Err:       os.Stderr,
		OutTTY:    isatty.IsTerminal(os.Stdout.Fd()),
		ErrTTY:    isatty.IsTerminal(os.Stderr.Fd()),
		Getenv:    os.Getenv,
		LookupEnv: os.LookupEnv,
		Getwd:     os.Getwd,
		NoColor:   os.Getenv("NO_COLOR") != "",
	}
	return app.Execute(ctx, os.Args[1:])
}
