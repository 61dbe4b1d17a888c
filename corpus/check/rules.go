package check

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/resolve"
)

// The codes of the rules that judge a resolved report: its list, the order
// of its numbers and the works it cites.
const (
	CodeDuplicateReference  = "duplicate-reference"
	CodeOutOfOrder          = "out-of-order"
	CodeIncompleteReference = "incomplete-reference"
	CodeRetracted           = "retracted"
	CodeExpressionOfConcern = "expression-of-concern"
	CodeCorrected           = "corrected"
	CodeStale               = "stale"
)

// ruleSeverity gives the default severities of the rule codes. A retracted
// finding about a notice of unknown nature or a reinstatement is milder
// than the code's severity: see findRetracted.
var ruleSeverity = map[string]corpus.Severity{
	CodeDuplicateReference:  corpus.Warning,
	CodeOutOfOrder:          corpus.Info,
	CodeIncompleteReference: corpus.Info,
	CodeRetracted:           corpus.Error,
	CodeExpressionOfConcern: corpus.Warning,
	CodeCorrected:           corpus.Info,
	CodeStale:               corpus.Info,
}

// addRule adds a finding of a rule code and returns it, so that a rule can
// make it milder (a correction notice is no retraction).
func (rep *state) addRule(code string, line int, claim, marker, msg string) *corpus.Finding {
	rep.add(code, line, claim, marker, msg)
	return &rep.Findings[len(rep.Findings)-1]
}

// refName names a list entry in a message: "reference 3", or the start of
// its text when it has no label.
func refName(e corpus.ListRef) string {
	if e.Label != "" {
		return "reference " + e.Label
	}
	return "reference " + quote(e.Text)
}

// parseList parses every list entry; a rule that needs them parsed calls
// it once.
func (rep *state) parseList() []resolve.Parsed {
	if len(rep.parsed) == len(rep.References) {
		return rep.parsed // parsed once while matching the list
	}
	ps := make([]resolve.Parsed, len(rep.References))
	for i, e := range rep.References {
		ps[i] = resolve.ParseEntry(e.Text)
	}
	return ps
}

// firstCitation is where a library reference is first cited.
type firstCitation struct {
	key   string
	claim *corpus.Claim
	link  corpus.CitationLink
}

// citedKeys returns each cited library reference once, in order of first
// citation.
func (rep *state) citedKeys() []firstCitation {
	var out []firstCitation
	seen := map[string]bool{}
	for i := range rep.Claims {
		c := &rep.Claims[i]
		for _, l := range c.Citations {
			if l.Key == nil || seen[*l.Key] {
				continue
			}
			seen[*l.Key] = true
			out = append(out, firstCitation{key: *l.Key, claim: c, link: l})
		}
	}
	return out
}

// findDuplicates reports list entries that are the same work as an earlier
// entry: both matched to one library reference, the same DOI or PubMed ID
// in their text, or the same first author, year and (nearly) the same
// title. Each copy is reported once, against the first entry of the work.
func (rep *state) findDuplicates() {
	if len(rep.References) < 2 {
		return
	}
	parsed := rep.parseList()
	byKey, byDOI, byPMID := map[string]int{}, map[string]int{}, map[string]int{}
	byAuthorYear := map[string][]int{}
	root := make([]int, len(rep.References)) // the first entry of each entry's work
	for j, e := range rep.References {
		p := parsed[j]
		first, why := -1, ""
		switch {
		case e.Key != nil && inMap(byKey, *e.Key):
			first, why = byKey[*e.Key], "both match library reference "+*e.Key
		case p.IDs.DOI != "" && inMap(byDOI, p.IDs.DOI):
			first, why = byDOI[p.IDs.DOI], "both give DOI "+p.IDs.DOI
		case p.IDs.PMID != "" && inMap(byPMID, p.IDs.PMID):
			first, why = byPMID[p.IDs.PMID], "both give PMID "+p.IDs.PMID
		}
		ay := authorYearKey(p)
		if first < 0 && ay != "" {
			for _, i := range byAuthorYear[ay] {
				if sameTitle(parsed[i], p) && !distinctRecords(rep.References[i], e, parsed[i], p) {
					first, why = root[i], "same first author, year and title"
					break
				}
			}
		}
		root[j] = j
		if first >= 0 {
			root[j] = first
			f := rep.References[first]
			rep.addRule(CodeDuplicateReference, e.Line, "", "", fmt.Sprintf(
				"%s duplicates %s (line %d): %s; list each work once so that all its citations share one entry",
				refName(e), refName(f), f.Line, why))
		}
		// A copy's identifiers lead to the first entry too, so that a third
		// copy that shares only them is reported against it.
		if e.Key != nil {
			putNew(byKey, *e.Key, root[j])
		}
		putNew(byDOI, p.IDs.DOI, root[j])
		putNew(byPMID, p.IDs.PMID, root[j])
		if ay != "" {
			byAuthorYear[ay] = append(byAuthorYear[ay], j)
		}
	}
}

