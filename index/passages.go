package index

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/evidence"
	"github.com/evident-tools/evident/store"
)

// A work's passages are the sentences of its text as the library keeps it
// (store.Store.Text: its abstract, its attached HTML, text or JATS files,
// the registry records verification fetched), each a document of type
// passage with the work's key, so that 'search --type passage' and
// 'suggest' find sentences rather than whole works. They are indexed with
// the reference and replaced or removed with it, and indexed again when
// only its text changed (store.Changes.Texts). An index built from
// references alone (Sync) reads each one's abstract and files itself.
//
// A library's index is built without them (Rebuild, Update, Sync: an
// import of 100,000 references spent a fifth of its indexing on
// passages, measured in bench/RESULTS.md, and most libraries are never
// searched by passage). The first passage search adds them
// (FillPassages); from then on they are kept with their works.

// ErrNoPassages is returned by SearchPassages when the index keeps no
// passages yet: FillPassages adds them.
var ErrNoPassages = errors.New("the search index holds no passages yet")

// HasPassages reports whether the index keeps the passages of its works.
func (ix *Index) HasPassages() bool {
	v, err := ix.shards[0].GetInternal(keyPassages)
	return err == nil && len(v) > 0
}

// FillPassages makes sure the library index in dir keeps the passages of
// every work, and returns its current revision opened for reading. An
// index that has them is returned as it is; one that does not gets a new
// revision with them added (a copy of the current one, as an update
// makes), one that is not current is rebuilt with them. The caller holds
// the library's write lock. progress, when not nil, is told how many
// works have been read of how many.
func FillPassages(ctx context.Context, dir string, st *store.Store, progress func(done, total int)) (*Index, error) {
	gen, err := st.Generation()
	if err != nil {
		return nil, err
	}
	total, err := st.Count()
	if err != nil {
		return nil, err
	}
	src := source{
		refs: counting(st, func(done int) {
			if progress != nil {
				progress(done, total)
			}
		}),
		articles: st.EachArticle,
		texts:    storeTexts(st),
		passages: true,
		size:     total,
	}
	cur, why := openCurrent(dir, gen)
	if why != "" {
		if cur != nil {
			cur.Close()
		}
		return rebuild(ctx, dir, gen, src)
	}
	if cur.HasPassages() {
		return cur, nil
	}
	rev, prev := cur.rev, cur.manifest
	cur.Close()
	ix, next, err := openCopy(dir, rev)
	if err != nil {
		return nil, err
	}
	// Every passage is new to this index: written as a rebuild writes.
	w := ix.newWriter(ctx)
	w.fresh, w.passages, w.markPassages, w.texts = true, true, true, src.texts
	err = src.refs(w.putPassages)
	if err == nil {
		err = w.finish(gen)
	} else {
		w.wait()
	}
	return finishRevision(ix, dir, next, prev, err)
}

// TypePassage is the document type of a passage, as Query.Types and
// SearchHit.Type name it.
const TypePassage = typePassage

// passagePrefix begins the ID of every passage of the work key. Keys hold
// no "#"... but may: the last "#" ends the key, and passage numbers hold
// none.
func passagePrefix(key string) string {
	return typePassage + ":" + key + "#"
}

func passageID(key string, n int) string {
	return passagePrefix(key) + strconv.Itoa(n)
}

// putPassages indexes the passages of r and, unless the index is being
// built afresh, removes those it had beyond them.
func (w *writer) putPassages(r *corpus.Reference) error {
	var passages []corpus.Passage
	if w.texts != nil {
		t, err := w.texts(r.Key)
		if err != nil {
			return fmt.Errorf("index passages of %s: %w", r.Key, err)
		}
		passages = t.Passages()
	} else {
		passages, _ = evidence.ReadPassages(r, evidence.OpenFile)
	}
	if !w.fresh {
		if err := w.removePassages(r.Key, len(passages)); err != nil {
			return err
		}
	}
	for i, p := range passages {
		d := map[string]any{
			fieldType:    typePassage,
			fieldPassage: p.Text,
			fieldWork:    r.Key,
			fieldSource:  p.Source,
		}
		if err := w.index(passageID(r.Key, i+1), d); err != nil {
			return fmt.Errorf("index passages of %s: %w", r.Key, err)
		}
	}
	return nil
}

