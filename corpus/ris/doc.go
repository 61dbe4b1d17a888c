// Package ris reads RIS files (the tagged format of EndNote, Zotero, Mendeley
// and the databases) into library references whose fields are BibTeX fields,
// so that a RIS import is stored, searched and exported like a BibTeX one.
// It reads bytes and returns references; it knows nothing of the store.
package ris
