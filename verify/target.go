package verify

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/registry"
)

// notIndexed is what a not-found verdict says, so that no editor reads it
// as proof that a work does not exist.
const notIndexed = "books, theses, reports and journals outside English are often not indexed: check it by hand"

// verifyOne verifies one target. Its only error is the context's.
func (v *Verifier) verifyOne(ctx context.Context, t Target) (Result, error) {
	res := Result{Key: t.Key, Updates: []registry.Update{}, Differences: []Difference{}}
	ids := t.IDs
	var notes []string
	if t.Ref != nil {
		ids = mergeIDs(t.Ref.IDs, t.IDs)
		notes = append(notes, malformedIDs(t.Ref)...)
	}

	// By identifier, the most specific first; the first record found is
	// the one judged.
	var (
		found     *answer
		byID      registry.ID
		missing   []registry.ID // authoritative "no such record"
		couldNot  []string      // registries that could not be asked, and why
		askedByID bool
	)
	for _, id := range registry.IDs(ids) {
		a, err := v.resolve(ctx, id)
		switch {
		case err == nil:
			found, byID = &a, id
		case ctx.Err() != nil:
			return res, ctx.Err()
		case errors.Is(err, registry.ErrNotFound):
			missing = append(missing, id)
		case errors.Is(err, registry.ErrNotSupported):
			continue
		default:
			couldNot = append(couldNot, err.Error())
		}
		askedByID = true
		if found != nil {
			break
		}
	}

	if found != nil {
		v.judgeFound(ctx, &res, t, found, byID)
		if len(missing) > 0 {
			notes = append(notes, fmt.Sprintf("no record for %s", idList(missing)))
		}
	} else {
		searched, err := v.byText(ctx, &res, t, missing)
		if err != nil {
			return res, err
		}
		if !searched.found {
			couldNot = append(couldNot, searched.couldNot...)
			switch {
			case len(couldNot) > 0:
				res.Verdict = Unknown
				notes = append([]string{"could not ask: " + strings.Join(uniq(couldNot), "; ")}, notes...)
			case len(missing) > 0 || searched.asked:
				res.Verdict = NotFound
				what := "no search match"
				if len(missing) > 0 {
					what = "no record for " + idList(missing)
					if searched.asked {
						what += " and no search match"
					}
				} else if !askedByID && t.Ref != nil && t.Ref.Title == "" {
					what = "nothing to search by"
				}
				notes = append([]string{what + "; " + notIndexed}, notes...)
			case searched.searchable && !searched.tried:
				res.Verdict = Unknown
				notes = append([]string{"no identifier, and no registry here searches by text"}, notes...)
			default:
				res.Verdict = Unknown
				notes = append([]string{"nothing to look up: no identifier and no title"}, notes...)
			}
		}
	}
	if res.Record != nil {
		res.Updates = v.updates(ctx, res.Record, ids)
		// Cached for the evidence stage (CachedRecords), not judged.
		v.FullText(ctx, ids, res.Record)
		if res.Record.PublishedAs != "" {
			notes = append(notes, "a preprint, published since as DOI "+res.Record.PublishedAs)
		}
	}
	res.Message = joinNotes(res.Message, notes)
	return res, nil
}

// judgeFound sets the verdict of a target whose identifier found a record.
func (v *Verifier) judgeFound(ctx context.Context, res *Result, t Target, a *answer, id registry.ID) {
	res.Record = a.rec
	if a.stale {
		res.Message = joinNotes(res.Message, []string{fmt.Sprintf("retraction status as of %s: %s",
			a.fetched.Format("2006-01-02"), a.why)})
	}
	switch {
	case t.Ref != nil:
		verdict, diffs, msg := judge(t.Ref, a.rec)
		res.Verdict, res.Message = verdict, joinNotes(msg, []string{res.Message})
		if diffs != nil {
			res.Differences = diffs
		}
		if verdict == WrongIdentifier {
			res.Message = strings.Replace(res.Message, "the identifier", "the "+id.Label(), 1)
		}
	case t.Text != "":
		cov, author := textCoverage(t.Text, a.rec)
		switch {
		case cov >= TextTitleCoverage && author != disagree:
			res.Verdict = Verified
		case cov < WrongTitle && author == disagree:
			res.Verdict = WrongIdentifier
			res.Message = joinNotes(fmt.Sprintf("the %s belongs to another work: %s, not “%s”",
				id.Label(), describeRecord(a.rec), shortTitle(t.Text, 80)), []string{res.Message})
		default:
			res.Verdict = Mismatch
			res.Differences = []Difference{{Field: "title", Ours: shortTitle(t.Text, 200), Record: a.rec.Title}}
		}
	default:
		// A link's identifiers: nothing to compare but existence.
		res.Verdict = Verified
	}
}

// searchOutcome says what searching by text did.
type searchOutcome struct {
	asked bool // a registry answered the search
	tried bool // a registry that searches was asked
	// searchable: the target has something to search by.
	searchable bool
	found      bool     // a candidate was accepted
	couldNot   []string // registries that could not be asked
}

