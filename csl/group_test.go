package csl

import "testing"

// TestGroup_DropsNilKidsAndKeepsOrder pins group's handling of its list:
// nils are dropped (a copy is made only then), order is kept, and a lone
// unformatted kid is returned as is.
func TestGroup_DropsNilKidsAndKeepsOrder(t *testing.T) {
	a, b, c := leaf("a"), leaf("b"), leaf("c")
	tests := []struct {
		name string
		kids []*node
		want []*node
	}{
		{"no nil", []*node{a, b, c}, []*node{a, b, c}},
		{"nil first", []*node{nil, b, c}, []*node{b, c}},
		{"nil between", []*node{a, nil, c, nil}, []*node{a, c}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := append([]*node(nil), tt.kids...)
			g := group(", ", nil, in...)
			if g == nil || len(g.kids) != len(tt.want) {
				t.Fatalf("group = %+v, want %d kids", g, len(tt.want))
			}
			for i := range tt.want {
				if g.kids[i] != tt.want[i] {
					t.Errorf("kid %d = %q, want %q", i, g.kids[i].text, tt.want[i].text)
				}
			}
			for i := range in {
				if in[i] != tt.kids[i] {
					t.Errorf("the caller's list changed at %d", i)
				}
			}
		})
	}
	if g := group("", nil, nil, b); g != b {
		t.Errorf("a lone kid without formatting should be returned as is, got %+v", g)
	}
	if g := group(", ", nil, nil, nil); g != nil {
		t.Errorf("no kids should give nil, got %+v", g)
	}
}
