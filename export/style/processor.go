package style

import (
	"fmt"
	"os"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"sync"

	cslp "github.com/evident-tools/evident/csl"
	"github.com/evident-tools/evident/csl/styles"
	"github.com/evident-tools/evident/export/csl"
)

// Options choose how Open finds a style and its locale.
type Options struct {
	// Locale overrides the style's default-locale ("de-DE"); "" keeps it.
	Locale string
	// Finder finds styles and locales by name; nil means the built-in ones
	// and the folders of the environment (styles.NewFinder(os.Getenv)).
	Finder *styles.Finder
}

// Open finds a style: a built-in name or alias, a path to a .csl file, or
// a style id or file name in a styles folder (see styles.Finder.Find); a
// dependent style runs its parent's rules with its own default-locale.
// Errors name what was looked for and where, or the file and line of a
// malformed style.
func Open(name string, o Options) (*Style, error) {
	return openCSL(name, o)
}

// openCSL opens a style for the processor, a built-in one too.
func openCSL(name string, o Options) (*Style, error) {
	f := o.Finder
	if f == nil {
		f = styles.NewFinder(os.Getenv)
	}
	found, err := f.Find(name)
	if err != nil {
		return nil, err
	}
	if o.Locale != "" {
		// The processor falls back to en-US for a language it has no
		// file for; a locale asked for by name must exist.
		src, _, err := f.Locale(o.Locale)
		if err != nil {
			return nil, err
		}
		if src == nil {
			return nil, fmt.Errorf("no CSL locale file for %q (built in: %s; other locales are read from the folders evident looks in for styles)",
				o.Locale, strings.Join(styles.EmbeddedLocales(), ", "))
		}
	}
	return compile(found, f, o.Locale)
}

// compile parses a found style and prepares its processor.
func compile(found *styles.Style, f *styles.Finder, locale string) (*Style, error) {
	parsed, err := cslp.ParseStyle(found.Data, found.File)
	if err != nil {
		return nil, err
	}
	if locale == "" {
		locale = found.Locale
	}
	in := found.Info
	id := in.Name
	ps := &procStyle{style: parsed, locales: localeSource(f), locale: locale, procs: map[cslp.Format]*cslp.Processor{},
		softwareAsBook: !softwareTypeRE.Match(found.Data)}
	// Compile once now, so that a missing locale or a style the processor
	// refuses is an error of Open, not of the first list.
	if _, err := ps.processor(cslp.Text); err != nil {
		return nil, fmt.Errorf("style %s: %w", id, err)
	}
	return &Style{ID: id, Title: in.Title, Numeric: in.Format == "numeric", Origin: in.Origin, Path: in.Path, proc: ps}, nil
}

// localeSource reads locales through the finder, parsing each once.
func localeSource(f *styles.Finder) cslp.LocaleSource {
	var mu sync.Mutex
	cache := map[string]*cslp.Locale{}
	return func(lang string) (*cslp.Locale, error) {
		mu.Lock()
		defer mu.Unlock()
		if l, ok := cache[lang]; ok {
			return l, nil
		}
		src, name, err := f.Locale(lang)
		if err != nil || src == nil {
			return nil, err
		}
		l, err := cslp.ParseLocale(src, name)
		if err != nil {
			return nil, err
		}
		cache[lang] = l
		return l, nil
	}
}

// procStyle is a style the CSL processor runs: parsed once, with one
// processor per output format, made when first needed.
type procStyle struct {
	style   *cslp.Style
	locales cslp.LocaleSource
	locale  string

	mu    sync.Mutex // the processors serve one goroutine at a time
	procs map[cslp.Format]*cslp.Processor

	// softwareAsBook: the style does not know CSL 1.0.2's software type
	// and lays software out as a book with a version, as styles written
	// before it did (apa.csl: "Replace with type=software ... as that
	// becomes available"); pandoc's BibTeX reader gives software so.
	softwareAsBook bool
}

// softwareTypeRE finds a style's test for the software type.
var softwareTypeRE = regexp.MustCompile(`type="[^"]*\bsoftware\b`)

func (ps *procStyle) processor(f cslp.Format) (*cslp.Processor, error) {
	if p, ok := ps.procs[f]; ok {
		return p, nil
	}
	p, err := cslp.New(ps.style, ps.locales, cslp.Options{Locale: ps.locale, Format: f})
	if err != nil {
		return nil, err
	}
	ps.procs[f] = p
	return p, nil
}

// prepare sorts and disambiguates items for a bibliography, once for
// every format the list is written in.
func (ps *procStyle) prepare(items []cslp.Item) (*cslp.Prepared, error) {
	ps.mu.Lock()
	defer ps.mu.Unlock()
	p, err := ps.processor(cslp.Text)
	if err != nil {
		return nil, err
	}
	return p.Prepare(items)
}

// render writes a prepared bibliography in one format, in its order.
func (ps *procStyle) render(b *cslp.Prepared, f cslp.Format) ([]cslp.Entry, error) {
	ps.mu.Lock()
	defer ps.mu.Unlock()
	p, err := ps.processor(f)
	if err != nil {
		return nil, err
	}
	return p.Render(b)
}

