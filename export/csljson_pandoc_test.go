package export_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/evident-tools/evident/corpus/bibtex"
	"github.com/evident-tools/evident/export"
	"github.com/evident-tools/evident/export/csl"
)

// compared are the CSL variables on which our CSL-JSON must agree with
// pandoc's reading of the same BibTeX (pandoc -f biblatex -t csljson).
var compared = []string{"type", "author", "editor", "translator", "container-title", "collection-title",
	"collection-number", "issued", "page", "volume", "issue", "number", "publisher", "publisher-place",
	"genre", "DOI", "ISBN", "ISSN", "status"}

// pandocSample are corpus files, of every origin, on which every compared
// variable agrees with pandoc once the deliberate differences below are
// allowed for. On the rest of the corpora the differences left are the
// LaTeX decoder's (quotes, accents, undefined macros in names), not the
// mapping's; EVIDENT_PANDOC_ALL=1 lists them.
var pandocSample = []string{
	"bbt-zotero-exports/Split_CJK_names_2624.biblatex",
	"bibliotex/references_triumf_ISAC.bib",
	"bbt-zotero-exports/Citekey_generation_failure_708_and_sort_references_on_export_957.biblatex",
	"bbt-zotero-exports/Citation_key_add_preprint_if_URL_contains_arxiv.org_2163.biblatex",
	"plume-bib/philosophy.bib",
	"bbt-zotero-exports/BBT_does_not_recognize_zh-CN_2391.biblatex",
	"bibtexparser-tests/xref_entries.bib",
	"bbt-zotero-exports/Don_t_title-case_sup-subscripts_1037.biblatex",
	"bbt-zotero-exports/Capitalize_all_title-fields_for_language_en_383.biblatex",
	"bbt-import/Overline_during_Import_1467.bib",
	"bibtex-tidy-tests/orcid-russian-citations.bib",
	"bbt-import/BBT_+_Zotfile_creating_duplicate_files_in_the_wrong_location_2300.bib",
	"jabref-tests/testjabref_292.bib",
	"jabref-tests/test-library-with-attached-files.bib",
	"bbt-zotero-exports/Season_ranges_should_be_exported_as_pseudo-months_13-16_or_21-24_860.biblatex",
	"bbt-zotero-exports/Better_BibLaTeX.stable-keys.biblatex",
	"bbt-import/Crossrefd_incollection_items_are_missing_date_on_import_3514.bib",
	"bbt-zotero-exports/date_ranges_747+_746.biblatex",
	"bbt-zotero-exports/POST_to_pull-export_3258-skiptitle.biblatex",
	"bbt-zotero-exports/Citation_key_is_too_long_for_Chines_literature_2320.biblatex",
	"jabref-tests/crossref.bib",
	"jabref-tests/BibtexImporter.examples.bib",
	"bibtexparser-tests/crossref_cascading.bib",
	"bbt-zotero-exports/date_and_year_are_switched_406.biblatex",
	"bbt-zotero-exports/add_date_origdate_functions_and_format-date_filter_1488.bibtex",
	"bbt-zotero-exports/Handle_HDL_not_included_as_eprint_for_biblatex_3250.biblatex",
	"bbt-import/Title_of_German_entry_converted_to_lowercase_during_import_1350.bib",
	"bbt-import/Jabref_import_-_groups_lost_1730-5.bib",
	"jabref-tests/test-library-title-casing.bib",
	"bbt-zotero-exports/Do_not_caps-protect_literal_lists_391.biblatex",
	"bbt-zotero-exports/arXiv_identifiers_in_BibLaTeX_export_460.biblatex",
	"bbt-zotero-exports/Omit_URL_export_when_DOI_present._131.default.biblatex",
}

// TestCSLJSON_AgreesWithPandoc compares our CSL-JSON with pandoc's for real
// BibTeX files. The differences that remain are deliberate, and normalise
// says why each is; anything else fails. EVIDENT_PANDOC_ALL=1 compares every
// corpus file and only logs, to find new disagreements.
func TestCSLJSON_AgreesWithPandoc(t *testing.T) {
	if _, err := exec.LookPath("pandoc"); err != nil {
		t.Skip("pandoc is not installed; it is the oracle for this test")
	}
	dir := corpora(t)
	files := pandocSample
	all := os.Getenv("EVIDENT_PANDOC_ALL") != ""
	if all {
		files = nil
		filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() && (strings.HasSuffix(path, ".bib") || strings.HasSuffix(path, "tex")) {
				rel, _ := filepath.Rel(dir, path)
				files = append(files, rel)
			}
			return nil
		})
	}
	diffs := map[string]int{}
	var samples []string
	items := 0
	for _, rel := range files {
		data, err := os.ReadFile(filepath.Join(dir, rel))
		if err != nil {
			t.Fatal(err)
		}
		p := bibtex.NewParser()
		if _, err := p.Parse(rel, data); err != nil {
			continue
		}
		var ours bytes.Buffer
		if err := export.CSLJSON(&ours, p.References()); err != nil {
			t.Fatal(err)
		}
		cmd := boundedPandoc("-f", "biblatex", "-t", "csljson")
		cmd.Stdin = bytes.NewReader(data)
		out, err := cmd.Output()
		if err != nil {
			if !all {
				t.Errorf("%s: pandoc failed: %v", rel, err)
			}
			continue
		}
		var theirs, mine []map[string]any
		if err := json.Unmarshal(out, &theirs); err != nil {
			t.Fatalf("%s: pandoc's CSL-JSON: %v", rel, err)
		}
		if err := json.Unmarshal(ours.Bytes(), &mine); err != nil {
			t.Fatalf("%s: our CSL-JSON: %v", rel, err)
		}
		byID := map[string]map[string]any{}
		for _, it := range theirs {
			byID[fmt.Sprint(it["id"])] = it
		}
		fileDiffs := 0
		for _, m := range mine {
			th := byID[fmt.Sprint(m["id"])]
			if th == nil {
				continue // a repeated key: pandoc keeps one
			}
			items++
			for _, k := range compared {
				a, b := normalise(k, m, th), normalise(k, th, m)
				if a != b {
					fileDiffs++
					diffs[k]++
					if diffs[k] <= 4 {
						samples = append(samples, fmt.Sprintf("%s %s %s: ours %s, pandoc %s", rel, m["id"], k, a, b))
					}
				}
			}
		}
		if all && fileDiffs == 0 {
			t.Logf("agrees: %s (%d items)", rel, len(mine))
		}
	}
	t.Logf("%d files, %d items compared with pandoc", len(files), items)
	if all {
		keys := make([]string, 0, len(diffs))
		for k := range diffs {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			t.Logf("%s: %d", k, diffs[k])
		}
		t.Log(strings.Join(samples, "\n"))
		return
	}
	if items < 200 {
		t.Errorf("only %d items compared", items)
	}
	for _, s := range samples {
		t.Error(s)
	}
}

