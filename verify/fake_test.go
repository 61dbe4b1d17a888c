package verify

import (
	"context"
	"strings"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/bibtex"
	"github.com/evident-tools/evident/registry"
)

// fakeRegistry answers from maps and counts what it was asked.
type fakeRegistry struct {
	name     string
	records  map[registry.ID]registry.Record
	errs     map[registry.ID]error // an answer other than a record
	searches map[string][]registry.Record
	// searchErr answers every search when set.
	searchErr error
	// down makes every request unavailable.
	down    string
	lookups int
	queries []string
}

func newFake(name string) *fakeRegistry {
	return &fakeRegistry{name: name, records: map[registry.ID]registry.Record{}, errs: map[registry.ID]error{}, searches: map[string][]registry.Record{}}
}

func (f *fakeRegistry) Name() string { return f.name }

func (f *fakeRegistry) Lookup(ctx context.Context, id registry.ID) (registry.Record, error) {
	f.lookups++
	if err := ctx.Err(); err != nil {
		return registry.Record{}, err
	}
	if f.down != "" {
		return registry.Record{}, &registry.Unavailable{Registry: f.name, Reason: f.down}
	}
	if err, ok := f.errs[id]; ok {
		return registry.Record{}, err
	}
	if r, ok := f.records[id]; ok {
		return r, nil
	}
	return registry.Record{}, registry.ErrNotFound
}

func (f *fakeRegistry) Search(ctx context.Context, q string) ([]registry.Record, error) {
	f.queries = append(f.queries, q)
	if f.down != "" {
		return nil, &registry.Unavailable{Registry: f.name, Reason: f.down}
	}
	if f.searchErr != nil {
		return nil, f.searchErr
	}
	// The first recorded search whose key is in the query answers.
	for k, v := range f.searches {
		if strings.Contains(strings.ToLower(q), strings.ToLower(k)) {
			return v, nil
		}
	}
	return nil, nil
}

func (f *fakeRegistry) add(rec registry.Record) {
	if rec.DOI != "" {
		f.records[registry.ID{Kind: registry.DOI, Value: rec.DOI}] = rec
	}
	if rec.PMID != "" {
		f.records[registry.ID{Kind: registry.PMID, Value: rec.PMID}] = rec
	}
}

// memCache is a Cache in memory.
type memCache struct {
	m    map[string]Entry
	puts int
}

func (c *memCache) Get(key string) (Entry, bool, error) {
	e, ok := c.m[key]
	return e, ok, nil
}

func (c *memCache) Put(key string, e Entry) error {
	if c.m == nil {
		c.m = map[string]Entry{}
	}
	c.puts++
	c.m[key] = e
	return nil
}

// mkRef builds a reference as the BibTeX reader would: authors in BibTeX
// form ("Smith, John and Doe, A."), fields volume, pages, journal, doi.
func mkRef(key, authors, title string, year int, fields ...string) *corpus.Reference {
	r := &corpus.Reference{Key: key, Type: "article", Title: title, Year: year}
	r.Authors, r.AuthorsEtAl = bibtex.ParseNames(authors)
	for i := 0; i+1 < len(fields); i += 2 {
		r.Fields = append(r.Fields, corpus.Field{Name: fields[i], Raw: fields[i+1], Value: fields[i+1]})
		switch fields[i] {
		case "journal", "booktitle":
			r.Venue = fields[i+1]
		case "doi":
			r.IDs.DOI = corpus.NormalizeDOI(fields[i+1])
		case "pmid":
			r.IDs.PMID = corpus.NormalizePMID(fields[i+1])
		case "eprint":
			r.IDs.ArXiv = corpus.NormalizeArXiv(fields[i+1])
		}
	}
	return r
}

func authors(names ...string) []registry.Author {
	var out []registry.Author
	for _, n := range names {
		given, family, ok := strings.Cut(n, " ")
		if !ok {
			family, given = given, ""
		}
		out = append(out, registry.Author{Given: given, Family: family})
	}
	return out
}
