// Package pipeline checks articles end to end, for every command that
// checks one ('check', 'add', 'suggest', and the re-checks of stored
// articles when references change): read → sentences → markers → resolve
// → judge → findings. It owns the order of the stages and which settings
// each article is checked with; what each stage does belongs to the corpus
// packages, and writing reports to export. It prints nothing.
package pipeline

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/evident-tools/evident/config"
	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/article"
	"github.com/evident-tools/evident/corpus/check"
	"github.com/evident-tools/evident/corpus/resolve"
	"github.com/evident-tools/evident/importer"
	"github.com/evident-tools/evident/verify"
)

// Input is one article to check.
type Input struct {
	// Path is the file as the user named it; reports show it, and the
	// settings that apply to it are found from its directory.
	Path string
	// Format is the article's format; "" decides it from the file name,
	// else from the text, and Checked.Input holds the format decided.
	Format corpus.Format
	// Data is the article's bytes; nil reads Path.
	Data []byte
}

// Checked is one article checked: the document as its reader returned it
// (the HTML report lays out its blocks) and the report.
type Checked struct {
	Input  Input
	Doc    *corpus.Document
	Report *corpus.Report
	// Library is what the article was checked against: the library given,
	// with what the article's own bibliography added for keys it lacked.
	Library []*corpus.Reference
}

// Settings returns the settings for the article at path.
type Settings func(path string) (*config.Config, error)

// Options tune a run. The zero value checks each article with the
// .evident.toml settings that apply to it.
type Options struct {
	// Settings gives each article its settings; nil reads the
	// .evident.toml files that apply to it (config.ForFile).
	Settings Settings
	// Retractions lists retracted works: the --retractions FILE, the
	// library's database (LibraryRetractions), or both (check.Sources).
	Retractions check.RetractionSource
	// NoSupport skips the evidence stage (the passages of cited works, their
	// verdicts and the findings on them).
	NoSupport bool
	// Evidence configures the evidence stage; nil reads each cited work's
	// abstract and its attached files (OpenSourceFile).
	Evidence *check.Evidence
	// Registry, when set, is the library's verification cache: a cited
	// work with no abstract of its own is read by the abstract of its
	// registry record there (RegistryText), when verification fetched one.
	Registry verify.Cache
	// Texts, when set, is the library's stored texts of its works
	// (store.Store, or the store.Tx of a re-check): the evidence stage
	// reads a stored work's text there instead of its abstract and files.
	// Leave it nil when the references checked against are not the
	// library's (--bib).
	Texts TextSource
	// Fetched, when set with Verify, collects the abstracts and full texts
	// of the records verification fetched, for the command to keep in the
	// library (Fetched.Save); they count in the run's evidence either way.
	Fetched *Fetched
	// Baseline, when set, drops the findings an earlier report already
	// had, and the report's notes say how many.
	Baseline *check.Baseline
	// NoArticleBibliography checks against the library alone. Otherwise
	// the bibliography files an article names (\bibliography{refs}),
	// found from its directory, give the references for keys the library
	// lacks, and the report's notes say what they gave. 'check --bib'
	// sets it: the user chose the references.
	NoArticleBibliography bool
	// NoLibrary says that there is no library to check against ('check'
	// where none exists yet); the report's notes say so, and whether the
	// article's own bibliography stood in for one.
	NoLibrary bool

	// Library, when set, is the stored library to resolve citations
	// against through its indexes (FromIndex): the lib given to Check is
	// then only what is laid over it in memory, and a check reads the
	// references its citations could name, not the library.
	Library *Indexed

	// Verify, when set, verifies each article's cited works against the
	// scholarly record ('check --verify') and adds what it finds to the
	// report: findings, and each work's verification.
	Verify Verifier

	// bibs holds the bibliography files read in this run.
	bibs *bibliographies
	// verify is the run's verification state, when Verify is set.
	verify *verifyRun
}

// Check checks each article against the library lib, in order, and calls
// each with its result as soon as it has it, so that a report can be
// written while the next article is checked. It stops at the first error,
// and between articles when ctx is done. An article that cannot be read
// is an error naming the file.
func Check(ctx context.Context, inputs []Input, lib []*corpus.Reference, o Options, each func(Checked) error) error {
	o.bibs = newBibliographies(ctx)
	if o.Verify != nil {
		o.verify = &verifyRun{ctx: ctx, v: o.Verify, fetched: o.Fetched}
		if o.verify.fetched == nil {
			o.verify.fetched = NewFetched()
		}
	}
	for _, in := range inputs {
		if err := ctx.Err(); err != nil {
			return err
		}
		c, err := checkOne(in, lib, o)
		if err != nil {
			return err
		}
		if o.verify != nil && o.verify.err != nil {
			return o.verify.err
		}
		if err := each(c); err != nil {
			return err
		}
	}
	return nil
}

// CheckAll is Check for callers that want every result at once.
func CheckAll(ctx context.Context, inputs []Input, lib []*corpus.Reference, o Options) ([]Checked, error) {
	var out []Checked
	err := Check(ctx, inputs, lib, o, func(c Checked) error {
		out = append(out, c)
		return nil
	})
	return out, err
}

