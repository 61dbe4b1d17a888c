// Package resolve ties what an article cites to the library: it reads the
// entries of an article's own reference list, whatever their style, and
// matches them and author-year citations to library references by
// identifier, title, first author and year, explaining every match and
// every near miss. It reads no files, detects no citation markers (package
// cite does) and passes no judgement on claims (package check does).
//
// Everything here is written by hand: no Go library parses formatted
// reference strings, and the matching rules (particles, corporate authors,
// year suffixes, fabricated identifiers) are the domain itself.
package resolve
