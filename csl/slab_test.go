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

func TestNodeSlab_ListsDoNotOverlap(t *testing.T) {
	s := &nodeSlab{}
	a, b := s.list(3), s.list(3)
	x, y := s.leaf("x"), s.leaf("y")
	a = append(a, x, x, x, x) // past its room: moved, b untouched
	b = append(b, y, y, y)
	for _, n := range a {
		if n != x {
			t.Fatalf("list a holds %v", a)
		}
	}
	for _, n := range b {
		if n != y {
			t.Fatalf("list b holds %v", b)
		}
	}
	if big := s.list(5000); cap(big) != 5000 || len(big) != 0 {
		t.Errorf("a long list has len %d cap %d", len(big), cap(big))
	}
}