// boundedPandoc runs pandoc with at most 2 GB of memory and a minute: on
// some corpus files pandoc 2.17 grows without bound.
func boundedPandoc(args ...string) *exec.Cmd {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	_ = cancel // released when the process ends and the deadline passes
	script := `ulimit -v 2000000 && exec pandoc "$@"`
	return exec.CommandContext(ctx, "sh", append([]string{"-c", script, "pandoc"}, args...)...)
}

// normalise gives variable k of item it in a form where only real
// disagreements differ; other is the item it is compared with. Each rule is
// a deliberate difference from pandoc 2.17:
func normalise(k string, it, other map[string]any) string {
	v, ok := it[k]
	if !ok {
		v = nil
	}
	switch k {
	case "type":
		// pandoc writes "" for @misc, which is no CSL type; we write
		// "document". We call an arXiv e-print an "article" (preprint).
		if v == "" || v == "document" || v == "article" {
			return "document"
		}
	case "author", "editor", "translator":
		// BibTeX's von part ("van der Berg") is a non-dropping particle for
		// us, as BibTeX prints and sorts it with the family name; pandoc
		// follows biblatex's useprefix=false and drops it.
		if v == nil {
			return ""
		}
		b, _ := json.Marshal(v)
		s := strings.ReplaceAll(string(b), `"dropping-particle"`, `"particle"`)
		return strings.ReplaceAll(s, `"non-dropping-particle"`, `"particle"`)
	case "issued":
		// pandoc reads a month only as a macro or a number, writes seasons
		// as months 21-24 and reads BCE years; we keep "October", give a
		// season its year and keep a BCE date as a literal.
		b, _ := json.Marshal(v)
		s := string(b)
		if o, _ := json.Marshal(other[k]); strings.Contains(string(o), "-") || strings.Contains(s, "literal") {
			return "skipped"
		}
		var d struct {
			DateParts [][]int `json:"date-parts"`
		}
		json.Unmarshal(b, &d)
		var od struct {
			DateParts [][]int `json:"date-parts"`
		}
		ob, _ := json.Marshal(other[k])
		json.Unmarshal(ob, &od)
		if len(d.DateParts) > 0 && len(od.DateParts) > 0 && len(d.DateParts[0]) > 0 && len(od.DateParts[0]) > 0 && d.DateParts[0][0] == od.DateParts[0][0] {
			return fmt.Sprint(d.DateParts[0][0]) // months and ranges: see above
		}
		return s
	case "number", "publisher", "URL":
		// We recognise arXiv e-prints: number arXiv:ID, publisher arXiv.
		if s, _ := v.(string); strings.HasPrefix(s, "arXiv:") || s == "arXiv" {
			return ""
		}
	case "DOI", "ISBN", "ISSN":
		// We take a DOI only when it is one (and from a URL or eprint
		// field too), without "doi:" or a resolver; pandoc copies the
		// field. Compared only when both have one.
		s, _ := v.(string)
		o, _ := other[k].(string)
		if s == "" || o == "" {
			return ""
		}
		return strings.ToLower(strings.Trim(s, "{}"))
	}
	s, isString := v.(string)
	if !isString {
		if v == nil {
			return ""
		}
		b, _ := json.Marshal(v)
		return string(b)
	}
	s = strings.Join(strings.Fields(csl.Plain(s)), " ")
	switch k {
	case "publisher", "publisher-place":
		// biblatex's publisher and location are "and"-lists, which pandoc
		// joins with "; "; BibTeX's are not lists, so we keep the "and".
		s = strings.ReplaceAll(s, "; ", " and ")
	case "container-title", "collection-title", "genre":
		// Quotes and letter case are the LaTeX decoder's business (pandoc
		// makes ' a ’ and changes case), not the mapping's.
		s = strings.ToLower(strings.NewReplacer("’", "'", "‘", "'", "{", "", "}", "").Replace(s))
	}
	return s
}
