package index

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	bleveindex "github.com/blevesearch/bleve_index_api"

	"github.com/evident-tools/evident/corpus"
)

// library returns ten real works, described by hand. Abstracts are short
// summaries in our own words, written to exercise the index.
func library() []*corpus.Reference {
	added := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
	n := func(first, last string) corpus.Name { return corpus.Name{First: first, Last: last} }
	return []*corpus.Reference{
		{
			Key: "vaswani2017", Type: "inproceedings", Year: 2017,
			Title:   "Attention Is All You Need",
			Authors: []corpus.Name{n("Ashish", "Vaswani"), n("Noam", "Shazeer"), n("Niki", "Parmar"), n("Jakob", "Uszkoreit"), n("Llion", "Jones"), n("Aidan N.", "Gomez"), n("Łukasz", "Kaiser"), n("Illia", "Polosukhin")},
			Venue:   "Advances in Neural Information Processing Systems",
			IDs:     corpus.Identifiers{DOI: "10.48550/arxiv.1706.03762", ArXiv: "1706.03762"},
			Fields: []corpus.Field{
				{Name: "abstract", Value: "We propose the Transformer, a sequence transduction model that relies entirely on self-attention and dispenses with recurrence and convolutions."},
				{Name: "groups", Value: "transformers, nlp"},
			},
			Added: added,
		},
		{
			Key: "lecun2015", Type: "article", Year: 2015,
			Title:   "Deep learning",
			Authors: []corpus.Name{n("Yann", "LeCun"), n("Yoshua", "Bengio"), n("Geoffrey", "Hinton")},
			Venue:   "Nature",
			IDs:     corpus.Identifiers{DOI: "10.1038/nature14539", PMID: "26017442"},
			Fields: []corpus.Field{
				{Name: "abstract", Value: "Representation learning with multiple levels of abstraction has improved speech recognition, visual object recognition and many other domains."},
			},
			Added: added,
		},
		{
			Key: "bahdanau2015", Type: "inproceedings", Year: 2015,
			Title:   "Neural Machine Translation by Jointly Learning to Align and Translate",
			Authors: []corpus.Name{n("Dzmitry", "Bahdanau"), n("Kyunghyun", "Cho"), n("Yoshua", "Bengio")},
			Venue:   "International Conference on Learning Representations",
			IDs:     corpus.Identifiers{ArXiv: "1409.0473"},
			Fields: []corpus.Field{
				// "need" and "attention" both occur, in the wrong order for the phrase.
				{Name: "abstract", Value: "The decoder learns which parts of the source sentence need attention, instead of squeezing the sentence into one fixed-length vector."},
				{Name: "keywords", Value: "machine translation; alignment"},
			},
		},
		{
			Key: "he2016", Type: "inproceedings", Year: 2016,
			Title:   "Deep Residual Learning for Image Recognition",
			Authors: []corpus.Name{n("Kaiming", "He"), n("Xiangyu", "Zhang"), n("Shaoqing", "Ren"), n("Jian", "Sun")},
			Venue:   "IEEE Conference on Computer Vision and Pattern Recognition",
			IDs:     corpus.Identifiers{DOI: "10.1109/cvpr.2016.90"},
		},
		{
			Key: "krizhevsky2012", Type: "inproceedings", Year: 2012,
			Title:   "ImageNet Classification with Deep Convolutional Neural Networks",
			Authors: []corpus.Name{n("Alex", "Krizhevsky"), n("Ilya", "Sutskever"), n("Geoffrey E.", "Hinton")},
			Venue:   "Advances in Neural Information Processing Systems",
		},
		{
			Key: "hochreiter1997", Type: "article", Year: 1997,
			Title:   "Long Short-Term Memory",
			Authors: []corpus.Name{n("Sepp", "Hochreiter"), n("Jürgen", "Schmidhuber")},
			Venue:   "Neural Computation",
			IDs:     corpus.Identifiers{DOI: "10.1162/neco.1997.9.8.1735", PMID: "9377276"},
		},
		{
			Key: "devlin2019", Type: "inproceedings", Year: 2019,
			Title:   "BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding",
			Authors: []corpus.Name{n("Jacob", "Devlin"), n("Ming-Wei", "Chang"), n("Kenton", "Lee"), n("Kristina", "Toutanova")},
			Venue:   "Proceedings of NAACL-HLT",
			IDs:     corpus.Identifiers{DOI: "10.18653/v1/n19-1423"},
			Fields:  []corpus.Field{{Name: "tags", Value: "NLP; pretraining"}},
		},
		{
			Key: "ioannidis2005", Type: "article", Year: 2005,
			Title:   "Why Most Published Research Findings Are False",
			Authors: []corpus.Name{n("John P. A.", "Ioannidis")},
			Venue:   "PLoS Medicine",
			IDs:     corpus.Identifiers{DOI: "10.1371/journal.pmed.0020124", PMID: "16060722", PMCID: "PMC1182327"},
			Fields: []corpus.Field{
				{Name: "keywords", Value: "bias, statistical power, replication"},
			},
		},
		{
			Key: "goodfellow2016", Type: "book", Year: 2016,
			Title:   "Deep Learning",
			Authors: []corpus.Name{n("Ian", "Goodfellow"), n("Yoshua", "Bengio"), n("Aaron", "Courville")},
			Venue:   "MIT Press",
			IDs:     corpus.Identifiers{ISBN: "9780262035613"},
		},
		{
			Key: "rumelhart1986", Type: "incollection", Year: 1986,
			Title:   "Learning Internal Representations by Error Propagation",
			Authors: []corpus.Name{n("David E.", "Rumelhart"), n("Geoffrey E.", "Hinton"), n("Ronald J.", "Williams")},
			Editors: []corpus.Name{n("David E.", "Rumelhart"), n("James L.", "McClelland")},
			Venue:   "Parallel Distributed Processing: Explorations in the Microstructure of Cognition",
		},
	}
}

