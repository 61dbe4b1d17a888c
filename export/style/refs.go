package style

import (
	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/export/csl"
)

// References formats library references as a reference list in this style:
// numeric styles number them in the order given (pass the order of first
// citation), author-date styles sort them. Each Entry.Key is the library key
// of its reference, so a report can find the entry for a citation.
func (s *Style) References(refs []*corpus.Reference) ([]Entry, error) {
	pitems, err := mapItems(len(refs), func(i int) csl.Item { return csl.FromReference(refs[i]) }, s.proc.softwareAsBook)
	if err != nil {
		return nil, err
	}
	return s.formatMapped(pitems)
}

// ByKey indexes entries by library key.
func ByKey(entries []Entry) map[string]Entry {
	m := make(map[string]Entry, len(entries))
	for _, e := range entries {
		m[e.Key] = e
	}
	return m
}
