package csljson

import (
	"bytes"
	"encoding/json"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/bibtex"
)

// name is a CSL name as items write it. Crossref and DataCite write an
// organisation as "name".
type name struct {
	Family              string `json:"family"`
	Given               string `json:"given"`
	NonDroppingParticle string `json:"non-dropping-particle"`
	DroppingParticle    string `json:"dropping-particle"`
	Suffix              string `json:"suffix"`
	Literal             string `json:"literal"`
	Name                string `json:"name"`
}

// names adds a BibTeX name list from the CSL names in member. A member
// that is not a list of names is kept as csl-<member>.
func (it *item) names(l *bibtex.FieldList, field, member string) {
	raw, ok := it.members[member]
	if !ok {
		return
	}
	var elems []json.RawMessage
	if json.Unmarshal(raw, &elems) != nil {
		it.warns = append(it.warns, member+" is not a list of names; kept as csl-"+fieldName(member))
		return
	}
	parts := make([]string, 0, len(elems))
	for i, e := range elems {
		var n name
		e = bytes.TrimSpace(e)
		if len(e) > 0 && e[0] == '"' {
			_ = json.Unmarshal(e, &n.Literal)
		} else if json.Unmarshal(e, &n) != nil {
			it.warns = append(it.warns, member+" holds something that is not a name; kept as csl-"+fieldName(member))
			return
		}
		// export/csl writes "and others" as a last literal "others".
		if i == len(elems)-1 && i > 0 && n.Literal == "others" {
			parts = append(parts, "others")
			continue
		}
		if s := bibtexName(n); s != "" {
			parts = append(parts, s)
		}
	}
	it.used[member] = true
	if len(parts) == 0 {
		return
	}
	src := strings.Join(parts, " and ")
	l.Fields = append(l.Fields, corpus.Field{Name: field, Raw: "{" + src + "}", Value: bibtex.Decode(src)})
}

// bibtexName writes a CSL name the BibTeX way, "von Last, Jr, First", or
// braced whole when it is an organisation or a name of several words with
// no other parts.
func bibtexName(n name) string {
	clean := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	family, given := clean(n.Family), clean(n.Given)
	if family == "" {
		family, given = given, "" // a given name alone is all the name there is
	}
	if family == "" {
		if lit := clean(n.Literal + " " + n.Name); lit != "" {
			return "{" + bibtex.Escape(lit) + "}"
		}
		return ""
	}
	particle := clean(n.DroppingParticle + " " + n.NonDroppingParticle)
	suffix := clean(n.Suffix)
	if given == "" && particle == "" && suffix == "" && strings.Contains(family, " ") {
		return "{" + bibtex.Escape(family) + "}"
	}
	last := protect(family)
	// A particle that starts in lower case is BibTeX's von part; one in
	// upper case ("Van", "De") is part of the family name, as BibTeX
	// reads it, and is braced with it.
	if particle != "" {
		if r, _ := utf8.DecodeRuneInString(particle); unicode.IsUpper(r) {
			last = "{" + bibtex.Escape(particle+" "+family) + "}"
		} else {
			last = protect(particle) + " " + last
		}
	}
	switch {
	case suffix != "":
		return last + ", " + protect(suffix) + ", " + protect(given)
	case given != "":
		return last + ", " + protect(given)
	}
	return last
}

// protect escapes a name part and braces it when BibTeX would split it:
// at a comma or at the word "and".
func protect(p string) string {
	p = bibtex.Escape(p)
	if strings.Contains(p, ",") || hasAnd(p) {
		return "{" + p + "}"
	}
	return p
}

// hasAnd reports whether s holds the word "and", which would split it in
// a BibTeX name list.
func hasAnd(s string) bool {
	for _, w := range strings.Fields(s) {
		if strings.EqualFold(w, "and") {
			return true
		}
	}
	return false
}
