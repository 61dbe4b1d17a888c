package resolve

import (
	"slices"
	"strings"
)

// candidates returns the references worth scoring: those with the same
// title, those sharing the rarest title words, and those with the same
// first author and year. It never scans the library: it reads the
// posting lists of the rarest words first and stops after six lists, or
// once a list is common (commonList) and two have been read.
func (l *Library) candidates(q *query) []int32 {
	words := q.title
	if len(words) == 0 {
		words = q.entryWords()
	}
	c, _ := l.counters.Get().(*counter)
	if c == nil {
		c = new(counter)
	}
	defer l.release(c)
	c.reset(l.size())
	if len(q.title) > 0 {
		for _, i := range l.some(FieldTitle, strings.Join(q.title, " "), 0) {
			c.add(i, 100)
		}
	}
	// A posting list is read only when it is used: its length decides.
	type posting struct {
		word string
		n    int
	}
	var lists []posting
	for j, w := range words {
		if indexOf(words[:j], w) >= 0 {
			continue
		}
		if n := l.count(FieldWord, w); n > 0 {
			lists = append(lists, posting{w, n})
		}
	}
	slices.SortFunc(lists, func(a, b posting) int { return a.n - b.n })
	common := commonList(l.Len())
	for k, list := range lists {
		if k >= 6 || k >= 2 && list.n > common {
			break
		}
		if list.n > common {
			if len(c.touched) > 0 {
				// A common word only adds to the candidates the
				// rarer words found, so that "deep" does not
				// bring in a tenth of the library: those whose
				// titles have it, read from the candidates rather
				// than from the long list.
				for k, has := range l.haveWord(c.touched, list.word) {
					if has {
						c.n[c.touched[k]]++
					}
				}
				continue
			}
			// A title of common words only: a bounded share.
			for _, i := range l.some(FieldWord, list.word, common) {
				c.add(i, 1)
			}
			continue
		}
		for _, i := range l.some(FieldWord, list.word, 0) {
			c.add(i, 1)
		}
	}
	if q.hasFirst {
		for _, k := range []string{q.first.full, q.first.bare} {
			// A name as common as a common word (Wang, Smith): a
			// bounded share, as for a title of common words.
			var is []int32
			if q.e.Year == 0 {
				is = l.some(FieldFirst, k, common)
			} else {
				is = l.some(FieldFirst, FirstValue(k, q.e.Year), common)
			}
			for _, i := range is {
				c.add(i, 2)
			}
			if q.first.bare == q.first.full {
				break
			}
		}
	}
	// Keep the maxScored best counted: find the count from which there
	// are enough, and sort only those.
	floor := uint16(0)
	if len(c.touched) > maxScored {
		var hist [256]int
		for _, i := range c.touched {
			hist[min(c.n[i], 255)]++
		}
		for n, k := 255, 0; n > 0; n-- {
			if k += hist[n]; k >= maxScored {
				floor = uint16(n)
				break
			}
		}
	}
	// Sorted by count, then in library order (Library.before), on keys
	// read once: comparing through the library takes its lock each time,
	// and a common list leaves thousands tied at the floor.
	type ranked struct {
		i   int32
		n   uint16
		mem bool
		key string
	}
	rs := make([]ranked, 0, min(len(c.touched), 2*maxScored))
	l.mu.Lock()
	for _, i := range c.touched {
		if c.n[i] >= floor {
			r := ranked{i: i, n: c.n[i], mem: l.idx != nil && int(i) < l.nMem}
			if l.idx != nil && !r.mem {
				r.key = l.keys[i]
			}
			rs = append(rs, r)
		}
	}
	l.mu.Unlock()
	slices.SortFunc(rs, func(a, b ranked) int {
		switch {
		case a.n != b.n:
			return int(b.n) - int(a.n)
		case a.mem != b.mem:
			// The Index's references come before those in memory.
			if a.mem {
				return 1
			}
			return -1
		case a.key != b.key:
			return strings.Compare(a.key, b.key)
		}
		return int(a.i) - int(b.i)
	})
	out := make([]int32, 0, min(len(rs), maxScored))
	for _, r := range rs[:min(len(rs), maxScored)] {
		out = append(out, r.i)
	}
	return out
}

// haveWord reports for each reference whether its title has the word w:
// from what the library has decoded, and for the Index's references it
// has not, from the Index in one look-up, without decoding them (the
// candidates of a common word are thousands in a large library).
func (l *Library) haveWord(is []int32, w string) []bool {
	out := make([]bool, len(is))
	var ask []string
	var at []int
	l.mu.Lock()
	for k, i := range is {
		if info := l.info[i]; info != nil {
			out[k] = indexOf(info.words, w) >= 0
		} else {
			ask = append(ask, l.keys[i])
			at = append(at, k)
		}
	}
	l.mu.Unlock()
	if len(ask) > 0 {
		for j, has := range l.idx.Has(FieldWord, w, ask) {
			out[at[j]] = has
		}
	}
	return out
}

// maxList is the length from which a posting list is common in any
// library: a tenth of a library of 10,000, and under a tenth of a larger
// one, so that the work of matching an entry stops growing with the
// library. Of 48 candidates scored (maxScored), a longer list adds
// little but the references it names first (in a library of a million,
// 1,000 against 2,000 took a check of 69 entries from about 200 ms of
// CPU to 130).
const maxList = 1000

// commonList is the length from which a posting list is common in a
// library of n references: a tenth of it, at least 64 and at most
// maxList.
func commonList(n int) int { return max(64, min(n/10, maxList)) }

// counter counts, per reference, the evidence that makes it a candidate.
// A slice indexed by reference beats a map by a wide margin; the
// library's pool keeps one per goroutine in use, cleared through the list
// of references it touched.
type counter struct {
	n       []uint16
	touched []int32
}

func (c *counter) reset(size int) {
	if len(c.n) < size {
		c.n = make([]uint16, size)
		c.touched = c.touched[:0]
	}
}

func (c *counter) add(i int32, d uint16) {
	if int(i) >= len(c.n) {
		// An Index's reference looked up after reset.
		c.n = append(c.n, make([]uint16, int(i)+1-len(c.n))...)
	}
	if c.n[i] == 0 {
		c.touched = append(c.touched, i)
	}
	c.n[i] += d
}

func (l *Library) release(c *counter) {
	for _, i := range c.touched {
		c.n[i] = 0
	}
	c.touched = c.touched[:0]
	l.counters.Put(c)
}
