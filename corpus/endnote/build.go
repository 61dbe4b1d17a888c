package endnote

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/bibtex"
	"github.com/evident-tools/evident/corpus/ris"
)

// leaf is an element of a record that holds text: its path below the
// record ("titles/title") and its text runs.
type leaf struct {
	path string
	n    *node
}

// dropped are elements about the exporting library, not the work: its
// file name and path on the exporter's machine, and the application.
var dropped = []string{"database", "source-app", "foreign-keys"}

// grouping elements only group others; the fields kept for elements with no
// BibTeX name leave them out of their names.
var grouping = map[string]bool{"titles": true, "contributors": true, "dates": true, "urls": true, "keywords": true}

// leaves lists the elements of n that hold text, in document order. An
// element whose children are all <style> runs or text is a leaf.
func leaves(n *node, prefix string, out []leaf) []leaf {
	for _, k := range n.kids {
		if k.name == "" || slices.Contains(dropped, k.name) && prefix == "" {
			continue
		}
		p := k.name
		if prefix != "" {
			p = prefix + "/" + k.name
		}
		if isLeaf(k) {
			out = append(out, leaf{path: p, n: k})
		} else {
			out = leaves(k, p, out)
		}
	}
	return out
}

func isLeaf(n *node) bool {
	for _, k := range n.kids {
		if k.name != "" && k.name != "style" {
			return false
		}
	}
	return true
}

// run is a piece of a value, italic or not.
type run struct {
	text   string
	italic bool
}

func runs(n *node, italic bool, out []run) []run {
	for _, k := range n.kids {
		switch {
		case k.name == "":
			out = append(out, run{k.text, italic})
		default:
			out = runs(k, italic || strings.Contains(strings.ToLower(k.face), "italic"), out)
		}
	}
	return out
}

// plain is the text of an element, whitespace as written.
func plain(n *node) string {
	var b strings.Builder
	for _, r := range runs(n, false, nil) {
		b.WriteString(r.text)
	}
	return b.String()
}

// source writes an element's runs as BibTeX source: LaTeX's special
// characters escaped, italic runs in \textit{}, whitespace collapsed.
func source(n *node) string {
	var b strings.Builder
	space := false
	for _, r := range runs(n, false, nil) {
		words := strings.Fields(r.text)
		if len(words) == 0 {
			space = space || r.text != ""
			continue
		}
		if b.Len() > 0 && (space || startsSpace(r.text)) {
			b.WriteByte(' ')
		}
		esc := bibtex.Escape(strings.Join(words, " "))
		if r.italic {
			esc = `\textit{` + esc + `}`
		}
		b.WriteString(esc)
		space = endsSpace(r.text)
	}
	return b.String()
}

func startsSpace(s string) bool { return s != "" && strings.TrimLeft(s, " \t\r\n") != s }
func endsSpace(s string) bool   { return s != "" && strings.TrimRight(s, " \t\r\n") != s }

// collapse trims s and makes each run of white space one space.
func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }

// fieldList collects a reference's fields in a fixed order.
type fieldList struct {
	fs []corpus.Field
}

// add adds a field from its BibTeX source; the value is what the BibTeX
// reader decodes from it, so that the reference equals what importing its
// BibTeX export gives.
func (l *fieldList) add(name, src string) {
	if src == "" {
		return
	}
	l.fs = append(l.fs, corpus.Field{Name: name, Raw: "{" + src + "}", Value: bibtex.Decode(src)})
}

// text adds a field of plain text.
func (l *fieldList) text(name, value string) {
	if value = collapse(value); value != "" {
		l.add(name, bibtex.Escape(value))
	}
}