func each(refs []*corpus.Reference) func(fn func(*corpus.Reference) error) error {
	return func(fn func(*corpus.Reference) error) error {
		for _, r := range refs {
			if err := fn(r); err != nil {
				return err
			}
		}
		return nil
	}
}

// build returns an index of library() at generation 1, on disk in dir, or in
// memory when dir is "".
func build(t testing.TB, dir string) *Index {
	t.Helper()
	var ix *Index
	var err error
	if dir == "" {
		ix, err = OpenMem()
	} else {
		ix, err = Open(dir)
	}
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	if err := ix.Apply(context.Background(), library(), nil, 1); err != nil {
		t.Fatal(err)
	}
	return ix
}

func search(t *testing.T, ix *Index, q string) []string {
	t.Helper()
	hits, err := ix.SearchRefs(context.Background(), q, 100)
	if err != nil {
		t.Fatalf("SearchRefs(%q): %v", q, err)
	}
	keys := make([]string, len(hits))
	for i, h := range hits {
		keys[i] = h.Key
		if h.Score < 0 {
			t.Errorf("SearchRefs(%q): %s has score %v", q, h.Key, h.Score)
		}
	}
	return keys
}

func sorted(keys []string) []string {
	keys = slices.Clone(keys)
	slices.Sort(keys)
	return keys
}

