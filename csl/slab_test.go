package csl

import "testing"

func TestNodeSlab_ResetHandsOutTheSameNodesZeroed(t *testing.T) {
	s := &nodeSlab{}
	var first []*node
	for i := range 300 { // more than a chunk
		n := s.leaf("x")
		n.f = &fmting{prefix: "("}
		n.kids = []*node{{text: itoa(i)}}
		first = append(first, n)
	}
	s.reset()
	for i := range 300 {
		n := s.get()
		if n != first[i] {
			t.Fatalf("node %d is not reused", i)
		}
		if n.text != "" || n.f != nil || n.kids != nil {
			t.Fatalf("node %d is not zeroed: %+v", i, *n)
		}
	}
}

func TestNodeSlab_NilAllocatesEachNode(t *testing.T) {
	var s *nodeSlab
	a, b := s.leaf("a"), s.leaf("a")
	if a == b || a.text != "a" {
		t.Errorf("nil slab gave %p and %p", a, b)
	}
	s.reset() // no panic
	if w := s.wrap(a, &fmting{suffix: "."}); len(w.kids) != 1 || w.kids[0] != a {
		t.Errorf("wrap holds %v", w.kids)
	}
}