// removePassages removes the passages of the work key numbered above
// keep (all of them for keep 0), found by the postings of its key.
func (w *writer) removePassages(key string, keep int) error {
	ids, err := w.ix.passagesOf(key)
	if err != nil {
		return fmt.Errorf("index passages of %s: %w", key, err)
	}
	for _, id := range ids {
		n, err := strconv.Atoi(id[len(passagePrefix(key)):])
		if err == nil && n >= 1 && n <= keep {
			continue
		}
		if err := w.remove(id); err != nil {
			return err
		}
	}
	return nil
}

// passagesOf returns the IDs of the passage documents of the work key
// (the work field holds nothing else, but a key may also be a prefix of
// another's passage IDs: the prefix check keeps exactly its own).
func (ix *Index) passagesOf(key string) ([]string, error) {
	all, err := ix.docsWith(fieldWork, key)
	ids := all[:0]
	for _, id := range all {
		if strings.HasPrefix(id, passagePrefix(key)) {
			ids = append(ids, id)
		}
	}
	return ids, err
}

// PassageHit is one passage found by SearchPassages, best first.
type PassageHit struct {
	Key    string  `json:"key"`    // the work's key
	N      int     `json:"n"`      // the passage's number in the work, from 1
	Source string  `json:"source"` // corpus.SourceAbstract or SourceFullText
	Text   string  `json:"text"`
	Score  float64 `json:"score"` // BM25: comparable within one search
	// Fragment is Text with the matching words between MarkStart and
	// MarkEnd.
	Fragment string `json:"fragment,omitempty"`
}

// SearchPassages finds the passages of the library's works that match
// text, best first by BM25 over every passage, at most limit
// (DefaultLimit when not positive). The text is analysed as passages are
// (English stop words out, stems in); any of its words may match.
func (ix *Index) SearchPassages(ctx context.Context, text string, limit int) (_ []PassageHit, err error) {
	defer recoverDamage(&err)
	if strings.TrimSpace(text) == "" {
		return nil, nil
	}
	if !ix.HasPassages() {
		return nil, ErrNoPassages
	}
	if limit <= 0 {
		limit = DefaultLimit
	}
	an := ix.b.Mapping().AnalyzerNamed(en.AnalyzerName)
	if an == nil {
		return nil, errors.New("search passages: the English analyser is missing from the mapping")
	}
	terms := map[string]bool{}
	for _, tok := range an.Analyze([]byte(text)) {
		terms[string(tok.Term)] = true
	}
	m := query.NewMatchQuery(text)
	m.SetField(fieldPassage)
	q := query.NewConjunctionQuery([]query.Query{m, filter(fieldType, typePassage)})
	req := bleve.NewSearchRequestOptions(q, limit, 0, false)
	req.Fields = []string{fieldWork, fieldSource, fieldPassage}
	res, err := ix.b.SearchInContext(ix.scoredAmong(ctx, true), req)
	if err != nil {
		return nil, fmt.Errorf("search passages %q: %w", text, err)
	}
	out := make([]PassageHit, 0, len(res.Hits))
	for _, h := range res.Hits {
		key, _ := h.Fields[fieldWork].(string)
		src, _ := h.Fields[fieldSource].(string)
		txt, _ := h.Fields[fieldPassage].(string)
		n, _ := strconv.Atoi(h.ID[strings.LastIndexByte(h.ID, '#')+1:])
		hit := PassageHit{Key: key, N: n, Source: src, Text: txt, Score: h.Score}
		hit.Fragment = markPassage(an, terms, txt)
		out = append(out, hit)
	}
	return out, nil
}