func TestSearchRefs_Queries(t *testing.T) {
	ix := build(t, t.TempDir())
	tests := []struct {
		name  string
		q     string
		want  []string // exactly these, in any order
		first string   // and this one ranked first, when set
	}{
		{"stemming finds learning from learn", "learn", []string{"lecun2015", "bahdanau2015", "he2016", "goodfellow2016", "rumelhart1986"}, ""},
		{"stemming in a field query", "title:learned", []string{"lecun2015", "bahdanau2015", "he2016", "goodfellow2016", "rumelhart1986"}, ""},
		{"phrase with stop words", `"attention is all"`, []string{"vaswani2017", "bahdanau2015"}, "vaswani2017"},
		{"long phrase needs the order", `"attention is all you need"`, []string{"vaswani2017"}, ""},
		{"phrase in order", `"deep learning"`, []string{"lecun2015", "goodfellow2016"}, ""},
		{"phrase out of order", `"learning deep"`, nil, ""},
		{"author field", "author:hinton", []string{"lecun2015", "krizhevsky2012", "rumelhart1986"}, ""},
		{"author phrase", `author:"geoffrey hinton"`, []string{"lecun2015"}, ""},
		{"editor names are searchable", "authors:mcclelland", []string{"rumelhart1986"}, ""},
		{"names fold diacritics", "author:schmidhuber author:lukasz", []string{"hochreiter1997", "vaswani2017"}, ""},
		{"names keep stop words", "author:he", []string{"he2016"}, ""},
		{"bare name searches authors", "sutskever", []string{"krizhevsky2012"}, ""},
		{"bare term searches venue", "nature", []string{"lecun2015"}, ""},
		{"bare term searches keywords", "replication", []string{"ioannidis2005"}, ""},
		{"bare number matches year", "1997", []string{"hochreiter1997"}, ""},
		{"numeric range", "year:>=2016", []string{"vaswani2017", "he2016", "devlin2019", "goodfellow2016"}, ""},
		{"numeric range below", "year:<1990", []string{"rumelhart1986"}, ""},
		{"doi exact", "doi:10.1038/nature14539", []string{"lecun2015"}, ""},
		{"doi quoted", `doi:"10.1038/nature14539"`, []string{"lecun2015"}, ""},
		{"doi is case-insensitive", "doi:10.1038/NATURE14539", []string{"lecun2015"}, ""},
		{"doi prefix is not a match", "doi:10.1038", nil, ""},
		{"pmcid", "pmcid:PMC1182327", []string{"ioannidis2005"}, ""},
		{"isbn", "isbn:9780262035613", []string{"goodfellow2016"}, ""},
		{"arxiv", "arxiv:1706.03762", []string{"vaswani2017"}, ""},
		{"entry type", "type:book", []string{"goodfellow2016"}, ""},
		{"tags from groups and tags", "tag:nlp", []string{"vaswani2017", "devlin2019"}, ""},
		{"key", "key:he2016", []string{"he2016"}, ""},
		{"must and must not", "+deep -author:bengio", []string{"he2016", "krizhevsky2012", "devlin2019"}, ""},
		{"wildcard ignores case", "Hochreit*", []string{"hochreiter1997"}, ""},
		{"added date", `added:>="2025-01-01"`, []string{"vaswani2017", "lecun2015"}, ""},
		{"only stop words find nothing", "the", nil, ""},
		{"stop word beside a term is ignored", "+the +convolutional", []string{"krizhevsky2012", "vaswani2017"}, "krizhevsky2012"},
		{"empty query", "  ", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := search(t, ix, tt.q)
			if !slices.Equal(sorted(got), sorted(tt.want)) {
				t.Errorf("SearchRefs(%q) = %v, want %v", tt.q, got, tt.want)
			}
			if tt.first != "" && (len(got) == 0 || got[0] != tt.first) {
				t.Errorf("SearchRefs(%q) = %v, want %s first", tt.q, got, tt.first)
			}
		})
	}
}

func TestSearchRefs_RanksTitleMatchFirst(t *testing.T) {
	ix := build(t, "")
	got := search(t, ix, "recognition")
	// he2016 has it in the title; lecun2015 only in its abstract.
	if len(got) != 2 || got[0] != "he2016" || got[1] != "lecun2015" {
		t.Errorf("SearchRefs(recognition) = %v, want [he2016 lecun2015]", got)
	}
}

func TestSearchRefs_Limit(t *testing.T) {
	ix := build(t, "")
	hits, err := ix.SearchRefs(context.Background(), "learn", 2)
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != 2 || hits[0].Score < hits[1].Score {
		t.Errorf("SearchRefs(learn, 2) = %v, want 2 hits best first", hits)
	}
}

func TestSearchRefs_UnknownFieldIsAnError(t *testing.T) {
	ix := build(t, "")
	_, err := ix.SearchRefs(context.Background(), "titel:learning", 10)
	if err == nil || !strings.Contains(err.Error(), `unknown field "titel"`) {
		t.Errorf("SearchRefs(titel:learning) error = %v, want unknown field", err)
	}
}

