// Package bibtex reads and writes BibTeX: it splits a file into entries,
// recovers from a bad entry without losing the good ones, expands @string
// macros and crossref/xdata inheritance, decodes LaTeX to Unicode and parses
// names. It turns entries into corpus references; it never touches the store.
//
// The entry scanner is written by hand rather than delegated to
// github.com/nickng/bibtex: that parser returns nothing for a whole file at the
// first syntax error, ends the process on an undefined macro, rejects the
// parenthesis form, '*' in keys and '@' in values, and reports no line numbers,
// all of which import must handle. nickng/bibtex serves as an independent
// oracle in this package's tests instead (see oracle_test.go).
package bibtex
