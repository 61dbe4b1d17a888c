package resolve

import (
	"slices"
	"sync"

	"github.com/evident-tools/evident/corpus"
)

// memo is an Index that remembers the answers of another for the life of
// one Library (one article's check): a citation key is asked for many
// times (as a key, an alias, each without case, then by the rules that
// look at what it resolved to), and each question to a library on disk is
// a read transaction and a walk down its trees, which grow with the
// library. The library does not change while an article is checked.
type memo struct {
	Index

	mu     sync.Mutex
	keys   map[memoKey][]string
	counts map[memoKey]int
	near   map[memoKey][]string
}

// memoKey is one question: a field, a value and a limit (Keys) or a
// number of edits (Near).
type memoKey struct {
	f Field
	v string
	n int
}

func newMemo(idx Index) *memo {
	return &memo{
		Index:  idx,
		keys:   make(map[memoKey][]string),
		counts: make(map[memoKey]int),
		near:   make(map[memoKey][]string),
	}
}

// Keys answers from an earlier answer with the same limit, or with no
// limit (all keys, of which the first limit are the answer).
func (m *memo) Keys(f Field, value string, limit int) []string {
	k := memoKey{f, value, limit}
	m.mu.Lock()
	ks, ok := m.keys[k]
	if !ok && limit > 0 {
		if all, found := m.keys[memoKey{f, value, 0}]; found {
			ks, ok = slices.Clip(all[:min(limit, len(all))]), true
		}
	}
	m.mu.Unlock()
	if ok {
		return ks
	}
	// Clipped: a caller that appends to an answer copies it.
	ks = slices.Clip(m.Index.Keys(f, value, limit))
	m.mu.Lock()
	m.keys[k] = ks
	m.mu.Unlock()
	return ks
}

func (m *memo) Count(f Field, value string) int {
	k := memoKey{f, value, 0}
	m.mu.Lock()
	n, ok := m.counts[k]
	m.mu.Unlock()
	if ok {
		return n
	}
	n = m.Index.Count(f, value)
	m.mu.Lock()
	m.counts[k] = n
	m.mu.Unlock()
	return n
}

func (m *memo) Near(f Field, value string, maxEdits int) []string {
	k := memoKey{f, value, maxEdits}
	m.mu.Lock()
	vs, ok := m.near[k]
	m.mu.Unlock()
	if ok {
		return vs
	}
	vs = slices.Clip(m.Index.Near(f, value, maxEdits))
	m.mu.Lock()
	m.near[k] = vs
	m.mu.Unlock()
	return vs
}

// Get is not remembered here: the Library keeps what it decodes.
func (m *memo) Get(key string) *corpus.Reference { return m.Index.Get(key) }