func inMap(m map[string]int, k string) bool {
	_, ok := m[k]
	return ok
}

func putNew(m map[string]int, k string, i int) {
	if k != "" && !inMap(m, k) {
		m[k] = i
	}
}

// authorYearKey is a parsed entry's first author and year, or "" when it
// lacks either.
func authorYearKey(p resolve.Parsed) string {
	if len(p.Authors) == 0 || p.Year == 0 {
		return ""
	}
	a := strings.ReplaceAll(corpus.NormalizeTitle(p.Authors[0]), " ", "")
	if a == "" {
		return ""
	}
	return a + "|" + strconv.Itoa(p.Year)
}

// sameTitle reports whether two parsed titles are nearly the same: equal
// once normalised, or a few typing slips apart. One-word titles
// ("Editorial", "Reply", "Correction") say too little to tell two works
// apart and never match.
func sameTitle(a, b resolve.Parsed) bool {
	ta, tb := corpus.NormalizeTitle(a.Title), corpus.NormalizeTitle(b.Title)
	if len(strings.Fields(ta)) < 2 || len(strings.Fields(tb)) < 2 {
		return false
	}
	if ta == tb {
		return true
	}
	slips := min(len([]rune(ta)), len([]rune(tb))) / 15
	return slips > 0 && corpus.EditDistance(ta, tb, slips+1) <= slips
}

// distinctRecords reports whether two entries that look alike are known to
// be different records: different DOIs or PMIDs (a preprint and its journal
// version, parts of a series) or different library references.
func distinctRecords(a, b corpus.ListRef, pa, pb resolve.Parsed) bool {
	differ := func(x, y string) bool { return x != "" && y != "" && x != y }
	if a.Key != nil && b.Key != nil && *a.Key != *b.Key {
		return true
	}
	return differ(pa.IDs.DOI, pb.IDs.DOI) || differ(pa.IDs.PMID, pb.IDs.PMID)
}

// maxOrderFindings bounds the out-of-order findings: after the first few
// breaks the rest of a list is usually off by the same shift, and one
// more finding per marker would drown the report.
const maxOrderFindings = 3

// findOutOfOrder reports numbers first cited out of turn in an article
// whose numbered list should follow the order of first citation
// (Vancouver, AMA, IEEE): the k-th distinct number cited must be k. Only
// numbers of list entries that the text cites count: an entry never cited
// is reported as uncited-reference, a number with no entry as
// dangling-citation. A list sorted by author is taken to be numbered
// alphabetically, as some numbered styles do, and is not judged.
func (rep *state) findOutOfOrder() {
	if rep.Style != string(corpus.MarkerNumeric) {
		return
	}
	entries := map[int]bool{}
	for _, e := range rep.References {
		if n, err := strconv.Atoi(e.Label); err == nil && n > 0 {
			entries[n] = true
		}
	}
	if len(entries) < 2 || len(entries)*2 < len(rep.References) {
		return
	}
	labels := map[int]bool{} // numbers of list entries the text cites
	maxLabel := 0
	for _, c := range rep.Claims {
		for _, l := range c.Citations {
			if n, ok := citedNumber(l); ok && entries[n] {
				labels[n] = true
				maxLabel = max(maxLabel, n)
			}
		}
	}

	type brk struct {
		got, want int
		claim     *corpus.Claim
		marker    string
	}
	var breaks []brk
	seen := map[int]bool{}
	next := 1 // the smallest cited number not cited yet
	advance := func() {
		for next <= maxLabel && (seen[next] || !labels[next]) {
			next++
		}
	}
	advance()
	for ci := range rep.Claims {
		c := &rep.Claims[ci]
		links := c.Citations
		for i := 0; i < len(links); {
			// The works of one marker ("(4, 3)", "[2–5]") are first cited
			// together, so their order inside the marker does not count.
			j := i
			var fresh []int
			for ; j < len(links) && links[j].Marker == links[i].Marker; j++ {
				if n, ok := citedNumber(links[j]); ok && labels[n] && !seen[n] && !slices.Contains(fresh, n) {
					fresh = append(fresh, n)
				}
			}
			slices.Sort(fresh)
			for _, n := range fresh {
				// While one number is awaited, every later number breaks
				// the order; the first break tells the editor enough.
				if n != next && (len(breaks) == 0 || breaks[len(breaks)-1].want != next) {
					breaks = append(breaks, brk{got: n, want: next, claim: c, marker: links[i].Marker})
				}
				seen[n] = true
				advance()
			}
			i = j
		}
	}
	if len(breaks) == 0 || rep.alphabeticalList() {
		return
	}
	for i, b := range breaks[:min(len(breaks), maxOrderFindings)] {
		lb, rb := markerBrackets(b.marker)
		msg := fmt.Sprintf("%s%d%s is cited before %s%d%s; numbered styles such as Vancouver number references in order of first citation",
			lb, b.got, rb, lb, b.want, rb)
		if i == maxOrderFindings-1 && len(breaks) > maxOrderFindings {
			msg += fmt.Sprintf(" (and %d more breaks of the order further on)", len(breaks)-maxOrderFindings)
		}
		rep.addRule(CodeOutOfOrder, b.claim.Line, b.claim.ID, b.marker, msg)
	}
}