func TestSearchRefs_SyntaxErrorIsAnError(t *testing.T) {
	ix := build(t, "")
	if _, err := ix.SearchRefs(context.Background(), `title:"unclosed`, 10); err == nil {
		t.Error("SearchRefs with an unclosed quote: no error")
	}
}

func TestApply_DeletionRemoves(t *testing.T) {
	ix := build(t, t.TempDir())
	if err := ix.Apply(context.Background(), nil, []string{"lecun2015", "no-such-key"}, 2); err != nil {
		t.Fatal(err)
	}
	if got := search(t, ix, "doi:10.1038/nature14539"); len(got) != 0 {
		t.Errorf("after delete, doi search = %v, want nothing", got)
	}
	if got := search(t, ix, "author:hinton"); !slices.Equal(sorted(got), []string{"krizhevsky2012", "rumelhart1986"}) {
		t.Errorf("after delete, author:hinton = %v", got)
	}
	if n, err := ix.DocCount(); err != nil || n != 9 {
		t.Errorf("DocCount = %d, %v; want 9", n, err)
	}
}

func TestApply_PutReplaces(t *testing.T) {
	ix := build(t, "")
	r := library()[1]
	r.Title = "Deep learning, revisited"
	r.IDs.DOI = ""
	if err := ix.Apply(context.Background(), []*corpus.Reference{r}, nil, 2); err != nil {
		t.Fatal(err)
	}
	if got := search(t, ix, "revisited"); !slices.Equal(got, []string{"lecun2015"}) {
		t.Errorf("revisited = %v, want [lecun2015]", got)
	}
	if got := search(t, ix, "doi:10.1038/nature14539"); len(got) != 0 {
		t.Errorf("old DOI still found: %v", got)
	}
	if n, _ := ix.DocCount(); n != 10 {
		t.Errorf("DocCount = %d, want 10", n)
	}
}

func TestApply_ManyBatches(t *testing.T) {
	ix, err := OpenMem()
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	refs := synthetic(2500)
	if err := ix.Apply(context.Background(), refs, nil, 1); err != nil {
		t.Fatal(err)
	}
	var del []string
	for _, r := range refs[:1200] {
		del = append(del, r.Key)
	}
	if err := ix.Apply(context.Background(), nil, del, 2); err != nil {
		t.Fatal(err)
	}
	if n, _ := ix.DocCount(); n != 1300 {
		t.Errorf("DocCount = %d, want 1300", n)
	}
}

func TestApply_CancelledKeepsOldGeneration(t *testing.T) {
	ix := build(t, "")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err := ix.Apply(ctx, library(), nil, 2)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Apply with a cancelled context = %v, want context.Canceled", err)
	}
	if g, _ := ix.Generation(); g != 1 {
		t.Errorf("Generation = %d after a cancelled Apply, want 1", g)
	}
}

func TestMapping_IsLean(t *testing.T) {
	ix := build(t, "")
	doc, err := ix.b.Document(refID("lecun2015"))
	if err != nil || doc == nil {
		t.Fatalf("Document: %v, %v", doc, err)
	}
	var stored []string
	doc.VisitFields(func(f bleveindex.Field) { stored = append(stored, f.Name()) })
	slices.Sort(stored)
	// The key, author label, year, title and venue are what a hit prints;
	// the title and abstract are what fragments show.
	if want := []string{fieldAbstract, fieldByline, fieldKey, fieldTitle, fieldVenue, fieldYear}; !slices.Equal(stored, want) {
		t.Errorf("stored fields = %v, want only %v", stored, want)
	}
	if doc.HasComposite() {
		t.Error("document has a composite (_all) field")
	}
	fields, err := ix.b.Fields()
	if err != nil {
		t.Fatal(err)
	}
	if slices.Contains(fields, "_all") {
		t.Errorf("index has an _all field: %v", fields)
	}
	for _, f := range []string{fieldTitle, fieldAuthors, fieldAbstract, fieldDOI, fieldYear, fieldAdded, fieldType} {
		if !slices.Contains(fields, f) {
			t.Errorf("index fields %v lack %s", fields, f)
		}
	}
}

