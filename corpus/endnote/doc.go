// Package endnote reads EndNote XML (EndNote's File > Export > XML, which
// Bookends writes too) into library references with BibTeX fields, as
// corpus/ris does for RIS. It reads bytes and returns references; it must
// not write files or know of the store.
package endnote
