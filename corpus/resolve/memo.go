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
	if limit > 0 {
		m.mu.Lock()
		all, ok := m.keys[memoKey{f, value, 0}]
		m.mu.Unlock()
		if ok {
			return slices.Clip(all[:min(limit, len(all))])
		}
	}
	return remember(&m.mu, m.keys, memoKey{f, value, limit}, func() []string {
		// Clipped: a caller that appends to an answer copies it.
		return slices.Clip(m.Index.Keys(f, value, limit))
	})
}

func (m *memo) Count(f Field, value string) int {
	return remember(&m.mu, m.counts, memoKey{f, value, 0}, func() int { return m.Index.Count(f, value) })
}

func (m *memo) Near(f Field, value string, maxEdits int) []string {
	return remember(&m.mu, m.near, memoKey{f, value, maxEdits}, func() []string {
		// Clipped: a caller that appends to an answer copies it.
		return slices.Clip(m.Index.Near(f, value, maxEdits))
	})
}

// remember returns the answer to k in answers, asking for it once.
func remember[V any](mu *sync.Mutex, answers map[memoKey]V, k memoKey, ask func() V) V {
	mu.Lock()
	v, ok := answers[k]
	mu.Unlock()
	if ok {
		return v
	}
	v = ask()
	mu.Lock()
	answers[k] = v
	mu.Unlock()
	return v
}

// Get is not remembered here: the Library keeps what it decodes.
func (m *memo) Get(key string) *corpus.Reference { return m.Index.Get(key) }
