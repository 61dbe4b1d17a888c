package index

import (
	"runtime"

	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/mapping"
)

// Bleve's offline builder maps and analyses a batch's documents on the
// goroutine that builds the batch's segment, under the builder's lock, so
// one shard's build keeps one core busy: 40% of that core's time was the
// analysis. A rebuild therefore maps and analyses each document on a pool
// of goroutines first (analyseChunks), and hands the builder documents
// that are ready (premapped): the builder then only builds segments. The
// result is the same index, documents in the same order, so searches
// answer as before; Bleve offers no hook for this, hence the two small
// wrappers below.

// premapped is the index mapping a rebuild's builder is made with: the
// mapping itself (stored in the index, and written as the same JSON), but
// its MapDocument takes a document that analyseDoc has mapped and analysed
// already, as it is.
type premapped struct {
	*mapping.IndexMappingImpl
}

// MapDocument fills doc with the mapped and analysed document data, which
// is a *document.Document from analyseDoc; anything else is mapped as
// the mapping would.
func (m premapped) MapDocument(doc *document.Document, data any) error {
	if d, ok := data.(*document.Document); ok {
		*doc = *d
		return nil
	}
	return m.IndexMappingImpl.MapDocument(doc, data)
}

// analysedField is a field whose Analyze has run: the builder calls
// Analyze again on every field it indexes, which must not redo it.
type analysedField struct {
	document.Field
}

// Analyze does nothing: the field was analysed by analyseDoc.
func (analysedField) Analyze() {}

// analyseDoc maps the document data with id and analyses its indexed
// fields, as the builder would.
func analyseDoc(m *mapping.IndexMappingImpl, id string, data map[string]any) (*document.Document, error) {
	d := document.NewDocument(id)
	if err := m.MapDocument(d, data); err != nil {
		return nil, err
	}
	for i, f := range d.Fields {
		if f.Options().IsIndexed() {
			f.Analyze()
			d.Fields[i] = analysedField{f}
		}
	}
	return d, nil
}

// chunkSize is the number of documents a worker maps and analyses at a
// time: enough to make the hand-over cheap, few enough that the builder
// does not wait long for the first.
const chunkSize = 64

// chunk is a run of one shard's documents, analysed by a worker and then
// indexed by the shard's builder in the order they were made.
type chunk struct {
	docs []bulkDoc
	out  []*document.Document
	err  error
	// done is closed when out (or err) is ready.
	done chan struct{}
}

// analysers returns how many goroutines map and analyse documents: one a
// core, since the builders wait for them.
func analysers() int {
	return max(1, runtime.GOMAXPROCS(0))
}

// analyseChunks maps and analyses the chunks it receives until work is
// closed.
func analyseChunks(m *mapping.IndexMappingImpl, work <-chan *chunk) {
	for c := range work {
		c.out = make([]*document.Document, len(c.docs))
		for i, d := range c.docs {
			if c.out[i], c.err = analyseDoc(m, d.id, d.doc); c.err != nil {
				break
			}
			c.docs[i].doc = nil // the builder needs the analysed document only
		}
		close(c.done)
	}
}
