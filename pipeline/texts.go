package pipeline

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/check"
	"github.com/evident-tools/evident/corpus/evidence"
	"github.com/evident-tools/evident/registry"
	"github.com/evident-tools/evident/store"
	"github.com/evident-tools/evident/verify"
)

// TextSource is where the library keeps the texts of its works
// (store.Store.Text): *store.Store, or *store.Tx inside a write, which
// sees the texts that write changed.
type TextSource interface {
	Text(key string) (*evidence.Source, error)
}

// Fetched holds the abstracts and full texts of the registry records a
// run's verification fetched, by the key of the work verified, so that
// the evidence stage uses them in the same run and the command can keep
// them in the library (Save). Its methods may be called from several
// goroutines.
type Fetched struct {
	mu   sync.Mutex
	recs map[string][]*registry.Record
}

// NewFetched returns an empty Fetched.
func NewFetched() *Fetched { return &Fetched{recs: map[string][]*registry.Record{}} }

// AddResults keeps the records of results that are the work verified
// (verified, or a mismatch in some field) and hold text; a record of
// another work (wrong-identifier) says nothing of the work cited.
func (f *Fetched) AddResults(results []verify.Result) {
	for _, r := range results {
		if r.Verdict == verify.Verified || r.Verdict == verify.Mismatch {
			f.Add(r.Key, r.Record)
		}
	}
}

// Add keeps rec as a record of the work key, when it holds text.
func (f *Fetched) Add(key string, rec *registry.Record) {
	if f == nil || key == "" || rec == nil || rec.Registry == "" ||
		strings.TrimSpace(rec.Abstract) == "" && strings.TrimSpace(rec.FullText) == "" {
		return
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	for i, old := range f.recs[key] {
		if old.Registry == rec.Registry {
			f.recs[key][i] = rec
			return
		}
	}
	f.recs[key] = append(f.recs[key], rec)
}

// Len is the number of works with a record kept.
func (f *Fetched) Len() int {
	if f == nil {
		return 0
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.recs)
}

// over lays the records kept for key over the text s.
func (f *Fetched) over(key string, s *evidence.Source) *evidence.Source {
	if f == nil {
		return s
	}
	f.mu.Lock()
	recs := slices.Clone(f.recs[key])
	f.mu.Unlock()
	for _, rec := range recs {
		s, _ = s.WithRecord(rec.Registry, rec.Abstract, rec.FullText, rec.PubTypes)
	}
	return s
}

// Apply gives the stored works the texts kept, in tx, and returns how
// many works' texts changed; a key no longer in the library is passed
// over.
func (f *Fetched) Apply(tx *store.Tx) (int, error) {
	if f == nil {
		return 0, nil
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	n := 0
	for _, key := range slices.Sorted(maps.Keys(f.recs)) {
		changed := false
		for _, rec := range f.recs[key] {
			ok, err := tx.AddRecordText(key, rec.Registry, rec.Abstract, rec.FullText, rec.PubTypes)
			if errors.Is(err, store.ErrNotFound) {
				break
			}
			if err != nil {
				return n, fmt.Errorf("keep the registry text of %s: %w", key, err)
			}
			changed = changed || ok
		}
		if changed {
			n++
		}
	}
	return n, nil
}

// Save keeps the texts in the library st, in one write, when there are
// any, and returns the write's changes.
func (f *Fetched) Save(st *store.Store) (store.Changes, error) {
	if f.Len() == 0 {
		return store.Changes{}, nil
	}
	return st.Update(func(tx *store.Tx) error {
		_, err := f.Apply(tx)
		return err
	})
}

// textLookup returns the evidence stage's look-up of a cited work's text
// (check.Evidence.Text): the library's stored text when it keeps one,
// else the work read in memory with open (a work not in the library, or
// one with only a title); then the records this run's verification
// fetched, and, for a work still without an abstract, the abstract of a
// record in the library's cache (RegistryText).
func (o Options) textLookup(open evidence.Opener) func(*corpus.Reference) (evidence.Text, bool) {
	var cached func(*corpus.Reference) (check.RegistryText, bool)
	if o.Registry != nil {
		cached = RegistryText(o.Registry)
	}
	var fetched *Fetched
	if o.verify != nil {
		fetched = o.verify.fetched
	}
	texts := o.Texts
	return func(r *corpus.Reference) (evidence.Text, bool) {
		var s *evidence.Source
		if texts != nil {
			// A text that cannot be read (a damaged page) is read from
			// the reference instead: the check goes on, as it would
			// without a library.
			if st, err := texts.Text(r.Key); err == nil {
				s = st
			}
		}
		if s == nil {
			s = evidence.BuildSource(r, nil, open, nil)
		}
		s = fetched.over(r.Key, s)
		// What the verification cache holds stands in for what the stored
		// text lacks: a library verified before it kept texts, or a run
		// that could not write (verify --offline).
		if cached != nil && (!s.HasAbstract() || !s.HasRegistryFullText()) {
			if rt, ok := cached(r); ok {
				if !s.HasAbstract() && rt.Abstract != "" {
					s, _ = s.WithRecord(rt.Registry, rt.Abstract, "", rt.PubTypes)
				}
				if !s.HasRegistryFullText() && rt.FullText != "" && rt.FullTextFrom != "" {
					s, _ = s.WithRecord(rt.FullTextFrom, "", rt.FullText, nil)
				}
			}
		}
		return s.Text(r.Key, r.Title), true
	}
}