// citedNumber returns the number a numeric citation cites.
func citedNumber(l corpus.CitationLink) (int, bool) {
	if l.Kind != string(corpus.MarkerNumeric) {
		return 0, false
	}
	n, err := strconv.Atoi(l.Cites)
	return n, err == nil
}

// markerBrackets returns the brackets to write numbers in as the marker
// does: "[" and "]" for "[4]", parentheses otherwise.
func markerBrackets(marker string) (string, string) {
	if strings.HasPrefix(marker, "[") {
		return "[", "]"
	}
	return "(", ")"
}

// alphabeticalList reports whether the numbered list is sorted by first
// author, which is how alphabetically numbered styles order it. Four
// entries with authors are needed: shorter lists are sorted by chance too
// often.
func (rep *state) alphabeticalList() bool {
	type entry struct {
		n      int
		author string
	}
	var es []entry
	for i, p := range rep.parseList() {
		n, err := strconv.Atoi(rep.References[i].Label)
		if err != nil || len(p.Authors) == 0 {
			continue
		}
		es = append(es, entry{n, strings.ReplaceAll(corpus.NormalizeTitle(p.Authors[0]), " ", "")})
	}
	if len(es) < 4 {
		return false
	}
	slices.SortFunc(es, func(a, b entry) int { return a.n - b.n })
	for i := 1; i < len(es); i++ {
		if es[i].author < es[i-1].author {
			return false
		}
	}
	return true
}

// findIncomplete reports cited library references, once each where first
// cited, that lack what a reader needs to find and verify the work: an
// author (or an editor, or a corporate author), a year, a title, and any
// identifier or locator. PMCID and arXiv identifiers count as identifiers:
// they find the work as surely as a DOI.
func (rep *state) findIncomplete() {
	for _, fc := range rep.citedKeys() {
		r := rep.Reference(fc.key)
		if r == nil {
			continue
		}
		var missing []string
		if len(r.Authors) == 0 && len(r.Editors) == 0 && !hasField(r, "organization") {
			missing = append(missing, "an author")
		}
		if r.Year == 0 {
			missing = append(missing, "a year")
		}
		if strings.TrimSpace(r.Title) == "" {
			missing = append(missing, "a title")
		}
		if ids := r.IDs; ids.DOI == "" && ids.PMID == "" && ids.URL == "" && ids.ISBN == "" && ids.PMCID == "" && ids.ArXiv == "" {
			missing = append(missing, "any identifier (DOI, PMID, URL or ISBN)")
		}
		if len(missing) == 0 {
			continue
		}
		them := "it"
		if len(missing) > 1 {
			them = "them"
		}
		rep.addRule(CodeIncompleteReference, fc.claim.Line, fc.claim.ID, fc.link.Marker, fmt.Sprintf(
			"library reference %s lacks %s; without %s a reader cannot find or verify the cited work",
			fc.key, joinAnd(missing), them))
	}
}

func hasField(r *corpus.Reference, name string) bool {
	v, ok := r.Get(name)
	return ok && strings.TrimSpace(v) != ""
}

