package export

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/bibtex"
	"github.com/evident-tools/evident/export/csl"
)

// risTypes maps BibTeX and biblatex entry types to RIS reference types.
// corpus/ris reads each back as an entry type with the same CSL type.
var risTypes = map[string]string{
	"article":        "JOUR",
	"suppperiodical": "JOUR",
	"periodical":     "JFULL",
	"book":           "BOOK",
	"mvbook":         "BOOK",
	"reference":      "BOOK",
	"mvreference":    "BOOK",
	"collection":     "EDBOOK",
	"mvcollection":   "EDBOOK",
	"inbook":         "CHAP",
	"incollection":   "CHAP",
	"bookinbook":     "CHAP",
	"suppbook":       "CHAP",
	"suppcollection": "CHAP",
	"proceedings":    "CONF",
	"mvproceedings":  "CONF",
	"inproceedings":  "CPAPER",
	"conference":     "CPAPER",
	"phdthesis":      "THES",
	"mastersthesis":  "THES",
	"thesis":         "THES",
	"techreport":     "RPRT",
	"report":         "RPRT",
	"manual":         "BOOK", // as csl.FromReference and pandoc read it
	"online":         "ELEC",
	"electronic":     "ELEC",
	"www":            "ELEC",
	"webpage":        "ELEC",
	"misc":           "GEN",
	"unpublished":    "UNPB",
	"preprint":       "UNPB",
	"dataset":        "DATA",
	"software":       "COMP",
	"patent":         "PAT",
	"booklet":        "PAMP",
	"inreference":    "ENCYC",
	"standard":       "STAND",
	"artwork":        "ART",
	"image":          "ART",
	"audio":          "SOUND",
	"music":          "MUSIC",
	"movie":          "MPCT",
	"video":          "VIDEO",
	"letter":         "PCOMM",
	"jurisdiction":   "CASE",
	"legislation":    "STAT",
}

// RISType returns the RIS reference type (TY) for a reference.
func RISType(r *corpus.Reference) string {
	if r.Type == "article" {
		v, _ := r.Get("entrysubtype")
		switch strings.ToLower(strings.TrimSpace(v)) {
		case "magazine":
			return "MGZN"
		case "newspaper":
			return "NEWS"
		}
	}
	if v, ok := r.Get("ristype"); ok && isRISType(v) {
		// A RIS type evident has no entry type for, kept by the import.
		return v
	}
	if t, ok := risTypes[r.Type]; ok {
		return t
	}
	return "GEN"
}

// RIS writes refs in the RIS tagged format that EndNote, Zotero, Mendeley
// and reference managers import. Every value comes from the reference's CSL
// item (csl.FromReference), so RIS, CSL-JSON and the styles agree; titles
// are plain text, since RIS has no markup. Lines end in CRLF, as the RIS
// specification requires and EndNote and Reference Manager expect; Zotero
// and Mendeley read either ending. Each record starts with TY, ends with
// "ER  - " and is followed by a blank line.
//
// What RIS cannot carry is left out: an "and others" at the end of an
// author list (RIS has no et-al. marker, and a made-up author "others"
// would be printed as a name), the end of a date range, rich-text markup.
func RIS(w io.Writer, refs []*corpus.Reference) error {
	bw := bufio.NewWriter(w)
	for _, r := range refs {
		writeRIS(bw, r)
	}
	return bw.Flush()
}

