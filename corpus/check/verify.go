package check

import (
	"fmt"
	"strings"

	"github.com/evident-tools/evident/corpus"
)

// The codes of the findings of 'check --verify', from what the scholarly
// registries say of the cited works. identifier-mismatch, retracted,
// expression-of-concern and corrected are shared with the library's and
// the retraction database's checks.
const (
	CodeNotFound           = "not-found"
	CodeMetadataMismatch   = "metadata-mismatch"
	CodePreprintSuperseded = "preprint-superseded"
	// CodeUnverified: no registry could be asked. Info, so that an
	// unknown verdict changes the exit status only under --fail-on info.
	CodeUnverified = "unverified"
)

var verifySeverity = map[string]corpus.Severity{
	CodeNotFound:           corpus.Warning,
	CodeMetadataMismatch:   corpus.Warning,
	CodePreprintSuperseded: corpus.Info,
	CodeUnverified:         corpus.Info,
}

// Work is one cited work to verify: a library reference (Key and Ref), the
// text of a list entry that matched none (Text), or the identifiers of a
// linked source (IDs).
type Work struct {
	Key  string
	Ref  *corpus.Reference
	Text string
	IDs  corpus.Identifiers
}

// VerifyFunc verifies works against the scholarly record and returns one
// verification per work, in order; nil for a work it could not judge at
// all. check calls it once per article, after resolving and judging, and
// never asks the network itself.
type VerifyFunc func(works []Work) []*corpus.Verification

// verify verifies the article's list entries, linked sources and the
// library references it cites with no list entry, keeps each verification
// in the report and adds the findings. Notices about works that the
// retraction database reported already (done) are not reported again.
func (rep *state) verify(fn VerifyFunc, done noticed) {
	type place struct {
		entry  int // index into References, or -1
		link   int // index into LinkSources, or -1
		cited  *firstCitation
		name   string
		title  string
		line   int
		claim  string
		marker string
	}
	var works []Work
	var places []place
	inList := map[string]bool{}
	parsed := rep.parseList()
	for i, e := range rep.References {
		p := place{entry: i, link: -1, name: refName(e), line: e.Line, title: parsed[i].Title}
		if e.Key != nil {
			if lib := rep.Reference(*e.Key); lib != nil {
				inList[lib.Key] = true
				p.title = lib.Title
				works = append(works, Work{Key: lib.Key, Ref: lib})
				places = append(places, p)
				continue
			}
		}
		works = append(works, Work{Text: e.Text})
		places = append(places, p)
	}
	for i, l := range rep.LinkSources {
		ids, ok := corpus.LinkIdentifiers(l.URL)
		if !ok || (ids.DOI == "" && ids.PMID == "" && ids.PMCID == "" && ids.ArXiv == "") {
			continue // a page with no identifier a registry knows
		}
		name := "linked source " + l.Label
		if l.Label == "" {
			name = "linked source " + l.URL
		}
		works = append(works, Work{IDs: corpus.Identifiers{DOI: ids.DOI, PMID: ids.PMID, PMCID: ids.PMCID, ArXiv: ids.ArXiv}})
		places = append(places, place{entry: -1, link: i, name: name, line: l.Line, title: l.Text})
	}
	for _, fc := range rep.citedKeys() {
		lib := rep.Reference(fc.key)
		if lib == nil || inList[fc.key] {
			continue
		}
		fc := fc
		works = append(works, Work{Key: lib.Key, Ref: lib})
		places = append(places, place{entry: -1, link: -1, cited: &fc, name: "library reference " + fc.key,
			title: lib.Title, line: fc.claim.Line, claim: fc.claim.ID, marker: fc.link.Marker})
	}
	if len(works) == 0 {
		return
	}
	results := fn(works)
	for i, p := range places {
		if i >= len(results) || results[i] == nil {
			continue
		}
		v := results[i]
		switch {
		case p.entry >= 0:
			rep.References[p.entry].Verification = v
		case p.link >= 0:
			rep.LinkSources[p.link].Verification = v
		default:
			rep.Verifications = append(rep.Verifications, *v)
		}
		reported := p.entry >= 0 && done.entries[p.entry] || p.cited != nil && done.keys[p.cited.key]
		rep.verificationFindings(v, p.name, p.title, p.line, p.claim, p.marker, reported)
	}
}

