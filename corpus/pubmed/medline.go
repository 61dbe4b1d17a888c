package pubmed

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/bibtex"
	"github.com/evident-tools/evident/corpus/ris"
	"github.com/evident-tools/evident/corpus/textfile"
)

// medlineRecord is one block of tagged lines as read.
type medlineRecord struct {
	line int
	tags []Tag
	src  []string
}

// ReadMEDLINE reads PubMed's MEDLINE text (what PubMed saves as .nbib, and
// ERIC and other databases write too): records of "XXXX- value" lines, a
// tag of up to four letters padded to four, values continued on indented
// lines, records separated by blank lines. It is tolerant of a tag written
// without spaces ("PMID-123"), of CRLF, and of lines that are not tags,
// which are skipped with a warning at their line. A record with nothing to
// cite it by (no PMID, title, author or identifier) is a Problem; the
// other records still read.
func ReadMEDLINE(name, text string) *Result {
	res := &Result{}
	var rec *medlineRecord
	junk := false // inside a run of skipped lines: warn once
	flush := func() {
		if rec != nil {
			res.addMEDLINE(name, rec)
			rec = nil
		}
	}
	warn := func(line int, s string) {
		if !junk {
			res.Warnings = append(res.Warnings, corpus.Problem{File: name, Line: line,
				Msg: fmt.Sprintf("not a MEDLINE tag line (want %q); skipped: %s", "XXXX- value", clip(s))})
		}
		junk = true
	}
	text = strings.TrimPrefix(text, "\ufeff")
	for n := 1; len(text) > 0; n++ {
		var line string
		line, text = textfile.NextLine(text)
		if strings.TrimSpace(line) == "" {
			flush()
			junk = false
			continue
		}
		tag, value, ok := parseTag(line)
		if !ok {
			if (line[0] == ' ' || line[0] == '\t') && rec != nil && len(rec.tags) > 0 && !junk {
				t := &rec.tags[len(rec.tags)-1]
				t.Value = strings.TrimSpace(t.Value + " " + strings.TrimSpace(line))
				rec.src = append(rec.src, line)
				continue
			}
			warn(n, line)
			continue
		}
		junk = false
		if rec != nil && tag == "PMID" && hasTag(rec.tags, "PMID") {
			flush() // a new record with no blank line before it
		}
		if rec == nil {
			rec = &medlineRecord{line: n}
		}
		rec.tags = append(rec.tags, Tag{Name: tag, Value: value, Line: n})
		rec.src = append(rec.src, line)
	}
	flush()
	res.Warnings = append(res.Warnings, ris.AssignKeys(name, res.Refs)...)
	return res
}

func hasTag(tags []Tag, name string) bool {
	for _, t := range tags {
		if t.Name == name {
			return true
		}
	}
	return false
}

// parseTag reads "XXXX- value": two to four capital letters or digits (the
// first a letter), spaces up to the fifth column, a hyphen, the value.
func parseTag(line string) (name, value string, ok bool) {
	i := 0
	for i < len(line) && i < 4 && (isUpper(line[i]) || i > 0 && isDigit(line[i])) {
		i++
	}
	if i < 2 {
		return "", "", false
	}
	j := i
	for j < len(line) && j < 5 && line[j] == ' ' {
		j++
	}
	if j >= len(line) || line[j] != '-' {
		return "", "", false
	}
	return line[:i], strings.TrimSpace(line[j+1:]), true
}

func isUpper(c byte) bool { return 'A' <= c && c <= 'Z' }
func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// clip shortens a line quoted in a message.
func clip(s string) string {
	s = strings.TrimSpace(s)
	if utf8.RuneCountInString(s) <= 40 {
		return s
	}
	return string([]rune(s)[:40]) + "..."
}

// SniffMEDLINE reports whether text looks like MEDLINE: a line within its
// first lines starts with "PMID-".
func SniffMEDLINE(text string) bool {
	for n := 0; n < 30 && len(text) > 0; n++ {
		var line string
		line, text = textfile.NextLine(text)
		if strings.HasPrefix(strings.TrimPrefix(line, "\ufeff"), "PMID-") {
			return true
		}
	}
	return false
}

