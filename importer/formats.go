package importer

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/bibtex"
	"github.com/evident-tools/evident/corpus/csljson"
	"github.com/evident-tools/evident/corpus/pubmed"
	"github.com/evident-tools/evident/corpus/ris"
)

// The formats an import reads, as Input.Format names them. FormatAuto
// decides by each file's content and name (see formatOf).
const (
	FormatAuto      = ""
	FormatBibTeX    = "bibtex"
	FormatRIS       = "ris"
	FormatCSL       = "csljson"
	FormatMEDLINE   = "medline"
	FormatPubMedXML = "pubmed-xml"
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
	{name: FormatEndNote, aliases: []string{"endnote"}, sniff: sniffEndNote, parse: (*parsing).endnote},
	{name: FormatMEDLINE, aliases: []string{"nbib", "pubmed"}, exts: []string{".nbib", ".medline"},
		sniff: pubmed.SniffMEDLINE, parse: (*parsing).medline},
	// .xml is also EndNote's: the root element decides.
	{name: FormatPubMedXML, aliases: []string{"efetch"}, sniff: pubmed.SniffXML, parse: (*parsing).pubmedXML},
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
	return p.add(res.Refs, res.Problems, append(warns, res.Warnings...))
}

// add takes what a reader of a format other than BibTeX read from one
// file: its references, the records it rejected and its warnings.
func (p *parsing) add(refs []*corpus.Reference, problems, warnings []corpus.Problem) int {
	p.refs = append(p.refs, refs...)
	p.problems = append(p.problems, problems...)
	p.warnings = append(p.warnings, warnings...)
	return len(refs)
}

func (p *parsing) csljson(name, text string, warns []corpus.Problem) int {
	res := csljson.ReadText(name, text)
	return p.add(res.Refs, res.Problems, append(warns, res.Warnings...))
}

func (p *parsing) medline(name, text string, warns []corpus.Problem) int {
	return p.pubmed(pubmed.ReadMEDLINE(name, text), warns)
}

func (p *parsing) pubmedXML(name, text string, warns []corpus.Problem) int {
	return p.pubmed(pubmed.ReadXML(name, []byte(text)), warns)
}

func (p *parsing) pubmed(res *pubmed.Result, warns []corpus.Problem) int {
	return p.add(res.Refs, res.Problems, append(warns, res.Warnings...))
}

// FormatNames lists the formats by the name --from takes, in the order of
// the format table.
func FormatNames() []string {
	names := make([]string, len(formats))
	for i, f := range formats {
		names[i] = f.name
	}
	return names
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

// formatNames lists the formats for messages: "bibtex, ris, ... or
// endnote-xml".
func formatNames() string {
	names := FormatNames()
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
	if root := pubmed.RootElement(text); root != "" || ext == ".xml" {
		// XML that no format claimed is not BibTeX, whatever else it is.
		if root == "" {
			root = "?"
		}
		return nil, fmt.Errorf("%s: XML with root element <%s> is in no format import reads; use --from %s", in.Name, root, formatNames())
	}
	// Several formats at once: let the name decide, else read as BibTeX.
	if len(sniffed) == 0 && strings.TrimSpace(strings.TrimPrefix(text, "\ufeff")) != "" {
		return nil, fmt.Errorf("%s: not a reference file evident reads (formats: %s); use --from to say which",
			in.Name, formatNames())
	}
	return &formats[0], nil
}