func TestGeneration_RoundTrips(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "index")
	ix, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if g, err := ix.Generation(); err != nil || g != 0 {
		t.Errorf("new index: Generation = %d, %v; want 0", g, err)
	}
	if err := ix.Apply(context.Background(), library(), nil, 42); err != nil {
		t.Fatal(err)
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	ix, err = Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if g, err := ix.Generation(); err != nil || g != 42 {
		t.Errorf("reopened: Generation = %d, %v; want 42", g, err)
	}
	// A write that changed nothing the index holds still moves it on.
	if err := ix.Apply(context.Background(), nil, nil, 43); err != nil {
		t.Fatal(err)
	}
	if g, err := ix.Generation(); err != nil || g != 43 {
		t.Errorf("after an empty Apply: Generation = %d, %v; want 43", g, err)
	}
	if got := search(t, ix, "learn"); len(got) != 5 {
		t.Errorf("reopened: learn = %v, want 5 hits", got)
	}
}

func TestOpenMem(t *testing.T) {
	ix := build(t, "")
	if n, err := ix.DocCount(); err != nil || n != 10 {
		t.Errorf("DocCount = %d, %v; want 10", n, err)
	}
	if g, _ := ix.Generation(); g != 1 {
		t.Errorf("Generation = %d, want 1", g)
	}
	if got := search(t, ix, "author:hinton"); len(got) != 3 {
		t.Errorf("author:hinton = %v, want 3 hits", got)
	}
}

// syncOK runs Sync and checks that the index it returns is whole; it
// returns whether Sync rebuilt it.
func syncOK(t *testing.T, dir string, gen uint64) (*Index, bool) {
	t.Helper()
	ix, why, err := Sync(context.Background(), dir, gen, each(library()))
	if err != nil {
		t.Fatalf("Sync: %v", err)
	}
	rebuilt := why != ""
	if n, err := ix.DocCount(); err != nil || n != 10 {
		t.Errorf("after Sync: DocCount = %d, %v; want 10", n, err)
	}
	if g, _ := ix.Generation(); g != gen {
		t.Errorf("after Sync: Generation = %d, want %d", g, gen)
	}
	if got := search(t, ix, "doi:10.1038/nature14539"); !slices.Equal(got, []string{"lecun2015"}) {
		t.Errorf("after Sync: doi search = %v", got)
	}
	return ix, rebuilt
}

func TestSync_Rebuilds(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "index")

	ix, rebuilt := syncOK(t, dir, 3)
	ix.Close()
	if !rebuilt {
		t.Error("missing index: rebuilt = false")
	}

	ix, rebuilt = syncOK(t, dir, 3)
	ix.Close()
	if rebuilt {
		t.Error("current index: rebuilt = true")
	}

	ix, rebuilt = syncOK(t, dir, 4)
	ix.Close()
	if !rebuilt {
		t.Error("other generation: rebuilt = false")
	}

	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	ix, rebuilt = syncOK(t, dir, 4)
	if !rebuilt {
		t.Error("deleted directory: rebuilt = false")
	}

	// An index written with another mapping, by an older evident say.
	rev := ix.rev
	ix.Close()
	rewriteRevision(t, dir, rev, func(w *Index) error { return w.shards[0].SetInternal(keyMapping, []byte("older mapping")) })
	ix, rebuilt = syncOK(t, dir, 4)
	ix.Close()
	if !rebuilt {
		t.Error("other mapping: rebuilt = false")
	}
}

// rewriteRevision changes the current revision in place, as no writer of
// evident does, and records its files again: an index as some other
// program left it.
func rewriteRevision(t *testing.T, dir, rev string, change func(*Index) error) {
	t.Helper()
	w, err := openBleve(rev, false)
	if err != nil {
		t.Fatal(err)
	}
	if err := change(w); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if err := writeManifest(rev, nil); err != nil {
		t.Fatal(err)
	}
}

