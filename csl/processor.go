package csl

import (
	"fmt"
	"strings"
	"sync"
)

// Format is an output format.
type Format int

// The output formats.
const (
	Text Format = iota
	HTML
	Markdown
)

// Options choose the locale and output format of a Processor.
type Options struct {
	// Locale overrides the style's default-locale ("de-DE"); "" keeps it.
	Locale string
	Format Format
}

// Processor renders items with one compiled style and locale. It is safe
// for use by one goroutine at a time.
type Processor struct {
	style   *Style
	opts    Options
	loc     *Locale
	english bool
	// the inheritable options of citation and bibliography
	secOpts [2]map[string]string
	// bufs recycles the run buffers entries are flattened into: an entry
	// needs one only until it is text, and fresh ones were a third of the
	// bytes a bibliography allocated
	bufs sync.Pool
}

// Entry is one rendered bibliography entry.
type Entry struct {
	ID   string
	Text string
}

// New compiles a style with its locale. A dependent style must be resolved
// by the caller (parse the parent and pass it); New refuses it.
func New(style *Style, locales LocaleSource, opts Options) (*Processor, error) {
	if style == nil {
		return nil, fmt.Errorf("csl: no style")
	}
	if style.Dependent {
		return nil, fmt.Errorf("%s: dependent style: parse its independent parent %s", style.file, style.Parent)
	}
	lang := opts.Locale
	if lang == "" {
		lang = style.DefaultLocale
	}
	if lang == "" {
		lang = "en-US"
	}
	if pd, ok := primaryDialects[lang]; ok {
		lang = pd
	}
	base := lang
	if i := strings.IndexByte(lang, '-'); i > 0 {
		base = lang[:i]
	}
	var layers []*Locale
	load := func(l string) error {
		if locales == nil {
			return nil
		}
		loc, err := locales(l)
		if err != nil {
			return err
		}
		if loc != nil {
			layers = append(layers, loc)
		}
		return nil
	}
	if err := load("en-US"); err != nil {
		return nil, err
	}
	if lang != "en-US" {
		if err := load(lang); err != nil {
			return nil, err
		}
	}
	// The style's own locale overrides: for every language, then for the
	// bare language, then for the exact one.
	for _, want := range []string{"", base, lang} {
		for _, l := range style.locales {
			if l.Lang == want {
				layers = append(layers, l)
			}
		}
		if want == lang && lang == base {
			break
		}
	}
	p := &Processor{style: style, opts: opts, loc: mergeLocales(layers...)}
	p.loc.Lang = lang
	p.english = base == "en"
	p.secOpts[0] = style.cite.opts
	if style.bib != nil {
		p.secOpts[1] = style.bib.opts
	}
	return p, nil
}

// Layout returns the bibliography's layout options.
func (p *Processor) Layout() BibliographyLayout { return p.style.Layout() }
