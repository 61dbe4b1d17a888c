package csl

import "strconv"

// positions tracks the cites seen so far in a document, to give each cite
// its CSL position: first, subsequent, ibid, ibid-with-locator, and
// whether it is near its previous cite (near-note).
type positions struct {
	distance  int            // near-note-distance
	firstNote map[string]int // item → note of its first cite
	lastNote  map[string]int // item → note of its latest cite
	prev      []CiteRef      // the previous cluster's cites
	prevNote  int
}

// at is the position of one cite.
type at struct {
	pos       int
	near      bool
	firstNote int
}

func newPositions(distance int) *positions {
	return &positions{distance: distance, firstNote: map[string]int{}, lastNote: map[string]int{}}
}

// nearNoteDistance is the style's near-note-distance (CSL 1.0.2: 5 when
// absent), set on the citation or on the style.
func (p *Processor) nearNoteDistance() int {
	v, ok := p.style.cite.opts["near-note-distance"]
	if !ok {
		v, ok = p.style.opts["near-note-distance"]
	}
	if n, err := strconv.Atoi(v); ok && err == nil && n >= 0 {
		return n
	}
	return 5
}

// cite gives the position of the k-th cite of a cluster in the given note
// and records it.
func (t *positions) cite(cluster []CiteRef, k, note int) at {
	r := cluster[k]
	first, seen := t.firstNote[r.ID]
	if !seen {
		t.firstNote[r.ID] = note
		t.lastNote[r.ID] = note
		return at{pos: posFirst}
	}
	a := at{pos: posSubsequent, firstNote: first}
	// near-note: the item was cited in this note or within the distance
	// before it
	a.near = note-t.lastNote[r.ID] <= t.distance
	t.lastNote[r.ID] = note
	// ibid: the cite right before is the same item, either in this
	// cluster or as the only cite of the cluster in the note before (or
	// the same note)
	var prev *CiteRef
	switch {
	case k > 0:
		prev = &cluster[k-1]
	case len(t.prev) == 1 && note-t.prevNote <= 1:
		prev = &t.prev[0]
	}
	if prev == nil || prev.ID != r.ID {
		return a
	}
	switch {
	case r.Locator == "" && prev.Locator == "":
		a.pos = posIbid
	case r.Locator == prev.Locator && sameLabel(r.Label, prev.Label):
		a.pos = posIbid
	case r.Locator != "":
		a.pos = posIbidWithLocator
	}
	return a
}

// endCluster remembers a cluster for the ibid of the next one.
func (t *positions) endCluster(cluster []CiteRef, note int) {
	t.prev, t.prevNote = cluster, note
}

// sameLabel compares locator labels, page being the default.
func sameLabel(a, b string) bool {
	if a == "" {
		a = "page"
	}
	if b == "" {
		b = "page"
	}
	return a == b
}
