package crossref

import (
	"strings"
	"testing"
)

// BenchmarkParseWork reads the largest recorded work (Nature Machine
// Intelligence, 34 KB with its reference list).
func BenchmarkParseWork(b *testing.B) {
	var body []byte
	for _, in := range load(b, "test_bulk_doi_search.yaml") {
		if strings.Contains(in.URI, "s42256-024-00832-8?") {
			body = in.Body
		}
	}
	if body == nil {
		b.Fatal("recording not found")
	}
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		if _, err := parseWork(body); err != nil {
			b.Fatal(err)
		}
	}
}
