package pipeline

import (
	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/check"
	"github.com/evident-tools/evident/registry"
	"github.com/evident-tools/evident/store"
	"github.com/evident-tools/evident/verify"
)

// Notices turns a retraction list, as check.LoadRetractions read it, into
// the notices the library keeps ('retractions update'): every row that
// names a work, all the notices of each work.
func Notices(rs *check.Retractions) []store.Notice {
	rows := rs.Rows()
	out := make([]store.Notice, len(rows))
	for i, r := range rows {
		out[i] = store.Notice{
			RecordID: r.RecordID, Nature: r.Nature, Type: r.Kind(), Date: r.Date,
			DOI: r.DOI, PMID: r.PMID, NoticeDOI: r.NoticeDOI, NoticePMID: r.NoticePMID,
			Title: r.Title, Reasons: r.Reasons,
		}
	}
	return out
}

// LibraryRetractions is the library's retraction database as check
// consults it: check without --verify reports its notices as it reports a
// --retractions file's.
type LibraryRetractions struct {
	st   *store.Store
	info store.RetractionsInfo
}

// NewLibraryRetractions returns the retraction database of the open
// library st, or nil when it has none.
func NewLibraryRetractions(st *store.Store) (*LibraryRetractions, error) {
	info, ok, err := st.RetractionsInfo()
	if err != nil || !ok {
		return nil, err
	}
	return &LibraryRetractions{st: st, info: info}, nil
}

// Lookup returns the notice that prevails among those the database lists
// about the work with ids. A database that cannot be read answers nothing:
// the check goes on without it.
func (lr *LibraryRetractions) Lookup(ids corpus.Identifiers) (check.Retraction, bool) {
	ns, err := lr.st.RetractionNotices(ids)
	if err != nil || len(ns) == 0 {
		return check.Retraction{}, false
	}
	src := "the library's retraction database of " + lr.info.Imported.Format("2006-01-02")
	rows := make([]check.Retraction, len(ns))
	for i, n := range ns {
		rows[i] = check.Retraction{
			DOI: n.DOI, PMID: n.PMID, Date: n.Date, Nature: n.Nature, Title: n.Title,
			RecordID: n.RecordID, NoticeDOI: n.NoticeDOI, NoticePMID: n.NoticePMID, Reasons: n.Reasons, Source: src,
		}
	}
	return check.Prevailing(rows)
}

// ListNotices is a --retractions file as verification asks it: its
// notice about a work as Retraction Watch reports it.
func ListNotices(rs *check.Retractions) verify.Retractions { return listNotices{rs} }

type listNotices struct{ rs *check.Retractions }

func (l listNotices) Notices(ids corpus.Identifiers) []registry.Update {
	r, ok := l.rs.Lookup(ids)
	if !ok {
		return nil
	}
	kind := r.Kind()
	if kind == "" {
		kind = registry.Retraction // a list that only names works lists retractions
	}
	return []registry.Update{{Type: kind, Date: r.Date, Source: "retraction-watch"}}
}

// BothRetractions asks several retraction databases (a --retractions file,
// the library's): a work two list gets both notices, which verification
// de-duplicates.
type BothRetractions []verify.Retractions

// Notices returns every database's notices about the work with ids.
func (b BothRetractions) Notices(ids corpus.Identifiers) []registry.Update {
	var out []registry.Update
	for _, r := range b {
		out = append(out, r.Notices(ids)...)
	}
	return out
}
