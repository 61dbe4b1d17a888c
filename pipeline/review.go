package pipeline

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/store"
)

// An editor's review marks name findings of a stored article by id
// (corpus.Finding.ID). Marking looks the finding up in the article's last
// stored check; a check of the article's file later finds the marks by
// the file's path and shows the findings they name as reviewed.

// Marked is a mark as 'evident review' reports it: the article, the mark,
// and whether it names a finding of the article's last stored check.
type Marked struct {
	Article string            `json:"article"`
	Mark    corpus.ReviewMark `json:"mark"`
	State   corpus.MarkState  `json:"state"`
	Action  string            `json:"action,omitempty"` // marked, updated or cleared
	Finding *corpus.Finding   `json:"-"`
}

// MarkFinding marks, in tx, the finding that what names (its id, the id's
// hash part, or a prefix of either that names one finding) of the last
// stored check of the article that name names (as Find takes it). A mark
// already on the finding is replaced.
func MarkFinding(tx *store.Tx, name, what string, rv corpus.Review) (Marked, error) {
	a, rep, err := storedReport(tx, name)
	if err != nil {
		return Marked{}, err
	}
	ids := make([]string, len(rep.Findings))
	for i, f := range rep.Findings {
		ids[i] = f.ID
	}
	id, err := pickFinding(ids, what, func() string { return noFindingHint(a) }, "its last check has", a.ID)
	if err != nil {
		return Marked{}, err
	}
	var f *corpus.Finding
	for i := range rep.Findings {
		if rep.Findings[i].ID == id {
			f = &rep.Findings[i]
		}
	}
	m := rep.NewReviewMark(f, rv)
	old, err := tx.Reviews(a.ID)
	if err != nil {
		return Marked{}, err
	}
	action := "marked"
	for _, o := range old {
		if o.Finding == id {
			action = "updated"
		}
	}
	if err := tx.PutReview(a.ID, m); err != nil {
		return Marked{}, err
	}
	return Marked{Article: a.ID, Mark: m, State: corpus.MarkCurrent, Action: action}, nil
}

// ClearMark removes, in tx, the mark that what names (as MarkFinding
// takes it, among the article's marks: a stale mark can be cleared too).
func ClearMark(tx *store.Tx, name, what string) (Marked, error) {
	a, err := Find(tx, name)
	if err != nil {
		return Marked{}, notStored(name, err)
	}
	marks, err := tx.Reviews(a.ID)
	if err != nil {
		return Marked{}, err
	}
	ids := make([]string, len(marks))
	for i, m := range marks {
		ids[i] = m.Finding
	}
	id, err := pickFinding(ids, what, func() string { return "" }, "it has marks on", a.ID)
	if err != nil {
		return Marked{}, err
	}
	if err := tx.DeleteReview(a.ID, id); err != nil {
		return Marked{}, err
	}
	for _, m := range marks {
		if m.Finding == id {
			return Marked{Article: a.ID, Mark: m, Action: "cleared"}, nil
		}
	}
	return Marked{}, nil
}

// ListMarks returns the marks of the article name names, or of every
// stored article when name is "", each with its state against the
// article's last stored check, in article and finding id order.
func ListMarks(st *store.Store, name string) ([]Marked, error) {
	var byArticle []string
	marks := map[string][]corpus.ReviewMark{}
	if name != "" {
		a, err := Find(st, name)
		if err != nil {
			return nil, notStored(name, err)
		}
		ms, err := st.Reviews(a.ID)
		if err != nil {
			return nil, err
		}
		byArticle, marks[a.ID] = []string{a.ID}, ms
	} else if err := st.EachReview(func(id string, m corpus.ReviewMark) error {
		if _, seen := marks[id]; !seen {
			byArticle = append(byArticle, id)
		}
		marks[id] = append(marks[id], m)
		return nil
	}); err != nil {
		return nil, err
	}
	var out []Marked
	for _, id := range byArticle {
		var rep *corpus.Report
		a, err := st.GetArticle(id)
		switch {
		case err == nil:
			if rep, err = Report(a); err != nil {
				return nil, err
			}
		case !errors.Is(err, store.ErrNotFound):
			return nil, err
		}
		for _, m := range marks[id] {
			state := corpus.MarkSentenceGone
			if rep != nil {
				state = rep.MarkState(m)
			}
			out = append(out, Marked{Article: id, Mark: m, State: state})
		}
	}
	return out, nil
}

// MarksFor returns the marks that apply to each of the files about to be
// checked, by path as given: those of the stored article (or articles,
// stored under several --id) whose file it is. A file that is not stored
// has none.
func MarksFor(st *store.Store, paths []string) (map[string][]corpus.ReviewMark, error) {
	out := map[string][]corpus.ReviewMark{}
	for _, p := range paths {
		abs, err := AbsPath(p)
		if err != nil {
			continue
		}
		ids, err := st.ArticlesByPath(abs)
		if err != nil {
			return nil, err
		}
		seen := map[string]bool{}
		for _, id := range ids {
			ms, err := st.Reviews(id)
			if err != nil {
				return nil, err
			}
			for _, m := range ms {
				if !seen[m.Finding] {
					seen[m.Finding] = true
					out[p] = append(out[p], m)
				}
			}
		}
	}
	return out, nil
}

// storedReport finds the article name names and decodes its last report.
func storedReport(tx *store.Tx, name string) (*store.Article, *corpus.Report, error) {
	a, err := Find(tx, name)
	if err != nil {
		return nil, nil, notStored(name, err)
	}
	rep, err := Report(a)
	if err != nil {
		return nil, nil, err
	}
	if rep == nil {
		return nil, nil, fmt.Errorf("stored article %s has no report; 'evident add %s' checks it", a.ID, a.Path)
	}
	return a, rep, nil
}

func notStored(name string, err error) error {
	if errors.Is(err, store.ErrNotFound) {
		return fmt.Errorf("no stored article %q (see 'evident articles'; 'evident add %s' stores it): %w", name, name, err)
	}
	return err
}

// pickFinding returns the one id among ids that what names, or an error
// saying there is none (with hint) or several.
func pickFinding(ids []string, what string, hint func() string, has, article string) (string, error) {
	got := corpus.MatchFindingID(ids, what)
	switch len(got) {
	case 1:
		return got[0], nil
	case 0:
		return "", fmt.Errorf("%s: %s no finding %s%s", article, has, what, hint())
	}
	return "", fmt.Errorf("%s: %s names %d findings (%s); give more of the id", article, what, len(got), strings.Join(got, ", "))
}

// noFindingHint says why a finding id from a check may be missing from the
// stored report: the file changed since it was stored.
func noFindingHint(a *store.Article) string {
	if a.AbsPath != "" {
		data, err := os.ReadFile(filepath.FromSlash(a.AbsPath))
		if err == nil && store.ContentHash(data) != a.SHA256 {
			return fmt.Sprintf("; the file has changed since it was stored: 'evident add %s' stores this version, then its findings can be marked", a.Path)
		}
	}
	return fmt.Sprintf("; 'evident check %s' lists the ids", a.Path)
}
