package resolve

import (
	"strings"
	"sync"

	"github.com/evident-tools/evident/corpus"
)

// Library indexes references for matching: by every identifier, by key
// (case-insensitive), by first-author surname, and by the words of their
// titles. It is read-only once built and safe for concurrent use.
type Library struct {
	refs []*corpus.Reference
	info []refInfo

	byKey  map[string]int
	byFold map[string]int

	byDOI   map[string]int
	byPMID  map[string]int
	byPMCID map[string]int
	byArXiv map[string]int
	byISBN  map[string]int
	byURL   map[string][]int32

	// byTitle holds each whole title (its words joined), postings each
	// title word; both point into refs.
	byTitle  map[string][]int32
	postings map[string][]int32
	// byFirst holds the first author's folded surname, the surname without
	// particles and a corporate author's initials.
	byFirst map[string][]int32

	// counters recycles the candidate counters of candidates.
	counters sync.Pool
}

// refInfo is what matching compares of one reference, computed once.
type refInfo struct {
	title, main []string
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

// NewLibrary indexes refs. Nil references are skipped; when two share a
// key or an identifier the first one wins. A reference's aliases find it as
// its key does, but never in place of another reference's key.
func NewLibrary(refs []*corpus.Reference) *Library {
	n := len(refs)
	l := &Library{
		refs:     make([]*corpus.Reference, 0, n),
		info:     make([]refInfo, 0, n),
		byKey:    make(map[string]int, n),
		byFold:   make(map[string]int, n),
		byDOI:    make(map[string]int, n),
		byPMID:   make(map[string]int),
		byPMCID:  make(map[string]int),
		byArXiv:  make(map[string]int),
		byISBN:   make(map[string]int),
		byURL:    make(map[string][]int32),
		byTitle:  make(map[string][]int32, n),
		postings: make(map[string][]int32, 4*n),
		byFirst:  make(map[string][]int32, n),
	}
	for _, r := range refs {
		if r == nil {
			continue
		}
		l.add(r)
	}
	for i, r := range l.refs {
		for _, a := range r.Aliases {
			putFirst(l.byKey, a, i)
		}
	}
	for i, r := range l.refs {
		for _, a := range r.Aliases {
			putFirst(l.byFold, strings.ToLower(a), i)
		}
	}
	return l
}

func (l *Library) add(r *corpus.Reference) {
	i := len(l.refs)
	idx := int32(i)
	l.refs = append(l.refs, r)
	// refInfo holds a sync.Once: it is filled in place, never copied.
	l.info = append(l.info, refInfo{})
	info := &l.info[i]
	norm := corpus.NormalizeTitle(r.Title)
	info.title = contentWords(norm)
	info.main = mainTitle(r.Title)
	info.year = r.Year
	info.etAl = r.AuthorsEtAl
	info.sortTitle = sortNormalized(norm)
	info.names = r.Authors
	if len(info.names) == 0 {
		info.names = r.Editors
	}
	info.n = len(info.names)
	if info.n > 0 {
		info.first = refNameKey(info.names[0], true)
	}

	putFirst(l.byKey, r.Key, i)
	putFirst(l.byFold, strings.ToLower(r.Key), i)
	putFirst(l.byDOI, r.IDs.DOI, i)
	putFirst(l.byPMID, r.IDs.PMID, i)
	putFirst(l.byPMCID, r.IDs.PMCID, i)
	putFirst(l.byArXiv, r.IDs.ArXiv, i)
	putFirst(l.byISBN, r.IDs.ISBN, i)
	if k := urlKey(r.IDs.URL); k != "" {
		l.byURL[k] = append(l.byURL[k], idx)
	}
	if len(info.title) > 0 {
		t := strings.Join(info.title, " ")
		l.byTitle[t] = append(l.byTitle[t], idx)
	}
	for j, w := range info.title {
		if indexOf(info.title[:j], w) < 0 {
			l.postings[w] = append(l.postings[w], idx)
		}
	}
	if info.n > 0 {
		a := info.first
		for j, k := range []string{a.full, a.bare, a.acronym} {
			if k != "" && (j == 0 || k != a.full) {
				l.byFirst[k] = append(l.byFirst[k], idx)
			}
		}
		// "CDC" for Centers for Disease Control and Prevention: the
		// initials less trailing words, from three letters on.
		for n := 3; a.corporate && n < len(a.acronym); n++ {
			l.byFirst[a.acronym[:n]] = append(l.byFirst[a.acronym[:n]], idx)
		}
	}
}

func putFirst(m map[string]int, k string, i int) {
	if k == "" {
		return
	}
	if _, ok := m[k]; !ok {
		m[k] = i
	}
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
func (l *Library) Len() int { return len(l.refs) }

// ByKey returns the reference with the given key or alias: the exact key,
// else an exact alias, else either compared without case. A Manubot-style key names an identifier
// instead: "doi:10.1038/nature14539", "pmid:26017442", "pmcid:PMC4494865",
// "arxiv:1706.03762", "isbn:9780262035613", "url:https://…" (or the bare
// URL). It returns nil when nothing matches.
func (l *Library) ByKey(key string) *corpus.Reference {
	if i, ok := l.byKey[key]; ok {
		return l.refs[i]
	}
	key = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(key), "@"))
	if i, ok := l.byFold[strings.ToLower(key)]; ok {
		return l.refs[i]
	}
	prefix, rest, ok := strings.Cut(key, ":")
	if !ok {
		return nil
	}
	i := -1
	switch prefix = strings.ToLower(prefix); prefix {
	case "doi":
		i = l.lookupDOI(corpus.NormalizeDOI(rest))
	case "pmid", "pubmed":
		i = lookup(l.byPMID, corpus.NormalizePMID(rest))
	case "pmcid", "pmc":
		i = lookup(l.byPMCID, corpus.NormalizePMCID(rest))
		if i < 0 {
			i = lookup(l.byPMCID, corpus.NormalizePMCID("PMC"+rest))
		}
	case "arxiv":
		i = l.lookupArXiv(corpus.NormalizeArXiv("arXiv:" + rest))
	case "isbn":
		i = lookup(l.byISBN, corpus.NormalizeISBN(rest))
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
	return l.refs[i]
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

func lookup(m map[string]int, k string) int {
	if k == "" {
		return -1
	}
	if i, ok := m[k]; ok {
		return i
	}
	return -1
}

// lookupDOI finds a DOI, and an arXiv DOI by its arXiv identifier.
func (l *Library) lookupDOI(doi string) int {
	if i := lookup(l.byDOI, doi); i >= 0 {
		return i
	}
	if rest, ok := strings.CutPrefix(doi, "10.48550/arxiv."); ok {
		return lookup(l.byArXiv, corpus.NormalizeArXiv(rest))
	}
	return -1
}

// lookupArXiv finds an arXiv identifier, and a reference that has only
// the arXiv DOI.
func (l *Library) lookupArXiv(id string) int {
	if i := lookup(l.byArXiv, id); i >= 0 {
		return i
	}
	if id == "" {
		return -1
	}
	return lookup(l.byDOI, "10.48550/arxiv."+id)
}

// lookupURL finds the one reference with a URL; a URL that several
// references share (a site's home page) names none of them.
func (l *Library) lookupURL(u string) int {
	k := urlKey(u)
	if k == "" {
		return -1
	}
	if is := l.byURL[k]; len(is) == 1 {
		return int(is[0])
	}
	return -1
}
