// Package csl is a CSL 1.0.2 processor: it parses Citation Style Language
// styles and locale files and renders CSL items as bibliographies and in-text
// citations in plain text, HTML or Markdown.
//
// It owns the meaning of a style; it must not know about the library, BibTeX
// or the command line (export/csl maps references to CSL items, and callers
// pick styles and locales from files).
//
// The processor is written by hand in Go because the only existing Go route
// runs citeproc-js inside a JavaScript interpreter, which brings its licence,
// a slow start and a second runtime (issue 19).
package csl