// citations renders one citation of each item, alone, in order.
func (ps *procStyle) citations(items []cslp.Item) ([]string, error) {
	ps.mu.Lock()
	defer ps.mu.Unlock()
	p, err := ps.processor(cslp.Text)
	if err != nil {
		return nil, err
	}
	clusters := make([]cslp.Cluster, len(items))
	for i, it := range items {
		clusters[i] = cslp.Cluster{Items: []cslp.CiteRef{{ID: it.ID}}}
	}
	return p.Citations(items, clusters)
}

// processorItems maps library items to the processor's (see
// processorItem), with the titles as CSL expects them. Large lists are
// mapped in chunks on every core.
func processorItems(items []csl.Item, softwareAsBook bool) ([]cslp.Item, error) {
	return mapItems(len(items), func(i int) csl.Item { return items[i] }, softwareAsBook)
}

// mapItems maps n library items, item i from get(i), as processorItems
// does: References reads each from its reference there, without a list
// of library items in between.
func mapItems(n int, get func(i int) csl.Item, softwareAsBook bool) ([]cslp.Item, error) {
	out := make([]cslp.Item, n)
	var mu sync.Mutex
	var first error
	inChunks(n, func(lo, hi int) {
		if err := processorChunk(lo, get, out[lo:hi], softwareAsBook); err != nil {
			mu.Lock()
			if first == nil {
				first = err
			}
			mu.Unlock()
		}
	})
	if first != nil {
		return nil, first
	}
	return out, nil
}

// inChunks runs f over [0, n) in chunks of a thousand, as many at once as
// there are cores; a short list runs inline.
func inChunks(n int, f func(lo, hi int)) {
	const chunk = 1000
	if n <= chunk {
		f(0, n)
		return
	}
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for lo := 0; lo < n; lo += chunk {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			f(lo, min(lo+chunk, n))
		}()
	}
	wg.Wait()
}

// processorChunk maps the items from get(lo) on into out.
func processorChunk(lo int, get func(i int) csl.Item, out []cslp.Item, softwareAsBook bool) error {
	for i := range out {
		fixed := cslTitles(get(lo + i))
		if softwareAsBook && fixed.Type == "software" {
			fixed.Type = "book"
		}
		// BibTeX's howpublished = {\url{...}} gives the address as the
		// publisher too; the list prints it once, as the hand-written
		// styles did.
		if fixed.Publisher != "" && fixed.Publisher == fixed.URL {
			fixed.Publisher = ""
		}
		p, err := processorItem(&fixed)
		if err != nil {
			return err
		}
		out[i] = p
	}
	return nil
}

// rendering is one reference list, sorted and disambiguated once and
// rendered in each format when first asked for (an HTML list is never
// rendered as text too).
type rendering struct {
	ps    *procStyle
	items []cslp.Item
	prep  *cslp.Prepared
	n     int // entries

	mu     sync.Mutex
	byForm map[cslp.Format][]string
	labels []string
	err    error
}

// formatProcessor formats items through the CSL processor.
func (s *Style) formatProcessor(items []csl.Item) ([]Entry, error) {
	pitems, err := processorItems(items, s.proc.softwareAsBook)
	if err != nil {
		return nil, err
	}
	return s.formatMapped(pitems)
}

// formatMapped formats items mapped for the processor.
func (s *Style) formatMapped(pitems []cslp.Item) ([]Entry, error) {
	prep, err := s.proc.prepare(pitems)
	if err != nil {
		return nil, fmt.Errorf("style %s: %w", s.ID, err)
	}
	ids := prep.IDs()
	r := &rendering{ps: s.proc, items: pitems, prep: prep, n: len(ids), byForm: map[cslp.Format][]string{}}
	out := make([]Entry, len(ids))
	for i, id := range ids {
		out[i] = Entry{Key: id, r: r, n: i}
		if s.Numeric {
			out[i].Label = strconv.Itoa(i + 1)
		}
	}
	return out, nil
}

// get returns entry n in format f, rendering the list in f the first time.
func (r *rendering) get(f cslp.Format, n int) string {
	r.mu.Lock()
	defer r.mu.Unlock()
	lines, ok := r.byForm[f]
	if !ok && r.err == nil {
		var entries []cslp.Entry
		entries, r.err = r.ps.render(r.prep, f)
		lines = make([]string, r.n)
		for i, e := range entries {
			if i < len(lines) {
				lines[i] = e.Text
			}
		}
		r.byForm[f] = lines
	}
	if n < len(lines) {
		return lines[n]
	}
	return ""
}

// citeLabel returns entry n's in-text citation as the style writes it,
// without its outer brackets ("Williams et al., 2014a", "3"); the
// citations of the whole list are rendered at once, the first time.
func (r *rendering) citeLabel(n int) string {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.labels == nil {
		pos := make(map[string]int, r.n)
		for i, id := range r.prep.IDs() {
			pos[id] = i
		}
		order := make([]cslp.Item, r.n)
		for _, it := range r.items {
			if k, ok := pos[it.ID]; ok {
				order[k] = it
			}
		}
		cites, err := r.ps.citations(order)
		if err != nil {
			cites = make([]string, len(order))
		}
		r.labels = cites
	}
	if n >= len(r.labels) {
		return ""
	}
	return strings.Trim(strings.TrimSpace(r.labels[n]), "()[]")
}
