package csl

// nodeSlab hands out the nodes of one item's rendering from chunks it
// reuses for the next item: an entry, a sort key or a cite is text as soon
// as it is rendered, and its nodes, a third of the bytes a bibliography
// allocated, were garbage at once. A nil slab allocates each node alone,
// for renderings whose nodes outlive the item (citations, whose cites are
// joined later, and subsequent-author-substitute, which looks back at the
// entry before).
type nodeSlab struct {
	chunks [][]node
	ci, ni int // the chunk and the node in it handed out next
	// the same for the lists of kids
	lists  [][]*node
	li, lj int
}

// get returns a zeroed node.
func (s *nodeSlab) get() *node {
	if s == nil {
		return &node{}
	}
	if s.ci == len(s.chunks) {
		s.chunks = append(s.chunks, make([]node, 128))
	}
	ch := s.chunks[s.ci]
	n := &ch[s.ni]
	*n = node{}
	if s.ni++; s.ni == len(ch) {
		s.ci, s.ni = s.ci+1, 0
	}
	return n
}

// reset takes every node back: the caller holds none of them any more.
func (s *nodeSlab) reset() {
	if s != nil {
		s.ci, s.ni, s.li, s.lj = 0, 0, 0, 0
	}
}

// list returns an empty list of kids with room for n; appending past n
// moves it to the heap as usual.
func (s *nodeSlab) list(n int) []*node {
	const size = 1024
	if s == nil || n > size/4 {
		return make([]*node, 0, n)
	}
	for {
		if s.li == len(s.lists) {
			s.lists = append(s.lists, make([]*node, size))
		}
		if ch := s.lists[s.li]; s.lj+n <= len(ch) {
			l := ch[s.lj : s.lj : s.lj+n]
			s.lj += n
			return l
		}
		s.li, s.lj = s.li+1, 0
	}
}

// leaf, styled, wrap and group make nodes from the slab (the package's
// leaf, wrap and group allocate each). styled is a leaf with its own
// formatting: one node where wrap(leaf(t), f) makes two (names and dates
// make most of the nodes of an entry).

func (s *nodeSlab) leaf(t string) *node {
	if t == "" {
		return nil
	}
	n := s.get()
	n.text = t
	return n
}

func (s *nodeSlab) styled(t string, f *fmting) *node {
	if t == "" {
		return nil
	}
	n := s.get()
	n.text = t
	if f != nil && !f.empty() {
		n.f = f
	}
	return n
}

func (s *nodeSlab) wrap(k *node, f *fmting) *node {
	if k == nil {
		return nil
	}
	if f == nil || f.empty() {
		return k
	}
	n := s.get()
	n.one[0] = k
	n.kids, n.f = n.one[:], f
	return n
}

func (s *nodeSlab) group(delim string, f *fmting, kids ...*node) *node {
	// the list is kept as given when it holds no nil (renderKids never
	// returns one), so that a group costs one allocation, not two
	ks := kids
	for i, k := range kids {
		if k == nil {
			ks = append(make([]*node, 0, len(kids)), kids[:i]...)
			for _, k := range kids[i+1:] {
				if k != nil {
					ks = append(ks, k)
				}
			}
			break
		}
	}
	if len(ks) == 0 {
		return nil
	}
	if f != nil && f.empty() {
		f = nil
	}
	if len(ks) == 1 && f == nil && delim == "" {
		return ks[0]
	}
	n := s.get()
	n.kids, n.f, n.delim = ks, f, delim
	return n
}

// parent makes a node of kids, without formatting.
func (s *nodeSlab) parent(kids []*node) *node {
	n := s.get()
	n.kids = kids
	return n
}
