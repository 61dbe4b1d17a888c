package registry

import "testing"

func TestCSLType_CrossrefTypesBecomeCSLAndOthersPassThrough(t *testing.T) {
	for in, want := range map[string]string{
		"journal-article": "article-journal", "book-chapter": "chapter", "proceedings-article": "paper-conference",
		"posted-content": "posted-content", "dissertation": "thesis", "dataset": "dataset", "monograph": "book",
		"report": "report", "reference-entry": "entry", "peer-review": "review", "Journal-Article ": "article-journal",
		"report-component": "report", "journal-issue": "periodical", "edited-book": "book",
		// Crossref's catch-alls are no preprints.
		"other": "document", "component": "document", "grant": "document",
		// CSL types, as DataCite writes them, and types Crossref adds later.
		"article-journal": "article-journal", "legal_case": "legal_case", "software": "software",
		"something-new": "something-new", "": "",
	} {
		if got := CSLType(in); got != want {
			t.Errorf("CSLType(%q) = %q, want %q", in, got, want)
		}
	}
}