// TestSync_ReaderKeepsItsRevision: an index open for reading is never
// changed under its reader; Sync makes a new revision current beside it,
// and the old one goes once nobody needs it.
func TestSync_ReaderKeepsItsRevision(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "index")
	ix, _ := syncOK(t, dir, 1)
	ix.Close()
	held, err := OpenRead(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	ix, rebuilt := syncOK(t, dir, 2)
	ix.Close()
	if !rebuilt {
		t.Error("other generation: rebuilt = false")
	}
	if g, _ := held.Generation(); g != 1 {
		t.Errorf("index in use was changed: generation %d, want 1", g)
	}
	if got := search(t, held, "author:hinton"); len(got) != 3 {
		t.Errorf("index in use was changed: author:hinton = %v", got)
	}
	now, err := OpenRead(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer now.Close()
	if g, _ := now.Generation(); g != 2 {
		t.Errorf("a new reader reads generation %d, want 2", g)
	}
	revs, _ := filepath.Glob(filepath.Join(dir, revPrefix+"*"))
	if len(revs) != 1 {
		t.Errorf("revisions left after Sync: %v, want only the current one", revs)
	}
}

func TestSync_RebuildsAfterInterruptedApply(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "index")
	ix, _ := syncOK(t, dir, 0)
	rev := ix.rev
	ix.Close()
	// Half an index and no generation: a build that died.
	rewriteRevision(t, dir, rev, func(w *Index) error {
		if err := w.shards[0].DeleteInternal(keyGeneration); err != nil {
			return err
		}
		return w.shards[0].Index(refID("x"), refDocument(library()[0]))
	})
	ix, rebuilt := syncOK(t, dir, 0)
	ix.Close()
	if !rebuilt {
		t.Error("index without a generation: rebuilt = false")
	}
}

func TestSync_RebuildsDamagedIndex(t *testing.T) {
	garbage := []byte(strings.Repeat("\xde\xad\xbe\xef", 1024))
	tests := []struct {
		name   string
		file   string // glob inside the index directory
		damage func(path string) error
	}{
		{"meta overwritten", "rev-*/shard-*/index_meta.json", func(p string) error { return os.WriteFile(p, []byte("{not json"), 0o600) }},
		{"meta removed", "rev-*/shard-*/index_meta.json", os.Remove},
		{"root truncated", "rev-*/shard-*/store/root.bolt", func(p string) error { return os.Truncate(p, 0) }},
		{"root overwritten", "rev-*/shard-*/store/root.bolt", func(p string) error { return overwriteAll(p, garbage) }},
		{"segment truncated", "rev-*/shard-*/store/*.zap", func(p string) error { return truncateHalf(p) }},
		{"segment emptied", "rev-*/shard-*/store/*.zap", func(p string) error { return os.Truncate(p, 0) }},
		{"segment tail overwritten", "rev-*/shard-*/store/*.zap", func(p string) error { return overwriteTail(p, garbage) }},
		{"segment middle overwritten", "rev-*/shard-*/store/*.zap", func(p string) error { return overwriteMiddle(p, garbage[:64]) }},
		{"segment removed", "rev-*/shard-*/store/*.zap", os.Remove},
		{"manifest removed", "rev-*/manifest.json", os.Remove},
		{"current removed", "current", os.Remove},
		{"current emptied", "current", func(p string) error { return os.Truncate(p, 0) }},
		{"current names nothing", "current", func(p string) error { return os.WriteFile(p, []byte("rev-999999\n"), 0o600) }},
		{"revision removed", "rev-*", os.RemoveAll},
		{"every file emptied", "rev-*/shard-*/store/*", func(p string) error { return os.Truncate(p, 0) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "index")
			ix, _ := syncOK(t, dir, 5)
			ix.Close()

			files, err := filepath.Glob(filepath.Join(dir, tt.file))
			if err != nil || len(files) == 0 {
				t.Fatalf("no %s in the index: %v", tt.file, err)
			}
			for _, f := range files {
				if err := tt.damage(f); err != nil {
					t.Fatal(err)
				}
			}

			ix, rebuilt := syncOK(t, dir, 5)
			ix.Close()
			if !rebuilt {
				t.Error("damaged index: rebuilt = false")
			}
		})
	}
}