// verbatim adds a field BibTeX tools read verbatim (url, doi): only what
// would unbalance the braces is percent-encoded, as a URL allows.
func (l *fieldList) verbatim(name, value string) {
	value = collapse(value)
	if value == "" {
		return
	}
	if strings.ContainsAny(value, "{}\\") {
		value = strings.NewReplacer("{", "%7B", "}", "%7D", `\`, "%5C").Replace(value)
	}
	l.fs = append(l.fs, corpus.Field{Name: name, Raw: "{" + value + "}", Value: value})
}

// names adds a name list from "Family, Given" names.
func (l *fieldList) names(field string, names []string) {
	var parts []string
	for _, n := range names {
		if s := ris.Name(collapse(n)); s != "" {
			parts = append(parts, s)
		}
	}
	if len(parts) > 0 {
		l.add(field, strings.Join(parts, " and "))
	}
}

// build turns a record into a reference with BibTeX fields, and says what
// was odd about it.
func build(rec *node) (*corpus.Reference, []string) {
	var warns []string
	ls := leaves(rec, "", nil)
	used := make([]bool, len(ls))
	take := func(i int) *node {
		used[i] = true
		if collapse(plain(ls[i].n)) == "" {
			return nil
		}
		return ls[i].n
	}
	// first returns the first element not yet used at one of paths that
	// holds text.
	first := func(paths ...string) *node {
		for i, lf := range ls {
			if !used[i] && slices.Contains(paths, lf.path) {
				if n := take(i); n != nil {
					return n
				}
			}
		}
		return nil
	}
	text := func(paths ...string) string {
		if n := first(paths...); n != nil {
			return collapse(plain(n))
		}
		return ""
	}
	src := func(paths ...string) string {
		if n := first(paths...); n != nil {
			return source(n)
		}
		return ""
	}
	list := func(paths ...string) []string {
		var out []string
		for i, lf := range ls {
			if !used[i] && slices.Contains(paths, lf.path) {
				if n := take(i); n != nil {
					out = append(out, plain(n))
				}
			}
		}
		return out
	}

	var tyName, tyNum string
	for i, lf := range ls {
		if lf.path == "ref-type" && !used[i] {
			used[i] = true
			tyName, tyNum = lf.n.kind, collapse(plain(lf.n))
			break
		}
	}
	typ, subtype, ok := entryType(tyName, tyNum)
	if !ok {
		switch {
		case tyName == "" && tyNum == "":
			warns = append(warns, "record has no ref-type; read as misc")
		default:
			warns = append(warns, fmt.Sprintf("EndNote type %s has no BibTeX equivalent; read as misc",
				strings.TrimSpace(tyName+" "+tyNum)))
		}
	}
	ref := &corpus.Reference{Type: typ}
	var l fieldList

	l.names("author", list("contributors/authors/author"))
	l.names("editor", list("contributors/secondary-authors/author"))
	l.names("translator", list("contributors/subsidiary-authors/author"))
	l.names("endnote-tertiary-authors", list("contributors/tertiary-authors/author"))

	l.add("title", src("titles/title"))
	l.add("shorttitle", src("titles/short-title"))
	secondary := src("titles/secondary-title")
	switch typ {
	case "article", "periodical":
		journal := first("periodical/full-title")
		if secondary == "" && journal != nil {
			secondary = source(journal)
		}
		l.add("journal", secondary)
		l.add("shortjournal", src("periodical/abbr-1", "alt-periodical/abbr-1", "titles/alt-title"))
	case "book", "collection", "techreport":
		l.add("series", secondary)
	case "online":
		l.add("organization", secondary)
	default:
		l.add("booktitle", secondary)
		l.add("series", src("titles/tertiary-title"))
	}

	year := text("dates/year")
	l.date(year, text("dates/pub-dates/date"))
	l.text("volume", text("volume"))
	l.text("volumes", text("num-vols"))
	l.text("number", text("number"))
	l.text("pages", ris.Pages(text("pages"), ""))
	switch typ {
	case "thesis":
		l.text("school", text("publisher"))
	case "techreport":
		l.text("institution", text("publisher"))
	default:
		l.text("publisher", text("publisher"))
	}
	l.text("address", text("pub-location"))
	l.text("edition", text("edition"))
	l.text("type", text("work-type"))
	l.text("entrysubtype", subtype)

	var sns []string
	for _, v := range list("isbn") {
		sns = append(sns, strings.FieldsFunc(v, func(r rune) bool { return r == '\r' || r == '\n' })...)
	}
	isbn, issn := ris.StandardNumbers(sns)
	l.text("isbn", isbn)
	l.text("issn", issn)
	for i, lf := range ls {
		if !used[i] && lf.path == "electronic-resource-num" {
			if v := collapse(plain(lf.n)); corpus.NormalizeDOI(v) != "" {
				used[i] = true
				l.verbatim("doi", v)
				break
			}
		}
	}
	for i, lf := range ls {
		// A related URL may be EndNote's "<Go to ISI>://WOS:..." link,
		// which is no URL; it is kept as endnote-related-urls-url.
		if !used[i] && lf.path == "urls/related-urls/url" {
			if v := collapse(plain(lf.n)); strings.Contains(v, "://") && !strings.HasPrefix(v, "<") {
				used[i] = true
				l.verbatim("url", v)
			}
		}
	}
	for _, f := range list("urls/pdf-urls/url") {
		l.verbatim("file", f)
	}
	l.add("abstract", src("abstract"))
	l.keywords(list("keywords/keyword"))
	l.add("note", src("notes"))
	l.text("language", text("language"))
	if !ok && (tyName != "" || tyNum != "") {
		l.text("endnote-ref-type", strings.TrimSpace(tyName+" "+tyNum))
	}

	// What has no BibTeX name is kept, one field per element name.
	var rest []string
	restVals := map[string][]string{}
	for i, lf := range ls {
		if used[i] {
			continue
		}
		v := source(lf.n)
		if v == "" {
			continue
		}
		name := restName(lf.path)
		if _, seen := restVals[name]; !seen {
			rest = append(rest, name)
		}
		restVals[name] = append(restVals[name], v)
	}
	for _, name := range rest {
		l.add(name, strings.Join(restVals[name], "; "))
	}
	ref.Fields = l.fs
	bibtex.Derive(ref)
	return ref, warns
}

// restName names the field kept for an element with no BibTeX name:
// endnote- and its path, grouping elements left out, in the letters a
// BibTeX field name may have.
func restName(path string) string {
	var parts []string
	for _, p := range strings.Split(path, "/") {
		if !grouping[p] {
			parts = append(parts, p)
		}
	}
	name := strings.Map(func(r rune) rune {
		switch {
		case 'a' <= r && r <= 'z', '0' <= r && r <= '9', r == '-', r == '_':
			return r
		case 'A' <= r && r <= 'Z':
			return r + 'a' - 'A'
		}
		return '-'
	}, strings.Join(parts, "-"))
	return "endnote-" + name
}

// keywords adds the keywords, joined with ", ", or with "; " when one
// holds a comma ("Aged, 80 and over").
func (l *fieldList) keywords(kws []string) {
	sep := ", "
	var out []string
	for _, k := range kws {
		if k = collapse(k); k != "" {
			out = append(out, k)
			if strings.Contains(k, ",") {
				sep = "; "
			}
		}
	}
	l.text("keywords", strings.Join(out, sep))
}

// date adds year, and month and a biblatex date when the publication date
// says them. EndNote's dates are free text: "Mar 3", "Jun 01", "2019-03-07",
// "Spring"; what is not read as a month and day is kept as endnote-date.
func (l *fieldList) date(year, date string) {
	y := corpus.ParseYear(year)
	if y != 0 && strconv.Itoa(y) == year {
		l.fs = append(l.fs, corpus.Field{Name: "year", Raw: year, Value: year})
	} else {
		l.text("year", year)
	}
	if date == "" {
		return
	}
	m, d, ok := monthDay(date, y)
	if !ok {
		l.text("endnote-date", date)
		return
	}
	raw, value := ris.Month(m)
	l.fs = append(l.fs, corpus.Field{Name: "month", Raw: raw, Value: value})
	if d != 0 && y != 0 {
		iso := fmt.Sprintf("%04d-%02d-%02d", y, m, d)
		l.fs = append(l.fs, corpus.Field{Name: "date", Raw: "{" + iso + "}", Value: iso})
	}
}

// monthDay reads "Mar 3", "March", "3 March" or an ISO date of year y.
func monthDay(s string, y int) (m, d int, ok bool) {
	if dy, dm, dd := corpus.ParseDate(s); dy != 0 {
		if dy != y || dm == 0 {
			return 0, 0, false
		}
		return dm, dd, true
	}
	for _, w := range strings.Fields(strings.NewReplacer(",", " ", ".", " ").Replace(s)) {
		if n, err := strconv.Atoi(w); err == nil && n >= 1 && n <= 31 && d == 0 {
			d = n
		} else if mm := corpus.ParseMonth(w); mm != 0 && m == 0 {
			m = mm
		} else {
			return 0, 0, false
		}
	}
	return m, d, m != 0
}
