package check

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/textfile"
)

// Retraction is one row of a retraction list: a work, and the notice that
// retracted, corrected or questioned it.
type Retraction struct {
	DOI  string `json:"doi,omitempty"`  // of the original work, normalised
	PMID string `json:"pmid,omitempty"` // of the original work
	// Date is the notice's date, as YYYY-MM-DD when it could be read and
	// as written otherwise; empty when the list gives none.
	Date string `json:"date,omitempty"`
	// Nature is the kind of notice as the list writes it: Retraction Watch
	// uses "Retraction", "Expression of concern", "Correction" and
	// "Reinstatement". It is empty in lists that only name works, and such
	// rows count as retractions.
	Nature string `json:"nature,omitempty"`
	Title  string `json:"title,omitempty"`
	Line   int    `json:"line"` // where the row starts in its file
	// RecordID is the row's Record ID in the Retraction Watch database.
	RecordID string `json:"record_id,omitempty"`
	// NoticeDOI and NoticePMID identify the notice itself (RetractionDOI,
	// RetractionPubMedID): never the work's identifiers.
	NoticeDOI  string `json:"notice_doi,omitempty"`
	NoticePMID string `json:"notice_pmid,omitempty"`
	// Reasons are the database's reasons, without the "+" it writes
	// before each ("Paper Mill", "Concerns/Issues About Data").
	Reasons []string `json:"reasons,omitempty"`
	// Source names where the row was read, for messages: the file name
	// for a list loaded from a file (with Line), or a description of the
	// library's database ('retractions update').
	Source string `json:"source,omitempty"`
}

// Kind returns the kind of notice the row is, in the words reports use:
// "retraction", "correction", "expression-of-concern", "reinstatement",
// or "" for a nature this code does not know.
func (r Retraction) Kind() string {
	switch kindOf(r.Nature) {
	case kindRetraction:
		return "retraction"
	case kindCorrection:
		return "correction"
	case kindConcern:
		return "expression-of-concern"
	case kindReinstatement:
		return "reinstatement"
	}
	return ""
}

// where names the row in a message: "retractions.csv:3", or "Retraction
// Watch record 56416 (the library's retraction database)".
func (r Retraction) where() string {
	switch {
	case r.Line > 0:
		return fmt.Sprintf("%s:%d", r.Source, r.Line)
	case r.RecordID != "":
		return "Retraction Watch record " + r.RecordID + " in " + r.Source
	}
	return r.Source
}

// RetractionSource answers which notice about a work prevails in a
// retraction database: a list loaded from a file (*Retractions, for
// --retractions FILE) or the library's database ('retractions update').
type RetractionSource interface {
	Lookup(ids corpus.Identifiers) (Retraction, bool)
}

// Prevailing returns the notice that prevails among notices about one
// work, by the rules Retractions.Lookup applies; false when there are none.
func Prevailing(notices []Retraction) (Retraction, bool) {
	best := -1
	for i := range notices {
		if best < 0 || supersedes(notices[i], notices[best]) {
			best = i
		}
	}
	if best < 0 {
		return Retraction{}, false
	}
	return notices[best], true
}

// Sources consults several retraction databases as one: the notice that
// prevails over all of them.
type Sources []RetractionSource

// Lookup returns the prevailing notice about the work with ids in any of
// the sources.
func (ss Sources) Lookup(ids corpus.Identifiers) (Retraction, bool) {
	var found []Retraction
	for _, s := range ss {
		if s == nil {
			continue
		}
		if r, ok := s.Lookup(ids); ok {
			found = append(found, r)
		}
	}
	return Prevailing(found)
}

// Retractions is a retraction list, as the Retraction Watch database
// publishes it (CSV), indexed by DOI and PubMed ID.
type Retractions struct {
	name   string
	rows   []Retraction
	byDOI  map[string]int // index into rows of the row that prevails for the DOI
	byPMID map[string]int
	// Warnings say how the file was read when it was not plain UTF-8.
	Warnings []corpus.Problem
	// Skipped counts the rows that named the work by neither DOI nor
	// PubMed ID.
	Skipped int
}

