package verify

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/registry"
)

// agreement is what one field says when a reference and a record are
// compared: one side may not have it.
type agreement int

const (
	absent agreement = iota // one side does not say
	agree
	disagree
)

// comparison is a reference held against a record, field by field. It is
// what both the search (is this candidate the work?) and the lookup (is the
// record the work the reference says?) decide on.
type comparison struct {
	// titleSim is titleSimilarity, or -1 when a side has no title.
	titleSim float64
	author   agreement // the first author's family name
	// authorsOurs and authorsRecord are the author counts, when the
	// reference lists all its authors (no "and others").
	authorsOurs, authorsRecord int
	yearDiff                   int // |ours - record|, or -1 when a side has none
	venue                      agreement
	volume                     agreement
	page                       agreement // first page
}

// compare holds ref against rec.
func compare(ref *corpus.Reference, rec *registry.Record) comparison {
	c := comparison{titleSim: -1, yearDiff: -1}
	if ref.Title != "" && rec.Title != "" {
		c.titleSim = titleSimilarity(ref.Title, rec.Title)
	}
	if names := refNames(ref); len(names) > 0 && len(rec.Authors) > 0 {
		c.author = disagree
		if authorMatches(names[0], rec.Authors[0]) {
			c.author = agree
		}
	}
	if len(ref.Authors) > 0 && !ref.AuthorsEtAl && len(rec.Authors) > 0 {
		c.authorsOurs, c.authorsRecord = len(ref.Authors), len(rec.Authors)
	}
	if ref.Year > 0 && rec.Year > 0 {
		c.yearDiff = abs(ref.Year - rec.Year)
	}
	if v := refVenue(ref); v != "" && rec.Venue != "" {
		c.venue = disagree
		if venueCompatible(v, rec.Venue) {
			c.venue = agree
		}
	}
	if v, _ := ref.Get("volume"); v != "" && rec.Volume != "" {
		c.volume = disagree
		if sameNumber(v, rec.Volume) {
			c.volume = agree
		}
	}
	if p, _ := ref.Get("pages"); p != "" && rec.Pages != "" {
		ours, theirs := firstPage(p), firstPage(rec.Pages)
		switch {
		case ours == "" || theirs == "":
		case hasLetters(ours) != hasLetters(theirs), articleNumber(ours) != articleNumber(theirs):
			// An article number against a page number: both are right.
		case sameNumber(ours, theirs):
			c.page = agree
		default:
			c.page = disagree
		}
	}
	return c
}

// articleNumber reports whether a first page is an article number (Physical
// Review's 115204, PLOS's e1001) rather than a page: a record may give
// either, with pages counted from 1 inside the article.
func articleNumber(p string) bool {
	return len(p) >= 5 || hasLetters(p)
}

// refNames are the names the reference is cited by: its authors, or its
// editors when it has none.
func refNames(ref *corpus.Reference) []corpus.Name {
	if len(ref.Authors) > 0 {
		return ref.Authors
	}
	return ref.Editors
}

