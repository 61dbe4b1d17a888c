package resolve

import (
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/evident-tools/evident/corpus"
)

// Library indexes references for matching: by every identifier, by key
// (case-insensitive), by first-author surname, and by the words of their
// titles (Terms). It holds them in memory (NewLibrary), or looks them up in
// an Index and decodes only those it compares (NewIndexed), with the same
// results. It is safe for concurrent use.
type Library struct {
	// mu guards refs, info, keys and loaded while an Index adds to them;
	// a library in memory is never written after NewLibrary.
	mu sync.Mutex
	// refs and info are the references the library has looked at, by
	// local id: those in memory first, then those of the Index in the
	// order they were first looked up. An Index's reference is given an
	// id (and its key) before it is decoded: refs[i] and info[i] are nil
	// until it is compared.
	refs []*corpus.Reference
	info []*refInfo
	keys []string
	// mem indexes the references in memory by field and value.
	mem [numFields]map[string][]int32
	// nMem is how many references are in memory; ids from nMem on are
	// the Index's.
	nMem   int
	idx    Index
	loaded map[string]int32

	// counters recycles the candidate counters of candidates.
	counters sync.Pool
}

// refInfo is what matching compares of one reference, computed once.
type refInfo struct {
	title, main []string
	words       []string // the distinct words of title, for candidates
	// first is the first author's folded name (or the first editor's,
	// for a work without authors); n counts them. The other names are
	// folded on first use: most references are never a candidate, and
	// folding every name would double the time to build a library.
	first     nameKey
	n         int
	names     []corpus.Name
	once      sync.Once
	all       []nameKey
	etAl      bool
	year      int
	sortTitle string // the title as styles sort it for year suffixes
}

// keys returns the folded names of all authors.
func (r *refInfo) keys() []nameKey {
	r.once.Do(func() {
		r.all = make([]nameKey, r.n)
		for j, n := range r.names {
			if j == 0 {
				r.all[0] = r.first
				continue
			}
			r.all[j] = refNameKey(n, false)
		}
	})
	return r.all
}

// author returns the folded name of the k-th author.
func (r *refInfo) author(k int) nameKey {
	if k == 0 {
		return r.first
	}
	return r.keys()[k]
}

// newInfo computes what matching compares of r.
func newInfo(r *corpus.Reference) *refInfo {
	info := &refInfo{}
	norm := corpus.NormalizeTitle(r.Title)
	info.title = contentWords(norm)
	for j, w := range info.title {
		if indexOf(info.title[:j], w) < 0 {
			info.words = append(info.words, w)
		}
	}
	info.main = mainTitle(r.Title)
	info.year = r.Year
	info.etAl = r.AuthorsEtAl
	info.sortTitle = sortNormalized(norm)
	info.names = firstNames(r)
	info.n = len(info.names)
	if info.n > 0 {
		info.first = refNameKey(info.names[0], true)
	}
	return info
}

// NewLibrary indexes refs in memory. Nil references are skipped; when two
// share a key or an identifier the first one wins. A reference's aliases
// find it as its key does, but never in place of another reference's key.
func NewLibrary(refs []*corpus.Reference) *Library {
	return NewIndexed(nil, refs)
}

// NewIndexed is a library of the references of idx (none when idx is nil)
// followed by refs, held in memory (an article's own bibliography, works
// its citation fields carry): idx's come first where several fit. A
// reference of refs under a key idx has stands in for idx's (a copy that
// gained aliases: importer.ExtendStored), in its place.
func NewIndexed(idx Index, refs []*corpus.Reference) *Library {
	if idx != nil {
		idx = newMemo(idx)
	}
	n := len(refs)
	l := &Library{
		refs: make([]*corpus.Reference, 0, n),
		info: make([]*refInfo, 0, n),
		keys: make([]string, 0, n),
		idx:  idx,
	}
	for f := range l.mem {
		l.mem[f] = make(map[string][]int32)
	}
	var over []*corpus.Reference
	for _, r := range refs {
		if r == nil {
			continue
		}
		if idx != nil && len(idx.Keys(FieldKey, r.Key, 1)) > 0 {
			over = append(over, r)
			continue
		}
		l.add(r)
	}
	l.nMem = len(l.refs)
	if idx != nil {
		l.loaded = make(map[string]int32)
	}
	for _, r := range over {
		// In idx's place, found by its key as idx's reference is, and by
		// the aliases idx does not know of.
		i := l.id(r.Key)
		l.refs[i], l.info[i] = r, newInfo(r)
		for _, a := range r.Aliases {
			if len(idx.Keys(FieldAlias, a, 1)) == 0 {
				l.mem[FieldAlias][a] = append(l.mem[FieldAlias][a], i)
			}
			if fa := strings.ToLower(a); len(idx.Keys(FieldFoldAlias, fa, 1)) == 0 {
				l.mem[FieldFoldAlias][fa] = append(l.mem[FieldFoldAlias][fa], i)
			}
		}
	}
	return l
}