// commentTags are the MEDLINE tags of CommentsCorrections, by the RefType
// the XML gives them.
var commentTags = map[string]string{
	"RIN": "RetractionIn", "ROF": "RetractionOf", "PRIN": "PartialRetractionIn", "PROF": "PartialRetractionOf",
	"EIN": "ErratumIn", "EFR": "ErratumFor", "ECI": "ExpressionOfConcernIn", "ECF": "ExpressionOfConcernFor",
	"UIN": "UpdateIn", "UOF": "UpdateOf", "RPI": "RepublishedIn", "RPF": "RepublishedFrom",
	"CRI": "CorrectedandRepublishedIn", "CRF": "CorrectedandRepublishedFrom",
	"CIN": "CommentIn", "CON": "CommentOn", "SPIN": "SummaryForPatientsIn", "ORI": "OriginalReportIn",
}

// addMEDLINE turns a record into an article and its reference.
func (res *Result) addMEDLINE(file string, rec *medlineRecord) {
	a := &Article{Line: rec.line}
	var full, short, fullEd, shortEd []Author
	hasFull, hasFullEd := false, false
	var urls []string
	for _, t := range rec.tags {
		v := t.Value
		if v == "" {
			continue
		}
		switch t.Name {
		case "PMID":
			a.PMID = corpus.NormalizePMID(v)
			if a.PMID == "" {
				res.Warnings = append(res.Warnings, corpus.Problem{File: file, Line: t.Line,
					Msg: fmt.Sprintf("PMID %q is not a PubMed identifier", clip(v))})
			}
		case "TI":
			a.Title = strings.TrimSpace(a.Title + " " + v)
		case "BTI":
			a.BookTitle = strings.TrimSpace(a.BookTitle + " " + v)
		case "CTI":
			a.CollectionTitle = v
		case "AB":
			a.Abstract = append(a.Abstract, Section{Text: v})
		case "FAU":
			full, hasFull = append(full, medlineName(v)), true
		case "AU":
			short = append(short, medlineName(v))
		case "CN":
			full = append(full, Author{CollectiveName: v})
			short = append(short, Author{CollectiveName: v})
		case "FED":
			fullEd, hasFullEd = append(fullEd, medlineName(v)), true
		case "ED":
			shortEd = append(shortEd, medlineName(v))
		case "DP":
			a.setDate(v)
		case "TA":
			a.JournalAbbrev = v
		case "JT":
			a.Journal = v
		case "VI":
			a.Volume = v
		case "IP":
			a.Issue = v
		case "PG":
			a.Pages = v
		case "AID", "LID":
			switch {
			case strings.HasSuffix(v, "[doi]"):
				if a.DOI == "" {
					a.DOI = corpus.NormalizeDOI(strings.TrimSuffix(v, "[doi]"))
				}
			case a.DOI == "" && corpus.NormalizeDOI(v) != "":
				a.DOI = corpus.NormalizeDOI(v)
			case strings.HasPrefix(v, "http://") || strings.HasPrefix(v, "https://"):
				urls = append(urls, v)
			default:
				a.Other = append(a.Other, t)
			}
		case "PMC":
			a.PMCID = corpus.NormalizePMCID(v)
		case "PT":
			a.PublicationTypes = append(a.PublicationTypes, v)
		case "IS", "ISSN":
			a.ISSN = appendNew(a.ISSN, issn(v))
		case "ISBN":
			a.ISBN = appendNew(a.ISBN, strings.TrimSpace(strings.TrimPrefix(v, "ISBN")))
		case "LA":
			a.Languages = append(a.Languages, v)
		case "MH", "OT":
			a.Keywords = append(a.Keywords, v)
		case "PB":
			a.Publisher = v
		default:
			if rt, ok := commentTags[t.Name]; ok {
				a.Comments = append(a.Comments, Comment{RefType: rt, PMID: commentPMID(v), Source: commentSource(v)})
				continue
			}
			a.Other = append(a.Other, t)
		}
	}
	a.Authors, a.Editors = short, shortEd
	if hasFull {
		a.Authors = full
	}
	if hasFullEd {
		a.Editors = fullEd
	}
	if a.BookTitle != "" && a.Journal == "" {
		a.Book = true
		// In a book record PL is where the publisher is; in a journal's,
		// the journal's country.
		for i, t := range a.Other {
			if t.Name == "PL" {
				a.PublisherLoc = t.Value
				a.Other = append(a.Other[:i], a.Other[i+1:]...)
				break
			}
		}
	}
	if a.PMID == "" && a.Title == "" && a.BookTitle == "" && len(a.Authors) == 0 && len(a.Editors) == 0 &&
		a.DOI == "" && a.PMCID == "" {
		res.Problems = append(res.Problems, corpus.Problem{File: file, Line: rec.line,
			Msg: "record has no PMID, title, author or identifier; skipped"})
		return
	}
	ref := build(a, file, strings.Join(rec.src, "\n"))
	if len(urls) > 0 {
		var l fieldList
		for _, u := range urls {
			l.verbatim("url", u)
		}
		ref.Fields = merge(append(ref.Fields, l.fs...))
		bibtex.Derive(ref)
	}
	res.Articles = append(res.Articles, a)
	res.Refs = append(res.Refs, ref)
}