// Rows returns every row that names a work, in file order, with all the
// notices of a work (not only the one that prevails).
func (rs *Retractions) Rows() []Retraction {
	if rs == nil {
		return nil
	}
	return rs.rows
}

// Len returns the number of rows that name a work by DOI or PubMed ID.
func (rs *Retractions) Len() int {
	if rs == nil {
		return 0
	}
	return len(rs.rows)
}

// Name returns the name the list was loaded under, for messages.
func (rs *Retractions) Name() string { return rs.name }

// Lookup returns the notice about the work with ids, by DOI or PubMed ID.
// When a work has several notices (Wakefield et al. 1998 was corrected in
// 2004 and retracted in 2010) the gravest prevails, except that a
// reinstatement prevails over the retraction it undid.
func (rs *Retractions) Lookup(ids corpus.Identifiers) (Retraction, bool) {
	if rs == nil {
		return Retraction{}, false
	}
	best := -1
	consider := func(i int, ok bool) {
		if ok && (best < 0 || supersedes(rs.rows[i], rs.rows[best])) {
			best = i
		}
	}
	if ids.DOI != "" {
		i, ok := rs.byDOI[ids.DOI]
		consider(i, ok)
	}
	if ids.PMID != "" {
		i, ok := rs.byPMID[ids.PMID]
		consider(i, ok)
	}
	if best < 0 {
		return Retraction{}, false
	}
	return rs.rows[best], true
}

// The columns LoadRetractions reads, by normalised header name, the
// Retraction Watch name first. RetractionDOI and RetractionPubMedID name
// the notice, not the retracted work, and must never be read as the work's.
var (
	doiColumns    = []string{"originalpaperdoi", "doi"}
	pmidColumns   = []string{"originalpaperpubmedid", "originalpaperpmid", "pubmedid", "pmid"}
	dateColumns   = []string{"retractiondate", "date"}
	natureColumns = []string{"retractionnature", "nature"}
	titleColumns  = []string{"title", "originalpapertitle"}
	recordColumns = []string{"recordid"}
	// The notice's own identifiers, kept to name the notice.
	noticeDOIColumns  = []string{"retractiondoi"}
	noticePMIDColumns = []string{"retractionpubmedid"}
	reasonColumns     = []string{"reason", "reasons"}
)