// TestSync_ReplacesTheOlderLayout: an index written before revisions, with
// Bleve's files straight in the index directory, is rebuilt as a revision
// and its files are removed.
func TestSync_ReplacesTheOlderLayout(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "index")
	old := build(t, dir)
	old.Close()
	ix, why, err := Sync(context.Background(), dir, 1, each(library()))
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if !strings.Contains(why, "older evident") {
		t.Errorf("why = %q, want it to say the index was written by an older evident", why)
	}
	for _, name := range []string{"index_meta.json", "store"} {
		if _, err := os.Stat(filepath.Join(dir, name)); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%s of the older layout left behind: %v", name, err)
		}
	}
	if got := search(t, ix, "author:hinton"); len(got) != 3 {
		t.Errorf("author:hinton = %v, want 3 hits", got)
	}
}

func TestSync_DoesNotRemoveOtherFiles(t *testing.T) {
	dir := t.TempDir()
	notes := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(notes, []byte("mine"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, _, err := Sync(context.Background(), dir, 1, each(library())); err == nil || !strings.Contains(err.Error(), "not part of a search index") {
		t.Errorf("Sync over a directory of other files = %v, want a refusal", err)
	}
	if _, err := os.Stat(notes); err != nil {
		t.Errorf("Sync removed a file that was not its own: %v", err)
	}
}

func TestClose_Twice(t *testing.T) {
	ix, err := OpenMem()
	if err != nil {
		t.Fatal(err)
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	if err := ix.Close(); err != nil {
		t.Errorf("second Close = %v", err)
	}
}

func TestSync_CancelledRebuildLeavesNoIndex(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "index")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, _, err := Sync(ctx, dir, 1, each(library())); !errors.Is(err, context.Canceled) {
		t.Fatalf("Sync with a cancelled context = %v, want context.Canceled", err)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, "*")); len(left) > 0 {
		t.Errorf("half-built index left behind: %v", left)
	}
}

// TestSync_KeepsCurrentWhenRebuildFails: a failed build leaves the
// revision that was current, readable as before.
func TestSync_KeepsCurrentWhenRebuildFails(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "index")
	ix, _ := syncOK(t, dir, 1)
	ix.Close()
	boom := errors.New("boom")
	if _, _, err := Sync(context.Background(), dir, 2, func(func(*corpus.Reference) error) error { return boom }); !errors.Is(err, boom) {
		t.Fatalf("Sync = %v, want boom", err)
	}
	ix, err := OpenRead(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if g, _ := ix.Generation(); g != 1 {
		t.Errorf("after a failed build the index reads generation %d, want the old 1", g)
	}
	if revs, _ := filepath.Glob(filepath.Join(dir, revPrefix+"*")); len(revs) != 1 {
		t.Errorf("revisions after a failed build: %v", revs)
	}
}

func overwrite(path string, data []byte, off int64) error {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	if _, err := f.WriteAt(data, off); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func overwriteAll(path string, pattern []byte) error {
	info, err := os.Stat(path)
	if err != nil {
		return err
	}
	data := bytes.Repeat(pattern, int(info.Size())/len(pattern)+1)
	return overwrite(path, data[:info.Size()], 0)
}

func overwriteTail(path string, data []byte) error {
	info, err := os.Stat(path)
	if err != nil {
		return err
	}
	n := min(int64(len(data)), info.Size())
	return overwrite(path, data[:n], info.Size()-n)
}

func overwriteMiddle(path string, data []byte) error {
	info, err := os.Stat(path)
	if err != nil {
		return err
	}
	return overwrite(path, data, info.Size()/2)
}

func truncateHalf(path string) error {
	info, err := os.Stat(path)
	if err != nil {
		return err
	}
	return os.Truncate(path, info.Size()/2)
}

func TestCurrent(t *testing.T) {
	ix := build(t, "")
	for _, tt := range []struct {
		gen  uint64
		want bool
	}{{1, true}, {2, false}, {0, false}} {
		if got, err := ix.Current(tt.gen); err != nil || got != tt.want {
			t.Errorf("Current(%d) = %v, %v; want %v", tt.gen, got, err, tt.want)
		}
	}
	// Another mapping: same generation, not current.
	if err := ix.b.SetInternal(keyMapping, []byte("older")); err != nil {
		t.Fatal(err)
	}
	if got, err := ix.Current(1); err != nil || got {
		t.Errorf("Current(1) with another mapping = %v, %v; want false", got, err)
	}
}