func (l *Library) add(r *corpus.Reference) {
	i := int32(len(l.refs))
	l.refs = append(l.refs, r)
	info := newInfo(r)
	l.info = append(l.info, info)
	l.keys = append(l.keys, r.Key)
	l.mem[FieldKey][r.Key] = append(l.mem[FieldKey][r.Key], i)
	for _, t := range Terms(r) {
		v := t.Value
		if t.Field == FieldFirst {
			// In memory the year is in info: one list per name.
			v, _, _ = strings.Cut(v, yearSep)
		}
		l.mem[t.Field][v] = append(l.mem[t.Field][v], i)
	}
}

// id returns the local id of the Index's reference key, giving it one
// (without decoding it) when it has none.
func (l *Library) id(key string) int32 {
	l.mu.Lock()
	defer l.mu.Unlock()
	if i, ok := l.loaded[key]; ok {
		return i
	}
	i := int32(len(l.refs))
	l.refs = append(l.refs, nil)
	l.info = append(l.info, nil)
	l.keys = append(l.keys, key)
	l.loaded[key] = i
	return i
}

// at returns the i-th reference and what matching compares of it,
// decoding an Index's reference on first use. A reference the Index
// cannot read comes back as an empty one under its key, which matches
// nothing; the Index's Err says why.
func (l *Library) at(i int32) (*corpus.Reference, *refInfo) {
	if l.idx == nil {
		return l.refs[i], l.info[i]
	}
	l.mu.Lock()
	r, info, key := l.refs[i], l.info[i], l.keys[i]
	l.mu.Unlock()
	if r != nil {
		return r, info
	}
	r = l.idx.Get(key)
	if r == nil {
		r = &corpus.Reference{Key: key}
	}
	info = newInfo(r)
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.refs[i] == nil {
		l.refs[i], l.info[i] = r, info
	}
	return l.refs[i], l.info[i]
}

func (l *Library) ref(i int32) *corpus.Reference { r, _ := l.at(i); return r }

func (l *Library) inf(i int32) *refInfo { _, info := l.at(i); return info }