// LoadRetractions reads a retraction list: CSV with a header row. It reads
// the Retraction Watch columns (OriginalPaperDOI, OriginalPaperPubMedID,
// RetractionDate, RetractionNature, Title) and simple lists with a DOI
// and/or a PubMed ID (or PMID) column, matched ignoring case, spaces and
// punctuation; either identifier column alone suffices. A file saved with
// semicolons or tabs instead of commas is read too. Identifiers are
// normalised; empty ones, "unavailable" and "0" (Retraction Watch's word
// for a missing PubMed ID) are skipped, and so are rows left with neither.
// PubMed IDs written as numbers with a fraction ("37476288.0", as the
// database's export writes them) read as their digits. Dates written
// M/D/YYYY, as Retraction Watch does, become YYYY-MM-DD. The Record ID,
// the notice's own DOI and PubMed ID and the reasons (a ";"-list with a
// trailing ";", each reason prefixed "+") are kept. Errors name the file
// and line.
func LoadRetractions(r io.Reader, name string) (*Retractions, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	// Decoded as every input file is: byte order marks, UTF-16, a CSV saved
	// by Excel in Windows-1252, a NUL byte that makes it binary.
	text, warns, err := textfile.Decode(name, data)
	if err != nil {
		return nil, fmt.Errorf("%w; want CSV", err)
	}
	br := bufio.NewReaderSize(strings.NewReader(text), 8192)
	cr := csv.NewReader(br)
	cr.Comma = sniffSeparator(br)
	cr.FieldsPerRecord = -1 // exports drift: a trailing comma, a short last row
	cr.LazyQuotes = true    // a stray quote inside a title must not lose the file
	cr.ReuseRecord = true

	header, err := cr.Read()
	if err == io.EOF {
		return nil, fmt.Errorf("%s:1: empty file; want a CSV header row with a DOI or PubMed ID column", name)
	}
	if err != nil {
		return nil, csvError(name, err)
	}
	col := columnFinder(header)
	doiCol, pmidCol := col(doiColumns), col(pmidColumns)
	if doiCol < 0 && pmidCol < 0 {
		return nil, fmt.Errorf("%s:1: no DOI or PubMed ID column (found: %s)", name, listColumns(header))
	}
	dateCol, natureCol, titleCol := col(dateColumns), col(natureColumns), col(titleColumns)
	recordCol, reasonCol := col(recordColumns), col(reasonColumns)
	noticeDOICol, noticePMIDCol := col(noticeDOIColumns), col(noticePMIDColumns)

	rs := &Retractions{name: name, byDOI: map[string]int{}, byPMID: map[string]int{}, Warnings: warns}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, csvError(name, err)
		}
		line, _ := cr.FieldPos(0)
		field := func(i int) string {
			if i < 0 || i >= len(rec) {
				return ""
			}
			// A field shares its memory with the whole record: clone
			// what is kept, or a 50 MB database stays in memory.
			return strings.Clone(strings.TrimSpace(rec[i]))
		}
		row := Retraction{
			// The normalisers return "" for the placeholders exports
			// write for a missing identifier: "unavailable", "0", "n/a".
			DOI:        corpus.NormalizeDOI(field(doiCol)),
			PMID:       corpus.NormalizePMID(wholeNumber(field(pmidCol))),
			Date:       noticeDate(field(dateCol)),
			Nature:     field(natureCol),
			Title:      field(titleCol),
			Line:       line,
			RecordID:   field(recordCol),
			NoticeDOI:  corpus.NormalizeDOI(field(noticeDOICol)),
			NoticePMID: corpus.NormalizePMID(wholeNumber(field(noticePMIDCol))),
			Reasons:    reasons(field(reasonCol)),
			Source:     name,
		}
		if row.DOI == "" && row.PMID == "" {
			rs.Skipped++
			continue
		}
		rs.add(row)
	}
	return rs, nil
}

func (rs *Retractions) add(row Retraction) {
	i := len(rs.rows)
	rs.rows = append(rs.rows, row)
	index := func(m map[string]int, id string) {
		if id == "" {
			return
		}
		if j, ok := m[id]; ok && !supersedes(row, rs.rows[j]) {
			return
		}
		m[id] = i
	}
	index(rs.byDOI, row.DOI)
	index(rs.byPMID, row.PMID)
}

// wholeNumber returns "37476288" for "37476288.0": the database's export
// writes PubMed IDs as floating-point numbers. Anything else is returned
// as it is.
func wholeNumber(s string) string {
	digits, frac, ok := strings.Cut(s, ".")
	if !ok || digits == "" || strings.Trim(frac, "0") != "" {
		return s
	}
	for _, r := range digits {
		if r < '0' || r > '9' {
			return s
		}
	}
	return digits
}

// reasons splits the database's reasons, "+Paper Mill;+Unreliable
// Results;", into ["Paper Mill", "Unreliable Results"].
func reasons(s string) []string {
	var out []string
	for _, r := range strings.Split(s, ";") {
		r = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(r), "+"))
		if r != "" {
			out = append(out, r)
		}
	}
	return out
}

// csvError turns a CSV error into "name:line: what".
func csvError(name string, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s:%d: %w", name, pe.Line, pe.Err)
	}
	return fmt.Errorf("%s: %w", name, err)
}

// sniffSeparator guesses the separator from the header line: a comma unless
// the line holds none and does hold semicolons or tabs, as spreadsheets
// save CSV in some locales.
func sniffSeparator(br *bufio.Reader) rune {
	head, _ := br.Peek(br.Size())
	if i := bytes.IndexByte(head, '\n'); i >= 0 {
		head = head[:i]
	}
	switch {
	case bytes.IndexByte(head, ',') >= 0:
		return ','
	case bytes.IndexByte(head, '\t') >= 0:
		return '\t'
	case bytes.IndexByte(head, ';') >= 0:
		return ';'
	}
	return ','
}