// medlineName reads "Long, Vicky" (FAU), "Long V" (AU), "Smith, Tom, Jr".
func medlineName(v string) Author {
	if last, rest, ok := strings.Cut(v, ","); ok {
		first, suffix, _ := strings.Cut(rest, ",")
		return Author{LastName: strings.TrimSpace(last), ForeName: strings.TrimSpace(first), Suffix: strings.TrimSpace(suffix)}
	}
	f := strings.Fields(v)
	if len(f) >= 2 && isInitials(f[len(f)-1]) {
		return Author{LastName: strings.Join(f[:len(f)-1], " "), Initials: f[len(f)-1]}
	}
	return Author{LastName: v}
}

// isInitials reports whether w is MEDLINE initials: up to four capitals.
func isInitials(w string) bool {
	if len(w) > 4 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if !isUpper(w[i]) {
			return false
		}
	}
	return true
}

// setDate reads a DP value: "2009", "2009 Jan", "2016 Apr 19"; anything
// else ("2009 Dec-2010 Jan", "2009 Spring") is kept as MedlineDate.
func (a *Article) setDate(v string) {
	f := strings.Fields(v)
	if len(f) == 0 || len(f[0]) != 4 || corpus.ParseYear(f[0]) == 0 || len(f) > 3 {
		a.MedlineDate = v
		return
	}
	m := 0
	if len(f) > 1 {
		if m = monthAbbrev(f[1]); m == 0 {
			a.MedlineDate = v
			return
		}
	}
	d := 0
	if len(f) > 2 {
		n, err := strconv.Atoi(f[2])
		if err != nil || n < 1 || n > 31 {
			a.MedlineDate = v
			return
		}
		d = n
	}
	a.Year, a.Month, a.Day = f[0], m, d
}

// monthAbbrev reads PubMed's English month: "Jan", "01".
func monthAbbrev(s string) int {
	if n, err := strconv.Atoi(s); err == nil {
		if n >= 1 && n <= 12 {
			return n
		}
		return 0
	}
	for i, m := range monthMacros {
		if strings.EqualFold(s, m) {
			return i + 1
		}
	}
	return 0
}

// issn reads "0955-2359 (Print)" or ERIC's "ISSN-1234-4567".
func issn(v string) string {
	v = strings.TrimSpace(strings.TrimPrefix(v, "ISSN-"))
	if i := strings.Index(v, " ("); i > 0 {
		v = v[:i]
	}
	return strings.TrimSpace(v)
}

func appendNew(list []string, v string) []string {
	if v == "" {
		return list
	}
	for _, s := range list {
		if s == v {
			return list
		}
	}
	return append(list, v)
}

// commentPMID finds the "PMID: 123" a comment line ends with.
func commentPMID(v string) string {
	if i := strings.LastIndex(v, "PMID:"); i >= 0 {
		return corpus.NormalizePMID(v[i:])
	}
	return ""
}

func commentSource(v string) string {
	if i := strings.LastIndex(v, "PMID:"); i >= 0 {
		v = v[:i]
	}
	return strings.TrimSpace(v)
}