// joinAnd joins "a", "b" and "c" as "a, b and c".
func joinAnd(items []string) string {
	if len(items) < 2 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

// findRetracted reports cited works that rs lists: every entry of the
// article's list (its text's DOI or PMID, and its library reference's),
// cited or not, since the list is published with the article; then works
// cited straight from the library (keys, footnotes). A retraction is
// retracted (an error by default), an expression of concern
// expression-of-concern (a warning), a correction corrected (info); a
// notice of unknown nature is retracted at most a warning, and a
// reinstatement retracted at most info: the work stands again, but an
// editor should know its story. It returns the list entries and library
// keys it reported, so that the registries' notices (check --verify) are
// not reported twice.
func (rep *state) findRetracted(rs RetractionSource) noticed {
	done := noticed{entries: map[int]bool{}, keys: map[string]bool{}}
	if rs == nil {
		return done
	}
	if l, ok := rs.(*Retractions); ok && l.Len() == 0 {
		return done
	}
	seen := map[string]bool{}
	for i, p := range rep.parseList() {
		e := rep.References[i]
		var lib *corpus.Reference
		if e.Key != nil {
			lib = rep.Reference(*e.Key)
			seen[*e.Key] = true
		}
		r, ok := rs.Lookup(p.IDs)
		if lib != nil {
			if lr, lok := rs.Lookup(lib.IDs); lok && (!ok || supersedes(lr, r)) {
				r, ok = lr, true
			}
		}
		if !ok {
			continue
		}
		title := p.Title
		if lib != nil && lib.Title != "" {
			title = lib.Title
		}
		rep.addRetracted(r, e.Line, "", "", refName(e), title)
		done.entries[i] = true
	}
	for _, fc := range rep.citedKeys() {
		if seen[fc.key] {
			continue
		}
		lib := rep.Reference(fc.key)
		if lib == nil {
			continue
		}
		if r, ok := rs.Lookup(lib.IDs); ok {
			rep.addRetracted(r, fc.claim.Line, fc.claim.ID, fc.link.Marker, "library reference "+fc.key, lib.Title)
			done.keys[fc.key] = true
		}
	}
	return done
}

// noticed is what findRetracted reported: list entries by index, and
// library references cited with no list entry by key.
type noticed struct {
	entries map[int]bool
	keys    map[string]bool
}

func (rep *state) addRetracted(r Retraction, line int, claim, marker, name, title string) {
	if title == "" {
		title = r.Title
	}
	work := name
	if title != "" {
		work += " " + quote(title)
	}
	id := "DOI " + r.DOI
	if r.DOI == "" {
		id = "PMID " + r.PMID
	}
	when := ""
	if r.Date != "" {
		when = " on " + r.Date
	}
	where := r.where()
	var msg string
	code, ceiling := CodeRetracted, corpus.Error
	switch kindOf(r.Nature) {
	case kindRetraction:
		msg = fmt.Sprintf("%s (%s) was retracted%s (%s); a retracted work is no evidence: remove the citation or say that the work was retracted",
			work, id, when, where)
	case kindConcern:
		code = CodeExpressionOfConcern
		msg = fmt.Sprintf("%s (%s) received an expression of concern%s (%s); its findings are in doubt: read the notice before relying on them",
			work, id, when, where)
	case kindCorrection:
		code = CodeCorrected
		msg = fmt.Sprintf("%s (%s) was corrected%s (%s); check that the correction leaves what the claim relies on intact",
			work, id, when, where)
	case kindReinstatement:
		ceiling = corpus.Info
		msg = fmt.Sprintf("%s (%s) was reinstated after a retraction%s (%s); it stands, but read the notice",
			work, id, when, where)
	default:
		ceiling = corpus.Warning
		msg = fmt.Sprintf("%s (%s) is listed with a notice of nature %q%s (%s); read the notice before relying on the work",
			work, id, r.Nature, when, where)
	}
	if f := rep.addRule(code, line, claim, marker, msg); f != nil && f.Severity > ceiling {
		f.Severity = ceiling
	}
}

// findStale reports cited works older than maxAge years at now: library
// references by their year, where first cited; list entries matched to no
// library reference by the year written in them. A work is as old as its
// own year, whatever it reviews. Off when maxAge <= 0.
func (rep *state) findStale(maxAge int, now time.Time) {
	if maxAge <= 0 {
		return
	}
	limit := now.Year() - maxAge // a work of this year is exactly maxAge years old: not yet stale
	stale := func(year int) bool { return year > 0 && year < limit }
	msg := func(name string, year int) string {
		return fmt.Sprintf("%s (%d) is %d years old, more than the %d-year limit; check that newer evidence has not superseded it",
			name, year, now.Year()-year, maxAge)
	}
	// Entries are parsed only when their year is needed: parsing a long
	// list costs more than the rest of the rule.
	entryYear := func(e corpus.ListRef) int { return resolve.ParseEntry(e.Text).Year }
	for _, fc := range rep.citedKeys() {
		r := rep.Reference(fc.key)
		if r == nil {
			continue
		}
		year := r.Year
		for _, e := range rep.References {
			if year != 0 {
				break
			}
			if e.Key != nil && *e.Key == fc.key {
				year = entryYear(e)
			}
		}
		if stale(year) {
			rep.addRule(CodeStale, fc.claim.Line, fc.claim.ID, fc.link.Marker, msg("library reference "+fc.key, year))
		}
	}
	for _, e := range rep.References {
		if !e.Cited || e.Key != nil {
			continue
		}
		if year := entryYear(e); stale(year) {
			rep.addRule(CodeStale, e.Line, "", "", msg(refName(e), year))
		}
	}
}
