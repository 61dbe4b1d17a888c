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

// Where it differs from pandoc's citeproc on purpose (the differential
// test counts these entries as unequal):
//   - et-al and other name options set on cs:bibliography or cs:citation
//     override those on cs:style, as CSL 1.0.2 says (pandoc lets the
//     style's win);
//   - a title-cased word of capitals and digits ("CASP12") keeps its case;
//   - a page range such as "1-10" in minimal format prints "1–10" (pandoc
//     prints "1–0");
//   - a given name in capitals ("CA") under initialize="true" gives its
//     first initial, as pandoc does, not two initials as citeproc-js does.
