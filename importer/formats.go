package importer

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/bibtex"
	"github.com/evident-tools/evident/corpus/csljson"
	"github.com/evident-tools/evident/corpus/ris"
)

// The formats an import reads, as Input.Format names them. FormatAuto
// decides by each file's content and name (see formatOf).
const (
	FormatAuto   = ""
	FormatBibTeX = "bibtex"
	FormatRIS    = "ris"
	FormatCSL    = "csljson"
)

// format is one kind of file import reads. A new format is a reader in its
// own package and one entry in formats.
type format struct {
	name    string   // as --from takes it and messages name it
	aliases []string // other names --from takes
	exts    []string // file extensions, lower-case, with the dot
	// sniff reports whether text, decoded, is in this format beyond doubt.
	sniff func(text string) bool
	// parse reads one decoded file, whose decoding warned warns, into p
	// and returns how many entries it read.
	parse func(p *parsing, name, text string, warns []corpus.Problem) int
}

// formats lists the formats import reads; the first is the one read when
// nothing tells which a file is in.
var formats = []format{
	{name: FormatBibTeX, aliases: []string{"bib", "biblatex"}, exts: []string{".bib", ".bibtex", ".biblatex"},
		sniff: bibtex.Sniff, parse: (*parsing).bibtex},
	{name: FormatRIS, exts: []string{".ris"}, sniff: ris.Sniff, parse: (*parsing).ris},
	{name: FormatCSL, aliases: []string{"csl-json", "json"}, exts: []string{".json", ".csljson"}, sniff: csljson.Sniff, parse: (*parsing).csljson},
}

// parsing is what the files of one Parse have given so far. BibTeX files
// share one parser, since @string macros and crossref parents carry from
// one file to the next; the other formats read file by file.
type parsing struct {
	bib                *bibtex.Parser
	refs               []*corpus.Reference // of the other formats, in file order
	problems, warnings []corpus.Problem
}

func (p *parsing) bibtex(name, text string, warns []corpus.Problem) int {
	p.bib.Warnings = append(p.bib.Warnings, warns...)
	return p.bib.ParseText(name, text)
}

func (p *parsing) ris(name, text string, warns []corpus.Problem) int {
	res := ris.ReadText(name, text)
	p.refs = append(p.refs, res.Refs...)
	p.problems = append(p.problems, res.Problems...)
	p.warnings = append(append(p.warnings, warns...), res.Warnings...)
	return len(res.Refs)
}

func (p *parsing) csljson(name, text string, warns []corpus.Problem) int {
	res := csljson.ReadText(name, text)
	p.refs = append(p.refs, res.Refs...)
	p.problems = append(p.problems, res.Problems...)
	p.warnings = append(append(p.warnings, warns...), res.Warnings...)
	return len(res.Refs)
}

// ParseFormat checks a --from value.
func ParseFormat(s string) (string, error) {
	s = strings.ToLower(s)
	if s == "" || s == "auto" {
		return FormatAuto, nil
	}
	for _, f := range formats {
		if s == f.name || slices.Contains(f.aliases, s) {
			return f.name, nil
		}
	}
	return "", fmt.Errorf("unknown format %q; use %s", s, formatNames())
}

// formatNames lists the formats for messages: "bibtex or ris".
func formatNames() string {
	var names []string
	for _, f := range formats {
		names = append(names, f.name)
	}
	if len(names) == 1 {
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

// formatOf decides how to read one input, decoded as text: as its Format
// says; else as the one format its content is in beyond doubt (a .txt file
// that is RIS); else as its extension says. Text in none of the formats
// under a name that says none is an error, not "read 0 entries": an empty
// file, being empty in every format, is read as BibTeX.
func formatOf(in Input, text string) (*format, error) {
	if in.Format != FormatAuto {
		for i := range formats {
			if formats[i].name == in.Format {
				return &formats[i], nil
			}
		}
		return nil, fmt.Errorf("%s: unknown format %q; use %s", in.Name, in.Format, formatNames())
	}
	var sniffed []*format
	for i := range formats {
		if formats[i].sniff(text) {
			sniffed = append(sniffed, &formats[i])
		}
	}
	if len(sniffed) == 1 {
		return sniffed[0], nil
	}
	ext := strings.ToLower(filepath.Ext(in.Name))
	for i := range formats {
		if slices.Contains(formats[i].exts, ext) {
			return &formats[i], nil
		}
	}
	// Several formats at once: let the name decide, else read as BibTeX.
	if len(sniffed) == 0 && strings.TrimSpace(strings.TrimPrefix(text, "\ufeff")) != "" {
		var names []string
		for _, f := range formats {
			names = append(names, f.name)
		}
		return nil, fmt.Errorf("%s: not a reference file evident reads (formats: %s); use --from to say which",
			in.Name, strings.Join(names, ", "))
	}
	return &formats[0], nil
}
