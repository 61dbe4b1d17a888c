package endnote

import (
	"strconv"
	"strings"
)

// A record's type is <ref-type name="Journal Article">17</ref-type>. The
// name is what EndNote shows; the number is what stays when the name is
// missing. Types with no closer BibTeX type read as misc, which keeps
// every field, and the EndNote type is then kept in endnote-ref-type.
var typeNames = map[string]string{
	"journal article":         "article",
	"electronic article":      "article",
	"magazine article":        "article",
	"newspaper article":       "article",
	"book":                    "book",
	"electronic book":         "book",
	"edited book":             "collection",
	"book section":            "incollection",
	"electronic book section": "incollection",
	"conference proceedings":  "proceedings",
	"conference paper":        "inproceedings",
	"thesis":                  "thesis",
	"report":                  "techreport",
	"government document":     "techreport",
	"web page":                "online",
	"blog":                    "online",
	"generic":                 "misc",
	"unpublished work":        "unpublished",
	"manuscript":              "unpublished",
	"dataset":                 "dataset",
	"computer program":        "software",
	"patent":                  "patent",
	"pamphlet":                "booklet",
	"encyclopedia":            "inreference",
	"dictionary":              "inreference",
	"standard":                "standard",
	"artwork":                 "artwork",
	"music":                   "music",
	"film or broadcast":       "movie",
	"audiovisual material":    "video",
	"personal communication":  "letter",
	"case":                    "jurisdiction",
	"statute":                 "legislation",
	"bill":                    "legislation",
}

// typeNumbers are EndNote's numbers for the types above.
var typeNumbers = map[int]string{
	2: "artwork", 3: "video", 4: "legislation", 5: "incollection", 6: "book", 7: "jurisdiction",
	9: "software", 10: "proceedings", 12: "online", 13: "misc", 17: "article", 19: "article",
	21: "movie", 23: "article", 24: "booklet", 25: "patent", 26: "letter", 27: "techreport",
	28: "collection", 31: "legislation", 32: "thesis", 34: "unpublished", 36: "unpublished",
	43: "article", 44: "book", 46: "techreport", 47: "inproceedings", 52: "inreference",
	53: "inreference", 58: "standard", 59: "dataset", 60: "incollection", 61: "music",
}

// subtypes are the types that need biblatex's entrysubtype to say what
// their BibTeX type alone cannot.
var subtypes = map[string]string{
	"magazine article": "magazine", "newspaper article": "newspaper",
	"19": "magazine", "23": "newspaper",
}

// entryType returns the BibTeX type of a record's ref-type, its
// entrysubtype, and whether the type is one evident knows.
func entryType(name, number string) (typ, subtype string, ok bool) {
	name = strings.ToLower(strings.Join(strings.Fields(name), " "))
	number = strings.TrimSpace(number)
	if t, ok := typeNames[name]; ok {
		return t, subtypes[name], true
	}
	if n, err := strconv.Atoi(number); err == nil {
		if t, ok := typeNumbers[n]; ok {
			return t, subtypes[number], true
		}
	}
	return "misc", "", false
}
