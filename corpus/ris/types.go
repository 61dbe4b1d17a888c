package ris

import "strings"

// entryTypes maps RIS reference types (the TY tag) to BibTeX and biblatex
// entry types. Types with no closer BibTeX type read as misc, which keeps
// every field; the RIS type is then kept in the entry's ristype field.
var entryTypes = map[string]string{
	"JOUR":    "article",
	"EJOUR":   "article",
	"JFULL":   "periodical",
	"MGZN":    "article", // entrysubtype = magazine
	"NEWS":    "article", // entrysubtype = newspaper
	"INPR":    "article",
	"ABST":    "article",
	"BOOK":    "book",
	"EBOOK":   "book",
	"EDBOOK":  "collection",
	"CHAP":    "incollection",
	"ECHAP":   "incollection",
	"CONF":    "proceedings",
	"CPAPER":  "inproceedings",
	"THES":    "thesis",
	"RPRT":    "techreport",
	"ELEC":    "online",
	"WEB":     "online",
	"BLOG":    "online",
	"GEN":     "misc",
	"UNPB":    "unpublished",
	"MANSCPT": "unpublished",
	"DATA":    "dataset",
	"DBASE":   "dataset",
	"COMP":    "software",
	"PAT":     "patent",
	"PAMP":    "booklet",
	"ENCYC":   "inreference",
	"DICT":    "inreference",
	"STAND":   "standard",
	"ART":     "artwork",
	"SOUND":   "audio",
	"MUSIC":   "music",
	"MPCT":    "movie",
	"VIDEO":   "video",
	"PCOMM":   "letter",
	"CASE":    "jurisdiction",
	"STAT":    "legislation",
	"BILL":    "legislation",
}

// subtypes are the RIS types that need biblatex's entrysubtype to say what
// their BibTeX type alone cannot.
var subtypes = map[string]string{"MGZN": "magazine", "NEWS": "newspaper"}

// EntryType returns the BibTeX entry type for a RIS type, and whether the
// RIS type is one evident knows.
func EntryType(ty string) (string, bool) {
	t, ok := entryTypes[strings.ToUpper(ty)]
	if !ok {
		return "misc", false
	}
	return t, true
}