// byText searches for a target with no usable identifier (or whose
// identifiers are not registered): Crossref with the whole reference,
// then PubMed. A candidate is accepted only on the measured thresholds.
func (v *Verifier) byText(ctx context.Context, res *Result, t Target, missing []registry.ID) (searchOutcome, error) {
	var out searchOutcome
	q := t.Text
	if t.Ref != nil {
		if t.Ref.Title == "" {
			return out, nil
		}
		q = Bibliographic(t.Ref)
	}
	if strings.TrimSpace(q) == "" {
		return out, nil
	}
	out.searchable = true
	for _, reg := range []registry.Registry{v.Crossref, v.PubMed} {
		cands, err := v.search(ctx, reg, q)
		switch {
		case err == nil:
			out.asked = true
		case ctx.Err() != nil:
			return out, ctx.Err()
		case errors.Is(err, registry.ErrNotSupported):
			continue
		default:
			out.tried = true
			out.couldNot = append(out.couldNot, err.Error())
			continue
		}
		out.tried = true
		for i := range cands {
			c := &cands[i]
			if !accepts(t, c) {
				continue
			}
			out.found = true
			res.Record = c
			if t.Ref != nil {
				verdict, diffs, _ := judge(t.Ref, c)
				res.Verdict = verdict
				if diffs != nil {
					res.Differences = diffs
				}
			} else {
				res.Verdict = Verified
			}
			// An identifier no registry knows, on a work that exists: the
			// identifier is what is wrong.
			for _, id := range missing {
				if id.Kind == registry.DOI && c.DOI != "" {
					res.Verdict = Mismatch
					res.Differences = append(res.Differences, Difference{Field: "doi", Ours: id.Value, Record: c.DOI})
				}
				if id.Kind == registry.PMID && c.PMID != "" {
					res.Verdict = Mismatch
					res.Differences = append(res.Differences, Difference{Field: "pmid", Ours: id.Value, Record: c.PMID})
				}
			}
			res.Message = "found by searching " + c.Registry
			if c.Registry == "" {
				res.Message = "found by searching " + reg.Name()
			}
			return out, nil
		}
	}
	return out, nil
}

// accepts decides whether a search candidate is the target's work.
func accepts(t Target, c *registry.Record) bool {
	if t.Ref != nil {
		return compare(t.Ref, c).sameWork()
	}
	return textMatches(t.Text, c)
}

// updates gathers the notices about a work: the record's own (Crossref's
// updated-by, PubMed's CommentsCorrections), OpenAlex's is_retracted for a
// DOI of another agency than Crossref (whose records carry no notices), and
// the local Retraction Watch database, de-duplicated by type and notice DOI.
func (v *Verifier) updates(ctx context.Context, rec *registry.Record, ids corpus.Identifiers) []registry.Update {
	all := append([]registry.Update(nil), rec.Updates...)
	retracted := rec.Retracted
	if rec.Registry == "doi.org" && rec.DOI != "" && v.OpenAlex != nil {
		// OpenAlex is asked only here: for a Crossref DOI it repeats what
		// Crossref's updated-by and Retraction Watch say, at the price of
		// a second request per reference; for DataCite, mEDRA or JaLC DOIs
		// it is the only registry that flags a retraction.
		if a, err := v.lookup(ctx, v.OpenAlex, registry.ID{Kind: registry.DOI, Value: rec.DOI}); err == nil {
			retracted = retracted || a.rec.Retracted
			all = append(all, a.rec.Updates...)
		}
	}
	if retracted && !hasUpdate(all, registry.Retraction) {
		src := rec.Registry
		if rec.Registry == "doi.org" {
			src = "openalex"
		}
		all = append(all, registry.Update{Type: registry.Retraction, Source: src})
	}
	if v.Retractions != nil {
		all = append(all, v.Retractions.Notices(mergeIDs(ids, corpus.Identifiers{DOI: rec.DOI, PMID: rec.PMID}))...)
	}
	return dedupe(all)
}

// dedupe keeps the first notice of each type and notice DOI, and drops a
// notice without a DOI when one of its type has one.
func dedupe(us []registry.Update) []registry.Update {
	out := []registry.Update{}
	seen := map[string]bool{}
	withDOI := map[string]bool{}
	for _, u := range us {
		if u.DOI != "" {
			withDOI[u.Type] = true
		}
	}
	for _, u := range us {
		u.DOI = corpus.NormalizeDOI(u.DOI)
		if u.DOI == "" && withDOI[u.Type] {
			continue
		}
		k := u.Type + "\x00" + u.DOI
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, u)
	}
	return out
}

// mergeIDs fills a's empty identifiers from b.
func mergeIDs(a, b corpus.Identifiers) corpus.Identifiers {
	if a.DOI == "" {
		a.DOI = b.DOI
	}
	if a.PMID == "" {
		a.PMID = b.PMID
	}
	if a.PMCID == "" {
		a.PMCID = b.PMCID
	}
	if a.ArXiv == "" {
		a.ArXiv = b.ArXiv
	}
	return a
}

// malformedIDs names the identifiers a reference gives that do not parse:
// they are skipped, and the reference is verified by what else it has.
func malformedIDs(ref *corpus.Reference) []string {
	var out []string
	if raw, ok := ref.Get("doi"); ok && strings.TrimSpace(raw) != "" && ref.IDs.DOI == "" {
		out = append(out, fmt.Sprintf("malformed DOI %q skipped", raw))
	}
	if raw, ok := ref.Get("pmid"); ok && strings.TrimSpace(raw) != "" && ref.IDs.PMID == "" {
		out = append(out, fmt.Sprintf("malformed PMID %q skipped", raw))
	}
	return out
}

func idList(ids []registry.ID) string {
	s := make([]string, len(ids))
	for i, id := range ids {
		s[i] = id.Label()
	}
	return strings.Join(s, ", ")
}

// uniq drops repeats, keeping the first of each: a registry that could not
// be asked by identifier could not be searched either, for the same reason.
func uniq(ss []string) []string {
	var out []string
	for _, s := range ss {
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// joinNotes joins a message and notes with "; ", leaving out empty ones.
func joinNotes(msg string, notes []string) string {
	parts := []string{}
	if msg != "" {
		parts = append(parts, msg)
	}
	for _, n := range notes {
		if n != "" {
			parts = append(parts, n)
		}
	}
	return strings.Join(parts, "; ")
}
