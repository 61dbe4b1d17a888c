package store

import (
	"fmt"
	"slices"
	"time"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/check"
)

// SetReport records rep as the article's latest check, made at the time
// given: its report, title and the library keys it cites.
func (a *Article) SetReport(rep *check.Report, at time.Time) {
	a.Report = rep
	a.Title = rep.Article.Title
	a.Refs = ReportRefs(rep)
	a.Checked = at.UTC()
}

// ReportRefs returns the library keys a report's citations and reference
// list entries resolved to, sorted and without repeats.
func ReportRefs(rep *check.Report) []string {
	keys := []string{}
	for _, c := range rep.Claims {
		for _, l := range c.Citations {
			if l.Key != nil {
				keys = append(keys, *l.Key)
			}
		}
	}
	for _, e := range rep.References {
		if e.Key != nil {
			keys = append(keys, *e.Key)
		}
	}
	slices.Sort(keys)
	return slices.Compact(keys)
}

// OptionsFor gives the check options for re-checking a stored article: the
// settings that apply to it where it lives, as when it was added.
type OptionsFor func(a *Article) check.Options

// RecheckArticles checks again, from their stored sources, the articles
// that references changed in this transaction may judge differently, and
// stores their new reports. changedKeys are the keys of the references put
// or deleted (ChangedKeys). An article is re-checked when it cites one of
// them, or, when any of them is still in the library (added or updated),
// when it has a citation or list entry that resolved to nothing: the new
// reference may be the one it lacked.
//
// refs returns the library to check against, as the transaction sees it;
// nil means tx.References. It is called once, and only when an article
// needs re-checking. RecheckArticles returns the ids of the articles
// re-checked, in id order.
func (tx *Tx) RecheckArticles(changedKeys []string, refs func() ([]*corpus.Reference, error), opts OptionsFor) ([]string, error) {
	if len(changedKeys) == 0 {
		return nil, nil
	}
	if refs == nil {
		refs = tx.References
	}
	changed := make(map[string]bool, len(changedKeys))
	present := false
	for _, k := range changedKeys {
		changed[k] = true
		present = present || tx.has(k)
	}
	var (
		ids    []string
		lib    []*corpus.Reference
		loaded bool
		now    = time.Now()
	)
	err := tx.EachArticle(func(a *Article) error {
		if !citesAny(a, changed) && !(present && unresolved(a)) {
			return nil
		}
		if !loaded {
			var err error
			if lib, err = refs(); err != nil {
				return fmt.Errorf("re-check articles: %w", err)
			}
			loaded = true
		}
		var o check.Options
		if opts != nil {
			o = opts(a)
		}
		rep, err := check.Check(a.Path, a.Source, a.Format, lib, o)
		if err != nil {
			return fmt.Errorf("re-check article %s: %w", a.ID, err)
		}
		a.SetReport(rep, now)
		if err := tx.PutArticle(a); err != nil {
			return err
		}
		ids = append(ids, a.ID)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return ids, nil
}

func citesAny(a *Article, keys map[string]bool) bool {
	for _, k := range a.Refs {
		if keys[k] {
			return true
		}
	}
	return false
}

// unresolved reports whether an article has a citation or a reference list
// entry that did not resolve to a library reference (dangling, unmatched,
// weakly matched, or an identifier mismatch).
func unresolved(a *Article) bool {
	if a.Report == nil {
		return true
	}
	for _, c := range a.Report.Claims {
		for _, l := range c.Citations {
			if l.Status != "resolved" {
				return true
			}
		}
	}
	for _, e := range a.Report.References {
		if e.Key == nil {
			return true
		}
	}
	return false
}
