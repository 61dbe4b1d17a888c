// Package corpus holds evident's domain types: references, names, identifiers
// and the rules that compare them. It reads no files and knows no storage.
package corpus

import (
	"strings"
	"time"
)

// Reference is one bibliographic work in the library, as imported from BibTeX.
// Fields keeps every field of the source entry so that export round-trips;
// the other members are derived from Fields for search, display and matching.
type Reference struct {
	Key  string `json:"key"`
	Type string `json:"type"` // lower-case entry type: article, book, inproceedings, ...
	// Aliases are other keys that cite this work: the keys of duplicate
	// entries merged into it on import. A citation by an alias resolves to
	// the reference as by its key.
	Aliases []string `json:"aliases,omitempty"`

	Fields []Field `json:"fields"`

	Authors     []Name      `json:"authors,omitempty"`
	AuthorsEtAl bool        `json:"authors_et_al,omitempty"` // the list ended in "and others"
	Editors     []Name      `json:"editors,omitempty"`
	Title       string      `json:"title,omitempty"`
	Protected   []string    `json:"protected,omitempty"` // brace-protected words of the title, kept as written
	Year        int         `json:"year,omitempty"`
	Month       int         `json:"month,omitempty"`
	Venue       string      `json:"venue,omitempty"` // journal, booktitle, publisher or institution
	IDs         Identifiers `json:"ids"`

	Raw    string    `json:"raw"` // the entry exactly as written in its source file
	Source Source    `json:"source"`
	Added  time.Time `json:"added"`
}

// Field is one BibTeX field of a reference.
type Field struct {
	Name string `json:"name"` // lower-case field name
	// Raw is the value as BibTeX source with user @string macros expanded:
	// a braced group "{Sch{\"o}n}", a bare number "2019" or a month macro "jan".
	Raw string `json:"raw"`
	// Value is the decoded Unicode text (LaTeX commands and braces removed).
	Value string `json:"value"`
	// From names the crossref or xdata parent the field was inherited from;
	// empty for the entry's own fields.
	From string `json:"from,omitempty"`
	// Origin says where the value came from when it did not come from the
	// file the reference was imported from (Source): a registry's record,
	// as "crossref 10.1000/xyz, 2026-12-06" ('refs update', 'import ID').
	Origin string `json:"origin,omitempty"`
}

// Source is where a reference was read from.
type Source struct {
	File string `json:"file"`
	Line int    `json:"line"`
}

// Identifiers are the normalised persistent identifiers of a work.
type Identifiers struct {
	DOI   string `json:"doi,omitempty"`   // lower-case, no resolver prefix: 10.1000/xyz
	PMID  string `json:"pmid,omitempty"`  // digits
	PMCID string `json:"pmcid,omitempty"` // PMC followed by digits
	ArXiv string `json:"arxiv,omitempty"` // 1234.56789 or archive/1234567, no version
	ISBN  string `json:"isbn,omitempty"`  // ISBN-13 digits
	URL   string `json:"url,omitempty"`
}

// Get returns the decoded value of the named field, own or inherited, and
// whether the reference has it.
func (r *Reference) Get(name string) (string, bool) {
	for _, f := range r.Fields {
		if f.Name == name {
			return f.Value, true
		}
	}
	return "", false
}

// Field returns the named field, or nil.
func (r *Reference) Field(name string) *Field {
	for i := range r.Fields {
		if r.Fields[i].Name == name {
			return &r.Fields[i]
		}
	}
	return nil
}

// Name is one person or organisation in an author or editor list, split the
// BibTeX way into First von Last, Jr.
type Name struct {
	First string `json:"first,omitempty"`
	Von   string `json:"von,omitempty"`
	Last  string `json:"last,omitempty"`
	Jr    string `json:"jr,omitempty"`
	// Literal holds a corporate author written in braces, such as
	// {World Health Organization}; the other parts are then empty.
	Literal string `json:"literal,omitempty"`
}

// Family returns the name a reader sorts and cites by: "van der Berg" for
// a person, the whole name for an organisation.
func (n Name) Family() string {
	if n.Literal != "" {
		return n.Literal
	}
	if n.Von != "" {
		return n.Von + " " + n.Last
	}
	return n.Last
}

// String returns the name in reading order: "Jan van der Berg Jr.".
func (n Name) String() string {
	if n.Literal != "" {
		return n.Literal
	}
	parts := make([]string, 0, 4)
	for _, p := range []string{n.First, n.Von, n.Last} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	s := strings.Join(parts, " ")
	if n.Jr != "" {
		s += ", " + n.Jr
	}
	return s
}