// refVenue is where the reference says the work appeared: its journal or
// book title. corpus.Reference.Venue may hold a publisher or an
// institution, which no registry calls a venue.
func refVenue(ref *corpus.Reference) string {
	for _, f := range []string{"journal", "journaltitle", "booktitle"} {
		if v, ok := ref.Get(f); ok && v != "" {
			return ref.Venue
		}
	}
	return ""
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// sameWork decides whether a search candidate is the work the reference
// means, on the measured thresholds (thresholds.go).
func (c comparison) sameWork() bool { return searchRule.accepts(c) }

// acceptRule is the search acceptance rule with its thresholds, a value so
// that the threshold study can sweep them.
type acceptRule struct {
	title, titleNoAuthor, titleVenueDiffers float64
}

var searchRule = acceptRule{SearchTitle, SearchTitleNoAuthor, SearchTitleVenueDiffers}

func (r acceptRule) accepts(c comparison) bool {
	if c.titleSim < 0 || c.author == disagree {
		return false
	}
	if c.yearDiff > MaxYearDiff {
		return false
	}
	need := r.title
	if c.author == absent {
		need = r.titleNoAuthor
	}
	if c.titleSim < need {
		return false
	}
	return c.venue != disagree || c.titleSim >= r.titleVenueDiffers
}

// wrongWork reports whether a record found by the reference's own
// identifier is clearly another work: the title and the first author both
// disagree (a real DOI pasted onto an invented reference). Without authors
// to compare, only a title with nothing in common says so.
func (c comparison) wrongWork() bool {
	if c.titleSim < 0 {
		return false
	}
	switch c.author {
	case disagree:
		return c.titleSim < WrongTitle
	case absent:
		return c.titleSim < WrongTitleNoAuthor
	}
	return false
}

// judge compares a reference with the record its identifier (or a search)
// found and returns the verdict, the differences and, for a wrong
// identifier, a message naming both works.
func judge(ref *corpus.Reference, rec *registry.Record) (Verdict, []Difference, string) {
	c := compare(ref, rec)
	if c.wrongWork() {
		return WrongIdentifier, nil, fmt.Sprintf("the identifier belongs to another work: %s, not %s",
			describeRecord(rec), describeRef(ref))
	}
	diffs := c.differences(ref, rec)
	if len(diffs) > 0 {
		return Mismatch, diffs, ""
	}
	return Verified, nil, ""
}

// differences lists the fields where ref and rec disagree.
func (c comparison) differences(ref *corpus.Reference, rec *registry.Record) []Difference {
	var out []Difference
	add := func(field, ours, record string) {
		out = append(out, Difference{Field: field, Ours: ours, Record: record})
	}
	if c.titleSim >= 0 && c.titleSim < SameTitle {
		add("title", ref.Title, rec.Title)
	}
	if c.author == disagree {
		add("author", refNames(ref)[0].Family(), recordFamily(rec.Authors[0]))
	}
	if c.authorsOurs > 0 && c.authorsOurs != c.authorsRecord && abs(c.authorsOurs-c.authorsRecord) >= MinAuthorCountDiff {
		add("authors", strconv.Itoa(c.authorsOurs)+" authors", strconv.Itoa(c.authorsRecord)+" authors")
	}
	if c.yearDiff > MaxYearDiff {
		add("year", strconv.Itoa(ref.Year), strconv.Itoa(rec.Year))
	}
	if c.venue == disagree {
		add("venue", ref.Venue, rec.Venue)
	}
	if c.volume == disagree {
		v, _ := ref.Get("volume")
		add("volume", v, rec.Volume)
	}
	if c.page == disagree {
		p, _ := ref.Get("pages")
		add("pages", p, rec.Pages)
	}
	return out
}

func recordFamily(a registry.Author) string {
	if a.Family != "" {
		return a.Family
	}
	return a.Literal
}

// describeRecord names a record in a message: “Title” (Family, Year).
func describeRecord(rec *registry.Record) string {
	var who string
	if len(rec.Authors) > 0 {
		who = recordFamily(rec.Authors[0])
		if len(rec.Authors) > 1 {
			who += " et al."
		}
	}
	return describe(rec.Title, who, rec.Year)
}

// describeRef names a reference in a message, as describeRecord does.
func describeRef(ref *corpus.Reference) string {
	return describe(ref.Title, ref.AuthorLabel(), ref.Year)
}

func describe(title, who string, year int) string {
	title = shortTitle(title, 80)
	var parts []string
	if who != "" {
		parts = append(parts, who)
	}
	if year > 0 {
		parts = append(parts, strconv.Itoa(year))
	}
	s := "“" + title + "”"
	if title == "" {
		s = "an untitled work"
	}
	if len(parts) > 0 {
		s += " (" + strings.Join(parts, ", ") + ")"
	}
	return s
}

// shortTitle cuts a title to n runes at a word boundary.
func shortTitle(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	cut := string(r[:n])
	if i := strings.LastIndexByte(cut, ' '); i > n/2 {
		cut = cut[:i]
	}
	return cut + "…"
}

// textMatches decides whether a search candidate is the work a
// reference-list entry describes in text, with nothing parsed out of it:
// the record's title words must be (nearly all) in the text, its first
// author's family name too, and its year within a year of a year in the
// text when the text has one.
func textMatches(text string, rec *registry.Record) bool {
	cov, author := textCoverage(text, rec)
	if cov < TextTitleCoverage || author == disagree {
		return false
	}
	if rec.Year == 0 {
		return true
	}
	seen, near := false, false
	for _, w := range strings.Fields(normTitle(text)) {
		if len(w) == 4 && (strings.HasPrefix(w, "19") || strings.HasPrefix(w, "20")) {
			if y, err := strconv.Atoi(w); err == nil {
				seen = true
				near = near || abs(y-rec.Year) <= MaxYearDiff
			}
		}
	}
	return !seen || near
}

// textCoverage is the share of the record's title words found in text, and
// whether the record's first author's family name is there.
func textCoverage(text string, rec *registry.Record) (float64, agreement) {
	words := strings.Fields(normTitle(text))
	title := strings.Fields(normTitle(rec.Title))
	if len(words) == 0 || len(title) == 0 {
		return 0, absent
	}
	in := make(map[string]bool, len(words))
	for _, w := range words {
		in[w] = true
	}
	found := 0
	for _, w := range title {
		if in[w] {
			found++
		}
	}
	author := absent
	if len(rec.Authors) > 0 {
		if fam := familyWords(recordFamily(rec.Authors[0])); len(fam) > 0 {
			author = disagree
			for _, w := range fam {
				if in[w] {
					author = agree
				}
			}
		}
	}
	return float64(found) / float64(len(title)), author
}
