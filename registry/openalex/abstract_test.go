package openalex

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
)

func TestAbstract_RebuildsWordsInPositionOrder(t *testing.T) {
	for _, c := range []struct {
		name  string
		index map[string][]int
		want  string
	}{
		{"dense positions", map[string][]int{"the": {0, 3}, "cat": {1}, "saw": {2}, "dog.": {4}}, "the cat saw the dog."},
		{"gaps close", map[string][]int{"one": {0}, "two": {7}, "three": {40}}, "one two three"},
		{"a position given twice keeps one word, the same whatever the map order", map[string][]int{"b": {1}, "a": {1}, "z": {0}}, "z a"},
		{"negative positions are ignored", map[string][]int{"x": {-1}, "y": {0}}, "y"},
		{"blank words are ignored, inner space collapses", map[string][]int{" ": {0}, "New\tYork": {1}, "": {2}}, "New York"},
		{"a huge position sorts last", map[string][]int{"end": {1_000_000_000}, "start": {0}, "middle": {5}}, "start middle end"},
		{"no index", nil, ""},
	} {
		if got := Abstract(c.index); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}

// A hostile index costs memory by its number of positions, not by its
// largest: position 10^9 allocates no 10^9 slice.
func TestAbstract_HugePositionsAllocateLittle(t *testing.T) {
	index := map[string][]int{"a": {0, 999_999_999}, "b": {1 << 40}, "c": {1_000_000_000}}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	got := Abstract(index)
	runtime.ReadMemStats(&after)
	if got != "a a c b" {
		t.Errorf("got %q", got)
	}
	if n := after.TotalAlloc - before.TotalAlloc; n > 64<<10 {
		t.Errorf("rebuilding 4 words allocated %d bytes", n)
	}
}

// Past MaxAbstractWords only the lowest positions are kept.
func TestAbstract_KeepsTheFirstMaxAbstractWords(t *testing.T) {
	index := map[string][]int{}
	for i := MaxAbstractWords + 500; i >= 0; i-- {
		w := fmt.Sprintf("w%d", i)
		index[w] = append(index[w], i)
	}
	words := strings.Fields(Abstract(index))
	if len(words) != MaxAbstractWords || words[0] != "w0" || words[len(words)-1] != fmt.Sprintf("w%d", MaxAbstractWords-1) {
		t.Errorf("%d words, from %s to %s", len(words), words[0], words[len(words)-1])
	}
}

// The parser hands the index over as decoded; a hostile one in a work
// still gives its words in order.
func TestParseWork_HostileInvertedIndex(t *testing.T) {
	rec, err := ParseWork([]byte(`{"title": "x", "abstract_inverted_index": {"late": [1000000000], "early": [0, 0], "odd": [-5]}}`))
	if err != nil || rec.Abstract != "early late" {
		t.Errorf("abstract %q, %v", rec.Abstract, err)
	}
}
