package pipeline

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"time"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/store"
)

// Stored returns the library's record of a checked article, kept under id
// and checked at the time given: its source, its absolute path, its report
// and what the store needs to know of the report to re-check it when
// references change. Place decides which stored article it replaces.
func Stored(id string, c Checked, at time.Time) (*store.Article, error) {
	abs, err := AbsPath(c.Input.Path)
	if err != nil {
		return nil, err
	}
	a := &store.Article{ID: id, Path: c.Input.Path, AbsPath: abs, Format: c.Input.Format, Source: c.Input.Data}
	if err := setReport(a, c.Report, at); err != nil {
		return nil, err
	}
	return a, nil
}

func setReport(a *store.Article, rep *corpus.Report, at time.Time) error {
	data, err := corpus.EncodeReport(rep)
	if err != nil {
		return fmt.Errorf("article %s: %w", a.ID, err)
	}
	a.Report = data
	a.Title = rep.Article.Title
	a.Refs = rep.Keys()
	a.AllResolved = !rep.Unresolved()
	a.Checked = at.UTC()
	return nil
}

// Report returns the report of a stored article's last check; nil when it
// has none.
func Report(a *store.Article) (*corpus.Report, error) {
	if len(a.Report) == 0 {
		return nil, nil
	}
	rep, err := corpus.DecodeReport(a.Report)
	if err != nil {
		return nil, fmt.Errorf("stored article %s: %w", a.ID, err)
	}
	return rep, nil
}

// Recheck checks again, from their stored sources and in the transaction
// tx, the stored articles that the references changed in tx may judge
// differently (store.Tx.ToRecheck), and stores their new reports. Each is
// checked with the settings that apply where it lives, as 'add' checked
// it. It returns the ids of the articles checked again, in id order. An
// article whose settings cannot be read keeps its report, and is named in
// skipped with the reason.
func Recheck(tx *store.Tx, o Options) (ids []string, skipped []error, err error) {
	// A work whose text alone changed (a registry's abstract) counts.
	keys := tx.ChangedKeys()
	for _, k := range tx.ChangedTexts() {
		if _, ok := slices.BinarySearch(keys, k); !ok {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	arts, err := tx.ToRecheck(keys)
	if err != nil || len(arts) == 0 {
		return nil, nil, err
	}
	// Resolved through the indexes, as a check resolves, with this
	// write's references in them: the library is not read whole.
	idx, err := tx.RefIndex()
	if err != nil {
		return nil, nil, fmt.Errorf("re-check articles: %w", err)
	}
	o.Library = &Indexed{idx: idx}
	now := time.Now()
	o.bibs = newBibliographies(context.Background())
	// The texts as this write leaves them.
	o.Texts = tx
	for _, a := range arts {
		in := Input{Path: a.Path, Format: a.Format, Data: a.Source}
		if in.Data == nil {
			in.Data = []byte{}
		}
		// The settings are those where the file lives, whatever directory
		// this command runs in; articles stored before AbsPath have only
		// the path as given.
		where := a.Path
		if a.AbsPath != "" {
			where = filepath.FromSlash(a.AbsPath)
		}
		opts, err := o.checkOptions(where)
		if err != nil {
			skipped = append(skipped, fmt.Errorf("stored article %s not checked again: %w", a.ID, err))
			continue
		}
		c, err := checkWith(in, where, nil, opts, o)
		if err != nil {
			return nil, nil, fmt.Errorf("re-check article %s: %w", a.ID, err)
		}
		if err := setReport(a, c.Report, now); err != nil {
			return nil, nil, err
		}
		if err := tx.PutArticle(a); err != nil {
			return nil, nil, err
		}
		ids = append(ids, a.ID)
	}
	return ids, skipped, nil
}
