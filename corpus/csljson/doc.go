// Package csljson reads CSL-JSON (what Zotero, Better BibTeX, Manubot and
// pandoc write) into library references whose fields are BibTeX fields, so
// that a CSL-JSON import is stored, searched and exported like a BibTeX one.
// It reads bytes and returns references; it must not write any format and
// knows nothing of the store.
package csljson
