package csljson

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/bibtex"
)

// item is one CSL item's members as read, and which of them a field was
// made from; the others are kept as csl-<name> fields.
type item struct {
	members map[string]json.RawMessage
	used    map[string]bool
	warns   []string
}

// text returns the first member of names that holds text: a string, a
// number written as JSON (volumes, issues and pages often are), or the
// first string of an array (Crossref writes titles as arrays).
func (it *item) text(names ...string) string {
	for _, n := range names {
		raw, ok := it.members[n]
		if !ok {
			continue
		}
		vs, ok := scalars(raw)
		if !ok {
			continue // kept as csl-<name>, with what it holds
		}
		it.used[n] = true
		for _, v := range vs {
			if v = strings.TrimSpace(v); v != "" {
				return v
			}
		}
	}
	return ""
}

// list returns every text of a member: an array of strings, or one.
func (it *item) list(name string) []string {
	raw, ok := it.members[name]
	if !ok {
		return nil
	}
	vs, ok := scalars(raw)
	if !ok {
		return nil
	}
	it.used[name] = true
	return vs
}

// scalars reads a JSON string, number or boolean, or an array of them;
// null is no value. It reports false for anything else.
func scalars(raw json.RawMessage) ([]string, bool) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return nil, false
	}
	switch raw[0] {
	case '"':
		var s string
		if json.Unmarshal(raw, &s) != nil {
			return nil, false
		}
		return []string{s}, true
	case '[':
		var vs []json.RawMessage
		if json.Unmarshal(raw, &vs) != nil {
			return nil, false
		}
		var out []string
		for _, v := range vs {
			s, ok := scalars(v)
			if !ok || len(s) > 1 {
				return nil, false
			}
			out = append(out, s...)
		}
		return out, true
	case 'n':
		return nil, true
	case '{':
		return nil, false
	default: // a number or a boolean, as written
		return []string{string(raw)}, true
	}
}

// build turns a CSL item into a reference with BibTeX fields, and says what
// was odd about it. The fields follow the inverse of export/csl's
// FromReference, so that exporting the reference as CSL-JSON gives the item
// back.
func build(members map[string]json.RawMessage) (*corpus.Reference, []string) {
	it := &item{members: members, used: map[string]bool{}}
	cslType := it.text("type")
	typ, subtype, ok := EntryType(cslType)
	switch {
	case cslType == "":
		it.warns = append(it.warns, "no type; read as misc")
	case !ok:
		it.warns = append(it.warns, fmt.Sprintf("CSL type %q has no BibTeX equivalent; read as misc", cslType))
		it.used["type"] = false // kept as csl-type
	}
	ref := &corpus.Reference{Type: typ, Key: it.key()}

	var l bibtex.FieldList
	it.names(&l, "author", "author")
	it.names(&l, "editor", "editor")
	it.names(&l, "translator", "translator")
	it.names(&l, "bookauthor", "container-author")

	it.rich(&l, "title", "title")
	it.rich(&l, "shorttitle", "title-short", "shortTitle")
	short := it.text("container-title-short", "journalAbbreviation")
	switch typ {
	case "article", "periodical":
		it.rich(&l, "journal", "container-title")
		l.Text("shortjournal", short)
	case "online":
		it.rich(&l, "organization", "container-title")
	default:
		it.rich(&l, "booktitle", "container-title")
	}
	it.rich(&l, "series", "collection-title")
	it.rich(&l, "eventtitle", "event-title", "event")

	it.date(&l, "issued", "year", "month", "date")
	l.Text("volume", it.text("volume"))
	l.Text("volumes", it.text("number-of-volumes"))
	// One BibTeX number holds CSL's issue, an item's own number (a
	// report's) and its number in a series, as export/csl reads it back.
	l.Text("number", it.text("issue", "number", "collection-number"))
	l.Text("pages", pageRange(it.text("page")))
	l.Text("pagetotal", it.text("number-of-pages"))
	l.Text("chapter", it.text("chapter-number"))
	switch typ {
	case "thesis":
		l.Text("school", it.text("publisher"))
	case "techreport":
		l.Text("institution", it.text("publisher"))
	default:
		l.Text("publisher", it.text("publisher"))
	}
	l.Text("address", it.text("publisher-place"))
	l.Text("venue", it.text("event-place"))
	l.Text("edition", it.text("edition"))
	l.Text("version", it.text("version"))
	l.Text("type", it.text("genre"))
	l.Text("pubstate", it.text("status"))
	if subtype != "" {
		l.Text("entrysubtype", subtype)
	}
	l.Text("isbn", strings.Join(it.list("ISBN"), ", "))
	l.Text("issn", strings.Join(it.list("ISSN"), ", "))
	l.Verbatim("doi", it.text("DOI"))
	l.Text("pmid", it.text("PMID"))
	l.Text("pmcid", it.text("PMCID"))
	l.Verbatim("url", it.text("URL"))
	it.date(&l, "accessed", "", "", "urldate")
	it.date(&l, "original-date", "", "", "origdate")
	l.Text("abstract", it.text("abstract"))
	l.Text("keywords", strings.Join(it.list("keyword"), ", "))
	l.Text("note", it.text("note"))
	l.Text("language", it.text("language"))
	it.keep(&l)
	ref.Fields = l.Fields

	bibtex.Derive(ref)
	return ref, it.warns
}

