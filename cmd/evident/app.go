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

	"github.com/evident-tools/evident/export"
	"github.com/evident-tools/evident/index"
	"github.com/evident-tools/evident/store"
)

// Exit codes, the same for every command.
const (
	exitOK          = 0
	exitFindings    = 1
	exitInput       = 2
	exitInterrupted = 130
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
	// LookupEnv tells a variable set empty from one unset (PAGER=""); nil
	// means Getenv's answer, an empty value counting as unset.
	LookupEnv func(string) (string, bool)
	Getwd     func() (string, error)

	libraryFlag string
	noProgress  bool // --quiet: no progress bars even on a terminal
	shadowSaid  bool // the warning that a .evident hides a library was printed
	// configSaid are the .evident.toml warnings already printed.
	configSaid map[string]bool
}

// errFindings says that a check found something at or above --fail-on. The
// command has printed its report; Execute prints nothing more and exits 1.
var errFindings = errors.New("findings at or above --fail-on")

// Execute runs the command line and returns the process exit code. It is
// the one place that maps errors to codes, by what the error is, and
// prints them: findings at --fail-on exit 1; an interrupt (Ctrl-C, or the
// context ending) exits 130, whatever error the interrupted work returned;
// anything else is a usage or input error (an unknown flag, a file that
// cannot be read, a locked or damaged library) and exits 2.
func (a *App) Execute(ctx context.Context, args []string) int {
	root := a.newRootCmd()
	root.SetArgs(args)
	root.SetIn(a.In)
	root.SetOut(a.Out)
	root.SetErr(a.Err)
	err := root.ExecuteContext(ctx)
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, errFindings):
		return exitFindings
	case errors.Is(err, context.Canceled) || ctx.Err() != nil:
		fmt.Fprintln(a.Err, "evident: interrupted")
		return exitInterrupted
	}
	fmt.Fprintf(a.Err, "evident: %v\n", err)
	if errors.Is(err, store.ErrDamaged) {
		fmt.Fprintln(a.Err, "evident: the library file is left as it is; 'evident export --salvage -o FILE' writes out every reference that can still be read")
	}
	return exitInput
}

func (a *App) newRootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:   "evident",
		Short: "Check the evidence behind an article's claims",
		Long: `Every day:

  evident import refs.bib    # your reference manager's export, into the library
  evident check draft.md     # every claim, citation and reference of a draft

evident keeps a library of references, links each claim of an article to the
reference it cites, and writes reference lists.

The library is found by --library, else $EVIDENT_LIBRARY, else the nearest
.evident directory above the working directory, else the user data directory.`,
		Example: `  evident import refs.bib
  evident check draft.md
  evident check --bib refs.bib draft.md        # one-shot, no library
  evident export --style vancouver draft.md
  evident config                               # settings, and which library is in use`,
		SilenceUsage:  true,
		SilenceErrors: true,
		// --version prints the first line of 'evident version'.
		Version: buildVersion().firstLine(),
	}
	root.SetVersionTemplate("{{.Version}}\n")
	root.PersistentFlags().StringVar(&a.libraryFlag, "library", "", "library `DIR` (default: $EVIDENT_LIBRARY, nearest .evident, or the user data directory)")
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return fmt.Errorf("%w (see '%s --help')", err, c.CommandPath())
	})
	root.AddCommand(
		newInitCmd(a),
		newCheckCmd(a),
		newConfigCmd(a),
		newAddCmd(a),
		newArticlesCmd(a),
		newReviewCmd(a),
		newCitesCmd(a),
		newSearchCmd(a),
		newSuggestCmd(a),
		newImportCmd(a),
		newRefsCmd(a),
		newRetractionsCmd(a),
		newVerifyCmd(a),
		newExportCmd(a),
		newStylesCmd(a),
		newReindexCmd(a),
		newVersionCmd(a),
	)
	return root
}