// verificationFindings adds the findings of one verification.
func (rep *state) verificationFindings(v *corpus.Verification, name, title string, line int, claim, marker string, noticed bool) {
	work := name
	if title != "" {
		work += " " + quote(title)
	}
	from := "the registries"
	if v.Record != nil && v.Record.Registry != "" {
		from = v.Record.Registry
	}
	switch v.Verdict {
	case corpus.VerdictNotFound:
		rep.add(CodeNotFound, line, claim, marker, fmt.Sprintf("%s was found in no registry: %s", work, orDefault(v.Message,
			"no record and no search match; books, theses, reports and journals outside English are often not indexed: check it by hand")))
	case corpus.VerdictMismatch:
		rep.add(CodeMetadataMismatch, line, claim, marker, fmt.Sprintf("%s differs from its record in %s (%s): %s",
			work, from, recordID(v.Record), differences(v.Differences)))
	case corpus.VerdictWrongIdentifier:
		rep.add(CodeIdentifierMismatch, line, claim, marker, fmt.Sprintf(
			"%s: its identifier belongs to another work in %s, %s%s; the reference may name the wrong DOI or PMID",
			work, from, quote(recordTitle(v.Record)), differenceNote(v.Differences)))
	case corpus.VerdictUnknown:
		rep.add(CodeUnverified, line, claim, marker, fmt.Sprintf("%s could not be verified: %s",
			work, orDefault(v.Message, "no registry could be asked")))
	}
	if v.Record != nil && v.Record.PublishedAs != "" {
		rep.add(CodePreprintSuperseded, line, claim, marker, fmt.Sprintf(
			"%s is a preprint that was later published (DOI %s); cite the published version", work, v.Record.PublishedAs))
	}
	if noticed {
		return
	}
	for _, u := range prevailingUpdates(v.Updates) {
		rep.addRetracted(noticeOf(u), line, claim, marker, name, title)
	}
}

// prevailingUpdates returns the notice that prevails among a work's
// updates, as for a retraction database, or none.
func prevailingUpdates(us []corpus.VerifyNotice) []corpus.VerifyNotice {
	rows := make([]Retraction, len(us))
	for i, u := range us {
		rows[i] = noticeOf(u)
	}
	r, ok := Prevailing(rows)
	if !ok {
		return nil
	}
	for _, u := range us {
		if noticeOf(u).Nature == r.Nature && u.Date == r.Date && u.DOI == r.NoticeDOI {
			return []corpus.VerifyNotice{u}
		}
	}
	return nil
}

// noticeOf reads a registry's notice as a row of a retraction database, so
// that one rule judges both.
func noticeOf(u corpus.VerifyNotice) Retraction {
	nature := map[string]string{
		"retraction": "Retraction", "withdrawal": "Withdrawal", "correction": "Correction",
		"expression-of-concern": "Expression of concern", "reinstatement": "Reinstatement",
	}[u.Type]
	if nature == "" {
		nature = u.Type
	}
	src := u.Source
	if src == "" {
		src = "a registry"
	}
	r := Retraction{Nature: nature, Date: u.Date, NoticeDOI: u.DOI, Source: "notice reported by " + src}
	if u.DOI != "" {
		r.Source += ", DOI " + u.DOI
	}
	return r
}

func orDefault(s, def string) string {
	if strings.TrimSpace(s) == "" {
		return def
	}
	return s
}

func recordID(r *corpus.VerifiedRecord) string {
	switch {
	case r == nil:
		return "no identifier"
	case r.DOI != "":
		return "DOI " + r.DOI
	case r.PMID != "":
		return "PMID " + r.PMID
	}
	return r.URL
}

func recordTitle(r *corpus.VerifiedRecord) string {
	if r == nil || r.Title == "" {
		return "untitled"
	}
	return r.Title
}

// differences lists differing fields: `title “ours” ≠ “theirs”; year 2019 ≠ 2021`.
func differences(ds []corpus.VerifyDifference) string {
	if len(ds) == 0 {
		return "fields differ"
	}
	parts := make([]string, len(ds))
	for i, d := range ds {
		parts[i] = fmt.Sprintf("%s %s in the reference, %s in the record", d.Field, quote(d.Ours), quote(d.Record))
	}
	return strings.Join(parts, "; ")
}

func differenceNote(ds []corpus.VerifyDifference) string {
	if len(ds) == 0 {
		return ""
	}
	return " (" + differences(ds) + ")"
}