// key returns the item's citation-key, else its id when that looks like a
// key someone chose (Zotero's ids are URLs or numbers, Manubot's are
// hashes that still make fine keys); else "", and a key is made up. An id
// not used as the key is kept as csl-id.
func (it *item) key() string {
	ck := it.text("citation-key", "citationKey")
	if !bibtex.ValidKey(ck) {
		it.used["citation-key"], it.used["citationKey"] = false, false
		ck = ""
	}
	id := it.text("id")
	switch {
	case ck != "":
		it.used["id"] = id == ck
		return ck
	case keyLike(id):
		return id
	}
	it.used["id"] = false
	return ""
}

// keyLike reports whether an id can serve as a key: a BibTeX key with a
// letter in it and no slash (not a number, not a URL).
func keyLike(id string) bool {
	return bibtex.ValidKey(id) && !strings.ContainsAny(id, "/:") &&
		strings.IndexFunc(id, func(r rune) bool { return 'a' <= r|0x20 && r|0x20 <= 'z' }) >= 0
}

// keep adds the members no field was made from as csl-<name> fields,
// sorted by name, so that nothing of the item is lost: strings and numbers
// as written, anything else as compact JSON.
func (it *item) keep(l *bibtex.FieldList) {
	var names []string
	for n := range it.members {
		if !it.used[n] {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	for _, n := range names {
		raw := bytes.TrimSpace(it.members[n])
		var v string
		if vs, ok := scalars(raw); ok && len(vs) <= 1 {
			v = strings.Join(vs, "")
		} else {
			var b bytes.Buffer
			if json.Compact(&b, raw) != nil {
				continue
			}
			v = b.String()
		}
		l.Text("csl-"+fieldName(n), v)
	}
}

// fieldName makes a CSL member name a BibTeX field name: lower case, with
// anything but letters, digits, '-' and '_' as '-'.
func fieldName(n string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case 'a' <= r && r <= 'z', '0' <= r && r <= '9', r == '-', r == '_':
			return r
		case 'A' <= r && r <= 'Z':
			return r + 'a' - 'A'
		}
		return '-'
	}, n)
}

// pageRange writes a CSL page range ("200-210") as BibTeX's "200--210".
func pageRange(p string) string {
	if a, b, ok := strings.Cut(p, "-"); ok && !strings.Contains(b, "-") && a != "" && b != "" &&
		!strings.ContainsAny(p, ", ") {
		return a + "--" + b
	}
	return strings.ReplaceAll(p, "–", "--")
}
