package csljson

// entryTypes maps CSL item types to BibTeX and biblatex entry types, with
// biblatex's entrysubtype where the type alone cannot say it. export/csl
// has the reverse table; it maps many BibTeX types to one CSL type
// (techreport and report to report), so it cannot simply be inverted, and
// this one cannot live beside it because corpus must not import export.
// TestEntryTypes_RoundTrip checks that the two agree: each type here
// exports as the CSL type it came from, except those listed there.
var entryTypes = map[string]struct{ typ, subtype string }{
	"article":                {"preprint", ""}, // CSL 1.0.2: preprints and working papers
	"article-journal":        {"article", ""},
	"article-magazine":       {"article", "magazine"},
	"article-newspaper":      {"article", "newspaper"},
	"review":                 {"article", ""},
	"review-book":            {"article", ""},
	"periodical":             {"periodical", ""},
	"book":                   {"book", ""},
	"classic":                {"book", ""},
	"collection":             {"collection", ""},
	"chapter":                {"incollection", ""},
	"paper-conference":       {"inproceedings", ""},
	"entry":                  {"inreference", ""},
	"entry-dictionary":       {"inreference", ""},
	"entry-encyclopedia":     {"inreference", ""},
	"thesis":                 {"thesis", ""},
	"report":                 {"techreport", ""},
	"webpage":                {"online", ""},
	"post":                   {"online", ""},
	"post-weblog":            {"online", ""},
	"dataset":                {"dataset", ""},
	"software":               {"software", ""},
	"patent":                 {"patent", ""},
	"pamphlet":               {"booklet", ""},
	"manuscript":             {"unpublished", ""},
	"document":               {"misc", ""},
	"standard":               {"standard", ""},
	"graphic":                {"artwork", ""},
	"song":                   {"audio", ""},
	"motion_picture":         {"movie", ""},
	"broadcast":              {"video", ""},
	"personal_communication": {"letter", ""},
	"legal_case":             {"jurisdiction", ""},
	"legislation":            {"legislation", ""},
	"bill":                   {"legislation", ""},
	"regulation":             {"legislation", ""},
	"treaty":                 {"legislation", ""},
	"map":                    {"misc", ""},
	"interview":              {"misc", ""},
	"speech":                 {"misc", ""},
	"event":                  {"misc", ""},
	"performance":            {"misc", ""},
	"hearing":                {"misc", ""},
}

// EntryType returns the BibTeX entry type and entrysubtype for a CSL item
// type, and whether the CSL type is one evident knows; an unknown type is
// misc.
func EntryType(cslType string) (typ, subtype string, ok bool) {
	t, ok := entryTypes[cslType]
	if !ok {
		return "misc", "", false
	}
	return t.typ, t.subtype, true
}