// key returns the key of the i-th reference without decoding it.
func (l *Library) key(i int32) string {
	if l.idx == nil {
		return l.keys[i]
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.keys[i]
}

// size is the number of local ids given so far.
func (l *Library) size() int {
	if l.idx == nil {
		return len(l.refs)
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.refs)
}

// before reports whether reference a comes before b in library order: the
// Index's in key order, then those in memory in the order given.
func (l *Library) before(a, b int32) bool {
	if l.idx == nil {
		return a < b
	}
	ma, mb := int(a) < l.nMem, int(b) < l.nMem
	switch {
	case ma && mb:
		return a < b
	case ma != mb:
		return mb
	}
	return l.key(a) < l.key(b)
}

// compare orders ids in library order, for sorting.
func (l *Library) compare(a, b int32) int {
	switch {
	case a == b:
		return 0
	case l.before(a, b):
		return -1
	}
	return 1
}

// lookup returns the first reference in library order indexed under v in
// f, or -1.
func (l *Library) lookup(f Field, v string) int32 {
	if is := l.some(f, v, 1); len(is) > 0 {
		return is[0]
	}
	return -1
}

// some returns the first n references (all when n <= 0) indexed under v
// in f, in library order.
func (l *Library) some(f Field, v string, n int) []int32 {
	if v == "" {
		return nil
	}
	var out []int32
	if l.idx != nil {
		for _, k := range l.idx.Keys(f, v, n) {
			out = append(out, l.id(k))
		}
	}
	if n > 0 && len(out) >= n {
		return out[:n]
	}
	mv := v
	if f == FieldFirst {
		mv, _, _ = strings.Cut(v, yearSep)
	}
	for _, i := range l.mem[f][mv] {
		if f == FieldFirst && mv != v && FirstValue(mv, l.inf(i).year) != v {
			continue
		}
		out = append(out, i)
		if n > 0 && len(out) >= n {
			break
		}
	}
	return out
}

// count is len(some(f, v, 0)) without decoding.
func (l *Library) count(f Field, v string) int {
	n := len(l.mem[f][v])
	if l.idx != nil && v != "" {
		n += l.idx.Count(f, v)
	}
	return n
}

// near returns the values of f within maxEdits edits of v, in order.
func (l *Library) near(f Field, v string, maxEdits int) []string {
	var cands []string
	if l.idx != nil {
		cands = l.idx.Near(f, v, maxEdits)
	}
	n := utf8.RuneCountInString(v)
	for k := range l.mem[f] {
		// More edits apart than their lengths differ by cannot be near.
		if d := utf8.RuneCountInString(k) - n; d <= maxEdits && -d <= maxEdits {
			cands = append(cands, k)
		}
	}
	var out []string
	for _, k := range cands {
		if corpus.EditDistance(v, k, maxEdits) <= maxEdits {
			out = append(out, k)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// Loaded returns the references the library has decoded: all of them for
// a library in memory, those it compared for one over an Index (every
// reference a citation resolved to among them).
func (l *Library) Loaded() []*corpus.Reference {
	l.mu.Lock()
	defer l.mu.Unlock()
	out := make([]*corpus.Reference, 0, len(l.refs))
	for _, r := range l.refs {
		if r != nil {
			out = append(out, r)
		}
	}
	return out
}

// Err is the first error the library's Index met, or nil.
func (l *Library) Err() error {
	if l.idx == nil {
		return nil
	}
	return l.idx.Err()
}

func indexOf(ws []string, w string) int {
	for i, x := range ws {
		if x == w {
			return i
		}
	}
	return -1
}

// sortTitle returns a title as author-date styles order works with the
// same authors and year to give them suffixes: folded, without a leading
// article.
func sortTitle(t string) string { return sortNormalized(corpus.NormalizeTitle(t)) }

func sortNormalized(t string) string {
	for _, a := range []string{"the ", "a ", "an "} {
		if strings.HasPrefix(t, a) {
			return t[len(a):]
		}
	}
	return t
}

// Len returns the number of references in the library.
func (l *Library) Len() int {
	if l.idx == nil {
		return len(l.refs)
	}
	return l.idx.Len() + l.nMem
}

// Ref returns the reference whose key is key exactly (no alias), or nil.
func (l *Library) Ref(key string) *corpus.Reference {
	if i := l.lookup(FieldKey, key); i >= 0 {
		return l.ref(i)
	}
	return nil
}

// ByKey returns the reference with the given key or alias: the exact key,
// else an exact alias, else either compared without case. A Manubot-style key names an identifier
// instead: "doi:10.1038/nature14539", "pmid:26017442", "pmcid:PMC4494865",
// "arxiv:1706.03762", "isbn:9780262035613", "url:https://…" (or the bare
// URL). It returns nil when nothing matches.
func (l *Library) ByKey(key string) *corpus.Reference {
	if i := l.byKeyOrAlias(FieldKey, FieldAlias, key); i >= 0 {
		return l.ref(i)
	}
	key = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(key), "@"))
	if i := l.byKeyOrAlias(FieldFold, FieldFoldAlias, strings.ToLower(key)); i >= 0 {
		return l.ref(i)
	}
	prefix, rest, ok := strings.Cut(key, ":")
	if !ok {
		return nil
	}
	var i int32 = -1
	switch prefix = strings.ToLower(prefix); prefix {
	case "doi":
		i = l.lookupDOI(corpus.NormalizeDOI(rest))
	case "pmid", "pubmed":
		i = l.lookup(FieldPMID, corpus.NormalizePMID(rest))
	case "pmcid", "pmc":
		i = l.lookup(FieldPMCID, corpus.NormalizePMCID(rest))
		if i < 0 {
			i = l.lookup(FieldPMCID, corpus.NormalizePMCID("PMC"+rest))
		}
	case "arxiv":
		i = l.lookupArXiv(corpus.NormalizeArXiv("arXiv:" + rest))
	case "isbn":
		i = l.lookup(FieldISBN, corpus.NormalizeISBN(rest))
	case "url":
		i = l.lookupURL(rest)
	case "http", "https", "ftp":
		i = l.lookupURL(key)
		if i < 0 && strings.Contains(strings.ToLower(key), "doi.org/") {
			i = l.lookupDOI(corpus.NormalizeDOI(key))
		}
	}
	if i < 0 {
		return nil
	}
	return l.ref(i)
}

// byKeyOrAlias finds v as a key (field key) of any reference, else as an
// alias (field alias): a key wins over an earlier reference's alias.
func (l *Library) byKeyOrAlias(key, alias Field, v string) int32 {
	if i := l.lookup(key, v); i >= 0 {
		return i
	}
	return l.lookup(alias, v)
}

// identifierPrefixes are the prefixes of Manubot-style keys that name an
// identifier rather than a reference (ByKey).
var identifierPrefixes = map[string]bool{
	"doi": true, "pmid": true, "pubmed": true, "pmcid": true, "pmc": true, "arxiv": true,
	"isbn": true, "url": true, "http": true, "https": true, "ftp": true, "wikidata": true,
}

// IsIdentifierKey reports whether a citation key names an identifier, as
// Manubot's do ("doi:10.1038/nature14539", "pmid:26017442", "url:…",
// "https://…"), rather than a reference by its key.
func IsIdentifierKey(key string) bool {
	key = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(key), "@"))
	prefix, rest, ok := strings.Cut(key, ":")
	return ok && strings.TrimSpace(rest) != "" && identifierPrefixes[strings.ToLower(prefix)]
}

