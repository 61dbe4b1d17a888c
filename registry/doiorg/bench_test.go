package doiorg

import (
	"os"
	"testing"
)

// BenchmarkParseCSL reads the recorded 21 KB Crossref answer.
func BenchmarkParseCSL(b *testing.B) {
	body, err := os.ReadFile("testdata/science.169.3946.635.csl.json")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ParseCSL(body); err != nil {
			b.Fatal(err)
		}
	}
}
