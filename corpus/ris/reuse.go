package ris

// The functions below are how RIS records become BibTeX-shaped references,
// exported for the other readers of tagged formats (corpus/endnote,
// corpus/pubmed; with AssignKeys and Derive), so that every format names,
// dates and keys its references alike.

// Name writes a "Family, Given" or "Family, Given, Suffix" name as BibTeX
// name source; a name with no comma is an organisation and is braced.
func Name(n string) string { return bibtexName(n) }

// Pages writes a first and last page, or a range in the first, as a
// BibTeX page range ("100--110").
func Pages(first, last string) string { return pages(first, last) }

// StandardNumbers sorts values that may each hold several numbers into
// ISBNs and ISSNs, each list joined with ", ".
func StandardNumbers(values []string) (isbn, issn string) { return standardNumbers(values) }

// Month returns a month's BibTeX macro and the text it stands for
// ("mar", "March"), or "" for a month outside 1 to 12.
func Month(m int) (raw, value string) {
	if m < 1 || m > 12 {
		return "", ""
	}
	return monthMacros[m-1], monthNames[m-1]
}