func writeRIS(w *bufio.Writer, r *corpus.Reference) {
	it := csl.FromReference(r)
	if org, ok := r.Get("organization"); ok && it.Type == "webpage" && it.ContainerTitle == "" && it.Publisher == strings.TrimSpace(org) {
		// A web site's name: CSL reads it as the publisher, as pandoc does,
		// but RIS readers expect it in T2, and the RIS reader puts it back.
		it.ContainerTitle, it.Publisher = it.Publisher, ""
	}
	tag := func(name, value string) {
		value = risValue(value)
		if value == "" {
			return
		}
		w.WriteString(name)
		w.WriteString("  - ")
		w.WriteString(value)
		w.WriteString("\r\n")
	}
	ty := RISType(r)
	w.WriteString("TY  - " + ty + "\r\n")
	tag("ID", r.Key)
	for _, n := range it.Author {
		tag("AU", risName(n))
	}
	for _, n := range it.Editor {
		tag("A2", risName(n))
	}
	for _, n := range it.CollectionEditor {
		tag("A3", risName(n))
	}
	for _, n := range it.Translator {
		tag("A4", risName(n))
	}
	tag("TI", csl.Plain(it.Title))
	tag("ST", csl.Plain(it.TitleShort))
	tag("T2", csl.Plain(it.ContainerTitle))
	tag("J2", csl.Plain(it.ContainerTitleShort))
	tag("T3", csl.Plain(it.CollectionTitle))
	py, da := risDate(it.Issued)
	tag("PY", py)
	tag("DA", da)
	tag("VL", it.Volume)
	number := it.Number
	if strings.HasPrefix(number, "arXiv:") {
		// Made by csl.FromReference from the arXiv ID, which UR carries.
		number = ""
	}
	tag("IS", firstOf(it.Issue, number, it.CollectionNumber))
	sp, ep := splitPages(it.Page)
	tag("SP", sp)
	tag("EP", ep)
	tag("ET", it.Edition)
	genre := it.Genre
	if r.Type == "preprint" && genre == "" {
		genre = "Preprint"
	}
	tag("M3", genre)
	tag("PB", it.Publisher)
	tag("CY", it.PublisherPlace)
	for _, sn := range splitList(it.ISBN + "," + it.ISSN) {
		tag("SN", sn)
	}
	tag("DO", it.DOI)
	tag("UR", it.URL)
	tag("AB", it.Abstract)
	for _, kw := range splitList(it.Keyword) {
		tag("KW", kw)
	}
	tag("N1", it.Note)
	tag("LA", it.Language)
	// Tags a RIS import kept as ris-xx fields go back out as they came.
	for _, f := range r.Fields {
		name, ok := strings.CutPrefix(f.Name, "ris-")
		if !ok || len(name) != 2 {
			continue
		}
		if name == "a3" {
			if len(it.CollectionEditor) == 0 {
				names, _ := bibtex.ParseNames(strings.TrimSuffix(strings.TrimPrefix(f.Raw, "{"), "}"))
				for _, n := range names {
					tag("A3", risName(csl.Name{Family: n.Last, Given: n.First, NonDroppingParticle: n.Von, Suffix: n.Jr, Literal: n.Literal}))
				}
			}
			continue
		}
		tag(strings.ToUpper(name), f.Value)
	}
	w.WriteString("ER  - \r\n\r\n")
}

// risName writes "Family, Given" or "Family, Given, Suffix", the particle
// with the family name as RIS readers expect ("van der Berg, Jan"); an
// organisation is written whole. An "others" (et al.) gives "".
func risName(n csl.Name) string {
	if n.Literal != "" {
		if n.Literal == "others" {
			return ""
		}
		return n.Literal
	}
	family := strings.TrimSpace(n.DroppingParticle + " " + n.NonDroppingParticle + " " + n.Family)
	family = strings.Join(strings.Fields(family), " ")
	given := strings.TrimSpace(n.Given)
	s := family
	if given != "" || n.Suffix != "" {
		s += ", " + given
	}
	if n.Suffix != "" {
		s += ", " + n.Suffix
	}
	return s
}

// risDate gives PY (the year) and DA (YYYY/MM/DD/, empty parts left
// empty) of a date's first part. A literal date ("in press") goes to PY
// as written, where RIS readers keep it as text.
func risDate(d *csl.Date) (py, da string) {
	if d == nil {
		return "", ""
	}
	if len(d.DateParts) == 0 || len(d.DateParts[0]) == 0 {
		return d.Literal, ""
	}
	p := d.DateParts[0]
	py = strconv.Itoa(p[0])
	if len(p) < 2 {
		return py, ""
	}
	da = fmt.Sprintf("%04d/%02d/", p[0], p[1])
	if len(p) > 2 {
		da += fmt.Sprintf("%02d", p[2])
	}
	return py, da + "/"
}

// splitPages splits a simple range "10-20" into SP and EP; anything else
// ("e123", "1, 4-6") goes whole into SP.
func splitPages(p string) (sp, ep string) {
	p = strings.TrimSpace(p)
	a, b, ok := strings.Cut(p, "-")
	if !ok || strings.Contains(b, "-") || strings.ContainsAny(p, ",;") {
		return p, ""
	}
	a, b = strings.TrimSpace(a), strings.TrimSpace(b)
	if a == "" || b == "" {
		return p, ""
	}
	return a, b
}

// splitList splits a comma- or semicolon-separated list, dropping blanks.
func splitList(s string) []string {
	var out []string
	for _, v := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' }) {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

// risValue joins a value's lines, since a RIS value is one line, and drops
// control characters, which are no text.
func risValue(s string) string {
	if strings.ContainsFunc(s, unicode.IsControl) {
		s = strings.Map(func(r rune) rune {
			if unicode.IsControl(r) && !unicode.IsSpace(r) {
				return -1
			}
			return r
		}, s)
	}
	if !strings.ContainsAny(s, "\r\n\t") && !strings.Contains(s, "  ") {
		return strings.TrimSpace(s)
	}
	return strings.Join(strings.Fields(s), " ")
}

// isRISType reports whether s has the shape of a RIS type: two to eight
// capital letters or digits.
func isRISType(s string) bool {
	if len(s) < 2 || len(s) > 8 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !('A' <= s[i] && s[i] <= 'Z' || '0' <= s[i] && s[i] <= '9') {
			return false
		}
	}
	return true
}

func firstOf(vs ...string) string {
	for _, v := range vs {
		if v != "" {
			return v
		}
	}
	return ""
}