// columnFinder returns a function giving the index of the first of the
// wanted columns the header has, or -1.
func columnFinder(header []string) func(want []string) int {
	at := map[string]int{}
	for i, h := range header {
		k := headerKey(h)
		if _, dup := at[k]; !dup {
			at[k] = i
		}
	}
	return func(want []string) int {
		for _, w := range want {
			if i, ok := at[w]; ok {
				return i
			}
		}
		return -1
	}
}

// headerKey is a header name lower-cased with everything but letters and
// digits dropped: "Original Paper DOI" and "OriginalPaperDOI" agree.
func headerKey(h string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(h) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// listColumns names a header's columns for an error message, shortened
// when the header is long.
func listColumns(header []string) string {
	const max = 12
	names := make([]string, 0, min(len(header), max))
	for _, h := range header[:min(len(header), max)] {
		names = append(names, printable(strings.TrimSpace(h), 40))
	}
	s := strings.Join(names, ", ")
	if len(header) > max {
		s += fmt.Sprintf(", … (%d columns)", len(header))
	}
	return s
}

// printable returns s for an error message: at most n characters, with
// control characters and invalid bytes, which a terminal might act on,
// shown as U+FFFD.
func printable(s string, n int) string {
	var b strings.Builder
	count := 0
	for _, r := range strings.ToValidUTF8(s, "\uFFFD") {
		if count == n {
			b.WriteString("…")
			break
		}
		if !unicode.IsGraphic(r) {
			r = utf8.RuneError
		}
		b.WriteRune(r)
		count++
	}
	return b.String()
}

// noticeLayouts are the date forms retraction lists use: Retraction Watch
// writes M/D/YYYY with a time ("2/6/2010 0:00"); other lists ISO dates.
var noticeLayouts = []string{
	"2006-01-02", "1/2/2006 15:04", "1/2/2006 15:04:05", "1/2/2006",
	"2006/01/02", time.RFC3339, "2006-01-02 15:04:05", "2006-01-02T15:04:05",
}

// noticeDate returns a notice date as YYYY-MM-DD, or as written when it is
// in no known form.
func noticeDate(s string) string {
	for _, layout := range noticeLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Format("2006-01-02")
		}
	}
	return s
}

// noticeKind orders the natures of notices from the mildest to the gravest.
type noticeKind int

const (
	kindReinstatement noticeKind = iota
	kindCorrection
	kindOther // a nature this code does not know
	kindConcern
	kindRetraction
)

func kindOf(nature string) noticeKind {
	n := strings.ToLower(nature)
	switch {
	case n == "", strings.Contains(n, "retract"), strings.Contains(n, "withdraw"):
		return kindRetraction
	case strings.Contains(n, "reinstat"):
		return kindReinstatement
	case strings.Contains(n, "concern"):
		return kindConcern
	case strings.Contains(n, "correct"), strings.Contains(n, "erratum"), strings.Contains(n, "corrigend"):
		return kindCorrection
	}
	return kindOther
}

// supersedes reports whether notice a prevails over notice b about the same
// work. A reinstatement undoes a retraction unless the retraction is known
// to be later; otherwise the graver notice prevails, and between equals
// the later one.
func supersedes(a, b Retraction) bool {
	ka, kb := kindOf(a.Nature), kindOf(b.Nature)
	later := isoDate(a.Date) && isoDate(b.Date) && a.Date > b.Date
	switch {
	case ka == kindReinstatement && kb == kindRetraction:
		return !(isoDate(a.Date) && isoDate(b.Date) && a.Date < b.Date)
	case ka == kindRetraction && kb == kindReinstatement:
		return later
	case ka != kb:
		return ka > kb
	}
	return later
}

func isoDate(s string) bool {
	_, err := time.Parse("2006-01-02", s)
	return err == nil
}