// locate finds the library directory. When the nearest .evident hides the
// library of the user data directory, it says so on standard error, once
// per command.
func (a *App) locate() (store.Location, error) {
	cwd, _ := a.Getwd()
	loc, err := store.Locate(a.libraryFlag, cwd, a.Getenv)
	if err == nil && loc.Shadows != "" && !a.shadowSaid {
		a.shadowSaid = true
		fmt.Fprintf(a.Err, "evident: using the library at %s (%s), not the one at %s (user data directory)\n", loc.Dir, loc.Why, loc.Shadows)
	}
	return loc, err
}

// openRead opens the library for reading; a missing library is an input
// error that says how to make one.
func (a *App) openRead() (*store.Store, store.Location, error) {
	loc, err := a.locate()
	if err != nil {
		return nil, loc, err
	}
	if !loc.Exists() {
		return nil, loc, fmt.Errorf("no library at %s (chosen by %s); create one with 'evident init' or 'evident import FILE'", loc.Dir, loc.Why)
	}
	// The store's errors name the file.
	st, err := store.Open(loc.StorePath(), true)
	if err != nil {
		return nil, loc, err
	}
	return st, loc, nil
}

// tryOpenWrite opens an existing library for writing unless another
// process is writing it; then the error wraps store.ErrLocked at once.
func (a *App) tryOpenWrite() (*store.Store, store.Location, error) {
	loc, err := a.locate()
	if err != nil {
		return nil, loc, err
	}
	st, err := store.TryOpen(loc.StorePath())
	if err != nil {
		return nil, loc, err
	}
	a.sayUpgraded(st)
	return st, loc, nil
}

// openWrite opens the library for writing, creating it when create is set.
func (a *App) openWrite(create bool) (*store.Store, store.Location, error) {
	loc, err := a.locate()
	if err != nil {
		return nil, loc, err
	}
	if !loc.Exists() {
		if !create {
			return nil, loc, fmt.Errorf("no library at %s (chosen by %s); create one with 'evident init' or 'evident import FILE'", loc.Dir, loc.Why)
		}
		if err := os.MkdirAll(loc.Dir, 0o755); err != nil {
			return nil, loc, fmt.Errorf("create library: %w", err)
		}
		fmt.Fprintf(a.Err, "evident: created library at %s\n", loc.Dir)
	}
	st, err := store.Open(loc.StorePath(), false)
	if err != nil {
		return nil, loc, err
	}
	a.sayUpgraded(st)
	return st, loc, nil
}

// sayUpgraded tells the user when opening st for writing brought a library
// written by an older evident up to date: an older evident refuses it now.
func (a *App) sayUpgraded(st *store.Store) {
	u := st.Upgraded()
	if u.From == 0 {
		return
	}
	fmt.Fprintf(a.Err, "evident: upgraded the library from schema %d to %d", u.From, u.To)
	sep := ": "
	if u.Hashed > 0 {
		fmt.Fprintf(a.Err, "%sindexed %d stored %s by content", sep, u.Hashed, export.Plural(u.Hashed, "article", "articles"))
		sep = "; "
	}
	if u.Texts > 0 {
		fmt.Fprintf(a.Err, "%skept the text of %d %s, split into sentences", sep, u.Texts, export.Plural(u.Texts, "work", "works"))
	}
	if u.Indexed > 0 {
		fmt.Fprintf(a.Err, "; indexed %d %s for resolving citations", u.Indexed, export.Plural(u.Indexed, "reference", "references"))
	}
	if u.Reencoded > 0 {
		fmt.Fprintf(a.Err, "; rewrote %d %s in the compact encoding", u.Reencoded, export.Plural(u.Reencoded, "reference", "references"))
	}
	if u.Near > 0 {
		fmt.Fprintf(a.Err, "; rebuilt the title-word and near-miss indexes (%d %s)", u.Near, export.Plural(u.Near, "key or name", "keys and names"))
	}
	fmt.Fprintln(a.Err)
}

// syncIndex brings the library's index up to date after a write, rebuilding
// it, and saying why, when it is missing, damaged or stale. The caller holds
// the write lock.
func (a *App) syncIndex(ctx context.Context, st *store.Store, loc store.Location, changes store.Changes) error {
	start := time.Now()
	progress, done := a.indexProgress()
	defer done()
	defer indexMemory(len(changes.Put), a.Getenv)()
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
