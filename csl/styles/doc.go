// Package styles owns the CSL styles and locales evident can use: the seven
// built-in styles and seven locales embedded in the binary, and the styles
// and locales found in styles folders (evident's own, Zotero's, the
// system's). It finds, reads the <info> of and lists style files; it never
// renders anything (package csl does) and never writes a file.
//
// The embedded files under data/ are the only files from outside the
// project that this package brings in: unchanged copies of the CSL
// project's styles and locales (CC BY-SA 3.0, data/LICENSE), each one's
// origin named in data/SOURCES.tsv.
package styles
