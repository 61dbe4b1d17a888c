package index

import (
	"cmp"
	"encoding/json"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/store/storetest"
)

// TestRebuild_AnalysingAheadOfTheBuilderChangesNothing holds a rebuild,
// whose documents are mapped and analysed on other goroutines before the
// offline builder takes them, to Bleve's builder left to map and analyse
// them itself: every query answers the same hits with the same scores and
// the same marked fragments, and the index keeps the same mapping.
func TestRebuild_AnalysingAheadOfTheBuilderChangesNothing(t *testing.T) {
	refs := synthetic(3000)
	refs = append(refs,
		withAbstract("walk2020", "Brisk walking and blood pressure", "We followed 2,000 adults for ten years. Brisk walking lowered blood pressure by 5 mmHg."),
		withAbstract("schon2019", "Schön's reflective practice", "Reflection in action, revisited."))
	st := storetest.Filled(t, refs)
	ahead := rebuilt(t, st)

	// The same references, in the order a rebuild reads them, through
	// Bleve's builder alone.
	m, err := newMapping()
	if err != nil {
		t.Fatal(err)
	}
	plainDir := filepath.Join(t.TempDir(), "plain")
	b, err := bleve.NewBuilder(plainDir, m, map[string]any{"buildPathPrefix": t.TempDir(), "batchSize": builderBatch, "mergeMax": builderMergeMax})
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Each(func(r *corpus.Reference) error { return b.Index(refID(r.Key), refDocument(r)) }); err != nil {
		t.Fatal(err)
	}
	if err := b.Close(); err != nil {
		t.Fatal(err)
	}
	pb, err := bleve.Open(plainDir)
	if err != nil {
		t.Fatal(err)
	}
	plain := newIndex([]bleve.Index{pb}, m)
	defer plain.Close()

	want, _ := json.Marshal(pb.Mapping())
	got, _ := json.Marshal(ahead.shards[0].Mapping())
	if string(got) != string(want) {
		t.Errorf("the rebuilt index keeps the mapping\n%s\nwant\n%s", got, want)
	}
	for _, q := range []Query{
		{Text: "walking blood pressure"}, {Text: `"blood pressure"`}, {Text: "schön"}, {Text: "title:reflective"},
		{Text: "kalo"}, {Text: "year:>=2000 mika"}, {Text: "given:kalo"}, {Text: "doi:10.1234*"},
		{Text: "venue:journal", Facets: true}, {Text: "added:>=\"2025-01-02\" stra"},
	} {
		// Every hit: Bleve's builder puts a batch's documents into their
		// segment in no set order, so hits of equal score come in any
		// order, and a limit could cut a run of them anywhere.
		q.Limit = 10000
		w := byScoreAndKey(mustSearch(t, plain, q))
		g := byScoreAndKey(mustSearch(t, ahead, q))
		w.Took, g.Took = 0, 0
		if w.Total == 0 {
			t.Errorf("%q finds nothing: not a test", q.Text)
		}
		if g.Total != w.Total || len(g.Hits) != len(w.Hits) {
			t.Errorf("%q: %d hits (%d returned), want %d (%d)", q.Text, g.Total, len(g.Hits), w.Total, len(w.Hits))
			continue
		}
		for i := range w.Hits {
			if !reflect.DeepEqual(g.Hits[i], w.Hits[i]) {
				t.Errorf("%q: hit %d is\n%+v\nwant\n%+v", q.Text, i, g.Hits[i], w.Hits[i])
				break
			}
		}
		if !reflect.DeepEqual(g.Facets, w.Facets) {
			t.Errorf("%q: facets %v, want %v", q.Text, g.Facets, w.Facets)
		}
	}
}

// byScoreAndKey orders the hits of res by score, best first, then by key.
func byScoreAndKey(res *Result) *Result {
	slices.SortStableFunc(res.Hits, func(a, b SearchHit) int {
		if c := cmp.Compare(b.Score, a.Score); c != 0 {
			return c
		}
		return strings.Compare(a.Key, b.Key)
	})
	return res
}
