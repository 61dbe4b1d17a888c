package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/evident-tools/evident/index"
	"github.com/evident-tools/evident/store"
)

// Exit codes, the same for every command.
const (
	exitOK       = 0
	exitFindings = 1
	exitInput    = 2
)

// App holds what the commands share: the I/O streams, whether they are
// terminals, the environment and the library flag. Commands never touch
// os.Stdout or os.Exit.
type App struct {
	In       io.Reader
	Out, Err io.Writer
	OutTTY   bool
	ErrTTY   bool
	NoColor  bool
	Getenv   func(string) string
	Getwd    func() (string, error)

	libraryFlag string
	noProgress  bool // --quiet: no progress bars even on a terminal
}

// exitError carries an exit code up to Execute; a nil err means the command
// already said everything it had to say.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string {
	if e.err == nil {
		return ""
	}
	return e.err.Error()
}
func (e *exitError) Unwrap() error { return e.err }

// inputErr marks err as a problem with the user's input or invocation.
func inputErr(err error) error { return &exitError{code: exitInput, err: err} }

// Execute runs the command line and returns the process exit code. It is
// the one place that maps errors to codes and prints them.
func (a *App) Execute(ctx context.Context, args []string) int {
	root := a.newRootCmd()
	root.SetArgs(args)
	root.SetIn(a.In)
	root.SetOut(a.Out)
	root.SetErr(a.Err)
	err := root.ExecuteContext(ctx)
	if err == nil {
		return exitOK
	}
	defer func() {
		if errors.Is(err, store.ErrDamaged) {
			fmt.Fprintln(a.Err, "evident: the library file is left as it is; 'evident export --salvage -o FILE' writes out every reference that can still be read")
		}
	}()
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.err != nil {
			fmt.Fprintf(a.Err, "evident: %v\n", ee.err)
		}
		return ee.code
	}
	fmt.Fprintf(a.Err, "evident: %v\n", err)
	if errors.Is(err, context.Canceled) {
		return 130
	}
	// Anything else is usage (cobra's unknown flags, wrong argument counts)
	// or input: a locked or newer library, an unreadable file.
	return exitInput
}

func (a *App) newRootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:   "evident",
		Short: "Check the evidence behind an article's claims",
		Long: `evident keeps a library of references, links each claim of an article to the
reference it cites, and writes reference lists.

The library is found by --library, else $EVIDENT_LIBRARY, else the nearest
.evident directory above the working directory, else the user data directory.`,
		SilenceUsage:  true,
		SilenceErrors: true,
		// --version prints the first line of 'evident version'.
		Version: buildVersion().firstLine(),
	}
	root.SetVersionTemplate("{{.Version}}\n")
	root.PersistentFlags().StringVar(&a.libraryFlag, "library", "", "library `DIR` (default: $EVIDENT_LIBRARY, nearest .evident, or the user data directory)")
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return inputErr(fmt.Errorf("%w (see '%s --help')", err, c.CommandPath()))
	})
	root.AddCommand(
		newInitCmd(a),
		newCheckCmd(a),
		newConfigCmd(a),
		newAddCmd(a),
		newArticlesCmd(a),
		newCitesCmd(a),
		newSearchCmd(a),
		newSuggestCmd(a),
		newImportCmd(a),
		newRefsCmd(a),
		newExportCmd(a),
		newReindexCmd(a),
		newVersionCmd(a),
	)
	return root
}

// locate finds the library directory.
func (a *App) locate() (store.Location, error) {
	cwd, _ := a.Getwd()
	return store.Locate(a.libraryFlag, cwd, a.Getenv)
}

// openRead opens the library for reading; a missing library is an input
// error that says how to make one.
func (a *App) openRead() (*store.Store, store.Location, error) {
	loc, err := a.locate()
	if err != nil {
		return nil, loc, inputErr(err)
	}
	if !loc.Exists() {
		return nil, loc, inputErr(fmt.Errorf("no library at %s (chosen by %s); create one with 'evident init' or 'evident import FILE'", loc.Dir, loc.Why))
	}
	// The store's errors name the file.
	st, err := store.Open(loc.StorePath(), true)
	if err != nil {
		return nil, loc, inputErr(err)
	}
	return st, loc, nil
}

// tryOpenWrite opens an existing library for writing unless another
// process is writing it; then the error wraps store.ErrLocked at once.
func (a *App) tryOpenWrite() (*store.Store, store.Location, error) {
	loc, err := a.locate()
	if err != nil {
		return nil, loc, inputErr(err)
	}
	st, err := store.TryOpen(loc.StorePath())
	if err != nil {
		return nil, loc, inputErr(err)
	}
	return st, loc, nil
}

// openWrite opens the library for writing, creating it when create is set.
func (a *App) openWrite(create bool) (*store.Store, store.Location, error) {
	loc, err := a.locate()
	if err != nil {
		return nil, loc, inputErr(err)
	}
	if !loc.Exists() {
		if !create {
			return nil, loc, inputErr(fmt.Errorf("no library at %s (chosen by %s); create one with 'evident init' or 'evident import FILE'", loc.Dir, loc.Why))
		}
		if err := os.MkdirAll(loc.Dir, 0o755); err != nil {
			return nil, loc, inputErr(fmt.Errorf("create library: %w", err))
		}
		fmt.Fprintf(a.Err, "evident: created library at %s\n", loc.Dir)
	}
	st, err := store.Open(loc.StorePath(), false)
	if err != nil {
		return nil, loc, inputErr(err)
	}
	return st, loc, nil
}

// syncIndex brings the library's index up to date after a write, rebuilding
// it, and saying why, when it is missing, damaged or stale. The caller holds
// the write lock.
func (a *App) syncIndex(ctx context.Context, st *store.Store, loc store.Location, changes store.Changes) error {
	start := time.Now()
	progress, done := a.indexProgress()
	defer done()
	ix, why, err := index.Update(ctx, loc.IndexPath(), st, changes, progress)
	if err != nil {
		full := ""
		if diskFull(err) {
			full = "the disk is full: "
		}
		if changes.Generation > 0 {
			// The write itself is committed; only the derived index is behind.
			return fmt.Errorf("the library is updated, but its search index could not be: %s%w; the next command that searches rebuilds it", full, err)
		}
		return fmt.Errorf("%s%w", full, err)
	}
	defer ix.Close()
	if why != "" {
		fmt.Fprintf(a.Err, "evident: the search index was %s; rebuilt it from the library in %s\n", why, time.Since(start).Round(time.Millisecond))
	}
	return nil
}

// diskFull reports whether err comes of a full disk. Bleve passes some
// errors on as text only, so the text is looked at too.
func diskFull(err error) bool {
	return errors.Is(err, syscall.ENOSPC) || strings.Contains(err.Error(), syscall.ENOSPC.Error())
}

// indexProgress returns a progress callback for indexing that draws a bar on
// a terminal (nil otherwise), and the function that clears it.
func (a *App) indexProgress() (func(done, total int), func()) {
	if !a.ErrTTY || a.noProgress {
		return nil, func() {}
	}
	bar := newCountBar(a.Err, "indexing")
	return func(done, total int) {
		bar.ChangeMax(total)
		bar.Set(done)
	}, func() { bar.Finish() }
}
