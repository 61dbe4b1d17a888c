// Command parseonly does what 'evident import' does before it opens the
// library: read the files and turn them into references (importer.Parse).
// It prints how many references it made, so that benchmarks can time
// evident's parsing apart from the store and the index. With -read it only
// reads the files, the floor any parser is measured against; with -store
// LIBRARY it also stores the references there as import does
// (importer.Merge, --on-duplicate keep), without the search index, to time
// and profile the store's part of an import apart from Bleve's.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/pprof"

	"github.com/evident-tools/evident/importer"
	"github.com/evident-tools/evident/store"
)

func main() {
	read := flag.Bool("read", false, "only read the files and print their size in bytes")
	storeIn := flag.String("store", "", "store the references in the library file `LIBRARY` (no search index)")
	cpuProfile := flag.String("cpuprofile", "", "write a CPU profile to `FILE`")
	memProfile := flag.String("memprofile", "", "write an allocation profile to `FILE` at the end")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: parseonly [-read] [-store LIBRARY] [-cpuprofile FILE] [-memprofile FILE] FILE.bib...")
		flag.PrintDefaults()
	}
	flag.Parse()
	// The same soft memory limit as evident's main, so that the parse is
	// timed under the garbage collector settings import runs with.
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(512 << 20)
	}
	if flag.NArg() == 0 {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(*read, *storeIn, *cpuProfile, *memProfile, flag.Args()); err != nil {
		fmt.Fprintln(os.Stderr, "parseonly:", err)
		os.Exit(1)
	}
}

func run(readOnly bool, storeIn, cpuProfile, memProfile string, files []string) error {
	if cpuProfile != "" {
		f, err := os.Create(cpuProfile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	if readOnly {
		var n int
		for _, name := range files {
			data, err := os.ReadFile(name)
			if err != nil {
				return err
			}
			n += len(data)
		}
		fmt.Println(n, "bytes")
		return nil
	}
	inputs := make([]importer.Input, len(files))
	for i, name := range files {
		inputs[i] = importer.Input{Name: name}
	}
	refs, sum, err := importer.Parse(context.Background(), inputs, nil)
	if err != nil {
		return err
	}
	fmt.Printf("%d (%d rejected)\n", len(refs), sum.Rejected)
	if storeIn != "" {
		st, err := store.Open(storeIn, false)
		if err != nil {
			return err
		}
		defer st.Close()
		if err := importer.Merge(st, refs, sum, importer.Options{Policy: store.Keep}); err != nil {
			return err
		}
		fmt.Printf("%d stored\n", sum.Added+sum.Updated)
	}
	if memProfile != "" {
		f, err := os.Create(memProfile)
		if err != nil {
			return err
		}
		defer f.Close()
		runtime.GC() // the profile counts what was allocated up to the last collection
		return pprof.Lookup("allocs").WriteTo(f, 0)
	}
	return nil
}