// lookupDOI finds a DOI, and an arXiv DOI by its arXiv identifier.
func (l *Library) lookupDOI(doi string) int32 {
	if i := l.lookup(FieldDOI, doi); i >= 0 {
		return i
	}
	if rest, ok := strings.CutPrefix(doi, "10.48550/arxiv."); ok {
		return l.lookup(FieldArXiv, corpus.NormalizeArXiv(rest))
	}
	return -1
}

// lookupArXiv finds an arXiv identifier, and a reference that has only
// the arXiv DOI.
func (l *Library) lookupArXiv(id string) int32 {
	if i := l.lookup(FieldArXiv, id); i >= 0 {
		return i
	}
	if id == "" {
		return -1
	}
	return l.lookup(FieldDOI, "10.48550/arxiv."+id)
}

// lookupURL finds the one reference with a URL; a URL that several
// references share (a site's home page) names none of them.
func (l *Library) lookupURL(u string) int32 {
	if is := l.some(FieldURL, urlKey(u), 2); len(is) == 1 {
		return is[0]
	}
	return -1
}

// NearKey returns the library key nearest to key, compared without case,
// when it is one or two edits away (a dangling citation's "did you
// mean"), or "". Of keys equally near, the first in key order wins.
func (l *Library) NearKey(key string) string {
	lk := strings.ToLower(key)
	var keys []string
	for _, v := range l.near(FieldFold, lk, 2) {
		for _, i := range l.some(FieldFold, v, 0) {
			keys = append(keys, l.key(i))
		}
	}
	slices.Sort(keys)
	best, bestD := "", 3
	for _, k := range slices.Compact(keys) {
		if abs(len(k)-len(key)) >= bestD {
			continue
		}
		if d := corpus.EditDistance(lk, strings.ToLower(k), bestD); d < bestD {
			best, bestD = k, d
		}
	}
	return best
}
