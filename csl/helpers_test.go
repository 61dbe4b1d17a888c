package csl

import "testing"

// mustProcessor compiles a style written in a test with the corpora's
// locales.
func mustProcessor(t *testing.T, style string, opts Options) *Processor {
	t.Helper()
	st, err := ParseStyle([]byte(style), "t.csl")
	if err != nil {
		t.Fatal(err)
	}
	p, err := New(st, testLocales(t), opts)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// styleWith writes a minimal en-US style of a class around a citation
// and a bibliography element (either may be empty).
func styleWith(class, citation, bibliography string) string {
	return `<?xml version="1.0"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="` + class + `" version="1.0" default-locale="en-US">
<info><title>T</title><id>t</id></info>
` + citation + `
` + bibliography + `
</style>`
}
