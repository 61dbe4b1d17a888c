package resolve

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/evident-tools/evident/corpus"
)

// countingIndex is an Index over references in memory that counts the
// questions it is asked.
type countingIndex struct {
	lib   *Library
	refs  map[string]*corpus.Reference
	asked map[string]int
}

func newCountingIndex(refs []*corpus.Reference) *countingIndex {
	x := &countingIndex{lib: NewLibrary(refs), refs: map[string]*corpus.Reference{}, asked: map[string]int{}}
	for _, r := range refs {
		x.refs[r.Key] = r
	}
	return x
}

func (x *countingIndex) Len() int { return len(x.refs) }

func (x *countingIndex) Keys(f Field, v string, limit int) []string {
	x.asked[fmt.Sprintf("keys %d %s %d", f, v, limit)]++
	var out []string
	for _, i := range x.lib.some(f, v, limit) {
		out = append(out, x.lib.key(i))
	}
	slices.Sort(out)
	return out
}

func (x *countingIndex) Count(f Field, v string) int {
	x.asked[fmt.Sprintf("count %d %s", f, v)]++
	return x.lib.count(f, v)
}

func (x *countingIndex) Has(f Field, v string, keys []string) []bool {
	x.asked[fmt.Sprintf("has %d %s %v", f, v, keys)]++
	all := x.Keys(f, v, 0)
	out := make([]bool, len(keys))
	for k, key := range keys {
		out[k] = slices.Contains(all, key)
	}
	return out
}

func (x *countingIndex) Get(key string) *corpus.Reference {
	x.asked["get "+key]++
	return x.refs[key]
}

func (x *countingIndex) Near(f Field, v string, maxEdits int) []string {
	x.asked[fmt.Sprintf("near %d %s %d", f, v, maxEdits)]++
	return x.lib.near(f, v, maxEdits)
}

func (x *countingIndex) Err() error { return nil }

// TestNewIndexed_AsksTheIndexEachQuestionOnce resolves the same citations
// twice through an Index: the second time asks it nothing (the answers of
// one article's check are remembered), and the answers are those of the
// library in memory.
func TestNewIndexed_AsksTheIndexEachQuestionOnce(t *testing.T) {
	var refs []*corpus.Reference
	for i := range 50 {
		refs = append(refs, &corpus.Reference{
			Key:     fmt.Sprintf("smith%d", 2000+i),
			Title:   fmt.Sprintf("Exercise and back pain, part %d", i),
			Authors: []corpus.Name{{First: "Ann", Last: "Smith"}},
			Year:    2000 + i%5,
			IDs:     corpus.Identifiers{DOI: fmt.Sprintf("10.1000/x.%d", i)},
		})
	}
	x := newCountingIndex(refs)
	mem := NewLibrary(refs)
	l := NewIndexed(x, nil)
	ask := func() []string {
		var got []string
		for _, k := range []string{"smith2003", "SMITH2004", "doi:10.1000/x.7", "smith2003x", "nobody"} {
			r := l.ByKey(k)
			want := mem.ByKey(k)
			if (r == nil) != (want == nil) || r != nil && r.Key != want.Key {
				t.Errorf("ByKey(%q) = %v, in memory %v", k, r, want)
			}
			if r != nil {
				got = append(got, r.Key)
			}
			got = append(got, "near:"+l.NearKey(k))
		}
		m, why := l.AuthorYear(corpus.Cite{Authors: []string{"Smith"}, Year: "2003"})
		wm, wwhy := mem.AuthorYear(corpus.Cite{Authors: []string{"Smith"}, Year: "2003"})
		if m.Key != wm.Key || why != wwhy {
			t.Errorf("AuthorYear = %q, %q; in memory %q, %q", m.Key, why, wm.Key, wwhy)
		}
		return append(got, m.Key+why)
	}
	first := ask()
	n := len(x.asked)
	if n == 0 {
		t.Fatal("the index was asked nothing: the test tests nothing")
	}
	clear(x.asked)
	if second := ask(); !slices.Equal(first, second) {
		t.Errorf("second answers %v, first %v", second, first)
	}
	if len(x.asked) > 0 {
		var qs []string
		for q := range x.asked {
			qs = append(qs, q)
		}
		slices.Sort(qs)
		t.Errorf("asked the index again (%d questions after %d): %s", len(qs), n, strings.Join(qs, "; "))
	}
}
