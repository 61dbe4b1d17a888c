package ris

import (
	"fmt"
	"slices"
	"strings"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/bibtex"
)

// build turns a record into a reference with BibTeX fields, and says what
// was odd about it.
func build(rec *record) (*corpus.Reference, []string) {
	var warns []string
	// used marks the tags a field was made from; the others are kept as
	// ris-xx fields: unknown tags, and repeats of a tag that has one value.
	used := make([]bool, len(rec.tags))
	first := func(names ...string) string {
		for i, t := range rec.tags {
			if !used[i] && t.value != "" && slices.Contains(names, t.name) {
				used[i] = true
				return t.value
			}
		}
		return ""
	}
	list := func(names ...string) []string {
		var out []string
		for i, t := range rec.tags {
			if !used[i] && t.value != "" && slices.Contains(names, t.name) {
				used[i] = true
				out = append(out, t.value)
			}
		}
		return out
	}

	ty := strings.ToUpper(first("TY"))
	typ, ok := EntryType(ty)
	if !ok {
		if ty == "" {
			warns = append(warns, "TY has no type; read as misc")
		} else {
			warns = append(warns, fmt.Sprintf("RIS type %s has no BibTeX equivalent; read as misc", ty))
		}
	}
	genre := first("M3")
	if ty == "UNPB" && strings.EqualFold(genre, "preprint") {
		typ, genre = "preprint", ""
	}
	ref := &corpus.Reference{Type: typ, Key: strings.TrimSpace(first("ID"))}

	var l bibtex.FieldList
	if authors := list("AU", "A1"); len(authors) > 0 {
		names(&l, "author", authors)
	}
	names(&l, "editor", list("A2", "ED"))
	names(&l, "translator", list("A4"))
	names(&l, "ris-a3", list("A3"))

	title := first("TI", "T1", "CT")
	if title == "" && typ != "incollection" && typ != "inproceedings" && typ != "inreference" {
		// Old RIS put a book's own title in BT.
		title = first("BT")
	}
	container := first("T2", "JF", "JO", "BT")
	short := first("JA", "J2", "J1")
	l.Text("title", title)
	l.Text("shorttitle", first("ST"))
	switch typ {
	case "article", "periodical":
		l.Text("journal", container)
		l.Text("shortjournal", short)
	case "online":
		l.Text("organization", container)
	default:
		l.Text("booktitle", container)
	}
	l.Text("series", first("T3"))

	date(&l, first("PY", "Y1"), first("DA"))
	l.Text("volume", first("VL"))
	l.Text("number", first("IS", "CP"))
	l.Text("pages", pages(first("SP"), first("EP")))
	switch typ {
	case "thesis":
		l.Text("school", first("PB"))
	case "techreport":
		l.Text("institution", first("PB"))
	default:
		l.Text("publisher", first("PB"))
	}
	l.Text("address", first("CY", "PP"))
	l.Text("edition", first("ET"))
	l.Text("type", genre)
	if sub := subtypes[ty]; sub != "" {
		l.Text("entrysubtype", sub)
	}
	isbn, issn := standardNumbers(list("SN"))
	l.Text("isbn", isbn)
	l.Text("issn", issn)
	l.Verbatim("doi", first("DO"))
	for _, u := range list("UR") {
		l.Verbatim("url", u)
	}
	l.Text("abstract", first("AB", "N2"))
	l.Text("keywords", strings.Join(list("KW"), ", "))
	l.Text("note", strings.Join(list("N1"), " "))
	l.Text("language", first("LA"))
	if !ok && ty != "" {
		l.Text("ristype", ty)
	}
	for i, t := range rec.tags {
		if !used[i] && t.name != "TY" && t.name != "ER" {
			l.Text("ris-"+strings.ToLower(t.name), t.value)
		}
	}
	ref.Fields = l.Fields

	bibtex.Derive(ref)
	return ref, warns
}

// names adds a name list. RIS writes one name per tag as "Family, Given"
// or "Family, Given, Suffix"; a name with no comma is an organisation and
// is braced, so that BibTeX keeps it whole.
func names(l *bibtex.FieldList, field string, names []string) {
	if len(names) == 0 {
		return
	}
	parts := make([]string, 0, len(names))
	for _, n := range names {
		if s := bibtexName(n); s != "" {
			parts = append(parts, s)
		}
	}
	if len(parts) == 0 {
		return
	}
	src := strings.Join(parts, " and ")
	l.Fields = append(l.Fields, corpus.Field{Name: field, Raw: "{" + src + "}", Value: bibtex.Decode(src)})
}

func bibtexName(n string) string {
	var ps []string
	for _, p := range strings.Split(n, ",") {
		if p = strings.TrimSpace(p); p != "" {
			ps = append(ps, p)
		}
	}
	protect := func(p string) string {
		p = bibtex.Escape(p)
		if hasAnd(p) {
			return "{" + p + "}"
		}
		return p
	}
	switch len(ps) {
	case 0:
		return ""
	case 1:
		return "{" + bibtex.Escape(ps[0]) + "}"
	case 2:
		return protect(ps[0]) + ", " + protect(ps[1])
	default:
		return protect(ps[0]) + ", " + protect(strings.Join(ps[2:], ", ")) + ", " + protect(ps[1])
	}
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

// pages joins SP and EP into a BibTeX page range; SP alone may already be
// a range ("1-10").
func pages(sp, ep string) string {
	sp, ep = strings.TrimSpace(sp), strings.TrimSpace(ep)
	if sp == "" {
		return ep
	}
	if ep == "" {
		if a, b, ok := cutRange(sp); ok {
			return a + "--" + b
		}
		return sp
	}
	return sp + "--" + ep
}

// cutRange splits "1-10", "1–10" or "1 - 10" at its one dash.
func cutRange(s string) (string, string, bool) {
	for _, dash := range []string{"–", "—", "-"} {
		if a, b, ok := strings.Cut(s, dash); ok && !strings.Contains(b, dash) {
			a, b = strings.TrimSpace(a), strings.TrimSpace(b)
			if a != "" && b != "" && !strings.ContainsAny(a, ",;") && !strings.ContainsAny(b, ",;") {
				return a, b, true
			}
		}
	}
	return "", "", false
}

// standardNumbers sorts SN values into ISBNs and ISSNs. An SN line may
// hold several numbers ("0028-0836 (Print); 1476-4687 (Electronic)").
func standardNumbers(sns []string) (isbn, issn string) {
	var isbns, issns []string
	for _, sn := range sns {
		for _, v := range strings.FieldsFunc(sn, func(r rune) bool { return r == ';' || r == ',' }) {
			v = strings.TrimSpace(v)
			if v == "" {
				continue
			}
			if isISSN(v) {
				issns = append(issns, v)
			} else {
				isbns = append(isbns, v)
			}
		}
	}
	return strings.Join(isbns, ", "), strings.Join(issns, ", ")
}

// isISSN reports whether v starts with an ISSN: four digits, an optional
// hyphen, three digits and a digit or X.
func isISSN(v string) bool {
	d := strings.Replace(strings.Fields(v + " ")[0], "-", "", 1)
	if len(d) != 8 {
		return false
	}
	for i := 0; i < 7; i++ {
		if !isDigit(d[i]) {
			return false
		}
	}
	return isDigit(d[7]) || d[7] == 'X' || d[7] == 'x'
}