func checkOne(in Input, lib []*corpus.Reference, o Options) (Checked, error) {
	c := Checked{Input: in}
	if err := in.Load(); err != nil {
		return c, err
	}
	opts, err := o.checkOptions(in.Path)
	if err != nil {
		return c, err
	}
	return checkWith(in, in.Path, lib, opts, o)
}

// The notes of a check that ran with no library (Options.NoLibrary).
const (
	NoLibraryNote                = "no library was used: references were not matched to records; import a .bib or pass --bib"
	NoLibraryOwnBibliographyNote = "no library was used: references were matched only to the article's own bibliography; import a .bib or pass --bib"
)

// checkWith checks an article already loaded with the options given;
// where is the article's file, from which its bibliography files are
// found.
func checkWith(in Input, where string, lib []*corpus.Reference, opts check.Options, o Options) (Checked, error) {
	c := Checked{Input: in}
	doc, err := article.Read(in.Path, in.Data, in.Format)
	if err != nil {
		return c, err
	}
	var idx resolve.Index
	var stored *storedWorks
	if o.Library != nil {
		idx = o.Library.idx
		stored = &storedWorks{o.Library.idx}
	}
	var bibNotes []string
	if o.bibs != nil {
		o.bibs.addManubotAliases(doc, where)
		if !o.NoArticleBibliography {
			lib, bibNotes = o.bibs.extend(doc, filepath.Dir(where), lib, stored)
		}
	}
	lib, fieldNote := embedWorks(doc, lib, stored)
	if fieldNote != "" {
		bibNotes = append(bibNotes, fieldNote)
	}
	rl := resolve.NewIndexed(idx, lib)
	rep := check.CheckLibrary(doc, rl, opts)
	if err := rl.Err(); err != nil {
		return c, err
	}
	if idx != nil {
		// What the report cites, for the HTML report's reference list.
		lib = rl.Loaded()
	}
	// What the reader found odd in the file (an encoding guessed, an empty
	// article) goes into the report, which every format shows.
	for _, w := range doc.Warnings {
		rep.Notes = append(rep.Notes, "warning: "+w.Error())
	}
	rep.Notes = append(rep.Notes, bibNotes...)
	if o.NoLibrary {
		note := NoLibraryNote
		if len(lib) > 0 {
			note = NoLibraryOwnBibliographyNote
		}
		rep.Notes = append(rep.Notes, note)
	}
	if o.Baseline != nil {
		if _, known := o.Baseline.Filter(rep); known > 0 {
			what := "findings"
			if known == 1 {
				what = "finding"
			}
			rep.Notes = append(rep.Notes, fmt.Sprintf("%d %s already in %s not shown", known, what, o.Baseline.Name()))
		}
	}
	c.Input.Format = doc.Format
	c.Doc, c.Report, c.Library = doc, rep, lib
	return c, nil
}

// Load reads the input's bytes, unless the caller gave them. A format
// left empty is decided when the article is read: from the file's
// extension, else from its text (article.Read).
func (in *Input) Load() error {
	if in.Data != nil {
		return nil
	}
	data, err := ReadFile(in.Path, "an article")
	if err != nil {
		return err
	}
	in.Data = data
	return nil
}

// checkOptions are the options the article at path is checked with: its
// settings, then what the run adds.
func (o Options) checkOptions(path string) (check.Options, error) {
	settings := o.Settings
	if settings == nil {
		settings = config.ForFile
	}
	cfg, err := settings(path)
	if err != nil {
		return check.Options{}, err
	}
	opts, err := cfg.CheckOptions()
	if err != nil {
		return opts, err
	}
	opts.Retractions = o.Retractions
	if o.verify != nil {
		opts.Verify = o.verify.fn
	}
	if !o.NoSupport {
		opts.Evidence = o.Evidence
		if opts.Evidence == nil {
			opts.Evidence = &check.Evidence{Open: OpenSourceFile}
		}
		if opts.Evidence.Text == nil {
			ev := *opts.Evidence
			ev.Text = o.textLookup(ev.Open)
			opts.Evidence = &ev
		}
	}
	return opts, nil
}

// maxSourceFile bounds an attached file the evidence stage reads: a full
// text is well under it, a stray video is not.
const maxSourceFile = 32 << 20

// OpenSourceFile reads a file attached to a reference for the evidence
// stage, refusing a directory and anything over 32 MiB.
func OpenSourceFile(path string) ([]byte, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, importer.ReadError(path, err)
	}
	if fi.IsDir() || fi.Size() > maxSourceFile {
		return nil, fmt.Errorf("%s: not read (a directory, or over 32 MiB)", path)
	}
	return os.ReadFile(path)
}

// ReadFile reads a file the user named, refusing a directory; what says
// what the file should have been ("an article", "a CSV file"), and errors
// name the file once.
func ReadFile(path, what string) ([]byte, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, importer.ReadError(path, err)
	}
	if fi.IsDir() {
		return nil, fmt.Errorf("%s: is a directory, not %s", path, what)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, importer.ReadError(path, err)
	}
	return data, nil
}
