package openalex

import "testing"

// BenchmarkParseWork reads the recorded 22 KB PNAS work, abstract included.
func BenchmarkParseWork(b *testing.B) {
	body := readTestdata(b, "W2109415576.json")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ParseWork(body); err != nil {
			b.Fatal(err)
		}
	}
}
